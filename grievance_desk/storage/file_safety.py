"""Careful file handling shared by backup, restore, export and reports.

- Paths the officer names are checked to be regular files before they are opened, so a FIFO
  or a device never hangs a command.
- Files are written owner-only under a temporary name beside their target and renamed into
  place after an fsync, so a crash or a full disk never leaves a cut-short file under the
  final name.
- A full disk (ENOSPC, or a quota or file-size limit: EDQUOT, EFBIG) is reported as that,
  never as a damaged register.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from grievance_desk.messages import _
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.fault_points import fault_point
from grievance_desk.storage.scratch import SCRATCH_MARK, tracked

_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_CHUNK = 8 * 1024 * 1024


class DiskFull(RegisterError):
    """The disk (or the account's quota or file-size limit) is full; nothing was changed."""

    def __init__(self, where: Path, what: str) -> None:
        super().__init__(
            _(
                "The disk is full: {what} could not be written to {where}, and nothing was left "
                "half-written there. The register is unchanged. Free some space (or choose a "
                "folder on another disk) and try again."
            ).format(what=what, where=where)
        )


class NotARegularFile(RegisterError):
    def __init__(self, path: Path, what: str) -> None:
        super().__init__(
            _(
                "{path} is not a regular file (it is a pipe, a device or a folder), so it cannot "
                "be used as {what}. Give the path of an ordinary file."
            ).format(path=path, what=what)
        )


class TargetInUse(RegisterError):
    """The finished file could not replace the old one; the old one is left as it was."""

    def __init__(self, target: Path, what: str, windows: bool) -> None:
        if windows:
            # Windows refuses to replace a file another program holds open (Excel, a PDF
            # viewer): the commonest way an export or letter fails there.
            why = _(
                "{target} is open in another program (Excel or a PDF viewer, perhaps), and "
                "Windows does not let {what} replace it while it is open. Close it there, or "
                "choose another file name, and try again."
            ).format(target=target, what=what)
        else:
            why = _(
                "{what} could not replace {target}: this account may not change that file or "
                "its folder. Choose a folder you can write to, and try again."
            ).format(what=what[:1].upper() + what[1:], target=target)
        super().__init__(_("{why} {name} was left as it was.").format(why=why, name=target.name))


def on_windows() -> bool:
    """Where Windows rules differ (replacing open files, fsync, permissions)."""
    return os.name == "nt"


def is_disk_full(error: BaseException) -> bool:
    """ENOSPC, EDQUOT or EFBIG: the write failed for want of room, not because of damage."""
    return isinstance(error, OSError) and error.errno in _DISK_FULL


def require_regular_file(path: Path, what: str) -> None:
    """Refuse a FIFO, device or folder before anything opens it (opening a FIFO blocks)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path, what)


def require_regular_or_absent(path: Path, what: str) -> None:
    """An output path may be new or an ordinary file, nothing else."""
    require_regular_file(path, what)


def open_regular_for_reading(path: Path, what: str) -> int:
    """A read descriptor that cannot block on a FIFO swapped in after the check."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotARegularFile(path, what)
    return fd


def fsync_file(path: Path) -> None:
    """Flush a file already written and closed to disk, by its path.

    On Windows ``os.fsync`` is the C runtime's ``_commit``, which refuses a read-only handle
    (EBADF): there the file is opened for writing (nothing is written). POSIX needs only read.
    """
    flags = os.O_RDWR if os.name == "nt" else os.O_RDONLY
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles to sync)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_private(
    source: Path,
    target: Path,
    what: str,
    *,
    after_chunk: Callable[[], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Copy a regular file to a new owner-only file and fsync it; the target must not exist.

    ``progress(done, total)`` counts bytes copied, for the CLI's bar.
    """
    src = open_regular_for_reading(source, what)
    total = os.fstat(src).st_size
    done = 0
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        out = os.open(target, flags, 0o600)
        try:
            while chunk := os.read(src, _CHUNK):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(out, view) :]
                done += len(chunk)
                if progress is not None:
                    progress(min(done, total), max(total, done))
                if after_chunk is not None:
                    after_chunk()
            os.fsync(out)
        finally:
            os.close(out)
    finally:
        os.close(src)


def scratch_name(target: Path) -> Path:
    """A hidden, unguessable name beside ``target`` for the file that will replace it."""
    return target.with_name(f".{target.name}{SCRATCH_MARK}{secrets.token_hex(6)}")


@contextmanager
def atomic_output(target: Path, what: str, *, fault_prefix: str = "") -> Iterator[BinaryIO]:
    """Write ``target`` through an owner-only scratch file beside it, renamed in on success.

    On any failure the scratch file is removed and ``target`` is left as it was; a full disk
    raises DiskFull. The scratch file is recorded in the scratch journal while it exists, so a
    crash's leftover is swept at the next start.
    """

    require_regular_or_absent(target, what)
    with tracked(scratch_name(target)) as scratch:
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            fd = os.open(scratch, flags, 0o600)
            with os.fdopen(fd, "wb") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            if fault_prefix:
                fault_point(f"{fault_prefix}.before_replace")
            try:
                scratch.replace(target)
            except PermissionError as error:
                raise TargetInUse(target, what, on_windows()) from error
            with contextlib.suppress(OSError):
                fsync_dir(target.parent)
            if fault_prefix:
                fault_point(f"{fault_prefix}.replaced")
        except OSError as error:
            if is_disk_full(error):
                raise DiskFull(target.parent, what) from error
            raise
