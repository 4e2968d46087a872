"""What the Letters tab's parts know about the open case, and how they ask before acting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QWidget

from grievance_desk.ui.dialogs import ask

#: (parent, title, text, yes button, no button) → pressed yes; tests replace the tab's
#: ``confirm`` attribute with their own answer instead of clicking.
Confirm = Callable[[QWidget, str, str, str, str], bool]


@dataclass
class CaseContext:
    """What the tab needs to know about the open case."""

    reference: str
    request_type: str
    status: str
    zone: ZoneInfo
    reply_language: str = "en"  # issue 17: letters are offered in it first


def ask_first(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """The Letters tab's question: its buttons name the action, "yes" is the default."""
    return ask(parent, title, text, yes, no, default_yes=True)
