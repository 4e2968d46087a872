"""Read a date or date-time cell as written in Indian registers, and write one back.

Dates and times:

* Accepted: ``25/11/2026``, ``25-11-2026``, ``25.11.2026``, ``2026-11-25``, ``25 Nov 2026``,
  ``Nov 25, 2026``, each optionally followed by a time ``14:30``, ``14:30:15`` or
  ``2:30 PM``; ISO 8601 such as ``2026-11-25T14:30:00+05:30`` or ``…Z``; real date cells
  from Excel (one at exactly midnight counts as a bare date), and Excel day serial numbers.
  The year must have four digits.
* Numeric dates are always read day first (DD/MM/YYYY), as in India: ``03/04/2026`` is
  3 April. A value that only makes sense month first (``11/25/2026``) is refused with a hint
  rather than silently read the other way, because a file mixing both would be scrambled.
* A date or time without a UTC offset is in the officer's time zone; one with an offset is
  converted to it. A bare ``received`` date means the start of that day: deadlines then
  count from the earliest moment the case can have arrived, so a computed due date is never
  later than the real one. A bare ``acknowledged``/``closed`` date also means the start of the
  day, except on the day of receipt, where it means the received time (it cannot precede it).
* Refused with their own message: impossible dates (31/02/2026), a date more than one day
  after ``now`` (`received_time.after_now_problem`, the rule of the form and
  `register_case` too), an acknowledged or closed date
  before the received date, and an empty required cell.

The export writes date-times as ISO 8601 in the officer's zone with its offset, e.g.
``2026-11-25T14:30:00+05:30``, so an exported file imports back to the same moments.
Pure: the time zone is a parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

from grievance_desk.domain.received_time import in_zone
from grievance_desk.domain.row_cells import cell_text
from grievance_desk.messages import _

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_TIME = (
    r"(?:(?:\s*[T ,]\s*|\s+at\s+)(?P<h>\d{1,2}):(?P<mi>\d{2})"
    r"(?::(?P<s>\d{2})(?:[.,](?P<frac>\d{1,6}))?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    r"\s*(?P<off>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)
_DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + _TIME, re.I),
    re.compile(r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d+)" + _TIME, re.I),
    re.compile(
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s/-]*(?P<mon>[a-z]{3,9})\.?[\s/,-]*(?P<y>\d+)" + _TIME,
        re.I,
    ),
    re.compile(
        r"(?P<mon>[a-z]{3,9})\.?[\s/-]*(?P<d>\d{1,2})(?:st|nd|rd|th)?,?[\s/-]*(?P<y>\d+)" + _TIME,
        re.I,
    ),
)
# Excel's day zero (it wrongly believes 1900 was a leap year, hence the 30th).
_EXCEL_EPOCH = datetime(1899, 12, 30)


class DateProblem(ValueError):
    """A cell that is not a usable date; the message says how to write it."""


@dataclass(frozen=True)
class When:
    """A moment read from a cell, and whether the cell gave only a day."""

    moment: datetime
    bare_date: bool


def parse_when(value: object, tz: tzinfo) -> When:
    """Read a date or date-time cell as an aware datetime in the officer's zone."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            bare = value.time() == time(0)
            return When(in_zone(value, tz), bare)
        return When(value.astimezone(tz), False)
    if isinstance(value, date):
        return When(datetime.combine(value, time(0), tzinfo=tz), True)
    if isinstance(value, int | float) and not isinstance(value, bool):
        # An XLSX cell holding a date serial without a date format.
        if not 25_569 <= value < 2_958_466:  # 1970 to 9999
            raise DateProblem(_not_a_date(repr(value)))
        moment = _EXCEL_EPOCH + timedelta(days=float(value))
        moment = moment.replace(microsecond=0)
        return When(in_zone(moment, tz), moment.time() == time(0))
    return _parse_text_when(cell_text(value), tz)


def _parse_text_when(text: str, tz: tzinfo) -> When:
    for number, form in enumerate(_DATE_FORMS):
        match = form.fullmatch(text.strip())
        if match is not None:
            return _from_match(text, match, day_first=number == 1, tz=tz)
    raise DateProblem(_not_a_date(repr(text)))


def _examples() -> str:
    """How to write a date, in the officer's language (the examples themselves stay)."""
    return _("25/11/2026, 2026-11-25, 25 Nov 2026 or 25/11/2026 14:30")


def _not_a_date(shown: str) -> str:
    return _("{value} is not a date. Write it as {examples}.").format(
        value=shown, examples=_examples()
    )


def _from_match(text: str, match: re.Match[str], *, day_first: bool, tz: tzinfo) -> When:
    parts = match.groupdict()
    day_part = _day_of(text, parts, day_first=day_first)
    if parts["h"] is None:
        return When(datetime.combine(day_part, time(0), tzinfo=tz), True)
    zone = _offset(text, parts["off"]) or tz
    moment = datetime.combine(day_part, _time_of(text, parts), tzinfo=zone)
    return When(moment.astimezone(tz), False)


def _day_of(text: str, parts: dict[str, str | Any], *, day_first: bool) -> date:
    """The calendar day of a matched cell, refusing what could be a typing mistake."""
    if len(parts["y"]) != 4:
        raise DateProblem(
            _(
                "{value} does not have a four-digit year. Write the year in full, e.g. 25/11/2026."
            ).format(value=repr(text))
        )
    year = int(parts["y"])
    month = _month_of(text, parts)
    day = int(parts["d"])
    if month > 12 or month == 0:
        problem = _(
            "{value} has no month {month}: dates are read day first (DD/MM/YYYY), as in India."
        ).format(value=repr(text), month=month)
        hint = _swap_hint(year, month, day) if day_first else ""
        raise DateProblem(f"{problem} {hint}" if hint else problem)
    if year < 1900:
        raise DateProblem(
            _("{value} has the year {year}; check it for a typing mistake.").format(
                value=repr(text), year=year
            )
        )
    try:
        return date(year, month, day)
    except ValueError:
        last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        raise DateProblem(
            _(
                "{value} is not a real date: {month} has {days} days. Correct the day or the month."
            ).format(value=repr(text), month=month_and_year(date(year, month, 1)), days=last)
        ) from None


def _month_of(text: str, parts: dict[str, str | Any]) -> int:
    if parts.get("mon") is None:
        return int(parts["m"])
    month = _MONTHS.get(parts["mon"].casefold())
    if month is None:
        raise DateProblem(
            _("{value} has an unknown month {month}. Write it as {examples}.").format(
                value=repr(text), month=repr(parts["mon"]), examples=_examples()
            )
        )
    return month


def _swap_hint(year: int, month: int, day: int) -> str:
    """Suggest the day-first spelling of a date written month first."""
    try:
        swapped = date(year, day, month)
    except ValueError:
        return ""
    return _("If you meant {date}, write {written}.").format(
        date=f"{swapped:%d} {month_and_year(swapped)}", written=f"{swapped:%d/%m/%Y}"
    )


def month_and_year(day: date) -> str:
    """ "November 2026" in the officer's language (never the computer's locale)."""
    return _("{month} {year}").format(month=_month_name(day.month), year=f"{day.year:04d}")


def _month_name(number: int) -> str:
    return (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )[number - 1]


def _time_of(text: str, parts: dict[str, str | Any]) -> time:
    """The time of day of a matched cell, 12-hour times included."""
    hour, minute = int(parts["h"]), int(parts["mi"])
    second = int(parts["s"] or 0)
    micro = int((parts["frac"] or "0").ljust(6, "0"))
    if parts["ampm"]:
        if not 1 <= hour <= 12:
            raise DateProblem(
                _("{value} has an impossible time: {hour} AM/PM. Use 1 to 12.").format(
                    value=repr(text), hour=hour
                )
            )
        hour = hour % 12 + (12 if parts["ampm"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateProblem(
            _("{value} has an impossible time. Use a 24-hour time from 00:00 to 23:59.").format(
                value=repr(text)
            )
        )
    return time(hour, minute, second, micro)


def _offset(text: str, raw: str | None) -> tzinfo | None:
    if raw is None:
        return None
    if raw.upper() in ("Z", "UTC", "GMT"):
        return UTC
    digits = raw[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        raise DateProblem(
            _("{value} has an impossible UTC offset {offset}.").format(value=repr(text), offset=raw)
        )
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if raw.startswith("-") else delta)


def format_when(moment: datetime | None, tz: tzinfo) -> str:
    """A moment as ISO 8601 with the officer's offset; empty for none."""
    return "" if moment is None else moment.astimezone(tz).isoformat()
