"""Small steps the journeys share: choose in a combo by keyboard, type, click a list item,
answer a file dialog by typing the path, wait for the case file to show a status."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from grievance_desk.domain.workflow import Action, Status
from grievance_desk.ui.case_file import CaseFile
from grievance_desk.ui.main_window import MainWindow
from tests.ui.journeys.conftest import click


def case_file(window: MainWindow) -> CaseFile:
    assert window.workspace is not None
    return window.workspace.cases.case_file


def choose(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick ``text`` with the keyboard (Home, then Down until it shows), as the officer can."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, f"{text!r} not in {combo.accessibleName()}"


def type_into(qtbot, field: QLineEdit | QPlainTextEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select what is there and type ``text`` over it.

    Latin text is typed key by key. Other scripts arrive as an input method (the Hindi
    keyboard of the operating system) delivers them: a committed string per word. QTest
    has no keys for Devanagari, and its key clicks abort on them.
    """
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(field, text)
        return
    for word in text.split(" "):
        if field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text():
            qtbot.keyClick(field, Qt.Key.Key_Space)
        composed = QInputMethodEvent()
        composed.setCommitString(word)
        QApplication.sendEvent(field, composed)


def click_item(qtbot, widget: QListWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    items = widget.findItems(text, Qt.MatchFlag.MatchExactly)
    assert items, f"no {text!r} in {[widget.item(i).text() for i in range(widget.count())]}"
    widget.scrollToItem(items[0])
    rect = widget.visualItemRect(items[0])
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert widget.currentItem() is items[0]


def answer_file_dialog(qtbot, paths: list[Path]):  # type: ignore[no-untyped-def]
    """A `when_modal` handler: type the file name(s) into Qt's file dialog and press Enter."""

    def handler(modal: QWidget) -> None:
        assert isinstance(modal, QFileDialog), type(modal)
        modal.setDirectory(str(paths[0].parent))
        edit = modal.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        names = " ".join(f'"{p.name}"' for p in paths) if len(paths) > 1 else paths[0].name
        type_into(qtbot, edit, names)
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    return handler


def action_button(window: MainWindow, action: Action) -> QAbstractButton:
    return case_file(window).action_tools[action]


def press_action(qtbot, window: MainWindow, action: Action) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, action_button(window, action))


def wait_status(qtbot, window: MainWindow, status: Status) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: case_file(window).badge.text() == status.label, timeout=15_000)


def no_modal_left() -> bool:
    return QApplication.activeModalWidget() is None
