"""Writing an evidence bundle: one case, as a regulator can open and check it without us.

The bundle is a plain ZIP (or, with a password, an AES-256 ZIP that 7-Zip, WinZip, macOS
Archive Utility with 7-Zip/Keka, and libarchive open; Windows Explorer's built-in ZIP support
cannot open AES ZIPs) holding:

    README.txt                 what each file is and how to check it by hand
    summary.pdf                the case in one readable document, with the signing fingerprint
    case.json                  the case record (facts, requester, letters, files, deadlines)
    timeline.json, .csv        everything that happened, oldest first
    letters/                   every issued letter's PDF, exactly as stored when issued
    attachments/               the files still held (safe names; numbers only when encrypted,
                               because ZIP encryption leaves member names readable)
    audit/chain_segment.json   the case's audit events, every link between them, and the
                               register's chain head (sequence and hash of its last event)
    manifest.json              format, signer fingerprint, sizes, what was not included
    signing-key.pem            the register's Ed25519 public key
    SHA256SUMS                 ``sha256sum -c SHA256SUMS`` checks every file above
    SHA256SUMS.sig             Ed25519 signature of SHA256SUMS by the register's key

The export is recorded in the register's audit trail with the bundle's SHA-256.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import pyzipper  # type: ignore[import-untyped]
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session, defer
from sqlmodel import col, select

from grievance_desk.documents.case_summary_pdf import (
    CaseSummary,
    FileEntry,
    TimelineEntry,
    render_case_summary_pdf,
)
from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.messages import _
from grievance_desk.services.case_deadlines import CaseDeadlineError, deadlines_for_case
from grievance_desk.services.case_queries import case_timeline
from grievance_desk.services.cases import find_case, officer_zone
from grievance_desk.services.evidence_format import (
    BUNDLE_FORMAT,
    BUNDLE_VERSION,
    MANIFEST,
    MIN_PASSWORD,
    PUBLIC_KEY,
    README,
    RECORD,
    SEGMENT,
    SIGNATURE,
    SUMMARY,
    SUMS,
    BundleError,
    safe_name,
    sha256_hex,
    sums_line,
)
from grievance_desk.services.evidence_signing import (
    fingerprint,
    public_key_pem,
    register_signing_key,
)
from grievance_desk.services.letter_integrity import letter_pdf
from grievance_desk.services.letter_records import ISSUED
from grievance_desk.services.organisation import read_organisation
from grievance_desk.services.spreadsheet_io import neutralise
from grievance_desk.storage.audit import GENESIS, append_event, chain_head
from grievance_desk.storage.column_types import UtcDateTime
from grievance_desk.storage.fault_points import fault_point
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Attachment, AuditEvent, Case, Letter, Requester

__all__ = ["EvidenceResult", "build_bundle", "export_evidence"]

TAIL_LIMIT = 10_000  # events after the case's last one included to reach the chain head
_STAMP = UtcDateTime()
_EXTENSIONS = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "text/plain": "txt",
    "message/rfc822": "eml",
}


@dataclass(frozen=True)
class EvidenceResult:
    """Where the bundle went and what it holds."""

    path: Path
    files: int
    events: int
    encrypted: bool
    sha256: str
    fingerprint: str
    chain_head: str  # "SEQUENCE:HASH", the form ``verify --head`` takes


def _stamp(moment: datetime) -> str:
    stamped = _STAMP.process_bind_param(moment, None)  # type: ignore[arg-type]
    assert stamped is not None
    return stamped


def _event_json(event: AuditEvent, with_payload: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": event.id,
        "case_id": event.case_id,
        "at": _stamp(event.at),
        "actor": event.actor,
        "action": event.action,
        "payload_sha256": event.payload_digest,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
        "redacted": event.redacted_at is not None,
    }
    if with_payload:
        entry["payload"] = event.payload
    return entry


def _segment(session: Session, case_id: int, reference: str) -> dict[str, Any]:
    """The case's events and every link between them (and on to the head, when near)."""
    ids = [
        int(i)
        for i in session.scalars(
            select(col(AuditEvent.id)).where(col(AuditEvent.case_id) == case_id)
        ).all()
    ]
    sequence, head_hash = chain_head(session)
    events: list[dict[str, Any]] = []
    reaches_head = False
    if ids:
        first, last = min(ids), max(ids)
        reaches_head = sequence - last <= TAIL_LIMIT
        end = sequence if reaches_head else last
        for event in session.scalars(
            select(AuditEvent)
            .where(col(AuditEvent.id) >= first, col(AuditEvent.id) <= end)
            .order_by(col(AuditEvent.id))
        ):
            events.append(_event_json(event, event.case_id == case_id))
    return {
        "format": "grievance-desk audit chain segment",
        "version": 2,
        "reference": reference,
        "case_id": case_id,
        "hash_rule": (
            "hash = SHA-256(prev_hash as ASCII || canonical JSON of {id, case_id, at, actor, "
            "action, payload_sha256}); canonical JSON: keys sorted, separators ',' and ':', "
            "UTF-8 without escapes. payload_sha256 = SHA-256 of the payload text (not "
            "checkable for redacted events, whose personal values were erased)."
        ),
        "genesis": GENESIS,
        "chain_head": {"sequence": sequence, "hash": head_hash},
        "reaches_head": reaches_head,
        "events": events,
    }


def _fmt(moment: datetime | None, zone: Any) -> str:
    return "" if moment is None else moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def _label(value: Any) -> str:
    label = getattr(value, "label", None)
    return str(label) if label else ("" if value is None else str(value).replace("_", " "))


def _value(value: Any) -> Any:
    """A column value as JSON: enums by their value, times in UTC ISO form."""
    if isinstance(value, datetime):
        return _stamp(value)
    if isinstance(value, (list, tuple)):
        return [_value(v) for v in value]
    return getattr(value, "value", value)


def _case_pairs(case: Case, zone: Any) -> tuple[tuple[str, str], ...]:
    return (
        ("Reference", case.reference),
        ("Kind", _label(case.kind)),
        ("Request type", _label(case.request_type)),
        ("Channel", _label(case.channel)),
        ("Received", _fmt(case.received_at, zone)),
        ("Acknowledged", _fmt(case.acknowledged_at, zone)),
        ("Status", _label(case.status)),
        ("Outcome", _label(case.outcome)),
        ("Closed", _fmt(case.closed_at, zone)),
        ("Refusal grounds", ", ".join(g.replace("_", " ") for g in case.refusal_grounds)),
        ("Identity", _label(case.identity_state)),
        ("Priority", _label(case.priority)),
        ("Data categories", ", ".join(c.replace("_", " ") for c in case.data_categories)),
        ("Legal hold", "yes" if case.legal_hold else "no"),
        ("Personal data purged", _fmt(case.purged_at, zone) or "no"),
    )


_CASE_FIELDS = (
    "reference", "kind", "request_type", "channel", "received_at", "representative",
    "representative_name", "data_categories", "description", "identity_state", "priority",
    "status", "outcome", "refusal_grounds", "tags", "policy_id", "acknowledged_at",
    "closed_at", "identity_proof_at", "fee_received_at", "reopened_at", "legal_hold",
    "created_at", "updated_at", "purged_at",
)  # fmt: skip
_REQUESTER_FIELDS = ("name", "email", "phone", "postal_address", "relationship", "organisation")


def _attachment_name(row: Attachment, encrypted: bool) -> str:
    """Its name in the bundle. Encrypted ZIPs show member names in the clear: numbers only."""
    if not encrypted:
        return f"attachments/{row.id:04d}-{safe_name(row.filename)}"
    extension = _EXTENSIONS.get(row.media_type, "bin")
    return f"attachments/{row.id:04d}.{extension}"


@dataclass(frozen=True)
class _Held:
    """An attachment still in the register: read, checked and written one at a time."""

    attachment_id: int
    sha256: str
    size: int
    reference: str

    def read(self, register: Register) -> bytes:
        with register.reading() as session:
            data = session.scalar(
                select(Attachment.content).where(col(Attachment.id) == self.attachment_id)
            )
        if data is None or sha256_hex(bytes(data)) != self.sha256:
            raise BundleError(
                _(
                    "Attachment {attachment_id} of {reference} no longer matches its recorded "
                    "SHA-256, so it cannot go into evidence. Restore the register from a backup "
                    "and run verify."
                ).format(attachment_id=self.attachment_id, reference=self.reference)
            )
        return bytes(data)


Member = bytes | _Held


def _digest(data: Member) -> str:
    return data.sha256 if isinstance(data, _Held) else sha256_hex(data)


def _size(data: Member) -> int:
    return data.size if isinstance(data, _Held) else len(data)


@dataclass
class _Parts:
    files: dict[str, Member]
    record: dict[str, Any]
    summary: CaseSummary
    segment: dict[str, Any]
    not_included: list[dict[str, Any]]


def _collect(
    register: Register, reference: str, *, now: datetime, encrypted: bool, signer: str
) -> _Parts:
    files: dict[str, Member] = {}
    not_included: list[dict[str, Any]] = []
    with register.reading() as session:
        case, person = find_case(session, reference)
        assert case.id is not None
        zone = officer_zone(session)
        organisation = read_organisation(session).name or "Organisation not set"
        letters = session.scalars(
            select(Letter).where(col(Letter.case_id) == case.id).order_by(col(Letter.id))
        ).all()
        attachments = session.execute(  # contents stay in the register until written
            select(Attachment, col(Attachment.content).is_(None))
            .options(defer(Attachment.content))  # type: ignore[arg-type]
            .where(col(Attachment.case_id) == case.id)
            .order_by(col(Attachment.id))
        ).all()
        segment = _segment(session, case.id, case.reference)
        timeline = sorted(case_timeline(session, case.id), key=lambda item: item.at)
        try:
            due = deadlines_for_case(session, case.reference, now=now)
        except CaseDeadlineError:
            due = None
        letter_entries: list[FileEntry] = []
        letter_records: list[dict[str, Any]] = []
        for letter in letters:
            record: dict[str, Any] = {
                "id": letter.id, "template": letter.template_id, "subject": letter.subject,
                "status": letter.status, "issued_at": _value(letter.issued_at),
                "sha256": letter.sha256, "file": None,
            }  # fmt: skip
            if letter.status == ISSUED and letter.id is not None:
                name = f"letters/letter-{letter.id:04d}-{safe_name(letter.template_id)}.pdf"
                pdf = files[name] = letter_pdf(register, letter.id)
                record["file"] = name
                detail = f"{letter.subject} (issued {_fmt(letter.issued_at, zone)})"
                letter_entries.append(FileEntry(name, detail, sha256_hex(pdf)))
            elif letter.status != "draft":
                not_included.append(
                    {"letter_id": letter.id, "sha256": letter.sha256, "reason": letter.status}
                )
                letter_entries.append(
                    FileEntry(f"letter {letter.id} (not included)", letter.status, "")
                )
            if letter.status != "draft":
                letter_records.append(record)
        attachment_entries: list[FileEntry] = []
        attachment_records: list[dict[str, Any]] = []
        for row, gone in attachments:
            purpose = row.purpose.replace("_", " ")
            attachment_records.append(
                {"id": row.id, "filename": row.filename, "media_type": row.media_type,
                 "purpose": row.purpose, "size": row.size, "sha256": row.sha256,
                 "added_at": _value(row.added_at), "destroyed_at": _value(row.destroyed_at),
                 "file": None if gone else _attachment_name(row, encrypted)}
            )  # fmt: skip
            if gone:
                not_included.append(
                    {"attachment_id": row.id, "sha256": row.sha256, "size": row.size,
                     "reason": "destroyed", "destroyed_at": _fmt(row.destroyed_at, zone)}
                )  # fmt: skip
                attachment_entries.append(
                    FileEntry(
                        f"attachment {row.id} (destroyed)",
                        f"{purpose}, destroyed {_fmt(row.destroyed_at, zone)}",
                        row.sha256,
                    )
                )
                continue
            name = _attachment_name(row, encrypted)
            assert row.id is not None
            files[name] = _Held(row.id, row.sha256, row.size, case.reference)
            shown = name if not encrypted else f"{name} ({safe_name(row.filename)})"
            attachment_entries.append(
                FileEntry(shown, f"{purpose}, {row.size:,} bytes", row.sha256)
            )
        timeline_rows = [
            {
                "at": _stamp(item.at),
                "local_time": _fmt(item.at, zone),
                "kind": item.kind,
                "title": item.title,
                "detail": item.detail,
                "actor": item.actor,
            }
            for item in timeline
        ]
        deadline_pairs: tuple[tuple[str, str], ...] = ()
        deadline_record: dict[str, Any] | None = None
        if due is not None and due.deadlines is not None:
            result = due.deadlines
            ack = result.acknowledge_by.due if result.acknowledge_by is not None else None
            deadline_pairs = (
                ("Policy", due.policy_name or due.policy_label),
                ("Legal source", due.legal_source),
                ("Acknowledge by", _fmt(ack, zone)),
                ("Respond by", _fmt(result.final_respond_by.due, zone)),
            )
            deadline_record = {
                "policy": due.policy_name or due.policy_label,
                "legal_source": due.legal_source,
                "acknowledge_by": _value(ack),
                "respond_by": _value(result.final_respond_by.due),
            }
        head = segment["chain_head"]
        record_json = {
            "format": "grievance-desk case record",
            "version": 1,
            "organisation": organisation,
            "exported_at": _stamp(now),
            "time_zone": str(zone),
            "case": {name: _value(getattr(case, name)) for name in _CASE_FIELDS},
            "requester": _requester(person),
            "deadlines": deadline_record,
            "letters": letter_records,
            "attachments": attachment_records,
        }
        summary = CaseSummary(
            organisation=organisation,
            reference=case.reference,
            exported_at=_fmt(now, zone),
            exported_by=register.actor,
            facts=_case_pairs(case, zone),
            requester=(
                ("Name", person.name),
                ("E-mail", person.email),
                ("Phone", person.phone),
                ("Address", person.postal_address),
                ("Relationship", _label(person.relationship)),
                ("Organisation", person.organisation),
                ("Representative", _label(case.representative)),
                ("Representative's name", case.representative_name),
            ),
            description=case.description,
            deadlines=deadline_pairs,
            letters=tuple(letter_entries),
            attachments=tuple(attachment_entries),
            timeline=tuple(
                TimelineEntry(r["local_time"], r["title"], r["detail"], r["actor"])
                for r in timeline_rows
            ),
            chain=(
                ("Events of this case", str(sum(1 for e in segment["events"] if "payload" in e))),
                ("Events in the segment", str(len(segment["events"]))),
                ("Chain head (sequence)", str(head["sequence"])),
                ("Chain head (hash)", head["hash"]),
            ),
            notice=(
                f"The personal data of this case was erased under the retention rule on "
                f"{_fmt(case.purged_at, zone)}; what remains is what the law lets us keep."
                if case.purged_at is not None
                else ""
            ),
            signer_fingerprint=signer,
        )
    files["timeline.json"] = _json_bytes({"reference": case.reference, "events": timeline_rows})
    files["timeline.csv"] = _timeline_csv(timeline_rows)
    return _Parts(files, record_json, summary, segment, not_included)


def _requester(person: Requester) -> dict[str, Any]:
    return {name: _value(getattr(person, name)) for name in _REQUESTER_FIELDS}


@dataclass(frozen=True)
class _Prepared:
    files: dict[str, Member]
    events: int
    signer: str
    head: str  # "SEQUENCE:HASH"


def build_bundle(
    register: Register, reference: str, *, now: datetime, password: str | None = None
) -> tuple[bytes, int, str, str]:
    """The signed bundle as ZIP bytes, its audit event count, signer fingerprint and head."""
    prepared = _prepare(register, reference, now=now, password=password)
    buffer = io.BytesIO()
    _zip(prepared.files, now, password, buffer, register)
    return buffer.getvalue(), prepared.events, prepared.signer, prepared.head


def _prepare(
    register: Register, reference: str, *, now: datetime, password: str | None
) -> _Prepared:
    """Every member of the bundle, signed.

    Issued letters are read through `letters.letter_pdf`, which refuses a letter altered
    since it was issued: a bundle never carries a document that does not match the record.
    """
    if password is not None and len(password) < MIN_PASSWORD:
        raise BundleError(
            _(
                "The bundle password is too short ({count} characters). Use at least "
                "{min_password}, and send it to the recipient by another route than the file."
            ).format(count=len(password), min_password=MIN_PASSWORD)
        )
    key = register_signing_key(register, now=now)  # made (and recorded) before the head is read
    signer = fingerprint(key.public_key())
    parts = _collect(register, reference, now=now, encrypted=password is not None, signer=signer)
    files = parts.files
    reference = parts.summary.reference
    head = parts.segment["chain_head"]
    files[SUMMARY] = render_case_summary_pdf(parts.summary)
    files[RECORD] = _json_bytes(parts.record)
    files[SEGMENT] = _json_bytes(parts.segment)
    files[README] = _readme(reference, signer).encode("utf-8")
    files[PUBLIC_KEY] = public_key_pem(key.public_key())
    manifest = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "reference": reference,
        "exported_at": _stamp(now),
        "exported_by": register.actor,
        "organisation": parts.summary.organisation,
        "chain_head": head,
        "signer": {"algorithm": "Ed25519", "fingerprint": signer, "public_key": PUBLIC_KEY},
        "files": [
            {"name": name, "sha256": _digest(data), "size": _size(data)}
            for name, data in sorted(files.items())
        ],
        "not_included": parts.not_included,
    }
    files[MANIFEST] = _json_bytes(manifest)
    sums = "".join(sums_line(_digest(data), name) for name, data in sorted(files.items()))
    files[SUMS] = sums.encode("utf-8")
    files[SIGNATURE] = _sign(key, sums.encode("utf-8"))
    events = len(parts.segment["events"])
    return _Prepared(files, events, signer, f"{head['sequence']}:{head['hash']}")


def _sign(key: Ed25519PrivateKey, sums: bytes) -> bytes:
    return key.sign(sums)


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _timeline_csv(rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["local_time", "utc", "kind", "what", "detail", "by"])
    for row in rows:
        writer.writerow(
            neutralise(str(v))
            for v in (
                row["local_time"], row["at"], row["kind"], row["title"], row["detail"],
                row["actor"],
            )
        )  # fmt: skip
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _readme(reference: str, signer: str) -> str:
    return f"""Evidence bundle for case {reference} (Grievance Desk)

summary.pdf                 the case in one readable document
case.json                   the case record: facts, requester, letters, files, deadlines
timeline.json, .csv         everything that happened, oldest first
letters/                    every letter issued, exactly as stored when issued
attachments/                the files held with the case (destroyed ones are listed in
                            manifest.json under not_included, with their SHA-256)
audit/chain_segment.json    the case's audit events, every link between them, and the
                            register's chain head at export (sequence and hash)
manifest.json               format, signer, sizes and what was not included
signing-key.pem             the organisation register's Ed25519 public key
SHA256SUMS                  the SHA-256 of every file above
SHA256SUMS.sig              the Ed25519 signature of SHA256SUMS

This bundle was signed by the key with fingerprint
    {signer}
Compare it with the fingerprint the organisation gave you by another route (a letter, a
report, a call). A bundle signed by another key did not come from their register.

To check the files (Linux, macOS, Git Bash on Windows):
    sha256sum -c SHA256SUMS
To check the signature over SHA256SUMS (OpenSSL 3):
    openssl pkeyutl -verify -pubin -inkey signing-key.pem -rawin -in SHA256SUMS \\
        -sigfile SHA256SUMS.sig
To compute the key's fingerprint (SHA-256 of the raw 32-byte key):
    openssl pkey -pubin -in signing-key.pem -outform DER | tail -c 32 | sha256sum
To check everything, including the audit chain links:
    grievance-desk verify-bundle THIS-FILE --fingerprint "{signer}"
The rule for recomputing each audit hash is written in audit/chain_segment.json.
"""


def _compressible(data: bytes, sample: int = 1 << 16) -> bool:
    """Deflate only what shrinks: scans, photos and PDFs are stored (deflate was 80 % of the
    time of a bundle with large scans, for nothing)."""
    head = data[:sample]
    return len(head) < 1024 or len(zlib.compress(head, 1)) < 0.9 * len(head)


def _zip(
    files: dict[str, Member],
    now: datetime,
    password: str | None,
    buffer: IO[bytes],
    register: Register,
) -> None:
    """Write the ZIP to ``buffer`` (the partial file itself), one attachment in memory at a
    time: a case's scans are read from the register as they are written, never all at once."""
    moment = now.astimezone(UTC)
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, 0)
    first = (README, SUMMARY)
    order = sorted(files, key=lambda n: (n not in first, first.index(n) if n in first else 0, n))
    archive: zipfile.ZipFile
    if password is None:
        archive = zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED)
    else:
        aes = pyzipper.AESZipFile(
            buffer, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
        )
        aes.setencryption(pyzipper.WZ_AES, nbits=256)
        aes.setpassword(password.encode("utf-8"))
        archive = aes
    with archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=stamp)
            if password is not None:
                info = pyzipper.zipfile_aes.AESZipInfo(name, date_time=stamp)
            member = files[name]
            data = member.read(register) if isinstance(member, _Held) else member
            info.compress_type = zipfile.ZIP_DEFLATED if _compressible(data) else 0
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
            del data


# --------------------------------------------------------------------------- export


def export_evidence(
    register: Register,
    reference: str,
    target: Path,
    *,
    now: datetime,
    password: str | None = None,
) -> EvidenceResult:
    """Write the case's signed evidence bundle to ``target`` (private to the officer's account).

    With ``password`` every file is AES-256 encrypted inside the ZIP (WinZip AES, which 7-Zip
    opens). The file is written beside its target, recorded in the audit trail with its
    SHA-256, then renamed into place: a failure or a kill at any step leaves no half bundle
    under the final name, and every bundle under it is on record. Kill points:
    ``evidence.before_record``, ``evidence.before_replace``.
    """
    prepared = _prepare(register, reference, now=now, password=password)
    partial = target.with_name(target.name + ".partial")
    try:
        fd = os.open(partial, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w+b") as stream:
            _zip(prepared.files, now, password, stream, register)
            stream.flush()
            os.fsync(stream.fileno())
            sha = _file_sha(stream)
    except BaseException as error:  # a full disk, an altered attachment, an interrupt
        partial.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _unwritable(target, error) from error
        raise
    fault_point("evidence.before_record")
    try:
        # Recorded before it is published: a bundle under the final name is always on record.
        with register.writing() as session:
            case, _person = find_case(session, reference)
            append_event(
                session,
                action=AuditAction.CASE_EVIDENCE_EXPORTED,
                actor=register.actor,
                at=now,
                case_id=case.id,
                payload={
                    "reference": case.reference,
                    "bundle_sha256": sha,
                    "files": len(prepared.files),
                    "encrypted": password is not None,
                    "signer": prepared.signer,
                    "chain_head": prepared.head,
                },
            )
        fault_point("evidence.before_replace")
        partial.replace(target)
    except BaseException as error:
        partial.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _unwritable(target, error) from error
        raise
    return EvidenceResult(
        target,
        len(prepared.files),
        prepared.events,
        password is not None,
        sha,
        prepared.signer,
        prepared.head,
    )


def _unwritable(target: Path, error: OSError) -> BundleError:
    return BundleError(
        _(
            "The evidence bundle could not be written to {target} ({value}). Nothing was "
            "kept; choose another folder or free some space."
        ).format(target=target, value=error.strerror or error)
    )


def _file_sha(stream: IO[bytes]) -> str:
    stream.seek(0)
    digest = hashlib.sha256()
    while chunk := stream.read(1 << 20):
        digest.update(chunk)
    return digest.hexdigest()
