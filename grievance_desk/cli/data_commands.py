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
from grievance_desk.messages import _, ngettext
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
            _(
                "{name} is not a CSV, Unicode Text or XLSX file. Save the spreadsheet as "
                ".xlsx or as CSV UTF-8 and import that."
            ).format(name=source.name)
        )
    if not source.exists():
        raise UserError(_("There is no file {path}. Check the path.").format(path=source))
    with opened_register(args) as register, progress_bar(_("Importing")) as progress:
        try:
            report = import_file(
                register, source, now=utc_now(), skip_invalid=args.skip_invalid, progress=progress
            )
        except (HeaderError, SpreadsheetError) as error:
            raise UserError(f"{source.name}: {error}") from error
    print(
        ngettext(
            "Imported {imported} of {rows} row from {name}.",
            "Imported {imported} of {rows} rows from {name}.",
            report.rows,
        ).format(imported=f"{report.imported:,}", rows=f"{report.rows:,}", name=source.name)
    )
    if report.ignored_columns:
        print(
            _("Ignored columns (not recognised): {columns}").format(
                columns=", ".join(report.ignored_columns)
            )
        )
    if report.problems:
        skipped = len(report.bad_lines)
        print(
            ngettext(
                "Skipped {count} row with problems:", "Skipped {count} rows with problems:", skipped
            ).format(count=skipped)
        )
        for line in report.problem_lines():
            print(f"  {line}")
    return 0


def _export(args: argparse.Namespace) -> int:
    fmt = args.format or _format_from(args.output)
    if args.output is None and fmt == "xlsx" and sys.stdout.isatty():
        raise UserError(
            _("An XLSX workbook cannot be shown in a terminal: add --output FILE.xlsx.")
        )
    output: Path | None = args.output.expanduser() if args.output is not None else None
    if output is not None:
        require_regular_or_absent(output, _("an export file"))
    warn(_("the exported file is NOT encrypted. Keep it safe and delete it when done."))
    with opened_register(args) as register, progress_bar(_("Exporting")) as progress:
        rows = _with_fault_points(export_rows(register, progress=progress))
        if output is None:
            count = _write(fmt, rows, sys.stdout.buffer, None)
        else:
            # A scratch file beside the output, renamed in only when complete: a crash or a
            # full disk never leaves a cut-short export under the final name.
            try:
                with atomic_output(output, _("the export"), fault_prefix="export") as stream:
                    count = _write(fmt, rows, stream, output)
            except SpreadsheetError as error:
                raise UserError(str(error)) from error
    if output is not None:
        print(
            ngettext(
                "Exported {count} case to {path}.", "Exported {count} cases to {path}.", count
            ).format(count=f"{count:,}", path=output),
            file=sys.stderr,
        )
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
    print(
        ngettext(
            "Created a demo register with {count} fictitious case: {path}",
            "Created a demo register with {count} fictitious cases: {path}",
            args.cases,
        ).format(count=args.cases, path=path)
    )
    print(_("Recovery key (demo only): {key}").format(key=recovery_key))
    print(_("Try it: grievance-desk export --register {path} --format csv").format(path=path))
    return 0


def add_parsers(subparsers: Any) -> None:
    """Register this module's commands on the main parser."""
    common = register_options()

    importer = subparsers.add_parser(
        "import", parents=[common], help=_("bring in an existing CSV or XLSX register")
    )
    importer.add_argument(
        "file", type=Path, help=_("the .csv, .txt (Excel Unicode Text) or .xlsx file")
    )
    importer.add_argument(
        "--skip-invalid",
        action="store_true",
        help=_(
            "import the good rows and report the bad ones (default: import nothing if any "
            "row is bad)"
        ),
    )
    importer.set_defaults(func=_import)

    exporter = subparsers.add_parser(
        "export", parents=[common], help=_("write every case to CSV, JSON or XLSX (unencrypted)")
    )
    exporter.add_argument(
        "--format",
        choices=("csv", "json", "xlsx"),
        help=_("default: from the --output suffix, else csv"),
    )
    exporter.add_argument(
        "--output", type=Path, metavar="FILE", help=_("write here instead of standard output")
    )
    exporter.set_defaults(func=_export)

    demo = subparsers.add_parser(
        "demo", parents=[common], help=_("create a register of fictitious cases to try the app")
    )
    demo.add_argument("path", type=Path, help=_("where to create the demo register (a new file)"))
    demo.add_argument("--cases", type=int, default=150, help=_("how many cases (default 150)"))
    demo.set_defaults(func=_demo)
