"""The new-case form reads a typed time in the officer's zone and refuses one after now.

The same rules as the import and e-mail paths (tests/services/test_received_time_paths.py).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit, QDialogButtonBox

from grievance_desk.services.clock import utc_now
from grievance_desk.ui.new_case_dialog import NewCaseDialog, blank_draft

IST = ZoneInfo("Asia/Kolkata")


def open_dialog(qtbot) -> NewCaseDialog:  # type: ignore[no-untyped-def]
    dialog = NewCaseDialog(blank_draft(utc_now()), IST, ["org-default"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.name, "Test Person Iota")
    return dialog


def step_year(qtbot, dialog: NewCaseDialog, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """As the officer does: into the field, Tab to the year, arrow up or down."""
    field = dialog.form.received_at
    dialog.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Home)
    while field.currentSection() != QDateTimeEdit.Section.YearSection:
        qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.keyClick(field, key)


def test_a_time_set_in_the_form_is_the_officers_local_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    step_year(qtbot, dialog, Qt.Key.Key_Down)
    shown = datetime.strptime(dialog.form.received_at.text(), "%d %b %Y  %H:%M")
    assert dialog.form.draft().received_at == shown.replace(tzinfo=IST)


def test_a_received_date_after_now_is_refused_with_the_fix(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled()
    step_year(qtbot, dialog, Qt.Key.Key_Up)
    assert not save.isEnabled()
    error = dialog.form._errors["received_at"][1]
    assert error.isVisible()
    assert error.text().startswith("Received date ")
    assert "is after now" in error.text() and "day first: 03/04/2026 is 3 April" in error.text()
    qtbot.keyClick(dialog.form.received_at, Qt.Key.Key_Down)
    assert save.isEnabled() and not error.isVisible()
