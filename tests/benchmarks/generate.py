"""A seeded, fictitious register of N cases (default 100,000) for the benchmarks.

Why not the services: registering 100,000 cases through the ORM takes many minutes, and the
benchmarks need the shape of five years of real work (requesters, ~10 audit events per case,
correspondence, letters, attachments on 10 %, pauses, extensions, reopenings, FTS rows and
``next_due_at``) in under two minutes. So rows go in as Core ``executemany`` INSERTs inside
one transaction on the real keyed engine, the audit chain is hashed with ``storage.audit``'s
own ``_header``/``chain_hash`` (so ``verify`` passes), and ``next_due_at`` comes from the
services' own bulk refresh.

The register is cached in the temp folder, keyed by (N, seed, schema head, generator
version), with the passphrase and the raw data key in ``bench-key.json`` beside it: it holds
nothing but fictitious data and never leaves the temp folder.

Run ``python -m tests.benchmarks.generate [N] [seed]`` to build (or find) one and print where.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from grievance_desk.domain.reference import format_reference
from grievance_desk.services.cases import refresh_next_due_after_bulk
from grievance_desk.services.letter_templates import shipped_templates
from grievance_desk.storage.audit import (
    GENESIS,
    _header,
    append_state_baselines,
    canonical_json,
    chain_hash,
    digest,
)
from grievance_desk.storage.keyfile import KdfParams
from grievance_desk.storage.migrate import head_revision
from grievance_desk.storage.name_collation import requester_sort_key
from grievance_desk.storage.register import Register

GENERATOR_VERSION = 3
DEFAULT_CASES = 100_000
DEFAULT_SEED = 8
# "Now" for the generated history: the day the benchmarks were first run.
NOW = datetime(2026, 11, 26, 4, 30, tzinfo=UTC)
YEARS = 5
PASSPHRASE = "benchmark register: fictitious data only"
ZONE = ZoneInfo("Asia/Kolkata")
ACTOR = "Bench Grievance Officer"
CHUNK = 5_000  # cases per batch of executemany calls (bounds the generator's memory)
HEAVY_EVERY = 2_000  # every 2,000th case has a timeline of exactly 50 items
HEAVY_ITEMS = 50

FIRST_NAMES = (
    "Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Meera", "Kabir", "Isha", "Arjun", "Diya",
    "Farhan", "Lakshmi", "Siddharth", "Neha", "Tenzin", "Gurpreet", "Joseph", "Fatima",
    "Rahul", "Sneha", "Aditya", "Kavya", "Imran", "Pooja", "Nikhil", "Anjali", "Suresh",
    "Deepa", "Manoj", "Ritu", "Harpreet", "Sanjay", "Nandini", "Varun", "Shreya", "Karan",
    "Zoya", "Abhishek", "Swati", "Mohan", "Divya", "Rajesh", "Aisha", "Vivek", "Sunita",
    "Yusuf", "Bhavna", "Gaurav", "Tanvi", "Arun", "Madhuri", "Naveen", "Rekha", "Pranav",
)  # fmt: skip
SURNAMES = (
    "Sharma", "Verma", "Iyer", "Nair", "Reddy", "Gupta", "Khan", "Singh", "Das", "Menon",
    "Patel", "Shah", "Joshi", "Kulkarni", "Banerjee", "Chatterjee", "Mukherjee", "Pillai",
    "Rao", "Bose", "Dutta", "Mehta", "Kapoor", "Malhotra", "Chopra", "Agarwal", "Saxena",
    "Bhatt", "Desai", "Fernandes", "D'Souza", "Hegde", "Kamath", "Naidu", "Gill", "Sethi",
    "Qureshi", "Ansari", "Sinha", "Mishra", "Tiwari", "Pandey", "Yadav", "Chauhan",
)  # fmt: skip
DOMAINS = ("example.org", "example.com", "example.net", "mail.example.in")
TYPES = {
    "access": 18, "erasure": 16, "marketing_opt_out": 14, "correction": 10,
    "consent_withdrawal": 9, "other": 8, "cookie_consent": 6, "objection": 5,
    "completion": 4, "security_concern": 4, "nomination": 3, "minor_data": 3,
}  # fmt: skip
CHANNELS = {"email": 50, "web_form": 25, "post": 8, "phone": 10, "in_person": 3, "regulator": 4}
OPEN_STATUSES = {
    "new": 20, "acknowledged": 25, "awaiting_identity_proof": 10,
    "awaiting_clarification": 8, "in_progress": 27, "response_sent": 10,
}  # fmt: skip
OUTCOMES = {
    "fulfilled": 50, "partly_fulfilled": 12, "refused": 10, "withdrawn": 8,
    "no_data_held": 15, "transferred": 5,
}  # fmt: skip
POLICIES = {None: 80, "dpdp-2025": 8, "gdpr": 5, "spdi-2011": 4, "ccpa": 3}
PRIORITIES = {"low": 10, "normal": 70, "high": 15, "urgent": 5}
SUBJECTS = (
    "Request about my personal data", "Follow-up on my request", "Identity documents attached",
    "Re: your acknowledgement", "Clarification as requested", "Still waiting for a reply",
    "Complaint about marketing messages", "Please delete my account", "Correction needed",
)  # fmt: skip
WORDS = (
    "account", "billing", "invoice", "address", "consent", "marketing", "SMS", "e-mail",
    "newsletter", "KYC", "Aadhaar", "PAN", "passport", "support", "ticket", "refund", "profile",
    "cookies", "analytics", "tracking", "deletion", "erasure", "copy", "export", "portal",
    "mobile", "app", "login", "password", "breach", "vendor", "payroll", "employee", "branch",
    "Mumbai", "Bengaluru", "Chennai", "Pune", "Delhi", "Hyderabad", "Kolkata", "Jaipur",
    "nominee", "guardian", "minor", "school", "insurance", "loan", "credit", "bureau",
)  # fmt: skip
OPENINGS = (
    "Requests a copy of all personal data held about their",
    "Asks for correction of the",
    "Wants deletion of the old",
    "Complains about unsolicited messages regarding",
    "Objects to the processing of",
    "Withdraws consent for",
    "Asks who received their",
    "Reports a suspected leak of",
)  # fmt: skip


@dataclass
class BenchRegister:
    """Where a generated register is and how to open it (all fictitious)."""

    path: Path
    passphrase: str
    data_key_hex: str
    cases: int
    seed: int
    schema: str
    now: str
    build_seconds: float
    heavy_references: list[str]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def data_key(self) -> bytes:
        return bytes.fromhex(self.data_key_hex)

    @property
    def folder(self) -> Path:
        return self.path.parent


def cache_folder(cases: int, seed: int) -> Path:
    """One folder per (N, seed, schema head, generator version), under the temp folder."""
    root = Path(os.environ.get("GRIEVANCE_DESK_BENCH_DIR", tempfile.gettempdir()))
    name = f"cases{cases}-seed{seed}-schema{head_revision()}-gen{GENERATOR_VERSION}"
    return root / "grievance-desk-bench" / name


def bench_register(cases: int = DEFAULT_CASES, seed: int = DEFAULT_SEED) -> BenchRegister:
    """The cached register for (cases, seed), built first if it is missing or incomplete."""
    folder = cache_folder(cases, seed)
    info = folder / "bench-key.json"
    if info.is_file() and (folder / "complete").is_file():
        data = json.loads(info.read_text(encoding="utf-8"))
        data["path"] = folder / "register.db"  # the folder may have moved
        return BenchRegister(**data)
    return build(folder, cases, seed)


# --------------------------------------------------------------------------- building


def _pick(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _received_times(rng: random.Random, cases: int) -> list[datetime]:
    """Spread over five years, volume growing (the office gets busier), sorted."""
    span = YEARS * 365 * 24 * 60
    start = NOW - timedelta(minutes=span)
    times = []
    for _ in range(cases):
        # Density rising linearly from 0.5 to 1.5: inverse-CDF of a trapezoid.
        u = rng.random()
        x = (-0.5 + (0.25 + 2 * u) ** 0.5) if u else 0.0  # solves 0.5x + 0.5x² = u
        times.append(start + timedelta(minutes=int(x * span)))
    times.sort()
    return times


@dataclass
class _Batch:
    requester: list[tuple[Any, ...]] = field(default_factory=list)
    case: list[tuple[Any, ...]] = field(default_factory=list)
    correspondence: list[tuple[Any, ...]] = field(default_factory=list)
    attachment: list[tuple[Any, ...]] = field(default_factory=list)
    letter: list[tuple[Any, ...]] = field(default_factory=list)
    pause: list[tuple[Any, ...]] = field(default_factory=list)
    extension: list[tuple[Any, ...]] = field(default_factory=list)
    event: list[tuple[Any, ...]] = field(default_factory=list)
    search: list[tuple[Any, ...]] = field(default_factory=list)


_INSERTS = {
    "requester": "INSERT INTO requester (id, name, email, phone, postal_address, relationship, "
    "organisation) VALUES (?, ?, ?, ?, ?, ?, ?)",
    "case": "INSERT INTO grievance_case (id, reference, ref_year, ref_sequence, kind, "
    "request_type, channel, received_at, requester_id, representative, representative_name, "
    "data_categories, description, identity_state, priority, status, outcome, refusal_grounds, "
    "tags, policy_id, acknowledged_at, closed_at, identity_proof_at, fee_received_at, "
    "reopened_at, legal_hold, created_at, updated_at, purged_at, next_due_at, next_due_kind, "
    "requester_sort_key) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 0, "
    "?, ?, NULL, NULL, NULL, ?)",
    "correspondence": "INSERT INTO correspondence (id, case_id, direction, channel, at, "
    "counterpart, subject, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "attachment": "INSERT INTO attachment (id, case_id, correspondence_id, filename, media_type, "
    "size, sha256, purpose, content, added_at, destroyed_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
    "letter": "INSERT INTO letter (id, case_id, template_id, template_version, status, subject, "
    "body, created_at, issued_at, pdf, sha256) VALUES (?, ?, ?, ?, 'issued', ?, ?, ?, ?, ?, ?)",
    "pause": "INSERT INTO clock_pause (case_id, reason, started_on, ended_on) VALUES (?, ?, ?, ?)",
    "extension": "INSERT INTO extension (case_id, granted_at, reason, notice_sent_at) "
    "VALUES (?, ?, ?, ?)",
    "event": "INSERT INTO audit_event (id, case_id, at, actor, action, payload, payload_digest, "
    "prev_hash, hash, redacted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
    "search": "INSERT INTO case_search (rowid, reference, requester, email, description) "
    "VALUES (?, ?, ?, ?, ?)",
}


class _Generator:
    """Builds rows case by case; ids are assigned here so rows can point at each other."""

    def __init__(self, cases: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.cases = cases
        self.received = _received_times(self.rng, cases)
        self.counters: dict[int, int] = {}
        self.tip = GENESIS
        self.next_event = 1
        self.next_message = 1
        self.next_letter = 1
        self.next_attachment = 1
        self.heavy: list[str] = []
        self.counts: dict[str, int] = dict.fromkeys(_INSERTS, 0)
        templates = {t.id: t for t in shipped_templates()}
        self.ack_template = templates["acknowledgement"].version_id
        self.closure_template = templates["closure"].version_id

    # -- one audit link -------------------------------------------------------------------

    def _event(
        self,
        batch: _Batch,
        case_id: int,
        at: datetime,
        action: str,
        payload: dict[str, Any] | None = None,
        *,
        text: str | None = None,
    ) -> None:
        if text is None:
            text = canonical_json(payload).decode("utf-8")
        payload_sha = digest(text.encode("utf-8"))
        event_id, prev = self.next_event, self.tip
        header = _header(event_id, case_id, at, ACTOR, action, payload_sha)
        hashed = chain_hash(prev, header)
        batch.event.append(
            (event_id, case_id, header["at"], ACTOR, action, text, payload_sha, prev, hashed)
        )
        self.next_event, self.tip = event_id + 1, hashed

    # -- one case -------------------------------------------------------------------------

    def case(self, batch: _Batch, case_id: int) -> None:
        """One case's whole story, in the order it happened."""
        rng = self.rng
        received = self.received[case_id - 1]
        year = received.astimezone(ZONE).year
        self.counters[year] = self.counters.get(year, 0) + 1
        reference = format_reference("GRV", year, self.counters[year])
        first, surname = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        name = f"{first} {surname}"
        email = (
            f"{first.lower()}.{surname.lower().replace(chr(39), '')}{case_id}@{rng.choice(DOMAINS)}"
        )
        phone = f"+91 00000 {case_id % 100_000:05d}"
        address = f"{rng.randint(1, 999)} Example Road, Sample Nagar, Testpur {case_id % 1000:03d}"
        batch.requester.append(
            (case_id, name, email, phone, address, "customer", f"ACCT-{100_000 + case_id}")
        )
        request_type = _pick(rng, TYPES)
        channel = _pick(rng, CHANNELS)
        kind = "complaint" if rng.random() < 0.25 else "rights_request"
        words = " ".join(rng.sample(WORDS, 4))
        description = f"{rng.choice(OPENINGS)} {words}. Ref {rng.randint(10_000, 99_999)}."
        age = (NOW - received).days
        heavy = case_id % HEAVY_EVERY == 0
        # Old cases are closed but for a few still open (overdue); recent ones are mixed.
        closed_case = rng.random() > 0.01 if age > 90 else rng.random() < min(0.9, age / 70)
        status = "closed" if closed_case else _pick(rng, OPEN_STATUSES)
        if heavy:
            status, closed_case = "closed", True
        acknowledged = received + timedelta(hours=rng.randint(1, 70))
        closed = received + timedelta(days=rng.randint(5, 40), hours=rng.randint(0, 9))
        if closed_case:
            closed = min(closed, NOW - timedelta(hours=1))
            acknowledged = min(acknowledged, closed)
        acked = status != "new"
        if acked:
            acknowledged = max(received + timedelta(minutes=1), min(acknowledged, NOW))
        outcome = _pick(rng, OUTCOMES) if closed_case else None
        grounds = ["other"] if outcome == "refused" else []
        policy = _pick(rng, POLICIES)
        # One pause at most per case: two pauses starting the same day with one still open
        # break monthly_report (reports.py sorts (start, end) tuples; see RESULTS.md).
        identity_pause = status != "awaiting_clarification" and (
            rng.random() < 0.3 or status == "awaiting_identity_proof"
        )
        extended = rng.random() < 0.05 and status not in ("new", "acknowledged")
        reopened = closed_case and age > 90 and rng.random() < 0.005
        categories = rng.sample(["registration", "profile", "kyc", "billing", "marketing"], 2)
        snapshot = {
            "reference": reference,
            "kind": kind,
            "request_type": request_type,
            "channel": channel,
            "received_at": received.isoformat(),
            "status": "new",
            "priority": _pick(rng, PRIORITIES),
            "identity_state": "verified" if identity_pause else "not_required",
            "representative": "none",
            "representative_name": "",
            "data_categories": categories,
            "description": description,
            "outcome": None,
            "refusal_grounds": [],
            "tags": [],
            "policy_id": policy,
            "acknowledged_at": None,
            "closed_at": None,
            "requester": {
                "name": name,
                "email": email,
                "phone": phone,
                "postal_address": address,
                "relationship": "customer",
                "organisation": f"ACCT-{100_000 + case_id}",
            },
        }
        created = received + timedelta(minutes=rng.randint(1, 240))
        timeline = 0
        state = canonical_json(snapshot).decode("utf-8")
        self._event(batch, case_id, created, "case.created", text=f'{{"after":{state}}}')
        timeline += 1

        def move(action: str, at: datetime, **changes: Any) -> None:
            # The payload change_status writes: full before/after snapshots. Each snapshot is
            # serialised once; the composed text is exactly canonical_json of the payload.
            nonlocal timeline, state
            before = state
            snapshot.update(changes)
            state = canonical_json(snapshot).decode("utf-8")
            text = f'{{"after":{state},"before":{before},"note":""}}'
            self._event(batch, case_id, at, f"case.{action}", text=text)
            timeline += 1

        def message(direction: str, at: datetime) -> int:
            nonlocal timeline
            message_id = self.next_message
            self.next_message += 1
            counterpart = email if direction == "in" else "grievance.officer@example.org"
            body = f"Dear team, regarding {reference}: {description} " + " ".join(
                rng.choices(WORDS, k=25)
            )
            batch.correspondence.append(
                (
                    message_id,
                    case_id,
                    direction,
                    channel if direction == "in" else "email",
                    _stamp(at),
                    counterpart,
                    rng.choice(SUBJECTS),
                    body,
                )
            )
            timeline += 1
            return message_id

        def letter(template: str, at: datetime, subject: str) -> None:
            nonlocal timeline
            letter_id = self.next_letter
            self.next_letter += 1
            body = f"Dear {name},\n\n{subject} for your request {reference}.\n\nYours faithfully"
            # A stand-in for the issued PDF (real ones are ~30 KB; the bytes only need to be
            # stored, digested and read back here).
            pdf = b"%PDF-1.4\n% bench stand-in\n" + rng.randbytes(600) + b"\n%%EOF\n"
            sha = hashlib.sha256(pdf).hexdigest()
            template_id = template.split("@", 1)[0]
            batch.letter.append(
                (letter_id, case_id, template_id, template, subject, body, _stamp(at),
                 _stamp(at), pdf, sha)
            )  # fmt: skip
            self._event(
                batch,
                case_id,
                at,
                "letter.drafted",
                {"letter_id": letter_id, "template_id": template_id, "template_version": template},
            )
            self._event(
                batch,
                case_id,
                at + timedelta(minutes=3),
                "letter.issued",
                {
                    "letter_id": letter_id,
                    "template_id": template_id,
                    "template_version": template,
                    "subject_sha256": digest(subject.encode("utf-8")),
                    "body_sha256": digest(body.encode("utf-8")),
                    "pdf_sha256": sha,
                    "pdf_size": len(pdf),
                },
            )
            timeline += 3  # the letter row and its two events

        first_message = message("in", received)
        if rng.random() < 0.10 or heavy:
            for number in range(1 + (rng.random() < 0.5)):
                data = rng.randbytes(rng.randint(2_000, 12_000))
                attachment_id = self.next_attachment
                self.next_attachment += 1
                added = created + timedelta(minutes=number + 1)
                batch.attachment.append(
                    (attachment_id, case_id, first_message, f"id-proof-{number + 1}.pdf",
                     "application/pdf", len(data), hashlib.sha256(data).hexdigest(), "id_proof",
                     data, _stamp(added))
                )  # fmt: skip
                self._event(
                    batch,
                    case_id,
                    added,
                    "attachment.added",
                    {"attachment_id": attachment_id, "filename": f"id-proof-{number + 1}.pdf"},
                )
                # attachment.added is hidden from the timeline; the attachment row shows.
        identity_proof_at = None
        if acked:
            move(
                "acknowledge",
                acknowledged,
                status="acknowledged",
                acknowledged_at=acknowledged.isoformat(),
            )
            letter(self.ack_template, acknowledged + timedelta(minutes=10), "Acknowledgement")
        if identity_pause and acked:
            asked = acknowledged + timedelta(hours=1)
            if status == "awaiting_identity_proof":
                move("request_identity_proof", asked, status="awaiting_identity_proof")
                batch.pause.append(
                    (case_id, "awaiting_identity_proof", asked.date().isoformat(), None)
                )
            else:
                back = asked + timedelta(days=rng.randint(1, 6))
                if closed_case:
                    back = min(back, closed - timedelta(hours=2))
                back = max(back, asked)
                move("request_identity_proof", asked, status="awaiting_identity_proof")
                message("in", back)
                move("resume", back, status="acknowledged")
                identity_proof_at = back
                batch.pause.append(
                    (case_id, "awaiting_identity_proof", asked.date().isoformat(),
                     back.date().isoformat())
                )  # fmt: skip
        if status == "awaiting_clarification":
            at = acknowledged + timedelta(hours=2)
            move("request_clarification", at, status="awaiting_clarification")
            batch.pause.append((case_id, "awaiting_clarification", at.date().isoformat(), None))
        working = status in ("in_progress", "response_sent", "closed")
        if working:
            start = acknowledged + timedelta(days=1)
            start = min(start, (closed if closed_case else NOW) - timedelta(hours=1))
            move("start_work", start, status="in_progress")
            if extended:
                granted = start + timedelta(hours=2)
                reason = "The request covers archived records across several systems."
                batch.extension.append((case_id, _stamp(granted), reason, _stamp(granted)))
                self._event(batch, case_id, granted, "case.extended", {"reason": reason})
                timeline += 1
            message("out", start + timedelta(hours=1))
        if status in ("response_sent", "closed"):
            sent = (closed if closed_case else NOW) - timedelta(minutes=30)
            move("send_response", sent, status="response_sent")
        if closed_case:
            letter(self.closure_template, closed - timedelta(minutes=20), "Closure of your request")
            move("close", closed, status="closed", outcome=outcome, refusal_grounds=grounds,
                 closed_at=closed.isoformat())  # fmt: skip
        reopened_at = None
        if reopened:
            reopened_at = closed + timedelta(days=3)
            move("reopen", reopened_at, status="acknowledged", closed_at=None, outcome=None,
                 refusal_grounds=[])  # fmt: skip
            closed = reopened_at + timedelta(days=4)
            move("close", closed, status="closed", outcome=outcome, refusal_grounds=grounds,
                 closed_at=closed.isoformat())  # fmt: skip
            closed_case = closed < NOW
        if heavy:
            self.heavy.append(reference)
            attachments = sum(1 for row in batch.attachment if row[1] == case_id)
            # The timeline shows events (less attachment.added), messages, letters and files.
            at = created + timedelta(days=1)
            while timeline + attachments < HEAVY_ITEMS:
                message(rng.choice(("in", "out")), at)
                at += timedelta(hours=5)
        batch.case.append(
            (
                case_id, reference, year, self.counters[year], kind, request_type, channel,
                _stamp(received), case_id, "none", "", json.dumps(categories), description,
                snapshot["identity_state"], snapshot["priority"], snapshot["status"],
                snapshot["outcome"], json.dumps(grounds), "[]", policy,
                _stamp(acknowledged) if acked else None,
                _stamp(closed) if snapshot["status"] == "closed" else None,
                _stamp(identity_proof_at) if identity_proof_at else None,
                _stamp(reopened_at) if reopened_at else None,
                _stamp(created), _stamp(closed if snapshot["status"] == "closed" else created),
                requester_sort_key(name),
            )
        )  # fmt: skip
        batch.search.append((case_id, reference, name, email, description))


def _flush(connection: Connection, batch: _Batch, counts: dict[str, int]) -> None:
    for table, sql in _INSERTS.items():
        rows: Sequence[tuple[Any, ...]] = getattr(batch, table)
        if rows:
            connection.exec_driver_sql(sql, rows)  # type: ignore[arg-type]
            counts[table] += len(rows)


def _chunks(cases: int) -> Iterator[range]:
    for start in range(1, cases + 1, CHUNK):
        yield range(start, min(cases, start + CHUNK - 1) + 1)


SETTINGS = {
    "organisation.name": "Example Benchmarks Pvt. Ltd. (FICTITIOUS)",
    "organisation.address": "1 Placeholder Road, Sample Nagar, Testpur 000000, India",
    "officer.name": ACTOR,
    "officer.email": "grievance.officer@example.org",
    "officer.phone": "+91 00000 99999",
    "officer.timezone": "Asia/Kolkata",
}


def _pragmas(register: Register, *pragmas: str) -> None:
    """Outside any transaction (journal_mode cannot change inside one), on the pooled connection."""
    raw = register.engine.raw_connection()
    try:
        for pragma in pragmas:
            raw.driver_connection.execute(f"PRAGMA {pragma}")  # type: ignore[union-attr]
    finally:
        raw.close()


def build(folder: Path, cases: int, seed: int) -> BenchRegister:
    """Create the register with the real (default) Argon2id cost and fill it in one go."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, mode=0o700)
    path = folder / "register.db"
    started = time.perf_counter()
    register, _recovery = Register.create(path, PASSPHRASE, KdfParams())
    try:
        generator = _Generator(cases, seed)
        # Build-time only: the register's WAL would take every page twice (WAL, then the
        # checkpoint); a fresh file in rollback-journal mode takes new pages once. A large
        # cache keeps the random-order hash index in memory. Back to WAL after.
        _pragmas(register, "journal_mode=DELETE", "cache_size=-500000")
        with register.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO setting (key, value) VALUES (?, ?)",
                [(k, json.dumps(v, ensure_ascii=False)) for k, v in SETTINGS.items()],  # type: ignore[arg-type]
            )
            for chunk in _chunks(cases):
                batch = _Batch()
                for case_id in chunk:
                    generator.case(batch, case_id)
                _flush(connection, batch, generator.counts)
            connection.exec_driver_sql(
                "INSERT INTO reference_counter (year, last_sequence) VALUES (?, ?)",
                sorted(generator.counters.items()),  # type: ignore[arg-type]
            )
        _pragmas(register, "cache_size=-32000", "journal_mode=WAL")
        with register.writing() as session:
            refresh_next_due_after_bulk(session, 1, NOW)
            # The generated events carry no state digests: record each case's state once,
            # as the upgrade to schema 0007 does, so verify's record check passes too.
            append_state_baselines(session, at=NOW, actor=ACTOR, note="generated register")
        data_key = register.data_key
    finally:
        register.close()
    info = BenchRegister(
        path=path,
        passphrase=PASSPHRASE,
        data_key_hex=data_key.hex(),
        cases=cases,
        seed=seed,
        schema=head_revision(),
        now=NOW.isoformat(),
        build_seconds=round(time.perf_counter() - started, 1),
        heavy_references=generator.heavy,
        counts={**generator.counts, "bytes": path.stat().st_size},
    )
    record = asdict(info)
    record["path"] = str(path)
    key_info = folder / "bench-key.json"
    key_info.write_text(json.dumps(record, indent=2), encoding="utf-8")
    key_info.chmod(0o600)
    (folder / "complete").write_text(date.today().isoformat(), encoding="utf-8")
    return info


def main(argv: list[str]) -> int:
    cases = int(argv[1]) if len(argv) > 1 else DEFAULT_CASES
    seed = int(argv[2]) if len(argv) > 2 else DEFAULT_SEED
    info = bench_register(cases, seed)
    print(json.dumps({**asdict(info), "path": str(info.path)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
