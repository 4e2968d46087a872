"""The audit chain: every change leaves a link; edits and deletions are refused or caught."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from grievance_desk.domain.case_types import Outcome
from grievance_desk.domain.workflow import Action
from grievance_desk.services.cases import change_status, register_case, update_case
from grievance_desk.storage.audit import redact_event, verify_chain
from grievance_desk.storage.register import Register
from tests.conftest import NOW
from tests.support.closing import close_with_reply
from tests.support.drafts import make_draft


def _raw(register: Register) -> sqlcipher3.Connection:
    """A keyed connection that bypasses the project's code, as an attacker with the key would."""
    connection = sqlcipher3.connect(str(register.path))
    connection.execute(f"PRAGMA key = \"x'{register.data_key.hex()}'\"")
    return connection


def _events(register: Register) -> list[tuple[int, str]]:
    with register.reading() as session:
        return [(r[0], r[1]) for r in session.execute(text("SELECT id, action FROM audit_event"))]


def test_each_change_appends_a_linked_event(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    change_status(register, reference, Action.ACKNOWLEDGE, now=NOW + timedelta(hours=1))
    update_case(
        register, reference, {"requester.phone": "+91 00000 11111"}, now=NOW + timedelta(hours=2)
    )
    close_with_reply(register, reference, now=NOW + timedelta(days=3), outcome=Outcome.FULFILLED)
    assert [a for _, a in _events(register)] == [
        "case.created",
        "case.acknowledge",
        "case.updated",
        "correspondence.out",
        "case.close",
    ]
    with register.reading() as session:
        report = verify_chain(session)
    assert report.ok and report.events == 5


def test_triggers_refuse_update_and_delete(register: Register) -> None:
    register_case(register, make_draft(), now=NOW)
    with pytest.raises(IntegrityError, match="append-only"), register.writing() as session:
        session.execute(text("UPDATE audit_event SET actor = 'someone else'"))
    with pytest.raises(IntegrityError, match="cannot be deleted"), register.writing() as session:
        session.execute(text("DELETE FROM audit_event"))
    with register.reading() as session:
        assert verify_chain(session).ok


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        ("UPDATE audit_event SET actor = 'intruder' WHERE id = 2", "do not match its hash"),
        (
            "UPDATE audit_event SET payload = replace(payload, 'Alpha', 'Omega') WHERE id = 1",
            "do not match their digest",
        ),
        ("DELETE FROM audit_event WHERE id = 2", "event 2 is missing"),
    ],
)
def test_tampering_through_a_raw_connection_is_named_by_verify(
    register: Register, statement: str, problem: str
) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    change_status(register, reference, Action.ACKNOWLEDGE, now=NOW)
    change_status(register, reference, Action.START_WORK, now=NOW)
    connection = _raw(register)
    connection.execute("DROP TRIGGER audit_event_redact_only")
    connection.execute("DROP TRIGGER audit_event_no_delete")
    connection.execute(statement)
    connection.commit()
    connection.close()
    with register.reading() as session:
        report = verify_chain(session)
    assert not report.ok
    assert problem in str(report)
    assert report.broken_at in (1, 2)


def test_redaction_keeps_the_chain_valid(register: Register) -> None:
    register_case(register, make_draft(), now=NOW)
    with register.writing() as session:
        redact_event(session, 1, {"reference": "GRV-2026-00001"}, NOW)
    with register.reading() as session:
        report = verify_chain(session)
        payload = session.execute(text("SELECT payload FROM audit_event WHERE id = 1")).scalar()
    assert report.ok and report.redacted == 1
    assert "Test Person Alpha" not in payload
    # A second redaction, or any other change, is still refused.
    with pytest.raises(IntegrityError), register.writing() as session:
        redact_event(session, 1, {}, NOW)


def test_verify_on_a_register_with_no_events(register: Register) -> None:
    with register.reading() as session:
        report = verify_chain(session)
    assert report.ok and report.events == 0
    assert "intact" in str(report)


def test_path_fixture_is_real(register: Register, tmp_path: Path) -> None:
    assert register.path.is_relative_to(tmp_path)
