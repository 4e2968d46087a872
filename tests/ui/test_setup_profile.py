"""The set-up asks what the organisation is, so each case gets the policy its law applies
(issue 14 defect 4: an Indian intermediary's grievance gets IT Rules r.3(2)(a)(i), not 30 + 30
days), and refuses a request-type policy looser than the law."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from grievance_desk.domain.case_types import RequestType
from grievance_desk.services.policy_settings import load_policy_settings
from grievance_desk.ui.setup_wizard import SetupResult, SetupWizard

STRONG = "violet tractor umbrella sixteen harbour"


def _to_policies_page(qtbot, runner, path: Path) -> SetupWizard:  # type: ignore[no-untyped-def]
    wizard = SetupWizard(runner, path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.organisation.name.setText("Example Widgets Pvt. Ltd. (TEST)")
    wizard.next()
    wizard.officer.name.setText("Test Officer Example")
    wizard.officer.email.setText("officer@example.org")
    wizard.next()
    assert wizard.currentId() == SetupWizard.POLICIES
    return wizard


def test_an_intermediary_gets_the_it_rules_for_grievances(qtbot, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = _to_policies_page(qtbot, runner, tmp_path / "register.db")
    page = wizard.policies
    qtbot.mouseClick(
        page.intermediary, Qt.MouseButton.LeftButton, pos=QPoint(8, page.intermediary.height() // 2)
    )  # on the tick box itself
    assert page.home.currentData() == "IN"
    results: list[SetupResult] = []
    wizard.sig_ready.connect(results.append)
    wizard.next()
    wizard.passphrase.first.setText(STRONG)
    wizard.passphrase.second.setText(STRONG)
    wizard.next()
    qtbot.waitUntil(lambda: bool(wizard.recovery.recovery_key), timeout=20_000)
    wizard.recovery.stored.setChecked(True)
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert results
    register = results[0].register
    with register.reading() as session:
        settings = load_policy_settings(session)
    assert settings.profile is not None and settings.profile.intermediary
    assert settings.defaults == {}
    assert settings.default_for("other", "complaint", date(2026, 12, 6)) == "it-rules-2021"
    runner.call(register.close)  # closed on the worker thread that opened it, as the app does


def test_a_policy_looser_than_the_law_is_refused_on_the_page(qtbot, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = _to_policies_page(qtbot, runner, tmp_path / "register.db")
    page = wizard.policies
    page.home.setCurrentIndex(page.home.findData("UK"))
    combo = page.combos[RequestType.ACCESS]
    combo.setCurrentIndex(combo.findData("ccpa"))  # 45 days: looser than UK GDPR's month
    wizard.next()
    assert wizard.currentId() == SetupWizard.POLICIES
    assert "never looser" in page.problem.text() and "uk-gdpr" in page.problem.text()
    combo.setCurrentIndex(0)
    wizard.next()
    assert wizard.currentId() != SetupWizard.POLICIES
