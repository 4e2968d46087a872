"""The Letters tab's push buttons: icon, tooltip, accessible name, a parameterless slot."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from grievance_desk.ui.resources import icon


def action_button(
    text: str,
    icon_name: str,
    tip: str,
    slot: Callable[[], object] | None = None,
    parent: QWidget | None = None,
) -> QPushButton:
    """A button whose ``clicked(bool)`` never lands in ``slot`` (connected through a lambda)."""
    widget = QPushButton(icon(icon_name), text, parent)
    style_action_button(widget, tip, text)
    if slot is not None:
        widget.clicked.connect(lambda _c=False: slot())
    return widget


def style_action_button(widget: QPushButton, tip: str, text: str) -> None:
    """Tooltip and accessible name (the label without its "…") for a button made elsewhere."""
    widget.setToolTip(tip)
    widget.setAccessibleName(text.rstrip("…"))
