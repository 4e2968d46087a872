"""Deadlines of stored cases: pauses, extensions, reopening, amendments, reminders, calendar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event
from sqlmodel import col, select

from grievance_desk.domain.case_types import Outcome
from grievance_desk.domain.deadline_engine import DeadlineKind, ExtensionRefusedError
from grievance_desk.domain.workflow import Action
from grievance_desk.services.case_deadlines import (
    CaseDeadlineError,
    CaseExtensionRefused,
    ReminderKeyError,
    calendar_items,
    case_clock,
    deadlines_for_case,
    dismiss_reminder,
    due_within,
    extend_case,
    open_case_deadlines,
    policy_for_case,
    reminders_now,
    snooze_reminder,
)
from grievance_desk.services.cases import change_status, find_case, register_case
from grievance_desk.services.policy_settings import set_default_policy
from grievance_desk.storage.audit import verify_chain
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import AuditEvent
from tests.support.closing import close_with_reply
from tests.support.drafts import make_draft

IST = ZoneInfo("Asia/Kolkata")


def at(day: str, hour: int = 10, minute: int = 0) -> datetime:
    """A moment in the officer's zone (Asia/Kolkata), as the officer would say it."""
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), tzinfo=IST).replace(
        hour=hour, minute=minute
    )


def end_of(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.max.time(), tzinfo=IST)


def new_case(register: Register, received: str, policy: str | None = None, **kw: Any) -> str:
    draft = make_draft(received_at=at(received), policy_id=policy, **kw)
    return register_case(register, draft, now=at(received, 11))


# --------------------------------------------------------------------------- the clock


def test_a_pause_adds_both_of_its_dates_to_the_response_date(register: Register) -> None:
    paused = new_case(register, "2026-03-02", "org-default")
    plain = new_case(register, "2026-03-02", "org-default")
    first, last = date(2026, 3, 10), date(2026, 3, 20)
    change_status(register, paused, Action.REQUEST_IDENTITY_PROOF, now=at("2026-03-10", 15))
    change_status(register, paused, Action.RESUME, now=at("2026-03-20", 9))

    now = at("2026-03-25")
    with_pause = deadlines_for_case(register, paused, now=now)
    without = deadlines_for_case(register, plain, now=now)
    assert with_pause.deadlines is not None and without.deadlines is not None
    assert without.deadlines.respond_by.due == end_of("2026-04-01")
    added = with_pause.deadlines.respond_by.due - without.deadlines.respond_by.due
    assert added == timedelta(days=(last - first).days + 1) == timedelta(days=11)
    assert with_pause.deadlines.days_paused == 11
    assert "2026-03-10..2026-03-20 (+11 days)" in with_pause.deadlines.respond_by.explanation


def test_an_open_pause_counts_up_to_today_and_shows_the_clock_stopped(register: Register) -> None:
    ref = new_case(register, "2026-03-02", "gdpr")
    change_status(register, ref, Action.REQUEST_CLARIFICATION, now=at("2026-03-10"))
    result = deadlines_for_case(register, ref, now=at("2026-03-12"))
    assert result.deadlines is not None
    assert result.deadlines.clock_stopped
    assert result.deadlines.days_paused == 3  # 03-10, 03-11, 03-12
    later = deadlines_for_case(register, ref, now=at("2026-03-13"))
    assert later.deadlines is not None
    assert later.deadlines.days_paused == 4
    assert later.deadlines.respond_by.due >= result.deadlines.respond_by.due


def test_case_clock_and_policy_come_from_the_stored_rows(register: Register) -> None:
    ref = new_case(register, "2026-03-02", "gdpr")
    change_status(register, ref, Action.REQUEST_IDENTITY_PROOF, now=at("2026-03-04"))
    change_status(register, ref, Action.RESUME, now=at("2026-03-06"))
    extend_case(register, ref, now=at("2026-03-20"), reason="Complex request (test)")
    with register.reading() as session:
        case, _ = find_case(session, ref)
        clock = case_clock(session, case)
        policy = policy_for_case(session, case)
    assert policy.id == "gdpr"
    assert clock.received_at == at("2026-03-02")
    assert [(p.start, p.end, p.status) for p in clock.pauses] == [
        (date(2026, 3, 4), date(2026, 3, 6), "awaiting_identity_proof")
    ]
    assert clock.extensions == (at("2026-03-20"),)


def test_uk_gdpr_clock_starts_at_the_stored_identity_proof_date(register: Register) -> None:
    ref = new_case(register, "2025-03-31", "uk-gdpr")
    now = at("2025-04-02")
    first = deadlines_for_case(register, ref, now=now).deadlines
    assert first is not None and first.respond_by.due == end_of("2025-04-30")
    with register.writing() as session:
        case, _ = find_case(session, ref)
        case.identity_proof_at = at("2025-04-07")
    moved = deadlines_for_case(register, ref, now=now).deadlines
    assert moved is not None
    assert moved.clock_started_at == at("2025-04-07")
    assert moved.respond_by.due == end_of("2025-05-07")


# --------------------------------------------------------------------------- extensions


def test_gdpr_extension_is_granted_once_then_refused_with_the_reason(register: Register) -> None:
    ref = new_case(register, "2026-03-02", "gdpr")
    before = deadlines_for_case(register, ref, now=at("2026-03-10"))
    after = extend_case(
        register,
        ref,
        now=at("2026-03-10"),
        reason="Many systems to search (test)",
        notice_sent_at=at("2026-03-10", 9),
    )
    assert before.deadlines is not None and after.deadlines is not None
    assert after.deadlines.extended_respond_by is not None
    assert after.deadlines.final_respond_by.due > before.deadlines.final_respond_by.due
    assert after.next is not None and after.next.kind is DeadlineKind.EXTENDED_RESPOND

    with pytest.raises(CaseExtensionRefused) as refused:
        extend_case(register, ref, now=at("2026-03-11"), reason="Still more (test)")
    message = str(refused.value)
    assert ref in message
    assert "allows at most 1 extension and 1 already granted" in message
    assert isinstance(refused.value, ExtensionRefusedError)

    with register.reading() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(col(AuditEvent.id))).all()
        assert actions.count("case.extended") == 1
        assert verify_chain(session).ok


def test_dpdp_extension_is_refused_with_the_reason(register: Register) -> None:
    ref = new_case(register, "2027-06-01", "dpdp-2025")
    with pytest.raises(CaseExtensionRefused) as refused:
        extend_case(register, ref, now=at("2027-06-05"), reason="Complex (test)")
    assert "allows no extension" in str(refused.value)
    assert "DPDP" in str(refused.value) or "Digital Personal Data Protection" in str(refused.value)
    assert deadlines_for_case(register, ref, now=at("2027-06-05")).deadlines is not None


def test_extension_needs_reasons_and_an_unmet_response(register: Register) -> None:
    ref = new_case(register, "2026-03-02", "gdpr")
    with pytest.raises(CaseDeadlineError, match="reasons"):
        extend_case(register, ref, now=at("2026-03-05"), reason="  ")
    change_status(register, ref, Action.SEND_RESPONSE, now=at("2026-03-06"))
    with pytest.raises(CaseDeadlineError, match="nothing to extend"):
        extend_case(register, ref, now=at("2026-03-07"), reason="Late (test)")


def test_extension_after_the_notice_date_is_refused(register: Register) -> None:
    ref = new_case(register, "2026-03-02", "gdpr")
    with pytest.raises(CaseExtensionRefused, match="too late"):
        extend_case(register, ref, now=at("2026-04-10"), reason="Late (test)")
    # Notice sent in time but recorded late is accepted.
    extend_case(
        register,
        ref,
        now=at("2026-04-10"),
        reason="Recorded late (test)",
        notice_sent_at=at("2026-03-30"),
    )


# --------------------------------------------------------------------------- met, reopened


def test_met_deadlines_are_not_open(register: Register) -> None:
    ref = new_case(register, "2026-03-02", "org-default")
    now = at("2026-03-03")
    fresh = deadlines_for_case(register, ref, now=now)
    assert [d.kind for d in fresh.open_deadlines] == [
        DeadlineKind.ACKNOWLEDGE,
        DeadlineKind.RESPOND,
    ]
    assert not fresh.acknowledgement_met and not fresh.response_met
    change_status(register, ref, Action.ACKNOWLEDGE, now=now)
    acked = deadlines_for_case(register, ref, now=now)
    assert acked.acknowledgement_met
    assert [d.kind for d in acked.open_deadlines] == [DeadlineKind.RESPOND]
    change_status(register, ref, Action.SEND_RESPONSE, now=now)
    answered = deadlines_for_case(register, ref, now=at("2026-06-01"))
    assert answered.response_met and answered.open_deadlines == ()
    assert not answered.overdue
    close_with_reply(register, ref, now=now, outcome=Outcome.FULFILLED)
    assert ref not in [c.reference for c in open_case_deadlines(register, now=now)]


def test_a_reopened_case_has_a_new_clock_and_is_not_overdue_for_its_old_date(
    register: Register,
) -> None:
    ref = new_case(register, "2026-01-05", "org-default")
    change_status(register, ref, Action.ACKNOWLEDGE, now=at("2026-01-06"))
    close_with_reply(register, ref, now=at("2026-01-20"), outcome=Outcome.FULFILLED)
    old = deadlines_for_case(register, ref, now=at("2026-01-21"))
    assert old.deadlines is not None
    assert old.deadlines.respond_by.due == end_of("2026-02-04")

    change_status(register, ref, Action.REOPEN, now=at("2026-06-01"))
    now = at("2026-06-05")
    reopened = deadlines_for_case(register, ref, now=now)
    assert reopened.reopened and not reopened.overdue
    assert reopened.deadlines is not None
    assert reopened.deadlines.respond_by.due == end_of("2026-07-01")
    assert reopened.days_left == 26
    assert all(d.due > end_of("2026-02-04") for d in reopened.open_deadlines)
    assert any("Reopened on 2026-06-01" in n for n in reopened.deadlines.notes)
    listed = {c.reference: c for c in open_case_deadlines(register, now=now)}
    assert not listed[ref].overdue
    assert ref not in [c.reference for c in due_within(register, now=now, within=timedelta(0))]
    # Its reminder keys belong to the new clock, so old dismissals cannot hide them.
    assert reopened.clock_key != str(reopened.case_id)


# --------------------------------------------------------------------------- policies


def test_a_case_received_before_an_amendment_keeps_the_old_rule(register: Register) -> None:
    old = new_case(register, "2026-02-10", "it-rules-2021")
    new = new_case(register, "2026-03-02", "it-rules-2021")
    now = at("2026-02-11")
    old_result = deadlines_for_case(register, old, now=now).deadlines
    new_result = deadlines_for_case(register, new, now=now).deadlines
    assert old_result is not None and new_result is not None
    assert old_result.respond_by.due == end_of("2026-02-25")
    assert new_result.respond_by.due == end_of("2026-03-09")
    assert new_result.acknowledge_by is not None
    assert new_result.acknowledge_by.due == at("2026-03-03", 10)


def test_the_default_policy_per_request_type_is_chosen_by_received_date(
    register: Register,
) -> None:
    set_default_policy(register, "access", "it-rules-2021", now=at("2026-01-01"))
    old = new_case(register, "2026-02-19")
    new = new_case(register, "2026-02-20")
    other = new_case(register, "2026-02-20", request_type=_request_type("erasure"))
    now = at("2026-02-21")
    assert deadlines_for_case(register, old, now=now).policy_label.endswith(
        "complaints received before 2026-02-20)"
    )
    assert deadlines_for_case(register, new, now=now).policy_label == (
        "it-rules-2021 (as amended 2026-02-20)"
    )
    assert deadlines_for_case(register, other, now=now).policy_id == "org-default"


def _request_type(value: str) -> Any:
    from grievance_desk.domain.case_types import RequestType

    return RequestType(value)


def test_a_policy_not_in_force_is_a_problem_not_a_crash(register: Register) -> None:
    bad = new_case(register, "2026-03-02", "dpdp-2025")
    good = new_case(register, "2026-03-02", "gdpr")
    with pytest.raises(CaseDeadlineError, match="no version is in force"):
        deadlines_for_case(register, bad, now=at("2026-03-03"))
    listed = {c.reference: c for c in open_case_deadlines(register, now=at("2026-03-03"))}
    problem = listed[bad].problem
    assert problem is not None and bad in problem
    assert listed[good].problem is None
    first = due_within(register, now=at("2026-03-03"), within=timedelta(days=1))[0]
    assert first.reference == bad


# --------------------------------------------------------------------------- listings


def test_due_within_lists_overdue_first_then_nearest(register: Register) -> None:
    late = new_case(register, "2026-01-01", "org-default")  # respond by 01-31
    later = new_case(register, "2026-01-10", "org-default")  # respond by 02-09
    soon = new_case(register, "2026-02-01", "org-default")  # respond by 03-03
    far = new_case(register, "2026-02-20", "org-default")  # respond by 03-22
    for ref in (late, later, soon, far):
        change_status(register, ref, Action.ACKNOWLEDGE, now=at("2026-02-21"))
    now = at("2026-02-25")
    listed = due_within(register, now=now, within=timedelta(days=14))
    assert [c.reference for c in listed] == [late, later, soon]
    assert [c.overdue for c in listed] == [True, True, False]
    assert [c.days_left for c in listed] == [-25, -16, 6]
    everything = due_within(register, now=now, within=None)
    assert [c.reference for c in everything] == [late, later, soon, far]


def test_open_case_deadlines_uses_a_fixed_number_of_queries(register: Register) -> None:
    def count_selects(cases: int) -> int:
        for i in range(cases):
            ref = new_case(register, "2026-03-02", "gdpr" if i % 2 else "org-default")
            if i % 3 == 0:
                change_status(register, ref, Action.REQUEST_IDENTITY_PROOF, now=at("2026-03-04"))
            if i % 4 == 0:
                extend_case(register, ref, now=at("2026-03-05"), reason="Test")
        statements: list[str] = []

        def record(*args: Any) -> None:
            statements.append(str(args[2]))

        event.listen(register.engine, "before_cursor_execute", record)
        try:
            items = open_case_deadlines(register, now=at("2026-03-10"))
        finally:
            event.remove(register.engine, "before_cursor_execute", record)
        assert all(i.problem is None for i in items)
        return sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))

    few = count_selects(3)
    many = count_selects(30)
    assert few == many <= 8


# --------------------------------------------------------------------------- reminders


@pytest.fixture
def due_soon(register: Register) -> Iterator[str]:
    ref = new_case(register, "2026-03-02", "org-default")
    change_status(register, ref, Action.ACKNOWLEDGE, now=at("2026-03-02", 12))
    yield ref  # respond by 2026-04-01


def test_reminders_leave_out_met_deadlines(register: Register, due_soon: str) -> None:
    unacked = new_case(register, "2026-03-28", "org-default")
    reminders = reminders_now(register, now=at("2026-03-29"))
    kinds = {(r.reference, r.kind) for r in reminders}
    assert (due_soon, "respond") in kinds  # 3 days before
    assert (unacked, "acknowledge") in kinds  # due 03-30
    assert (due_soon, "acknowledge") not in kinds
    change_status(register, due_soon, Action.SEND_RESPONSE, now=at("2026-03-29", 12))
    assert due_soon not in {r.reference for r in reminders_now(register, now=at("2026-03-29"))}


def test_dismissed_reminders_stay_dismissed(register: Register, due_soon: str) -> None:
    now = at("2026-03-29")
    [reminder] = [r for r in reminders_now(register, now=now) if r.reference == due_soon]
    assert reminder.key.endswith(":respond:before:3")
    dismiss_reminder(register, reminder.key, now=now)
    assert reminder.key not in {r.key for r in reminders_now(register, now=now)}
    assert reminder.key not in {r.key for r in reminders_now(register, now=at("2026-03-30"))}
    # The next slot (1 day before) is a new reminder.
    [next_one] = reminders_now(register, now=at("2026-03-31"))
    assert next_one.key.endswith(":respond:before:1")


def test_snoozed_reminders_come_back_after_their_time(register: Register, due_soon: str) -> None:
    now = at("2026-03-29", 9)
    [reminder] = reminders_now(register, now=now)
    snooze_reminder(register, reminder.key, until=at("2026-03-29", 14), now=now)
    assert reminders_now(register, now=at("2026-03-29", 13)) == []
    assert [r.key for r in reminders_now(register, now=at("2026-03-29", 15))] == [reminder.key]


def test_overdue_reminders_and_bad_keys(register: Register, due_soon: str) -> None:
    [overdue] = reminders_now(register, now=at("2026-04-03"))
    assert overdue.overdue and overdue.days_before == -2
    with pytest.raises(ReminderKeyError, match="not a reminder key"):
        dismiss_reminder(register, "nonsense", now=at("2026-04-03"))
    with pytest.raises(ReminderKeyError, match="no case"):
        dismiss_reminder(register, "9999:respond:before:3", now=at("2026-04-03"))
    with pytest.raises(ReminderKeyError, match="future"):
        snooze_reminder(register, overdue.key, until=at("2026-04-02"), now=at("2026-04-03"))


def test_calendar_items_carry_references_and_open_deadlines_only(
    register: Register, due_soon: str
) -> None:
    closed = new_case(register, "2026-03-02", "org-default")
    change_status(register, closed, Action.CLOSE, now=at("2026-03-03"), outcome=Outcome.WITHDRAWN)
    items = calendar_items(register, now=at("2026-03-10"))
    assert [(i.reference, i.kind, i.due) for i in items] == [
        (due_soon, "respond", end_of("2026-04-01"))
    ]
    assert items[0].alarm_offsets_days == (0, 1, 3, 7)
