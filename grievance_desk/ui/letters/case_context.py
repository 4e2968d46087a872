"""What the Letters tab's parts know about the open case, and how they ask Yes/No."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QMessageBox, QWidget

Confirm = Callable[[QWidget, str, str], bool]


@dataclass
class CaseContext:
    """What the tab needs to know about the open case."""

    reference: str
    request_type: str
    status: str
    zone: ZoneInfo
    reply_language: str = "en"  # issue 17: letters are offered in it first


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """A Yes/No question; tests replace the tab's ``confirm`` attribute instead of clicking."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
