"""The 12-month trend, computed per month over only the cases of that month, equals the
definitions applied to every case (random facts, including month-end and reopened cases)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from grievance_desk.domain.report_definitions import (
    closed_in_period,
    on_time_responses,
    received_in_period,
)
from grievance_desk.domain.report_model import CaseFacts, Closure
from grievance_desk.domain.report_period import (
    ReportPeriod,
    month_period,
    report_moment,
    trend_periods,
)
from grievance_desk.domain.report_trend import trend

IST = ZoneInfo("Asia/Kolkata")


def random_facts(rng: random.Random, count: int) -> list[CaseFacts]:
    facts = []
    first = datetime(2025, 6, 1, tzinfo=UTC)
    for index in range(count):
        received = first + timedelta(minutes=rng.randint(0, 60 * 24 * 560))
        if rng.random() < 0.1:  # late evening on a month's last day, local time
            day = received.astimezone(IST).replace(day=1, hour=23, minute=30) - timedelta(days=1)
            received = max(first, day.astimezone(UTC))
        closures = []
        start = received
        for _ in range(rng.choice((0, 1, 1, 1, 2, 3))):
            closed = start + timedelta(hours=rng.randint(1, 24 * 70))
            due = start + timedelta(days=30)
            closures.append(
                Closure(closed, start, None if rng.random() < 0.1 else due, "fulfilled")
            )
            start = closed + timedelta(hours=rng.randint(1, 24 * 20))
        responses = tuple(
            sorted(c.closed_at - timedelta(hours=rng.randint(0, 200)) for c in closures)
        )
        facts.append(
            CaseFacts(
                reference=f"GRV-TEST-{index:05d}",
                request_type="access",
                channel="email",
                policy_id="org-default",
                received_at=received,
                closures=tuple(closures),
                reopenings=tuple(c.closed_at + timedelta(hours=1) for c in closures[:-1]),
                responses=responses,
            )
        )
    return facts


def naive_trend(
    facts: list[CaseFacts], period: ReportPeriod, as_at: datetime
) -> list[tuple[str, list[str], list[str], list[str], int]]:
    found = []
    for month in trend_periods(period):
        received = received_in_period(facts, month)
        closed = closed_in_period(facts, month, as_at)
        on_time, late = on_time_responses(closed)
        found.append(
            (
                month.key,
                sorted(c.reference for c in received),
                sorted(c.reference for c, _ in closed),
                sorted(c.reference for c in on_time),
                len(on_time) + len(late),
            )
        )
    return found


def test_trend_by_month_equals_the_definitions_over_every_case() -> None:
    rng = random.Random(8)
    facts = random_facts(rng, 3000)
    for key in ("2026-01", "2026-06", "2026-10", "2026-11"):
        period = month_period(int(key[:4]), int(key[5:]), IST)
        for now in (datetime(2026, 11, 20, 12, tzinfo=UTC), datetime(2027, 3, 1, tzinfo=UTC)):
            as_at = report_moment(period, now)
            points = trend(facts, period, as_at)
            assert [
                (
                    p.period_key,
                    list(p.received.references),
                    list(p.closed.references),
                    list(p.on_time.references),
                    p.on_time.of,
                )
                for p in points
            ] == naive_trend(facts, period, as_at)
