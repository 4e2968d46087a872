"""Read and write the register as CSV, XLSX and JSON files.

Rows are plain dicts keyed by header; turning them into cases is ``domain.row_import``'s job.
Line numbers are spreadsheet row numbers (the header is usually row 1), which is what the
officer sees in Excel, for CSV as well as XLSX: a cell with a line break is still one row.

CSV: read as UTF-16 when it starts with a UTF-16 byte-order mark (Excel's "Unicode Text", a
tab-separated .txt, is the one Excel format that keeps Devanagari on every Windows version),
else as UTF-8 (with or without a byte-order mark), else as Windows-1252, the encoding Excel's
plain "CSV" uses on Windows (``csv_encoding`` tells the caller which, to pass on). UTF-16
without a byte-order mark is refused: it would decode as Windows-1252 with a NUL between
letters. A header row with semicolons or tabs and no commas is read with that separator. Written as
UTF-8 with a byte-order mark (so Excel shows Devanagari and ₹ correctly) and CRLF line ends.

Formula injection: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return would be run as a formula by Excel or LibreOffice. CSV and XLSX exports put a
single quote in front of such a cell (and in front of one that already starts with quotes
followed by such a character); the reader removes exactly one leading quote from those
cells, so export → import gives back the very same text. JSON is never changed.

Hostile files: an .xlsx is a zip, so before openpyxl opens one we check the member count and
the uncompressed sizes the zip declares (``MAX_XLSX_MEMBERS``, ``MAX_XLSX_UNPACKED``); a zip
bomb is refused unread. openpyxl parses its XML with ``defusedxml`` when it is installed (it
is a dependency), so entity expansion (billion laughs) and external entities (XXE) are
refused; either way the officer gets a message, not a traceback. A CSV quote that never
closes would swallow every later row into one cell: it is refused, naming the row it opens.

XLSX goes through openpyxl, which streams each sheet's XML through a scratch file (its only
way to write). Left to itself it puts that file in the system temp folder, where a crash
mid-export would leave personal data in the clear; ``openpyxl_scratch_beside`` keeps it in a
private (0700) folder next to the export instead, removed whatever happens, and noted in the
scratch journal so that a crash's leftover is swept at the next start (storage/scratch.py).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, cast
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from grievance_desk.messages import _
from grievance_desk.storage.file_safety import is_disk_full, scratch_name
from grievance_desk.storage.scratch import tracked

SUPPORTED_SUFFIXES = (".csv", ".txt", ".xlsx")
# Delimited text: .txt is what Excel names "Unicode Text" (UTF-16, tab-separated).
_TEXT_SUFFIXES = (".csv", ".txt")
#: A register of 100,000 cases is ~30 MB of sheet XML and a dozen members; these bounds are
#: far above any real workbook and far below what would exhaust a laptop.
MAX_XLSX_UNPACKED = 1024 * 1024 * 1024
MAX_XLSX_MEMBERS = 1000
_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
_QUOTED_FORMULA = re.compile(r"'+[=+\-@\t\r]")


def _save_as() -> str:
    """How to turn a file we cannot read into one we can."""
    return _(
        "Open it in Excel or LibreOffice and save it as 'Excel Workbook (.xlsx)' or "
        "'CSV UTF-8 (comma delimited)', then import that file."
    )


PathLike = str | os.PathLike[str]
Row = dict[str, object]

try:  # what openpyxl raises for entity tricks when defusedxml is installed (a dependency)
    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
except ImportError:  # pragma: no cover - the stdlib parser still refuses most of them
    DefusedXmlException = ParseError
_XML_TROUBLE: tuple[type[Exception], ...] = (ParseError, DefusedXmlException)


class SpreadsheetError(Exception):
    """A file we cannot read or write; the message names the file, the problem and the fix."""


# --- formula injection ----------------------------------------------------------------------


def neutralise(value: str) -> str:
    """Make a cell inert in a spreadsheet, reversibly, so an export cannot run code."""
    return "'" + value if _FORMULA_START.match(value) else value


def restore(value: str) -> str:
    """Undo ``neutralise`` on import, so an exported file re-imports unchanged."""
    return value[1:] if _QUOTED_FORMULA.match(value) else value


# --- reading --------------------------------------------------------------------------------


def read_header(path: PathLike) -> list[str]:
    """The header row alone, so a caller can reject a bad file before reading any rows."""
    for _line, cells in _raw_rows(Path(path)):
        return _header_names(Path(path), cells)
    raise SpreadsheetError(
        _("{name} is empty: it has no header row and no cases.").format(name=Path(path).name)
    )


def read_rows(path: PathLike) -> Iterator[tuple[int, Row]]:
    """Yield (spreadsheet row number, {header: cell}) for every non-empty data row.

    Opens and checks the file straight away (a missing, corrupt or unsupported file fails
    here, not halfway through an import); the rows themselves are read lazily. CSV cells
    are strings; XLSX cells are whatever the sheet holds (str, int, float, datetime, …).
    """
    source = Path(path)
    raw = _raw_rows(source)
    for _line, cells in raw:
        header = _header_names(source, cells)
        return ((line, _row_dict(header, cells)) for line, cells in raw)
    return iter(())


def count_rows(path: PathLike) -> int:
    """How many data rows ``read_rows`` will yield, as the total for a progress bar."""
    return sum(1 for _row in read_rows(path))


def csv_encoding(path: PathLike) -> str:
    """The encoding a CSV file will be read with; "cp1252" deserves a note to the officer."""
    return _decode(Path(path))[1]


def _header_names(source: Path, cells: list[object]) -> list[str]:
    names = [_cell_text(c).strip() for c in cells]
    while names and not names[-1]:
        names.pop()
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        if not name:
            names[index] = f"(column {get_column_letter(index + 1)})"
            continue
        if name in seen:
            first = get_column_letter(seen[name] + 1)
            raise SpreadsheetError(
                _(
                    "In {name}, the header {name2} appears twice (columns {first} and "
                    "{second}). Rename or delete one of them."
                ).format(
                    name=source.name,
                    name2=repr(name),
                    first=first,
                    second=get_column_letter(index + 1),
                )
            )
        seen[name] = index
    return names


def _row_dict(header: list[str], cells: list[object]) -> Row:
    row: Row = {name: "" for name in header}
    for index, value in enumerate(cells):
        if isinstance(value, str):
            value = restore(value)
        if index < len(header):
            row[header[index]] = "" if value is None else value
        elif not _is_empty(value):
            row[f"(column {get_column_letter(index + 1)})"] = value
    return row


def _cell_text(value: object) -> str:
    return "" if value is None else str(value)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _raw_rows(source: Path) -> Iterator[tuple[int, list[object]]]:
    """Non-empty rows as cell lists, numbered as the spreadsheet numbers them."""
    suffix = source.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        hint = (
            _save_as()
            if suffix in (".xls", ".ods", ".numbers", ".xlsm", ".xlsb")
            else _("Import a .csv, .txt (Unicode Text) or .xlsx file.")
        )
        raise SpreadsheetError(
            _("{name} is a {value}, which cannot be imported. {hint}").format(
                name=source.name, value=suffix or _("file without an extension"), hint=hint
            )
        )
    if not source.is_file():
        raise SpreadsheetError(
            _("{source} does not exist or is not a file. Check the path.").format(source=source)
        )
    rows = _csv_rows(source) if suffix in _TEXT_SUFFIXES else _xlsx_rows(source)
    return ((line, cells) for line, cells in rows if not all(_is_empty(c) for c in cells))


def _read_bytes(source: Path) -> bytes:
    try:
        return source.read_bytes()
    except OSError as exc:
        raise SpreadsheetError(
            _(
                "{name} cannot be read ({value}). Check that it exists, that you may open it, "
                "and that no other program has it locked."
            ).format(name=source.name, value=exc.strerror or exc)
        ) from exc


def _decode(source: Path) -> tuple[str, str]:
    data = _read_bytes(source)
    if data.startswith(b"PK\x03\x04"):
        raise SpreadsheetError(
            _(
                "{name} is an Excel workbook with a .csv name. Rename it to .xlsx and import "
                "it again."
            ).format(name=source.name)
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"  # the BOM says which byte order
        except UnicodeDecodeError as exc:
            raise SpreadsheetError(
                _(
                    "{name} starts as UTF-16 text but is cut off or damaged (byte {start}). "
                    "{save_as}"
                ).format(name=source.name, start=exc.start, save_as=_save_as())
            ) from exc
    if _looks_like_utf16_without_bom(data):
        raise SpreadsheetError(
            _(
                "{name} is UTF-16 without a byte-order mark, so its letters cannot be read "
                "reliably. {save_as}"
            ).format(name=source.name, save_as=_save_as())
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(
        _(
            "{name} is neither UTF-8 nor Windows-1252 text, so its letters cannot be read "
            "reliably. {save_as}"
        ).format(name=source.name, save_as=_save_as())
    )


def _looks_like_utf16_without_bom(data: bytes) -> bool:
    """Every other byte NUL in the first kilobyte: Latin text saved as UTF-16."""
    head = data[:1024]
    if len(head) < 4:
        return False
    return head[1::2].count(0) * 2 > len(head) // 2 or head[0::2].count(0) * 2 > len(head) // 2


def _csv_rows(source: Path) -> Iterator[tuple[int, list[object]]]:
    text, _encoding = _decode(source)
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ","
    if "," not in first_line:
        delimiter = ";" if ";" in first_line else "\t" if "\t" in first_line else ","
    return _parse_csv(source, text, delimiter)


class _CountedLines:
    """The text's lines for csv.reader, counting the characters handed out so far."""

    def __init__(self, text: str) -> None:
        self._lines = io.StringIO(text, newline="")
        self.consumed = 0

    def __iter__(self) -> _CountedLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.consumed += len(line)
        return line


def _parse_csv(source: Path, text: str, delimiter: str) -> Iterator[tuple[int, list[object]]]:
    lines = _CountedLines(text)
    reader = csv.reader(lines, delimiter=delimiter)
    number = 0
    record_start = 0  # character offset where the record being read starts
    physical_line = 1
    try:
        # Count records, not physical lines: Excel shows one row per record.
        for record in reader:
            number += 1
            if lines.consumed >= len(text):
                tail = text[record_start:]
                _refuse_unclosed_quote(source, tail, delimiter, number, physical_line)
            record_start = lines.consumed
            physical_line = reader.line_num + 1
            yield number, list(record)
    except csv.Error as exc:
        raise SpreadsheetError(
            _("{name} is not valid CSV near row {line_num} ({exc}). {save_as}").format(
                name=source.name, line_num=reader.line_num, exc=exc, save_as=_save_as()
            )
        ) from exc


def _refuse_unclosed_quote(
    source: Path, tail: str, delimiter: str, row: int, physical_line: int
) -> None:
    """The last record: if a quote in it never closes, it swallowed every row after it.

    Python's lenient reader ends such a field silently at the end of the file; a strict
    reading of just this record tells an unclosed quote from a harmless one.
    """
    try:
        for _record in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        if "end of data" not in str(exc):
            return
        opening = tail.split("\n", 1)[0].strip()
        if len(opening) > 80:
            opening = opening[:77] + "…"
        where = (
            _("row {row}").format(row=row)
            if physical_line == row
            else _("row {row} (line {line} of the file)").format(row=row, line=physical_line)
        )
        raise SpreadsheetError(
            _(
                'In {name}, a quote (") opened in {where} is never closed, so every row after '
                "it would be read as one cell: {opening}. Add the closing quote or remove the "
                "opening one, save, and import again."
            ).format(name=source.name, where=where, opening=repr(opening))
        ) from None


def _check_zip_bounds(source: Path) -> None:
    """Refuse a workbook whose zip would unpack to more than any register needs (a bomb).

    The sizes are the ones the zip declares; Python's zipfile never inflates a member past
    its declared size, so checking them bounds what openpyxl can be made to read.
    """
    try:
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl names the damage in its own words below
    if len(members) > MAX_XLSX_MEMBERS:
        raise SpreadsheetError(
            _(
                "{name} has {count:,} files inside it; an Excel workbook has a few dozen at "
                "most, so it is not read. {save_as}"
            ).format(name=source.name, count=len(members), save_as=_save_as())
        )
    unpacked = sum(max(0, info.file_size) for info in members)
    if unpacked > MAX_XLSX_UNPACKED:
        raise SpreadsheetError(
            _(
                "{name} unpacks to {value:,.0f} MB, more than the {value2:,.0f} MB any "
                "register needs, so it is not read (it may be built to fill the disk). "
                "{save_as}"
            ).format(
                name=source.name,
                value=unpacked / 1_048_576,
                value2=MAX_XLSX_UNPACKED / 1_048_576,
                save_as=_save_as(),
            )
        )


def _xlsx_rows(source: Path) -> Iterator[tuple[int, list[object]]]:
    _check_zip_bounds(source)
    try:
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except _XML_TROUBLE as exc:
        raise SpreadsheetError(
            _("{name} contains XML that is not read for safety ({kind}: {exc}). {save_as}").format(
                name=source.name, kind=type(exc).__name__, exc=exc, save_as=_save_as()
            )
        ) from exc
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise SpreadsheetError(
            _(
                "{name} is not a readable Excel workbook ({kind}: {exc}). It may be damaged "
                "or not really an .xlsx file. {save_as}"
            ).format(name=source.name, kind=type(exc).__name__, exc=exc, save_as=_save_as())
        ) from exc
    return _sheet_rows(source, book)


def _sheet_rows(source: Path, book: Any) -> Iterator[tuple[int, list[object]]]:
    try:
        if not book.worksheets:
            raise SpreadsheetError(
                _("{name} has no worksheet. {save_as}").format(name=source.name, save_as=_save_as())
            )
        sheet = book.worksheets[0]
        # Some writers record a wrong sheet size; read what is really there.
        sheet.reset_dimensions()
        # Read-only sheets fill in missing rows, so the count matches Excel's row numbers.
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    except _XML_TROUBLE as exc:
        raise SpreadsheetError(
            _("{name} contains XML that is not read for safety ({kind}: {exc}). {save_as}").format(
                name=source.name, kind=type(exc).__name__, exc=exc, save_as=_save_as()
            )
        ) from exc
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SpreadsheetError(
            _(
                "{name} could not be read to the end ({kind}: {exc}). It may be damaged. {save_as}"
            ).format(name=source.name, kind=type(exc).__name__, exc=exc, save_as=_save_as())
        ) from exc
    finally:
        book.close()


# --- writing --------------------------------------------------------------------------------


def write_csv(
    rows: Iterable[Mapping[str, object]],
    columns: Sequence[str],
    stream: IO[bytes] | IO[str],
    *,
    bom: bool = True,
) -> int:
    """Write rows as CSV that Excel opens correctly and that cannot run formulas.

    Writes UTF-8 bytes (to ``stream.buffer`` when given a text stream such as stdout, so no
    newline translation or console encoding can corrupt the file). Returns the row count.
    """
    write = _byte_writer(stream)
    if bom:
        write("\ufeff")
    writer = csv.writer(_Sink(write), lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([neutralise(_cell_text(row.get(column))) for column in columns])
        count += 1
    return count


def write_xlsx(
    rows: Iterable[Mapping[str, object]],
    columns: Sequence[str],
    target: PathLike | IO[bytes],
    *,
    sheet_title: str = "Cases",
    scratch_beside: PathLike | None = None,
) -> int:
    """Write rows to a one-sheet workbook with a frozen, bold header; returns the row count.

    ``scratch_beside``: where openpyxl's scratch files go when ``target`` is a stream (the
    export's final path), so plaintext never lands in the system temp folder.

    Every cell is written as text (neutralised like CSV), so Excel neither runs formulas nor
    turns phone numbers and references into numbers or dates.
    """
    destination: Any = os.fspath(target) if isinstance(target, str | os.PathLike) else target
    with openpyxl_scratch_beside(scratch_beside if scratch_beside is not None else target):
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet(sheet_title)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(12, len(column) + 4)
        bold = Font(bold=True)
        sheet.append([_text_cell(sheet, column, bold) for column in columns])
        count = 0
        try:
            for row in rows:
                sheet.append([_text_cell(sheet, _cell_text(row.get(column))) for column in columns])
                count += 1
        except BaseException:
            # Close the sheet's scratch file now (not at garbage collection), so the
            # folder holding it can be removed on the way out, also on Windows.
            with contextlib.suppress(Exception):
                sheet.close()
            raise
        try:
            book.save(destination)
        except OSError as exc:
            if is_disk_full(exc):
                raise
            raise SpreadsheetError(
                _(
                    "The workbook could not be written to {destination} ({value}). Choose a folder "
                    "you may write to, and close the file if Excel has it open."
                ).format(destination=destination, value=exc.strerror or exc)
            ) from exc
    return count


@contextmanager
def openpyxl_scratch_beside(target: PathLike | IO[bytes]) -> Iterator[None]:
    """While building and saving a workbook, openpyxl's scratch files go next to ``target``.

    openpyxl opens a sheet's scratch file when the sheet is created, so the whole build must
    run inside this block. The folder is private (0700), noted in the scratch journal (so a
    crash's leftover is swept at the next start) and removed on the way out. A target that
    is not a path (a buffer) gets its folder in the temp folder, handled the same way. One
    workbook at a time: the app writes them on its single worker thread.
    """
    from openpyxl.worksheet import _writer

    if isinstance(target, str | os.PathLike):
        beside = Path(os.fspath(target))
    else:
        beside = Path(tempfile.gettempdir()) / "grievance-desk-workbook"
    folder = scratch_name(beside)
    with tracked(folder):
        try:
            folder.mkdir(mode=0o700)
        except OSError as exc:
            if is_disk_full(exc):
                raise SpreadsheetError(_disk_full_text(beside.parent)) from exc
            raise SpreadsheetError(
                _(
                    "The workbook could not be written to {parent} ({value}). Choose a folder you "
                    "may write to."
                ).format(parent=beside.parent, value=exc.strerror or exc)
            ) from exc
        original = _writer.create_temporary_file

        def scratch_file(suffix: str = "") -> str:
            handle, name = tempfile.mkstemp(suffix=suffix, prefix="sheet.", dir=folder)
            os.close(handle)
            _writer.ALL_TEMP_FILES.append(name)
            return name

        _writer.create_temporary_file = scratch_file
        try:
            yield
        finally:
            _writer.create_temporary_file = original


def _disk_full_text(folder: Path) -> str:
    return _(
        "The disk is full: the workbook could not be written to {folder}, and nothing "
        "was left half-written there. Free some space or choose a folder on another "
        "disk."
    ).format(folder=folder)


def _text_cell(sheet: Any, value: str, font: Font | None = None) -> Any:
    # openpyxl refuses control characters that XML cannot hold; they are invisible anyway.
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", neutralise(value)))
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell


def write_json(rows: Iterable[Mapping[str, object]], stream: IO[bytes] | IO[str]) -> int:
    """Write rows as a UTF-8 JSON array, one case per line, for other programs to read."""
    write = _byte_writer(stream)
    count = 0
    write("[")
    for row in rows:
        write(",\n" if count else "\n")
        write(json.dumps(dict(row), ensure_ascii=False, default=str))
        count += 1
    write("\n]\n")
    return count


class _Sink:
    """The file-like face csv.writer needs, passing text on to a byte writer."""

    def __init__(self, write: Callable[[str], object]) -> None:
        self.write = write


def _byte_writer(stream: IO[bytes] | IO[str]) -> Callable[[str], object]:
    if isinstance(stream, io.TextIOBase):
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            return cast(IO[str], stream).write
        stream.flush()
        binary = cast(IO[bytes], buffer)
    else:
        binary = cast(IO[bytes], stream)
    return lambda text: binary.write(text.encode("utf-8"))
