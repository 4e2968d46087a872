"""The officer's day through real widgets on real registers: set-up to closing a case."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from grievance_desk.domain.workflow import Action, Status
from grievance_desk.services.cases import find_case
from grievance_desk.ui.main_window import MainWindow
from grievance_desk.ui.setup_wizard import SetupResult, SetupWizard
from tests.ui.conftest import settle

STRONG = "violet tractor umbrella sixteen harbour"


def run_wizard(qtbot, runner, path: Path) -> SetupResult:  # type: ignore[no-untyped-def]
    wizard = SetupWizard(runner, path)
    qtbot.addWidget(wizard)
    wizard.show()
    results: list[SetupResult] = []
    wizard.sig_ready.connect(results.append)
    wizard.next()
    wizard.organisation.name.setText("Example Widgets Pvt. Ltd. (TEST)")
    wizard.next()
    wizard.officer.name.setText("Test Officer Example")
    wizard.officer.email.setText("officer@example.org")
    wizard.next()
    assert wizard.currentId() == SetupWizard.POLICIES
    wizard.next()
    page = wizard.passphrase
    page.first.setText("password")
    page.second.setText("password")
    assert not page.isComplete(), "a very weak passphrase must be refused"
    page.first.setText(STRONG)
    page.second.setText(STRONG + "x")
    assert not page.isComplete()
    page.second.setText(STRONG)
    assert page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: bool(wizard.recovery.recovery_key), timeout=20_000)
    finish = wizard.button(wizard.WizardButton.FinishButton)
    assert not finish.isEnabled(), "Finish waits for the 'I stored it' tick"
    wizard.recovery.stored.setChecked(True)
    assert finish.isEnabled()
    finish.click()
    assert results
    return results[0]


def test_wizard_then_a_case_from_receipt_to_closure(qtbot, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_wizard(qtbot, runner, tmp_path / "office" / "register.db")
    assert not result.demo
    window = MainWindow(runner, result.register.path, result.register)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, runner)

    window.new_action.trigger()  # Ctrl+N; the form's choices are read on the worker first
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=10_000)
    dialog = window.last_dialog
    assert dialog is not None
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled(), "nothing is saved without the requester's name"
    dialog.form.name.setText("Test Person Beta")
    dialog.form.email.setText("not-an-email")
    assert not save.isEnabled()
    assert dialog.form.email.property("invalid") == "true"
    dialog.form.email.setText("beta@example.org")
    dialog.form.description.setPlainText("Please erase my trial account (test case).")
    assert save.isEnabled()
    save.click()
    case_file = window.workspace.cases.case_file
    qtbot.waitUntil(lambda: case_file.reference is not None, timeout=10_000)
    reference = case_file.reference

    def status() -> Status:
        with result.register.reading() as session:
            return Status(find_case(session, reference)[0].status)

    for action, expected in (
        (Action.ACKNOWLEDGE, Status.ACKNOWLEDGED),
        (Action.REQUEST_IDENTITY_PROOF, Status.AWAITING_IDENTITY_PROOF),
        (Action.RESUME, Status.IN_PROGRESS),
    ):
        case_file.action_buttons[action].trigger()
        qtbot.waitUntil(lambda e=expected: case_file.badge.text() == e.label, timeout=10_000)
        assert status() is expected

    timeline_before = case_file.timeline.topLevelItemCount()
    case_file.apply_extension("The records sit in three systems (test).")
    qtbot.waitUntil(
        lambda: case_file.timeline.topLevelItemCount() > timeline_before, timeout=10_000
    )
    newest = case_file.timeline.topLevelItem(0)
    assert "extend" in newest.text(1).lower()

    from grievance_desk.domain.case_types import Outcome

    # No reply is on file, so only an outcome that needs none may close it (domain.closing).
    case_file.apply_action(Action.CLOSE, outcome=Outcome.WITHDRAWN, note="Done (test).")
    qtbot.waitUntil(lambda: case_file.badge.text() == Status.CLOSED.label, timeout=10_000)
    assert status() is Status.CLOSED
    assert case_file.action_buttons[Action.REOPEN].isEnabled()
    assert not case_file.action_buttons[Action.ACKNOWLEDGE].isEnabled()
    window.lock()
    settle(qtbot, runner)


def test_forbidden_transition_button_is_disabled(qtbot, runner, window, ui_register) -> None:  # type: ignore[no-untyped-def]
    from grievance_desk.services.cases import register_case
    from tests.conftest import NOW
    from tests.support.drafts import make_draft

    reference = register_case(ui_register, make_draft(), now=NOW)
    window.open_case(reference)
    case_file = window.workspace.cases.case_file
    qtbot.waitUntil(lambda: case_file.reference == reference, timeout=10_000)
    assert case_file.action_buttons[Action.ACKNOWLEDGE].isEnabled()
    assert not case_file.action_buttons[Action.RESUME].isEnabled(), "resume needs a wait first"
    assert not case_file.action_buttons[Action.REOPEN].isEnabled(), "only a closed case reopens"
    assert not case_file.action_tools[Action.REOPEN].isVisible(), "hidden, not greyed out"
    assert case_file.action_tools[Action.ACKNOWLEDGE].isVisible()


def test_search_finds_a_case_by_a_word_of_its_description(
    qtbot, runner, window, ui_register
) -> None:  # type: ignore[no-untyped-def]
    from grievance_desk.domain.case_record import Requester
    from grievance_desk.services.cases import register_case
    from tests.conftest import NOW
    from tests.support.drafts import make_draft

    register_case(ui_register, make_draft(), now=NOW)
    wanted = register_case(
        ui_register,
        make_draft(
            requester=Requester(name="Test Person Gamma", email="gamma@example.org"),
            description="The loyalty-points statement shows someone else's flamingo address.",
        ),
        now=NOW,
    )
    window.workspace.show_page(1)
    cases = window.workspace.cases
    settle(qtbot, runner)
    assert cases.model.rowCount() == 2
    qtbot.keyClicks(cases.search, "flamin")
    qtbot.waitUntil(lambda: cases.model.rowCount() == 1, timeout=5_000)
    index = cases.model.index(0, 0)
    assert cases.model.data(index) == wanted
    cases.search.clear()
    qtbot.waitUntil(lambda: cases.model.rowCount() == 2, timeout=5_000)


def test_wrong_passphrase_says_so_and_keeps_the_field(qtbot, runner, register) -> None:  # type: ignore[no-untyped-def]
    path = register.path
    register.close()
    window = MainWindow(runner, path)
    qtbot.addWidget(window)
    window.show()
    screen = window.unlock_screen
    qtbot.keyClicks(screen.field, "wrong horse battery")
    qtbot.keyClick(screen.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(screen.error.text()), timeout=10_000)
    assert "not correct" in screen.error.text()
    assert screen.field.text() == "wrong horse battery"
    assert window.is_locked
    screen.field.setText("correct horse battery staple")
    screen.unlock()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    window.lock()
    settle(qtbot, runner)


def test_idle_auto_lock_clears_the_window_and_drops_the_key(
    qtbot, runner, window, ui_register
) -> None:  # type: ignore[no-untyped-def]
    from grievance_desk.services.cases import register_case
    from tests.conftest import NOW
    from tests.support.drafts import make_draft

    reference = register_case(ui_register, make_draft(), now=NOW)
    window.open_case(reference)
    qtbot.waitUntil(lambda: window.workspace.cases.case_file.reference == reference, timeout=10_000)
    window.idle.set_timeout_ms(150)
    window.idle.start()
    qtbot.waitUntil(lambda: window.is_locked, timeout=5_000)
    settle(qtbot, runner)
    assert window.stack.currentWidget() is window.unlock_screen
    assert window.stack.count() == 1, "no page with personal data is left in the window"
    assert ui_register._data_key is None, "the key is dropped"
    window.idle.set_minutes(10)
    screen = window.unlock_screen
    screen.field.setText("correct horse battery staple")
    screen.unlock()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    qtbot.waitUntil(lambda: window.workspace.cases.case_file.reference == reference, timeout=10_000)
    assert window.workspace.nav.currentRow() == 1, "unlocking returns to where the officer was"
