"""Dates and times as the window shows them, in its language and Indian day-first order.

`strftime` names months in English (or in the C library's locale, which the app never sets),
so a Hindi window showed "06 Dec 2026". Every date in ui/ is formatted here through QLocale's
default, which ``ui.main.install_language`` sets to the window's language: "06 दिस॰ 2026" in
Hindi, "06 Dec 2026" in English (also on a computer set to another language, see
`use_english_formats`). Day first and a 24-hour clock in every language, as an Indian
officer writes them. Only the display changes: sorting and stored values keep the datetime.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

DAY = "dd MMM yyyy"
DAY_TIME = "dd MMM yyyy HH:mm"
WEEKDAY_DAY = "ddd dd MMM yyyy"
WEEKDAY_DAY_TIME = "ddd dd MMM yyyy HH:mm"
SHORT_DAY_TIME = "dd MMM HH:mm"
LONG_DAY = "dddd dd MMMM yyyy"
MONTH_YEAR = "MMMM yyyy"
SHORT_MONTH_YEAR = "MMM yyyy"


def use_english_formats(system: QLocale | None = None) -> None:
    """An English window: English month names whatever the computer's language settings,
    the system's country for the rest (en_IN: "1,00,000").

    Qt's system locale takes month names from the C library's LC_TIME, so an English window
    on a computer with LANG=hi_IN showed "06 दिस॰ 2026"; a locale made from its name uses
    Qt's own (CLDR) data instead.
    """
    named = QLocale((system if system is not None else QLocale.system()).name())
    if named.language() not in (QLocale.Language.English, QLocale.Language.C):
        named = QLocale(QLocale.Language.English, named.territory())
    QLocale.setDefault(named)


def _local(moment: date, zone: tzinfo | None) -> date:
    """``moment`` in ``zone`` when it is an aware datetime and a zone is given."""
    if zone is not None and isinstance(moment, datetime) and moment.tzinfo is not None:
        return moment.astimezone(zone)
    return moment


def formatted(moment: date, pattern: str, zone: tzinfo | None = None) -> str:
    """``moment`` (a date or a datetime, shown in ``zone``) in a QLocale ``pattern``."""
    local = _local(moment, zone)
    on = QDate(local.year, local.month, local.day)
    if isinstance(local, datetime):
        value = QDateTime(on, QTime(local.hour, local.minute, local.second))
        return QLocale().toString(value, pattern)
    return QLocale().toString(on, pattern)


def day(moment: date, zone: tzinfo | None = None) -> str:
    """A day: "06 Dec 2026" / "06 दिस॰ 2026"."""
    return formatted(moment, DAY, zone)


def day_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """A moment to the minute: "06 Dec 2026 14:05"."""
    return formatted(moment, DAY_TIME, zone)


def weekday_day(moment: date, zone: tzinfo | None = None) -> str:
    """A day with its weekday, for due days and holidays: "Sun 06 Dec 2026"."""
    return formatted(moment, WEEKDAY_DAY, zone)


def weekday_day_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """A moment with its weekday, for backups: "Sun 06 Dec 2026 14:05"."""
    return formatted(moment, WEEKDAY_DAY_TIME, zone)


def short_day_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """A recent moment, the year left out: "06 Dec 14:05"."""
    return formatted(moment, SHORT_DAY_TIME, zone)


def long_day(moment: date, zone: tzinfo | None = None) -> str:
    """A heading's day in full: "Sunday 06 December 2026"."""
    return formatted(moment, LONG_DAY, zone)


def month_year(moment: date) -> str:
    """A reporting month: "December 2026" / "दिसंबर 2026"."""
    return formatted(moment, MONTH_YEAR)


def short_month_year(moment: date) -> str:
    """A month on a chart's axis: "Dec 2026" / "दिस॰ 2026"."""
    return formatted(moment, SHORT_MONTH_YEAR)


def month_of_key(key: str) -> date:
    """The first day of a "YYYY-MM" period key (the reports' month keys)."""
    year, month = key.split("-")[:2]
    return date(int(year), int(month), 1)
