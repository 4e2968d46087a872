"""One English word, two Hindi ones (issue 17): a deadline is a thing, a workflow step an act.

English says "Acknowledge" for the deadline (a column, the Today page, a reminder) and for the
case file's button; Hindi says पावती for the first and पावती दें for the second. The catalogue
keeps them apart with tr's disambiguation; the Today tile "Open" (the open cases) was shown as
the verb खोलें. Read from the real widgets over a real register.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from grievance_desk.domain.workflow import Action
from grievance_desk.services.cases import register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.vocabulary import deadline_name
from tests.support.drafts import make_draft
from tests.ui.conftest import settle


def test_the_acknowledgement_deadline_and_the_acknowledge_button_differ_in_hindi(  # type: ignore[no-untyped-def]
    hindi,
    qtbot,
    runner,
    window,
    ui_register,
) -> None:
    window.resize(1366, 768)
    now = utc_now()
    reference = runner.call(
        lambda: register_case(
            ui_register, make_draft(received_at=now - timedelta(hours=1)), now=now
        )
    )
    window.page_actions[0].trigger()  # Ctrl+1, Today
    settle(qtbot, runner)
    today = window.workspace.today
    qtbot.waitUntil(lambda: today.deadlines.topLevelItemCount() == 1, timeout=10_000)
    row = today.deadlines.topLevelItem(0)
    assert row.text(1) == reference
    assert row.text(3) == "पावती", "the next deadline is the acknowledgement, a noun"
    assert today.count_buttons["open"].name.text() == "खुले मामले", "the open cases, not खोलें"

    window.page_actions[1].trigger()  # Ctrl+2, Cases
    settle(qtbot, runner)
    cases = window.workspace.cases
    table = cases.table
    first = table.model().index(0, 0)
    qtbot.waitUntil(lambda: not table.visualRect(first).isEmpty(), timeout=10_000)
    assert table.model().data(table.model().index(0, 5)).endswith(" · पावती")  # "08 दिस॰ 2026 · …"
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(first).center()
    )
    case_file = cases.case_file
    qtbot.waitUntil(lambda: case_file.reference == reference, timeout=10_000)
    settle(qtbot, runner)
    button = case_file.actions_box.tools[Action.ACKNOWLEDGE]
    assert button.isVisible() and button.text() == "पावती दें", "the step is a verb"


def test_every_deadline_name_has_its_own_hindi(hindi) -> None:  # type: ignore[no-untyped-def]
    names = {kind: deadline_name(kind) for kind in ("acknowledge", "respond")}
    assert names == {"acknowledge": "पावती", "respond": "उत्तर"}
    assert tr("Acknowledge") == "पावती दें"
    assert deadline_name("extension_notice") != "Extension notice"
    assert deadline_name("extended_respond") != "Extended respond"
