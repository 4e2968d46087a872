"""California's statutory holidays (Cal. Gov. Code §6700 and §6701), for CCPA business days.

The CCPA regulations count "business days" as weekdays that are not California state
holidays. A general holidays package lists observances the statute does not name (Susan B.
Anthony Day, Diwali, the day after Thanksgiving) and misses some it does (Lincoln Day,
Admission Day, Native American Day), so the statute's own list lives here, shown to the
officer with `statutory_holidays`. Pure: dates are computed, nothing is read.

§6700(a) as amended by AB 1655 and AB 2596 (2022, from 2023: Juneteenth, Lunar New Year) and
AB 1801 (2024, from 2025: Genocide Remembrance Day). Whole-day holidays only: Good Friday
noon–3 p.m. (§6700(a)(18)) and Saturday afternoons (§6702) are not whole days and do not
make a weekday a non-business day. Thanksgiving is the Thursday the President appoints
(§6700(a)(19)). §6701: a fixed-date holiday on a Sunday is also kept the Monday after;
Veterans Day on a Saturday is also kept the Friday before.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from dateutil.relativedelta import FR, MO, TH, relativedelta
from holidays.calendars.chinese import _ChineseLunisolar

__all__ = ["CITATION", "CaliforniaStatutoryHolidays", "statutory_holidays"]

CITATION = "Cal. Gov. Code §6700, §6701"

_FIXED: tuple[tuple[int, int, str, int], ...] = (
    # month, day, name, first year in the statute's list
    (1, 1, "New Year's Day", 1951),
    (2, 12, "Lincoln Day", 1951),
    (3, 31, "Cesar Chavez Day", 2001),
    (4, 24, "Genocide Remembrance Day", 2025),
    (6, 19, "Juneteenth", 2023),
    (7, 4, "Independence Day", 1951),
    (9, 9, "Admission Day", 1951),
    (11, 11, "Veterans Day", 1951),
    (12, 25, "Christmas Day", 1951),
)


def _nth(year: int, month: int, weekday: object, n: int) -> date:
    return date(year, month, 1) + relativedelta(weekday=weekday(n))  # type: ignore[operator]


@cache
def statutory_holidays(year: int) -> dict[date, str]:
    """Every whole-day California state holiday in ``year`` except Sundays, with its name."""
    found: dict[date, str] = {}
    for month, day, name, since in _FIXED:
        if year < since:
            continue
        when = date(year, month, day)
        found[when] = name
        if when.weekday() == 6:  # §6701: Sunday → the Monday following
            found[when + timedelta(days=1)] = f"{name} (observed, §6701)"
        if (month, day) == (11, 11) and when.weekday() == 5:  # §6701: Saturday → Friday before
            found[when - timedelta(days=1)] = f"{name} (observed, §6701)"
    found[_nth(year, 1, MO, 3)] = "Dr. Martin Luther King, Jr. Day"
    found[_nth(year, 2, MO, 3)] = "Washington's Birthday (third Monday in February)"
    found[date(year, 5, 31) + relativedelta(weekday=MO(-1))] = "Memorial Day (last Monday in May)"
    found[_nth(year, 9, MO, 1)] = "Labor Day (first Monday in September)"
    found[_nth(year, 9, FR, 4)] = "Native American Day"
    found[_nth(year, 10, MO, 2)] = "Columbus Day"
    found[_nth(year, 11, TH, 4)] = "Thanksgiving Day (appointed by the President)"
    if year >= 2023:
        lunar, _exact = _ChineseLunisolar().lunar_new_year_date(year)
        if lunar is not None:
            found[lunar] = "Lunar New Year"
    return dict(sorted(found.items()))


class CaliforniaStatutoryHolidays:
    """A `holidays`-like lookup (``get``, ``in``) over `statutory_holidays`, for WorkCalendar."""

    def get(self, day: date) -> str | None:
        """The holiday's name, or None (Sundays are left to the working week)."""
        return statutory_holidays(day.year).get(day)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.get(day) is not None
