"""Export the cases a list shows (its filter, search and order) to an XLSX or CSV file.

The rows are the import's own layout (``draft_to_row``), so an exported list re-imports
unchanged, exactly like the CLI's whole-register ``export``. The file is created owner-only
before anything is written, and removed if writing fails, so no half-written plaintext copy
is left behind. The file is not encrypted: the window says so before writing, as the CLI does.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Literal

from sqlmodel import col, select

from grievance_desk.domain.row_columns import COLUMNS
from grievance_desk.domain.row_export import draft_to_row
from grievance_desk.messages import _
from grievance_desk.services.case_queries import CaseFilter, SortKey, count_cases, fetch_page
from grievance_desk.services.cases import officer_zone, to_draft
from grievance_desk.services.spreadsheet_io import SpreadsheetError, write_csv, write_xlsx
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Case
from grievance_desk.storage.tables import Requester as RequesterRow

ExportFormat = Literal["xlsx", "csv"]
#: The CLI's warning, word for word.
NOT_ENCRYPTED = "The exported file is NOT encrypted. Keep it safe and delete it when done."
_BATCH = 500


def listed_rows(
    register: Register,
    filters: CaseFilter,
    *,
    sort: SortKey = SortKey.RECEIVED,
    descending: bool = True,
    now: datetime,
) -> Iterator[dict[str, str]]:
    """Every case matching ``filters``, in the list's order, as export rows."""
    with register.reading() as session:
        tz = officer_zone(session)
        total = count_cases(session, filters, now=now)
        page = fetch_page(
            session, filters, sort=sort, descending=descending, offset=0, limit=total, now=now
        )
        ids = [row.id for row in page]
        for start in range(0, len(ids), _BATCH):
            chunk: Sequence[int] = ids[start : start + _BATCH]
            found = session.execute(
                select(Case, RequesterRow)
                .join(RequesterRow, col(RequesterRow.id) == col(Case.requester_id))
                .where(col(Case.id).in_(chunk))
            ).all()
            by_id = {case.id: (case, person) for case, person in found}
            for case_id in chunk:
                if case_id in by_id:
                    yield draft_to_row(to_draft(*by_id[case_id]), tz=tz)
            session.expunge_all()


def export_list(
    register: Register,
    filters: CaseFilter,
    target: Path,
    fmt: ExportFormat,
    *,
    sort: SortKey = SortKey.RECEIVED,
    descending: bool = True,
    now: datetime,
) -> int:
    """Write the listed cases to ``target`` (0600); returns how many were written."""
    rows = listed_rows(register, filters, sort=sort, descending=descending, now=now)
    try:
        # Owner-only from the first byte; the writers then write into this file.
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        target.chmod(0o600)
        if fmt == "csv":
            with target.open("wb") as handle:
                count = write_csv(rows, COLUMNS, handle)
        else:
            count = write_xlsx(rows, COLUMNS, target)
            target.chmod(0o600)
    except OSError as error:
        _remove(target)
        raise SpreadsheetError(
            _(
                "{target} could not be written ({value}). Choose a folder you may write to, "
                "and close the file if another program has it open."
            ).format(target=target, value=error.strerror or error)
        ) from error
    except BaseException:
        _remove(target)
        raise
    return count


def _remove(target: Path) -> None:
    """A half-written export must not stay under its name (plaintext, and misleading)."""
    with contextlib.suppress(OSError):
        target.unlink()
