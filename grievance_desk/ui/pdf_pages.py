"""PDF bytes as page images through PDFium (pypdfium2), held in memory only.

QtPdf lives in PySide6-Addons, a 418 MiB wheel the app needed for nothing else; pypdfium2 is
the same PDFium engine in an 8 MiB wheel. Letters are personal data: the document is read
from bytes and never written to disk here.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QSize, QSizeF
from PySide6.QtGui import QImage


class PdfUnreadable(ValueError):
    """The bytes are not a PDF that PDFium can open."""


class MemoryPdf:
    """An open PDF read from bytes; close it when done (PDFium holds native memory)."""

    def __init__(self, data: bytes) -> None:
        try:
            self._document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise PdfUnreadable(str(error)) from error

    @property
    def page_count(self) -> int:
        return len(self._document)

    @property
    def ok(self) -> bool:
        return self.page_count > 0

    def page_points(self, index: int) -> QSizeF:
        """The page size in PDF points (1/72 inch)."""
        width, height = self._document[index].get_size()
        return QSizeF(width, height)

    def render(self, index: int, size: QSize) -> QImage:
        """Page ``index`` scaled to fit ``size`` (white background, text smoothed)."""
        page = self._document[index]
        try:
            width, height = page.get_size()
            scale = min(size.width() / max(1.0, width), size.height() / max(1.0, height))
            bitmap = page.render(scale=scale, rev_byteorder=True, fill_color=(255, 255, 255, 255))
            try:
                image = QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGBX8888
                    if bitmap.n_channels == 4
                    else QImage.Format.Format_RGB888,
                )
                return image.copy()  # own the pixels before PDFium frees its buffer
            finally:
                bitmap.close()
        finally:
            page.close()

    def close(self) -> None:
        self._document.close()
