"""Evidence bundles: one case, as a regulator or the Data Protection Board can check it.

``export_evidence`` writes a ZIP holding a case summary PDF, the timeline (JSON and CSV), every
issued letter's PDF, the attachments still held, ``manifest.json`` and ``SHA256SUMS`` with the
SHA-256 of every file, and ``audit/chain_segment.json``: the case's audit events with every
link between them (each event's header fields, payload digest, previous hash and hash, plus
the chain head at export), so the history can be recomputed without the app. The export is
recorded in the register's own audit trail. ``verify_bundle`` checks all of it.

With a password the ZIP is sealed whole in a ``.gdbundle`` container (no well-kept AES-ZIP
library is in our dependencies; ``cryptography`` is):

    offset  size  field
    0       8     magic  b"GDBUNDLE"
    8       1     format version (1)
    9       1     KDF id (1 = Argon2id)
    10      4     Argon2id iterations  (big-endian unsigned)
    14      4     Argon2id lanes
    18      4     Argon2id memory in KiB
    22      16    salt
    38      12    AES-GCM nonce
    50      …     AES-256-GCM ciphertext of the ZIP, with its 16-byte tag at the end;
                  the 50 header bytes are the associated data.

The key is Argon2id(password, salt) with the stated cost, 32 bytes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import secrets
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.documents.case_summary_pdf import (
    CaseSummary,
    FileEntry,
    TimelineEntry,
    render_case_summary_pdf,
)
from grievance_desk.services.case_deadlines import CaseDeadlineError, deadlines_for_case
from grievance_desk.services.case_queries import case_timeline
from grievance_desk.services.cases import find_case, officer_zone
from grievance_desk.services.letters import ISSUED, letter_pdf
from grievance_desk.services.organisation import read_organisation
from grievance_desk.services.spreadsheet_io import neutralise
from grievance_desk.storage.audit import GENESIS, append_event, chain_hash, chain_head, digest
from grievance_desk.storage.column_types import UtcDateTime
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.keyfile import KdfParams, default_kdf
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Attachment, AuditEvent, Case, Letter

__all__ = [
    "BUNDLE_FORMAT",
    "MAGIC",
    "MIN_PASSWORD",
    "BundleError",
    "EvidenceResult",
    "build_bundle",
    "decrypt_bundle",
    "encrypt_bundle",
    "export_evidence",
    "verify_bundle",
]

BUNDLE_FORMAT = "grievance-desk evidence bundle"
BUNDLE_VERSION = 1
MAGIC = b"GDBUNDLE"
MIN_PASSWORD = 10
TAIL_LIMIT = 10_000  # events after the case's last one included to reach the chain head
MANIFEST, SUMS, SEGMENT = "manifest.json", "SHA256SUMS", "audit/chain_segment.json"
_HEADER = struct.Struct(">8sBBIII16s12s")
_STAMP = UtcDateTime()
_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


class BundleError(RegisterError):
    """A bundle cannot be written or opened; the message says why and what to do."""


@dataclass(frozen=True)
class EvidenceResult:
    """Where the bundle went and what it holds."""

    path: Path
    files: int
    events: int
    encrypted: bool
    sha256: str


# --------------------------------------------------------------------------- helpers


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stamp(moment: datetime) -> str:
    stamped = _STAMP.process_bind_param(moment, None)  # type: ignore[arg-type]
    assert stamped is not None
    return stamped


def _safe_name(name: str, limit: int = 80) -> str:
    base = re.split(r"[/\\]", name)[-1]  # a sender's folder names are not ours to keep
    cleaned = re.sub(r"\.{2,}", ".", _UNSAFE.sub("_", base)).strip(" ._") or "file"
    if len(cleaned) > limit:
        stem, dot, suffix = cleaned.rpartition(".")
        if dot and len(suffix) <= 10:
            cleaned = stem[: limit - len(suffix) - 1] + "." + suffix
        else:
            cleaned = cleaned[:limit]
    return cleaned


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
    count, head_hash = chain_head(session)
    events: list[dict[str, Any]] = []
    reaches_head = False
    if ids:
        first, last = min(ids), max(ids)
        reaches_head = count - last <= TAIL_LIMIT
        end = count if reaches_head else last
        for event in session.scalars(
            select(AuditEvent)
            .where(col(AuditEvent.id) >= first, col(AuditEvent.id) <= end)
            .order_by(col(AuditEvent.id))
        ):
            events.append(_event_json(event, event.case_id == case_id))
    return {
        "format": "grievance-desk audit chain segment",
        "version": 1,
        "reference": reference,
        "case_id": case_id,
        "hash_rule": (
            "hash = SHA-256(prev_hash as ASCII || canonical JSON of {id, case_id, at, actor, "
            "action, payload_sha256}); canonical JSON: keys sorted, separators ',' and ':', "
            "UTF-8 without escapes. payload_sha256 = SHA-256 of the payload text (not "
            "checkable for redacted events, whose personal values were erased)."
        ),
        "genesis": GENESIS,
        "chain_head": {"events": count, "hash": head_hash},
        "reaches_head": reaches_head,
        "events": events,
    }


def _fmt(moment: datetime | None, zone: Any) -> str:
    return "" if moment is None else moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def _label(value: Any) -> str:
    label = getattr(value, "label", None)
    return str(label) if label else ("" if value is None else str(value).replace("_", " "))


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


# --------------------------------------------------------------------------- building


def build_bundle(register: Register, reference: str, *, now: datetime) -> tuple[bytes, int]:
    """The bundle as ZIP bytes, and the number of audit events in its segment.

    Issued letters are read through `letters.letter_pdf`, which refuses a letter altered
    since it was issued: a bundle never carries a document that does not match the record.
    """
    files: dict[str, bytes] = {}
    not_included: list[dict[str, Any]] = []
    with register.reading() as session:
        case, person = find_case(session, reference)
        assert case.id is not None
        zone = officer_zone(session)
        organisation = read_organisation(session).name or "Organisation not set"
        actor = register.actor
        letters = session.scalars(
            select(Letter).where(col(Letter.case_id) == case.id).order_by(col(Letter.id))
        ).all()
        attachments = session.scalars(
            select(Attachment)
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
        for letter in letters:
            if letter.status == ISSUED and letter.id is not None:
                name = f"letters/letter-{letter.id:04d}-{_safe_name(letter.template_id)}.pdf"
                files[name] = letter_pdf(register, letter.id)
                detail = f"{letter.subject} (issued {_fmt(letter.issued_at, zone)})"
                letter_entries.append(FileEntry(name, detail, _sha(files[name])))
            elif letter.status != "draft":
                not_included.append(
                    {"letter_id": letter.id, "sha256": letter.sha256, "reason": letter.status}
                )
                letter_entries.append(
                    FileEntry(f"letter {letter.id} (not included)", letter.status, "")
                )
        attachment_entries: list[FileEntry] = []
        for row in attachments:
            purpose = row.purpose.replace("_", " ")
            if row.content is None:
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
            name = f"attachments/{row.id:04d}-{_safe_name(row.filename)}"
            data = bytes(row.content)
            if _sha(data) != row.sha256:
                raise BundleError(
                    f"Attachment {row.id} of {case.reference} no longer matches its recorded "
                    "SHA-256, so it cannot go into evidence. Restore the register from a "
                    "backup and run verify."
                )
            files[name] = data
            attachment_entries.append(FileEntry(name, f"{purpose}, {row.size:,} bytes", row.sha256))
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
        if due is not None and due.deadlines is not None:
            result = due.deadlines
            ack = result.acknowledge_by.due if result.acknowledge_by is not None else None
            deadline_pairs = (
                ("Policy", due.policy_name or due.policy_label),
                ("Legal source", due.legal_source),
                ("Acknowledge by", _fmt(ack, zone)),
                ("Respond by", _fmt(result.final_respond_by.due, zone)),
            )
        summary = CaseSummary(
            organisation=organisation,
            reference=case.reference,
            exported_at=_fmt(now, zone),
            exported_by=actor,
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
                ("Chain head (events)", str(segment["chain_head"]["events"])),
                ("Chain head (hash)", segment["chain_head"]["hash"]),
            ),
            notice=(
                f"The personal data of this case was erased under the retention rule on "
                f"{_fmt(case.purged_at, zone)}; what remains is what the law lets us keep."
                if case.purged_at is not None
                else ""
            ),
        )
    files["summary.pdf"] = render_case_summary_pdf(summary)
    files["timeline.json"] = _json_bytes({"reference": case.reference, "events": timeline_rows})
    files["timeline.csv"] = _timeline_csv(timeline_rows)
    files[SEGMENT] = _json_bytes(segment)
    files["README.txt"] = _readme(case.reference).encode("utf-8")
    manifest = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "reference": case.reference,
        "exported_at": _stamp(now),
        "exported_by": actor,
        "organisation": organisation,
        "chain_head": segment["chain_head"],
        "files": [
            {"name": name, "sha256": _sha(data), "size": len(data)}
            for name, data in sorted(files.items())
        ],
        "not_included": not_included,
    }
    files[MANIFEST] = _json_bytes(manifest)
    files[SUMS] = "".join(
        f"{_sha(data)}  {name}\n" for name, data in sorted(files.items()) if name != SUMS
    ).encode("utf-8")
    return _zip(files, now), len(segment["events"])


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


def _readme(reference: str) -> str:
    return f"""Evidence bundle for case {reference} (Grievance Desk)

summary.pdf                 the case in one readable document
timeline.json, .csv         everything that happened, oldest first
letters/                    every letter issued, exactly as stored when issued
attachments/                the files held with the case (destroyed ones are listed in
                            manifest.json under not_included, with their SHA-256)
audit/chain_segment.json    the case's audit events and every link between them
manifest.json, SHA256SUMS   the SHA-256 of every file in this bundle

To check the files:  sha256sum -c SHA256SUMS
To check everything: grievance-desk verify-bundle THIS-FILE
The rule for recomputing each audit hash is written in audit/chain_segment.json.
"""


def _zip(files: dict[str, bytes], now: datetime) -> bytes:
    moment = now.astimezone(UTC)
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name in sorted(files, key=lambda n: (n not in ("README.txt", MANIFEST), n)):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            bundle.writestr(info, files[name])
    return buffer.getvalue()


# --------------------------------------------------------------------------- encryption


def _kek(password: str, salt: bytes, params: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(password.encode("utf-8"))


def encrypt_bundle(data: bytes, password: str, kdf: KdfParams | None = None) -> bytes:
    """Seal bundle bytes under a password in the ``.gdbundle`` container (module docstring)."""
    if len(password) < MIN_PASSWORD:
        raise BundleError(
            f"The bundle password is too short ({len(password)} characters). Use at least "
            f"{MIN_PASSWORD}, and send it to the recipient by another route than the file."
        )
    params = kdf or default_kdf()
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = _HEADER.pack(
        MAGIC, BUNDLE_VERSION, 1, params.iterations, params.lanes, params.memory_kib, salt, nonce
    )
    return header + AESGCM(_kek(password, salt, params)).encrypt(nonce, data, header)


def decrypt_bundle(data: bytes, password: str) -> bytes:
    """Open a ``.gdbundle``; a wrong password or any changed byte raises BundleError."""
    if len(data) < _HEADER.size + 16 or not data.startswith(MAGIC):
        raise BundleError("This is not an encrypted Grievance Desk bundle (.gdbundle).")
    _magic, version, kdf_id, iterations, lanes, memory, salt, nonce = _HEADER.unpack_from(data)
    if version != BUNDLE_VERSION or kdf_id != 1:
        raise BundleError(
            f"This bundle was sealed by a newer Grievance Desk (format {version}); install "
            "that version to open it."
        )
    if not (1 <= iterations <= 64 and 1 <= lanes <= 64 and 8 * lanes <= memory <= 4_194_304):
        raise BundleError("The bundle's header is damaged (its key-derivation cost is invalid).")
    key = _kek(password, salt, KdfParams(iterations=iterations, lanes=lanes, memory_kib=memory))
    try:
        return AESGCM(key).decrypt(nonce, data[_HEADER.size :], data[: _HEADER.size])
    except InvalidTag:
        raise BundleError(
            "The password is wrong, or the bundle was changed or damaged after it was sealed. "
            "Check the password with the sender; if it is right, ask for the bundle again."
        ) from None


# --------------------------------------------------------------------------- export


def export_evidence(
    register: Register,
    reference: str,
    target: Path,
    *,
    now: datetime,
    password: str | None = None,
    kdf: KdfParams | None = None,
) -> EvidenceResult:
    """Write the case's evidence bundle to ``target`` (private to the officer's account).

    With ``password`` the bundle is sealed in the ``.gdbundle`` container. The file is
    written beside its target and renamed into place, so a failure leaves no half bundle;
    the export is then recorded in the audit trail with the bundle's SHA-256.
    """
    data, events = build_bundle(register, reference, now=now)
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        count = len(bundle.namelist())
    if password is not None:
        data = encrypt_bundle(data, password, kdf)
    partial = target.with_name(target.name + ".partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BundleError(
            f"The evidence bundle could not be written to {target} "
            f"({error.strerror or error}). Nothing was kept; choose another folder or free "
            "some space."
        ) from error
    sha = _sha(data)
    with register.writing() as session:
        case, _person = find_case(session, reference)
        append_event(
            session,
            action="case.evidence_exported",
            actor=register.actor,
            at=now,
            case_id=case.id,
            payload={
                "reference": case.reference,
                "bundle_sha256": sha,
                "files": count,
                "encrypted": password is not None,
            },
        )
    return EvidenceResult(target, count, events, password is not None, sha)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[: 1 << 26])
        view = view[written:]


# --------------------------------------------------------------------------- verifying


def verify_bundle(path: Path, password: str | None = None) -> list[str]:
    """Every problem with a bundle: digests, missing or extra files, the chain's links.

    An empty list means every file matches the manifest and the audit segment recomputes.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        return [f"{path} cannot be read ({error.strerror or error})."]
    if raw.startswith(MAGIC):
        if password is None:
            return [f"{path.name} is an encrypted bundle; give its password (--password-stdin)."]
        try:
            raw = decrypt_bundle(raw, password)
        except BundleError as error:
            return [str(error)]
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as bundle:
            files: dict[str, bytes] = {}
            for name in bundle.namelist():
                try:
                    files[name] = bundle.read(name)
                except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
                    # A flipped byte shows as a bad CRC or, inside deflated data, as
                    # a zlib error: either way that member is damaged.
                    return [f"{name} is damaged inside the ZIP (it cannot be read back)."]
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
        return [f"{path.name} is not a ZIP evidence bundle, or it is damaged."]
    return _check_files(files)


def _check_files(files: dict[str, bytes]) -> list[str]:
    problems: list[str] = []
    if MANIFEST not in files:
        return ["manifest.json is missing, so nothing can be checked."]
    try:
        manifest = json.loads(files[MANIFEST])
        listed = {str(f["name"]): f for f in manifest["files"]}
    except (ValueError, KeyError, TypeError):
        return ["manifest.json is not a readable manifest."]
    if manifest.get("format") != BUNDLE_FORMAT:
        problems.append("manifest.json does not describe a Grievance Desk evidence bundle.")
    for name, entry in sorted(listed.items()):
        if name not in files:
            problems.append(f"{name} is listed in the manifest but missing from the bundle.")
            continue
        if _sha(files[name]) != entry.get("sha256"):
            problems.append(f"{name} does not match its SHA-256 in the manifest.")
        elif len(files[name]) != entry.get("size"):
            problems.append(f"{name} does not have the size the manifest records.")
    for name in sorted(set(files) - set(listed) - {MANIFEST, SUMS}):
        problems.append(f"{name} is in the bundle but not in the manifest.")
    problems += _check_sums(files)
    if SEGMENT in files:
        problems += _check_segment(files, manifest)
    else:
        problems.append(f"{SEGMENT} is missing: the case's history cannot be checked.")
    return problems


def _check_sums(files: dict[str, bytes]) -> list[str]:
    if SUMS not in files:
        return [f"{SUMS} is missing."]
    problems = []
    for line in files[SUMS].decode("utf-8", "replace").splitlines():
        sha, _, name = line.partition("  ")
        if name not in files:
            problems.append(f"{SUMS} lists {name}, which is not in the bundle.")
        elif _sha(files[name]) != sha:
            problems.append(f"{name} does not match its digest in {SUMS}.")
    return problems


def _check_segment(files: dict[str, bytes], manifest: dict[str, Any]) -> list[str]:
    try:
        segment = json.loads(files[SEGMENT])
        events = list(segment["events"])
        head = segment["chain_head"]
    except (ValueError, KeyError, TypeError):
        return [f"{SEGMENT} is not readable."]
    problems: list[str] = []
    previous: dict[str, Any] | None = None
    issued: dict[int, str] = {}
    for event in events:
        try:
            header = {k: event[k] for k in ("id", "case_id", "at", "actor", "action")}
            header["payload_sha256"] = event["payload_sha256"]
            if previous is not None:
                if event["id"] != previous["id"] + 1:
                    problems.append(
                        f"Audit event {previous['id'] + 1} is missing from the segment."
                    )
                elif event["prev_hash"] != previous["hash"]:
                    problems.append(f"Audit event {event['id']} does not link to the one before.")
            elif event["id"] == 1 and event["prev_hash"] != GENESIS:
                problems.append("The first audit event does not start from the genesis hash.")
            if chain_hash(event["prev_hash"], header) != event["hash"]:
                problems.append(f"Audit event {event['id']}'s contents do not match its hash.")
            payload = event.get("payload")
            if isinstance(payload, str) and not event.get("redacted"):
                if digest(payload.encode("utf-8")) != event["payload_sha256"]:
                    problems.append(
                        f"Audit event {event['id']}'s recorded values do not match their digest."
                    )
                elif event["action"] == "letter.issued":
                    values = json.loads(payload)
                    if isinstance(values.get("letter_id"), int):
                        issued[values["letter_id"]] = str(values.get("pdf_sha256"))
        except (KeyError, TypeError, ValueError, AttributeError):
            problems.append(f"An audit event in {SEGMENT} is incomplete.")
            break
        previous = event
    if (
        segment.get("reaches_head")
        and previous is not None
        and (previous["id"] != head.get("events") or previous["hash"] != head.get("hash"))
    ):
        problems.append("The audit segment does not end at the chain head it states.")
    if manifest.get("chain_head") != head:
        problems.append("The manifest and the audit segment state different chain heads.")
    for name, data in files.items():
        match = re.match(r"letters/letter-(\d+)-", name)
        if match and int(match[1]) in issued and _sha(data) != issued[int(match[1])]:
            problems.append(f"{name} is not the PDF the audit trail recorded when it was issued.")
    return problems
