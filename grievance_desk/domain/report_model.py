"""The report as plain data: per-case facts in, figures, breakdowns, trend and rows out.

What the PDF, the spreadsheets, the JSON and the Reports page all show. References only:
nothing here ever holds a requester's name, e-mail or description.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from grievance_desk.domain.report_period import INSTANT, ReportPeriod

__all__ = [
    "Breakdown",
    "CaseFacts",
    "CaseRow",
    "Closure",
    "Definition",
    "Figure",
    "Report",
    "TrendPoint",
    "percent",
    "refs_of",
]


@dataclass(frozen=True)
class Closure:
    """One closing of a case: when, with what outcome, and the response due date then in force.

    ``clock_started_at`` is the receipt, or the reopening that started the clock this closure
    ended. ``respond_by`` is the engine's final response due moment for that clock (extended
    where an extension was granted, pauses added); None when no policy could be applied.
    """

    closed_at: datetime
    clock_started_at: datetime
    respond_by: datetime | None
    outcome: str | None = None


@dataclass(frozen=True)
class CaseFacts:
    """What the report needs to know about one case; no personal data.

    ``pauses`` are (first, last) dates on which the clock stood still, last None while still
    stopped. ``responses`` are the moments a response was sent. ``respond_by_at_end`` is the
    engine's final response due moment of the clock running at the report's "as at" moment
    (None when the case was closed then, or no policy applies); ``acknowledge_by`` is the
    acknowledgement due moment from receipt (None when the policy asks for none).
    """

    reference: str
    request_type: str
    channel: str
    policy_id: str
    received_at: datetime
    acknowledged_at: datetime | None = None
    acknowledge_by: datetime | None = None
    closures: tuple[Closure, ...] = ()
    reopenings: tuple[datetime, ...] = ()
    responses: tuple[datetime, ...] = ()
    pauses: tuple[tuple[date, date | None], ...] = ()
    respond_by_at_end: datetime | None = None
    has_policy: bool = True
    status_now: str = ""
    #: "complaint" or "rights_request": the report splits received and redressed by it.
    kind: str = "rights_request"
    #: Whether the policy's law stops the clock while awaiting the requester (statutory days).
    pauses_stop_clock: bool = True


@dataclass(frozen=True)
class Figure:
    """One number of the report and the cases behind it.

    ``value`` is the number shown (a count, a percentage or days; None when there is nothing
    to measure). ``count``/``of`` give a share's numerator and denominator. ``references``
    are the cases the drill-down opens; ``drill_down`` says in words which cases those are.
    """

    key: str
    label: str
    value: int | float | None
    unit: str
    references: tuple[str, ...] = ()
    drill_down: str = ""
    count: int | None = None
    of: int | None = None
    share: float | None = None


@dataclass(frozen=True)
class Breakdown:
    """Counts and shares of one population by one dimension (request type, channel …)."""

    key: str
    label: str
    dimension: str
    total: int
    rows: tuple[Figure, ...]


@dataclass(frozen=True)
class TrendPoint:
    """One month of the 12-month trend."""

    period_key: str
    label: str
    received: Figure
    closed: Figure
    on_time: Figure


@dataclass(frozen=True)
class CaseRow:
    """One line of the Cases sheet: references, dates and status, never personal data."""

    reference: str
    request_type: str
    channel: str
    policy_id: str
    received: str
    acknowledged: str
    closed_in_period: str
    answered: str
    respond_by: str
    days_to_respond: int | None
    on_time: str
    outcome: str
    status_at_end: str
    age_days_at_end: int | None
    status_now: str


@dataclass(frozen=True)
class Definition:
    """A term and its written definition, for the appendix."""

    term: str
    text: str


@dataclass(frozen=True)
class Report:
    """The whole summary as plain data: what the PDF, spreadsheets, JSON and UI all show."""

    organisation: str
    period: ReportPeriod
    generated_at: datetime
    as_at: datetime
    headline: tuple[Figure, ...]
    days_to_respond: tuple[Figure, ...]
    breakdowns: tuple[Breakdown, ...]
    ageing: tuple[Figure, ...]
    trend: tuple[TrendPoint, ...]
    cases: tuple[CaseRow, ...]
    definitions: tuple[Definition, ...] = field(default=())
    # The audit chain head ("SEQ:HASH") when the report was made, printed so the paper
    # anchors the register's history (``verify --head``); "" when not known.
    chain_head: str = ""

    @property
    def complete(self) -> bool:
        """False while the period is still running (figures are "to date")."""
        return self.as_at >= self.period.end_at - INSTANT

    def figures(self) -> Iterator[Figure]:
        """Every figure, in report order, so the UI and exports can address any by key."""
        yield from self.headline
        yield from self.days_to_respond
        for breakdown in self.breakdowns:
            yield from breakdown.rows
        yield from self.ageing
        for point in self.trend:
            yield from (point.received, point.closed, point.on_time)

    def figure(self, key: str) -> Figure:
        """The figure with stable key ``key`` (for example "overdue_at_end")."""
        for found in self.figures():
            if found.key == key:
                return found
        raise KeyError(f"the report has no figure {key!r}; see Report.figures() for the keys")


def refs_of(cases: Sequence[CaseFacts]) -> tuple[str, ...]:
    """The references of ``cases``, sorted and each once: what a figure's drill-down opens."""
    return tuple(sorted({c.reference for c in cases}))


def percent(part: int, whole: int) -> float | None:
    """A share as a percentage with one decimal, half rounded up (None for 0 of 0)."""
    if whole == 0:
        return None
    exact = Decimal(part) * 100 / Decimal(whole)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
