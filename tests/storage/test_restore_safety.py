"""Restore never loses the register: not onto itself, not from a pipe, not from read-only media.

The audit found that restoring a file onto itself destroyed the register, and that a backup
on read-only media could be neither verified nor restored from (opening it wrote a lock, a
marker and WAL files beside it). The kill points of every step are in
``test_file_kill_points.py``; here are the single-process cases.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from grievance_desk.services.backups import RestoreOntoItself, backup, check_backup, restore
from grievance_desk.services.cases import register_case
from grievance_desk.services.integrity import verify_register
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.file_safety import NotARegularFile
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import NOW, PASSPHRASE
from tests.support.drafts import make_draft
from tests.support.kill_points import run_cli

UNLOCK = Unlock(passphrase=PASSPHRASE)


def _cases(path: Path) -> int:
    with Register.open(path, UNLOCK) as register:
        assert verify_register(register).ok
        with register.reading() as session:
            return int(session.scalar(text("SELECT count(*) FROM grievance_case")) or 0)


@pytest.fixture
def office(register: Register) -> tuple[Path, Path]:
    """A register with 3 cases and a backup taken after the first 2."""
    for n in range(2):
        register_case(register, make_draft(description=f"case {n}"), now=NOW)
    copy = register.path.parent.parent / "backups" / "copy.db"
    backup(register, copy, now=NOW)
    register_case(register, make_draft(description="after the backup"), now=NOW)
    register.close()
    return register.path, copy


def test_restoring_the_register_onto_itself_is_refused_and_loses_nothing(
    office: tuple[Path, Path],
) -> None:
    live, _copy = office
    with pytest.raises(RestoreOntoItself, match="would destroy it"):
        restore(live, live, UNLOCK, force=True, now=NOW)
    assert _cases(live) == 3


def test_a_link_to_the_register_is_the_register(office: tuple[Path, Path], tmp_path: Path) -> None:
    live, _copy = office
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "register.db").symlink_to(live)
    (elsewhere / "register.gdkey").symlink_to(key_file_for(live))
    with pytest.raises(RestoreOntoItself):
        restore(elsewhere / "register.db", live, UNLOCK, force=True, now=NOW)
    assert _cases(live) == 3


def test_restore_keeps_the_replaced_register_as_a_pair_that_opens(
    office: tuple[Path, Path],
) -> None:
    live, copy = office
    report = restore(copy, live, UNLOCK, force=True, now=NOW)
    assert report.ok
    assert _cases(live) == 2
    kept = list(live.parent.glob("register.replaced-*.db"))
    assert len(kept) == 1 and _cases(kept[0]) == 3
    names = {p.name for p in live.parent.iterdir()}
    assert not any(".restoring" in n or "journal" in n for n in names), names
    assert oct(live.stat().st_mode & 0o777) == "0o600"


def _finishes(call: Callable[[], object], unblock: Path) -> BaseException | None:
    """Run ``call``; if it blocks on the FIFO, open the FIFO's other end and fail."""
    caught: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as error:
            caught.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():
        fd = os.open(unblock, os.O_WRONLY | os.O_NONBLOCK)  # let the stuck reader go
        os.close(fd)
        worker.join(timeout=20)
        pytest.fail("it waited on the FIFO instead of refusing it")
    return caught[0] if caught else None


@pytest.mark.parametrize("which", ["database", "key file"])
def test_a_fifo_as_the_backup_is_refused_at_once(
    office: tuple[Path, Path], tmp_path: Path, which: str
) -> None:
    live, copy = office
    fake = tmp_path / "fifo" / "copy.db"
    fake.parent.mkdir()
    shutil.copyfile(copy, fake)
    shutil.copyfile(key_file_for(copy), key_file_for(fake))
    pipe = fake if which == "database" else key_file_for(fake)
    pipe.unlink()
    os.mkfifo(pipe)
    error = _finishes(lambda: restore(fake, live, UNLOCK, force=True, now=NOW), pipe)
    assert isinstance(error, NotARegularFile), error
    assert "not a regular file" in str(error)
    assert _cases(live) == 3


@pytest.mark.parametrize(
    ("command", "name"),
    [("export", "out.csv"), ("import", "in.csv"), ("backup", "copy.db"), ("report", "r.pdf")],
)
def test_a_fifo_given_to_a_command_is_refused_at_once(
    office: tuple[Path, Path], tmp_path: Path, command: str, name: str
) -> None:
    live, _copy = office
    pipe = tmp_path / name
    os.mkfifo(pipe)
    args = {
        "export": ["export", "--output", str(pipe)],
        "import": ["import", str(pipe)],
        "backup": ["backup", str(pipe)],
        "report": ["report", "--month", "2026-11", "--output", str(pipe)],
    }[command]
    env = {"GRIEVANCE_DESK_PASSPHRASE": PASSPHRASE}
    result = run_cli([*args, "--register", str(live)], env=env, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "not a regular file" in result.stderr or "not a file" in result.stderr
    assert _cases(live) == 3


def test_verify_and_restore_write_nothing_beside_the_backup(
    office: tuple[Path, Path],
) -> None:
    live, copy = office
    before = {p.name: p.stat().st_mtime_ns for p in copy.parent.iterdir()}
    assert check_backup(copy, UNLOCK).ok
    restore(copy, live, UNLOCK, force=True, now=NOW)
    after = {p.name: p.stat().st_mtime_ns for p in copy.parent.iterdir()}
    assert after == before


def test_a_wrong_passphrase_for_the_backup_changes_nothing(office: tuple[Path, Path]) -> None:
    live, copy = office
    with pytest.raises(RegisterError, match="passphrase"):
        restore(copy, live, Unlock(passphrase="not the passphrase"), force=True, now=NOW)
    assert sorted(p.name for p in live.parent.iterdir() if "replaced" in p.name) == []
    assert _cases(live) == 3


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A real read-only file system (tmpfs remounted ro); skipped where mounting is not allowed."""
    folder = tmp_path / "dvd"
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a file system needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"mount is not permitted here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_verify_and_restore_from_read_only_media(
    office: tuple[Path, Path], read_only_mount: Path
) -> None:
    live, copy = office
    on_dvd = read_only_mount / "copy.db"
    shutil.copyfile(copy, on_dvd)
    shutil.copyfile(key_file_for(copy), key_file_for(on_dvd))
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    with pytest.raises(OSError):
        (read_only_mount / "probe").write_bytes(b"")
    env = {"GRIEVANCE_DESK_PASSPHRASE": PASSPHRASE}
    verified = run_cli(["verify", "--register", str(on_dvd)], env=env)
    assert verified.returncode == 0, verified.stderr
    assert "Audit chain intact" in verified.stdout
    restored = run_cli(["restore", str(on_dvd), "--register", str(live), "--force"], env=env)
    assert restored.returncode == 0, restored.stderr
    assert _cases(live) == 2
