"""The figures of the monthly (or yearly) summary, computed from plain per-case facts.

Services gather the facts (dates from the register, due moments from the deadline engine);
`build_report` puts together the figure groups, each in its own module: the populations
(`report_populations`), headline and days to respond (`report_headline`), breakdowns and
ageing (`report_breakdowns`), the trend (`report_trend`), the Cases sheet
(`report_case_rows`) and the appendix (`report_appendix`). Every figure carries the case
references behind it so any number can be opened as a list. Pure: no I/O, no clock; the
period, its time zone and "as at" are arguments. References only: nothing here ever holds a
requester's name, e-mail or description.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from grievance_desk.domain.report_appendix import definitions
from grievance_desk.domain.report_breakdowns import ageing_figures, ages_of, breakdowns
from grievance_desk.domain.report_case_rows import case_rows
from grievance_desk.domain.report_headline import (
    days_to_respond_figures,
    durations_of,
    headline_figures,
)
from grievance_desk.domain.report_model import CaseFacts, Report, TrendPoint
from grievance_desk.domain.report_period import ReportPeriod
from grievance_desk.domain.report_populations import populations
from grievance_desk.domain.report_trend import trend

__all__ = ["build_report"]


def build_report(
    facts: Sequence[CaseFacts],
    period: ReportPeriod,
    *,
    now: datetime,
    organisation: str = "",
    policy_names: dict[str, str] | None = None,
    known_trend: Mapping[str, TrendPoint] | None = None,
    it_rules_compliance: bool = False,
) -> Report:
    """Every figure of the summary for ``period`` from the facts of the cases that matter.

    Statuses "at the period's end" are read at its last instant, or at ``now`` for a period
    still running (the report then says "to date"). ``facts`` must include every case
    received in the period or the eleven months before it, closed in that window, or open
    at that moment; other cases are ignored by every definition, so passing more is harmless.
    Trend months given in ``known_trend`` (by month key, from an earlier report) are taken as
    they are, and the cases received or closed only in those months may then be left out.
    """
    p = populations(facts, period, now)
    durations = durations_of(p)
    ages = ages_of(p)
    return Report(
        organisation=organisation,
        period=period,
        generated_at=now,
        as_at=p.as_at,
        headline=headline_figures(p),
        days_to_respond=days_to_respond_figures(p, durations),
        breakdowns=breakdowns(p, policy_names or {}, it_rules_compliance=it_rules_compliance),
        ageing=ageing_figures(p, ages),
        trend=tuple(trend(facts, period, p.as_at, known_trend)),
        cases=case_rows(p, durations, ages),
        definitions=definitions(),
    )
