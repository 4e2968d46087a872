"""``gui --smoke-test DIR``: the real app, in its own process, set up, reopened and closed.

The frozen build's smoke test relies on this hook; here it runs from source so CI keeps it
working: first run creates a register through the wizard, the second unlocks it, and both
quit cleanly with their screenshots written.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from PIL import Image

from grievance_desk.services.integrity import verify_register
from grievance_desk.storage.register import Register, Unlock

PASSPHRASE = "smoke test passphrase for a fictitious register"


def _gui(
    tmp_path: Path, register: Path, shots: Path, passphrase: str
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
        "XDG_DATA_HOME": str(tmp_path / "home" / ".local" / "share"),
        "GRIEVANCE_DESK_KDF_PROFILE": "fast",
        "GRIEVANCE_DESK_PASSPHRASE": passphrase,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    command = [sys.executable, "-m", "grievance_desk", "gui", "--register", str(register)]
    return subprocess.run(
        [*command, "--smoke-test", str(shots)],
        env=env, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip


def _is_picture(path: Path) -> bool:
    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(1 << 24) or []
        return image.width > 300 and image.height > 200 and len(colours) > 8


def test_wizard_then_unlock_then_clean_quit(tmp_path: Path) -> None:
    register = tmp_path / "office" / "register.db"
    first = _gui(tmp_path, register, tmp_path / "first", PASSPHRASE)
    assert first.returncode == 0, first.stderr[-3000:]
    assert _is_picture(tmp_path / "first" / "wizard.png")
    assert _is_picture(tmp_path / "first" / "main-window.png")
    assert register.is_file()

    second = _gui(tmp_path, register, tmp_path / "second", PASSPHRASE)
    assert second.returncode == 0, second.stderr[-3000:]
    assert _is_picture(tmp_path / "second" / "unlock.png")
    assert _is_picture(tmp_path / "second" / "main-window.png")
    # They show personal data: owner-only, like every file the app writes.
    for shot in (*(tmp_path / "first").iterdir(), *(tmp_path / "second").iterdir()):
        assert stat.S_IMODE(shot.stat().st_mode) == 0o600, shot

    # Closed cleanly: the lock is released, the register opens and verifies.
    opened = Register.open(register, Unlock(passphrase=PASSPHRASE))
    try:
        assert verify_register(opened).ok
    finally:
        opened.close()


def test_wrong_passphrase_fails_with_the_reason(tmp_path: Path) -> None:
    register = tmp_path / "register.db"
    assert _gui(tmp_path, register, tmp_path / "first", PASSPHRASE).returncode == 0
    wrong = _gui(tmp_path, register, tmp_path / "wrong", "not the passphrase at all, sorry")
    assert wrong.returncode == 1
    assert "smoke test failed: unlocking failed" in wrong.stderr
    assert "passphrase" in wrong.stderr.lower()
