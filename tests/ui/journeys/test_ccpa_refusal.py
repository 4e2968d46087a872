"""Journey 3: a CCPA access request entered by hand (Ctrl+N) and refused, with its grounds.

Closing first says what the record lacks (grounds, a reply on file); the refusal letter is
issued, the response marked sent, and the case closed "Refused" with its ground. Reopen then
asks before it starts a new clock.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from grievance_desk.domain.case_types import Outcome, RefusalGround
from grievance_desk.domain.workflow import Action, Status
from grievance_desk.services.cases import find_case
from grievance_desk.storage.register import Register
from grievance_desk.ui.main_window import MainWindow
from tests.ui.conftest import settle
from tests.ui.journeys.conftest import answer_box, button_named, click, when_modal
from tests.ui.journeys.helpers import (
    case_file,
    choose,
    click_item,
    press_action,
    type_into,
    wait_status,
)
from tests.ui.journeys.test_erasure_by_email import _issue


def test_ccpa_access_request_refused_with_grounds(  # type: ignore[no-untyped-def]
    qtbot, runner, desk: MainWindow, office_register: Register
) -> None:
    window = desk
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=10_000)  # read on the worker
    dialog = window.last_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    form = dialog.form
    choose(qtbot, form.channel, "Phone")
    choose(qtbot, form.request_type, "Access")
    choose(qtbot, form.policy, "ccpa")
    type_into(qtbot, form.name, "Test Person Delta")
    type_into(qtbot, form.email, "delta@example.org")
    type_into(qtbot, form.description, "Wants every record about them, by phone (test case).")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    cf = case_file(window)
    qtbot.waitUntil(lambda: cf.reference is not None, timeout=15_000)
    reference = cf.reference
    settle(qtbot, runner)
    assert "ccpa" in cf.deadlines.findChildren(type(cf.title))[0].text().lower()

    # Closing "Refused" straight away: the dialog says what is missing and will not close.
    said: dict[str, object] = {}

    def refuse_too_soon(modal) -> None:  # type: ignore[no-untyped-def]
        choose(qtbot, modal.outcome, Outcome.REFUSED.label)
        qtbot.waitUntil(lambda: "Checking" not in modal.missing.text(), timeout=10_000)
        said["missing"] = modal.missing.text()
        said["ok"] = modal.ok_button.isEnabled()
        click(qtbot, button_named(modal, "Cancel"))

    shown = when_modal(refuse_too_soon)
    press_action(qtbot, window, Action.CLOSE)
    assert shown
    assert "grounds for refusal" in str(said["missing"])
    assert "No response to the requester is on file" in str(said["missing"])
    assert said["ok"] is False
    assert cf.badge.text() == Status.NEW.label

    # The refusal letter, then the response marked sent.
    cf.tabs.setCurrentWidget(cf.letters)
    click(qtbot, cf.letters.new_button)
    letter = cf.letters.last_dialog
    qtbot.waitUntil(lambda: letter.templates.count() > 0, timeout=10_000)
    if not letter.templates.findItems("Refusal", Qt.MatchFlag.MatchExactly):
        click(qtbot, letter.show_all)
    click_item(qtbot, letter.templates, "Refusal")
    qtbot.waitUntil(lambda: "letter.reasons" in letter.inputs, timeout=10_000)
    type_into(
        qtbot,
        letter.inputs["letter.reasons"],
        "The request repeats one we answered last week (test).",
    )
    click(qtbot, letter.create_button)
    qtbot.waitUntil(lambda: letter.drafted is not None, timeout=10_000)
    _issue(qtbot, window, next_step="Do it now")
    wait_status(qtbot, window, Status.RESPONSE_SENT)

    # Close: Refused, with its ground ticked.
    def refuse(modal) -> None:  # type: ignore[no-untyped-def]
        choose(qtbot, modal.outcome, Outcome.REFUSED.label)
        box = modal.grounds[RefusalGround.MANIFESTLY_UNFOUNDED]
        click(qtbot, box)
        qtbot.waitUntil(lambda: modal.ok_button.isEnabled(), timeout=10_000)
        click(qtbot, modal.ok_button)

    closed = when_modal(refuse)
    press_action(qtbot, window, Action.CLOSE)
    assert closed
    wait_status(qtbot, window, Status.CLOSED)
    with office_register.reading() as session:
        case, _ = find_case(session, str(reference))
        assert case.outcome is Outcome.REFUSED
        assert case.refusal_grounds == [RefusalGround.MANIFESTLY_UNFOUNDED.value]

    # Reopen asks first: "Keep it closed" leaves it closed, "Reopen the case" reopens it.
    declined = when_modal(answer_box(qtbot, "Keep it closed"))
    press_action(qtbot, window, Action.REOPEN)
    assert declined
    settle(qtbot, runner)
    assert cf.badge.text() == Status.CLOSED.label
    accepted = when_modal(answer_box(qtbot, "Reopen the case"))
    press_action(qtbot, window, Action.REOPEN)
    assert accepted
    wait_status(qtbot, window, Status.IN_PROGRESS)
