"""Retention purge, legal hold and destroying identity documents, on a real register."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from grievance_desk.domain.case_record import Requester
from grievance_desk.domain.case_types import IdentityState, Outcome
from grievance_desk.domain.retention import RetentionPeriod, RetentionRules
from grievance_desk.domain.workflow import Action
from grievance_desk.services import letter_drafts, letter_issue, report_export, reports
from grievance_desk.services.attachments import add_attachment, attachment_bytes
from grievance_desk.services.case_queries import case_timeline
from grievance_desk.services.cases import change_status, find_case, register_case, update_case
from grievance_desk.services.demo_data import DEMO_SETTINGS
from grievance_desk.services.integrity import verify_register
from grievance_desk.services.retention import (
    ERASED,
    IdentityNotVerified,
    NoIdentityDocuments,
    RetentionError,
    destroy_identity_documents,
    load_rules,
    purge,
    purge_plan,
    save_rules,
    set_legal_hold,
)
from grievance_desk.storage.errors import NotFound
from grievance_desk.storage.name_collation import requester_sort_key
from grievance_desk.storage.register import Register
from grievance_desk.storage.search import search_case_ids
from grievance_desk.storage.settings_store import put_setting
from grievance_desk.storage.tables import Attachment, AuditEvent, Correspondence, Letter
from tests.support.drafts import make_draft

RECEIVED = datetime(2023, 1, 10, 9, 0, tzinfo=UTC)
CLOSED = datetime(2023, 1, 20, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)  # more than three years after CLOSED
MARKER = "Zyxwquartz"


def settle(register: Register) -> None:
    """Demo organisation settings, so letters can be drafted."""
    with register.writing() as session:
        for key, value in DEMO_SETTINGS.items():
            put_setting(session, key, value)


def closed_case(
    register: Register,
    name: str = f"Test Person {MARKER}",
    *,
    received: datetime = RECEIVED,
    closed: datetime = CLOSED,
    with_files: bool = True,
) -> str:
    """A case with a letter, an attachment and a message, then closed; returns its reference."""
    draft = make_draft(
        requester=Requester(
            name=name,
            email=f"{MARKER.lower()}@example.org",
            phone="+91 00000 00009",
            postal_address=f"9 {MARKER} Lane, Testpur 000000",
            organisation=f"{MARKER} Test Co",
        ),
        description=f"Please send my data, {MARKER} (test case).",
        received_at=received,
    )
    reference = register_case(register, draft, now=received)
    if with_files:
        add_attachment(
            register,
            reference,
            f"{MARKER}-evidence.txt",
            f"{MARKER} evidence".encode(),
            now=received,
        )
        draft_letter = letter_drafts.draft_letter(
            register, reference, "acknowledgement", now=received
        )
        letter_issue.issue_letter(
            register, draft_letter.letter_id, now=received + timedelta(hours=1)
        )
        with register.writing() as session:
            case, _ = find_case(session, reference)
            session.add(
                Correspondence(
                    case_id=case.id or 0,
                    direction="out",  # our reply, so the case may be closed
                    channel="email",
                    at=received,
                    counterpart=f"{MARKER}@example.org",
                    subject=f"Re: {MARKER}",
                    body=f"A message from {MARKER}.",
                )
            )
    change_status(
        register,
        reference,
        Action.CLOSE,
        now=closed,
        # without files there is no reply on file: the requester withdrew
        outcome=Outcome.FULFILLED if with_files else Outcome.WITHDRAWN,
        note=f"closed for {MARKER}",
    )
    return reference


def _dump(register: Register) -> str:
    """Every text value of the tables that hold personal data, as one string."""
    with register.reading() as session:
        parts = []
        for table in (
            "requester",
            "grievance_case",
            "correspondence",
            "letter",
            "attachment",
            "audit_event",
            "case_search",
            "extension",
        ):
            for row in session.execute(text(f"SELECT * FROM {table}")):
                parts.extend(v.decode("latin-1") if isinstance(v, bytes) else str(v) for v in row)
        return "\n".join(parts)


def test_plan_lists_due_cases_by_reference_with_counts_and_no_names(register: Register) -> None:
    settle(register)
    due = closed_case(register)
    recent = closed_case(register, "Test Person Recent", closed=datetime(2025, 6, 1, tzinfo=UTC))
    plan = purge_plan(register, now=LATER)
    assert plan.references == [due]
    item = plan.items[0]
    assert (item.attachments, item.letters, item.correspondence) == (1, 1, 1)
    text_lines = "\n".join(plan.lines())
    assert due in text_lines and recent not in text_lines
    assert MARKER not in text_lines and "@" not in text_lines
    assert plan.totals()["cases"] == 1


def test_purge_erases_personal_data_and_keeps_what_reports_need(register: Register) -> None:
    settle(register)
    reference = closed_case(register)
    assert MARKER in _dump(register)
    report_before = report_export.report_json(
        reports.monthly_report(register, month=date(2023, 1, 1), now=LATER)
    )
    result = purge(register, purge_plan(register, now=LATER), now=LATER)
    assert result.purged == [reference] and result.skipped == []
    assert result.events_redacted >= 4
    dump = _dump(register)
    assert MARKER not in dump and MARKER.lower() not in dump
    with register.reading() as session:
        case, person = find_case(session, reference)
        assert case.purged_at == LATER
        assert (case.status, case.outcome, case.closed_at) == ("closed", "fulfilled", CLOSED)
        assert case.received_at == RECEIVED and str(case.request_type) == "access"
        assert person.name == ERASED and person.email == "" and case.description == ""
        # The name's collation key goes too: it would keep the name's order (and much of it).
        assert case.requester_sort_key == requester_sort_key(ERASED)
        files = session.query(Attachment).all()
        assert [f.content for f in files] == [None] and files[0].destroyed_at == LATER
        letter = session.query(Letter).one()
        assert letter.pdf is None and letter.status == "purged" and letter.sha256
        assert search_case_ids(session, reference) == []
        events = session.query(AuditEvent).filter(AuditEvent.case_id == case.id).all()
        purged = [e for e in events if e.action == "case.purged"]
        assert len(purged) == 1
        record = json.loads(purged[0].payload or "{}")
        assert record["reference"] == reference and record["letters"][0]["pdf_sha256"]
        closing = next(e for e in events if e.action == "case.close")
        kept = json.loads(closing.payload or "{}")
        assert kept["redacted"] is True
        assert kept["after"]["outcome"] == "fulfilled" and "note" not in kept
        assert "requester" not in kept["after"] or set(kept["after"]["requester"]) <= {
            "relationship"
        }
        assert len(case_timeline(session, case.id or 0)) >= 5
    report = verify_register(register)
    assert report.ok, report.lines()
    assert report.chain.redacted == result.events_redacted
    report_after = report_export.report_json(
        reports.monthly_report(register, month=date(2023, 1, 1), now=LATER)
    )
    assert report_after == report_before


def test_purge_is_all_or_nothing(register: Register, monkeypatch: pytest.MonkeyPatch) -> None:
    settle(register)
    first = closed_case(register)
    closed_case(register, "Test Person Second")
    plan = purge_plan(register, now=LATER)
    assert len(plan.items) == 2
    from grievance_desk.services import retention

    calls = {"n": 0}
    real = retention._purge_case

    def failing(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full (simulated)")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(retention, "_purge_case", failing)
    with pytest.raises(OSError, match="disk full"):
        purge(register, plan, now=LATER)
    with register.reading() as session:
        case, person = find_case(session, first)
        assert case.purged_at is None and MARKER in person.name
        assert session.query(AuditEvent).filter(AuditEvent.redacted_at.is_not(None)).count() == 0
    assert verify_register(register).ok


def test_legal_hold_suspends_the_purge_and_is_recorded(register: Register) -> None:
    settle(register)
    reference = closed_case(register, with_files=False)
    plan = purge_plan(register, now=LATER)
    assert set_legal_hold(register, reference, True, now=LATER, reason="Board inquiry 7 (test)")
    assert not set_legal_hold(register, reference, True, now=LATER, reason="again")
    assert purge_plan(register, now=LATER).empty
    # A plan made before the hold is checked again when it runs.
    result = purge(register, plan, now=LATER)
    assert result.purged == [] and result.skipped == [(reference, "it is on legal hold")]
    with pytest.raises(RetentionError, match="reason"):
        set_legal_hold(register, reference, False, now=LATER, reason="  ")
    assert set_legal_hold(register, reference, False, now=LATER, reason="inquiry closed")
    assert purge_plan(register, now=LATER).references == [reference]
    with register.reading() as session:
        actions = [e.action for e in session.query(AuditEvent).order_by(AuditEvent.id)]
    assert actions.count("case.legal_hold") == 2
    purge(register, purge_plan(register, now=LATER), now=LATER)
    with pytest.raises(RetentionError, match="purged"):
        set_legal_hold(register, reference, True, now=LATER, reason="too late")
    with pytest.raises(NotFound):
        set_legal_hold(register, "GRV-2099-99999", True, now=LATER, reason="x")


def test_reopened_case_and_changed_rules_are_skipped(register: Register) -> None:
    settle(register)
    reopened = closed_case(register, with_files=False)
    other = closed_case(register, "Test Person Other", with_files=False)
    plan = purge_plan(register, now=LATER)
    change_status(register, reopened, Action.REOPEN, now=LATER)
    save_rules(register, RetentionRules(default=RetentionPeriod(years=10)), now=LATER)
    result = purge(register, plan, now=LATER)
    assert result.purged == []
    assert dict(result.skipped) == {
        reopened: "it was reopened",
        other: "its retention period has not ended under the current rules",
    }


def test_per_type_rules_are_stored_and_used(register: Register) -> None:
    settle(register)
    reference = closed_case(register, with_files=False)
    with register.reading() as session:
        assert load_rules(session) == RetentionRules()
    rules = RetentionRules(by_type={"access": RetentionPeriod(years=0, months=1)})
    save_rules(register, rules, now=CLOSED)
    with register.reading() as session:
        assert load_rules(session) == rules
    assert purge_plan(register, now=CLOSED + timedelta(days=32)).references == [reference]
    assert purge_plan(register, now=CLOSED + timedelta(days=20)).empty


def test_purging_twice_changes_nothing_more(register: Register) -> None:
    settle(register)
    closed_case(register)
    purge(register, purge_plan(register, now=LATER), now=LATER)
    assert purge_plan(register, now=LATER + timedelta(days=400)).empty
    assert verify_register(register).ok


def test_identity_documents_destroyed_only_once_verified(register: Register) -> None:
    reference = register_case(
        register,
        make_draft(received_at=RECEIVED, identity_state=IdentityState.PENDING),
        now=RECEIVED,
    )
    proof = add_attachment(
        register,
        reference,
        "id-card-test.png",
        b"\x89PNG\r\n\x1a\nTEST-ID",
        now=RECEIVED,
        purpose="identity_proof",
    )
    evidence = add_attachment(register, reference, "note.txt", b"kept", now=RECEIVED)
    with pytest.raises(IdentityNotVerified, match="Mark the identity verified"):
        destroy_identity_documents(register, reference, now=RECEIVED)
    update_case(register, reference, {"identity_state": IdentityState.VERIFIED}, now=RECEIVED)
    done = destroy_identity_documents(register, reference, now=RECEIVED + timedelta(hours=1))
    assert done.attachment_ids == (proof.id,) and done.total_bytes == proof.size
    with pytest.raises(NotFound, match="destroyed"):
        attachment_bytes(register, proof.id)
    assert attachment_bytes(register, evidence.id)[1] == b"kept"
    with pytest.raises(NoIdentityDocuments):
        destroy_identity_documents(register, reference, now=RECEIVED + timedelta(hours=2))
    with register.reading() as session:
        event = (
            session.query(AuditEvent)
            .filter(AuditEvent.action == "case.identity_documents_destroyed")
            .one()
        )
        payload = json.loads(event.payload or "{}")
    assert payload["attachments"][0]["sha256"] == proof.sha256
    assert verify_register(register).ok


def test_redacted_payload_keeps_codes_dates_and_digests_only() -> None:
    from grievance_desk.services.retention import redacted_payload

    payload = json.dumps(
        {
            "before": {"status": "new", "description": "x", "requester": {"name": "A"}},
            "after": {"status": "closed", "outcome": "refused", "closed_at": "2023-01-20"},
            "note": "personal",
            "reason": "personal",
            "filename": "personal.pdf",
            "attachments": [{"attachment_id": 3, "sha256": "ab", "filename": "p.pdf"}],
        }
    )
    assert redacted_payload(payload, "case.close") == {
        "before": {"status": "new", "requester": {}},
        "after": {"status": "closed", "outcome": "refused", "closed_at": "2023-01-20"},
        "attachments": [{"attachment_id": 3, "sha256": "ab"}],
    }
    issued = json.dumps({"letter_id": 4, "pdf_sha256": "cd", "template_id": "t"})
    assert redacted_payload(issued, "letter.issued") == {
        "letter_id": 4,
        "pdf_sha256": "cd",
        "template_id": "t",
    }
    assert redacted_payload("not json", "x") == {}
