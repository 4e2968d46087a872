"""The flow layout keeps every button at its full size and wraps when the row is too narrow."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from grievance_desk.ui.flow_layout import FlowLayout

LABELS = ("Issue…", "Print…", "Save as PDF…", "Re-issue…", "Discard")


def _pane(qtbot) -> tuple[QWidget, list[QPushButton]]:  # type: ignore[no-untyped-def]
    pane = QWidget()
    outer = QVBoxLayout(pane)
    flow = FlowLayout(spacing=6)
    buttons = [QPushButton(text) for text in LABELS]
    for button in buttons:
        flow.addWidget(button)
    outer.addLayout(flow)
    outer.addStretch(1)
    qtbot.addWidget(pane)
    pane.show()
    return pane, buttons


def _rows(buttons: list[QPushButton]) -> list[int]:
    return sorted({b.geometry().top() for b in buttons})


def test_a_wide_pane_has_one_row_and_a_narrow_one_wraps_without_cutting_labels(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane, buttons = _pane(qtbot)
    one_row = sum(b.sizeHint().width() for b in buttons) + 6 * (len(buttons) - 1)
    pane.resize(one_row + 40, 200)
    qtbot.waitUntil(lambda: len(_rows(buttons)) == 1)

    widest = max(b.sizeHint().width() for b in buttons)
    pane.resize(widest * 2 + 30, 200)
    qtbot.waitUntil(lambda: len(_rows(buttons)) >= 2)
    for button in buttons:
        assert button.width() == button.sizeHint().width(), button.text()
        assert button.geometry().right() <= pane.width(), button.text()
    # Left to right, then down: the order is kept.
    positions = [(b.geometry().top(), b.geometry().left()) for b in buttons]
    assert positions == sorted(positions)
    # The pane grew tall enough for the wrapped rows (height for width).
    assert pane.layout().minimumHeightForWidth(pane.width()) >= max(
        b.geometry().bottom() for b in buttons
    )


def test_hidden_buttons_leave_no_gap(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane, buttons = _pane(qtbot)
    pane.resize(1000, 100)
    buttons[1].hide()
    qtbot.waitUntil(lambda: buttons[2].geometry().left() < buttons[3].geometry().left())
    qtbot.waitUntil(
        lambda: (
            buttons[2].geometry().left()
            == buttons[0].geometry().right() + 1 + pane.layout().itemAt(0).layout().spacing()
        )
    )
