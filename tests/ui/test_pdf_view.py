"""The letter preview draws every page of a real letter PDF, fit to its width, from memory."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from grievance_desk.documents.letter_pdf import render_letter_pdf
from grievance_desk.ui.pdf_pages import MemoryPdf, PdfUnreadable
from grievance_desk.ui.pdf_view import PdfPagesView
from tests.documents.test_letter_pdf import _letter


def _is_blank(view: PdfPagesView, index: int) -> bool:
    label = view.findChild(object, f"pdf_page_{index + 1}")
    image = label.pixmap().toImage()  # type: ignore[union-attr]
    dark = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if QColor(image.pixel(x, y)).lightness() < 128
    )
    return dark == 0


def test_pages_are_drawn_at_the_view_width_and_redrawn_when_it_changes(qtbot: QtBot) -> None:
    long_body = "\n\n".join(f"Paragraph {n}: " + "words " * 60 for n in range(30))
    pdf = render_letter_pdf(_letter(body=long_body))
    view = PdfPagesView()
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.show()
    view.set_pdf(pdf)
    assert view.page_count >= 2
    first = view.findChild(object, "pdf_page_1")
    assert first.width() == view.page_image_width()  # type: ignore[union-attr]
    assert not _is_blank(view, 0) and not _is_blank(view, view.page_count - 1)

    view.resize(900, 500)
    qtbot.waitUntil(lambda: first.width() == view.page_image_width())  # type: ignore[union-attr]
    view.set_pdf(None)
    assert view.page_count == 0


def test_bytes_that_are_not_a_pdf_are_refused_with_a_message() -> None:
    with pytest.raises(PdfUnreadable):
        MemoryPdf(b"not a pdf at all")
