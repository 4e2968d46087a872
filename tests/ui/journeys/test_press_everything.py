"""Press everything: on the demo register, every enabled action and visible enabled button of
every page and of the case file, pressed in turn, raises nothing (an exception in a slot fails
the test) and leaves no window larger than the 1366x768 laptop screen.

Modal dialogs are rejected as they appear (`ModalDismisser`); Lock is pressed last.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QTabWidget, QToolButton, QWidget

from grievance_desk.domain.workflow import Status
from grievance_desk.ui.cases_table_model import REFERENCE_ROLE
from grievance_desk.ui.main_window import CASES, PAGES, MainWindow
from tests.ui.conftest import settle
from tests.ui.journeys.conftest import SCREEN, ModalDismisser, top_levels_too_large
from tests.ui.journeys.helpers import type_into
from tests.ui.journeys.test_idle_lock_and_pane import _nav

OVERSIZE: list[str] = []


class WindowTooLarge(AssertionError):
    """A press left a window larger than 1366x768."""


#: Pressed separately (Lock ends the session), or not a command (the nav list's own items).
SKIP_TEXT = {"Lock"}


def _name(widget: QAbstractButton | QAction) -> str:
    text = widget.text().replace("&", "") or widget.toolTip() or type(widget).__name__
    return text


def _buttons(root: QWidget) -> list[QAbstractButton]:
    return [
        b
        for b in root.findChildren(QAbstractButton)
        if b.isVisible() and b.isEnabled() and _name(b) not in SKIP_TEXT
    ]


def _press(
    qtbot, runner, window: MainWindow, what: QAbstractButton | QAction, log: list[str]
) -> None:  # type: ignore[no-untyped-def]
    log.append(_name(what))
    if isinstance(what, QAction):
        what.trigger()
    else:
        qtbot.mouseClick(what, Qt.MouseButton.LeftButton, pos=what.rect().center())
    settle(qtbot, runner, rounds=2)
    too_large = top_levels_too_large()
    if too_large:
        OVERSIZE.append(f"after {log[-1]!r}: {too_large}")
        window.resize(*SCREEN)  # go on at the laptop's size


def _press_all_on(qtbot, runner, window: MainWindow, row: int, root, log: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Press every visible enabled button under ``root()``, coming back to page ``row``."""
    pressed: set[int] = set()
    for _round in range(4):  # a press may show more buttons (a dialog's result, a tab)
        _nav(qtbot, window, row)
        settle(qtbot, runner)
        fresh = [b for b in _buttons(root()) if id(b) not in pressed]
        if not fresh:
            return
        for button in fresh:
            pressed.add(id(button))
            if window.is_locked:
                return
            _nav(qtbot, window, row)
            if button.isVisible() and button.isEnabled():
                _press(qtbot, runner, window, button, log)


def _unfilter(qtbot, runner, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Untick every filter chip the presses left ticked and empty the search."""
    assert window.workspace is not None
    page = window.workspace.cases
    for chip in page.findChildren(QToolButton):
        drill_down = chip.text().startswith("Filtered:")  # a report figure's cases
        if chip.isVisible() and (drill_down or (chip.isCheckable() and chip.isChecked())):
            qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
            settle(qtbot, runner)
    type_into(qtbot, page.search, "")
    settle(qtbot, runner)


def _open_first_case(qtbot, runner, window: MainWindow, status: Status) -> bool:  # type: ignore[no-untyped-def]
    _nav(qtbot, window, CASES)
    _unfilter(qtbot, runner, window)
    assert window.workspace is not None
    table = window.workspace.cases.table
    model = table.model()
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Status"
    )
    for row in range(model.rowCount()):
        index = model.index(row, column)
        if model.data(index) == status.label:
            rect = table.visualRect(index)
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            case_file = window.workspace.cases.case_file
            reference = model.data(index, REFERENCE_ROLE)
            qtbot.waitUntil(lambda c=case_file, r=reference: c.reference == r, timeout=10_000)
            settle(qtbot, runner)
            return True
    return False


def test_press_everything_on_the_demo_register(qtbot, runner, demo_desk: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = demo_desk
    OVERSIZE.clear()
    opened: list[Status] = []
    log: list[str] = []
    with ModalDismisser() as dismisser:
        # The window's own actions (toolbar and shortcuts), except Lock.
        for action in window.findChildren(QAction):
            mine = action.parent() is window and action.text() not in SKIP_TEXT
            if mine and action.isEnabled() and action.text():
                _press(qtbot, runner, window, action, log)
        # Every page's buttons.
        for row in range(len(PAGES)):
            _press_all_on(
                qtbot, runner, window, row, lambda: window.workspace.pages.currentWidget(), log
            )
        # The case file of a case in each status the demo has, tab by tab.
        for status in (
            Status.NEW,
            Status.AWAITING_IDENTITY_PROOF,
            Status.IN_PROGRESS,
            Status.CLOSED,
        ):
            assert _open_first_case(qtbot, runner, window, status), status
            opened.append(status)
            case_file = window.workspace.cases.case_file
            tabs = case_file.findChild(QTabWidget)
            assert tabs is not None
            for index in range(tabs.count()):
                _nav(qtbot, window, CASES)
                bar = tabs.tabBar()
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
                settle(qtbot, runner)
                _press_all_on(
                    qtbot, runner, window, CASES, lambda: window.workspace.cases.case_file, log
                )
        assert not window.is_locked
        window.lock_action.trigger()
        settle(qtbot, runner)
        assert window.is_locked
    assert len(log) > 40, log
    assert dismisser.dismissed, "dialogs were opened and dismissed"
    assert len(opened) == 4
    assert {"Close", "Record correspondence", "Reopen", "New letter…"} <= set(log), log
    if OVERSIZE:
        raise WindowTooLarge("\n".join(OVERSIZE))
