"""The ``grievance-desk`` command: the same services as the app, from a terminal.

Each ``*_commands`` module registers its sub-commands with ``add_parsers``; this module only
builds the parser, runs the chosen handler and turns expected errors into exit codes
(0 ok, 1 user error, 2 usage).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from grievance_desk import __version__


def _command_modules() -> list[ModuleType]:
    from grievance_desk.cli import deadline_commands

    return [deadline_commands]


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and of ``python -m grievance_desk``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "func", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    result: int = handler(args)
    return result
