"""Reports: the monthly summary arrives with services/reports.py (a later step)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from grievance_desk.ui.resources import icon
from grievance_desk.ui.widgets import label


class ReportsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        picture = QLabel()
        picture.setPixmap(icon("reports").pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = label(
            "Monthly reports (received, closed, overdue, on-time rate, days to respond, by type "
            "and channel, with charts and CSV/XLSX) will appear here.",
            "muted",
            wrap=True,
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(label("Reports", "page_title"))
        layout.addStretch(1)
        layout.addWidget(picture)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def refresh(self) -> None:
        """Nothing to load yet."""
