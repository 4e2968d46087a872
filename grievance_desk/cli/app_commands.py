"""``gui``: start the desktop app (the composition root does the work)."""

from __future__ import annotations

import argparse
from typing import Any

from grievance_desk.cli.common import register_options


def _gui(args: argparse.Namespace) -> int:
    from grievance_desk.app import run_gui

    return run_gui(args.register)


def add_parsers(subparsers: Any) -> None:
    gui = subparsers.add_parser("gui", parents=[register_options()], help="start the desktop app")
    gui.set_defaults(func=_gui)
