"""Reading and writing real CSV/XLSX/JSON files, including the 10,000-row round trip."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grievance_desk.domain.case_record import CaseDraft, Requester
from grievance_desk.domain.case_types import (
    CaseKind,
    Channel,
    DataCategory,
    Outcome,
    RequestType,
)
from grievance_desk.domain.row_columns import COLUMNS
from grievance_desk.domain.row_export import draft_to_row
from grievance_desk.domain.row_import import row_to_draft
from grievance_desk.domain.workflow import Status
from grievance_desk.services.spreadsheet_io import (
    SpreadsheetError,
    count_rows,
    csv_encoding,
    neutralise,
    read_header,
    read_rows,
    restore,
    write_csv,
    write_json,
    write_xlsx,
)

IST = ZoneInfo("Asia/Kolkata")
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=IST)
NAMES = ["Test Person", "परीक्षा व्यक्ति", 'Test "Quoted", Person', "Test 😀 Person", "Test\nPerson"]


def fake_draft(n: int) -> CaseDraft:
    """Obviously fictitious cases with every awkward kind of text a register holds."""
    received = datetime(2022, 1, 1, 9, 0, tzinfo=IST) + timedelta(hours=2 * n, seconds=n % 60)
    closed = n % 3 == 0
    return CaseDraft(
        kind=CaseKind.COMPLAINT if n % 5 == 0 else CaseKind.RIGHTS_REQUEST,
        request_type=list(RequestType)[n % len(RequestType)],
        channel=list(Channel)[n % len(Channel)],
        received_at=received,
        requester=Requester(
            name=f"{NAMES[n % len(NAMES)]} {n}",
            email=f"test.person.{n}@example.org",
            phone="+91 98765 43210" if n % 2 else "",
            postal_address=f"{n} Example Road,\nTest Town ₹" if n % 4 == 0 else "",
        ),
        description='=HYPERLINK("http://example.org")' if n % 7 == 0 else f"Request {n}; ok",
        data_categories=(DataCategory.KYC, DataCategory.BILLING) if n % 2 else (),
        status=Status.CLOSED if closed else Status.IN_PROGRESS,
        outcome=Outcome.FULFILLED if closed else None,
        reference=f"GRV-2026-{n + 1:05d}",
        acknowledged_at=received + timedelta(days=1),
        closed_at=received + timedelta(days=20) if closed else None,
        tags=("@vip", "-test") if n % 11 == 0 else (),
    )


def rows_of(path: Path) -> list[tuple[int, dict[str, object]]]:
    return list(read_rows(path))


# --- CSV ------------------------------------------------------------------------------------


def test_csv_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes("\ufeffDate Received,Name\r\n25/11/2026,परीक्षा व्यक्ति\r\n".encode())
    assert read_header(path) == ["Date Received", "Name"]
    assert rows_of(path) == [(2, {"Date Received": "25/11/2026", "Name": "परीक्षा व्यक्ति"})]
    assert csv_encoding(path) == "utf-8-sig"


def test_csv_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text("Name,Mode\nTest Person,Website\n", encoding="utf-8")
    assert rows_of(path) == [(2, {"Name": "Test Person", "Mode": "Website"})]


def test_windows_1252_csv_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes("Name,Remarks\r\nTest Person,Café – € refund\r\n".encode("cp1252"))
    assert csv_encoding(path) == "cp1252"
    assert rows_of(path)[0][1]["Remarks"] == "Café – € refund"


def test_csv_in_no_known_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(b"Name\r\nTest \x81\xff Person\r\n")
    with pytest.raises(SpreadsheetError, match=r"register\.csv is neither UTF-8 nor Windows-1252"):
        read_rows(path)


def test_semicolon_csv_from_a_european_excel(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text("Name;Date\nTest Person;25/11/2026\n", encoding="utf-8")
    assert rows_of(path) == [(2, {"Name": "Test Person", "Date": "25/11/2026"})]


def test_line_numbers_are_spreadsheet_rows(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        '\nName,Remarks\nTest One,"two\nlines"\n,\nTest Two,x,extra\n', encoding="utf-8"
    )
    assert rows_of(path) == [
        (3, {"Name": "Test One", "Remarks": "two\nlines"}),
        (5, {"Name": "Test Two", "Remarks": "x", "(column C)": "extra"}),
    ]
    assert count_rows(path) == 2


def test_duplicate_headers_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text("Name,Date,Name\n", encoding="utf-8")
    with pytest.raises(SpreadsheetError, match=r"'Name' appears twice \(columns A and C\)"):
        read_rows(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text("\n\n", encoding="utf-8")
    assert rows_of(path) == []
    with pytest.raises(SpreadsheetError, match="is empty"):
        read_header(path)


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("register.xls", "save it as 'Excel Workbook (.xlsx)'"),
        ("register.ods", "save it as 'Excel Workbook (.xlsx)'"),
        ("register.pdf", "Import a .csv, .txt (Unicode Text) or .xlsx file"),
    ],
)
def test_unsupported_extension(tmp_path: Path, name: str, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(SpreadsheetError, match=name.replace(".", r"\.")) as caught:
        read_rows(path)
    assert fragment in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SpreadsheetError, match="does not exist"):
        read_rows(tmp_path / "nowhere.csv")


def test_workbook_with_a_csv_name(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.save(tmp_path / "real.xlsx")
    path = tmp_path / "register.csv"
    path.write_bytes((tmp_path / "real.xlsx").read_bytes())
    with pytest.raises(SpreadsheetError, match=r"Rename it to \.xlsx"):
        read_rows(path)


# --- XLSX -----------------------------------------------------------------------------------


def test_xlsx_with_real_date_cells_and_a_header_below_a_title(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Grievance register 2026 (test data)"
    sheet.append([])
    sheet.append(["Ref No", "Date Received", "Complainant", "Mobile", "Type of Request", None])
    sheet.append(
        ["GRV-2026-00001", datetime(2026, 11, 25, 14, 30), "Test Person", 9876543210, "Deletion"]
    )
    sheet.append([])
    sheet.append([None, date(2026, 11, 26), "परीक्षा व्यक्ति", None, "Access"])
    sheet["B4"].number_format = "dd/mm/yyyy hh:mm"
    sheet["B6"].number_format = "dd/mm/yyyy"
    path = tmp_path / "register.xlsx"
    book.save(path)

    # The title row is not empty, so it is the header; officers put titles above the table.
    found = rows_of(path)
    assert [line for line, _ in found] == [3, 4, 6]

    sheet.delete_rows(1, 2)
    book.save(path)
    found = rows_of(path)
    assert [line for line, _ in found] == [2, 4]
    first = row_to_draft(found[0][1], line=2, tz=IST, now=NOW)
    assert first.received_at == datetime(2026, 11, 25, 14, 30, tzinfo=IST)
    assert first.requester.phone == "9876543210"
    assert first.request_type is RequestType.ERASURE
    second = row_to_draft(found[1][1], line=4, tz=IST, now=NOW)
    assert second.received_at == datetime(2026, 11, 26, tzinfo=IST)
    assert count_rows(path) == 2


def test_corrupt_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook")
    with pytest.raises(SpreadsheetError) as caught:
        read_rows(path)
    message = str(caught.value)
    assert "register.xlsx is not a readable Excel workbook" in message
    assert "save it as" in message


def test_truncated_xlsx(tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    write_xlsx([draft_to_row(fake_draft(n), tz=IST) for n in range(50)], COLUMNS, good)
    path = tmp_path / "register.xlsx"
    path.write_bytes(good.read_bytes()[:-200])
    with pytest.raises(SpreadsheetError, match=r"register\.xlsx"):
        list(read_rows(path))


def test_xlsx_round_trip(tmp_path: Path) -> None:
    rows = [draft_to_row(fake_draft(n), tz=IST) for n in range(200)]
    path = tmp_path / "export.xlsx"
    assert write_xlsx(rows, COLUMNS, path) == 200
    found = rows_of(path)
    assert [line for line, _ in found] == list(range(2, 202))
    assert [row for _, row in found] == rows
    again = [
        draft_to_row(row_to_draft(row, line=line, tz=IST, now=NOW), tz=IST) for line, row in found
    ]
    assert again == rows


def test_xlsx_to_a_stream(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    write_xlsx([draft_to_row(fake_draft(1), tz=IST)], COLUMNS, buffer)
    path = tmp_path / "export.xlsx"
    path.write_bytes(buffer.getvalue())
    assert count_rows(path) == 1


# --- formula injection ----------------------------------------------------------------------

DANGEROUS = [
    '=HYPERLINK("http://example.org","x")',
    "+91 98765 43210",
    "-2+3",
    "@SUM(A1)",
    "\tindent",
    "'=already quoted",
    "''+twice",
]
HARMLESS = ["Test Person", "'quoted but harmless", "a=b", ""]


@pytest.mark.parametrize("value", DANGEROUS)
def test_dangerous_cells_are_neutralised(value: str) -> None:
    assert neutralise(value) == "'" + value
    assert restore(neutralise(value)) == value


@pytest.mark.parametrize("value", HARMLESS)
def test_harmless_cells_are_left_alone(value: str) -> None:
    assert neutralise(value) == value
    assert restore(value) == value


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab"), max_size=8) | st.text())
def test_neutralise_is_reversible(value: str) -> None:
    assert restore(neutralise(value)) == value


def test_csv_and_xlsx_exports_cannot_run_formulas(tmp_path: Path) -> None:
    columns = [f"c{i}" for i in range(len(DANGEROUS))]
    row = dict(zip(columns, DANGEROUS, strict=True))
    csv_path = tmp_path / "export.csv"
    with csv_path.open("wb") as out:
        write_csv([row], columns, out)
    text = csv_path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "'+91 98765 43210" in text
    assert rows_of(csv_path) == [(2, row)]

    xlsx_path = tmp_path / "export.xlsx"
    write_xlsx([row], columns, xlsx_path)
    sheet = openpyxl.load_workbook(xlsx_path).active
    assert sheet is not None
    cells = [sheet.cell(row=2, column=i + 1) for i in range(len(DANGEROUS))]
    assert all(cell.data_type == "s" for cell in cells)
    assert all(str(cell.value).startswith("'") for cell in cells)
    assert rows_of(xlsx_path) == [(2, row)]


# --- the 10,000-row round trip --------------------------------------------------------------


@pytest.mark.slow
def test_ten_thousand_row_csv_round_trips_byte_for_byte(tmp_path: Path) -> None:
    rows = [draft_to_row(fake_draft(n), tz=IST) for n in range(10_000)]
    first = tmp_path / "export.csv"
    with first.open("wb") as out:
        assert write_csv(rows, COLUMNS, out) == 10_000
    original = first.read_bytes()
    assert original.startswith(b"\xef\xbb\xbf")
    assert count_rows(first) == 10_000

    # Read, write again: the same bytes.
    again = io.BytesIO()
    write_csv((row for _, row in read_rows(first)), COLUMNS, again)
    assert again.getvalue() == original

    # And through the import translation, as `import` then `export` does.
    utc = datetime(2030, 1, 1, tzinfo=UTC)
    through = io.BytesIO()
    drafts = (row_to_draft(row, line=line, tz=IST, now=utc) for line, row in read_rows(first))
    write_csv((draft_to_row(d, tz=IST) for d in drafts), COLUMNS, through)
    assert through.getvalue() == original


def test_csv_to_a_text_stream_writes_utf8_bytes_untranslated() -> None:
    raw = io.BytesIO()
    text = io.TextIOWrapper(raw, encoding="cp1252", newline=None)
    rows = [{"name": "परीक्षा व्यक्ति", "note": "two\nlines"}]
    write_csv(rows, ["name", "note"], text, bom=False)
    text.flush()
    assert raw.getvalue() == 'name,note\r\nपरीक्षा व्यक्ति,"two\nlines"\r\n'.encode()


def test_csv_to_a_string_buffer() -> None:
    out = io.StringIO()
    write_csv([{"a": "1"}], ["a", "b"], out, bom=False)
    assert out.getvalue() == "a,b\r\n1,\r\n"


# --- JSON -----------------------------------------------------------------------------------


def test_json_export_is_plain_utf8_and_unneutralised() -> None:
    rows = [draft_to_row(fake_draft(n), tz=IST) for n in range(3)]
    raw = io.BytesIO()
    assert write_json(rows, raw) == 3
    data = raw.getvalue().decode("utf-8")
    assert json.loads(data) == rows
    assert "+91 98765 43210" in data
    assert "'+91" not in data

    text = io.StringIO()
    write_json([], text)
    assert json.loads(text.getvalue()) == []


def test_xlsx_scratch_never_lands_in_the_temp_folder_even_when_export_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl streams sheets through scratch files; a crash must not leave data in /tmp."""
    import tempfile

    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    out = tmp_path / "exports"
    out.mkdir()

    def rows_that_break() -> Iterator[dict[str, str]]:
        yield {"name": "Scratch Marker Person"}
        raise RuntimeError("the export stopped half-way")

    with pytest.raises(RuntimeError, match="half-way"):
        write_xlsx(rows_that_break(), ["name"], out / "cases.xlsx")
    assert list(system_temp.iterdir()) == [], "nothing in the system temp folder"
    assert list(out.iterdir()) == [], "the scratch folder beside the export is gone too"

    assert write_xlsx([{"name": "Scratch Marker Person"}], ["name"], out / "cases.xlsx") == 1
    assert [p.name for p in out.iterdir()] == ["cases.xlsx"]
    assert list(system_temp.iterdir()) == []


# --- The encodings Excel writes for non-Latin data (issue 17) ---------------------------------


def test_excel_unicode_text_utf16_with_bom_and_tabs(tmp_path: Path) -> None:
    # Excel's "Unicode Text (*.txt)": UTF-16 LE with a byte-order mark, tab-separated.
    path = tmp_path / "register.txt"
    text = "Date Received\tName\r\n25/11/2026\tअनिता शर्मा\r\n"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    assert rows_of(path) == [(2, {"Date Received": "25/11/2026", "Name": "अनिता शर्मा"})]
    assert csv_encoding(path) == "utf-16"


def test_utf16_csv_with_bom_under_a_csv_name(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes("Name,Mode\r\nअनिता शर्मा,Website\r\n".encode("utf-16"))  # BOM + native
    assert rows_of(path) == [(2, {"Name": "अनिता शर्मा", "Mode": "Website"})]


def test_utf16_big_endian_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(b"\xfe\xff" + "Name;Mode\r\nअनिता;Website\r\n".encode("utf-16-be"))
    assert rows_of(path) == [(2, {"Name": "अनिता", "Mode": "Website"})]


def test_utf8_bom_semicolon_csv_with_devanagari(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes("\ufeffName;Mode\r\nअनिता शर्मा;Website\r\n".encode())
    assert rows_of(path) == [(2, {"Name": "अनिता शर्मा", "Mode": "Website"})]


def test_utf16_without_bom_is_refused_not_garbled(tmp_path: Path) -> None:
    # Without a BOM, UTF-16 would decode as Windows-1252 with a NUL between letters.
    path = tmp_path / "register.csv"
    path.write_bytes("Name,Mode\r\nTest Person,Website\r\n".encode("utf-16-le"))
    with pytest.raises(SpreadsheetError, match=r"UTF-16 without a byte-order mark.*save it as"):
        read_rows(path)
