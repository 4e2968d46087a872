"""Measure what `pip install .` puts on a user's disk, per distribution (issue 15, footprint).

    python3.12 packaging/footprint.py            # fresh venv in a temp folder, then the table
    python3.12 packaging/footprint.py --extra outlook

The venv is made without pip, as pipx makes an application's venv, so the figure is the app
and what it pulls in, not the installer. Each distribution counts the files its RECORD lists
plus the bytecode Python compiled for them; the total on disk (``du``, with block rounding)
is printed too. Run it with the Python whose footprint you want: the target is on 3.12+.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs inside the measured venv: sizes per distribution, largest first, as "MiB<TAB>name version".
_MEASURE = r"""
import importlib.metadata as md
from pathlib import Path
rows = []
for dist in md.distributions():
    seen, total = set(), 0
    for entry in dist.files or []:
        path = Path(dist.locate_file(entry)).resolve()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        total += path.stat().st_size
        if path.suffix == ".py":
            for compiled in (path.parent / "__pycache__").glob(path.stem + ".*.pyc"):
                if compiled not in seen:
                    seen.add(compiled)
                    total += compiled.stat().st_size
    rows.append((total, f"{dist.metadata['Name']} {dist.version}"))
for total, name in sorted(rows, reverse=True):
    print(f"{total / 2**20:.1f}\t{name}")
"""


def _du_mib(folder: Path) -> int:
    done = subprocess.run(["du", "-sm", str(folder)], capture_output=True, text=True, check=True)  # noqa: S603, S607
    return int(done.stdout.split()[0])


def main(argv: list[str] | None = None) -> int:
    """Install the project into a pip-less venv and print its size by distribution."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--extra", action="append", default=[], help="an optional extra, e.g. outlook"
    )
    args = parser.parse_args(argv)
    target = f"{ROOT}[{','.join(args.extra)}]" if args.extra else str(ROOT)
    with tempfile.TemporaryDirectory(prefix="gd-footprint-") as scratch:
        venv = Path(scratch) / "venv"
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)  # noqa: S603
        python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
        install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"]
        subprocess.run([*install, target], check=True)  # noqa: S603
        table = subprocess.run(  # noqa: S603
            [str(python), "-c", _MEASURE], capture_output=True, text=True, check=True
        ).stdout
        rows = [line.split("\t") for line in table.splitlines()]
        for size, name in rows:
            print(f"{float(size):8.1f} MiB  {name}")
        files = sum(float(size) for size, _name in rows)
        version = f"{sys.version_info[0]}.{sys.version_info[1]}"
        print(f"{files:8.1f} MiB  installed files (Python {version})")
        print(f"{_du_mib(venv):8d} MiB  the venv on disk (du)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
