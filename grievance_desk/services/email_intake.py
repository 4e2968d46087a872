"""Turn an e-mail saved from the mail client into a new-case draft the officer checks.

Most requests arrive by e-mail. The officer drags the message out of Outlook or Thunderbird
(``.msg`` or ``.eml``) onto the app; we read the sender, subject, body, date and attachments
and fill a draft, but save nothing: the officer checks the form first, because a mail
client's "From" may be an assistant, a nominee or a forwarding address.

What the text makes obvious ("delete my account" → erasure, "complaint" → the complaint
kind, a phone number in the signature) comes back as ``suggestions``, each with the words
that led to it; they are shown as suggestions and never applied to the draft by themselves.
"""

from __future__ import annotations

import email
import email.header
import email.policy
import email.utils
import importlib.util
import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from grievance_desk.domain.case_record import MAX_DESCRIPTION, CaseDraft, Requester, clean_text
from grievance_desk.domain.case_types import CaseKind, Channel, RequestType
from grievance_desk.domain.received_time import in_zone
from grievance_desk.messages import _
from grievance_desk.services import html_text
from grievance_desk.services.attachments import detect_media_type
from grievance_desk.services.clock import DEFAULT_TIMEZONE
from grievance_desk.storage.errors import RegisterError

MAX_EMAIL_BYTES = 60 * 1000 * 1000
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class EmailIntakeError(RegisterError):
    """A file that cannot be read as an e-mail; the message says what to do instead."""


@dataclass(frozen=True)
class IntakeAttachment:
    filename: str
    data: bytes
    media_type: str
    purpose: str = "evidence"


@dataclass(frozen=True)
class Suggestion:
    """One thing the e-mail seems to say, for the officer to accept or ignore.

    ``field`` is the form's field key (``kind``, ``request_type``, ``requester.phone``),
    ``value`` the stored value to put there, ``evidence`` the words it was read from.
    """

    field: str
    value: str
    label: str
    evidence: str


@dataclass(frozen=True)
class EmailIntake:
    """What an e-mail said, plus a draft and the files to keep with the new case."""

    source_name: str
    sender_name: str
    sender_address: str
    subject: str
    body: str
    received_at: datetime
    draft: CaseDraft
    attachments: tuple[IntakeAttachment, ...] = field(default=())
    suggestions: tuple[Suggestion, ...] = field(default=())


# What plain words in a request mean. Heuristics, not law: each is only offered to the
# officer, with the words that matched. Order matters where phrases overlap.
_MY = r"(?:my|our|the|his|her|this)"
_TYPE_PHRASES: tuple[tuple[RequestType, str], ...] = (
    (RequestType.CONSENT_WITHDRAWAL, r"withdraw(?:ing|al of)?\s+(?:my\s+|of\s+)?consent"),
    (
        RequestType.MARKETING_OPT_OUT,
        r"unsubscribe|opt[- ]?out\b|stop\s+(?:sending|e-?mailing|calling)\s+me",
    ),
    (
        RequestType.ERASURE,
        rf"\b(?:delete|erase|remove|deactivate|close)\s+{_MY}\s+(?:\w+\s+)?"
        r"(?:account|data|profile|details|information|records?)\b|\bright\s+to\s+"
        r"(?:be\s+forgotten|erasure)|\b(?:erasure|deletion)\s+of\b",
    ),
    (
        RequestType.CORRECTION,
        rf"\b(?:correct|update|change|rectify|fix|amend)\s+{_MY}\s+(?:\w+\s+)?(?:address|"
        r"name|phone|mobile|number|e-?mail|date\s+of\s+birth|details|data|spelling)\b|"
        r"\brectification\b",
    ),
    (
        RequestType.ACCESS,
        rf"\b(?:copy|summary|list)\s+of\s+{_MY}\s+(?:personal\s+)?(?:data|information)|"
        r"\bwhat\s+(?:personal\s+)?(?:data|information)\s+(?:do\s+)?you\s+"
        r"(?:hold|have|keep|store|process)|\b(?:subject\s+)?access\s+request\b",
    ),
    (RequestType.NOMINATION, r"\bnominat(?:e|ion)\b"),
)
_TYPE_PATTERNS = tuple((kind, re.compile(text, re.IGNORECASE)) for kind, text in _TYPE_PHRASES)
_COMPLAINT = re.compile(r"\bcomplain(?:t|ts|ing)?\b|\bgrievance\b", re.IGNORECASE)
_MAX_PHONES = 3
_SCANNED = 50_000  # the suggestions read the start of the text: the request is there


def _phones(text: str) -> list[Suggestion]:
    import phonenumbers

    found: list[Suggestion] = []
    seen: set[str] = set()
    for match in phonenumbers.PhoneNumberMatcher(text, "IN"):
        number = phonenumbers.format_number(
            match.number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        if number in seen:
            continue
        seen.add(number)
        found.append(
            Suggestion(
                "requester.phone",
                number,
                _("Phone: {number}").format(number=number),
                match.raw_string,
            )
        )
        if len(found) == _MAX_PHONES:
            break
    return found


def suggest(subject: str, body: str) -> tuple[Suggestion, ...]:
    """What the subject and text make obvious, in the order the officer should see it."""
    text = f"{subject}\n{body[:_SCANNED]}"
    found: list[Suggestion] = []
    complaint = _COMPLAINT.search(text)
    if complaint is not None:
        found.append(
            Suggestion("kind", CaseKind.COMPLAINT.value, _("Kind: Complaint"), complaint.group(0))
        )
    matches = sorted(
        (match.start(), kind, match.group(0))
        for kind, pattern in _TYPE_PATTERNS
        if (match := pattern.search(text)) is not None
    )
    for _start, kind, words in matches:
        label = _("Request type: {type}").format(type=kind.label)
        found.append(Suggestion("request_type", kind.value, label, " ".join(words.split())))
    found.extend(_phones(text))
    return tuple(found)


def _draft(
    sender_name: str, sender_address: str, subject: str, body: str, received_at: datetime
) -> CaseDraft:
    description = clean_text("\n\n".join(part for part in (subject, body.strip()) if part))
    if len(description) > MAX_DESCRIPTION:
        description = description[: MAX_DESCRIPTION - 40].rstrip() + "\n[…message shortened]"
    name = clean_text(sender_name) or clean_text(sender_address.split("@", 1)[0])
    return CaseDraft(
        kind=CaseKind.RIGHTS_REQUEST,
        request_type=RequestType.OTHER,
        channel=Channel.EMAIL,
        received_at=received_at,
        requester=Requester(name=name, email=clean_text(sender_address)),
        description=description,
    )


def _aware(moment: datetime | None, fallback: datetime, zone: tzinfo | None) -> datetime:
    # A Date without an offset is the officer's local time, as in the form and the import.
    return fallback if moment is None else in_zone(moment, zone or ZoneInfo(DEFAULT_TIMEZONE))


def _header_text(message: EmailMessage, name: str) -> str:
    """A header as text; falls back to the raw value where the stdlib's parser trips.

    CPython's structured header parser raises AttributeError on some odd display names
    (``From: . <>``); a requester's badly formed mail must still reach the officer.
    """
    try:
        return _undo_surrogate_escape(str(message.get(name, "") or ""))
    except (AttributeError, IndexError, TypeError, ValueError):
        for key, value in message.raw_items():
            if key.lower() == name.lower():
                try:
                    header = email.header.make_header(email.header.decode_header(str(value)))
                    return _undo_surrogate_escape(str(header))
                except (LookupError, UnicodeError, ValueError):
                    return _undo_surrogate_escape(str(value))
        return ""


def _undo_surrogate_escape(text: str) -> str:
    """Raw UTF-8 in a header (RFC 6532: "From: राम <…>") reaches us as escaped bytes.

    The stdlib keeps undecodable header bytes as lone surrogates; read them back as UTF-8,
    so a Devanagari name survives, and anything still undecodable becomes \ufffd.
    """
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that was never an escaped byte
        return text.encode("utf-8", "replace").decode("utf-8")


def _read_eml(name: str, data: bytes, now: datetime, zone: tzinfo | None) -> EmailIntake:
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not (
        _header_text(message, "From")
        or _header_text(message, "Subject")
        or _header_text(message, "Date")
    ):
        raise EmailIntakeError(
            _(
                "{name} does not look like an e-mail (no From, Subject or Date header). Save "
                "the message from your mail client as .eml (or Outlook .msg) and drop that "
                "file."
            ).format(name=name)
        )
    try:
        sender_name, sender_address = email.utils.parseaddr(_header_text(message, "From"))
    except (TypeError, ValueError):
        sender_name, sender_address = "", ""
    subject = _header_text(message, "Subject").strip()
    try:
        received = email.utils.parsedate_to_datetime(_header_text(message, "Date"))
    except (TypeError, ValueError, IndexError, KeyError):
        received = None
    body_part = message.get_body(preferencelist=("plain", "html"))
    body = ""
    if body_part is not None:
        try:
            body = str(body_part.get_content())
        except (LookupError, ValueError):
            payload = body_part.get_payload(decode=True)
            body = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
        if body_part.get_content_subtype() == "html":
            body, _cut = html_text.html_to_text(body, limit=html_text.MAX_HTML_CHARS)
    files: list[IntakeAttachment] = []
    for part in message.iter_attachments():
        filename = part.get_filename() or "attachment"
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload:
            files.append(IntakeAttachment(filename, payload, detect_media_type(payload, filename)))
    received_at = _aware(received, now, zone)
    return EmailIntake(
        source_name=name,
        sender_name=sender_name,
        sender_address=sender_address,
        subject=subject,
        body=body,
        received_at=received_at,
        draft=_draft(sender_name, sender_address, subject, body, received_at),
        attachments=(
            IntakeAttachment(name, data, "message/rfc822", purpose="email"),
            *files,
        ),
        suggestions=suggest(subject, body),
    )


def msg_reader_missing() -> str:
    """Shown (``{name}`` to fill) when a .msg arrives but the Outlook reader is not installed."""
    return _(
        "{name} is an Outlook message (.msg), and this installation has no Outlook reader. "
        "Either save the message as .eml instead (Outlook: File → Save As; most other mail "
        "programs: drag the message out) and drop that file, or add the reader: "
        'pip install "grievance-desk[outlook]".'
    )


def msg_reader_available() -> bool:
    """Whether the optional Outlook .msg reader (the ``outlook`` extra) is installed.

    It is optional because it is large and GPL-3 (see pyproject); .eml needs nothing.
    """
    return importlib.util.find_spec("extract_msg") is not None


def _read_msg(name: str, data: bytes, now: datetime, zone: tzinfo | None) -> EmailIntake:
    try:
        import extract_msg
    except ImportError as error:
        raise EmailIntakeError(msg_reader_missing().format(name=name)) from error

    try:
        message: Any = extract_msg.openMsg(data)
    except Exception as error:  # extract_msg raises many kinds for a damaged file
        raise EmailIntakeError(
            _(
                "{name} could not be read as an Outlook message ({error}). In Outlook, save "
                "the message again (File → Save As → Outlook Message Format) and drop the new "
                "file."
            ).format(name=name, error=error)
        ) from error
    try:
        sender_name, sender_address = email.utils.parseaddr(str(message.sender or ""))
        if not sender_address and getattr(message, "sender_email", None):
            sender_address = str(message.sender_email)
        subject = str(message.subject or "").strip()
        body = str(message.body or "")
        received = message.date if isinstance(message.date, datetime) else None
        files: list[IntakeAttachment] = []
        for item in message.attachments:
            payload = getattr(item, "data", None)
            filename = str(
                getattr(item, "longFilename", None)
                or getattr(item, "shortFilename", None)
                or "attachment"
            )
            if isinstance(payload, bytes) and payload:
                files.append(
                    IntakeAttachment(filename, payload, detect_media_type(payload, filename))
                )
    finally:
        message.close()
    received_at = _aware(received, now, zone)
    return EmailIntake(
        source_name=name,
        sender_name=sender_name,
        sender_address=sender_address,
        subject=subject,
        body=body,
        received_at=received_at,
        draft=_draft(sender_name, sender_address, subject, body, received_at),
        attachments=(
            IntakeAttachment(name, data, "application/vnd.ms-outlook", purpose="email"),
            *files,
        ),
        suggestions=suggest(subject, body),
    )


def read_email_bytes(
    name: str, data: bytes, *, now: datetime, zone: tzinfo | None = None
) -> EmailIntake:
    """Read an .eml or .msg from bytes; ``now`` stands in for a missing or unreadable date.

    A Date without an offset is read in ``zone``, the officer's (default Asia/Kolkata).
    """
    if not data.strip():
        raise EmailIntakeError(
            _("{name} is empty (0 bytes). Save the message from your mail client again.").format(
                name=name
            )
        )
    if len(data) > MAX_EMAIL_BYTES:
        raise EmailIntakeError(
            _(
                "{name} is {value:.0f} MB, more than the {value2:.0f} MB an e-mail may be "
                "here. Save the attachments separately and add them to the case one by one."
            ).format(name=name, value=len(data) / 1_000_000, value2=MAX_EMAIL_BYTES / 1_000_000)
        )
    if data.startswith(OLE_SIGNATURE) or name.lower().endswith(".msg"):
        return _read_msg(name, data, now, zone)
    if b"\x00" in data[:4096]:
        raise EmailIntakeError(
            _("{name} is not an e-mail file. Drop a message saved as .eml or Outlook .msg.").format(
                name=name
            )
        )
    return _read_eml(name, data, now, zone)


def read_email_file(path: Path, *, now: datetime, zone: tzinfo | None = None) -> EmailIntake:
    """Read a dropped e-mail file; a missing or unreadable file gets a clear message."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise EmailIntakeError(
            _(
                "{name} could not be read ({value}). Check the file is still there and that "
                "you may open it."
            ).format(name=path.name, value=error.strerror or error)
        ) from error
    return read_email_bytes(path.name, data, now=now, zone=zone)


def is_email_file(path: Path) -> bool:
    """Whether a dropped file should go through e-mail intake rather than be attached."""
    return path.suffix.lower() in (".eml", ".msg")
