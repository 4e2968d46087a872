"""Bring a spreadsheet register in, and take the whole register out, as CSV, XLSX or JSON.

Import is all or nothing by default: every row is checked first, and a file with any bad row
imports nothing and lists every bad row with its line and the fix. With ``skip_invalid`` the
good rows go in and the rest are reported. Either way the saving happens in one transaction,
so an interrupted import leaves the register as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func
from sqlmodel import col, select

from grievance_desk.domain.case_record import CaseDraft
from grievance_desk.domain.reference import InvalidReference, parse_reference
from grievance_desk.domain.row_columns import COLUMNS, match_headers
from grievance_desk.domain.row_export import draft_to_row
from grievance_desk.domain.row_import import row_to_draft
from grievance_desk.domain.row_reader import RowError, RowProblem
from grievance_desk.messages import _
from grievance_desk.services.cases import (
    BulkContext,
    insert_case,
    iter_drafts,
    next_case_id,
    officer_zone,
    refresh_next_due_after_bulk,
)
from grievance_desk.services.spreadsheet_io import count_rows, read_header, read_rows
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Case

Progress = Callable[[int, int], None]
_PROGRESS_EVERY = 250


@dataclass
class ImportReport:
    """What happened: how many cases went in, which rows did not and why."""

    imported: int = 0
    rows: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()
    references: list[str] = field(default_factory=list)

    @property
    def bad_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})

    def problem_lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class ImportRejected(RegisterError):
    """The file had bad rows and nothing was imported; ``report`` lists every one."""

    def __init__(self, source: Path, report: ImportReport) -> None:
        self.report = report
        count = len(report.bad_lines)
        super().__init__(
            _(
                "{name}: {count} of {rows} rows have problems, so nothing was imported. Fix the "
                "rows listed below and import again, or add --skip-invalid to import the good "
                "rows only."
            ).format(name=source.name, count=count, rows=report.rows)
            + "\n"
            + "\n".join(report.problem_lines())
        )


def _reference_problem(line: int, reference: str, message: str) -> RowProblem:
    return RowProblem(line, "reference", "reference", reference, message)


def _check_rows(
    register: Register, source: Path, now: datetime, progress: Progress | None
) -> tuple[list[tuple[int, CaseDraft]], ImportReport]:
    header = read_header(source)
    matched = match_headers(header)  # raises HeaderError naming missing columns
    report = ImportReport(ignored_columns=matched.ignored)
    total = count_rows(source) if progress else 0
    with register.reading() as session:
        tz = officer_zone(session)
    drafts: list[tuple[int, CaseDraft]] = []
    seen: dict[str, int] = {}
    for line, row in read_rows(source):
        report.rows += 1
        try:
            draft = row_to_draft(row, line=line, tz=tz, now=now)
        except RowError as error:
            report.problems.extend(error.problems)
            continue
        if draft.reference:
            try:
                key = str(parse_reference(draft.reference))
            except InvalidReference:
                key = draft.reference
            if key in seen:
                report.problems.append(
                    _reference_problem(
                        line,
                        draft.reference,
                        _(
                            "reference {key} is also on line {seen}; a reference belongs to one "
                            "case. Clear one of them to give it a new number."
                        ).format(key=key, seen=seen[key]),
                    )
                )
                continue
            seen[key] = line
        drafts.append((line, draft))
        if progress and report.rows % _PROGRESS_EVERY == 0:
            progress(report.rows, total * 2)
    if seen:
        with register.reading() as session:
            existing = set(
                session.scalars(
                    select(Case.reference).where(col(Case.reference).in_(list(seen)))
                ).all()
            )
        for reference in existing:
            line = seen[reference]
            report.problems.append(
                _reference_problem(
                    line,
                    reference,
                    _(
                        "reference {reference} is already in the register. Clear the cell to give "
                        "this case a new number, or remove the row if it is the same case."
                    ).format(reference=reference),
                )
            )
        drafts = [(line, d) for line, d in drafts if line not in {seen[r] for r in existing}]
    report.problems.sort(key=lambda p: p.line)
    return drafts, report


def import_file(
    register: Register,
    source: Path,
    *,
    now: datetime,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a CSV or XLSX register in one transaction; see the module docstring."""
    drafts, report = _check_rows(register, source, now, progress)
    if report.problems and not skip_invalid:
        raise ImportRejected(source, report)
    actor = register.actor
    total = len(drafts)
    with register.writing() as session:
        bulk = BulkContext.for_session(session)
        first_id = next_case_id(session)
        for index, (_line, draft) in enumerate(drafts, start=1):
            case = insert_case(session, draft, now=now, actor=actor, bulk=bulk)
            report.references.append(case.reference)
            if index % _PROGRESS_EVERY == 0:
                # Write the pending rows (the audit events too) before letting go of them:
                # expunging an unflushed event silently dropped it from the chain.
                session.flush()
                session.expunge_all()
                if progress:
                    progress(report.rows + index, report.rows + total)
        bulk.save_counters(session)
        refresh_next_due_after_bulk(session, first_id, now)
        # The last report comes before the commit: a progress callback may raise to cancel
        # (the window's Cancel), and a cancel must leave nothing saved, never half a story.
        if progress:
            progress(report.rows + total, report.rows + total)
    report.imported = total
    return report


def export_rows(register: Register, progress: Progress | None = None) -> Iterator[dict[str, str]]:
    """Every case as a row in the import's own layout, so an export re-imports unchanged.

    ``progress(done, total)`` counts cases written, for a progress bar.
    """
    with register.reading() as session:
        tz = officer_zone(session)
        total = (session.scalar(select(func.count()).select_from(Case)) or 0) if progress else 0
        for done, draft in enumerate(iter_drafts(session), start=1):
            yield draft_to_row(draft, tz=tz)
            if progress and (done % _PROGRESS_EVERY == 0 or done == total):
                progress(done, total)


EXPORT_COLUMNS = COLUMNS


def check_file(
    register: Register, source: Path, *, now: datetime, progress: Progress | None = None
) -> ImportReport:
    """Check every row as ``import_file`` would and save nothing: the window's dry run.

    ``rows`` counts the data rows and ``bad_lines`` the ones that would be refused, each
    named in ``problems`` with its line and fix; a header or file problem raises as it does
    for ``import_file``.
    """
    _drafts, report = _check_rows(register, source, now, progress)
    if progress:
        progress(1, 1)
    return report
