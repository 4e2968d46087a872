"""Durable small-file writes, and telling "the disk is full" apart from "the file is damaged".

A key file must never be half written: the new bytes go to a private temporary file beside
the target, are fsynced, then ``os.replace`` swaps them in and the folder is fsynced so the
rename itself survives a power cut. Every step has a named fault point so tests can kill a
child process between any two of them.

A full disk shows up as ENOSPC, EDQUOT (quota) or EFBIG (a file-size limit), or from SQLite
as "database or disk is full" / a bare I/O error on write; all of them get one message that
says "disk full" and that nothing was changed, never "damaged, restore a backup".
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from pathlib import Path

from grievance_desk.messages import _
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.fault_points import fault_point

try:
    import resource
except ImportError:  # Windows has no rlimits
    resource = None  # type: ignore[assignment]

# Non-blocking, so opening a FIFO returns at once and fstat can refuse it.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
# Below this much free space a failed SQLite write is taken to be a full disk.
LOW_SPACE_BYTES = 64 * 1024 * 1024


class DiskFull(RegisterError):
    def __init__(self, where: str, what: str | None = None) -> None:
        super().__init__(
            _(
                "The disk is full (no room to write in {where}), so {what}. Free some space on "
                "that disk, then run the command again. The register is not damaged."
            ).format(where=where, what=_("nothing was changed") if what is None else what)
        )


class NotARegularFile(RegisterError):
    def __init__(self, path: str, what: str) -> None:
        super().__init__(
            _(
                "{path} is not a regular file (it is a pipe, device or folder), so it cannot be "
                "the {what}. Point to the real file with --register PATH."
            ).format(path=path, what=what)
        )


def is_disk_full(error: BaseException, folder: Path | None = None) -> bool:
    """Whether ``error`` means the disk (or a file-size limit) ran out of room."""
    if isinstance(error, OSError) and error.errno in DISK_FULL_ERRNOS:
        return True
    detail = str(getattr(error, "orig", None) or error).lower()
    if "disk is full" in detail or "no space" in detail or "file too large" in detail:
        return True
    if "disk i/o error" in detail and folder is not None:
        # SQLite reports EFBIG/EDQUOT on write as a bare I/O error; decide by the room left.
        return free_bytes(folder) < LOW_SPACE_BYTES or file_size_limit() < LOW_SPACE_BYTES
    return False


def free_bytes(folder: Path) -> int:
    """Free space for this account on the disk holding ``folder`` (0 when unknown)."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 0


def file_size_limit() -> int:
    """The process's file-size limit (RLIMIT_FSIZE) in bytes; a very large number if none."""
    if resource is None:
        return 1 << 62
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return 1 << 62 if soft == resource.RLIM_INFINITY else int(soft)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomically(path: Path, data: bytes, *, step: str | None = None) -> None:
    """Replace ``path`` with ``data`` (0600) so a crash leaves the old or the new file whole.

    ``step`` names the fault points ``<step>.temp_written`` and ``<step>.replaced``.
    """
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if step:
            fault_point(f"{step}.temp_written")
        tmp.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if error.errno in DISK_FULL_ERRNOS:
            raise DiskFull(str(path.parent)) from error
        raise
    if step:
        fault_point(f"{step}.replaced")
    fsync_folder(path.parent)


def read_regular_file(path: Path, *, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; never blocks on a FIFO.

    Opened non-blocking and checked with fstat, so a pipe or device at the path is refused
    at once instead of hanging the command.
    """
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(str(path), what)
        if info.st_size > limit:
            raise RegisterError(
                _(
                    "{path} is {size:,} bytes, far larger than a {what} can be (at most "
                    "{limit:,}); it is not the {what}. Restore the right file."
                ).format(path=path, size=info.st_size, what=what, limit=limit)
            )
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(limit + 1)
    finally:
        os.close(fd)


def read_head(path: Path, size: int, *, what: str) -> bytes:
    """The first ``size`` bytes of a regular file; a pipe or device is refused, never read."""
    fd = os.open(path, _READ_FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(str(path), what)
        return os.read(fd, size)
    finally:
        os.close(fd)


def check_regular_file(path: Path, what: str) -> None:
    """Refuse a pipe, device or folder at ``path`` before anything opens it for reading."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotARegularFile(str(path), what)
