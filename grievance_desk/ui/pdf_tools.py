"""PDF bytes on screen and on paper through PDFium, without a file on disk.

Letters are personal data: the preview draws the PDF from memory, and printing renders each
page of that same in-memory document into the printer's painter, so the only way a letter
reaches the disk is the officer's own "Save as PDF".
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from grievance_desk.ui.i18n import tr
from grievance_desk.ui.pdf_pages import MemoryPdf, PdfUnreadable
from grievance_desk.ui.pdf_view import PdfPagesView

#: Pages are rasterised for the printer at no more than this many dots per inch: sharp on
#: paper, and an A4 page stays a few megabytes instead of 1200-dpi's half a gigabyte.
MAX_PRINT_DPI = 300

#: The letter preview: every page, fit to the pane's width, redrawn when the pane resizes.
PdfPreview = PdfPagesView


def print_pdf(data: bytes, printer: QPrinter, *, max_dpi: int = MAX_PRINT_DPI) -> int:
    """Print every page of ``data`` on ``printer``; returns the number of pages printed.

    Each page is rendered at the printer's resolution (capped at ``max_dpi``) and drawn to
    fill the printer's full page, keeping the PDF page's own margins and proportions.
    """
    unreadable = ValueError(
        tr(
            "The letter's PDF could not be read for printing. Preview it again; if it still "
            "fails, save it as PDF and print that file."
        )
    )
    try:
        pdf = MemoryPdf(data)
    except PdfUnreadable as error:
        raise unreadable from error
    try:
        if not pdf.ok:
            raise unreadable
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise ValueError(
                tr("The printer could not be started. Check that it is connected and try again.")
            )
        try:
            dpi = min(max(72, printer.resolution()), max_dpi)
            for index in range(pdf.page_count):
                if index:
                    printer.newPage()
                points = pdf.page_points(index)
                size = QSize(
                    max(1, round(points.width() / 72 * dpi)),
                    max(1, round(points.height() / 72 * dpi)),
                )
                image: QImage = pdf.render(index, size)
                target = QRectF(painter.viewport())
                scale = min(target.width() / image.width(), target.height() / image.height())
                width, height = image.width() * scale, image.height() * scale
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
        points = pdf.page_points(page)
        height = round(width * points.height() / max(1.0, points.width()))
        return pdf.render(page, QSize(width, height))
    finally:
        pdf.close()


__all__ = ["MAX_PRINT_DPI", "MemoryPdf", "PdfPreview", "print_pdf", "render_page"]
