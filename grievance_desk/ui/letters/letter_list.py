"""The list of a case's letters (newest first): template, draft or issued, and the date."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from grievance_desk.services.letter_records import LetterDraft
from grievance_desk.ui import dates
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.resources import icon


class LetterList(QTreeWidget):
    """``sig_chosen(letter_id)`` when the officer picks a letter; filling it emits nothing."""

    sig_chosen = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("letters_list")
        self.setHeaderLabels([tr("Letter"), tr("Status"), tr("Date")])
        self.setRootIsDecorated(False)
        self.setAccessibleName(tr("Letters of this case"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.setMaximumHeight(150)
        self.currentItemChanged.connect(self._current_changed)

    def fill(self, letters: Sequence[LetterDraft], zone: ZoneInfo) -> None:
        """Show ``letters`` in the order given, nothing selected."""
        self.blockSignals(True)
        self.clear()
        for letter in letters:
            when = letter.issued_at or letter.created_at
            item = QTreeWidgetItem(
                [
                    letter.template_title or letter.template_id,
                    tr("Issued") if letter.is_issued else tr("Draft"),
                    dates.day(when, zone),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, letter.letter_id)
            item.setIcon(0, icon("check" if letter.is_issued else "edit"))
            item.setToolTip(
                0,
                tr("{subject}\nTemplate {template_version}, letter {letter_id}").format(
                    subject=letter.subject,
                    template_version=letter.template_version,
                    letter_id=letter.letter_id,
                ),
            )
            self.addTopLevelItem(item)
        self.blockSignals(False)

    def select(self, letter_id: int) -> None:
        """Highlight ``letter_id`` without emitting ``sig_chosen`` (the caller shows it)."""
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == letter_id:
                self.blockSignals(True)
                self.setCurrentItem(item)
                self.blockSignals(False)
                return

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.sig_chosen.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
