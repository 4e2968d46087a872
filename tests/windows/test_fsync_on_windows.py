"""Windows: ``os.fsync`` is the CRT's ``_commit``, which refuses a read-only handle (EBADF).

Backup and restore fsync the copies they made by path; on Windows those handles must be
opened for writing, or every backup and restore fails after copying. Windows is simulated
here: ``os.name`` is "nt" and ``os.fsync`` refuses a read-only descriptor as ``_commit`` does.
"""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from grievance_desk.storage import backup, file_safety, restore_swap

_real_fsync = os.fsync


def _windows_fsync(fd: int) -> None:
    if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
        raise OSError(errno.EBADF, "Bad file descriptor")
    _real_fsync(fd)


@contextmanager
def as_windows() -> Iterator[None]:
    """Only around the call: pathlib (and pytest's own reporting) make WindowsPath objects
    while os.name is "nt", so it is restored before anything else runs."""
    name, fsync = os.name, os.fsync
    os.name, os.fsync = "nt", _windows_fsync
    try:
        yield
    finally:
        os.name, os.fsync = name, fsync


@pytest.mark.parametrize(
    "fsync",
    [file_safety.fsync_file, restore_swap.fsync_file, backup._fsync],
    ids=["file_safety", "restore_swap", "backup"],
)
def test_a_file_is_fsynced_through_a_writable_handle_on_windows(
    tmp_path: Path, fsync: Callable[[Path], None]
) -> None:
    copy = tmp_path / "register.restoring.db"
    copy.write_bytes(b"fictitious register bytes")
    copy.chmod(0o600)
    with as_windows():
        fsync(copy)  # raised EBADF before the fix
    assert copy.read_bytes() == b"fictitious register bytes"


def test_posix_still_fsyncs_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On POSIX a read-only descriptor is enough (and works on a read-only file)."""
    seen: list[int] = []

    def fsync(fd: int) -> None:
        seen.append(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE)

    monkeypatch.setattr(os, "fsync", fsync)
    copy = tmp_path / "backup.db"
    copy.write_bytes(b"x")
    copy.chmod(0o400)
    file_safety.fsync_file(copy)
    assert seen == [os.O_RDONLY]
