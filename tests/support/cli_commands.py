"""Run one command group's parsers in-process, on a register closed with one case in it.

The trust and evidence command tests drive their group the same way: parse, dispatch, and
a register whose case is closed and past retention, unlocked by the passphrase variable.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from types import ModuleType

import pytest

from grievance_desk.cli import common
from grievance_desk.storage.register import Register
from tests.conftest import PASSPHRASE
from tests.services.test_retention import LATER, closed_case, settle


def run_group(commands: ModuleType, *argv: str) -> int:
    """Parse ``argv`` with ``commands.add_parsers`` and run the chosen handler."""
    parser = argparse.ArgumentParser(prog="grievance-desk")
    commands.add_parsers(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    result: int = args.func(args)
    return result


def closed_register(
    register: Register, monkeypatch: pytest.MonkeyPatch, commands: ModuleType
) -> tuple[Path, str]:
    """The register's path and its one closed case, with the group's clock at LATER."""
    settle(register)
    reference = closed_case(register)
    path = register.path
    register.close()
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(commands, "utc_now", lambda: LATER)
    monkeypatch.setattr(common, "_stdin_secret", None)
    return path, reference
