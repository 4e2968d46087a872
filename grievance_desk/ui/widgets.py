"""Reusable bits: titled labels, the passphrase field with its strength meter, a busy bar."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.ui.resources import icon

MIN_SCORE = 2  # zxcvbn 0-4: refuse 0 ("too guessable") and 1 ("very guessable")
_WORDS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")
_COLOURS = ("#d64545", "#d9822b", "#b8950a", "#3c9a5f", "#2e7d4f")


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
        from PySide6.QtWidgets import QSizePolicy

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


@lru_cache(maxsize=64)
def _score(text: str) -> tuple[int, str]:
    from zxcvbn import zxcvbn

    result: dict[str, Any] = zxcvbn(text[:100])
    feedback = result.get("feedback", {})
    hint = str(feedback.get("warning") or "")
    suggestions = feedback.get("suggestions") or []
    if not hint and suggestions:
        hint = str(suggestions[0])
    return int(result["score"]), hint


def passphrase_score(text: str) -> tuple[int, str]:
    """zxcvbn's 0-4 score and its main hint (first 100 characters; longer is never weaker)."""
    if not text:
        return 0, ""
    return _score(text)


class PassphraseEdit(QLineEdit):
    """A password field with a show/hide eye, as every password manager has."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setPlaceholderText(placeholder)
        self._toggle = QAction(icon("eye"), "Show passphrase", self)
        self._toggle.setCheckable(True)
        self._toggle.setToolTip("Show passphrase")
        self._toggle.toggled.connect(self._show)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)

    def _show(self, visible: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password)
        text = "Hide passphrase" if visible else "Show passphrase"
        self._toggle.setText(text)
        self._toggle.setToolTip(text)
        self._toggle.setIcon(icon("eye-off" if visible else "eye"))


class StrengthMeter(QWidget):
    """A coloured bar and a word for how guessable the passphrase is."""

    sig_score_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        self.bar.setProperty("role", "thin")
        self.bar.setAccessibleName("Passphrase strength")
        self.words = label("", "hint", wrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.words)
        self.score = 0
        self.update_for("")

    def update_for(self, text: str) -> int:
        score, hint = passphrase_score(text)
        self.score = score
        self.bar.setValue(score + 1 if text else 0)
        colour = _COLOURS[score]
        self.bar.setStyleSheet(thin_bar_style(colour))
        if not text:
            self.words.setText("Use four or more unrelated words, or a long sentence.")
        else:
            message = _WORDS[score]
            if score < MIN_SCORE:
                message += " — too easy to guess; make it longer"
            if hint:
                message += f". {hint}"
            self.words.setText(message)
        self.sig_score_changed.emit(score)
        return score


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
