"""First run: organisation, officer, policies, passphrase, recovery key, keyring; or a demo.

The register is created when the officer leaves the passphrase page (a commit page: there is
no going back to a passphrase that already sealed the key). Argon2id and the first migration
run on the background thread; the recovery key is then shown exactly once, and Finish stays
disabled until the officer ticks that they printed or saved it. From then on the page cannot
be left without that: Cancel is gone, and closing asks (quitting keeps the key escrowed in
the key file, and the next unlock shows it again until it is confirmed).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from grievance_desk.domain.case_types import RequestType
from grievance_desk.domain.policy_defaults import (
    JURISDICTIONS,
    OrganisationProfile,
    legal_default,
    looser_than,
)
from grievance_desk.domain.policy_presets import PolicyNotInForceError, policy_ids, policy_in_force
from grievance_desk.services.clock import DEFAULT_TIMEZONE, utc_now
from grievance_desk.services.key_files import keyring_status
from grievance_desk.services.organisation import Organisation
from grievance_desk.services.register_access import Register
from grievance_desk.services.register_opening import RegisterOpening
from grievance_desk.services.register_setup import RegisterSetup
from grievance_desk.ui.dialogs import error_text, show_error
from grievance_desk.ui.file_dialogs import open_file_name
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.passphrase_strength import MIN_SCORE, StrengthMeter
from grievance_desk.ui.recovery_key_dialog import (
    STORED_TEXT,
    key_label,
    key_text,
    print_key,
    save_key,
)
from grievance_desk.ui.resources import app_icon
from grievance_desk.ui.widgets import BusyBar, PassphraseEdit, label

# Deliberately public: the demo register holds only fictitious cases.
DEMO_PASSPHRASE = "demo register - fictitious data only"  # noqa: S105
DEMO_CASES = 150


def demo_register_path(register_path: Path) -> Path:
    """The demo register lives apart from the real one, so the two can never mix."""
    return register_path.parent / "demo" / "demo-register.db"


def open_or_create_demo(register_path: Path, opening: RegisterOpening | None = None) -> Register:
    """Open the demo register, creating and filling it on first use (background thread)."""
    return (opening or RegisterOpening()).open_or_create_demo(
        demo_register_path(register_path), DEMO_PASSPHRASE, cases=DEMO_CASES
    )


@dataclass(frozen=True)
class SetupResult:
    register: Register
    demo: bool

    @property
    def unlock_hint(self) -> str:
        """What the unlock screen says under the field: the demo register's passphrase."""
        if not self.demo:
            return ""
        return tr("Demo register passphrase: \u201c{passphrase}\u201d").format(
            passphrase=DEMO_PASSPHRASE
        )


DEMO_CHOSEN_KEY = "setup/demo_chosen"


class WelcomePage(QWizardPage):
    def __init__(self, register_path: Path) -> None:
        super().__init__()
        self.setTitle(tr("Welcome to Grievance Desk"))
        self.setSubTitle(
            tr("An encrypted register of grievances and rights requests, kept on this computer.")
        )
        self.real = QRadioButton(tr("Set up my register"))
        self.real.setChecked(True)
        self.demo = QRadioButton(tr("Try with demo data"))
        self.real.setAccessibleName(tr("Set up my register"))
        self.demo.setAccessibleName(tr("Try with demo data"))
        # The choice is remembered: someone trying the demo starts in the demo next time.
        if QSettings().value(DEMO_CHOSEN_KEY, False) in (True, "true"):
            self.demo.setChecked(True)
        self.demo.toggled.connect(lambda on: QSettings().setValue(DEMO_CHOSEN_KEY, bool(on)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.real)
        layout.addWidget(
            label(
                tr(
                    "Creates an encrypted register at {path}. You choose a passphrase and "
                    "receive a one-time recovery key."
                ).format(path=register_path),
                "hint",
                wrap=True,
            )
        )
        layout.addSpacing(12)
        layout.addWidget(self.demo)
        layout.addWidget(
            label(
                tr(
                    "Opens a separate register filled with fictitious cases (names like "
                    "\u201cAarav Example\u201d, e-mails at example.org). Nothing you do there "
                    "touches your real register."
                ),
                "hint",
                wrap=True,
            )
        )
        layout.addStretch(1)

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return SetupWizard.DEMO if self.demo.isChecked() else SetupWizard.ORGANISATION


class ImageChooser(QWidget):
    """An optional PNG (logo, signature), kept as base64 inside the register."""

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what
        self.data = b""
        self.name = label(tr("None chosen"), "muted")
        choose = QPushButton(tr("Choose…"))
        choose.setAccessibleName(tr("Choose {what}").format(what=what))
        choose.clicked.connect(self._choose)
        clear = QPushButton(tr("Clear"))
        clear.clicked.connect(self._clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name, 1)
        row.addWidget(choose)
        row.addWidget(clear)

    def _choose(self) -> None:
        path = open_file_name(
            self, tr("Choose {what}").format(what=self.what), tr("PNG images (*.png)")
        )
        if path is not None:
            self.data = path.read_bytes()
            self.name.setText(path.name)

    def _clear(self) -> None:
        self.data = b""
        self.name.setText(tr("None chosen"))

    def base64(self) -> str:
        return base64.b64encode(self.data).decode("ascii") if self.data else ""


class OrganisationPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Your organisation"))
        self.setSubTitle(
            tr("Printed on letters and reports. You can change these later in Settings.")
        )
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("e.g. Example Cloud Services Pvt. Ltd."))
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText(tr("Registered office address"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(72)
        self.website = QLineEdit()
        example_site = "https://example.org/privacy"  # an address, the same in every language
        self.website.setPlaceholderText(example_site)
        self.logo = ImageChooser(tr("logo"))
        form = QFormLayout(self)
        form.addRow(tr("Organisation &name:"), self.name)
        form.addRow(tr("Registered &office:"), self.address)
        form.addRow(tr("&Website:"), self.website)
        form.addRow(tr("Logo (optional):"), self.logo)
        for widget, name in (
            (self.name, tr("Organisation name")),
            (self.address, tr("Registered office")),
            (self.website, tr("Website")),
        ):
            widget.setAccessibleName(name)
        self.registerField("org_name*", self.name)


class OfficerPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Grievance officer"))
        self.setSubTitle(
            tr(
                "Who answers requests. DPDP Rules r.9 asks every response to carry these "
                "contact details."
            )
        )
        self.name = QLineEdit()
        self.title_edit = QLineEdit("Grievance Officer")
        self.email = QLineEdit()
        example_address = "grievance@example.org"
        self.email.setPlaceholderText(example_address)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("+91 …")
        self.signature = ImageChooser(tr("signature image"))
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(available_timezones()))
        self.timezone.setCurrentText(DEFAULT_TIMEZONE)
        form = QFormLayout(self)
        form.addRow(tr("Officer's &name:"), self.name)
        form.addRow(tr("&Designation:"), self.title_edit)
        form.addRow(tr("&E-mail:"), self.email)
        form.addRow(tr("&Phone:"), self.phone)
        form.addRow(tr("Signature (optional):"), self.signature)
        form.addRow(tr("Time &zone:"), self.timezone)
        form.addRow("", label(tr("Deadlines end at midnight in this time zone."), "hint"))
        for widget, name in (
            (self.name, tr("Officer's name")),
            (self.title_edit, tr("Officer's title")),
            (self.email, tr("Officer's e-mail")),
            (self.phone, tr("Officer's phone")),
            (self.timezone, tr("Time zone")),
        ):
            widget.setAccessibleName(name)
        self.registerField("officer_name*", self.name)


#: Shown in each request type's combo for "the policy the law gives the case's date".
BY_LAW = QT_TR_NOOP("By law, on the case's received date")


class PoliciesPage(QWizardPage):
    """What the organisation is, so each case gets the policy its law applies on its date."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("What your organisation is"))
        self.setSubTitle(
            tr(
                "The law that sets each deadline depends on what the organisation is and where it "
                "serves. Each new case then gets the policy in force on its received date; you can "
                "choose a stricter policy of your own for any request type."
            )
        )
        self.intermediary = QCheckBox(
            tr(
                "We are an intermediary (IT Act 2000 s.2(1)(w): we host or transmit others' "
                "content)"
            )
        )
        self.intermediary.setAccessibleName(tr("We are an intermediary"))
        self.home = QComboBox()
        self.home.setAccessibleName(tr("Established in"))
        for code, name in JURISDICTIONS.items():
            self.home.addItem(tr(name), code)
        self.also: dict[str, QCheckBox] = {}
        also_row = QHBoxLayout()
        for code, name in JURISDICTIONS.items():
            box = QCheckBox(tr(name))
            box.setAccessibleName(tr("Also serves {country}").format(country=tr(name)))
            self.also[code] = box
            also_row.addWidget(box)
        also_row.addStretch(1)
        self.combos: dict[RequestType, QComboBox] = {}
        inner = QWidget()
        grid = QGridLayout(inner)
        ids = list(policy_ids())
        for row, kind in enumerate(RequestType):
            combo = QComboBox()
            combo.addItem(tr(BY_LAW), None)
            for policy_id in ids:
                combo.addItem(policy_id, policy_id)
            combo.setAccessibleName(tr("Policy for {kind}").format(kind=tr(kind.label)))
            self.combos[kind] = combo
            grid.addWidget(QLabel(tr("{kind}:").format(kind=tr(kind.label))), row, 0)
            grid.addWidget(combo, row, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        form = QFormLayout()
        form.addRow(self.intermediary)
        form.addRow(tr("Established in:"), self.home)
        form.addRow(tr("Also serves:"), also_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                tr("Policy per request type (\u201cBy law\u201d unless you choose a stricter one):")
            )
        )
        layout.addWidget(scroll)
        self.problem = QLabel("")
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """Refuse a policy looser than the law for today's cases, naming both dates."""
        today = utc_now().date()
        profile = self.profile()
        for kind, policy_id in self.choices().items():
            law = legal_default(profile, kind.value, "rights_request", today)
            if law.policy_id is None or law.policy_id == policy_id:
                continue
            try:
                looser = looser_than(
                    policy_in_force(policy_id, today), policy_in_force(law.policy_id, today), today
                )
            except PolicyNotInForceError as error:
                looser = tr("{policy} is not in force today ({error})").format(
                    policy=policy_id, error=error
                )
            if looser is not None:
                self.problem.setText(
                    tr("{kind}: {problem}. Choose a stricter policy.").format(
                        kind=tr(kind.label), problem=looser
                    )
                )
                return False
        self.problem.setText("")
        return True

    def profile(self) -> OrganisationProfile:
        """The answers as the profile the law-based defaults read."""
        home = str(self.home.currentData())
        others = [c for c, box in self.also.items() if box.isChecked() and c != home]
        return OrganisationProfile(self.intermediary.isChecked(), (home, *others))

    def choices(self) -> dict[RequestType, str]:
        """Only the request types the officer gave a policy of their choice."""
        return {
            kind: str(combo.currentData())
            for kind, combo in self.combos.items()
            if combo.currentData() is not None
        }


class PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Choose a passphrase"))
        self.setSubTitle(
            tr(
                "It encrypts the register. Nobody, including us, can recover it; the recovery key "
                "on the next page is the only other way in."
            )
        )
        self.first = PassphraseEdit(tr("Passphrase"))
        self.second = PassphraseEdit(tr("The same passphrase again"))
        self.first.setAccessibleName(tr("Passphrase"))
        self.second.setAccessibleName(tr("Repeat passphrase"))
        self.meter = StrengthMeter()
        self.match = label("", "error")
        form = QFormLayout(self)
        form.addRow(tr("&Passphrase:"), self.first)
        form.addRow("", self.meter)
        form.addRow(tr("&Repeat:"), self.second)
        form.addRow("", self.match)
        self.first.textChanged.connect(self._changed)
        self.second.textChanged.connect(self._changed)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, tr("Create register"))

    def _changed(self) -> None:
        self.meter.update_for(self.first.text())
        mismatch = bool(self.second.text()) and self.second.text() != self.first.text()
        self.match.setText(tr("The two passphrases differ.") if mismatch else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        text = self.first.text()
        return bool(text) and text == self.second.text() and self.meter.score >= MIN_SCORE


class RecoveryPage(QWizardPage):
    """Creates the register in the background, then shows the recovery key once."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Your recovery key"))
        self.setSubTitle(
            tr("If you forget the passphrase, this key is the only way into the register.")
        )
        self.busy = BusyBar()
        self.key = key_label()
        self.print_button = QPushButton(tr("&Print…"))
        self.save_button = QPushButton(tr("&Save as text file…"))
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._save)
        self.stored = QCheckBox(tr(STORED_TEXT))
        self.stored.toggled.connect(self.completeChanged)
        status = keyring_status()
        self.remember = QCheckBox(tr("Remember on this computer (unlock without the passphrase)"))
        self.remember.setEnabled(status.available)
        reason = (
            tr(
                "Keeps the key in this computer's keyring; anyone who can use your account here "
                "can open the register."
            )
            if status.available
            else tr("Not available: {reason}. You will type the passphrase each time.").format(
                reason=status.reason
            )
        )
        self.remember_reason = label(reason, "hint", wrap=True)
        self.error = label("", "error", wrap=True)
        # Nothing was created when the set-up is refused: the officer goes back and fixes it.
        self.back_button = QPushButton(tr("&Back to correct it"))
        self.back_button.setAccessibleName(tr("Back to correct it"))
        self.back_button.clicked.connect(lambda _c=False: self._back_to_correct())
        self.back_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy)
        layout.addWidget(self.key)
        layout.addLayout(buttons)
        layout.addWidget(
            label(
                tr(
                    "It is shown only now. Keep it away from this computer: printed in a locked "
                    "drawer, or in your organisation's password vault."
                ),
                "hint",
                wrap=True,
            )
        )
        layout.addWidget(self.stored)
        layout.addSpacing(8)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_reason)
        layout.addWidget(self.error)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.recovery_key = ""
        self._set_ready(False)

    def _set_ready(self, ready: bool) -> None:
        for widget in (self.key, self.print_button, self.save_button, self.stored):
            widget.setEnabled(ready)
        self.remember.setEnabled(ready and keyring_status().available)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.error.clear()
        self.back_button.hide()
        self.busy.start(tr("Creating the encrypted register…"))
        # The register is being made: from here there is no cancelling it, only finishing.
        self._wizard.setOption(QWizard.WizardOption.NoCancelButton, True)
        self._wizard.create_register(self._created, self._failed)

    def _created(self, recovery_key: str) -> None:
        self.busy.stop()
        self.recovery_key = recovery_key
        self.key.setText(recovery_key)
        self._set_ready(True)
        self.completeChanged.emit()

    def _failed(self, error: Exception) -> None:
        self.busy.stop()
        self.error.setText(error_text(error))
        self._wizard.setOption(QWizard.WizardOption.NoCancelButton, False)
        self.back_button.show()  # no register was made: every answer can still be changed

    def _back_to_correct(self) -> None:
        self._wizard.back()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.recovery_key) and self.stored.isChecked()

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return -1

    def _key_text(self) -> str:
        return key_text(self._wizard.register_path, self.recovery_key)

    def _print(self) -> None:
        print_key(self, self._key_text())

    def _save(self) -> None:
        save_key(self, self._key_text())


class DemoPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Demo register"))
        self.setSubTitle(
            tr("A separate register with fictitious cases, to try every screen safely.")
        )
        self.busy = BusyBar()
        self.message = label("", "", wrap=True)
        self.error = label("", "error", wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.ready = False

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.busy.start(tr("Preparing the demo register…"))
        self._wizard.create_demo(self._done, self._failed)

    def _done(self, _register: Register) -> None:
        self.busy.stop()
        self.ready = True
        self.message.setText(
            tr(
                "Ready: {count} fictitious cases. Its passphrase is \u201c{passphrase}\u201d "
                "(shown on the unlock screen too). Click Finish to open it."
            ).format(count=DEMO_CASES, passphrase=DEMO_PASSPHRASE)
        )
        self.completeChanged.emit()

    def _failed(self, error: Exception) -> None:
        self.busy.stop()
        self.error.setText(error_text(error))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.ready

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return -1


class SetupWizard(QWizard):
    """The first-run wizard; emits ``sig_ready`` with the open register when finished."""

    WELCOME, ORGANISATION, OFFICER, POLICIES, PASSPHRASE, RECOVERY, DEMO = range(7)
    sig_ready = Signal(object)

    def __init__(
        self,
        runner: OpRunner,
        register_path: Path,
        parent: QWidget | None = None,
        *,
        opening: RegisterOpening | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.opening = opening or RegisterOpening()
        self.register_path = register_path
        self.result_value: SetupResult | None = None
        self.setWindowTitle(tr("Set up Grievance Desk"))
        # Qt ships no Hindi for its own wizard buttons: name them in our catalogue.
        buttons = QWizard.WizardButton
        self.setButtonText(buttons.BackButton, tr("< &Back"))
        self.setButtonText(buttons.NextButton, tr("&Next >"))
        self.setButtonText(buttons.FinishButton, tr("&Finish"))
        self.setButtonText(buttons.CancelButton, tr("Cancel"))
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(680, 540)
        self.welcome = WelcomePage(register_path)
        self.organisation = OrganisationPage()
        self.officer = OfficerPage()
        self.policies = PoliciesPage()
        self.passphrase = PassphrasePage()
        self.recovery = RecoveryPage(self)
        self.demo = DemoPage(self)
        for page_id, page in (
            (self.WELCOME, self.welcome),
            (self.ORGANISATION, self.organisation),
            (self.OFFICER, self.officer),
            (self.POLICIES, self.policies),
            (self.PASSPHRASE, self.passphrase),
            (self.RECOVERY, self.recovery),
            (self.DEMO, self.demo),
        ):
            self.setPage(page_id, page)
        self.setStartId(self.WELCOME)
        self._register: Register | None = None
        self.leave_box: QMessageBox | None = None

    def _organisation(self) -> Organisation:
        return Organisation(
            name=self.organisation.name.text().strip(),
            address=self.organisation.address.toPlainText().strip(),
            website=self.organisation.website.text().strip(),
            logo_png=self.organisation.logo.base64(),
            officer_name=self.officer.name.text().strip(),
            officer_title=self.officer.title_edit.text().strip() or "Grievance Officer",
            officer_email=self.officer.email.text().strip(),
            officer_phone=self.officer.phone.text().strip(),
            signature_png=self.officer.signature.base64(),
            timezone=self.officer.timezone.currentText().strip() or DEFAULT_TIMEZONE,
        )

    def create_register(self, on_done: object, on_error: object) -> None:
        """Create the register with the organisation and policies in its first transaction
        (off the GUI thread): a bad choice leaves no register behind."""
        path, opening = self.register_path, self.opening
        passphrase = self.passphrase.first.text()
        setup = RegisterSetup(
            organisation=self._organisation(),
            profile=self.policies.profile(),
            default_policies=self.policies.choices(),
        )

        def work() -> tuple[Register, str]:
            return opening.create(path, passphrase, setup=setup)

        def done(result: tuple[Register, str]) -> None:
            self._register = result[0]
            assert callable(on_done)
            on_done(result[1])

        assert callable(on_error)
        Op(self.runner, work, parent=self).success(done).failure(on_error).run_in_background()

    def create_demo(self, on_done: object, on_error: object) -> None:
        path, opening = self.register_path, self.opening

        def done(register: Register) -> None:
            self._register = register
            assert callable(on_done)
            on_done(register)

        assert callable(on_error)
        Op(self.runner, lambda: open_or_create_demo(path, opening), parent=self).success(
            done
        ).failure(on_error).run_in_background()

    def accept(self) -> None:
        register = self._register
        if register is None:
            return
        demo = self.currentId() == self.DEMO
        if not demo:
            if not self.recovery.isComplete():
                return  # Finish is greyed out until the key is confirmed; Enter does the same
            try:
                self.opening.confirm_recovery_key(register)
            except Exception as error:  # the key stays pending and is shown at next unlock
                show_error(self, tr("Recovery key not confirmed"), error)
            if self.recovery.remember.isChecked():
                try:
                    self.opening.remember(register)
                except Exception as error:
                    show_error(self, tr("Not remembered"), error)
        self.result_value = SetupResult(register, demo)
        self.recovery.recovery_key = ""
        self.recovery.key.clear()
        super().accept()
        self.sig_ready.emit(self.result_value)

    def reject(self) -> None:
        """Cancel, Escape or the close button. Once the register exists with a recovery key
        not yet confirmed, ask first: the key must not be lost by a stray click."""
        if self.result_value is None and self.currentId() == self.RECOVERY:
            if self._register is None and not self.recovery.error.text():
                return  # still being created: wait for the key
            if self._register is not None:
                self._ask_before_leaving()
                return
        self._close_and_reject()

    def _ask_before_leaving(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Recovery key not confirmed"),
            tr(
                "Your register has been created. Its recovery key is the only way in if the "
                "passphrase is forgotten, and you have not confirmed that it is written down."
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("recovery_leave_box")
        box.setInformativeText(
            tr(
                "Go back and print or save it, or quit now: the register keeps the key sealed and "
                "shows it again the next time you unlock it."
            )
        )
        back = box.addButton(tr("Back to the recovery key"), QMessageBox.ButtonRole.RejectRole)
        quit_button = box.addButton(
            tr("Quit; show the key next time"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.setDefaultButton(back)
        quit_button.clicked.connect(lambda _c=False: self._close_and_reject())
        self.leave_box = box
        box.open()

    def _close_and_reject(self) -> None:
        if self._register is not None and self.result_value is None:
            self._register.close()
            self._register = None
        super().reject()
