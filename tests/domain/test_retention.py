"""The retention rule: when a closed case's personal data is due for erasure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grievance_desk.domain.retention import (
    CaseRetentionFacts,
    RetentionPeriod,
    RetentionRuleError,
    RetentionRules,
    due_for_purge,
    erase_after,
    rules_from_dict,
    rules_to_dict,
)

CLOSED = datetime(2023, 2, 28, 12, 0, tzinfo=UTC)


def facts(ref: str = "GRV-2023-00001", **overrides: object) -> CaseRetentionFacts:
    values: dict[str, object] = {
        "case_id": 1,
        "reference": ref,
        "request_type": "access",
        "closed_at": CLOSED,
    }
    values.update(overrides)
    return CaseRetentionFacts(**values)  # type: ignore[arg-type]


def test_default_is_three_years_after_closing() -> None:
    rules = RetentionRules()
    assert erase_after(facts(), rules) == datetime(2026, 2, 28, 12, 0, tzinfo=UTC)
    assert due_for_purge([facts()], rules, datetime(2026, 2, 28, 11, 59, tzinfo=UTC)) == []
    due = due_for_purge([facts()], rules, datetime(2026, 2, 28, 12, 0, tzinfo=UTC))
    assert [d.facts.reference for d in due] == ["GRV-2023-00001"]
    assert due[0].period.describe() == "3 years"


def test_month_end_rule_for_a_leap_day_closing() -> None:
    leap = facts(closed_at=datetime(2024, 2, 29, 10, 0, tzinfo=UTC))
    assert erase_after(leap, RetentionRules()) == datetime(2027, 2, 28, 10, 0, tzinfo=UTC)


def test_open_held_and_purged_cases_are_never_due() -> None:
    now = datetime(2040, 1, 1, tzinfo=UTC)
    cases = [
        facts("GRV-2023-00001", closed_at=None),
        facts("GRV-2023-00002", legal_hold=True),
        facts("GRV-2023-00003", purged_at=datetime(2030, 1, 1, tzinfo=UTC)),
    ]
    assert due_for_purge(cases, RetentionRules(), now) == []


def test_per_type_period_overrides_the_default() -> None:
    rules = RetentionRules(by_type={"marketing_opt_out": RetentionPeriod(years=0, months=6)})
    opt_out = facts("GRV-2023-00002", request_type="marketing_opt_out")
    now = CLOSED + timedelta(days=200)
    assert [d.facts.reference for d in due_for_purge([facts(), opt_out], rules, now)] == [
        "GRV-2023-00002"
    ]


def test_longest_overdue_first() -> None:
    older = facts("GRV-2022-00009", closed_at=CLOSED - timedelta(days=400))
    due = due_for_purge([facts(), older], RetentionRules(), datetime(2030, 1, 1, tzinfo=UTC))
    assert [d.facts.reference for d in due] == ["GRV-2022-00009", "GRV-2023-00001"]


def test_bad_rules_are_named() -> None:
    with pytest.raises(RetentionRuleError, match="negative"):
        RetentionPeriod(years=-1)
    with pytest.raises(RetentionRuleError, match="more than 100 years"):
        RetentionPeriod(years=101)
    with pytest.raises(RetentionRuleError, match="Unknown request type"):
        RetentionRules(by_type={"holiday": RetentionPeriod()})
    with pytest.raises(RetentionRuleError, match="number of years"):
        rules_from_dict({"default": "three"})
    with pytest.raises(RetentionRuleError, match="time zone"):
        due_for_purge([facts()], RetentionRules(), datetime(2030, 1, 1))


def test_rules_round_trip_and_defaults() -> None:
    rules = RetentionRules(
        default=RetentionPeriod(years=5),
        by_type={"erasure": RetentionPeriod(years=1, months=6)},
    )
    assert rules_from_dict(rules_to_dict(rules)) == rules
    assert rules_from_dict(None) == RetentionRules()
    assert rules_from_dict({"default": 2, "by_type": {"access": 1}}).period_for(
        "access"
    ) == RetentionPeriod(years=1)
    assert RetentionPeriod(years=1, months=6).describe() == "1 year 6 months"
    assert RetentionPeriod(years=0).describe() == "0 months"


@settings(max_examples=100, deadline=None)
@given(
    years=st.integers(0, 10),
    months=st.integers(0, 11),
    closed=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
    ),
    hold=st.booleans(),
    offset_days=st.integers(-800, 800),
)
def test_due_exactly_when_period_has_ended(
    years: int, months: int, closed: datetime, hold: bool, offset_days: int
) -> None:
    rules = RetentionRules(default=RetentionPeriod(years, months))
    case = facts(closed_at=closed, legal_hold=hold)
    until = erase_after(case, rules)
    now = (until or closed) + timedelta(days=offset_days)
    due = due_for_purge([case], rules, now)
    if hold:
        assert until is None and due == []
    else:
        assert until is not None and until >= closed
        assert bool(due) == (until <= now)
