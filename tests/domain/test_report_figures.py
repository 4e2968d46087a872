"""Report figures from hand-made facts: periods in local time, each definition, percentiles."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from grievance_desk.domain.report_appendix import definitions
from grievance_desk.domain.report_definitions import (
    closed_in_period,
    days_to_respond,
    on_time_responses,
    open_at_end,
    percentile_nearest_rank,
    received_in_period,
)
from grievance_desk.domain.report_figures import build_report
from grievance_desk.domain.report_model import CaseFacts, Closure
from grievance_desk.domain.report_period import (
    PeriodError,
    month_period,
    parse_month,
    report_moment,
    trend_periods,
    year_period,
)

IST = ZoneInfo("Asia/Kolkata")
OCTOBER = month_period(2026, 10, IST)


def at(day: str, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(hour, minute), tzinfo=IST)


def end_of(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time.max, tzinfo=IST)


def case(ref: str, received: datetime, *closures: Closure, **kw: object) -> CaseFacts:
    values: dict[str, object] = {
        "reference": ref,
        "request_type": "access",
        "channel": "email",
        "policy_id": "org-default",
        "received_at": received,
        "closures": closures,
    }
    values.update(kw)
    return CaseFacts(**values)  # type: ignore[arg-type]


def test_months_are_counted_in_the_officers_zone_not_utc() -> None:
    last_evening = case("TST-2026-00001", at("2026-10-31", 23, 30))
    after_midnight = case("TST-2026-00002", at("2026-11-01", 0, 30))  # 10-31 19:00 UTC
    early_first = case("TST-2026-00003", at("2026-10-01", 3, 0))  # 09-30 21:30 UTC
    facts = [last_evening, after_midnight, early_first]
    assert after_midnight.received_at.astimezone(UTC).month == 10
    assert early_first.received_at.astimezone(UTC).month == 9
    got = [c.reference for c in received_in_period(facts, OCTOBER)]
    assert got == ["TST-2026-00001", "TST-2026-00003"]
    utc_october = month_period(2026, 10, ZoneInfo("UTC"))
    assert [c.reference for c in received_in_period(facts, utc_october)] == [
        "TST-2026-00001",
        "TST-2026-00002",
    ]


def test_periods_and_their_errors() -> None:
    assert parse_month("2026-10") == (2026, 10)
    for bad in ("2026-13", "10/2026", "2026-1", "October", ""):
        with pytest.raises(PeriodError, match="YYYY-MM"):
            parse_month(bad)
    year = year_period(2026, IST)
    assert (year.first_day, year.end_day, year.label) == (
        date(2026, 1, 1),
        date(2027, 1, 1),
        "Year 2026",
    )
    months = trend_periods(OCTOBER)
    assert [m.key for m in months][:3] == ["2025-11", "2025-12", "2026-01"]
    assert months[-1].key == "2026-10" and len(months) == 12
    assert [m.key for m in trend_periods(year)] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert report_moment(OCTOBER, at("2026-11-25")) == end_of("2026-10-31")
    assert report_moment(OCTOBER, at("2026-10-12")) == at("2026-10-12")
    with pytest.raises(PeriodError, match="not begun"):
        report_moment(OCTOBER, at("2026-09-30"))
    with pytest.raises(ValueError, match="time zone"):
        report_moment(OCTOBER, datetime(2026, 11, 1))


def test_nearest_rank_percentile() -> None:
    assert percentile_nearest_rank([19, 24, 28, 29, 34, 48], 90) == 48  # rank ⌈5.4⌉ = 6
    assert percentile_nearest_rank(list(range(1, 11)), 90) == 9  # rank 9 of 10
    assert percentile_nearest_rank(list(range(1, 21)), 90) == 18
    assert percentile_nearest_rank([7], 90) == 7
    assert percentile_nearest_rank([5, 1, 3], 50) == 3
    with pytest.raises(ValueError, match="no values"):
        percentile_nearest_rank([], 90)


def test_days_to_respond_skip_paused_days_and_start_again_at_a_reopening() -> None:
    closure = Closure(at("2026-10-25"), at("2026-09-20"), end_of("2026-10-31"))
    paused = case(
        "TST-2026-00010",
        at("2026-09-20"),
        closure,
        pauses=((date(2026, 9, 25), date(2026, 10, 5)),),
    )
    assert days_to_respond(paused, closure, IST) == 35 - 11
    same_day = Closure(at("2026-10-01", 18), at("2026-10-01", 9), end_of("2026-10-31"))
    assert days_to_respond(case("TST-2026-00011", at("2026-10-01", 9)), same_day, IST) == 0
    reopened = Closure(at("2026-10-30"), at("2026-10-02"), end_of("2026-11-01"))
    assert days_to_respond(case("TST-2026-00012", at("2026-08-03")), reopened, IST) == 28
    answered_early = case("TST-2026-00013", at("2026-09-25"), responses=(at("2026-10-24"),))
    late_close = Closure(at("2026-10-29"), at("2026-09-25"), end_of("2026-10-25"))
    assert days_to_respond(answered_early, late_close, IST) == 29
    assert on_time_responses([(answered_early, late_close)])[0] == [answered_early]


def test_a_reopened_case_is_open_until_closed_again_and_counted_once() -> None:
    first = Closure(at("2026-10-03"), at("2026-10-01"), end_of("2026-10-31"), "fulfilled")
    second = Closure(at("2026-10-20"), at("2026-10-10"), end_of("2026-11-09"), "refused")
    facts = case("TST-2026-00020", at("2026-10-01"), first, second, reopenings=(at("2026-10-10"),))
    as_at = end_of("2026-10-31")
    closed = closed_in_period([facts], OCTOBER, as_at)
    assert closed == [(facts, second)]
    assert open_at_end([facts], at("2026-10-15")) == [facts]
    assert open_at_end([facts], as_at) == []
    still_open = case("TST-2026-00021", at("2026-09-01"), first, reopenings=(at("2026-10-10"),))
    assert open_at_end([still_open], as_at) == [still_open]


def test_build_report_status_at_end_and_shares() -> None:
    as_at_now = at("2026-11-25")
    awaiting = case(
        "TST-2026-00030",
        at("2026-10-10"),
        pauses=((date(2026, 10, 20), None),),
        respond_by_at_end=end_of("2026-11-21"),
    )
    resumed_on_last_day = case(
        "TST-2026-00031",
        at("2026-10-11"),
        pauses=((date(2026, 10, 20), date(2026, 10, 31)),),
        respond_by_at_end=end_of("2026-11-20"),
    )
    overdue = case("TST-2026-00032", at("2026-09-15"), respond_by_at_end=end_of("2026-10-15"))
    answered_not_closed = case(
        "TST-2026-00033",
        at("2026-09-14"),
        responses=(at("2026-10-10"),),
        respond_by_at_end=end_of("2026-10-14"),
    )
    no_policy = case("TST-2026-00034", at("2026-10-05"), has_policy=False, policy_id="dpdp-2025")
    late = case(
        "TST-2026-00035",
        at("2026-09-01"),
        Closure(at("2026-10-05"), at("2026-09-01"), end_of("2026-10-01"), "fulfilled"),
        acknowledged_at=at("2026-09-02"),
        acknowledge_by=end_of("2026-09-03"),
    )
    report = build_report(
        [awaiting, resumed_on_last_day, overdue, answered_not_closed, no_policy, late],
        OCTOBER,
        now=as_at_now,
        organisation="Fictional Test Company (TEST)",
    )
    fig = report.figure
    assert fig("received").references == ("TST-2026-00030", "TST-2026-00031", "TST-2026-00034")
    assert fig("awaiting_requester_at_end").references == ("TST-2026-00030",)
    assert fig("overdue_at_end").references == ("TST-2026-00032",)
    assert fig("no_deadline").references == ("TST-2026-00034",)
    assert (fig("on_time_response").value, fig("late_response").references) == (
        0.0,
        ("TST-2026-00035",),
    )
    assert fig("on_time_acknowledgement").value == 100.0
    assert fig("by_policy.dpdp-2025").share == 33.3
    assert fig("by_policy.org-default").share == 66.7
    assert fig("by_request_type.access").share == 100.0
    assert report.complete and report.as_at == end_of("2026-10-31")
    rows = {r.reference: r for r in report.cases}
    assert rows["TST-2026-00032"].status_at_end == "Overdue"
    assert rows["TST-2026-00030"].status_at_end == "Awaiting requester"
    assert rows["TST-2026-00035"].on_time == "no"
    assert rows["TST-2026-00035"].status_at_end == "Closed"


def test_definitions_come_from_the_docstrings_once() -> None:
    found = definitions()
    terms = [d.term for d in found]
    assert terms[:3] == ["Received", "Closed", "Open at the period's end"]
    assert "Median and 90th percentile" in terms and "12-month trend" in terms
    assert all(d.text and d.text[0].isupper() for d in found)
    text = " ".join(d.text for d in found)
    assert "23:30" in text and "nearest-rank" in text and "reopen" in text
    assert received_in_period.__doc__ is not None
    assert "23:30 local time" in received_in_period.__doc__


def test_statutory_days_count_paused_days_where_the_law_clock_runs() -> None:
    """CCPA 11 CCR §7021(b): the clock runs while verifying, so the law's days include the
    wait; the officer's working time leaves it out (issue 14 item 9)."""
    from grievance_desk.domain.report_definitions import statutory_days_to_respond

    closure = Closure(at("2026-10-25"), at("2026-09-20"), end_of("2026-10-31"))
    pauses = ((date(2026, 9, 25), date(2026, 10, 5)),)
    runs = case("TST-2026-00090", at("2026-09-20"), closure, pauses=pauses,
                pauses_stop_clock=False)  # fmt: skip
    stops = case("TST-2026-00091", at("2026-09-20"), closure, pauses=pauses)
    assert days_to_respond(runs, closure, IST) == 24
    assert statutory_days_to_respond(runs, closure, IST) == 35
    assert statutory_days_to_respond(stops, closure, IST) == 24


def test_a_missed_acknowledgement_makes_an_open_case_overdue_and_kinds_are_split() -> None:
    """IT Rules r.3(2)(a)(i): acknowledge within 24 hours; an open complaint not acknowledged
    by then is overdue though its 7-day response date is still ahead."""
    as_at = end_of("2026-10-31")
    missed = case("TST-2026-00092", at("2026-10-30"), kind="complaint",
                  acknowledge_by=at("2026-10-31", 9),
                  respond_by_at_end=end_of("2026-11-06"))  # fmt: skip
    acknowledged = case("TST-2026-00093", at("2026-10-30"), kind="complaint",
                        acknowledge_by=at("2026-10-31", 9), acknowledged_at=at("2026-10-30", 12),
                        respond_by_at_end=end_of("2026-11-06"))  # fmt: skip
    request = case("TST-2026-00094", at("2026-10-05"),
                   Closure(at("2026-10-20"), at("2026-10-05"), end_of("2026-11-04")))  # fmt: skip
    report = build_report([missed, acknowledged, request], OCTOBER, now=at("2026-12-01"))
    assert report.figure("overdue_at_end").references == ("TST-2026-00092",)
    received = next(b for b in report.breakdowns if b.key == "received_by_kind")
    assert [(r.label, r.value) for r in received.rows] == [
        ("Complaints", 2),
        ("Rights requests", 1),
    ]
    closed = next(b for b in report.breakdowns if b.key == "closed_by_kind")
    assert [(r.label, r.value) for r in closed.rows] == [("Complaints", 0), ("Rights requests", 1)]
    assert report.figure("days_to_respond.statutory_median").value == 15
    assert as_at <= report_moment(OCTOBER, at("2026-12-01"))


def test_it_rules_monthly_compliance_layout_for_a_significant_intermediary() -> None:
    """IT Rules r.4(1)(d): complaints received by category and the action taken."""
    content = case("TST-2026-00095", at("2026-10-02"), kind="complaint",
                   policy_id="it-rules-2021-content")  # fmt: skip
    general = case(
        "TST-2026-00096",
        at("2026-10-03"),
        Closure(at("2026-10-05"), at("2026-10-03"), end_of("2026-10-10"), "fulfilled"),
        kind="complaint",
        policy_id="it-rules-2021",
    )
    request = case("TST-2026-00097", at("2026-10-04"))
    plain = build_report([content, general, request], OCTOBER, now=at("2026-12-01"))
    assert not any(b.key.startswith("it_rules") for b in plain.breakdowns)
    report = build_report(
        [content, general, request], OCTOBER, now=at("2026-12-01"), it_rules_compliance=True
    )
    by_key = {b.key: b for b in report.breakdowns}
    received = by_key["it_rules_received_by_category"]
    assert received.total == 2
    assert {r.key: r.value for r in received.rows} == {
        "it_rules_received_by_category.it-rules-2021": 1,
        "it_rules_received_by_category.it-rules-2021-content": 1,
    }
    action = by_key["it_rules_action_taken"]
    assert action.total == 1
    assert next(r for r in action.rows if r.key.endswith(".fulfilled")).value == 1
