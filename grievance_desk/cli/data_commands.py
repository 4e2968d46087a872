"""Commands that move cases in and out: import, export, demo."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from grievance_desk.app import register_opening
from grievance_desk.cli.common import (
    UserError,
    check_new_passphrase,
    opened_register,
    register_options,
    secret_from_sources,
    warn,
)
from grievance_desk.cli.progress import progress_bar
from grievance_desk.domain.row_columns import HeaderError
from grievance_desk.services.clock import utc_now
from grievance_desk.services.file_writing import (
    atomic_output,
    fault_point,
    require_regular_or_absent,
)
from grievance_desk.services.import_export import (
    EXPORT_COLUMNS,
    export_rows,
    import_file,
)
from grievance_desk.services.spreadsheet_io import (
    SUPPORTED_SUFFIXES,
    SpreadsheetError,
    write_csv,
    write_json,
    write_xlsx,
)


def _import(args: argparse.Namespace) -> int:
    source: Path = args.file.expanduser()
    if source.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UserError(
            f"{source.name} is not a CSV, Unicode Text or XLSX file. Save the spreadsheet as "
            ".xlsx or as CSV UTF-8 and import that."
        )
    if not source.exists():
        raise UserError(f"There is no file {source}. Check the path.")
    with opened_register(args) as register, progress_bar("Importing") as progress:
        try:
            report = import_file(
                register, source, now=utc_now(), skip_invalid=args.skip_invalid, progress=progress
            )
        except (HeaderError, SpreadsheetError) as error:
            raise UserError(f"{source.name}: {error}") from error
    print(f"Imported {report.imported:,} of {report.rows:,} rows from {source.name}.")
    if report.ignored_columns:
        print("Ignored columns (not recognised): " + ", ".join(report.ignored_columns))
    if report.problems:
        print(f"Skipped {len(report.bad_lines)} rows with problems:")
        for line in report.problem_lines():
            print(f"  {line}")
    return 0


def _export(args: argparse.Namespace) -> int:
    fmt = args.format or _format_from(args.output)
    if args.output is None and fmt == "xlsx" and sys.stdout.isatty():
        raise UserError("An XLSX workbook cannot be shown in a terminal: add --output FILE.xlsx.")
    output: Path | None = args.output.expanduser() if args.output is not None else None
    if output is not None:
        require_regular_or_absent(output, "an export file")
    warn("the exported file is NOT encrypted. Keep it safe and delete it when done.")
    with opened_register(args) as register, progress_bar("Exporting") as progress:
        rows = _with_fault_points(export_rows(register, progress=progress))
        if output is None:
            count = _write(fmt, rows, sys.stdout.buffer, None)
        else:
            # A scratch file beside the output, renamed in only when complete: a crash or a
            # full disk never leaves a cut-short export under the final name.
            try:
                with atomic_output(output, "the export", fault_prefix="export") as stream:
                    count = _write(fmt, rows, stream, output)
            except SpreadsheetError as error:
                raise UserError(str(error)) from error
    if output is not None:
        print(f"Exported {count:,} cases to {output}.", file=sys.stderr)
    return 0


def _with_fault_points(rows: Iterable[dict[str, str]]) -> Iterator[dict[str, str]]:
    for number, row in enumerate(rows):
        yield row
        if number == 0:
            fault_point("export.first_row")


def _write(fmt: str, rows: Iterable[dict[str, str]], stream: BinaryIO, output: Path | None) -> int:
    if fmt == "csv":
        # A file keeps the BOM Excel needs to read UTF-8; a pipe gets clean UTF-8 for tools.
        return write_csv(rows, EXPORT_COLUMNS, stream, bom=output is not None)
    if fmt == "json":
        return write_json(rows, stream)
    return write_xlsx(rows, EXPORT_COLUMNS, stream, scratch_beside=output)


def _format_from(output: Path | None) -> str:
    if output is not None and output.suffix.lower() in (".csv", ".json", ".xlsx"):
        return output.suffix.lower()[1:]
    return "csv"


def _demo(args: argparse.Namespace) -> int:
    path: Path = args.path.expanduser()
    passphrase = check_new_passphrase(secret_from_sources(args, "passphrase", confirm=True))
    register, recovery_key = register_opening().create_demo(path, passphrase, cases=args.cases)
    register.close()
    print(f"Created a demo register with {args.cases} fictitious cases: {path}")
    print(f"Recovery key (demo only): {recovery_key}")
    print(f"Try it: grievance-desk export --register {path} --format csv")
    return 0


def add_parsers(subparsers: Any) -> None:
    """Register this module's commands on the main parser."""
    common = register_options()

    importer = subparsers.add_parser(
        "import", parents=[common], help="bring in an existing CSV or XLSX register"
    )
    importer.add_argument(
        "file", type=Path, help="the .csv, .txt (Excel Unicode Text) or .xlsx file"
    )
    importer.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the good rows and report the bad ones (default: import nothing if any "
        "row is bad)",
    )
    importer.set_defaults(func=_import)

    exporter = subparsers.add_parser(
        "export", parents=[common], help="write every case to CSV, JSON or XLSX (unencrypted)"
    )
    exporter.add_argument("--format", choices=("csv", "json", "xlsx"))
    exporter.add_argument(
        "--output", type=Path, metavar="FILE", help="write here instead of standard output"
    )
    exporter.set_defaults(func=_export)

    demo = subparsers.add_parser(
        "demo", parents=[common], help="create a register of fictitious cases to try the app"
    )
    demo.add_argument("path", type=Path, help="where to create the demo register (a new file)")
    demo.add_argument("--cases", type=int, default=150, help="how many cases (default 150)")
    demo.set_defaults(func=_demo)
