"""A full disk during backup, restore, export or report: named as such, and nothing half-made.

The disk is filled for real, portably: the child runs with a file-size limit (RLIMIT_FSIZE)
and SIGXFSZ ignored, so every write past the limit fails with EFBIG, as ENOSPC would on a
full disk (mounting a small tmpfs is not allowed on every CI runner). The message must say
"disk is full" (never "damaged, restore a backup"), no file may be left under the final
name or as a scratch or ``.partial`` file, and the register must open and verify.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from grievance_desk.services.backups import backup
from grievance_desk.services.cases import register_case
from grievance_desk.services.integrity import verify_register
from grievance_desk.storage.register import Register, Unlock
from grievance_desk.storage.scratch import STATE_ENV
from tests.conftest import NOW, PASSPHRASE
from tests.support.drafts import make_draft
from tests.support.kill_points import ROOT

resource = pytest.importorskip("resource")  # POSIX only
CASES = 40


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("full-disk")
    register, _recovery = Register.create(root / "office" / "register.db", PASSPHRASE)
    try:
        for n in range(CASES):
            draft = make_draft(description=f"Fictitious case {n} " + "lorem ipsum " * 150)
            register_case(register, draft, now=NOW)
        backup(register, root / "backups" / "copy.db", now=NOW)
    finally:
        register.close()
    return root


@pytest.fixture
def office(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "w"
    shutil.copytree(template, folder)
    (folder / "out").mkdir()
    return folder


def _limited(args: list[str], limit: int, folder: Path) -> subprocess.CompletedProcess[str]:
    """``grievance-desk ARGS`` where no file may grow past ``limit`` bytes."""

    def cap() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "GRIEVANCE_DESK_PASSPHRASE": PASSPHRASE,
        STATE_ENV: str(folder / "state"),
    }
    return subprocess.run(
        [sys.executable, "-m", "grievance_desk", *args],
        capture_output=True, text=True, env=env, timeout=120, check=False, preexec_fn=cap,
    )  # fmt: skip


def _says_disk_full(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 1, result.stderr
    assert "disk is full" in result.stderr.lower(), result.stderr
    assert "damaged" not in result.stderr and "Traceback" not in result.stderr


def _intact(db: Path) -> None:
    with Register.open(db, Unlock(passphrase=PASSPHRASE)) as register:
        assert verify_register(register).ok
        with register.reading() as session:
            assert session.scalar(text("SELECT count(*) FROM grievance_case")) == CASES


def _scratch(folder: Path) -> list[str]:
    signs = (".gd-scratch-", ".partial", ".restoring", ".restore-journal", ".tmp")
    return [str(p) for p in folder.rglob("*") if any(s in p.name for s in signs)]


def test_backup_on_a_full_disk(office: Path) -> None:
    db = office / "office" / "register.db"
    target = office / "out" / "new.db"
    args = ["backup", str(target), "--register", str(db)]
    _says_disk_full(_limited(args, db.stat().st_size // 2, office))
    assert list((office / "out").iterdir()) == []  # no .partial, no key file alone
    _intact(db)


def test_restore_on_a_full_disk_keeps_the_register(office: Path) -> None:
    db = office / "office" / "register.db"
    copy = office / "backups" / "copy.db"
    args = ["restore", str(copy), "--register", str(db), "--force"]
    _says_disk_full(_limited(args, copy.stat().st_size // 2, office))
    assert _scratch(office) == []
    assert not list(db.parent.glob("*replaced*"))
    _intact(db)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_on_a_full_disk_leaves_the_old_file_whole(office: Path, fmt: str) -> None:
    db = office / "office" / "register.db"
    target = office / "out" / f"cases.{fmt}"
    target.write_bytes(b"the previous export")
    args = ["export", "--register", str(db), "--format", fmt, "--output", str(target)]
    _says_disk_full(_limited(args, 32 * 1024, office))
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in (office / "out").iterdir()] == [target.name]
    assert _scratch(office) == []
    _intact(db)


def test_report_on_a_full_disk(office: Path) -> None:
    db = office / "office" / "register.db"
    target = office / "out" / "report.pdf"
    args = ["report", "--register", str(db), "--month", "2026-11", "--output", str(target)]
    warm = _limited(args, 64 * 1024 * 1024, office)  # fills the report cache in the register
    assert warm.returncode == 0, warm.stderr
    size = target.stat().st_size
    target.unlink()
    # Room for SQLite's 32 KiB shared-memory file, not for the ~40 KB report.
    assert size > 36 * 1024
    _says_disk_full(_limited(args, 36 * 1024, office))
    assert list((office / "out").iterdir()) == []
    assert _scratch(office) == []
    _intact(db)
