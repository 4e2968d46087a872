"""Help → About: the version, where the register and the logs are, and the licences.

Support asks "which version, which register, where is the log" first; the GPL and Qt's LGPL
ask that every copy shows its licences. One dialog answers both, offline.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from grievance_desk import APP_NAME, __version__
from grievance_desk.third_party import APP_LICENCE, notices_file_text
from grievance_desk.ui.i18n import tr


def _selectable(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    """Version, paths and licences; the notices are read only when their tab is opened."""

    def __init__(self, parent: QWidget | None, *, register: Path | None, logs: Path) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(tr("About {name}").format(name=APP_NAME))
        self.resize(720, 480)
        tabs = QTabWidget()
        tabs.setObjectName("about_tabs")

        about = QWidget()
        form = QFormLayout(about)
        title = QLabel(tr("<h2>{name} {version}</h2>").format(name=APP_NAME, version=__version__))
        form.addRow(title)
        form.addRow(tr("Register:"), _selectable(str(register or tr("not open")), "about_register"))
        form.addRow(tr("Log folder:"), _selectable(str(logs), "about_logs"))
        form.addRow(
            tr("Licence:"),
            _selectable(
                tr(
                    "{licence}. Free software: you may share and change it under the GNU GPL "
                    "version 3 or later. It comes with no warranty."
                ).format(licence=APP_LICENCE),
                "about_licence",
            ),
        )
        form.addRow(
            tr("Privacy:"),
            _selectable(
                tr("Works offline. It opens no network connection: no updates, no telemetry."),
                "about_privacy",
            ),
        )
        tabs.addTab(about, tr("About"))

        self.notices = QPlainTextEdit()
        self.notices.setObjectName("about_notices")
        self.notices.setReadOnly(True)
        self.notices.setAccessibleName(tr("Third-party notices"))
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.notices.setFont(QFont(fixed))
        tabs.addTab(self.notices, tr("Third-party notices"))
        tabs.currentChanged.connect(self._load_notices)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.tabs = tabs

    def _load_notices(self, index: int) -> None:
        if index == 1 and not self.notices.toPlainText():
            self.notices.setPlainText(notices_file_text())
