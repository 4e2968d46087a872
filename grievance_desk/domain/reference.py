"""Case reference numbers such as ``GRV-2026-00042``: per-year sequence, never reused.

The storage layer owns the counter; this module only formats and parses, so letters,
imports and the UI agree on what a reference looks like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from grievance_desk.messages import _

_PREFIX_PATTERN = re.compile(r"^[A-Z][A-Z0-9]{0,9}$")
_REFERENCE_PATTERN = re.compile(r"^(?P<prefix>[A-Z][A-Z0-9]{0,9})-(?P<year>\d{4})-(?P<seq>\d{5,})$")


# A reference from an older numbering (e.g. "CMP/22/001") is kept as a tag with this prefix,
# so the officer can still find a case by the number on old letters.
LEGACY_REFERENCE_TAG = "old-ref:"


def legacy_reference_tag(text: str) -> str:
    """The tag that keeps an old-style reference; list separators are replaced."""
    cleaned = " ".join(text.replace(";", "-").replace(",", "-").split())
    return LEGACY_REFERENCE_TAG + cleaned


class InvalidReference(ValueError):
    """A reference or prefix that does not follow the register's pattern."""


# The highest sequence number a reference may carry: nine digits, far beyond any year's
# cases, and far below SQLite's 64-bit integers (a larger number once imported and then made
# every new case of its year fail with an OverflowError).
MAX_SEQUENCE = 999_999_999


class ReferenceOutOfRange(InvalidReference):
    """A reference in the right shape whose number is beyond ``MAX_SEQUENCE``."""


def check_sequence(year: int, sequence: int) -> int:
    """Refuse a sequence number outside 1..MAX_SEQUENCE, naming the year and the limit."""
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise ReferenceOutOfRange(
            _(
                "The number {number} is outside the range a {year} reference can have "
                "(1 to {highest}). Clear the reference to give the case a new number, or "
                "correct the number."
            ).format(number=sequence, year=year, highest=f"{MAX_SEQUENCE:,}")
        )
    return sequence


@dataclass(frozen=True, order=True)
class CaseReference:
    prefix: str
    year: int
    sequence: int

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year:04d}-{self.sequence:05d}"


def check_prefix(prefix: str) -> str:
    """Validate a configured prefix: capitals and digits, starting with a letter, ≤10."""
    if not _PREFIX_PATTERN.match(prefix):
        raise InvalidReference(
            _(
                "The reference prefix {prefix} is not valid: use 1 to 10 capital letters or "
                "digits, starting with a letter (for example GRV)."
            ).format(prefix=repr(prefix))
        )
    return prefix


def format_reference(prefix: str, year: int, sequence: int) -> str:
    """The printed form, e.g. ``GRV-2026-00042``."""
    return str(CaseReference(check_prefix(prefix), year, check_sequence(year, sequence)))


def parse_reference(text: str) -> CaseReference:
    """Read a reference typed by an officer or found in a spreadsheet; the number is
    range-checked (``ReferenceOutOfRange``) so it can never overflow the register's counter."""
    match = _REFERENCE_PATTERN.match(text.strip().upper())
    if not match:
        raise InvalidReference(
            _(
                "{text} is not a case reference: expected PREFIX-YEAR-NUMBER, such as "
                "GRV-2026-00042."
            ).format(text=repr(text))
        )
    year = int(match["year"])
    return CaseReference(match["prefix"], year, check_sequence(year, int(match["seq"])))
