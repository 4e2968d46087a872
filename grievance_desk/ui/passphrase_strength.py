"""How guessable a new passphrase is: zxcvbn's score as a coloured bar and a word.

Apart from ``widgets`` because zxcvbn loads its word lists on import: only the first-run
wizard and Settings' change of passphrase need it, never the unlock screen.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget
from zxcvbn import zxcvbn

from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.widgets import label, thin_bar_style

MIN_SCORE = 2  # zxcvbn 0-4: refuse 0 ("too guessable") and 1 ("very guessable")
_WORDS = (
    QT_TR_NOOP("Very weak"),
    QT_TR_NOOP("Weak"),
    QT_TR_NOOP("Fair"),
    QT_TR_NOOP("Strong"),
    QT_TR_NOOP("Very strong"),
)
_COLOURS = ("#d64545", "#d9822b", "#b8950a", "#3c9a5f", "#2e7d4f")


@lru_cache(maxsize=64)
def _score(text: str) -> tuple[int, str]:
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
        self.bar.setAccessibleName(tr("Passphrase strength"))
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
            self.words.setText(tr("Use four or more unrelated words, or a long sentence."))
        else:
            message = tr(_WORDS[score])
            if score < MIN_SCORE:
                message = tr("{strength} — too easy to guess; make it longer").format(
                    strength=message
                )
            if hint:  # zxcvbn's own advice, in English
                message += ". " + hint
            self.words.setText(message)
        self.sig_score_changed.emit(score)
        return score
