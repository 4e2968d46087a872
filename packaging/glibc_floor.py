"""The oldest glibc a frozen Linux build runs on: the highest GLIBC_x.y any bundled ELF needs.

A one-folder build carries its own Python and Qt, but not the C library: it runs only where
the system glibc is at least as new as the newest symbol version any bundled file asks for.
``build.py`` prints this floor and writes it into the bundle (BUILD-INFO.txt); the release
workflow builds on Debian 11 and refuses a floor above the one the README promises.

    python packaging/glibc_floor.py FOLDER [--max 2.31]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

_ELF = b"\x7fELF"
_VERSION = re.compile(rb"GLIBC_(\d+)\.(\d+)(?:\.(\d+))?\x00")


def needed_versions(path: Path) -> set[tuple[int, int]]:
    """GLIBC versions named in one file's dynamic string table (empty for a non-ELF file)."""
    try:
        with path.open("rb") as handle:
            if handle.read(4) != _ELF:
                return set()
            data = handle.read()
    except OSError:
        return set()
    return {(int(major), int(minor)) for major, minor, _ in _VERSION.findall(data)}


def floor(folder: Path) -> tuple[tuple[int, int], Path | None]:
    """The highest version needed anywhere under ``folder`` and the file that needs it."""
    highest: tuple[int, int] = (0, 0)
    culprit: Path | None = None
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            for version in needed_versions(path):
                if version > highest:
                    highest, culprit = version, path
    return highest, culprit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--max", help="fail when the floor is newer than this, e.g. 2.31")
    args = parser.parse_args(argv)
    (major, minor), culprit = floor(args.folder)
    print(f"glibc floor: {major}.{minor} (set by {culprit})")
    if args.max:
        limit = tuple(int(part) for part in args.max.split("."))
        if (major, minor) > limit:
            print(f"newer than the promised {args.max}: build on an older system", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
