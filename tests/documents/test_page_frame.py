"""The shared page frame: every page carries the footer and its number; later pages of a
letter say whose letter continues, the first never does."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from grievance_desk.documents.fonts import LATIN, LATIN_BOLD, register_fonts
from grievance_desk.documents.page_frame import PAGE_WIDTH, PageFrame, render_pdf


def _pages(continued: str = "") -> list[str]:
    register_fonts()
    page = PageFrame(
        margin_x=20 * mm,
        margin_top=18 * mm,
        margin_bottom=22 * mm,
        font=LATIN,
        font_size=8,
        left="Confidential (test)",
        left_font=LATIN_BOLD,
        centre="TST-2026-00001",
        continued=continued,
    )
    style = ParagraphStyle("body", fontName=LATIN, fontSize=10, leading=14)

    def render() -> bytes:  # a story is used up by laying it out: a fresh one each time
        story = [Paragraph(f"Paragraph {n} of a test document. " * 6, style) for n in range(60)]
        return render_pdf(story, page, title="Test", author="Example Org (TEST)")

    pdf = render()
    assert render() == pdf, "the same story gives the same bytes"
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def test_every_page_has_the_footer_and_page_x_of_y() -> None:
    pages = _pages()
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Confidential (test)" in text and "TST-2026-00001" in text
        assert "continued" not in text


def test_the_continued_line_is_on_later_pages_only() -> None:
    pages = _pages(continued="TST-2026-00001 (continued)")
    assert "(continued)" not in pages[0]
    assert all("TST-2026-00001 (continued)" in text for text in pages[1:])


def test_the_text_width_is_the_page_less_both_margins() -> None:
    page = PageFrame(
        margin_x=22 * mm, margin_top=0, margin_bottom=0, font=LATIN, font_size=8, left=""
    )
    assert page.text_width == PAGE_WIDTH - 44 * mm


def test_a_hindi_frame_prints_and_extracts_its_own_words() -> None:
    """issue 17: a Hindi letter's footer and continued line are shaped Devanagari that copies
    out as typed, on every page (drawString would print them as boxes)."""
    register_fonts()
    page = PageFrame(
        margin_x=22 * mm,
        margin_top=18 * mm,
        margin_bottom=24 * mm,
        font=LATIN,
        font_size=8,
        left="गोपनीय",
        left_font=LATIN_BOLD,
        centre="TST-2026-00001",
        continued="TST-2026-00001 (जारी)",
        page_label="पृष्ठ {page} / {total}",
    )
    style = ParagraphStyle("body", fontName=LATIN, fontSize=10, leading=14)
    story = [Paragraph(f"Paragraph {n} of a test document. " * 6, style) for n in range(60)]
    pdf = render_pdf(story, page, title="Test", author="Example Org (TEST)")
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        lines = [" ".join(line.split()) for line in text.splitlines()]
        assert f"पृष्ठ {number} / {len(pages)}" in " ".join(lines), (number, text[-200:])
        assert "गोपनीय" in text and "TST-2026-00001" in text
        assert "Page " not in text
        assert ("TST-2026-00001 (जारी)" in text) == (number > 1)
