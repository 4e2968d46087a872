"""A spreadsheet cell as text, the same way on import and export.

XLSX gives numbers, booleans and dates while CSV gives strings; reading both through one
function, and cleaning free text identically in both directions, is what makes an exported
file import back to the same case. Lists are separated by ``;`` (a comma or a line break also
works on import); the export joins them with ``"; "``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time

from grievance_desk.domain.case_record import clean_text

LIST_SEPARATOR = "; "

# Cells meaning "nothing here" in optional coded columns (not in free text, where they are words).
PLACEHOLDERS = frozenset({"", "-", "--", "n/a", "na", "nil", "none", "null", "not applicable"})


def cell_text(value: object) -> str:
    """A cell as text: XLSX gives numbers and dates, CSV gives strings."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def clean_cell(value: object) -> str:
    """Clean free text the same way on import and export, so round-trips are exact."""
    return clean_text(cell_text(value).replace("\r\n", "\n").replace("\r", "\n"))


def split_list(text: str) -> list[str]:
    """A list cell's items, cleaned and without repeats; ``;``, ``,`` or a line break split."""
    items = [clean_text(part) for part in re.split(r"[;,\n]", text)]
    return list(dict.fromkeys(item for item in items if item))


def join_list(items: Iterable[str]) -> str:
    """Items as one list cell, joined the way ``split_list`` reads them back."""
    return LIST_SEPARATOR.join(dict.fromkeys(items))
