"""Showing a recovery key so it cannot be lost by a stray click.

A recovery key is the only way into the register once the passphrase is forgotten, and it is
shown exactly once. So the places that show one (the set-up wizard, Settings' "New recovery
key…", an unlock that finishes an interrupted key change) share this: the key in large
monospace, Print and Save buttons, and a tick box "I have written it down" without which the
key cannot be confirmed. Closing without ticking asks first; the key stays pending (and is
shown again at the next unlock) until it is confirmed.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.widgets import label, name_standard_buttons

STORED_TEXT = QT_TR_NOOP("I have printed or saved the recovery key and put it somewhere safe")


def key_label() -> QLabel:
    """The key itself: large, monospace, selectable."""
    key = QLabel()
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(15)
    key.setFont(font)
    key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    key.setAlignment(Qt.AlignmentFlag.AlignCenter)
    key.setProperty("role", "card")
    key.setMinimumHeight(64)
    key.setAccessibleName(tr("Recovery key"))
    return key


def key_text(register_path: Path, recovery_key: str) -> str:
    """What Print and Save put on paper."""
    return tr(
        "Grievance Desk — recovery key\n\n"
        "Register: {register}\n"
        "Recovery key: {key}\n\n"
        "Keep this somewhere safe and away from the computer. It opens the register if "
        "the passphrase is forgotten.\n"
    ).format(register=register_path, key=recovery_key)


def print_key(parent: QWidget, text: str) -> None:
    printer = QPrinter()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec():
        document = QTextDocument()
        document.setPlainText(text)
        document.print_(printer)


def save_key(parent: QWidget, text: str) -> None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        tr("Save recovery key"),
        "grievance-desk-recovery-key.txt",
        tr("Text files (*.txt)"),
    )
    if not path:
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        Path(path).chmod(0o600)
    except OSError as error:
        show_error(
            parent,
            tr("Could not save"),
            tr("{path} could not be written: {error}.").format(path=path, error=error),
        )


class RecoveryKeyDialog(QDialog):
    """Shows a new recovery key; accepted only once the officer ticks that they have it."""

    def __init__(
        self, register_path: Path, recovery_key: str, *, why: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_key_dialog")
        self.setWindowTitle(tr("New recovery key"))
        self._text = key_text(register_path, recovery_key)
        self.leave_box: QMessageBox | None = None
        self.key = key_label()
        self.key.setText(recovery_key)
        self.print_button = QPushButton(tr("&Print…"))
        self.save_button = QPushButton(tr("&Save as text file…"))
        self.print_button.clicked.connect(lambda _c=False: print_key(self, self._text))
        self.save_button.clicked.connect(lambda _c=False: save_key(self, self._text))
        self.stored = QCheckBox(tr(STORED_TEXT))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Use this recovery key"))
        self.ok_button.setEnabled(False)
        self.stored.toggled.connect(self.ok_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(label(why, "", wrap=True))
        layout.addWidget(self.key)
        layout.addLayout(row)
        layout.addWidget(
            label(
                tr(
                    "It is shown only now. The old recovery key stops working once you "
                    "confirm. Keep this one away from this computer."
                ),
                "hint",
                wrap=True,
            )
        )
        layout.addWidget(self.stored)
        layout.addWidget(self.buttons)
        name_standard_buttons(self.buttons)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        if self.stored.isChecked():
            super().accept()

    def reject(self) -> None:
        """Escape or the close button: ask, since the key is not confirmed yet."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Recovery key not confirmed"),
            tr(
                "You have not confirmed that this recovery key is written down. Without it a "
                "forgotten passphrase means losing the register."
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("recovery_leave_box")
        back = box.addButton(tr("Back to the key"), QMessageBox.ButtonRole.RejectRole)
        later = box.addButton(tr("Show it again next time"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(back)
        later.clicked.connect(lambda _c=False: QDialog.reject(self))
        self.leave_box = box
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        event.ignore()
        self.reject()
