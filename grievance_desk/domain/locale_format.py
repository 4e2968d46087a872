"""Dates and figures as a letter in a given language prints them, by Indian conventions.

"6 दिसंबर 2026" in a Hindi letter, "6 December 2026" in an English one, and lakh grouping
(1,00,000) in either. Babel's CLDR data (hi_IN, en_IN) ships inside the wheel, so nothing is
fetched at run time and the computer's own locale never changes a letter.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal as _babel_decimal

_LOCALES = {"en": "en_IN", "hi": "hi_IN"}


def locale_for(language: str) -> str:
    """The CLDR locale a language's letters use (India's), English's when unknown."""
    return _LOCALES.get(language, "en_IN")


def letter_date(value: date, language: str) -> str:
    """A date in words, day first, without a leading zero: "6 दिसंबर 2026"."""
    return str(_babel_date(value, "d MMMM y", locale=locale_for(language)))


def indian_number(value: int | float | Decimal, language: str = "en") -> str:
    """A figure with Indian digit grouping: 100000 → "1,00,000", 1234567.5 → "12,34,567.5"."""
    return str(_babel_decimal(value, locale=locale_for(language)))
