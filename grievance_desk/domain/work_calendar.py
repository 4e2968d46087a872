"""Working days: the weekly rest days, public holidays and the officer's own days off.

Public holidays come from the `holidays` package (India "IN", England "GB"/"ENG",
California "US"/"CA", or any other region it knows); the officer adds their own dates.
Weekday walking is done with `dateutil.rrule`, never with hand-written loops. Pure: the
`holidays` package computes its dates, it does not read files or the network.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice
from typing import Any

import holidays
from dateutil.rrule import DAILY, rrule, weekday

from grievance_desk.domain.california_holidays import CaliforniaStatutoryHolidays
from grievance_desk.domain.policy import CAL_GOV_CODE_6700, WEEKDAY_NAMES, HolidayRegion, Policy
from grievance_desk.messages import _, ngettext

__all__ = ["NoWorkingDayError", "UnknownHolidayRegionError", "WorkCalendar", "calendar_for_policy"]

#: A working day must turn up within this many days, or the calendar is unusable.
_SEARCH_LIMIT_DAYS = 3660


class UnknownHolidayRegionError(ValueError):
    """The `holidays` package has no calendar for the region a policy names."""


class NoWorkingDayError(ValueError):
    """The calendar has no working day in a decade: its working week or day-off list is wrong."""


def _load_region(region: HolidayRegion) -> Any:
    if region.statute == CAL_GOV_CODE_6700:
        return CaliforniaStatutoryHolidays()
    try:
        return holidays.country_holidays(region.country, subdiv=region.subdiv)
    except NotImplementedError as exc:  # holidays raises this for unknown codes
        raise UnknownHolidayRegionError(
            _(
                "no public-holiday calendar for {region} ({error}); use a code like IN, GB-ENG "
                "or US-CA"
            ).format(region=repr(region.label()), error=exc)
        ) from None


@dataclass(frozen=True)
class WorkCalendar:
    """Which days count as working days for rolling forward and business-day periods."""

    working_weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    regions: tuple[HolidayRegion, ...] = ()
    days_off: frozenset[date] = frozenset()
    _region_holidays: tuple[Any, ...] = field(default=(), init=False, repr=False, compare=False)
    # Answers already worked out: a report asks the same few hundred questions thousands of
    # times (cases received on the same day), and walking the days is the engine's slow part.
    _answers: dict[tuple[str, date, int | date], Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if not self.working_weekdays:
            raise NoWorkingDayError(
                _("the working week is empty: add at least one working weekday")
            )
        object.__setattr__(self, "working_weekdays", tuple(sorted(set(self.working_weekdays))))
        object.__setattr__(self, "days_off", frozenset(self.days_off))
        object.__setattr__(self, "_region_holidays", tuple(_load_region(r) for r in self.regions))

    # ------------------------------------------------------------------ queries

    def non_working_reason(self, day: date) -> str | None:
        """Why ``day`` is not a working day ("Saturday", "Holi (IN)", "officer's day off")."""
        if day.weekday() not in self.working_weekdays:
            return _weekday_name(day.weekday())
        for region, hols in zip(self.regions, self._region_holidays, strict=True):
            name = hols.get(day)
            if name is not None:
                return f"{name} ({region.label()})"  # the holiday's own name, as published
        if day in self.days_off:
            return _("officer's day off")
        return None

    def is_working_day(self, day: date) -> bool:
        """Roll-forward and business-day counting both hinge on this single test."""
        return self.non_working_reason(day) is None

    def _is_not_holiday(self, moment: datetime) -> bool:
        day = moment.date()
        return day not in self.days_off and all(day not in h for h in self._region_holidays)

    def _working_days_from(self, start: date, until: date | None = None) -> Iterator[date]:
        """Working days on or after ``start`` (rrule gives the weekdays, holidays are filtered)."""
        rule = rrule(
            DAILY,
            dtstart=datetime.combine(start, datetime.min.time()),
            byweekday=[weekday(d) for d in self.working_weekdays],
            until=datetime.combine(
                until if until is not None else start + timedelta(days=_SEARCH_LIMIT_DAYS),
                datetime.min.time(),
            ),
        )
        return (m.date() for m in filter(self._is_not_holiday, rule))

    def next_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the next one: the roll-forward rule."""
        key = ("next", day, 0)
        if key in self._answers:
            return self._answers[key]  # type: ignore[no-any-return]
        found = next(self._working_days_from(day), None)
        if found is None:
            raise NoWorkingDayError(
                _(
                    "no working day within {limit} days of {day}: check the working week and "
                    "the days-off list"
                ).format(limit=_SEARCH_LIMIT_DAYS, day=day)
            )
        self._answers[key] = found
        return found

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day strictly after ``day`` (business-day periods)."""
        if count < 1:
            raise ValueError(_("count must be ≥ 1, got {count}").format(count=count))
        key = ("add", day, count)
        if key in self._answers:
            return self._answers[key]  # type: ignore[no-any-return]
        found = next(
            islice(self._working_days_from(day + timedelta(days=1)), count - 1, None), None
        )
        if found is None:
            raise NoWorkingDayError(
                _("fewer than {count} working days within {limit} days of {day}").format(
                    count=count, limit=_SEARCH_LIMIT_DAYS, day=day
                )
            )
        self._answers[key] = found
        return found

    def working_days_between(self, first: date, last: date) -> int:
        """Working days in ``first``..``last`` inclusive: what a pause adds to business days."""
        if last < first:
            return 0
        key = ("between", first, last)
        if key not in self._answers:
            self._answers[key] = sum(1 for _day in self._working_days_from(first, last))
        return self._answers[key]  # type: ignore[no-any-return]

    def holidays_between(self, first: date, last: date) -> list[tuple[date, str]]:
        """Non-working weekdays in ``first``..``last`` with their reason, for `--explain`."""
        found = []
        day = first
        while day <= last:  # a bounded listing for an explanation, not date arithmetic
            reason = self.non_working_reason(day)
            if reason is not None and day.weekday() in self.working_weekdays:
                found.append((day, reason))
            day += timedelta(days=1)
        return found

    def describe(self) -> str:
        """One line for explanations: "Mon–Fri, holidays GB-ENG, 2 own days off"."""
        days = ", ".join(WEEKDAY_NAMES[d] for d in self.working_weekdays)
        parts = [_("working days {days}").format(days=days)]
        if self.regions:
            parts.append(
                _("public holidays {regions}").format(
                    regions=", ".join(r.label() for r in self.regions)
                )
            )
        if self.days_off:
            count = len(self.days_off)
            parts.append(
                ngettext("{count} own day off", "{count} own days off", count).format(count=count)
            )
        return "; ".join(parts)


def _weekday_name(weekday_number: int) -> str:
    """A weekday's name in the officer's language (Monday is 0), never the computer's locale."""
    return (
        _("Monday"),
        _("Tuesday"),
        _("Wednesday"),
        _("Thursday"),
        _("Friday"),
        _("Saturday"),
        _("Sunday"),
    )[weekday_number]


def calendar_for_policy(
    policy: Policy,
    extra_days_off: Iterable[date] = (),
    member_state: HolidayRegion | None = None,
) -> WorkCalendar:
    """The calendar a policy's law implies.

    The officer's office closures (``extra_days_off``) are added only where the law counts
    them (`Policy.office_closures_count`); ``member_state`` is the controller's Member State
    for a policy whose law uses its holidays (GDPR, Reg 1182/71 art 3(4)).
    """
    regions = policy.holiday_regions
    if policy.member_state_holidays and member_state is not None:
        regions = (*regions, member_state)
    closures = frozenset(extra_days_off) if policy.office_closures_count else frozenset()
    return WorkCalendar(
        working_weekdays=policy.working_week,
        regions=regions,
        days_off=frozenset(policy.own_days_off) | closures,
    )
