"""The ``report`` command: the monthly or yearly summary as PDF, CSV, XLSX or JSON."""

from __future__ import annotations

import argparse
import io
import sys
from datetime import date
from pathlib import Path
from typing import Any

from grievance_desk.cli.common import UserError, opened_register, register_options
from grievance_desk.cli.progress import progress_bar
from grievance_desk.domain.report_period import PeriodError, parse_month
from grievance_desk.messages import _
from grievance_desk.services.clock import utc_now
from grievance_desk.services.file_writing import (
    atomic_output,
    fault_point,
    require_regular_or_absent,
)
from grievance_desk.services.report_export import FORMATS, ReportFormat, export_report
from grievance_desk.services.reports import monthly_report
from grievance_desk.services.spreadsheet_io import openpyxl_scratch_beside

_BINARY: frozenset[str] = frozenset({"pdf", "xlsx"})


def month_argument(text: str) -> date:
    """``--month`` as the first day of that month; bad text names the format YYYY-MM."""
    try:
        year, month = parse_month(text)
    except PeriodError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return date(year, month, 1)


def year_argument(text: str) -> int:
    """``--year`` as a four-digit year."""
    if len(text.strip()) != 4 or not text.strip().isdigit():
        raise argparse.ArgumentTypeError(
            _("{text} is not a year; give it as YYYY, for example 2026.").format(text=repr(text))
        )
    return int(text)


def _format_of(args: argparse.Namespace) -> ReportFormat:
    if args.format:
        chosen: ReportFormat = args.format
        return chosen
    output: Path | None = args.output
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    for fmt in FORMATS:
        if suffix == fmt:
            return fmt
    return "json"


def _report(args: argparse.Namespace) -> int:
    fmt = _format_of(args)
    if args.output is None and fmt in _BINARY and sys.stdout.isatty():
        raise UserError(
            _(
                "A {format} report cannot be shown in a terminal: add --output FILE.{suffix}."
            ).format(format=fmt.upper(), suffix=fmt)
        )
    if args.output is not None:
        require_regular_or_absent(args.output.expanduser(), _("a report file"))
    with opened_register(args) as register, progress_bar(_("Building the report")) as progress:
        try:
            report = monthly_report(
                register, month=args.month, year=args.year, now=utc_now(), progress=progress
            )
        except PeriodError as error:
            raise UserError(str(error)) from None
    output: Path | None = args.output.expanduser() if args.output is not None else None
    # openpyxl streams sheets through scratch files: beside the output, never the temp folder.
    with openpyxl_scratch_beside(output if output is not None else io.BytesIO()):
        data = export_report(report, fmt, bom=output is not None)
    fault_point("report.built")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    # Written whole under a scratch name and renamed in: never a cut-short report.
    with atomic_output(output, _("the report"), fault_prefix="report") as stream:
        stream.write(data)
    print(
        _("Wrote the {period} summary ({format}) to {path}.").format(
            period=report.period.label, format=fmt, path=output
        ),
        file=sys.stderr,
    )
    return 0


def add_parsers(subparsers: Any) -> None:
    """Register the ``report`` command on the main parser."""
    parser = subparsers.add_parser(
        "report",
        parents=[register_options()],
        help=_("the monthly (or yearly) summary of complaints and requests"),
        description=_(
            "The summary management receives: counts, on-time rates, days to respond, "
            "ageing and a 12-month trend. Cases appear by reference only. Without --month or "
            "--year, the last complete month."
        ),
    )
    period = parser.add_mutually_exclusive_group()
    period.add_argument(
        "--month", type=month_argument, metavar="YYYY-MM", help=_("a calendar month, e.g. 2026-10")
    )
    period.add_argument("--year", type=year_argument, metavar="YYYY", help=_("a calendar year"))
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help=_("pdf, csv, xlsx or json (default: from the --output suffix, else json)"),
    )
    parser.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help=_("write here (needed for pdf and xlsx unless standard output is redirected)"),
    )
    parser.set_defaults(func=_report)
