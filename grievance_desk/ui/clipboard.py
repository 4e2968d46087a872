"""Copy personal data to the clipboard the way password managers do.

The copy is marked concealed for clipboard managers that honour it (KDE's
``x-kde-passwordManagerHint``, macOS ``org.nspasteboard.ConcealedType``, Windows'
``ExcludeClipboardContentFromMonitorProcessing``), and cleared after a timeout and at lock
and quit, but only if the clipboard still holds what we put there: never wipe something the
officer copied since.

The system clipboard is one for the whole application, so what was last copied this way is
too: the window's instance (cleared at lock and quit) also clears a copy made through the
case file's instance.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000
_CONCEALED = {
    "x-kde-passwordManagerHint": b"secret",
    "application/x-nspasteboard-concealed-type": b"secret",
    "org.nspasteboard.ConcealedType": b"secret",
    "ExcludeClipboardContentFromMonitorProcessing": b"1",
}


class _Copied:
    """The text last put on the clipboard by any SensitiveClipboard (None once cleared)."""

    text: str | None = None


class SensitiveClipboard(QObject):
    """Copies text concealed, and clears it after ``clear_after_ms`` if it is still there."""

    sig_cleared = Signal()  # the timeout or a clear ran (whether or not it wiped anything)

    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self._expired)

    @property
    def clear_after_ms(self) -> int:
        return self._timer.interval()

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard, concealed, and start the clearing timer."""
        data = QMimeData()
        data.setText(text)
        for kind, value in _CONCEALED.items():
            data.setData(kind, value)
        QGuiApplication.clipboard().setMimeData(data)
        self._text = text
        _Copied.text = text
        self._timer.start()

    def is_ours(self) -> bool:
        """Whether the clipboard still holds the personal data copied last."""
        return _Copied.text is not None and QGuiApplication.clipboard().text() == _Copied.text

    def clear_if_ours(self) -> None:
        """Clear the clipboard if it still holds what was copied last (at lock and quit)."""
        if self.is_ours():
            QGuiApplication.clipboard().clear()
        _Copied.text = None
        self._text = None
        self._timer.stop()
        self.sig_cleared.emit()

    def _expired(self) -> None:
        # Only this instance's own copy: a later copy through another instance has its own
        # timer, and must not be cut short by this one.
        if self._text is not None and self._text == _Copied.text:
            self.clear_if_ours()
        else:
            self._text = None
            self.sig_cleared.emit()
