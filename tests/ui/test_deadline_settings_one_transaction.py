"""A deadline setting and the next deadlines it moves are one use case (issue 16.3).

Before, Settings → Deadlines saved the change in one transaction and recomputed the stored
next deadlines (``sync_next_due``) in a second, so a refused recompute kept the new day off
while the window said "Not changed", and the lists showed dates from the old rule. Here the
recompute is refused for a real reason: the officer's own policies setting is damaged.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from grievance_desk.services.clock import utc_now
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_registry import CALENDAR_DAYS_OFF
from grievance_desk.storage.settings_store import put_setting
from tests.ui.conftest import settle


def _error_boxes(window) -> list[QMessageBox]:  # type: ignore[no-untyped-def]
    found = QApplication.topLevelWidgets() + window.findChildren(QMessageBox)
    return [
        w
        for w in found
        if isinstance(w, QMessageBox) and w.objectName() == "error_box" and w.isVisible()
    ]


def test_a_refused_recompute_keeps_the_day_off_unsaved(  # type: ignore[no-untyped-def]
    qtbot, runner, window, ui_register: Register
) -> None:
    workspace = window.workspace
    workspace.show_page(3)
    section = workspace.settings.deadline_settings
    qtbot.waitUntil(lambda: section.settings is not None, timeout=10_000)

    def damage() -> object:
        with ui_register.writing() as session:
            put_setting(session, "policies.custom", "not a list")
        with ui_register.reading() as session:
            return CALENDAR_DAYS_OFF.read(session)

    before = runner.call(damage)
    day = utc_now().date() + timedelta(days=10)
    section.new_day.setDate(QDate(day.year, day.month, day.day))
    qtbot.mouseClick(section.add_day, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_error_boxes(window)), timeout=10_000)
    settle(qtbot, runner)
    box = _error_boxes(window)[0]
    assert box.windowTitle() == "Not changed"
    assert "policies.custom" in box.text()

    def days_off() -> object:
        with ui_register.reading() as session:
            return CALENDAR_DAYS_OFF.read(session)

    assert runner.call(days_off) == before, "the day off was saved without its due dates"
    for shown in _error_boxes(window):
        shown.close()
