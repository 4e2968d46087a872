"""One row's cells by canonical column, with every bad cell collected as a problem.

An officer fixing a file in Excel wants every mistake of a row at once, each with its line,
the header as they wrote it and the fix; ``RowCells`` reads typed values and records what it
cannot read instead of stopping at the first error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import Enum
from typing import TypeVar

from grievance_desk.domain.received_time import after_now_problem
from grievance_desk.domain.row_cells import PLACEHOLDERS, cell_text, clean_cell, split_list
from grievance_desk.domain.row_columns import HeaderMatch
from grievance_desk.domain.row_dates import DateProblem, When, parse_when
from grievance_desk.domain.row_values import match_value, unknown_value
from grievance_desk.messages import _

E = TypeVar("E", bound=Enum)


@dataclass(frozen=True)
class RowProblem:
    """One bad cell: enough to find it in Excel (line and header) and to fix it."""

    line: int
    column: str
    header: str
    value: str
    message: str

    def __str__(self) -> str:
        return _("Line {line}, column {header}: {problem}").format(
            line=self.line, header=repr(self.header), problem=self.message
        )


class RowError(ValueError):
    """A row that cannot become a case; ``problems`` names every bad cell at once."""

    def __init__(self, line: int, problems: list[RowProblem]) -> None:
        self.line = line
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class RowCells:
    """One row's cells by canonical column, collecting problems as they are found."""

    def __init__(self, row: Mapping[str, object], header: HeaderMatch, line: int) -> None:
        self.cells: dict[str, object] = {}
        for key, value in row.items():
            column = header.columns.get(key)
            if column is not None:
                self.cells[column] = value
        self.header = header
        self.line = line
        self.problems: list[RowProblem] = []

    def raw(self, column: str) -> object:
        return self.cells.get(column)

    def text(self, column: str) -> str:
        return clean_cell(self.cells.get(column))

    def coded(self, column: str) -> str:
        """A coded cell with placeholders such as "N/A" read as empty."""
        text = self.text(column)
        return "" if text.casefold() in PLACEHOLDERS else text

    def problem(self, column: str, message: str, value: object = None) -> None:
        shown = cell_text(self.cells.get(column) if value is None else value)
        header = self.header.header_for(column)
        self.problems.append(RowProblem(self.line, column, header, shown, message))

    def has_problem(self, column: str) -> bool:
        return any(p.column == column for p in self.problems)

    def enum(self, column: str, enum: type[E], default: E) -> E:
        text = self.coded(column)
        if not text:
            return default
        found = match_value(enum, text)
        if found is None:
            self.problem(column, unknown_value(text, enum))
            return default
        return found

    def enums(self, column: str, enum: type[E]) -> tuple[E, ...]:
        found: list[E] = []
        for item in split_list(self.coded(column)):
            member = match_value(enum, item)
            if member is None:
                self.problem(column, unknown_value(item, enum))
            elif member not in found:
                found.append(member)
        return tuple(found)

    def when(self, column: str, tz: tzinfo, now: datetime) -> When | None:
        value = self.cells.get(column)
        if isinstance(value, str | None) and self.coded(column) == "":
            return None
        try:
            found = parse_when(value, tz)
        except DateProblem as exc:
            self.problem(column, str(exc))
            return None
        problem = after_now_problem(
            found.moment,
            now=now,
            zone=tz,
            label=_date_label(column),
            shown=repr(cell_text(value)),
        )
        if problem is not None:
            self.problem(column, problem[:1].upper() + problem[1:] + ".")
            return None
        return found


def _date_label(column: str) -> str:
    """How a refusal names a date column ("received date")."""
    known = {
        "received": _("received date"),
        "acknowledged": _("acknowledged date"),
        "closed": _("closed date"),
    }
    return known.get(column) or _("{column} date").format(column=column)
