"""``completion``: shell completion for bash, zsh and fish, generated from the parser itself.

Generated (with ``shtab``) rather than written by hand, so a new command or option completes
the day it is added; a test checks every command appears in each script.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from grievance_desk.messages import _

SHELLS = ("bash", "zsh", "fish")

_INSTALL = {
    "bash": "grievance-desk completion bash > ~/.local/share/bash-completion/completions/"
    "grievance-desk",
    "zsh": "grievance-desk completion zsh > ~/.zfunc/_grievance-desk",
    "fish": "grievance-desk completion fish > ~/.config/fish/completions/grievance-desk.fish",
}


def _install_lines() -> str:
    lines = dict(_INSTALL)
    # The folder must be on zsh's function path.
    lines["zsh"] += "  " + _("(with fpath+=~/.zfunc before compinit)")
    return "\n  ".join(lines.values())


def completion_script(shell: str) -> str:
    """The completion script for ``shell``, from the full parser of every command."""
    import shtab

    from grievance_desk.cli import build_parser

    script: str = shtab.complete(build_parser(), shell=shell)
    return script


def _completion(args: argparse.Namespace) -> int:
    sys.stdout.write(completion_script(args.shell))
    return 0


def add_parsers(subparsers: Any) -> None:
    completion = subparsers.add_parser(
        "completion",
        help=_("print a shell completion script (bash, zsh or fish)"),
        description=_("Print the completion script for your shell. Install it with:")
        + "\n  "
        + _install_lines(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    completion.add_argument("shell", choices=SHELLS, help=_("bash, zsh or fish"))
    completion.set_defaults(func=_completion)
