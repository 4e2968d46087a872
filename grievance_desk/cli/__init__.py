"""The ``grievance-desk`` command: the same services as the app, from a terminal.

Each ``*_commands`` module registers its sub-commands with ``add_parsers``; this module only
builds the parser, runs the chosen handler and turns expected errors into one-line messages
and exit codes: 0 ok, 1 a problem the user can fix, 2 a usage mistake.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from grievance_desk import __version__


def _command_modules() -> list[ModuleType]:
    from grievance_desk.cli import (
        app_commands,
        data_commands,
        due_commands,
        letter_commands,
        register_commands,
        report_commands,
        trust_commands,
    )

    return [
        app_commands,
        register_commands,
        data_commands,
        due_commands,
        letter_commands,
        report_commands,
        trust_commands,
    ]


def build_parser() -> argparse.ArgumentParser:
    """The full parser; tests and the help text use it too."""
    parser = argparse.ArgumentParser(
        prog="grievance-desk",
        description="Grievance Desk: an encrypted, offline register of complaints and "
        "data-subject rights requests.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.add_parsers(subparsers)
    from grievance_desk.cli import deadline_commands, due_commands

    deadline_commands.add_parsers(
        subparsers, own_policies=due_commands.own_policies_from_default_register
    )
    return parser


def _expected_errors() -> tuple[type[BaseException], ...]:
    from grievance_desk.cli.common import UserError
    from grievance_desk.domain.case_record import InvalidCase
    from grievance_desk.domain.workflow import TransitionError
    from grievance_desk.storage.errors import RegisterError

    return (UserError, RegisterError, InvalidCase, TransitionError, OSError)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and of ``python -m grievance_desk``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "func", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        result: int = handler(args)
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; say nothing more on a closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except _expected_errors() as error:
        message = str(error) if not isinstance(error, OSError) else _os_message(error)
        print(f"grievance-desk: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("grievance-desk: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    return result


def _os_message(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}. Check the path and its permissions."
