"""Dates and figures as a letter in a given language prints them, by Indian conventions.

"6 दिसंबर 2026" in a Hindi letter, "6 December 2026" in an English one, and lakh grouping
(1,00,000) in either. The few facts this needs are copied from the Unicode CLDR (v46,
locales en_IN and hi_IN: wide format month names, the date pattern "d MMMM y" and the
decimal pattern "#,##,##0.###" with Latin digits) instead of shipping a 32 MiB locale
library for two languages (issue 15, footprint). The computer's own locale never changes a
letter. `tests/domain/test_locale_format.py` checks every value against Babel's CLDR data.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

__all__ = ["indian_number", "letter_date", "month_name"]

# CLDR 46, gregorian calendar, months, format context, wide width.
_MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "hi": (
        "जनवरी",
        "फ़रवरी",
        "मार्च",
        "अप्रैल",
        "मई",
        "जून",
        "जुलाई",
        "अगस्त",
        "सितंबर",
        "अक्टूबर",
        "नवंबर",
        "दिसंबर",
    ),
}
#: CLDR's decimal pattern for both locales keeps at most three fraction digits.
_FRACTION_DIGITS = Decimal("0.001")


def month_name(month: int, language: str) -> str:
    """The month's full name in ``language`` (English when the language is not shipped)."""
    return _MONTHS.get(language, _MONTHS["en"])[month - 1]


def letter_date(value: date, language: str) -> str:
    """A date in words, day first, without a leading zero: "6 दिसंबर 2026"."""
    return f"{value.day} {month_name(value.month, language)} {value.year}"


def _group_indian(digits: str) -> str:
    """ "12345678" → "1,23,45,678": the last three digits, then groups of two."""
    if len(digits) <= 3:
        return digits
    head, last_three = digits[:-3], digits[-3:]
    pairs = [head[max(i - 2, 0) : i] for i in range(len(head), 0, -2)]
    return ",".join([*reversed(pairs), last_three])


def indian_number(value: int | float | Decimal, language: str = "en") -> str:
    """A figure with Indian digit grouping: 100000 → "1,00,000", 1234567.5 → "12,34,567.5".

    Both shipped languages print Latin digits (CLDR's default numbering for hi_IN), so the
    language does not change the result today; it stays a parameter for the next language.
    """
    del language
    exact = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    rounded = exact.quantize(_FRACTION_DIGITS, rounding=ROUND_HALF_EVEN)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    fraction = fraction.rstrip("0")
    grouped = _group_indian(whole)
    return f"{sign}{grouped}.{fraction}" if fraction else f"{sign}{grouped}"
