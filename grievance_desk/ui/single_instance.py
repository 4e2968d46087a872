"""One window per register: a second launch brings the running window forward.

Before, a second launch opened a second window that refused only after the passphrase was
typed (the register's lock file). Now the first launch listens on a local socket named for
the user and the register; a later launch connects, asks it to raise its window, and quits.
The name is a digest, so no path or user name shows in /tmp or the named-pipe list, and the
socket is readable by the same user only.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

RAISE = b"raise\n"
CONNECT_MS = 500


def server_name(register_path: Path, user: str | None = None) -> str:
    """The local socket's name for this user and register (a digest, not the path)."""
    who = user if user is not None else getpass.getuser()
    where = str(register_path.expanduser().resolve())
    digest = hashlib.sha256(f"{who}\n{where}".encode()).hexdigest()[:24]
    return f"grievance-desk-{digest}"


def ask_running_to_raise(name: str) -> bool:
    """True if a running instance answered on ``name`` and was asked to raise its window."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(RAISE)
    socket.flush()
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """Listens for later launches; ``sig_raise`` asks the window to come forward."""

    sig_raise = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)

    def listen(self) -> bool:
        """Start listening; a socket left by a crashed launch is removed first."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return bool(self.server.listen(self.name))

    def close(self) -> None:
        self.server.close()

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is None:
                return
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self.sig_raise.emit()


def bring_forward(window: QWidget) -> None:
    """Show ``window`` restored and on top (the desktop may only flash it in the task bar)."""
    if window.isMinimized() or window.isHidden():
        window.showNormal()
    window.raise_()
    window.activateWindow()
