"""Help → About shows the version, the register, the log folder and the third-party notices."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QTabBar

from grievance_desk import __version__
from grievance_desk.ui.about_dialog import AboutDialog
from grievance_desk.ui.main_window import MainWindow


def test_about_from_the_help_box_and_its_shortcut(qtbot, desk: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk.help_action.trigger()
    qtbot.waitUntil(lambda: desk.last_help.isVisible())
    about_button = desk.last_help.findChild(QPushButton, "help_about_button")
    qtbot.mouseClick(about_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(desk, "last_about", None) is not None)
    dialog = desk.last_about
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in texts and str(desk.register_path) in texts
    assert "GPL-3.0-or-later" in texts and "no network connection" in texts

    tabs = dialog.findChild(QTabBar)
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())
    notices = dialog.findChild(QPlainTextEdit, "about_notices")
    qtbot.waitUntil(lambda: "PySide6" in notices.toPlainText())
    assert "LGPL-3.0-only" in notices.toPlainText()
    dialog.reject()
    desk.last_help.close()

    qtbot.keyClick(desk, Qt.Key.Key_F1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.last_about is not dialog and desk.last_about.isVisible())
    desk.last_about.reject()
