"""Wrong passphrases: slowed after a few, and reported in the audit trail at the next unlock."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from grievance_desk.storage import unlock_attempts
from grievance_desk.storage.errors import WrongPassphrase, WrongRecoveryKey
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import PASSPHRASE


def test_failures_are_counted_slowed_and_reported_once(
    register_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Register.create(register_path, PASSPHRASE)[0].close()
    slept: list[float] = []
    monkeypatch.setattr("grievance_desk.storage.register.time.sleep", slept.append)
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            Register.open(register_path, Unlock(passphrase="a wrong guess"))
    with pytest.raises(WrongRecoveryKey):
        Register.open(register_path, Unlock(recovery_key="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"))
    assert len(unlock_attempts.failures(register_path)) == 6
    assert slept == [1.0, 2.0, 4.0]  # the first three attempts are free, then doubling
    assert unlock_attempts.attempts_file_for(register_path).stat().st_mode & 0o077 == 0

    with (
        Register.open(register_path, Unlock(passphrase=PASSPHRASE)) as register,
        register.reading() as session,
    ):
        row = session.execute(
            text("SELECT action, payload FROM audit_event ORDER BY id DESC LIMIT 1")
        ).one()
    assert row[0] == "register.unlock_failed" and '"attempts":6' in row[1]
    assert unlock_attempts.failures(register_path) == []
    assert unlock_attempts.delay_before_attempt(register_path) == 0.0


def test_the_delay_is_capped(register_path: Path) -> None:
    register_path.parent.mkdir()
    for _ in range(40):
        unlock_attempts.record_failure(register_path)
    assert unlock_attempts.delay_before_attempt(register_path) == unlock_attempts.MAX_DELAY_SECONDS
