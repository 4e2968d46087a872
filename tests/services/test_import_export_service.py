"""Import and export through the register: round trips, all-or-nothing, skip-invalid."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from grievance_desk.domain.row_columns import HeaderError
from grievance_desk.services.demo_data import demo_drafts
from grievance_desk.services.import_export import (
    EXPORT_COLUMNS,
    ImportRejected,
    export_rows,
    import_file,
)
from grievance_desk.services.spreadsheet_io import write_csv, write_xlsx
from grievance_desk.storage.register import Register
from tests.conftest import NOW, PASSPHRASE

HEADER = "Ref No,Date Received,Complainant,Email ID,Type of Request,Mode,Status,Remarks\n"


def _case_count(register: Register) -> int:
    with register.reading() as session:
        return int(session.execute(text("SELECT count(*) FROM grievance_case")).scalar_one())


def _csv_bytes(register: Register) -> bytes:
    stream = io.BytesIO()
    write_csv(export_rows(register), EXPORT_COLUMNS, stream)
    return stream.getvalue()


@pytest.mark.slow
def test_ten_thousand_rows_round_trip_import_then_export_unchanged(
    register: Register, tmp_path: Path
) -> None:
    from grievance_desk.domain.row_export import draft_to_row
    from grievance_desk.services.cases import officer_zone

    with register.reading() as session:
        tz = officer_zone(session)
    drafts = demo_drafts(10_000, NOW - timedelta(days=2), seed=7)
    rows = [draft_to_row(d, tz=tz) for d in drafts]
    # Give every row a reference, as an exported register has.
    for index, row in enumerate(rows, start=1):
        row["reference"] = f"GRV-{row['received'][:4]}-{index:05d}"
    source = tmp_path / "register.csv"
    with source.open("wb") as handle:
        write_csv(rows, EXPORT_COLUMNS, handle)

    progress: list[tuple[int, int]] = []
    report = import_file(register, source, now=NOW, progress=lambda d, t: progress.append((d, t)))
    assert report.imported == 10_000 and report.problems == []
    assert progress and progress[-1][0] == progress[-1][1]

    exported = _csv_bytes(register)
    original = source.read_bytes()
    # Exports list cases in the order they were registered, which is the file's order.
    assert exported == original


def test_a_file_with_bad_rows_imports_nothing_and_lists_each(
    register: Register, tmp_path: Path
) -> None:
    source = tmp_path / "old.csv"
    source.write_text(
        HEADER
        + ",25/11/2026,Test Person One,one@example.org,Access,Email,Open,fine row\n"
        + ",31/02/2026,Test Person Two,two@example.org,Access,Email,Open,impossible date\n"
        + ",24/11/2026,Test Person Three,three@example.org,Teleportation,Email,Open,type\n"
        + ",24/11/2026,,four@example.org,Erasure,Email,Open,no name\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected) as rejected:
        import_file(register, source, now=NOW)
    message = str(rejected.value)
    assert "nothing was imported" in message
    assert rejected.value.report.bad_lines == [3, 4, 5]
    assert "Line 3" in message and "Line 4" in message and "Line 5" in message
    assert _case_count(register) == 0

    report = import_file(register, source, now=NOW, skip_invalid=True)
    assert report.imported == 1 and report.bad_lines == [3, 4, 5]
    assert _case_count(register) == 1


def test_references_already_used_are_reported(register: Register, tmp_path: Path) -> None:
    source = tmp_path / "old.csv"
    source.write_text(
        HEADER
        + "GRV-2026-00007,20/11/2026,Test Person One,one@example.org,Access,Email,Open,a\n"
        + "GRV-2026-00007,21/11/2026,Test Person Two,two@example.org,Access,Email,Open,b\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected, match="also on line 2"):
        import_file(register, source, now=NOW)
    report = import_file(register, source, now=NOW, skip_invalid=True)
    assert report.references == ["GRV-2026-00007"]
    with pytest.raises(ImportRejected, match="already in the register"):
        import_file(register, source, now=NOW)
    # New cases continue after the imported number: references are never reused.
    source.write_text(
        HEADER + ",22/11/2026,Test Person Three,three@example.org,Access,Email,Open,c\n",
        encoding="utf-8",
    )
    assert import_file(register, source, now=NOW).references == ["GRV-2026-00008"]


def test_old_style_references_are_kept_as_a_tag(register: Register, tmp_path: Path) -> None:
    source = tmp_path / "old.csv"
    source.write_text(
        HEADER + "CMP/22/001,20/11/2026,Test Person One,one@example.org,Access,Email,Open,a\n",
        encoding="utf-8",
    )
    report = import_file(register, source, now=NOW)
    assert report.references == ["GRV-2026-00001"]
    with register.reading() as session:
        tags = session.execute(text("SELECT tags FROM grievance_case")).scalar_one()
    assert "old-ref:CMP/22/001" in tags


def test_missing_required_column_is_a_file_level_error(register: Register, tmp_path: Path) -> None:
    source = tmp_path / "old.csv"
    source.write_text("Complainant,Remarks\nTest Person,hello\n", encoding="utf-8")
    with pytest.raises(HeaderError, match="no received column"):
        import_file(register, source, now=NOW)


def test_xlsx_import_with_real_date_cells(register: Register, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date Received", "Name", "Request Type", "Channel"])
    sheet.append([NOW.replace(tzinfo=None) - timedelta(days=3), "Test Person X", "Deletion", "Web"])
    source = tmp_path / "old.xlsx"
    book.save(source)
    report = import_file(register, source, now=NOW)
    assert report.imported == 1
    rows = list(export_rows(register))
    assert rows[0]["request_type"] == "erasure" and rows[0]["channel"] == "web_form"


def test_export_xlsx_matches_csv(register: Register, tmp_path: Path) -> None:
    import openpyxl

    from grievance_desk.services.demo_data import fill_demo_register

    fill_demo_register(register, now=NOW, count=20)
    target = tmp_path / "out.xlsx"
    write_xlsx(export_rows(register), EXPORT_COLUMNS, target)
    sheet = openpyxl.load_workbook(target, read_only=True).active
    xlsx_rows = [[c or "" for c in row] for row in sheet.iter_rows(values_only=True)]
    csv_rows = list(csv.reader(io.StringIO(_csv_bytes(register).decode("utf-8-sig"))))
    assert xlsx_rows == csv_rows


def test_import_is_one_transaction(register: Register, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A failure half-way through saving leaves the register exactly as it was."""
    import grievance_desk.services.import_export as module

    source = tmp_path / "old.csv"
    lines = [
        f",2{i % 5}/11/2026,Test Person {i},p{i}@example.org,Access,Email,Open,x\n"
        for i in range(50)
    ]
    source.write_text(HEADER + "".join(lines), encoding="utf-8")
    real_insert = module.insert_case
    calls = {"n": 0}

    def failing_insert(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 30:
            raise OSError(28, "No space left on device")
        return real_insert(*args, **kwargs)

    monkeypatch.setattr(module, "insert_case", failing_insert)
    with pytest.raises(OSError, match="No space"):
        import_file(register, source, now=NOW)
    assert _case_count(register) == 0
    with register.reading() as session:
        assert session.execute(text("SELECT count(*) FROM audit_event")).scalar_one() == 0


def test_passphrase_constant_is_used(register: Register) -> None:
    assert PASSPHRASE and register.path.exists()


class _Cancelled(Exception):
    """What the window's progress raises after Cancel (ui.ops.OpCancelled, without Qt)."""


@pytest.mark.parametrize("cancel_at", ["writing", "last report"])
def test_a_progress_callback_that_raises_cancels_the_import_with_nothing_saved(
    register: Register, tmp_path: Path, cancel_at: str
) -> None:
    source = tmp_path / "register.csv"
    rows = "".join(
        f",{1 + i % 28:02d}/11/2025,Test Person {i},p{i}@example.org,Access,Email,,Fictitious\n"
        for i in range(300)
    )
    source.write_text(HEADER + rows, encoding="utf-8")

    def progress(done: int, total: int) -> None:
        writing = done > 300  # the check counts rows first, then the writes follow
        if (cancel_at == "writing" and writing and done < total) or (
            cancel_at == "last report" and done == total and total > 300
        ):
            raise _Cancelled

    with pytest.raises(_Cancelled):
        import_file(register, source, now=NOW, progress=progress)
    assert _case_count(register) == 0, "a cancel never leaves part of an import saved"
