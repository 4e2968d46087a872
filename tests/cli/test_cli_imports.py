"""``main`` imports only the chosen command's module, and that gives the same parse.

``grievance-desk gui`` is how the officer starts the app; importing every other command's
services first (SQLAlchemy, Alembic, openpyxl, reportlab) used to cost over a second.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from grievance_desk.cli import COMMAND_MODULES, build_parser, command_parser

ROOT = Path(__file__).resolve().parents[2]


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no sub-commands")


def test_every_command_is_in_the_table() -> None:
    assert set(_subcommands(build_parser())) == set(COMMAND_MODULES)


@pytest.mark.parametrize("command", sorted(COMMAND_MODULES))
def test_the_narrow_parser_parses_like_the_full_one(command: str) -> None:
    full = _subcommands(build_parser())[command]
    narrow = _subcommands(command_parser(command))[command]
    assert narrow.format_help() == full.format_help()


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after ``code`` (which prints them as JSON last)."""
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_gui_imports_no_services() -> None:
    code = (
        "import json, sys\n"
        "from grievance_desk.cli import command_parser\n"
        "command_parser('gui').parse_args(['gui', '--register', 'x.db'])\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    modules = _modules_after(code)
    # The light seam modules ui/ and cli/ reach storage through may load; no service may.
    light = {"grievance_desk.services", "grievance_desk.services.errors"}
    heavy = sorted(
        m
        for m in modules - light
        if m.split(".")[0] in {"sqlalchemy", "sqlmodel", "alembic", "reportlab", "openpyxl"}
        or m.startswith(("grievance_desk.services", "grievance_desk.storage.register"))
    )
    assert not heavy


def test_version_imports_no_command() -> None:
    """Packaging scripts and support ask for the version often: it answers at once."""
    code = (
        "import json, sys\n"
        "from grievance_desk.cli import main\n"
        "assert main(['--version']) == 0\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    modules = _modules_after(code)
    commands = [m for m in modules if m.startswith("grievance_desk.cli.") or m == "sqlalchemy"]
    assert commands == ["grievance_desk.cli.exit_codes"]  # a table of numbers, no command
