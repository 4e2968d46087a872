"""Hostile or broken spreadsheets get a message, never a traceback or a silent merge (18.10).

Each file here is real: a workbook written by our own exporter and then rewritten the way an
attacker or a broken tool would (zip bomb, billion laughs, external entity), and a CSV with a
quote that never closes.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from grievance_desk.domain.case_record import CaseDraft, Requester
from grievance_desk.domain.case_types import CaseKind, Channel, RequestType
from grievance_desk.domain.row_columns import COLUMNS
from grievance_desk.domain.row_export import draft_to_row
from grievance_desk.services import spreadsheet_io
from grievance_desk.services.spreadsheet_io import SpreadsheetError, read_header, read_rows

IST = ZoneInfo("Asia/Kolkata")


def _good_workbook(path: Path, rows: int = 3) -> Path:
    drafts = [
        CaseDraft(
            kind=CaseKind.RIGHTS_REQUEST,
            request_type=RequestType.ACCESS,
            channel=Channel.EMAIL,
            received_at=datetime(2026, 11, 2, 10, 0, tzinfo=IST),
            requester=Requester(name=f"Test Person {n}"),
        )
        for n in range(rows)
    ]
    spreadsheet_io.write_xlsx([draft_to_row(d, tz=IST) for d in drafts], COLUMNS, path)
    return path


def _rewrite_member(source: Path, target: Path, member: str, data: bytes) -> Path:
    """A copy of ``source`` with one member replaced, as a hand-edited zip would be."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, data if info.filename == member else old.read(info))
    return target


def _sheet_member(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return next(n for n in book.namelist() if n.startswith("xl/worksheets/sheet"))


LAUGHS = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>
"""

XXE = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>
"""


@pytest.mark.parametrize("payload", [LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entity_tricks_in_a_sheet_are_refused_with_a_message(
    tmp_path: Path, payload: bytes
) -> None:
    good = _good_workbook(tmp_path / "good.xlsx")
    bad = _rewrite_member(good, tmp_path / "register.xlsx", _sheet_member(good), payload)
    with pytest.raises(SpreadsheetError) as caught:
        list(read_rows(bad))
    message = str(caught.value)
    assert "register.xlsx" in message
    assert "root:" not in message  # the entity was never resolved
    assert "save it as" in message  # the fix


def test_defusedxml_is_what_openpyxl_parses_with() -> None:
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 64 MB of zeros packs into ~64 KB; with the bound lowered to 32 MB it stands for the
    # multi-gigabyte bombs that would otherwise fill memory and disk.
    monkeypatch.setattr(spreadsheet_io, "MAX_XLSX_UNPACKED", 32 * 1024 * 1024)
    good = _good_workbook(tmp_path / "good.xlsx")
    bomb = tmp_path / "register.xlsx"
    _rewrite_member(good, bomb, _sheet_member(good), b"\0" * (64 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(SpreadsheetError) as caught:
        read_header(bomb)
    message = str(caught.value)
    assert "register.xlsx" in message
    assert "unpacks to" in message and "MB" in message


def test_a_workbook_of_thousands_of_members_is_refused(tmp_path: Path) -> None:
    good = _good_workbook(tmp_path / "good.xlsx")
    crowded = tmp_path / "register.xlsx"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(crowded, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        for n in range(spreadsheet_io.MAX_XLSX_MEMBERS + 1):
            new.writestr(f"xl/media/junk{n}.bin", b"")
    with pytest.raises(SpreadsheetError, match=r"register\.xlsx .*files inside"):
        read_header(crowded)


def test_an_ordinary_workbook_still_reads(tmp_path: Path) -> None:
    good = _good_workbook(tmp_path / "good.xlsx", rows=5)
    assert len(list(read_rows(good))) == 5


def test_a_csv_quote_that_never_closes_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        "received,request_type,requester_name\n"
        "01/11/2026,access,Test Person One\n"
        '02/11/2026,erasure,"Test Person Two\n'
        "03/11/2026,access,Test Person Three\n"
        "04/11/2026,access,Test Person Four\n",
        encoding="utf-8",
    )
    with pytest.raises(SpreadsheetError) as caught:
        list(read_rows(path))
    message = str(caught.value)
    assert "register.csv" in message
    assert "row 3" in message  # where the quote opens
    assert "never closed" in message
    assert "Test Person Two" in message  # enough to find it


def test_quotes_that_close_are_still_fine(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        "received,request_type,requester_name\n"
        '01/11/2026,access,"Test ""Quoted"", Person\nsecond line"\n'
        "02/11/2026,access,Test Person\n",
        encoding="utf-8",
    )
    rows = list(read_rows(path))
    assert [line for line, _row in rows] == [2, 3]
    assert rows[0][1]["requester_name"] == 'Test "Quoted", Person\nsecond line'
