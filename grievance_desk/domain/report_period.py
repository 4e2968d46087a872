"""Report periods: a calendar month or year in the officer's time zone, and "as at".

Pure: the zone and "now" are arguments. A period's bounds are local midnights, so a case
received at 23:30 local on the last day of a month belongs to that month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from grievance_desk.messages import _

__all__ = [
    "INSTANT",
    "PeriodError",
    "ReportPeriod",
    "month_period",
    "parse_month",
    "report_moment",
    "trend_periods",
    "year_period",
]

#: The smallest step of a moment: a period's last instant is its end minus this.
INSTANT = timedelta(microseconds=1)


class PeriodError(ValueError):
    """A report period that cannot be used; the message says what to give instead."""


@dataclass(frozen=True)
class ReportPeriod:
    """A calendar month or year in the officer's time zone: [first_day, end_day)."""

    key: str
    label: str
    first_day: date
    end_day: date
    tz: ZoneInfo

    @cached_property
    def start_at(self) -> datetime:
        """The first instant of the period, local midnight of its first day."""
        return datetime.combine(self.first_day, time.min, tzinfo=self.tz)

    @cached_property
    def end_at(self) -> datetime:
        """The first instant after the period (exclusive end)."""
        return datetime.combine(self.end_day, time.min, tzinfo=self.tz)

    @property
    def last_day(self) -> date:
        return self.end_day - timedelta(days=1)

    @cached_property
    def _utc_bounds(self) -> tuple[datetime, datetime]:
        # Stored moments are UTC: comparing like with like skips two zone look-ups each time.
        return self.start_at.astimezone(UTC), self.end_at.astimezone(UTC)

    def contains(self, moment: datetime) -> bool:
        """Whether ``moment`` falls in the period as the officer's calendar counts it."""
        start, end = self._utc_bounds
        return start <= moment < end


def month_period(year: int, month: int, tz: ZoneInfo) -> ReportPeriod:
    """One calendar month in ``tz``: a case received at 23:30 local on the 31st belongs to it."""
    if not 1 <= month <= 12 or not 1900 <= year <= 9998:
        raise PeriodError(
            _("{month} is not a month; give it as YYYY-MM, e.g. 2026-10.").format(
                month=f"{year:04d}-{month:02d}"
            )
        )
    first = date(year, month, 1)
    return ReportPeriod(
        key=f"{year:04d}-{month:02d}",
        label=first.strftime("%B %Y"),
        first_day=first,
        end_day=first + relativedelta(months=1),
        tz=tz,
    )


def year_period(year: int, tz: ZoneInfo) -> ReportPeriod:
    """One calendar year in ``tz``."""
    if not 1900 <= year <= 9998:
        raise PeriodError(
            _("{year} is not a year we can report on; give it as YYYY, e.g. 2026.").format(
                year=year
            )
        )
    return ReportPeriod(
        key=f"{year:04d}",
        label=f"Year {year:04d}",
        first_day=date(year, 1, 1),
        end_day=date(year + 1, 1, 1),
        tz=tz,
    )


def parse_month(text: str) -> tuple[int, int]:
    """Read "2026-10" as (2026, 10); anything else is an error naming the format YYYY-MM."""
    parts = text.strip().split("-")
    if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
        try:
            year, month = int(parts[0]), int(parts[1])
        except ValueError:
            pass
        else:
            if 1 <= month <= 12:
                return year, month
    raise PeriodError(
        _("{text} is not a month; give it as YYYY-MM, for example 2026-10.").format(text=repr(text))
    )


def trend_periods(period: ReportPeriod) -> tuple[ReportPeriod, ...]:
    """The twelve calendar months ending with the period's last month."""
    last = period.last_day.replace(day=1)
    months = [last - relativedelta(months=back) for back in range(11, -1, -1)]
    return tuple(month_period(m.year, m.month, period.tz) for m in months)


def report_moment(period: ReportPeriod, now: datetime) -> datetime:
    """The moment statuses are read at: the period's last instant, or ``now`` if earlier.

    A period that has not begun yet has no figures, so that is an error naming what to ask.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(_("now has no time zone; pass an aware datetime"))
    moment = min(now.astimezone(period.tz), period.end_at - INSTANT)
    if moment < period.start_at:
        raise PeriodError(
            _("{period} has not begun yet; choose a period up to {latest}.").format(
                period=period.label, latest=now.astimezone(period.tz).strftime("%Y-%m")
            )
        )
    return moment
