"""One window per register: a second launch brings the running window forward.

Before, a second launch opened a second window that refused only after the passphrase was
typed (the register's lock file). Now the first launch takes a lock file named for the user
and the register in the user's runtime folder; a later launch finds it held, asks the running
one to raise its window over a local socket, and quits. The name is a digest, so no path or
user name shows in the runtime folder or the named-pipe list.

The lock needs only QtCore, so it is taken before the window shows; the local socket
(QtNetwork, ``ui/local_socket.py``) listens from just after the first paint (a launch in
that instant finds the lock held and quits without a window, as it should).
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCryptographicHash,
    QLockFile,
    QObject,
    QStandardPaths,
    Signal,
)
from PySide6.QtWidgets import QWidget

from grievance_desk.ui import stages

if TYPE_CHECKING:
    from grievance_desk.ui.local_socket import LocalServer


def server_name(register_path: Path, user: str | None = None) -> str:
    """The lock's and local socket's name for this user and register (a digest)."""
    who = user if user is not None else getpass.getuser()
    where = str(register_path.expanduser().resolve())
    digest = QCryptographicHash.hash(
        QByteArray(f"{who}\n{where}".encode()), QCryptographicHash.Algorithm.Sha256
    )
    return f"grievance-desk-{bytes(digest.toHex().data()).decode()[:24]}"


def _lock_folder() -> Path:
    """The user's runtime folder (owner-only on Linux), else the temporary folder."""
    location = QStandardPaths.StandardLocation.RuntimeLocation
    return Path(
        QStandardPaths.writableLocation(location)
        or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
    )


class SingleInstance(QObject):
    """This launch's claim on the register; ``sig_raise`` asks the window to come forward."""

    sig_raise = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._lock = QLockFile(str(_lock_folder() / f"{name}.lock"))
        # Never stale by age: only once the process that took it is gone (Qt checks its PID).
        self._lock.setStaleLockTime(0)
        self.server: LocalServer | None = None

    def acquire(self) -> bool:
        """True if no other live launch holds this register (a crashed one's lock is taken)."""
        return bool(self._lock.tryLock(0))

    def ask_running_to_raise(self) -> bool:
        """Ask the launch holding the lock to bring its window forward; True if it answered."""
        return stages.ask_running_to_raise()(self.name)

    def listen(self) -> bool:
        """Answer later launches (after the first paint: this loads QtNetwork)."""
        server = stages.local_server_class()(self.name, self)
        server.sig_raise.connect(self.sig_raise)
        self.server = server
        return server.listen()

    def close(self) -> None:
        server = self.server
        if server is not None:
            server.close()
        self._lock.unlock()


def bring_forward(window: QWidget) -> None:
    """Show ``window`` restored and on top (the desktop may only flash it in the task bar)."""
    if window.isMinimized() or window.isHidden():
        window.showNormal()
    window.raise_()
    window.activateWindow()
