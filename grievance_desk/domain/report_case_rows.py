"""The report's Cases sheet: one row per case it is about, references and dates only."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from grievance_desk.domain.case_types import Channel, Outcome, RequestType
from grievance_desk.domain.report_definitions import answered_at
from grievance_desk.domain.report_figure_kit import iso_minutes, label_of
from grievance_desk.domain.report_model import CaseFacts, CaseRow, Closure
from grievance_desk.domain.report_populations import Populations

__all__ = ["case_rows"]


def case_rows(
    p: Populations, durations: Mapping[str, int], ages: Mapping[str, int]
) -> tuple[CaseRow, ...]:
    """A row per case received, closed or open, by reference; status as at the end."""
    sheet = _Sheet(p, durations, ages)
    return tuple(sheet.row(ref) for ref in sorted(p.involved))


@dataclass
class _Sheet:
    """What every row reads, worked out once per report."""

    p: Populations
    durations: Mapping[str, int]
    ages: Mapping[str, int]

    def __post_init__(self) -> None:
        self.closure_of = {c.reference: cl for c, cl in self.p.closed}
        self.on_time = {c.reference for c in self.p.on_time}
        self.late = {c.reference for c in self.p.late}
        self.overdue = {c.reference for c in self.p.overdue}
        self.waiting = {c.reference for c in self.p.waiting}
        self.type_label: Callable[[str], str] = label_of(RequestType)
        self.channel_label: Callable[[str], str] = label_of(Channel)
        self.outcome_label: Callable[[str], str] = label_of(Outcome)

    def status(self, ref: str) -> str:
        """Closed, Overdue, Awaiting requester or Open, as at the period's end."""
        if ref not in self.ages:
            return "Closed"
        if ref in self.overdue:
            return "Overdue"
        return "Awaiting requester" if ref in self.waiting else "Open"

    def on_time_word(self, ref: str) -> str:
        return "yes" if ref in self.on_time else "no" if ref in self.late else ""

    def row(self, ref: str) -> CaseRow:
        case: CaseFacts = self.p.involved[ref]
        closure: Closure | None = self.closure_of.get(ref)
        tz = self.p.period.tz
        return CaseRow(
            reference=ref,
            request_type=self.type_label(case.request_type),
            channel=self.channel_label(case.channel),
            policy_id=case.policy_id,
            received=iso_minutes(case.received_at, tz),
            acknowledged=iso_minutes(case.acknowledged_at, tz),
            closed_in_period=iso_minutes(closure.closed_at if closure else None, tz),
            answered=iso_minutes(answered_at(case, closure) if closure else None, tz),
            respond_by=iso_minutes(closure.respond_by if closure else case.respond_by_at_end, tz),
            days_to_respond=self.durations.get(ref),
            on_time=self.on_time_word(ref),
            outcome=self.outcome_label(closure.outcome or "none") if closure else "",
            status_at_end=self.status(ref),
            age_days_at_end=self.ages.get(ref),
            status_now=case.status_now,
        )
