"""Monthly and yearly summaries from the register: the one use case that puts the parts
together.

`report_read` reads only the cases that can matter (a few queries, never one per case),
`report_facts` turns each into plain facts with the deadline engine's dates, the figures are
`domain.report_figures`'s (so the PDF, the spreadsheets, the JSON and the Reports page can
never disagree) and `report_export` writes them out. A period that has ended is read at its
last instant, so its report only changes when a fact it read changes; `report_cache` keeps
it in the register until then. The figures are always the ones a fresh computation gives;
tests check that after every kind of change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from grievance_desk.domain.report_model import Report
from grievance_desk.domain.report_period import (
    INSTANT,
    PeriodError,
    ReportPeriod,
    month_period,
    report_moment,
    trend_periods,
    year_period,
)
from grievance_desk.messages import _
from grievance_desk.services.cases import officer_zone
from grievance_desk.services.organisation import read_organisation
from grievance_desk.services.policy_settings import load_policy_settings
from grievance_desk.services.report_cache import (
    cached_report,
    cached_trend,
    day_digest,
    generation_of,
    settings_digest,
    store,
)
from grievance_desk.services.report_facts import Policies, Progress, compute
from grievance_desk.services.report_read import Known, read_window
from grievance_desk.storage.audit import chain_head
from grievance_desk.storage.register import Register

__all__ = ["DrillDown", "choose_period", "drill_down", "monthly_report"]


def choose_period(
    tz: ZoneInfo, now: datetime, *, month: date | None = None, year: int | None = None
) -> ReportPeriod:
    """The period asked for; with neither month nor year, the last complete month before now.

    The summary goes to management after a month ends, so that is the sensible default.
    """
    if month is not None and year is not None:
        raise PeriodError(_("Give either a month or a year, not both."))
    if year is not None:
        return year_period(year, tz)
    if month is None:
        today = now.astimezone(tz).date().replace(day=1)
        month = (
            date(today.year - 1, 12, 1)
            if today.month == 1
            else today.replace(month=today.month - 1)
        )
    return month_period(month.year, month.month, tz)


def monthly_report(
    register: Register,
    *,
    month: date | None = None,
    year: int | None = None,
    now: datetime,
    progress: Progress | None = None,
    use_cache: bool = True,
) -> Report:
    """The summary for a calendar month (any day of it) or a year, as plain data.

    Slow for a large register (the deadline engine runs for each case that matters), so the
    app calls it off the GUI thread; ``progress(done, total)`` is called as cases are worked
    through. Raises PeriodError (a ValueError naming the fix) for a period not yet begun.

    A period that has ended is read at its last instant, so its report is the same whenever
    it is made until one of its facts changes: it is kept in the register's report cache
    (see `cached_report`) and given back from there; ``use_cache=False`` computes afresh.
    """
    with register.reading() as session:
        tz = officer_zone(session)
        period = choose_period(tz, now, month=month, year=year)
        as_at = report_moment(period, now)
        organisation = read_organisation(session).name
        head = str(chain_head(session))
        settings = load_policy_settings(session)
        cacheable = use_cache and as_at == period.end_at - INSTANT
        digest = settings_digest(settings, tz)
        # Read first, in the same snapshot as the facts: a change after it is detected.
        generation = generation_of(session) if use_cache else 0
        if cacheable:
            cached = cached_report(session, period, digest, now=now, organisation=organisation)
            if cached is not None:
                return replace(cached, chain_head=head)
        policies = Policies(settings, tz)
        months = trend_periods(period)
        known_trend = cached_trend(session, months, digest, as_at) if use_cache else {}
        # Only the months still to compute need their cases read.
        window_start = min(
            [period.start_at, *(m.start_at for m in months if m.key not in known_trend)]
        )
        days_digest = day_digest(digest, as_at, tz)
        known = Known(digest, days_digest, as_at) if use_cache else None
        window = read_window(session, window_start, period.end_at, known)
    computed = compute(window, policies, tz, as_at, progress)
    report = computed.build(
        period,
        now=now,
        organisation=organisation,
        known_trend=known_trend,
        # IT Rules r.4(1)(d): a significant social media intermediary's monthly compliance report
        it_rules_compliance=settings.profile is not None and settings.profile.significant,
    )
    if use_cache:
        finished_months = [
            (month, point)
            for month, point in zip(months, report.trend, strict=True)
            if month.key not in known_trend and month.end_at - INSTANT <= as_at
        ]
        store(
            register,
            digest,
            days_digest,
            generation,
            computed.stable,
            (period, report) if cacheable else None,
            finished_months,
            now=now,
        )
    return replace(report, chain_head=head)


# --------------------------------------------------------------------------- drill-down


@dataclass(frozen=True)
class DrillDown:
    """What the Reports page opens when a figure is clicked: the Cases page showing exactly
    ``references`` (filter ``reference IN references``), titled ``title``.
    """

    key: str
    title: str
    description: str
    references: tuple[str, ...]


def drill_down(report: Report, key: str) -> DrillDown:
    """The cases behind figure ``key`` (see `Report.figures()` for keys), for the Cases page."""
    figure = report.figure(key)
    return DrillDown(
        key=figure.key,
        title=f"{figure.label} — {report.period.label}",
        description=figure.drill_down,
        references=figure.references,
    )
