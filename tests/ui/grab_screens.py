"""Grab every page and dialog to PNG, light and dark, for a person to look at.

    python -m tests.ui.grab_screens OUTDIR

The window is 1366x768 (a common laptop), and the main pages again at 1024x640; the
journeys' key screens (wizard, case, letter, report, drill-down and back) are among them.

Uses a demo register (fictitious data) in a temporary folder; never the officer's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GRIEVANCE_DESK_KDF_PROFILE", "fast")


def main(outdir: Path) -> int:
    from grievance_desk.storage.keyfile import KDF_PROFILE_ENV, allow_fast_kdf_for_tests

    os.environ[KDF_PROFILE_ENV] = "fast"
    allow_fast_kdf_for_tests()  # the fast profile is honoured only in test processes
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # never touch the real keychain
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

    from grievance_desk.ui import theme
    from grievance_desk.ui.case_dialogs import CloseCaseDialog, ExtendDialog
    from grievance_desk.ui.main import application
    from grievance_desk.ui.main_window import MainWindow
    from grievance_desk.ui.ops import OpRunner
    from grievance_desk.ui.settings_page import ChangePassphraseDialog
    from grievance_desk.ui.setup_wizard import SetupWizard, open_or_create_demo

    outdir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="grievance-screens-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "ini"))
    app = application()
    runner = OpRunner()

    def pump(rounds: int = 12) -> None:
        for _ in range(rounds):
            runner.wait_idle()
            app.processEvents()

    def grab(widget: QWidget, name: str) -> None:
        pump()
        widget.grab().save(str(outdir / f"{name}.png"))

    for scheme in ("light", "dark"):
        theme.apply_theme(app, scheme)  # type: ignore[arg-type]
        from grievance_desk.ui import resources

        resources._tinted.cache_clear()
        base = work / scheme / "register.db"
        wizard = SetupWizard(runner, base)
        wizard.resize(720, 560)
        wizard.show()
        grab(wizard, f"{scheme}-01-wizard-welcome")
        wizard.next()
        wizard.organisation.name.setText("Example Cloud Services Pvt. Ltd. (DEMO)")
        grab(wizard, f"{scheme}-02-wizard-organisation")
        wizard.next()
        wizard.officer.name.setText("Demo Grievance Officer")
        grab(wizard, f"{scheme}-03-wizard-officer")
        wizard.next()
        grab(wizard, f"{scheme}-04-wizard-policies")
        wizard.next()
        wizard.passphrase.first.setText("violet tractor")
        wizard.passphrase.second.setText("violet")
        grab(wizard, f"{scheme}-05-wizard-passphrase")
        strong = "violet tractor umbrella sixteen harbour"
        wizard.passphrase.first.setText(strong)
        wizard.passphrase.second.setText(strong)
        wizard.next()
        pump(30)
        grab(wizard, f"{scheme}-06-wizard-recovery-key")
        wizard.recovery.stored.setChecked(True)
        wizard.button(wizard.WizardButton.FinishButton).click()
        pump()
        assert wizard.result_value is not None
        runner.call(wizard.result_value.register.close)

        register = runner.call(lambda b=base: open_or_create_demo(b))
        window = MainWindow(runner, register.path, register, demo=True)
        window.resize(1366, 768)  # a true 1366x768 laptop (issue 13)
        window.show()
        pump(30)
        grab(window, f"{scheme}-10-today")
        workspace = window.workspace
        assert workspace is not None
        workspace.show_page(1)
        pump(20)
        cases = workspace.cases
        cases.table.selectRow(0)
        pump(20)
        for tab, name in enumerate(("details", "deadlines", "timeline", "attachments", "letters")):
            cases.case_file.tabs.setCurrentIndex(tab)
            grab(window, f"{scheme}-{11 + tab}-cases-{name}")
        # a letter drafted, previewed, then edited
        letters = cases.case_file.letters
        new_letter = letters.new() if not os.environ.get("SKIP_LETTERS") else None
        if new_letter is not None:
            pump(20)
            grab(new_letter, f"{scheme}-50-new-letter")
            new_letter.create_draft()
            pump(40)
        from PySide6.QtTest import QTest

        QTest.qWait(400)  # the preview redraws pages after a resize settles
        grab(window, f"{scheme}-51-letter-preview")
        letters.inner.setCurrentIndex(1)
        grab(window, f"{scheme}-52-letter-edit")
        letters.inner.setCurrentIndex(0)
        from grievance_desk.ui.template_editor import TemplateEditorDialog

        editor = TemplateEditorDialog(runner=runner, template_id="refusal")
        editor.show()
        pump(20)
        editor.body.setPlainText(editor.body.toPlainText() + "\n\n{{ requester.shoe_size }}")
        editor.check()
        grab(editor, f"{scheme}-53-template-editor")
        editor._saved_text = editor._text()
        editor.close()
        correspondence = cases.case_file.record_correspondence()
        if correspondence is not None:
            correspondence.subject.setText("Identity proof received (demo)")
            correspondence.counterpart.setText("requester@example.org")
            grab(correspondence, f"{scheme}-54-correspondence")
            correspondence.reject()
        cases.case_file.tabs.setCurrentIndex(0)
        cases.case_file.form.email.setText("not-an-address")
        grab(window, f"{scheme}-16-case-invalid-email")
        cases.case_file.revert()
        cases.apply_view("My overdue")
        pump(20)
        grab(window, f"{scheme}-17-cases-my-overdue")
        cases.search.setText("delete")
        pump(20)
        grab(window, f"{scheme}-18-cases-search")
        workspace.show_page(2)
        grab(window, f"{scheme}-20-reports")
        reports = workspace.reports
        if not os.environ.get("SKIP_REPORTS"):
            reports.build()
        pump(60)
        grab(window, f"{scheme}-22-reports-built")
        scroll = reports.stack.widget(1)
        bar = scroll.verticalScrollBar()  # type: ignore[attr-defined]
        bar.setValue(bar.maximum())
        grab(window, f"{scheme}-23-reports-charts")
        reports.open_figure("received")
        pump(20)
        grab(window, f"{scheme}-24-cases-drill-down")
        workspace.show_page(2)  # journey 5: back to the report, as it was
        pump(20)
        grab(window, f"{scheme}-25-reports-back")
        workspace.cases.clear_references()
        workspace.show_page(3)
        pump(20)
        grab(window, f"{scheme}-21-settings")
        settings_scroll = workspace.settings.findChild(QScrollArea)
        if settings_scroll is not None:
            for step, name in ((1, "policies"), (2, "templates")):
                area = settings_scroll.verticalScrollBar()
                area.setValue(area.maximum() * step // 2)
                grab(window, f"{scheme}-2{4 + step}-settings-{name}")
        policy_dialog = workspace.settings.deadline_settings.copy_preset_dialog()
        grab(policy_dialog, f"{scheme}-34-policy-dialog")
        policy_dialog.reject()
        window.show_help()
        grab(window.last_help, f"{scheme}-35-help")
        window.last_help.close()
        window.new_case()
        pump()
        dialog = window.last_dialog
        if dialog is not None:
            grab(dialog, f"{scheme}-30-new-case")
            dialog.reject()
        from datetime import date

        from grievance_desk.services.extensions import ExtensionPreview

        closing = CloseCaseDialog("GRV-2026-00001", window)
        closing.show_problems(
            [
                "No response to the requester is on file: issue a response letter (Letters "
                "tab) or record the reply you sent (Record correspondence), then close."
            ]
        )
        preview = ExtensionPreview(
            reference="GRV-2026-00001",
            respond_by=date(2026, 12, 20),
            new_respond_by=date(2027, 1, 19),
            refusal=None,
            limit="Organisation policy allows at most 1 extension of 30 calendar days "
            "(privacy notice); 0 granted so far.",
            notice_by=date(2026, 12, 20),
        )
        for number, box in (
            (31, closing),
            (32, ExtendDialog("GRV-2026-00001", preview, window)),
            (33, ChangePassphraseDialog(window)),
        ):
            box.show()
            grab(box, f"{scheme}-{number}-{type(box).__name__}")
            box.close()
        # The smallest window the workspace is laid out for.
        window.resize(1024, 640)
        for page, name in ((0, "today"), (1, "cases"), (2, "reports"), (3, "settings")):
            workspace.show_page(page)
            pump(20)
            grab(window, f"{scheme}-6{page}-small-{name}")
        window.resize(1366, 768)
        window.lock()
        pump(20)
        window.unlock_screen.field.setText("wrong")
        window.unlock_screen.unlock()
        pump(40)
        grab(window, f"{scheme}-40-unlock-wrong-passphrase")
        window.unlock_screen.field._toggle.trigger()
        window.unlock_screen.restore_button.show()
        grab(window, f"{scheme}-41-unlock-shown-restore")
        restore = window.unlock_screen.choose_backup()
        if restore is not None:
            grab(restore, f"{scheme}-42-restore-dialog")
            restore.reject()
        window.close()
        pump()
    runner.shutdown()
    print(f"Screens written to {outdir}")
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screens")))
