"""A report in the formats it leaves the app in: JSON (stable keys, for automation), a tidy
CSV table, an XLSX workbook and the PDF, all from the same `Report`, so they never disagree.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from typing import IO, Any, Literal

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from grievance_desk.domain.report_model import Figure, Report
from grievance_desk.messages import _
from grievance_desk.services.spreadsheet_io import neutralise, openpyxl_scratch_beside, write_csv

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "JSON_SCHEMA",
    "ReportFormat",
    "export_report",
    "report_csv_rows",
    "report_json",
    "write_report_csv",
    "write_report_xlsx",
]

ReportFormat = Literal["pdf", "csv", "xlsx", "json"]
FORMATS: tuple[ReportFormat, ...] = ("pdf", "csv", "xlsx", "json")
CSV_COLUMNS = ("period", "measure", "dimension", "value")
JSON_SCHEMA = "grievance-desk/report/1"

#: One encoder for every one-line part (json.dumps with options builds one per call).
_ONE_LINE = json.JSONEncoder(ensure_ascii=False)


# --------------------------------------------------------------------------- JSON


def _figure_json(figure: Figure) -> dict[str, Any]:
    return {
        "key": figure.key,
        "label": figure.label,
        "value": figure.value,
        "unit": figure.unit,
        "count": figure.count,
        "of": figure.of,
        "share": figure.share,
        "drill_down": figure.drill_down,
        "references": list(figure.references),
    }


def report_json(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data with stable keys, for automation and the XLSX test.

    Figures are keyed by their stable key; shares are percentages with one decimal; times
    are ISO 8601 in the officer's zone.
    """
    tz = report.period.tz
    return {
        "schema": JSON_SCHEMA,
        "organisation": report.organisation,
        "period": {
            "key": report.period.key,
            "label": report.period.label,
            "first_day": report.period.first_day.isoformat(),
            "last_day": report.period.last_day.isoformat(),
            "time_zone": str(tz),
        },
        "generated_at": report.generated_at.astimezone(tz).isoformat(),
        "as_at": report.as_at.astimezone(tz).isoformat(),
        "complete": report.complete,
        "headline": {f.key: _figure_json(f) for f in report.headline},
        "days_to_respond": {f.key: _figure_json(f) for f in report.days_to_respond},
        "breakdowns": {
            b.key: {
                "label": b.label,
                "dimension": b.dimension,
                "total": b.total,
                "rows": [{**_figure_json(f), "code": f.key.split(".", 1)[1]} for f in b.rows],
            }
            for b in report.breakdowns
        },
        "ageing": {f.key: _figure_json(f) for f in report.ageing},
        "trend": [
            {
                "period": p.period_key,
                "label": p.label,
                "received": _figure_json(p.received),
                "closed": _figure_json(p.closed),
                "on_time": _figure_json(p.on_time),
            }
            for p in report.trend
        ],
        "cases": [dict(vars(row)) for row in report.cases],
        "definitions": [{"term": d.term, "text": d.text} for d in report.definitions],
    }


def _readable_json(value: Any, depth: int = 0) -> str:
    """Indented JSON where a list of plain values, or an object of them (a case row), takes
    one line.

    ``json.dumps(indent=…)`` runs Python's pure encoder (~150 ms for a report of 6,000
    cases and their reference lists); each one-line part here goes through the C encoder,
    and a line per case also reads and diffs well.
    """
    # The report's lists hold one kind of item: the first one tells (any choice is valid JSON).
    nested = (
        any(isinstance(child, dict | list) for child in value.values())
        if isinstance(value, dict)
        else isinstance(value, list) and bool(value) and isinstance(value[0], dict | list)
    )
    if not nested:
        return _ONE_LINE.encode(value)
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict):
        items = [
            f"{inner}{_ONE_LINE.encode(key)}: {_readable_json(child, depth + 1)}"
            for key, child in value.items()
        ]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    items = [f"{inner}{_readable_json(child, depth + 1)}" for child in value]
    return "[\n" + ",\n".join(items) + f"\n{pad}]"


# --------------------------------------------------------------------------- CSV


def report_csv_rows(report: Report) -> list[dict[str, object]]:
    """One tidy table: (period, measure, dimension, value), one number per row.

    Counts are "measure"; shares are "measure.share" (percent); on-time figures give
    ".count" and ".of" too. Breakdowns and ageing put the category code in "dimension"; the
    trend's rows carry their own month in "period". An empty value means "nothing to measure".
    """
    key = report.period.key
    rows: list[dict[str, object]] = []

    def add(period: str, measure: str, dimension: str, value: object) -> None:
        rows.append({"period": period, "measure": measure, "dimension": dimension, "value": value})

    for figure in (*report.headline, *report.days_to_respond):
        add(key, figure.key, "", figure.value)
        if figure.unit == "%":
            add(key, f"{figure.key}.count", "", figure.count)
            add(key, f"{figure.key}.of", "", figure.of)
    for breakdown in report.breakdowns:
        for figure in breakdown.rows:
            code = figure.key.split(".", 1)[1]
            add(key, breakdown.key, code, figure.count)
            add(key, f"{breakdown.key}.share", code, figure.share)
    for figure in report.ageing:
        add(key, "ageing", figure.key.split(".", 1)[1], figure.count)
    for point in report.trend:
        add(point.period_key, "received", "", point.received.value)
        add(point.period_key, "closed", "", point.closed.value)
        add(point.period_key, "on_time_response", "", point.on_time.value)
    return rows


def write_report_csv(report: Report, stream: IO[bytes] | IO[str], *, bom: bool = True) -> int:
    """Write the tidy table as CSV (UTF-8, with a BOM for Excel unless piped; CRLF;
    formula-safe); returns the row count."""
    return write_csv(report_csv_rows(report), CSV_COLUMNS, stream, bom=bom)


# --------------------------------------------------------------------------- XLSX


def _cell(sheet: Any, value: object, bold: bool = False) -> Any:
    if isinstance(value, str):
        value = neutralise(value)
    cell = WriteOnlyCell(sheet, value=value)
    if bold:
        cell.font = Font(bold=True)
    return cell


def _sheet(book: Any, title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(name) + 4)
    sheet.append([_cell(sheet, name, bold=True) for name in header])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])


_FIGURE_HEADER = ("key", "figure", "value", "unit", "count", "of", "share %", "cases")


def _figure_row(figure: Figure) -> list[object]:
    return [
        figure.key,
        figure.label,
        figure.value,
        figure.unit,
        figure.count,
        figure.of,
        figure.share,
        " ".join(figure.references),
    ]


def write_report_xlsx(report: Report, target: IO[bytes]) -> None:
    """A workbook: Summary, one sheet per breakdown, Ageing, Trend, Cases, Definitions.

    Numbers are numbers (so the officer can chart them); text cells are formula-safe.
    """
    tz = report.period.tz
    book = openpyxl.Workbook(write_only=True)
    meta: list[list[object]] = [
        ["organisation", "Organisation", report.organisation],
        ["period", "Period", report.period.label],
        ["time_zone", "Time zone", str(tz)],
        ["generated_at", "Generated", report.generated_at.astimezone(tz).isoformat()],
        ["as_at", "Statuses as at", report.as_at.astimezone(tz).isoformat()],
    ]
    _sheet(
        book,
        "Summary",
        _FIGURE_HEADER,
        [
            *([*m, None, None, None, None, ""] for m in meta),
            *(_figure_row(f) for f in (*report.headline, *report.days_to_respond)),
        ],
    )
    for breakdown in report.breakdowns:
        _sheet(
            book,
            breakdown.label[:31],
            ("code", breakdown.dimension, "count", "share %", "cases"),
            (
                [f.key.split(".", 1)[1], f.label, f.count, f.share, " ".join(f.references)]
                for f in breakdown.rows
            ),
        )
    _sheet(
        book,
        "Ageing",
        ("code", "age", "count", "share %", "cases"),
        (
            [f.key.split(".", 1)[1], f.label, f.count, f.share, " ".join(f.references)]
            for f in report.ageing
        ),
    )
    _sheet(
        book,
        "Trend",
        ("month", "label", "received", "closed", "on-time %", "on time", "closed with deadline"),
        (
            [
                p.period_key,
                p.label,
                p.received.value,
                p.closed.value,
                p.on_time.value,
                p.on_time.count,
                p.on_time.of,
            ]
            for p in report.trend
        ),
    )
    columns = list(vars(report.cases[0])) if report.cases else ["reference"]
    _sheet(
        book,
        "Cases",
        columns,
        ([getattr(row, c) for c in columns] for row in report.cases),
    )
    _sheet(
        book, "Definitions", ("term", "definition"), ([d.term, d.text] for d in report.definitions)
    )
    book.save(target)


# --------------------------------------------------------------------------- any format


def export_report(report: Report, fmt: ReportFormat, *, bom: bool = True) -> bytes:
    """The report in one format as bytes, for the CLI and the Reports page's export buttons.

    ``bom=False`` for CSV written to a pipe: tools reading standard output want plain UTF-8.
    """
    buffer = io.BytesIO()
    if fmt == "pdf":
        from grievance_desk.documents.report_pdf import render_report_pdf

        pdf: bytes = render_report_pdf(report)
        return pdf
    if fmt == "csv":
        write_report_csv(report, buffer, bom=bom)
    elif fmt == "xlsx":
        # openpyxl streams each sheet through a scratch file: a tracked private folder, swept
        # after a crash, never bare in the temp folder.
        with openpyxl_scratch_beside(buffer):
            write_report_xlsx(report, buffer)
    elif fmt == "json":
        buffer.write(_readable_json(report_json(report)).encode("utf-8") + b"\n")
    else:
        raise ValueError(
            _("unknown report format {fmt}; use one of {names}").format(
                fmt=repr(fmt), names=", ".join(FORMATS)
            )
        )
    return buffer.getvalue()
