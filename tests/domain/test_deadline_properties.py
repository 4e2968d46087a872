"""Properties the law implies for any receipt date, not just the worked examples."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from grievance_desk.domain.deadline_engine import CaseClock, Pause, deadlines
from grievance_desk.domain.policy import PeriodUnit, Policy
from grievance_desk.domain.policy_presets import PRESETS, PolicyNotInForceError, policy_in_force
from grievance_desk.domain.work_calendar import calendar_for_policy

IST = ZoneInfo("Asia/Kolkata")
BOUNDED = settings(max_examples=200, deadline=None)

POLICY_IDS = sorted({p.id for p in PRESETS})
DAY_POLICY_IDS = sorted({p.id for p in PRESETS if p.respond.unit is not PeriodUnit.HOURS})
ROLL_FORWARD = [p for p in PRESETS if p.roll_forward]
PAUSING = [p for p in PRESETS if p.clock_stop_statuses]

days = st.dates(min_value=date(2024, 1, 1), max_value=date(2031, 12, 31))
minutes = st.integers(min_value=0, max_value=24 * 60 - 1)


def _moment(day: date, minute: int) -> datetime:
    return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=IST)


def _policy(policy_id: str, received: datetime) -> Policy:
    try:
        return policy_in_force(policy_id, received.date())
    except PolicyNotInForceError:
        assume(False)
        raise


@BOUNDED
@given(
    policy_id=st.sampled_from(POLICY_IDS),
    day=days,
    minute=minutes,
    later_by=st.integers(min_value=0, max_value=400 * 24 * 60),
)
def test_later_receipt_never_gives_an_earlier_due_date(
    policy_id: str, day: date, minute: int, later_by: int
) -> None:
    first = _moment(day, minute)
    second = first + timedelta(minutes=later_by)
    # Compare under one version of the rule: an amendment may shorten a period on purpose.
    policy = _policy(policy_id, first)
    if not policy.in_force_on(second.date()):
        return
    a = deadlines(CaseClock(first), policy)
    b = deadlines(CaseClock(second), policy)
    assert b.respond_by.due >= a.respond_by.due
    if a.acknowledge_by is not None and b.acknowledge_by is not None:
        assert b.acknowledge_by.due >= a.acknowledge_by.due


pauses = st.lists(
    st.tuples(st.integers(min_value=-5, max_value=120), st.integers(min_value=0, max_value=40)),
    max_size=4,
)


@BOUNDED
@given(
    policy=st.sampled_from(PAUSING),
    day=days,
    spans=pauses,
    extra=st.tuples(
        st.integers(min_value=-5, max_value=120), st.integers(min_value=0, max_value=40)
    ),
    extended=st.booleans(),
)
def test_pausing_never_brings_a_date_forward(
    policy: Policy,
    day: date,
    spans: list[tuple[int, int]],
    extra: tuple[int, int],
    extended: bool,
) -> None:
    received = _moment(day, 9 * 60)
    base = tuple(Pause(day + timedelta(days=s), day + timedelta(days=s + n)) for s, n in spans)
    more = (*base, Pause(day + timedelta(days=extra[0]), day + timedelta(days=extra[0] + extra[1])))
    ext = (received,) if extended and policy.extension.allowed else ()
    none = deadlines(CaseClock(received, extensions=ext), policy)
    some = deadlines(CaseClock(received, pauses=base, extensions=ext), policy)
    most = deadlines(CaseClock(received, pauses=more, extensions=ext), policy)
    assert none.respond_by.due <= some.respond_by.due <= most.respond_by.due
    if none.extended_respond_by is not None:
        assert some.extended_respond_by is not None and most.extended_respond_by is not None
        assert none.extended_respond_by.due <= some.extended_respond_by.due
        assert some.extended_respond_by.due <= most.extended_respond_by.due


@BOUNDED
@given(
    policy=st.sampled_from(ROLL_FORWARD),
    day=days,
    spans=pauses,
    extended=st.booleans(),
)
def test_every_due_date_under_roll_forward_is_a_working_day(
    policy: Policy, day: date, spans: list[tuple[int, int]], extended: bool
) -> None:
    received = _moment(day, 12 * 60)
    clock = CaseClock(
        received,
        pauses=tuple(Pause(day + timedelta(days=s), day + timedelta(days=s + n)) for s, n in spans),
        extensions=(received,) if extended else (),
    )
    calendar = calendar_for_policy(policy)
    result = deadlines(clock, policy, calendar)
    for deadline in result.all():
        assert calendar.is_working_day(deadline.due.astimezone(IST).date()), deadline.explanation


@BOUNDED
@given(policy_id=st.sampled_from(DAY_POLICY_IDS), day=days, minute=minutes)
def test_day_based_deadlines_end_at_the_end_of_a_day(
    policy_id: str, day: date, minute: int
) -> None:
    received = _moment(day, minute)
    result = deadlines(CaseClock(received), _policy(policy_id, received))
    assert result.respond_by.due.time() == time.max
    assert result.respond_by.due > received
