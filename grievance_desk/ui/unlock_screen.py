"""The unlock screen: passphrase or recovery key, unlocked off the GUI thread.

Like KeePassXC's, it sits inside the main window, so locking and unlocking never move the
window or lose its place. A wrong passphrase says so and keeps what was typed (selected, so
typing again replaces it); Argon2id runs on the background thread behind a busy bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.services.errors import KeyFileDamaged, NotARegister
from grievance_desk.services.register_opening import RegisterOpening
from grievance_desk.ui import preload, stages
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.resources import app_icon
from grievance_desk.ui.widgets import BusyBar, PassphraseEdit, label, name_standard_buttons

if TYPE_CHECKING:
    # Not at run time: the register code (SQLAlchemy, Alembic) is ui/unlocking.py, loaded
    # by ui/stages.py on the worker thread when unlocking; the key file code (cryptography)
    # and the dialogs shown after an attempt are ui/late_start.py, loaded once it has painted.
    from grievance_desk.services.register_access import Register
    from grievance_desk.ui.recovery_key_dialog import RecoveryKeyDialog
    from grievance_desk.ui.restore_dialog import RestoreDialog


def _open_register(opening: RegisterOpening, path: Path, how: dict[str, Any]) -> Register:
    """Unwrap the key and open the register (worker thread). ``how``: ``Unlock``'s fields."""
    return stages.unlocking().open_register(opening, path, how)


class UnlockScreen(QWidget):
    """Emits ``sig_unlocked`` with the open Register (opened through ``opening``, the
    composition root's register-opening service)."""

    sig_unlocked = Signal(object)
    sig_shown = Signal()  # after the first paint: what can wait until the screen is up

    def __init__(
        self,
        runner: OpRunner,
        register_path: Path,
        *,
        hint: str = "",
        parent: QWidget | None = None,
        opening: RegisterOpening | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.opening = opening or RegisterOpening()
        self.register_path = register_path
        self._busy = False
        self._painted = False
        self._keyring_wanted = False
        # Shown after an unlock: an unconfirmed new recovery key, and notices about the file.
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.notice_box: QMessageBox | None = None
        self.setObjectName("unlock_screen")

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(72, 72))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = label(tr("Unlock the register"), "page_title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        where = label(str(register_path), "muted", wrap=True)
        where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.where = where  # made selectable once shown (see _shown)

        self.prompt = label(tr("Passphrase"), "section")
        self.field = PassphraseEdit(tr("Passphrase"))
        self.field.setAccessibleName(tr("Passphrase"))
        self.field.setMinimumWidth(220)
        self.field.returnPressed.connect(self.unlock)
        self.use_recovery = QCheckBox(tr("Use the recovery key instead"))
        self.use_recovery.toggled.connect(self._mode_changed)
        self.button = QPushButton(tr("Unlock"))
        self.button.setProperty("role", "primary")
        self.button.setDefault(True)
        self.button.clicked.connect(self.unlock)
        self.error = label("", "error", wrap=True)
        self.error.setObjectName("unlock_error")
        self.error.setAccessibleName(tr("Unlock error"))
        self.busy = BusyBar()
        self.hint = label(hint, "hint", wrap=True)
        self.hint.setVisible(bool(hint))
        self.restore_button = QPushButton(tr("Restore from a backup…"))
        self.restore_button.setAccessibleName(tr("Restore from a backup"))
        self.restore_button.setToolTip(
            tr("Replace the damaged register with one of the automatic backups (newest first)")
        )
        self.restore_button.clicked.connect(lambda _c=False: self.choose_backup())
        self.restore_button.hide()

        card = QFrame()
        card.setProperty("role", "card")
        card.setFixedWidth(480)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(10)
        inner.addWidget(logo)
        inner.addWidget(title)
        inner.addWidget(where)
        inner.addSpacing(8)
        inner.addWidget(self.prompt)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.field, 1)
        row.addWidget(self.button, 0)
        inner.addLayout(row)
        inner.addWidget(self.use_recovery)
        inner.addWidget(self.busy)
        inner.addWidget(self.error)
        inner.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.hint)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(card)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)
        self.setTabOrder(self.field, self.button)
        self.setTabOrder(self.button, self.use_recovery)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        self.field.setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._shown)

    def _shown(self) -> None:
        """The screen is up: try the keyring if asked, else warm the app while they type."""
        # A first selectable label loads Qt's text-editing machinery (~7 ms): not before
        # the first frame, which looks the same either way.
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sig_shown.emit()
        if self._keyring_wanted:
            self._keyring_wanted = False
            self.try_keyring()
        preload.start()  # does nothing once an unlock has started

    def try_keyring_once_shown(self) -> None:
        """``try_keyring`` after the first paint, so reading the key file (and loading
        cryptography) does not delay the window."""
        if self._painted:
            self.try_keyring()
        else:
            self._keyring_wanted = True

    def try_keyring(self) -> None:
        """If the key is remembered on this computer, unlock without asking."""
        if self.opening.is_remembered(self.register_path):
            self._start({"use_keyring": True}, quiet=True)

    def _mode_changed(self, recovery: bool) -> None:
        self.prompt.setText(tr("Recovery key") if recovery else tr("Passphrase"))
        self.field.setPlaceholderText("XXXX-XXXX-…" if recovery else tr("Passphrase"))
        self.field.setAccessibleName(tr("Recovery key") if recovery else tr("Passphrase"))
        self.field.clear()
        self.error.clear()
        self.field.setFocus()

    def unlock(self) -> None:
        text = self.field.text()
        if self._busy:
            return
        if not text:
            self.error.setText(
                tr("Type the recovery key first.")
                if self.use_recovery.isChecked()
                else tr("Type the passphrase first.")
            )
            return
        how: dict[str, Any] = {
            "recovery_key" if self.use_recovery.isChecked() else "passphrase": text
        }
        self._start(how)

    def _start(self, how: dict[str, Any], *, quiet: bool = False) -> None:
        """Unlock on the worker thread; ``how`` holds the ``Unlock`` fields."""
        preload.stop()
        self._busy = True
        self.error.clear()
        self.button.setEnabled(False)
        self.field.setEnabled(False)
        self.busy.start(tr("Checking the key on the keyring…") if quiet else tr("Unlocking…"))
        path, opening = self.register_path, self.opening

        def work() -> Register:
            return _open_register(opening, path, how)

        def failed(error: Exception) -> None:
            self._finish()
            if not quiet:
                self.error.setText(stages.unlock_dialogs().error_text(error))
                self.field.selectAll()
            if isinstance(error, NotARegister | KeyFileDamaged):
                self.restore_button.show()

        Op(self.runner, work, parent=self).success(self._opened).failure(failed).run_in_background()

    def _finish(self) -> None:
        self._busy = False
        self.busy.stop()
        self.button.setEnabled(True)
        self.field.setEnabled(True)
        self.field.setFocus()

    def _opened(self, register: Register) -> None:
        self._finish()
        self.field.clear()
        self.restore_button.hide()
        if register.unshown_recovery_key:
            self._show_pending_recovery_key(register)
            return
        self._unlocked(register)

    def _unlocked(self, register: Register) -> None:
        self.sig_unlocked.emit(register)
        if register.notices:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                tr("About this register"),
                "\n\n".join(register.notices),
                QMessageBox.StandardButton.Ok,
                self.window(),
            )
            box.setObjectName("unlock_notice_box")
            name_standard_buttons(box)
            self.notice_box = box
            box.open()

    def _show_pending_recovery_key(self, register: Register) -> None:
        """A key change was interrupted before its new recovery key was confirmed: show it
        now; it replaces the old one only once the officer confirms they have it."""
        dialogs = stages.unlock_dialogs()
        assert register.unshown_recovery_key is not None
        dialog = dialogs.RecoveryKeyDialog(
            register.path,
            register.unshown_recovery_key,
            why=tr(
                "A change of keys was interrupted before its new recovery key was confirmed. "
                "This is the register's new recovery key."
            ),
            parent=self,
        )
        self.recovery_dialog = dialog

        def confirm() -> None:
            def failed(error: Exception) -> None:
                dialogs.show_error(self, tr("Recovery key not confirmed"), error)
                self._unlocked(register)

            Op(
                self.runner, lambda: self.opening.confirm_recovery_key(register), parent=self
            ).success(lambda _r: self._unlocked(register)).failure(failed).run_in_background()

        dialog.accepted.connect(confirm)
        dialog.rejected.connect(lambda: self._unlocked(register))
        dialog.open()

    # -- restore -------------------------------------------------------------------------

    def choose_backup(self) -> RestoreDialog | None:
        """The automatic backups, newest usable first; restoring uses the key typed here."""
        preload.stop()
        backups = stages.unlocking().backups(self.register_path)
        dialog = stages.unlock_dialogs().RestoreDialog(backups, self)
        self.last_restore_dialog = dialog
        dialog.accepted.connect(lambda: self._restore(dialog.chosen()))
        dialog.open()
        return dialog

    def _restore(self, backup: object | None) -> None:
        text = self.field.text()
        if backup is None:
            return
        if not text:
            self.error.setText(
                tr(
                    "Type the passphrase (or tick “use the recovery key” and type it) first; "
                    "the backup opens with the same key."
                )
            )
            return
        how: dict[str, Any] = {
            "recovery_key" if self.use_recovery.isChecked() else "passphrase": text
        }
        path, opening = self.register_path, self.opening
        source = Path(str(getattr(backup, "path", "")))
        self._busy = True
        self.button.setEnabled(False)
        self.busy.start(tr("Restoring from the backup…"))

        def work() -> Register:
            return stages.unlocking().restore_and_open(opening, source, path, how)

        def failed(error: Exception) -> None:
            self._finish()
            self.error.setText(
                tr("Not restored: {reason}").format(
                    reason=stages.unlock_dialogs().error_text(error)
                )
            )

        Op(self.runner, work, parent=self).success(self._opened).failure(failed).run_in_background()
