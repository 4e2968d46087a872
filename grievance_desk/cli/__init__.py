"""The ``grievance-desk`` command: the same services as the app, from a terminal.

Each ``*_commands`` module registers its sub-commands with ``add_parsers``; this module only
builds the parser, runs the chosen handler and turns expected errors into one-line messages
and the exit codes of ``exit_codes`` (one per cause, so scripts can branch on them). Every text
for a person is in the language the terminal asks for (``language.speak_the_terminals_language``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from grievance_desk import __version__
from grievance_desk.cli.exit_codes import ExitCode, code_for, help_table
from grievance_desk.messages import _

if TYPE_CHECKING:
    from grievance_desk.domain.policy import Policy

_PROG = "grievance-desk"  # a name, never translated

#: The command modules, in the order their commands appear in ``--help``.
MODULE_ORDER = (
    "app_commands",
    "register_commands",
    "data_commands",
    "due_commands",
    "letter_commands",
    "report_commands",
    "trust_commands",
    "evidence_commands",
    "deadline_commands",
    "settings_commands",
    "completion_commands",
)

#: Which module defines each command. ``main`` imports only that module, so ``grievance-desk
#: gui`` (how the officer starts the app) does not import every other command's services
#: (SQLAlchemy, Alembic, openpyxl, reportlab: over a second before the window could show).
#: tests/cli/test_cli_imports.py checks this table against the full parser.
COMMAND_MODULES: dict[str, str] = {
    "gui": "app_commands",
    **dict.fromkeys(
        ("init", "backup", "restore", "key", "rotate-key", "new-recovery-key", "passwd"),
        "register_commands",
    ),
    **dict.fromkeys(("import", "export", "demo"), "data_commands"),
    **dict.fromkeys(("due", "calendar", "extend"), "due_commands"),
    **dict.fromkeys(("letter", "templates"), "letter_commands"),
    "report": "report_commands",
    **dict.fromkeys(
        ("verify", "repair", "purge", "hold", "destroy-id-docs", "backups"),
        "trust_commands",
    ),
    **dict.fromkeys(("evidence", "verify-bundle", "fingerprint"), "evidence_commands"),
    **dict.fromkeys(("deadline", "policies"), "deadline_commands"),
    "settings": "settings_commands",
    "completion": "completion_commands",
}


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"grievance_desk.cli.{name}")


def _command_modules() -> list[ModuleType]:
    """Every module but ``deadline_commands`` (it is wired with an extra hook)."""
    return [_module(name) for name in MODULE_ORDER if name != "deadline_commands"]


def _own_policies() -> list[Policy]:
    """The register's own policies for ``policies``; imports the register code only if run."""
    from grievance_desk.cli.due_commands import own_policies_from_default_register

    return own_policies_from_default_register()


def _new_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction[Any]]:
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description=_(
            "Grievance Desk: an encrypted, offline register of complaints and "
            "data-subject rights requests. With no command, the desktop app starts."
        ),
        epilog=help_table(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        # Python 3.11 and 3.12 leave argparse's own help of --version untranslated.
        help=_("show program's version number and exit"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser, subparsers


def _add_deadline_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    from grievance_desk.cli import deadline_commands

    deadline_commands.add_parsers(subparsers, own_policies=_own_policies)


def build_parser() -> argparse.ArgumentParser:
    """The full parser; tests and the help text use it too."""
    parser, subparsers = _new_parser()
    for module in _command_modules():
        module.add_parsers(subparsers)
    _add_deadline_commands(subparsers)
    return parser


def command_parser(command: str) -> argparse.ArgumentParser:
    """A parser with only ``command``'s module: parses that command exactly as the full one."""
    name = COMMAND_MODULES[command]
    parser, subparsers = _new_parser()
    if name == "deadline_commands":
        _add_deadline_commands(subparsers)
    else:
        _module(name).add_parsers(subparsers)
    return parser


def _expected_errors() -> tuple[type[BaseException], ...]:
    from grievance_desk.cli.common import UserError
    from grievance_desk.domain.case_record import InvalidCase
    from grievance_desk.domain.workflow import TransitionError
    from grievance_desk.services.errors import RegisterError

    return (UserError, RegisterError, InvalidCase, TransitionError, OSError)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and of ``python -m grievance_desk``."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    first = arguments[0] if arguments else ""
    if arguments == ["--version"]:
        # Packaging scripts and support ask this often; no command's imports needed.
        print(f"{_PROG} {__version__}")
        return ExitCode.OK
    # Imported here: `--version` above answers without it (test_cli_imports.py).
    from grievance_desk.cli.language import speak_the_terminals_language, tell

    speak_the_terminals_language()
    if not arguments or all(argument in _GUI_OPTIONS for argument in arguments[::2]):
        # As `anki`, `calibre` and `vorta` do: the bare command opens the window.
        arguments = ["gui", *arguments]
        first = "gui"
    parser = command_parser(first) if first in COMMAND_MODULES else build_parser()
    args = parser.parse_args(arguments)
    handler = getattr(args, "func", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        result: int = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler's error handling
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: it has what it wanted. Quiet, like `cat`.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.OK
    except _expected_errors() as error:
        message = str(error) if not isinstance(error, OSError) else _os_message(error)
        tell(message)
        return code_for(error)
    except KeyboardInterrupt:
        tell(_("interrupted; nothing half-written was kept."))
        return ExitCode.INTERRUPTED
    except Exception as error:
        from grievance_desk.services.errors import database_failure_text

        failure = database_failure_text(error)  # disk full, read-only, damaged pages
        if failure is None:
            raise
        tell(failure)
        return ExitCode.PROBLEM
    return result


def gui_main() -> int:
    """Entry point of the ``gui-scripts`` launcher: the window, never a console."""
    return main(["gui", *sys.argv[1:]])


#: Options that ``grievance-desk`` with no command passes on to ``gui``, each with its value.
_GUI_OPTIONS = ("--register",)


def _os_message(error: OSError) -> str:
    problem = error.strerror or str(error)
    if error.filename:
        return _("{problem} ({path}). Check the path and its permissions.").format(
            problem=problem, path=error.filename
        )
    return _("{problem}. Check the path and its permissions.").format(problem=problem)
