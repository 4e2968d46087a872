"""Files kept with a case (ID proofs, e-mails, evidence), inside the encrypted register.

The type is read from the file's first bytes, not trusted from its name, because a wrong
extension is common in what requesters send. Size is capped (50 MB by default) so one scan
cannot bloat every backup. A copy opened for viewing is named by that sniffed type too
(`viewing_filename`), and programs are never handed to the operating system.
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.messages import _
from grievance_desk.services.cases import find_case
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.errors import AttachmentTooLarge, NotFound, RegisterError
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_registry import ATTACHMENTS_MAX_BYTES
from grievance_desk.storage.tables import Attachment

DEFAULT_LIMIT = ATTACHMENTS_MAX_BYTES.default
PURPOSES = ("evidence", "identity_proof", "email", "correspondence", "other")

_SIGNATURES: list[tuple[bytes, str]] = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/vnd.ms-outlook"),
    (b"PK\x03\x04", "application/zip"),
]
_ZIP_KINDS = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
}


class EmptyAttachment(RegisterError):
    def __init__(self, filename: str) -> None:
        super().__init__(
            _("{filename} is empty (0 bytes); nothing was attached. Check the file.").format(
                filename=filename
            )
        )


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    purpose: str
    added_at: datetime
    destroyed: bool


def detect_media_type(data: bytes, filename: str) -> str:
    """The type the bytes say, falling back to the extension only for plain text kinds."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    for signature, media_type in _SIGNATURES:
        if data.startswith(signature):
            if media_type == "application/zip":
                suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
                return _ZIP_KINDS.get(suffix, media_type)
            return media_type
    head = data[:4096]
    if b"\x00" not in head:
        lowered = head.lower()
        if lowered.startswith((b"received:", b"from:", b"return-path:", b"mime-version:")):
            return "message/rfc822"
        guessed, _unused = mimetypes.guess_type(filename)
        if guessed and guessed.startswith("text/"):
            return guessed
        return "text/plain"
    return "application/octet-stream"


def _info(row: Attachment) -> AttachmentInfo:
    assert row.id is not None
    return AttachmentInfo(
        row.id,
        row.filename,
        row.media_type,
        row.size,
        row.sha256,
        row.purpose,
        row.added_at,
        row.destroyed_at is not None,
    )


def check_attachment(filename: str, data: bytes, purpose: str) -> None:
    """Refuse an unknown purpose or an empty file before anything is written."""
    if purpose not in PURPOSES:
        raise ValueError(
            _("Unknown attachment purpose {purpose}; use one of {purposes}.").format(
                purpose=repr(purpose), purposes=PURPOSES
            )
        )
    if not data:
        raise EmptyAttachment(filename)


def insert_attachment(
    session: Session,
    case_id: int,
    filename: str,
    data: bytes,
    *,
    now: datetime,
    actor: str,
    purpose: str = "evidence",
    correspondence_id: int | None = None,
) -> Attachment:
    """Keep a checked file with a case inside the caller's transaction, with its audit event;
    refuses a file over the register's size limit (the whole transaction then rolls back)."""
    limit = ATTACHMENTS_MAX_BYTES.read(session)
    if len(data) > limit:
        raise AttachmentTooLarge(filename, len(data), limit)
    row = Attachment(
        case_id=case_id,
        correspondence_id=correspondence_id,
        filename=filename,
        media_type=detect_media_type(data, filename),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        purpose=purpose,
        content=data,
        added_at=now,
    )
    session.add(row)
    session.flush()
    append_event(
        session,
        action=AuditAction.ATTACHMENT_ADDED,
        actor=actor,
        at=now,
        case_id=case_id,
        payload={
            "attachment_id": row.id,
            "filename": filename,
            "sha256": row.sha256,
            "size": row.size,
            "media_type": row.media_type,
            "purpose": purpose,
        },
    )
    return row


def add_attachment(
    register: Register,
    reference: str,
    filename: str,
    data: bytes,
    *,
    now: datetime,
    purpose: str = "evidence",
    correspondence_id: int | None = None,
) -> AttachmentInfo:
    """Keep a file with a case; refuses empty and oversized files before writing anything."""
    check_attachment(filename, data, purpose)
    actor = register.actor
    with register.writing() as session:
        case, _unused = find_case(session, reference)
        assert case.id is not None
        row = insert_attachment(
            session,
            case.id,
            filename,
            data,
            now=now,
            actor=actor,
            purpose=purpose,
            correspondence_id=correspondence_id,
        )
        return _info(row)


@dataclass(frozen=True)
class FileToAttach:
    """A file the officer chose to keep with a case: its name, bytes and purpose."""

    filename: str
    data: bytes
    purpose: str = "evidence"


def add_attachments(
    register: Register, reference: str, files: Sequence[FileToAttach], *, now: datetime
) -> list[AttachmentInfo]:
    """Keep several files with a case in one transaction: all of them or none.

    Every file is checked before anything is written; a file over the size limit rolls the
    whole transaction back, so a refused third file leaves the first two unsaved too.
    """
    for item in files:
        check_attachment(item.filename, item.data, item.purpose)
    actor = register.actor
    with register.writing() as session:
        case, _unused = find_case(session, reference)
        assert case.id is not None
        rows = [
            insert_attachment(
                session,
                case.id,
                item.filename,
                item.data,
                now=now,
                actor=actor,
                purpose=item.purpose,
            )
            for item in files
        ]
        return [_info(row) for row in rows]


def list_attachments(register: Register, reference: str) -> list[AttachmentInfo]:
    with register.reading() as session:
        case, _unused = find_case(session, reference)
        rows = session.scalars(
            select(Attachment)
            .where(col(Attachment.case_id) == case.id)
            .order_by(col(Attachment.id))
        ).all()
        return [_info(row) for row in rows]


def attachment_bytes(register: Register, attachment_id: int) -> tuple[AttachmentInfo, bytes]:
    """The stored file, checked against its SHA-256 so silent damage is never shown as real."""
    with register.reading() as session:
        row = session.get(Attachment, attachment_id)
        if row is None or row.content is None:
            raise NotFound(
                _("Attachment {attachment_id} is not in this register, or was destroyed.").format(
                    attachment_id=attachment_id
                )
            )
        data = bytes(row.content)
        if hashlib.sha256(data).hexdigest() != row.sha256:
            raise RegisterError(
                _(
                    "Attachment {filename} does not match its recorded SHA-256; it may be damaged. "
                    "Restore the register from a backup."
                ).format(filename=row.filename)
            )
        return _info(row), data


# -- opening a copy for viewing ------------------------------------------------------------

#: The extension a viewing copy gets, by the type its bytes show. Anything else is refused:
#: the operating system picks the program from the extension, so the requester's own name
#: ("invoice.pdf.exe", a right-to-left override) must never reach it.
VIEWING_EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/tiff": ".tif",
    "image/webp": ".webp",
    "text/plain": ".txt",
    "text/csv": ".txt",
    "message/rfc822": ".eml",
    "application/zip": ".zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.oasis.opendocument.text": ".odt",
}
_OLE_EXTENSIONS = (".msg", ".doc", ".xls")
_PROGRAM_SIGNATURES: list[tuple[bytes, str]] = [
    (b"MZ", "windows"),
    (b"\x7fELF", "linux"),
    (b"\xcf\xfa\xed\xfe", "macos"),
    (b"\xce\xfa\xed\xfe", "macos"),
    (b"\xca\xfe\xba\xbe", "macos"),
    (b"#!", "script"),
    (b"L\x00\x00\x00\x01\x14\x02\x00", "shortcut"),
]


def _program_kind(kind: str) -> str:
    """What a program signature says the file is, in the officer's language."""
    return {
        "windows": _("a Windows program"),
        "linux": _("a Linux program"),
        "macos": _("a macOS program"),
        "script": _("a script"),
        "shortcut": _("a Windows shortcut"),
    }[kind]


# Bidirectional overrides and other invisible format characters hide a name's real end.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_UNSAFE = re.compile(r"[^\w\- ]+")


class NotViewable(RegisterError):
    """The attachment is a program or of a kind the app does not hand to a viewer."""


def _zip_kind(data: bytes) -> str:
    """A zip's real kind from its entries (a .docx is a zip with word/document.xml)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return _ZIP_KINDS[".docx"]
            if "xl/workbook.xml" in names:
                return _ZIP_KINDS[".xlsx"]
            if "mimetype" in names and archive.read("mimetype").strip() == (
                b"application/vnd.oasis.opendocument.text"
            ):
                return _ZIP_KINDS[".odt"]
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return "application/octet-stream"
    return "application/zip"


def viewing_filename(filename: str, data: bytes) -> str:
    """A safe name for a viewing copy: the stored name's readable stem, and the extension of
    the type the bytes show. Raises `NotViewable` for programs and unknown kinds."""
    shown = _INVISIBLE.sub("", filename)
    for signature, kind in _PROGRAM_SIGNATURES:
        if data.startswith(signature):
            raise NotViewable(
                _(
                    "{shown} is {what}. Grievance Desk never runs programs received with a case. "
                    "If you need it, use “Save as…” and have it checked first."
                ).format(shown=shown, what=_program_kind(kind))
            )
    media_type = detect_media_type(data, "")
    if media_type == "application/zip":
        media_type = _zip_kind(data)
    stem_name = shown.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, suffix = stem_name.rpartition(".")
    if not dot:
        stem, suffix = stem_name, ""
    extension = VIEWING_EXTENSIONS.get(media_type)
    if media_type == "application/vnd.ms-outlook" and f".{suffix.lower()}" in _OLE_EXTENSIONS:
        extension = f".{suffix.lower()}"
    if extension is None:
        raise NotViewable(
            _(
                "{shown} is not a kind of file Grievance Desk opens (PDF, image, text, e-mail "
                "or office document). Use “Save as…” to keep it, and open it with a program "
                "you trust."
            ).format(shown=shown)
        )
    safe = _UNSAFE.sub("_", stem).strip(" _")[:80] or "attachment"
    return safe + extension
