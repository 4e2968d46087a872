"""The Timeline tab: the case's history, newest first; an attachment's row opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from grievance_desk.services.case_snapshot import CaseSnapshot
from grievance_desk.ui import dates
from grievance_desk.ui.i18n import tr


class TimelineView(QTreeWidget):
    """When, what, details; ``sig_open_attachment(id)`` when a row with a file is activated."""

    sig_open_attachment = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([tr("When"), tr("What"), tr("Details")])
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setAccessibleName(tr("Timeline, newest first"))
        self.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.itemActivated.connect(self._activated)

    def show_case(self, snap: CaseSnapshot) -> None:
        """Replace the rows with ``snap``'s timeline, times in the officer's zone."""
        self.clear()
        for item in snap.timeline:
            when = dates.day_time(item.at, snap.zone)
            row = QTreeWidgetItem([when, tr(item.title), item.detail])
            row.setData(0, Qt.ItemDataRole.UserRole, item.attachment_id)
            row.setToolTip(2, item.detail)
            if item.actor:
                row.setToolTip(1, tr("By {person}").format(person=item.actor))
            self.addTopLevelItem(row)
        self.resizeColumnToContents(0)
        self.setColumnWidth(1, max(180, self.columnWidth(1)))
        self.resizeColumnToContents(1)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        value = item.data(0, Qt.ItemDataRole.UserRole)
        if value is not None:
            self.sig_open_attachment.emit(int(value))
