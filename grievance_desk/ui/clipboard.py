"""Copy personal data to the clipboard the way password managers do.

The copy is marked concealed for clipboard managers that honour it (KDE's
``x-kde-passwordManagerHint``, macOS ``org.nspasteboard.ConcealedType``, Windows'
``ExcludeClipboardContentFromMonitorProcessing``), and cleared after a timeout and at quit,
but only if the clipboard still holds what we put there: never wipe something the officer
copied since.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000
_CONCEALED = {
    "x-kde-passwordManagerHint": b"secret",
    "application/x-nspasteboard-concealed-type": b"secret",
    "org.nspasteboard.ConcealedType": b"secret",
    "ExcludeClipboardContentFromMonitorProcessing": b"1",
}


class SensitiveClipboard(QObject):
    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_ours)

    def copy(self, text: str) -> None:
        data = QMimeData()
        data.setText(text)
        for kind, value in _CONCEALED.items():
            data.setData(kind, value)
        QGuiApplication.clipboard().setMimeData(data)
        self._text = text
        self._timer.start()

    def is_ours(self) -> bool:
        return self._text is not None and QGuiApplication.clipboard().text() == self._text

    def clear_if_ours(self) -> None:
        if self.is_ours():
            QGuiApplication.clipboard().clear()
        self._text = None
