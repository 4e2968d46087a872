"""A letter as an e-mail draft for the officer's own mail client: no SMTP, nothing sent here.

The app never opens a network connection. To send a letter by e-mail it builds a draft,
addressed to the requester with the subject and a short covering note filled in and the
letter's PDF attached, as an ``.eml`` file with ``X-Unsent: 1``, the header Outlook (and
Thunderbird, through "Edit as new") read as "open as a draft to edit and send". Where no
file can be handed over, a ``mailto:`` link carries the address, subject and text (never an
attachment: the officer attaches the saved PDF). Only when the officer says it went out is
the correspondence recorded on the case.

Building the message is pure (the standard library's ``email`` package); ``letter_email``
reads what it needs from the register.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from urllib.parse import quote

from grievance_desk.domain.case_types import Channel
from grievance_desk.messages import _
from grievance_desk.services.cases import officer_zone
from grievance_desk.services.correspondence import CorrespondenceItem, record_correspondence
from grievance_desk.services.letter_integrity import letter_pdf
from grievance_desk.services.letter_records import get_letter
from grievance_desk.services.organisation import read_organisation
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Case, Letter
from grievance_desk.storage.tables import Requester as RequesterRow

#: Beyond this a ``mailto:`` link is cut by some mail clients and by Windows' shell.
MAILTO_LIMIT = 1900
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(\S(?:[^*]*?\S)?)\*")


class ComposeError(RegisterError):
    """The letter cannot go by e-mail as it stands; the message says what to do."""


@dataclass(frozen=True)
class LetterEmail:
    """Everything the draft needs, read from the register once."""

    reference: str
    letter_id: int
    to_name: str
    to_address: str
    from_name: str
    from_address: str
    subject: str
    note: str
    letter_text: str
    pdf_name: str
    pdf: bytes


def _address(name: str, address: str) -> Address | str:
    try:
        user, domain = address.rsplit("@", 1)
        return Address(display_name=name, username=user, domain=domain)
    except (ValueError, IndexError):
        return address


def draft_message(mail: LetterEmail) -> EmailMessage:
    """The draft as a MIME message: To, From, Subject, X-Unsent, the note and the PDF."""
    message = EmailMessage(policy=SMTP)
    message["To"] = _address(mail.to_name, mail.to_address)
    if mail.from_address:
        message["From"] = _address(mail.from_name, mail.from_address)
    message["Subject"] = mail.subject
    message["X-Unsent"] = "1"  # Outlook: open as an unsent draft, with a Send button
    message.set_content(mail.note)
    message.add_attachment(mail.pdf, maintype="application", subtype="pdf", filename=mail.pdf_name)
    return message


def eml_bytes(mail: LetterEmail) -> bytes:
    """The draft as the bytes of an ``.eml`` file (CRLF line ends, as mail clients expect)."""
    return draft_message(mail).as_bytes()


def mailto_url(mail: LetterEmail) -> str:
    """A ``mailto:`` link with the address, subject and text; the PDF cannot travel in it.

    The letter's text goes in the body when the link stays short enough, else the covering
    note alone, which asks for the attachment.
    """
    base = f"mailto:{quote(mail.to_address, safe='@')}?subject={quote(mail.subject)}&body="
    full = quote(f"{mail.letter_text}")
    if len(base) + len(full) <= MAILTO_LIMIT:
        return base + full
    return base + quote(mail.note)[: MAILTO_LIMIT - len(base)].rsplit("%", 1)[0]


def plain_text(stored: str) -> str:
    """A letter's markup (``**bold**``, ``*italic*``) as plain text for an e-mail body."""
    return _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), stored).strip()


def _note(to_name: str, reference: str, subject: str, issued: str, officer: str) -> str:
    greeting = f"Dear {to_name}," if to_name else "Dear Sir or Madam,"
    lines = [
        greeting,
        "",
        f"Please find attached our letter of {issued} about your request {reference}: {subject}.",
        "",
        "Kindly quote the reference in any reply.",
        "",
        "Regards,",
    ]
    if officer:
        lines.append(officer)
    return "\n".join(lines)


def letter_email(register: Register, letter_id: int) -> LetterEmail:
    """Read an issued letter, its requester and the officer; refuse what cannot be sent."""
    letter = get_letter(register, letter_id)
    if not letter.is_issued or letter.issued_at is None:
        raise ComposeError(
            _(
                "Only an issued letter can be e-mailed: issue it first, so the register keeps "
                "exactly what was sent."
            )
        )
    with register.reading() as session:
        row = session.get(Letter, letter_id)
        assert row is not None
        case = session.get(Case, row.case_id)
        assert case is not None
        person = session.get(RequesterRow, case.requester_id)
        assert person is not None
        organisation = read_organisation(session)
        zone = officer_zone(session)
        to_name, to_address = person.name, person.email.strip()
    if not to_address:
        raise ComposeError(
            _(
                "{reference} has no e-mail address for {to_name}. Add it on the Details tab, "
                "or send the letter by post (Print… or Save as PDF…)."
            ).format(reference=case.reference, to_name=to_name)
        )
    pdf = letter_pdf(register, letter_id)
    issued = letter.issued_at.astimezone(zone).strftime("%d %B %Y").lstrip("0")
    officer = "\n".join(
        part
        for part in (organisation.officer_name, organisation.officer_title, organisation.name)
        if part
    )
    letter_text = "\n\n".join(
        part for part in (letter.salutation, letter.body, letter.closing) if part.strip()
    )
    return LetterEmail(
        reference=case.reference,
        letter_id=letter_id,
        to_name=to_name,
        to_address=to_address,
        from_name=organisation.officer_name,
        from_address=organisation.officer_email.strip(),
        subject=f"{letter.subject} [{case.reference}]",
        note=_note(to_name, case.reference, letter.subject, issued, officer),
        letter_text=plain_text(letter_text),
        pdf_name=f"{case.reference}-{letter.template_id}-{letter_id}.pdf",
        pdf=pdf,
    )


def record_sent(
    register: Register, mail: LetterEmail, *, at: datetime, now: datetime
) -> CorrespondenceItem:
    """The officer says the draft went out: record it on the case's correspondence."""
    return record_correspondence(
        register,
        mail.reference,
        direction="out",
        channel=Channel.EMAIL,
        at=at,
        now=now,
        counterpart=mail.to_address,
        subject=mail.subject,
        body=f"{mail.note}\n\n[Attached: {mail.pdf_name}, {len(mail.pdf):,} bytes, "
        "sent from the officer's own mail client]",
    )
