"""Fictitious register spreadsheets of any size, for import tests and the import benchmark."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from grievance_desk.domain.row_export import draft_to_row
from grievance_desk.services.cases import officer_zone
from grievance_desk.services.demo_data import demo_drafts
from grievance_desk.services.import_export import EXPORT_COLUMNS
from grievance_desk.services.spreadsheet_io import write_csv
from grievance_desk.storage.register import Register


def write_import_csv(register: Register, target: Path, rows: int, now: datetime) -> Path:
    """A CSV of ``rows`` demo cases (no references: the register numbers them)."""
    with register.reading() as session:
        tz = officer_zone(session)
    drafts = demo_drafts(rows, now - timedelta(days=2), seed=11)
    with target.open("wb") as handle:
        write_csv((draft_to_row(d, tz=tz) for d in drafts), EXPORT_COLUMNS, handle)
    return target
