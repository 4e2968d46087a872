"""Setting up a register is one use case: created with its organisation and policies, or not
at all (issue 16.3).

Before, the wizard created the register, then saved the organisation, the profile and each
policy in transactions of their own: a mistyped officer e-mail was refused only after the
register existed, so the officer saw an error on a page with no way back, and a register
without an organisation stayed on disk (the next set-up then said it already exists).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard

from grievance_desk.services.organisation import load_organisation
from grievance_desk.storage.paths import key_file_for
from grievance_desk.ui.ops import OpRunner
from grievance_desk.ui.setup_wizard import SetupResult, SetupWizard
from tests.ui.conftest import settle

STRONG = "violet tractor umbrella sixteen harbour"
LEFT = Qt.MouseButton.LeftButton


def test_a_mistyped_officer_email_leaves_no_register_behind(  # type: ignore[no-untyped-def]
    qtbot, runner: OpRunner, register_path: Path
) -> None:
    wizard = SetupWizard(runner, register_path)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, LEFT)  # welcome: "Set up my register"
    qtbot.keyClicks(wizard.organisation.name, "Example Trading Pvt. Ltd.")
    qtbot.mouseClick(next_button, LEFT)
    qtbot.keyClicks(wizard.officer.name, "Asha Example")
    qtbot.keyClicks(wizard.officer.email, "asha at example.org")
    qtbot.mouseClick(next_button, LEFT)
    qtbot.mouseClick(next_button, LEFT)  # policies as proposed
    qtbot.keyClicks(wizard.passphrase.first, STRONG)
    qtbot.keyClicks(wizard.passphrase.second, STRONG)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    qtbot.waitUntil(lambda: bool(wizard.recovery.error.text()), timeout=30_000)
    settle(qtbot, runner)
    assert "asha at example.org" in wizard.recovery.error.text()
    assert not wizard.recovery.recovery_key
    assert not register_path.exists(), "a register without its organisation was left behind"
    assert not key_file_for(register_path).exists()

    # Nothing was made, so every answer can still be corrected: back to the officer's page.
    qtbot.mouseClick(wizard.recovery.back_button, LEFT)
    assert wizard.currentId() == SetupWizard.PASSPHRASE
    back = wizard.button(QWizard.WizardButton.BackButton)
    qtbot.mouseClick(back, LEFT)
    qtbot.mouseClick(back, LEFT)
    assert wizard.currentId() == SetupWizard.OFFICER
    wizard.officer.email.selectAll()
    qtbot.keyClicks(wizard.officer.email, "asha@example.org")
    qtbot.mouseClick(next_button, LEFT)
    qtbot.mouseClick(next_button, LEFT)
    assert wizard.passphrase.isComplete(), "the passphrase typed before is kept"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    qtbot.waitUntil(lambda: bool(wizard.recovery.recovery_key), timeout=30_000)
    assert not wizard.recovery.error.text() and not wizard.recovery.back_button.isVisible()
    results: list[SetupResult] = []
    wizard.sig_ready.connect(results.append)
    qtbot.mouseClick(
        wizard.recovery.stored, LEFT, pos=QPoint(8, wizard.recovery.stored.height() // 2)
    )
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
    assert results
    register = results[0].register
    organisation = runner.call(lambda: load_organisation(register))
    assert (organisation.name, organisation.officer_email) == (
        "Example Trading Pvt. Ltd.",
        "asha@example.org",
    )
    runner.call(register.close)
