"""Reusable bits: titled labels, the passphrase field with its strength meter, a busy bar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QWidget,
)

from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.resources import icon


def label(text: str, role: str = "", *, wrap: bool = False) -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


class ElidedLabel(QLabel):
    """A one-line label that elides in the middle instead of widening its window.

    The full text stays in ``text()`` (and should go in the tooltip); only painting elides.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        # Preferred: as wide as the text when there is room, down to minimumSizeHint when not.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(40, super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, rect.width()
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
        )


def thin_bar_style(colour: str) -> str:
    """A flat, thin progress bar in ``colour`` on a faint track (Fusion's is a bevelled box
    whose rounded chunk shrinks to a dot near zero)."""
    return (
        "QProgressBar { border: none; border-radius: 3px; background: palette(midlight); "
        "min-height: 6px; max-height: 6px; }"
        f"QProgressBar::chunk {{ background: {colour}; border-radius: 3px; }}"
    )


def set_invalid(widget: QWidget, invalid: bool, message: str = "") -> None:
    """Mark a field red (style sheet) with the problem as its tooltip and accessible text."""
    widget.setProperty("invalid", "true" if invalid else "false")
    widget.setToolTip(message)
    widget.setAccessibleDescription(message)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class PassphraseEdit(QLineEdit):
    """A password field with a show/hide eye, as every password manager has."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setPlaceholderText(placeholder)
        self._toggle = QAction(icon("eye"), tr("Show passphrase"), self)
        self._toggle.setCheckable(True)
        self._toggle.setToolTip(tr("Show passphrase"))
        self._toggle.toggled.connect(self._show)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)

    def _show(self, visible: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password)
        text = tr("Hide passphrase") if visible else tr("Show passphrase")
        self._toggle.setText(text)
        self._toggle.setToolTip(text)
        self._toggle.setIcon(icon("eye-off" if visible else "eye"))


class BusyBar(QWidget):
    """An indeterminate progress bar with a line of text, hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setFixedHeight(6)
        self.bar.setTextVisible(False)
        self.text = label("", "muted")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.bar, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.text.setText(text)
        self.show()

    def stop(self) -> None:
        self.hide()


#: Qt's own button texts, which Qt ships no Hindi for: named in our catalogue instead.
_STANDARD_TEXTS = {
    "OK": QT_TR_NOOP("OK"),
    "Cancel": QT_TR_NOOP("Cancel"),
    "Save": QT_TR_NOOP("Save"),
    "Discard": QT_TR_NOOP("Discard"),
    "Close": QT_TR_NOOP("Close"),
    "Yes": QT_TR_NOOP("Yes"),
    "No": QT_TR_NOOP("No"),
}


def name_standard_buttons(box: QDialogButtonBox | QMessageBox) -> None:
    """Give a button box's standard buttons (OK, Cancel, Save…) the window's language; a
    button whose text the code already set is left as it is."""
    for button in box.buttons():
        english = button.text().replace("&", "")
        if english in _STANDARD_TEXTS:
            button.setText(tr(_STANDARD_TEXTS[english]))
