"""The populations a report's figures count: received, closed, open, overdue, awaiting the
requester, on time or late at the period's end. Worked out once per report, so each figure
group reads the same lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from grievance_desk.domain.report_definitions import (
    awaiting_among_open,
    closed_in_period,
    no_deadline,
    on_time_acknowledgements,
    on_time_responses,
    open_at_end,
    overdue_among_open,
    received_in_period,
)
from grievance_desk.domain.report_model import CaseFacts, Closure
from grievance_desk.domain.report_period import INSTANT, ReportPeriod, report_moment

__all__ = ["Populations", "populations"]


@dataclass(frozen=True)
class Populations:
    """The cases behind the report's figures, each list by its definition."""

    period: ReportPeriod
    as_at: datetime
    received: list[CaseFacts]
    closed: list[tuple[CaseFacts, Closure]]
    still_open: list[CaseFacts]
    overdue: list[CaseFacts]
    waiting: list[CaseFacts]
    on_time: list[CaseFacts]
    late: list[CaseFacts]
    ack_on_time: list[CaseFacts]
    ack_late: list[CaseFacts]
    #: Every case the report is about (received, closed or open), by reference.
    involved: dict[str, CaseFacts]
    missing: list[CaseFacts]

    @property
    def closed_cases(self) -> list[CaseFacts]:
        return [c for c, _ in self.closed]

    @property
    def end_words(self) -> str:
        """How the figures "at the end" name their moment."""
        running = self.as_at < self.period.end_at - INSTANT
        return "now (period still running)" if running else "at the end of the period"


def populations(facts: Sequence[CaseFacts], period: ReportPeriod, now: datetime) -> Populations:
    """Each population of the report for ``period`` as read at its end (or ``now``)."""
    as_at = report_moment(period, now)
    received = received_in_period(facts, period)
    closed = closed_in_period(facts, period, as_at)
    still_open = open_at_end(facts, as_at)
    on_time, late = on_time_responses(closed)
    ack_on_time, ack_late = on_time_acknowledgements(closed)
    involved = {c.reference: c for c in [*received, *(c for c, _ in closed), *still_open]}
    return Populations(
        period=period,
        as_at=as_at,
        received=received,
        closed=closed,
        still_open=still_open,
        overdue=overdue_among_open(still_open, as_at),
        waiting=awaiting_among_open(still_open, as_at),
        on_time=on_time,
        late=late,
        ack_on_time=ack_on_time,
        ack_late=ack_late,
        involved=involved,
        missing=no_deadline(list(involved.values())),
    )
