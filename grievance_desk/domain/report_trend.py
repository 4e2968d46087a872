"""The 12-month trend: received, closed and on-time share per month, by the same
definitions as the report's own period. A finished month's point never changes, so the
services may keep it and pass it back.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from grievance_desk.domain.report_definitions import (
    closed_in_period,
    on_time_responses,
    received_in_period,
)
from grievance_desk.domain.report_model import CaseFacts, Figure, TrendPoint, percent, refs_of
from grievance_desk.domain.report_period import ReportPeriod, trend_periods

__all__ = ["trend", "trend_point"]


def trend(
    facts: Sequence[CaseFacts],
    period: ReportPeriod,
    as_at: datetime,
    known: Mapping[str, TrendPoint] | None = None,
) -> list[TrendPoint]:
    """12-month trend: for each of the twelve calendar months ending with the report's last
    month, the cases received, the cases closed and the on-time share of those closed, each
    by the definitions above applied to that month.
    """
    months = trend_periods(period)
    known = known or {}
    wanted = [m for m in months if m.key not in known]
    # Each month's definitions run over only the cases received or closed in it (in their
    # original order), which gives the same lists as running them over every case.
    received_in, closed_in = _by_month(facts, wanted)
    computed = {
        month.key: trend_point(received_in[index], closed_in[index], month, as_at)
        for index, month in enumerate(wanted)
    }
    return [known.get(month.key) or computed[month.key] for month in months]


def trend_point(
    received_in: Sequence[CaseFacts],
    closed_in: Sequence[CaseFacts],
    month: ReportPeriod,
    as_at: datetime,
) -> TrendPoint:
    """One month of the trend from the cases received in it and those closed in it.

    For a month that has ended by ``as_at`` the point is the same in every later report, so
    the services may keep it and pass it back as ``known``.
    """
    received = received_in_period(received_in, month)
    closed = closed_in_period(closed_in, month, as_at)
    on_time, late = on_time_responses(closed)
    return TrendPoint(
        period_key=month.key,
        label=month.first_day.strftime("%b %Y"),
        received=Figure(
            f"trend.{month.key}.received",
            f"Received in {month.label}",
            len(received),
            "cases",
            refs_of(received),
            f"Cases received in {month.label}",
        ),
        closed=Figure(
            f"trend.{month.key}.closed",
            f"Closed in {month.label}",
            len(closed),
            "cases",
            refs_of([c for c, _ in closed]),
            f"Cases closed in {month.label}",
        ),
        on_time=Figure(
            f"trend.{month.key}.on_time",
            f"On-time responses in {month.label}",
            percent(len(on_time), len(on_time) + len(late)),
            "%",
            refs_of(on_time),
            f"Cases closed in {month.label} and answered by their due date",
            count=len(on_time),
            of=len(on_time) + len(late),
        ),
    )


def _by_month(
    facts: Sequence[CaseFacts], months: Sequence[ReportPeriod]
) -> tuple[list[list[CaseFacts]], list[list[CaseFacts]]]:
    """Per month (in order, not necessarily consecutive): the cases received in it, and those
    with a closing in it."""
    # In UTC, as stored moments are: bisecting across zones looks offsets up each time.
    starts = [m.start_at.astimezone(UTC) for m in months]

    def index(moment: datetime) -> int | None:
        found = bisect_right(starts, moment) - 1
        return found if found >= 0 and months[found].contains(moment) else None

    received: list[list[CaseFacts]] = [[] for _ in months]
    closed: list[list[CaseFacts]] = [[] for _ in months]
    for case in facts:
        found = index(case.received_at)
        if found is not None:
            received[found].append(case)
        seen: set[int] = set()
        for closure in case.closures:
            found = index(closure.closed_at)
            if found is not None and found not in seen:
                seen.add(found)
                closed[found].append(case)
    return received, closed
