"""Choose an automatic backup to restore a damaged register from (the unlock screen's offer).

Its own module so the unlock screen, which must show fast, does not build these classes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.ui import dates
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.widgets import label, name_standard_buttons


class RestoreDialog(QDialog):
    """Pick one automatic backup; copies with a visible problem are listed but not chosen."""

    def __init__(self, backups: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Restore from a backup"))
        self.backups = backups
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Backups, newest first"))
        for backup in backups:
            when = dates.weekday_day_time(backup.taken_at.astimezone())
            text = f"{when} — {backup.size / 1024 / 1024:.1f} MB — {backup.path.name}"
            if backup.problem:
                text += "\n    " + tr("not usable: {problem}").format(problem=backup.problem)
            item = QListWidgetItem(text)
            if backup.problem:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        usable = [i for i, b in enumerate(backups) if not b.problem]
        if usable:
            self.list.setCurrentRow(usable[0])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("Restore"))
        ok.setEnabled(bool(usable))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                tr(
                    "The backup is checked before anything is replaced, and the current "
                    "register is kept beside it as a “.replaced” copy with its key file. The "
                    "backup opens with the passphrase or recovery key you typed."
                )
                if backups
                else tr(
                    "No automatic backups were found beside the register or in the folder "
                    "noted in its key file. Restore a manual backup with `grievance-desk "
                    "restore`."
                ),
                "hint",
                wrap=True,
            )
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        name_standard_buttons(buttons)
        self.resize(560, 320)

    def chosen(self) -> Any | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None
