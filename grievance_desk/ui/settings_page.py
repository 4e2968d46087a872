"""Settings: organisation and officer, auto-lock, passphrase, this computer, backups, and
the deadline rules (policies, holidays, reminders) and letter templates.

Organisation details and the backup settings live inside the register (they travel with it);
auto-lock minutes are about this computer, so they live in QSettings.
"""

from __future__ import annotations

import base64
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.case_record import Requester, problems_in
from grievance_desk.services.clock import utc_now
from grievance_desk.services.key_files import keyring_status
from grievance_desk.services.key_rotation import confirm_recovery_key, new_recovery_key
from grievance_desk.services.organisation import Organisation, load_organisation, save_organisation
from grievance_desk.services.register_access import Register
from grievance_desk.ui.backup_settings_box import BackupSettingsBox
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.file_dialogs import open_file_name
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.language_box import LanguageBox
from grievance_desk.ui.new_case_dialog import blank_draft
from grievance_desk.ui.ops import Op, OpChanges, OpRunner
from grievance_desk.ui.passphrase_strength import MIN_SCORE, StrengthMeter
from grievance_desk.ui.policy_settings_box import DeadlineSettingsSection
from grievance_desk.ui.recovery_key_dialog import RecoveryKeyDialog
from grievance_desk.ui.widgets import PassphraseEdit, label, name_standard_buttons, set_invalid

AUTO_LOCK_KEY = "security/auto_lock_minutes"
DEFAULT_AUTO_LOCK = 10


def auto_lock_minutes() -> int:
    value = QSettings().value(AUTO_LOCK_KEY, DEFAULT_AUTO_LOCK)
    try:
        return max(1, int(str(value)))
    except ValueError:
        return DEFAULT_AUTO_LOCK


def contact_problems(email: str, phone: str) -> dict[str, str]:
    """Problems with the officer's e-mail and phone, found by the very check that a
    requester's pass (``domain.case_record.problems_in``), keyed "email" / "phone"."""
    person = Requester(name="officer", email=email.strip(), phone=phone.strip())
    found = problems_in(replace(blank_draft(utc_now()), requester=person))
    problems: dict[str, str] = {}
    for problem in found:
        field = problem.field.removeprefix("requester.")
        if field in ("email", "phone"):
            problems[field] = (
                tr("Your e-mail: {problem}") if field == "email" else tr("Your phone: {problem}")
            ).format(problem=problem.message)
    return problems


class ImageSetting(QWidget):
    """A PNG or JPEG kept in the register (logo, signature): shown small, chosen, removed."""

    MAX_BYTES = 2_000_000

    def __init__(self, what: str, hint: str) -> None:
        super().__init__()
        self.what = what
        self._data = b""
        self.preview = QLabel()
        self.preview.setProperty("role", "muted")
        self.preview.setFixedSize(120, 40)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.preview.setToolTip(hint)
        self.choose_button = QPushButton(tr("Choose…"))
        self.choose_button.setAccessibleName(tr("Choose {what}").format(what=tr(what)))
        self.choose_button.clicked.connect(lambda _c=False: self.choose())
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setAccessibleName(tr("Remove {what}").format(what=tr(what)))
        self.remove_button.clicked.connect(lambda _c=False: self.set_data(b""))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.set_data(b"")

    def choose(self) -> None:
        path = open_file_name(
            self,
            tr("Choose the {what}").format(what=tr(self.what)),
            tr("Images (*.png *.jpg *.jpeg)"),
        )
        if path is None:
            return
        data = path.read_bytes()
        image = QImage.fromData(data)
        if image.isNull() or len(data) > self.MAX_BYTES:
            show_error(
                self,
                tr("Not an image we can use"),
                tr(
                    "{name} is not a PNG or JPEG image under 2 MB. Choose another file; "
                    "nothing was changed."
                ).format(name=path.name),
            )
            return
        self.set_data(data)

    def set_data(self, data: bytes) -> None:
        self._data = data
        image = QImage.fromData(data) if data else QImage()
        if image.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(tr("None chosen"))
        else:
            self.preview.setPixmap(
                QPixmap.fromImage(image).scaled(
                    self.preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.remove_button.setEnabled(bool(data))

    def set_base64(self, text: str) -> None:
        try:
            self.set_data(base64.b64decode(text) if text else b"")
        except ValueError:
            self.set_data(b"")

    def base64(self) -> str:
        return base64.b64encode(self._data).decode("ascii") if self._data else ""


class ChangePassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Change passphrase"))
        self.first = PassphraseEdit(tr("New passphrase"))
        self.first.setAccessibleName(tr("New passphrase"))
        self.second = PassphraseEdit(tr("The same again"))
        self.second.setAccessibleName(tr("Repeat new passphrase"))
        self.meter = StrengthMeter()
        self.match = label("", "error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Change"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(
            label(
                tr(
                    "The register stays as it is; only the key file is re-sealed. The recovery "
                    "key keeps working."
                ),
                "hint",
                wrap=True,
            )
        )
        form.addRow(tr("&New passphrase:"), self.first)
        form.addRow("", self.meter)
        form.addRow(tr("&Repeat:"), self.second)
        form.addRow("", self.match)
        form.addRow(self.buttons)
        self.first.textChanged.connect(self._changed)
        self.second.textChanged.connect(self._changed)
        self._changed()
        self.setMinimumWidth(460)

    def _changed(self) -> None:
        self.meter.update_for(self.first.text())
        text = self.first.text()
        mismatch = bool(self.second.text()) and self.second.text() != text
        self.match.setText(tr("The two passphrases differ.") if mismatch else "")
        ok = bool(text) and text == self.second.text() and self.meter.score >= MIN_SCORE
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class SettingsPage(QWidget):
    sig_auto_lock_changed = Signal(int)
    sig_deadlines_changed = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._organisation = Organisation()

        self.org_name = QLineEdit()
        self.org_address = QLineEdit()
        self.org_website = QLineEdit()
        self.officer_name = QLineEdit()
        self.officer_title = QLineEdit()
        self.officer_email = QLineEdit()
        self.officer_phone = QLineEdit()
        self.timezone = QLineEdit()
        self.logo = ImageSetting(
            QT_TR_NOOP("logo"), tr("Printed at the top right of every letter.")
        )
        self.signature = ImageSetting(
            QT_TR_NOOP("signature image"), tr("Printed above your name on letters.")
        )
        self.officer_email.setPlaceholderText(tr("name@example.org"))
        self.officer_phone.setPlaceholderText("+91 …")
        self.officer_email.textChanged.connect(lambda _t: self._check_contact(False))
        self.officer_phone.textChanged.connect(lambda _t: self._check_contact(False))
        org_box = QGroupBox(tr("Organisation and officer"))
        org_form = QFormLayout(org_box)
        for text, widget in (
            (tr("Organisation:"), self.org_name),
            (tr("Registered office:"), self.org_address),
            (tr("Website:"), self.org_website),
            (tr("Officer's name:"), self.officer_name),
            (tr("Title:"), self.officer_title),
            (tr("E-mail:"), self.officer_email),
            (tr("Phone:"), self.officer_phone),
            (tr("Time zone:"), self.timezone),
            (tr("Logo:"), self.logo),
            (tr("Signature:"), self.signature),
        ):
            widget.setAccessibleName(text.rstrip(":"))
            org_form.addRow(text, widget)
        self.contact_error = label("", "error", wrap=True)
        self.contact_error.hide()
        org_form.addRow("", self.contact_error)
        self.save_org = QPushButton(tr("Save details"))
        self.save_org.setProperty("role", "primary")
        self.save_org.clicked.connect(self.save_organisation)
        org_form.addRow("", self.save_org)

        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(1, 240)
        self.auto_lock.setSuffix(tr(" minutes"))
        self.auto_lock.setValue(auto_lock_minutes())
        self.auto_lock.setAccessibleName(tr("Lock after idle minutes"))
        self.auto_lock.valueChanged.connect(self._auto_lock_changed)
        self.change_passphrase = QPushButton(tr("Change passphrase…"))
        self.change_passphrase.clicked.connect(self.ask_new_passphrase)
        status = keyring_status()
        self.remember = QCheckBox(tr("Remember the key on this computer"))
        self.remember.setEnabled(status.available)
        self.remember.setChecked(False)  # the register's answer arrives with refresh()
        self.remember.toggled.connect(self._remember_toggled)
        self.remember_reason = label(
            tr("Unlocks without the passphrase when you sign in to this computer.")
            if status.available
            else tr("Not available: {reason}.").format(reason=status.reason),
            "hint",
            wrap=True,
        )
        self.new_recovery = QPushButton(tr("New recovery key…"))
        self.new_recovery.setAccessibleName(tr("New recovery key"))
        self.new_recovery.setToolTip(
            tr("Make a new recovery key (for a lost or exposed one); the old one stops working")
        )
        self.new_recovery.clicked.connect(lambda _c=False: self.ask_new_recovery_key())
        self.recovery_box: QMessageBox | None = None
        self.recovery_dialog: RecoveryKeyDialog | None = None
        security = QGroupBox(tr("Security"))
        sec_form = QFormLayout(security)
        sec_form.addRow(tr("Lock after idle:"), self.auto_lock)
        sec_form.addRow("", self.change_passphrase)
        sec_form.addRow(tr("Recovery key:"), self.new_recovery)
        sec_form.addRow("", self.remember)
        sec_form.addRow("", self.remember_reason)
        self.security_result = label("", "hint", wrap=True)
        sec_form.addRow("", self.security_result)

        self.backups = BackupSettingsBox(runner)
        backups = self.backups

        self.language = LanguageBox()

        self.deadline_settings = DeadlineSettingsSection(runner)
        self.deadline_settings.sig_deadlines_changed.connect(self.sig_deadlines_changed)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(label(tr("Settings"), "page_title"))
        for box in (org_box, security, backups, self.language, *self.deadline_settings.boxes):
            box.setMaximumWidth(760)
        for box in (org_box, security, backups, self.language):
            layout.addWidget(box)
        self.deadline_settings.setMaximumWidth(760)
        layout.addWidget(self.deadline_settings)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def refresh(self) -> None:
        self.deadline_settings.refresh()
        self.backups.refresh()
        Op.on_register(self.runner, load_organisation, parent=self).success(self._show).failure(
            lambda _e: None
        ).run_in_background()
        Op.on_register(
            self.runner, lambda register: register.remembered_backend is not None, parent=self
        ).success(self._show_remembered).failure(lambda _e: None).run_in_background()

    def _show_remembered(self, remembered: bool) -> None:
        self.remember.blockSignals(True)
        self.remember.setChecked(remembered)
        self.remember.blockSignals(False)

    def _show(self, organisation: Organisation) -> None:
        self._organisation = organisation
        self.org_name.setText(organisation.name)
        self.org_address.setText(organisation.address)
        self.org_website.setText(organisation.website)
        self.officer_name.setText(organisation.officer_name)
        self.officer_title.setText(organisation.officer_title)
        self.officer_email.setText(organisation.officer_email)
        self.officer_phone.setText(organisation.officer_phone)
        self.timezone.setText(organisation.timezone)
        self.logo.set_base64(organisation.logo_png)
        self.signature.set_base64(organisation.signature_png)
        self._check_contact(False)

    def _check_contact(self, show_all: bool) -> bool:
        """Mark the officer's e-mail and phone as the case form marks a requester's."""
        problems = contact_problems(self.officer_email.text(), self.officer_phone.text())
        for field, widget in (("email", self.officer_email), ("phone", self.officer_phone)):
            message = problems.get(field, "")
            set_invalid(widget, bool(message) and (show_all or bool(widget.text())), message)
        self.contact_error.setText("; ".join(problems.values()))
        self.contact_error.setVisible(bool(problems))
        return not problems

    def save_organisation(self) -> None:
        if not self._check_contact(True):
            self.contact_error.setFocus()
            return  # nothing saved; the message under the form names the fix
        updated = replace(
            self._organisation,
            name=self.org_name.text().strip(),
            address=self.org_address.text().strip(),
            website=self.org_website.text().strip(),
            officer_name=self.officer_name.text().strip(),
            officer_title=self.officer_title.text().strip(),
            officer_email=self.officer_email.text().strip(),
            officer_phone=self.officer_phone.text().strip(),
            timezone=self.timezone.text().strip(),
            logo_png=self.logo.base64(),
            signature_png=self.signature.base64(),
        )
        Op.on_register(
            self.runner,
            lambda register: save_organisation(register, updated, now=utc_now()),
            parent=self,
        ).success(lambda _r: self._show(updated)).failure(
            lambda e: show_error(self, tr("Not saved"), e)
        ).changes(OpChanges(settings=True)).with_progress(tr("Saving…")).run_in_background()

    def _auto_lock_changed(self, minutes: int) -> None:
        QSettings().setValue(AUTO_LOCK_KEY, minutes)
        self.sig_auto_lock_changed.emit(minutes)

    def ask_new_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        new = dialog.first.text()
        Op.on_register(
            self.runner, lambda register: register.change_passphrase(new), parent=self
        ).success(
            lambda _r: self.security_result.setText(
                tr(
                    "Passphrase changed. The recovery key still works; older backups open with the "
                    "passphrase they were made with."
                )
            )
        ).failure(lambda e: show_error(self, tr("Not changed"), e)).with_progress(
            tr("Changing the passphrase…")
        ).run_in_background()

    # -- a new recovery key --------------------------------------------------------------

    def ask_new_recovery_key(self) -> None:
        """Confirm, make the key off the GUI thread, show it once, then put it in force."""
        Op.on_register(
            self.runner,
            lambda register: (register.path, register.unshown_recovery_key),
            parent=self,
        ).success(self._ask_recovery_key).failure(
            lambda e: show_error(self, tr("No new recovery key"), e)
        ).run_in_background()

    def _ask_recovery_key(self, found: tuple[Path, str | None]) -> None:
        path, unshown = found
        if unshown:  # one made earlier is still unconfirmed
            self._show_recovery_key((path, unshown))
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("New recovery key"),
            tr(
                "Make a new recovery key? Once you confirm you have written it down, the old "
                "recovery key stops working. The passphrase and the data stay as they are."
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("new_recovery_box")
        name_standard_buttons(box)
        make = box.addButton(tr("Make a new recovery key"), QMessageBox.ButtonRole.AcceptRole)
        make.clicked.connect(lambda _c=False: self._make_recovery_key())
        self.recovery_box = box
        box.open()

    def _make_recovery_key(self) -> None:
        Op.on_register(
            self.runner, lambda register: (register.path, new_recovery_key(register)), parent=self
        ).success(self._show_recovery_key).failure(
            lambda e: show_error(self, tr("No new recovery key"), e)
        ).run_in_background()

    def _show_recovery_key(self, found: tuple[Path, str]) -> None:
        register_path, recovery_key = found
        dialog = RecoveryKeyDialog(
            register_path,
            recovery_key,
            why=tr("This is the register's new recovery key."),
            parent=self,
        )
        dialog.accepted.connect(self._confirm_recovery_key)
        dialog.rejected.connect(
            lambda: self.security_result.setText(
                tr(
                    "The new recovery key is not confirmed yet, so the old one still works. It is "
                    "shown again when you next unlock or click “New recovery key…”."
                )
            )
        )
        self.recovery_dialog = dialog
        dialog.open()

    def _confirm_recovery_key(self) -> None:
        Op.on_register(
            self.runner,
            lambda register: confirm_recovery_key(register, now=utc_now()),
            parent=self,
        ).success(
            lambda _r: self.security_result.setText(
                tr(
                    "The new recovery key is in force; the old one no longer opens the register. "
                    "Backups made before now still open with the old one."
                )
            )
        ).failure(lambda e: show_error(self, tr("Recovery key not changed"), e)).run_in_background()

    def _remember_toggled(self, on: bool) -> None:
        def work(register: Register) -> None:
            if on:
                register.remember_on_this_computer()
            else:
                register.forget_on_this_computer()

        def failed(error: Exception) -> None:
            show_error(self, tr("Keyring"), error)
            self.remember.blockSignals(True)
            self.remember.setChecked(not on)
            self.remember.blockSignals(False)

        Op.on_register(self.runner, work, parent=self).failure(failed).run_in_background()

    def clear(self) -> None:
        for widget in (
            self.org_name,
            self.org_address,
            self.org_website,
            self.officer_name,
            self.officer_title,
            self.officer_email,
            self.officer_phone,
        ):
            widget.clear()
