"""PDF bytes on screen and on paper through QtPdf, without a file on disk.

Letters are personal data: the preview loads the PDF from memory (a QBuffer), and printing
renders each page of that same in-memory document into the printer's painter, so the only
way a letter reaches the disk is the officer's own "Save as PDF".
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QTimer
from PySide6.QtGui import QImage, QPainter, QResizeEvent, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

#: Pages are rasterised for the printer at no more than this many dots per inch: sharp on
#: paper, and an A4 page stays a few megabytes instead of 1200-dpi's half a gigabyte.
MAX_PRINT_DPI = 300


class MemoryPdf:
    """A QPdfDocument read from bytes held in memory (the buffer must outlive the document)."""

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        self._bytes = QByteArray(data)
        self.document = QPdfDocument(parent)
        # The buffer is the document's child, so it is destroyed after the document, never
        # while pdfium may still read pages from it.
        self.buffer = QBuffer(self.document)
        self.buffer.setData(self._bytes)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    @property
    def ok(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready and self.page_count > 0

    def close(self) -> None:
        self.document.close()
        self.document.deleteLater()


class PdfPreview(QPdfView):
    """A page-width preview that never opens scrolled sideways (clipped on the left).

    QPdfView computes "fit to width" from the viewport it had when the document arrived;
    a document set while the tab was hidden or narrower left the view wider than its window
    and scrolled to the middle. The zoom is re-applied, and the view scrolled to the left
    edge, whenever the document, the size or the visibility changes.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.documentChanged.connect(lambda _d: self.refit())

    def refit(self) -> None:
        """Fit the page to the width again, on the next turn of the event loop."""
        QTimer.singleShot(0, self._refit_now)

    def _refit_now(self) -> None:
        if not isValid(self):
            return
        self.setZoomMode(QPdfView.ZoomMode.Custom)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.refit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refit()


def print_pdf(data: bytes, printer: QPrinter, *, max_dpi: int = MAX_PRINT_DPI) -> int:
    """Print every page of ``data`` on ``printer``; returns the number of pages printed.

    Each page is rendered at the printer's resolution (capped at ``max_dpi``) and drawn to
    fill the printer's full page, keeping the PDF page's own margins and proportions.
    """
    pdf = MemoryPdf(data)
    try:
        if not pdf.ok:
            raise ValueError(
                "The letter's PDF could not be read for printing. Preview it again; if it "
                "still fails, save it as PDF and print that file."
            )
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise ValueError(
                "The printer could not be started. Check that it is connected and try again."
            )
        try:
            dpi = min(max(72, printer.resolution()), max_dpi)
            for index in range(pdf.page_count):
                if index:
                    printer.newPage()
                points = pdf.document.pagePointSize(index)
                size = QSize(
                    max(1, round(points.width() / 72 * dpi)),
                    max(1, round(points.height() / 72 * dpi)),
                )
                image: QImage = pdf.document.render(index, size)
                target = QRectF(painter.viewport())
                scale = min(target.width() / size.width(), target.height() / size.height())
                width, height = size.width() * scale, size.height() * scale
                placed = QRectF(
                    target.x() + (target.width() - width) / 2,
                    target.y() + (target.height() - height) / 2,
                    width,
                    height,
                )
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(placed, image)
        finally:
            painter.end()
        return pdf.page_count
    finally:
        pdf.close()


def render_page(data: bytes, page: int, width: int) -> QImage:
    """One page as an image ``width`` pixels wide (thumbnails and tests)."""
    pdf = MemoryPdf(data)
    try:
        points = pdf.document.pagePointSize(page)
        height = round(width * points.height() / max(1.0, points.width()))
        return pdf.document.render(page, QSize(width, height))
    finally:
        pdf.close()


__all__ = ["MAX_PRINT_DPI", "MemoryPdf", "PdfPreview", "print_pdf", "render_page"]
