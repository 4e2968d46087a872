"""A writer process for the crash-safety test: registers cases until it is killed.

Prints each reference only after ``register_case`` has returned (its commit is done), so the
test knows which cases must survive a SIGKILL.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from grievance_desk.services.cases import register_case
from grievance_desk.storage.register import Register, Unlock
from tests.support.drafts import make_draft

ROOT = Path(__file__).resolve().parents[2]


def spawn(path: Path, passphrase: str) -> subprocess.Popen[str]:
    """Start this writer in its own process on ``path``; it prints each committed reference."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.storage.crash_writer", str(path), passphrase],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def main(path: str, passphrase: str) -> None:
    register = Register.open(Path(path), Unlock(passphrase=passphrase))
    start = datetime(2026, 11, 21, tzinfo=UTC)  # after make_draft's received date
    index = 0
    while True:
        index += 1
        draft = make_draft(description=f"Crash test case {index} " + "x" * 2000)
        reference = register_case(register, draft, now=start + timedelta(seconds=index))
        print(reference, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
