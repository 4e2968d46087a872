"""The recovery key cannot be lost by a click (issue 13): the set-up wizard's recovery page,
an unlock that shows an unconfirmed key again, and Settings' "New recovery key…".

Driven only through what the officer presses: buttons, the Escape key, typing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWizard
from sqlalchemy import text

from grievance_desk.storage.errors import WrongRecoveryKey
from grievance_desk.storage.keyfile import KeyFile
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import Register, Unlock
from grievance_desk.ui.ops import OpRunner
from grievance_desk.ui.settings_page import SettingsPage
from grievance_desk.ui.setup_wizard import SetupWizard
from grievance_desk.ui.unlock_screen import UnlockScreen
from tests.conftest import PASSPHRASE
from tests.ui.conftest import settle

STRONG = "purple elephants dance quietly 42"
LEFT = Qt.MouseButton.LeftButton


def _button(box: QMessageBox, text: str) -> QPushButton:
    for button in box.buttons():
        if button.text() == text and isinstance(button, QPushButton):
            return button
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")


def _wizard_to_recovery_page(qtbot, runner: OpRunner, path: Path) -> SetupWizard:  # type: ignore[no-untyped-def]
    wizard = SetupWizard(runner, path)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, LEFT)  # welcome: "Set up my register"
    qtbot.keyClicks(wizard.organisation.name, "Example Trading Pvt. Ltd.")
    qtbot.mouseClick(next_button, LEFT)
    qtbot.keyClicks(wizard.officer.name, "Asha Example")
    qtbot.mouseClick(next_button, LEFT)
    qtbot.mouseClick(next_button, LEFT)  # policies as proposed
    qtbot.keyClicks(wizard.passphrase.first, STRONG)
    qtbot.keyClicks(wizard.passphrase.second, STRONG)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    qtbot.waitUntil(lambda: bool(wizard.recovery.recovery_key), timeout=30_000)
    return wizard


def test_the_recovery_page_cannot_be_left_without_confirming(  # type: ignore[no-untyped-def]
    qtbot, runner: OpRunner, register_path: Path
) -> None:
    wizard = _wizard_to_recovery_page(qtbot, runner, register_path)
    shown = wizard.recovery.key.text()
    assert shown == wizard.recovery.recovery_key
    assert register_path.exists()
    # No Cancel once the register exists; Finish waits for the tick box.
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()

    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # closing asks
    assert wizard.leave_box is not None and wizard.leave_box.isVisible()
    qtbot.mouseClick(_button(wizard.leave_box, "Back to the recovery key"), LEFT)
    assert wizard.isVisible() and wizard.recovery.key.text() == shown

    qtbot.mouseClick(wizard.recovery.stored, LEFT)
    assert finish.isEnabled()
    ready: list[object] = []
    wizard.sig_ready.connect(ready.append)
    qtbot.mouseClick(finish, LEFT)
    assert ready and not wizard.isVisible()
    register = wizard.result_value.register  # type: ignore[union-attr]
    assert register.unshown_recovery_key is None
    assert "pending" not in KeyFile.load(key_file_for(register_path)).extra
    runner.call(register.close)
    runner.call(lambda: Register.open(register_path, Unlock(recovery_key=shown)).close())


def test_quitting_on_the_recovery_page_shows_the_key_at_the_next_unlock(  # type: ignore[no-untyped-def]
    qtbot, runner: OpRunner, register_path: Path
) -> None:
    wizard = _wizard_to_recovery_page(qtbot, runner, register_path)
    shown = wizard.recovery.key.text()
    wizard.close()  # the window's close button asks too
    assert wizard.leave_box is not None and wizard.leave_box.isVisible()
    qtbot.mouseClick(_button(wizard.leave_box, "Quit; show the key next time"), LEFT)
    assert not wizard.isVisible()

    screen = UnlockScreen(runner, register_path)
    qtbot.addWidget(screen)
    screen.show()
    unlocked: list[Register] = []
    screen.sig_unlocked.connect(unlocked.append)
    qtbot.keyClicks(screen.field, STRONG)
    qtbot.mouseClick(screen.button, LEFT)
    qtbot.waitUntil(lambda: screen.recovery_dialog is not None, timeout=30_000)
    dialog = screen.recovery_dialog
    assert dialog is not None and dialog.isVisible() and dialog.key.text() == shown
    assert not dialog.ok_button.isEnabled() and not unlocked
    qtbot.mouseClick(dialog.stored, LEFT)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: bool(unlocked), timeout=10_000)
    register = unlocked[0]
    assert register.unshown_recovery_key is None
    assert "pending" not in KeyFile.load(key_file_for(register_path)).extra
    runner.call(register.close)
    runner.call(lambda: Register.open(register_path, Unlock(recovery_key=shown)).close())


def test_settings_makes_a_new_recovery_key_shows_it_once_and_audits_it(  # type: ignore[no-untyped-def]
    qtbot, runner: OpRunner, register_path: Path
) -> None:
    register, old_recovery = runner.call(lambda: Register.create(register_path, PASSPHRASE))
    runner.register = register  # as the window does on unlock
    page = SettingsPage(runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.new_recovery, LEFT)
    # whether an unconfirmed key is waiting is read on the worker first
    qtbot.waitUntil(
        lambda: page.recovery_box is not None and page.recovery_box.isVisible(), timeout=10_000
    )
    qtbot.mouseClick(_button(page.recovery_box, "Make a new recovery key"), LEFT)
    qtbot.waitUntil(lambda: page.recovery_dialog is not None, timeout=10_000)
    dialog = page.recovery_dialog
    assert dialog is not None and dialog.isVisible()
    new_recovery = dialog.key.text()
    assert new_recovery and new_recovery != old_recovery

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # leaving unconfirmed asks first
    assert dialog.leave_box is not None and dialog.leave_box.isVisible()
    qtbot.mouseClick(_button(dialog.leave_box, "Back to the key"), LEFT)
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.stored, LEFT)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: "in force" in page.security_result.text(), timeout=10_000)
    settle(qtbot, runner)

    with register.reading() as session:
        actions = list(session.execute(text("SELECT action FROM audit_event")).scalars())
    assert actions.count("register.recovery_key_replaced") == 1
    runner.call(register.close)
    with pytest.raises(WrongRecoveryKey):
        Register.open(register_path, Unlock(recovery_key=old_recovery))
    runner.call(lambda: Register.open(register_path, Unlock(recovery_key=new_recovery)).close())


def test_the_unlock_screen_says_when_the_attempts_record_was_deleted(  # type: ignore[no-untyped-def]
    qtbot, runner: OpRunner, register_path: Path
) -> None:
    from grievance_desk.storage import unlock_attempts

    runner.call(lambda: Register.create(register_path, PASSPHRASE)[0].close())
    unlock_attempts.attempts_file_for(register_path).unlink()
    screen = UnlockScreen(runner, register_path)
    qtbot.addWidget(screen)
    screen.show()
    unlocked: list[Register] = []
    screen.sig_unlocked.connect(unlocked.append)
    qtbot.keyClicks(screen.field, PASSPHRASE)
    qtbot.keyClick(screen.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(unlocked), timeout=30_000)
    assert screen.notice_box is not None and screen.notice_box.isVisible()
    assert "deleted or replaced" in screen.notice_box.text()
    qtbot.mouseClick(screen.notice_box.button(QMessageBox.StandardButton.Ok), LEFT)
    runner.call(unlocked[0].close)
