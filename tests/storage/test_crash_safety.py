"""Killing a writer mid-write never costs a committed case, the file or the audit chain."""

from __future__ import annotations

import random
import signal
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from grievance_desk.services.integrity import verify_register
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import PASSPHRASE
from tests.storage import crash_writer

KILLS = 6


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_writes_loses_no_committed_case(register_path: Path) -> None:
    Register.create(register_path, PASSPHRASE)[0].close()
    committed: list[str] = []
    rng = random.Random(7)
    survived = 0
    for _ in range(KILLS):
        writer = crash_writer.spawn(register_path, PASSPHRASE)
        assert writer.stdout is not None
        # Let it commit a few cases, then kill it at a random moment mid-stream.
        first = writer.stdout.readline().strip()
        assert first, writer.stderr.read() if writer.stderr else "writer printed nothing"
        time.sleep(rng.uniform(0.05, 0.4))
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate(timeout=30)
        committed += [first, *rest.split()]

        with Register.open(register_path, Unlock(passphrase=PASSPHRASE)) as reopened:
            assert reopened.recovered_from_unclean_shutdown
            report = verify_register(reopened)
            assert report.ok, report.lines()
            with reopened.reading() as session:
                stored = set(
                    session.execute(text("SELECT reference FROM grievance_case")).scalars()
                )
        missing = [r for r in committed if r not in stored]
        assert missing == []
        survived += 1
    print(f"\nSurvived {survived} SIGKILLs with {len(committed)} committed cases intact.")
    assert survived == KILLS and len(committed) >= KILLS
