"""Entry point of the frozen app: no arguments opens the window, arguments run the CLI.

Why a launcher and not ``grievance_desk/__main__.py``: an officer starts the app by
double-clicking it, which passes no arguments, and the CLI alone would only print its help.
Typed commands (``grievance-desk verify``) still behave exactly as the pip-installed command.
"""

from __future__ import annotations

import sys


def main() -> int:
    # Old macOS Finder launches add a process serial number; it is not an argument of ours.
    args = [arg for arg in sys.argv[1:] if not arg.startswith("-psn_")]
    from grievance_desk.cli import main as cli_main

    return cli_main(args or ["gui"])


if __name__ == "__main__":
    raise SystemExit(main())
