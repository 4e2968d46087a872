"""The audit's tampering set: 24 edits made with an independent SQLCipher client holding the
raw key (apsw-sqlite3mc, not the app's code). Each is detected and located by ``verify``;
the three that only a printed chain head can expose (a cut tail of non-case events, a full
re-chain, a roll-back to an older copy) pass plain ``verify`` (the README says why) and fail
``verify --head``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import apsw
import pytest

from grievance_desk.domain.case_types import Channel
from grievance_desk.domain.workflow import Action
from grievance_desk.services import letter_drafts, letter_issue
from grievance_desk.services.attachments import add_attachment
from grievance_desk.services.cases import change_status, register_case
from grievance_desk.services.correspondence import record_correspondence
from grievance_desk.services.integrity import VerifyReport, verify_register
from grievance_desk.services.organisation import load_organisation, save_organisation
from grievance_desk.storage.audit import GENESIS, ChainHead, chain_head
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import NOW, PASSPHRASE
from tests.services.test_letters import fill
from tests.support.drafts import make_draft

LATER = NOW + timedelta(days=1)


def connect(path: Path, key: bytes) -> apsw.Connection:
    """An SQLCipher-4 connection keyed with the raw key, by a client that is not ours."""
    connection = apsw.Connection(str(path))
    connection.execute("PRAGMA cipher = 'sqlcipher'")
    connection.execute("PRAGMA legacy = 4")
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return connection


@dataclass
class Filled:
    path: Path
    key: bytes
    first: str  # a case with a letter, attachment, message and pause
    second: str  # a plain case
    head: ChainHead  # printed before the last (non-case) event
    old_copy: Path  # the register file as it was at ``head``


@pytest.fixture
def filled(register: Register, tmp_path: Path) -> Iterator[Filled]:
    first = fill(register)
    draft = letter_drafts.draft_letter(register, first, "acknowledgement", now=NOW)
    letter_issue.issue_letter(register, draft.letter_id, now=NOW + timedelta(minutes=5))
    change_status(register, first, Action.ACKNOWLEDGE, now=NOW + timedelta(minutes=6))
    add_attachment(register, first, "proof.txt", b"fictitious identity proof", now=NOW)
    record_correspondence(
        register,
        first,
        direction="in",
        channel=Channel.EMAIL,
        at=NOW,
        now=NOW,
        subject="Test message",
        body="Hello (test).",
    )
    change_status(register, first, Action.REQUEST_IDENTITY_PROOF, now=NOW + timedelta(hours=1))
    second = register_case(
        register, make_draft(received_at=datetime(2026, 11, 24, 9, 0, tzinfo=UTC)), now=NOW
    )
    change_status(register, second, Action.ACKNOWLEDGE, now=NOW + timedelta(hours=2))
    with register.reading() as session:
        head = chain_head(session)
    key = register.data_key
    register.close()
    old_copy = tmp_path / "older-copy.db"
    shutil.copyfile(register.path, old_copy)
    again = Register.open(register.path, Unlock(passphrase=PASSPHRASE))
    organisation = load_organisation(again)
    save_organisation(again, organisation, now=LATER)  # a settings event, no case
    change_status(again, second, Action.START_WORK, now=LATER)
    save_organisation(again, organisation, now=LATER)
    again.close()
    yield Filled(register.path, key, first, second, head, old_copy)


def _verify(filled: Filled, head: ChainHead | None = None) -> VerifyReport:
    with Register.open(filled.path, Unlock(passphrase=PASSPHRASE)) as register:
        return verify_register(register, head)


def _scalar(c: apsw.Connection, sql: str, *args: object) -> Any:
    row = c.execute(sql, args).fetchone()
    assert row is not None
    return row[0]


def _case_id(c: apsw.Connection, reference: str) -> int:
    return int(_scalar(c, "SELECT id FROM grievance_case WHERE reference = ?", reference))


def _no_triggers(c: apsw.Connection) -> list[str]:
    """Drop the audit triggers; returns their SQL, to put them back as they were."""
    kept = [
        str(row[0])
        for row in c.execute(
            "SELECT sql FROM sqlite_master WHERE name IN "
            "('audit_event_no_delete', 'audit_event_redact_only')"
        )
    ]
    c.execute("DROP TRIGGER audit_event_no_delete")
    c.execute("DROP TRIGGER audit_event_redact_only")
    return kept


def _put_back(c: apsw.Connection, triggers: list[str]) -> None:
    for sql in triggers:
        c.execute(sql)


def _rechain(c: apsw.Connection, from_id: int = 1) -> None:
    """What someone with the raw key and our published rules can do: recompute every state
    digest and hash after an edit, so the chain and the record agree again."""
    from grievance_desk.storage.audit import _header, canonical_json, chain_hash, digest
    from grievance_desk.storage.case_state import case_state_digest
    from grievance_desk.storage.column_types import UtcDateTime

    stamp = UtcDateTime()
    rows = list(
        c.execute("SELECT id, case_id, at, actor, action, payload FROM audit_event ORDER BY id")
    )
    prev = GENESIS
    for event_id, case_id, at, actor, action, payload in rows:
        data = json.loads(payload or "{}")
        if case_id is not None and event_id == max(r[0] for r in rows if r[1] == case_id):
            data["state_sha256"] = _state_via_apsw(c, case_id, case_state_digest)
        text = canonical_json(data).decode()
        moment = datetime.fromisoformat(at)
        header = _header(event_id, case_id, moment, actor, action, digest(text.encode()))
        assert header["at"] == stamp.process_bind_param(moment, None)  # type: ignore[arg-type]
        new_hash = chain_hash(prev, header)
        c.execute(
            "UPDATE audit_event SET payload = ?, payload_digest = ?, prev_hash = ?, hash = ? "
            "WHERE id = ?",
            (text, header["payload_sha256"], prev, new_hash, event_id),
        )
        prev = new_hash


def _state_via_apsw(c: apsw.Connection, case_id: int, function: Callable[..., object]) -> str:
    """Run the published state rule over an apsw connection (a tiny Session stand-in)."""

    class _Result:
        def __init__(self, cursor: apsw.Cursor) -> None:
            try:
                self.names = [d[0] for d in cursor.getdescription()]
            except apsw.ExecutionCompleteError:  # no rows at all
                self.names = []
            self.rows = list(cursor)

        def mappings(self) -> list[dict[str, object]]:
            return [dict(zip(self.names, row, strict=True)) for row in self.rows]

    class _Session:
        def execute(self, statement: object, params: dict[str, object]) -> _Result:
            sql = str(statement)
            for name, value in params.items():
                sql = sql.replace(f":{name}", str(int(value)))  # type: ignore[call-overload]
            return _Result(c.execute(sql))

    return str(function(_Session(), case_id))


# ----------------------------------------------------------------- the edits, and the finding


def edit_description(f: Filled, c: apsw.Connection) -> None:
    c.execute("UPDATE grievance_case SET description = 'altered' WHERE reference = ?", (f.first,))


def edit_requester_email(f: Filled, c: apsw.Connection) -> None:
    c.execute(
        "UPDATE requester SET email = 'someone@example.org' WHERE id = "
        "(SELECT requester_id FROM grievance_case WHERE reference = ?)",
        (f.second,),
    )


def close_a_case(f: Filled, c: apsw.Connection) -> None:
    c.execute(
        "UPDATE grievance_case SET status = 'closed', outcome = 'fulfilled', closed_at = "
        "'2026-11-25T10:00:00.000000Z' WHERE reference = ?",
        (f.second,),
    )


def move_received_date(f: Filled, c: apsw.Connection) -> None:
    c.execute(
        "UPDATE grievance_case SET received_at = '2026-11-24T23:00:00.000000Z' WHERE reference = ?",
        (f.second,),
    )


def delete_a_case(f: Filled, c: apsw.Connection) -> None:
    case_id = _case_id(c, f.second)
    c.execute("DELETE FROM grievance_case WHERE id = ?", (case_id,))


def inject_a_case(f: Filled, c: apsw.Connection) -> None:
    c.execute(
        "INSERT INTO requester (name, email, phone, postal_address, relationship, organisation) "
        "VALUES ('Test Person Injected', '', '', '', 'customer', '')"
    )
    person = c.last_insert_rowid()
    c.execute(
        "INSERT INTO grievance_case (reference, ref_year, ref_sequence, kind, request_type, "
        "channel, received_at, requester_id, representative, representative_name, "
        "data_categories, description, identity_state, priority, status, refusal_grounds, tags, "
        "legal_hold, created_at, updated_at) VALUES ('GRV-2026-00003', 2026, 3, 'complaint', "
        "'access', 'email', '2026-11-20T10:00:00.000000Z', ?, 'none', '', '[]', 'injected', "
        "'not_required', 'normal', 'new', '[]', '[]', 0, '2026-11-25T09:30:00.000000Z', "
        "'2026-11-25T09:30:00.000000Z')",  # created with case 2, as if imported with it
        (person,),
    )
    c.execute("UPDATE reference_counter SET last_sequence = 3 WHERE year = 2026")


def change_attachment_bytes(f: Filled, c: apsw.Connection) -> None:
    c.execute("UPDATE attachment SET content = ?", (b"another file entirely",))


def swap_attachment_with_its_digest(f: Filled, c: apsw.Connection) -> None:
    data = b"another file entirely"
    c.execute(
        "UPDATE attachment SET content = ?, sha256 = ?, size = ?",
        (data, hashlib.sha256(data).hexdigest(), len(data)),
    )


def delete_an_attachment(f: Filled, c: apsw.Connection) -> None:
    c.execute("DELETE FROM attachment")


def inject_correspondence(f: Filled, c: apsw.Connection) -> None:
    c.execute(
        "INSERT INTO correspondence (case_id, direction, channel, at, counterpart, subject, body) "
        "VALUES (?, 'out', 'email', '2026-11-25T09:30:00.000000Z', '', 'Sent (test)', '')",
        (_case_id(c, f.first),),
    )


def delete_a_clock_pause(f: Filled, c: apsw.Connection) -> None:
    c.execute("DELETE FROM clock_pause")


def alter_an_issued_letter(f: Filled, c: apsw.Connection) -> None:
    c.execute("UPDATE letter SET pdf = ? WHERE status = 'issued'", (b"%PDF-1.4 altered",))


def drop_the_triggers(f: Filled, c: apsw.Connection) -> None:
    _no_triggers(c)


def weaken_a_trigger(f: Filled, c: apsw.Connection) -> None:
    c.execute("DROP TRIGGER audit_event_no_delete")
    c.execute(
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event WHEN 0 "
        "BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END"
    )


def edit_an_event_payload(f: Filled, c: apsw.Connection) -> None:
    _no_triggers(c)
    c.execute("UPDATE audit_event SET payload = replace(payload, 'Alpha', 'Omega') WHERE id = 1")


def edit_an_event_actor(f: Filled, c: apsw.Connection) -> None:
    _no_triggers(c)
    c.execute("UPDATE audit_event SET actor = 'someone else' WHERE id = 3")


def delete_a_middle_event(f: Filled, c: apsw.Connection) -> None:
    _no_triggers(c)
    c.execute("DELETE FROM audit_event WHERE id = 4")


def reorder_two_events(f: Filled, c: apsw.Connection) -> None:
    _no_triggers(c)
    c.execute("UPDATE audit_event SET id = -4 WHERE id = 4")
    c.execute("UPDATE audit_event SET id = 4 WHERE id = 5")
    c.execute("UPDATE audit_event SET id = 5 WHERE id = -4")


def fake_a_redaction(f: Filled, c: apsw.Connection) -> None:
    c.execute(
        "UPDATE audit_event SET payload = '{\"redacted\":true}', "
        "redacted_at = '2026-11-26T00:00:00.000000Z' WHERE id = 1"
    )


def lower_the_reference_counter(f: Filled, c: apsw.Connection) -> None:
    c.execute("UPDATE reference_counter SET last_sequence = 1 WHERE year = 2026")


def cut_the_tail(f: Filled, c: apsw.Connection) -> None:
    _no_triggers(c)
    c.execute("DELETE FROM audit_event WHERE id > ?", (f.head.sequence,))


def cut_the_tail_to_the_printed_head(f: Filled, c: apsw.Connection) -> None:
    """Only the last settings event goes: no case's record shows it."""
    triggers = _no_triggers(c)
    last = int(_scalar(c, "SELECT max(id) FROM audit_event"))
    c.execute("DELETE FROM audit_event WHERE id = ?", (last,))
    _put_back(c, triggers)


def rechain_after_an_edit(f: Filled, c: apsw.Connection) -> None:
    triggers = _no_triggers(c)
    edit_description(f, c)
    _rechain(c)
    _put_back(c, triggers)


def roll_back_to_an_older_copy(f: Filled, c: apsw.Connection | None) -> None:
    """Put back the file as it was when the head was printed (a backup, or a copy kept)."""
    assert c is None
    for suffix in ("-wal", "-shm"):
        Path(str(f.path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(f.old_copy, f.path)


# (edit, what verify must say); a None finding means: only --head can tell (see the README).
DETECTED: list[tuple[Callable[[Filled, apsw.Connection], None], str]] = [
    (edit_description, "{first}: differs from the state its latest audit event"),
    (edit_requester_email, "{second}: differs from the state"),
    (close_a_case, "{second}: differs from the state"),
    (move_received_date, "{second}: differs from the state"),
    (delete_a_case, "{second}: named by audit event"),
    (inject_a_case, "GRV-2026-00003: has no audit event at all"),
    (change_attachment_bytes, "attachment 1 of {first}: its bytes no longer match"),
    (swap_attachment_with_its_digest, "{first}: differs from the state"),
    (delete_an_attachment, "{first}: differs from the state"),
    (inject_correspondence, "{first}: differs from the state"),
    (delete_a_clock_pause, "{first}: differs from the state"),
    (alter_an_issued_letter, "Issued letters: ALTERED"),
    (drop_the_triggers, "the trigger audit_event_no_delete that keeps audit events"),
    (weaken_a_trigger, "the trigger audit_event_no_delete was altered"),
    (edit_an_event_payload, "Audit chain broken at event 1: its recorded values"),
    (edit_an_event_actor, "Audit chain broken at event 3: its contents do not match"),
    (delete_a_middle_event, "Audit chain broken at event 4: event 4 is missing"),
    (reorder_two_events, "Audit chain broken at event 4"),
    (fake_a_redaction, "audit event 1 is marked redacted, but no retention purge"),
    (lower_the_reference_counter, "the 2026 reference counter (1) is below"),
    (cut_the_tail, "{second}: differs from the state its latest audit event"),
]
ONLY_WITH_HEAD = [
    cut_the_tail_to_the_printed_head,
    rechain_after_an_edit,
    roll_back_to_an_older_copy,
]


def _tamper(filled: Filled, edit: Callable[[Filled, apsw.Connection], None]) -> None:
    if edit is roll_back_to_an_older_copy:
        roll_back_to_an_older_copy(filled, None)
        return
    connection = connect(filled.path, filled.key)
    try:
        with connection:
            edit(filled, connection)
    finally:
        connection.close()


@pytest.mark.parametrize(("edit", "finding"), DETECTED, ids=[e.__name__ for e, _ in DETECTED])
def test_each_edit_is_detected_and_located(
    filled: Filled, edit: Callable[[Filled, apsw.Connection], None], finding: str
) -> None:
    assert _verify(filled).ok, "the register verifies before the edit"
    _tamper(filled, edit)
    report = _verify(filled)
    said = "\n".join(report.lines())
    assert not report.ok, said
    assert finding.format(first=filled.first, second=filled.second) in said, said


@pytest.mark.parametrize("edit", ONLY_WITH_HEAD, ids=[e.__name__ for e in ONLY_WITH_HEAD])
def test_edits_only_a_printed_head_exposes(
    filled: Filled, edit: Callable[[Filled, apsw.Connection], None]
) -> None:
    current = _verify(filled).head
    assert current is not None
    _tamper(filled, edit)
    # Without paper, the register is self-consistent: verify cannot tell (README, verify).
    assert _verify(filled).ok
    # With the head printed on the last report (or bundle), it can.
    report = _verify(filled, current)
    said = "\n".join(report.lines())
    assert not report.ok and f"Printed chain head {current}: FAILED" in said, said


def test_the_set_has_24_kinds_of_edit() -> None:
    assert len(DETECTED) + len(ONLY_WITH_HEAD) == 24
