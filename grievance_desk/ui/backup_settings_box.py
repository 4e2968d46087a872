"""Settings → Backups: where the automatic encrypted backups go, how many are kept, and
"Back up now".

The folder and the number kept are the same settings the automatic backup on lock and close
uses (``services.auto_backup``), so what the officer chooses here is where every copy goes,
and the unlock screen's "Restore from a backup…" finds them there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from grievance_desk.services import auto_backup
from grievance_desk.services.clock import utc_now
from grievance_desk.ui import dates
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.widgets import label


class BackupSettingsBox(QGroupBox):
    """The Backups group of the Settings page."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(tr("Backups"), parent)
        self.runner = runner
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(tr("Backup folder"))
        self.choose = QPushButton(tr("Choose…"))
        self.choose.setToolTip(
            tr("A folder on another disk or a USB drive survives a disk failure.")
        )
        self.choose.clicked.connect(self.choose_folder)
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        self.keep.setValue(auto_backup.DEFAULT_KEEP)
        self.keep.setSuffix(tr(" copies"))
        self.keep.setAccessibleName(tr("Backups to keep"))
        self.keep.editingFinished.connect(self._keep_changed)
        self.backup_now = QPushButton(tr("Back up now"))
        self.backup_now.clicked.connect(self.run_backup)
        self.status = label("", "hint", wrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        form = QFormLayout(self)
        form.addRow(
            "",
            label(
                tr(
                    "An encrypted copy is taken when you lock or close the app, at most once a "
                    "day. "
                    "Each copy opens with your passphrase or recovery key."
                ),
                "hint",
                wrap=True,
            ),
        )
        form.addRow(tr("Folder:"), row)
        form.addRow(tr("Keep the newest:"), self.keep)
        form.addRow("", self.backup_now)
        form.addRow("", self.status)
        self._shown_keep = self.keep.value()

    def refresh(self) -> None:
        Op.on_register(self.runner, auto_backup.backup_status, parent=self).success(
            self._show
        ).failure(
            lambda error: self.status.setText(
                tr("Backups could not be listed: {error}").format(error=error)
            )
        ).run_in_background()

    def _show(self, status: auto_backup.BackupStatus) -> None:
        self.folder.setText(str(status.folder))
        self.folder.setToolTip(str(status.folder))
        self.keep.blockSignals(True)
        self.keep.setValue(status.keep)
        self.keep.blockSignals(False)
        self._shown_keep = status.keep
        usable = [backup for backup in status.backups if backup.usable]
        if not usable:
            self.status.setText(tr("No automatic backup in this folder yet."))
            return
        latest = max(usable, key=lambda backup: backup.taken_at)
        when = dates.day_time(latest.taken_at, status.zone)
        size = latest.size / 1_000_000
        count = len(usable)
        self.status.setText(
            tr("Latest: {when} ({size:,.1f} MB).").format(when=when, size=size)
            + " "
            + (
                tr("{count} copy kept here.") if count == 1 else tr("{count} copies kept here.")
            ).format(count=count)
        )

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Backup folder"), self.folder.text())
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path) -> None:
        self._save(tr("Backup folder not changed"), folder=folder)

    def _keep_changed(self) -> None:
        if self.keep.value() != self._shown_keep:
            self._save(tr("Not changed"), keep=self.keep.value())

    def _save(self, failure_title: str, **changes: Any) -> None:
        """Store a backup setting off the GUI thread, then show what is stored now."""
        Op.on_register(
            self.runner,
            lambda register: auto_backup.set_backup_settings(register, now=utc_now(), **changes),
            parent=self,
        ).success(lambda _r: self.refresh()).failure(
            lambda error: show_error(self, failure_title, error)
        ).run_in_background()

    def run_backup(self) -> None:
        self.backup_now.setEnabled(False)

        def done(_backup: auto_backup.AutoBackup) -> None:
            self.backup_now.setEnabled(True)
            self.refresh()

        def failed(error: Exception) -> None:
            self.backup_now.setEnabled(True)
            show_error(self, tr("Backup failed"), error)

        Op.on_register(
            self.runner,
            lambda register: auto_backup.backup_now(register, now=utc_now()),
            parent=self,
        ).success(done).failure(failed).with_progress(tr("Backing up…")).run_in_background()
