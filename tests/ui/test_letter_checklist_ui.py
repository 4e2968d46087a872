"""While drafting, the letter dialog shows what the case's law requires (issue 14 defect 8):
GDPR Art 15(1)(d) retention period open until filled."""

from __future__ import annotations

import os
from datetime import timedelta

from PySide6.QtCore import Qt

from grievance_desk.services.cases import register_case
from grievance_desk.services.clock import utc_now
from tests.support.drafts import make_draft
from tests.ui.test_letters_ui import filled_case, open_letters, pick_template, press


def test_the_checklist_shows_the_laws_items_while_drafting(  # type: ignore[no-untyped-def]
    qtbot, runner, window, ui_register, tmp_path
) -> None:
    filled_case(ui_register)  # the demo organisation's settings
    reference = register_case(
        ui_register,
        make_draft(received_at=utc_now() - timedelta(hours=1), policy_id="gdpr"),
        now=utc_now(),
    )
    tab = open_letters(qtbot, window, reference)
    press(qtbot, tab.new_button)
    dialog = tab.last_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.template_ids()), timeout=10_000)
    qtbot.mouseClick(dialog.show_all, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "access_response" in dialog.template_ids(), timeout=10_000)
    pick_template(qtbot, dialog, "access_response")
    qtbot.waitUntil(lambda: "Art 15(1)(d)" in dialog.checklist.text(), timeout=10_000)
    text = dialog.checklist.text()
    assert "○ How long the data will be kept, or the criteria (GDPR Art 15(1)(d))" in text
    assert "GDPR Art 77; GDPR Art 79" in text
    assert dialog.inputs["letter.retention_period"] is not None
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    dialog.grab().save(os.environ.get("GD_GRAB_DIR", str(tmp_path)) + "/letter-dialog.png")
    dialog.reject()
