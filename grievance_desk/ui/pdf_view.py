"""A scrolling, fit-to-width view of a PDF's pages (the letter preview).

Pages are drawn as images at the view's width and drawn again, after a short pause, when the
width changes, so text stays sharp at any window size without re-rendering on every pixel of
a drag.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from grievance_desk.ui.i18n import tr
from grievance_desk.ui.pdf_pages import MemoryPdf

_SPACING = 12
_MARGIN = 12


class PdfPagesView(QScrollArea):
    """Shows every page of one PDF, top to bottom, each as wide as the view allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._pages = QWidget()
        self._pages.setObjectName("pdf_pages")
        self._layout = QVBoxLayout(self._pages)
        self._layout.setContentsMargins(_MARGIN, _MARGIN, _MARGIN, _MARGIN)
        self._layout.setSpacing(_SPACING)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._pages)
        self._pdf: MemoryPdf | None = None
        self._labels: list[QLabel] = []
        self._drawn_width = 0
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(80)
        self._redraw.timeout.connect(self._draw)

    @property
    def page_count(self) -> int:
        return 0 if self._pdf is None else self._pdf.page_count

    def set_pdf(self, data: bytes | None) -> None:
        """Show ``data`` (PDF bytes), or nothing for None; the old document is closed."""
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
        for label in self._labels:
            label.deleteLater()
        self._labels = []
        self._drawn_width = 0
        if data is None:
            return
        self._pdf = MemoryPdf(data)
        for index in range(self._pdf.page_count):
            label = QLabel()
            label.setObjectName(f"pdf_page_{index + 1}")
            label.setAccessibleName(
                tr("Page {page} of {count}").format(page=index + 1, count=self._pdf.page_count)
            )
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("background: white; border: 1px solid palette(mid);")
            self._layout.addWidget(label)
            self._labels.append(label)
        self._draw()

    def page_image_width(self) -> int:
        """The width pages are drawn at: the viewport less the margins (tests read it)."""
        return max(120, self.viewport().width() - 2 * _MARGIN - 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self._pdf is not None and self.page_image_width() != self._drawn_width:
            self._redraw.start()

    def _draw(self) -> None:
        if self._pdf is None:
            return
        width = self.page_image_width()
        ratio = self.devicePixelRatioF()
        for index, label in enumerate(self._labels):
            points = self._pdf.page_points(index)
            height = round(width * points.height() / max(1.0, points.width()))
            image = self._pdf.render(index, QSize(round(width * ratio), round(height * ratio)))
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(width, height)
        self._drawn_width = width
