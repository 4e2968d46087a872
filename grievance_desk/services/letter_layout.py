"""A letter laid out for the PDF: letterhead, addressee, date and signature from the settings.

Shared by the draft preview and issuing, so the PDF previewed is the PDF issued.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date

from sqlalchemy.orm import Session

from grievance_desk.documents.letter_pdf import LetterDocument, Letterhead, SignatureBlock
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
            f"The stored {what} is not valid base64 image data. Choose the image again in Settings."
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
) -> LetterDocument:
    """The letter's page content; refused until Settings has the organisation's details."""
    org = read_organisation(session)
    if not org.is_complete:
        raise LetterError(
            "The organisation's and officer's details are incomplete (a letter needs the "
            "organisation's name, the officer's name and an e-mail or phone). Fill them in "
            "under Settings → Organisation."
        )
    addressee = [person.name]
    if person.organisation and not person.organisation.upper().startswith(("DEMO-ACCT", "ACCT")):
        addressee.append(person.organisation)
    address_lines = [line.strip() for line in person.postal_address.split("\n") if line.strip()]
    if len(address_lines) == 1:
        address_lines = [part.strip() for part in address_lines[0].split(",") if part.strip()]
    addressee.extend(address_lines)
    if not address_lines and person.email:
        addressee.append(f"By e-mail: {person.email}")
    contact = []
    if org.officer_email:
        contact.append(f"E-mail: {org.officer_email}")
    if org.officer_phone:
        contact.append(f"Telephone: {org.officer_phone}")
    if org.officer_address:
        contact.append(f"Address: {' '.join(org.officer_address.split())}")
    return LetterDocument(
        letterhead=Letterhead(
            organisation=org.name,
            address=org.address,
            website=org.website,
            logo_png=_png(org.logo_png, "logo"),
        ),
        reference=case.reference,
        date_text=format_date(on, date_format_setting(session)),
        addressee=tuple(addressee),
        subject=subject,
        salutation=salutation,
        body=body,
        closing=closing,
        signature=SignatureBlock(
            name=org.officer_name,
            title=org.officer_title,
            organisation=org.name,
            contact_lines=tuple(contact),
            image_png=_png(org.signature_png, "signature"),
        ),
    )
