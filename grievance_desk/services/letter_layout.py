"""A letter laid out for the PDF: letterhead, addressee, date and signature from the settings.

Shared by the draft preview and issuing, so the PDF previewed is the PDF issued. A letter in
another language (issue 17) gets its date, contact lines, officer's title and the page frame's
words in that language.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date

from sqlalchemy.orm import Session

from grievance_desk.documents.letter_pdf import LetterDocument, Letterhead, SignatureBlock
from grievance_desk.domain.languages import ENGLISH
from grievance_desk.domain.locale_format import letter_date
from grievance_desk.messages import _
from grievance_desk.services.letter_languages import contact_line, frame_labels, officer_title
from grievance_desk.services.letter_records import LetterError
from grievance_desk.services.letter_templates import date_format_setting, format_date
from grievance_desk.services.organisation import read_organisation
from grievance_desk.storage.tables import Case
from grievance_desk.storage.tables import Requester as RequesterRow


def _png(data: str, what: str) -> bytes | None:
    if not data:
        return None
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError) as error:
        raise LetterError(
            _(
                "The stored {what} is not valid base64 image data. Choose the image again in "
                "Settings."
            ).format(what=what)
        ) from error


def letter_document(
    session: Session,
    case: Case,
    person: RequesterRow,
    *,
    subject: str,
    salutation: str,
    body: str,
    closing: str,
    on: date,
    language: str = ENGLISH,
) -> LetterDocument:
    """The letter's page content in ``language``; refused until Settings has the
    organisation's details."""
    org = read_organisation(session)
    if not org.is_complete:
        raise LetterError(
            _(
                "The organisation's and officer's details are incomplete (a letter needs the "
                "organisation's name, the officer's name and an e-mail or phone). Fill them in "
                "under Settings → Organisation."
            )
        )
    addressee = [person.name]
    if person.organisation and not person.organisation.upper().startswith(("DEMO-ACCT", "ACCT")):
        addressee.append(person.organisation)
    address_lines = [line.strip() for line in person.postal_address.split("\n") if line.strip()]
    if len(address_lines) == 1:
        address_lines = [part.strip() for part in address_lines[0].split(",") if part.strip()]
    addressee.extend(address_lines)
    if not address_lines and person.email:
        addressee.append(contact_line("by_email", person.email, language))
    contact = []
    if org.officer_email:
        contact.append(contact_line("email", org.officer_email, language))
    if org.officer_phone:
        contact.append(contact_line("telephone", org.officer_phone, language))
    if org.officer_address:
        contact.append(contact_line("address", " ".join(org.officer_address.split()), language))
    labels = frame_labels(language)  # issue 17: the frame in the letter's language
    date_text = (
        format_date(on, date_format_setting(session))
        if language == ENGLISH
        else letter_date(on, language)
    )
    return LetterDocument(
        letterhead=Letterhead(
            organisation=org.name,
            address=org.address,
            website=org.website,
            logo_png=_png(org.logo_png, "logo"),
        ),
        reference=case.reference,
        date_text=date_text,
        addressee=tuple(addressee),
        subject=subject,
        salutation=salutation,
        body=body,
        closing=closing,
        signature=SignatureBlock(
            name=org.officer_name,
            title=officer_title(org.officer_title, language),
            organisation=org.name,
            contact_lines=tuple(contact),
            image_png=_png(org.signature_png, "signature"),
        ),
        reference_label=labels.get("reference_label", "Our reference"),
        date_label=labels.get("date_label", "Date"),
        subject_label=labels.get("subject_label", "Subject"),
        footer_note=labels.get("footer_note", "Confidential"),
        page_label=labels.get("page", "Page {page} of {total}"),
        continued_label=labels.get("continued", "{reference} (continued)"),
    )
