"""``gui``: start the desktop app (the composition root does the work)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from grievance_desk.cli.common import register_options
from grievance_desk.messages import _


def _gui(args: argparse.Namespace) -> int:
    from grievance_desk import messages
    from grievance_desk.app import run_gui

    # The window speaks the language of its Settings (ui/main.py sets messages to it when it
    # is not English), not the terminal's that `main` chose for the command line.
    messages.use_language(messages.SOURCE_LANGUAGE)
    return run_gui(args.register, smoke_test=args.smoke_test)


def add_parsers(subparsers: Any) -> None:
    gui = subparsers.add_parser(
        "gui", parents=[register_options()], help=_("start the desktop app")
    )
    gui.add_argument(
        "--smoke-test",
        metavar="DIR",
        type=Path,
        help=_(
            "for build checks: create or unlock the register without input (passphrase from "
            "GRIEVANCE_DESK_PASSPHRASE), save screenshots to DIR, then quit; exit 0 if all "
            "went well"
        ),
    )
    gui.set_defaults(func=_gui)
