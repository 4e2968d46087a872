"""Letter dates and figures match Unicode CLDR (en_IN, hi_IN) as Babel ships it (issue 17).

The app copies the few CLDR facts it needs instead of shipping Babel (issue 15, footprint);
Babel stays a test and catalogue tool, and is the reference these properties compare with.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from babel.dates import format_date
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from grievance_desk.domain.locale_format import indian_number, letter_date, month_name

CLDR_LOCALES = {"en": "en_IN", "hi": "hi_IN"}


@pytest.mark.parametrize("language", sorted(CLDR_LOCALES))
@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_letter_dates_are_cldr_d_mmmm_y(language: str, day: date) -> None:
    assert letter_date(day, language) == format_date(day, "d MMMM y", CLDR_LOCALES[language])


@pytest.mark.parametrize("language", sorted(CLDR_LOCALES))
@given(
    value=st.one_of(
        st.integers(min_value=-(10**15), max_value=10**15),
        st.decimals(min_value=-(10**12), max_value=10**12, places=5, allow_nan=False),
        st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False),
    )
)
def test_figures_are_cldr_indian_decimals(language: str, value: int | Decimal | float) -> None:
    expected = format_decimal(value, locale=CLDR_LOCALES[language])
    # Babel keeps the sign of a value that rounds to zero ("-0"); a letter prints "0".
    expected = "0" if expected == "-0" else expected
    assert indian_number(value, language) == expected


def test_the_examples_the_issue_names() -> None:
    assert letter_date(date(2026, 12, 6), "hi") == "6 दिसंबर 2026"
    assert indian_number(100000) == "1,00,000"
    assert indian_number(Decimal("1234567.5"), "hi") == "12,34,567.5"


def test_an_unshipped_language_prints_english_months() -> None:
    assert month_name(2, "ta") == "February"
