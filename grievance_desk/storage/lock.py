"""One writer per register: a second window or command is refused with a clear message.

The lock is an OS file lock (``filelock``: fcntl on Unix, msvcrt on Windows). The operating
system releases it when the process ends, even by a crash or SIGKILL, so it is never stuck.
The path is resolved first (symbolic links, ``..``), so a link to a register takes the same
lock as the register itself.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from grievance_desk.storage.errors import RegisterInUse
from grievance_desk.storage.paths import lock_file_for


class RegisterLock:
    """Held for as long as a register is open."""

    def __init__(self, db_path: Path) -> None:
        self._db_path = db_path
        # thread_local=False: the app opens on a worker thread and may close on another.
        self._lock = FileLock(
            str(lock_file_for(db_path.expanduser().resolve())),
            mode=0o600,
            is_singleton=False,
            thread_local=False,
        )

    def acquire(self, timeout: float = 0.5) -> None:
        try:
            self._lock.acquire(timeout=timeout)
        except Timeout as error:
            raise RegisterInUse(str(self._db_path)) from error

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()

    @property
    def held(self) -> bool:
        return bool(self._lock.is_locked)
