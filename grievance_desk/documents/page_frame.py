"""The A4 page every PDF of the app is printed on: margins, one text frame, and the footer rule
with "Page x of y" (plus, for letters, a "continued" line at the top of later pages).
A frame word in another script (a Hindi letter's "पृष्ठ 1 / 2") is shaped like the letter's
text, in its own font.

Letters, reports and case summaries differ only in their margins and footer words, so they
describe those in a `PageFrame` and `render_pdf` lays out their story on it. The PDF is
reproducible (reportlab's invariant mode): the same story gives the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from grievance_desk.documents.fonts import LATIN, font_markup, register_fonts, script_runs

PAGE_WIDTH: float = A4[0]
PAGE_HEIGHT: float = A4[1]
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5a5a")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#b8c2cc")


@dataclass(frozen=True)
class PageFrame:
    """One kind of page: its margins and the words of its footer.

    The footer sits ``footer_drop`` below the bottom margin, under a thin rule: ``left`` (in
    ``left_font``, a bold face: its Devanagari is set bold too), ``centre`` and ``page_label``
    at the right, with "{page}" and "{total}" filled in (a Hindi letter passes its own
    words, issue 17). ``continued`` is printed at the top right of every page after the first.
    """

    margin_x: float
    margin_top: float
    margin_bottom: float
    font: str
    font_size: float
    left: str
    left_font: str = ""
    centre: str = ""
    continued: str = ""
    footer_drop: float = 9 * mm
    page_label: str = "Page {page} of {total}"

    @property
    def text_width(self) -> float:
        """The width the story is laid out in."""
        return PAGE_WIDTH - 2 * self.margin_x


def _canvas_maker(page: PageFrame) -> type[Canvas]:
    """A canvas that knows the page count at the end, for "Page x of y" on every page."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                _decorate(self, page, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _decorate(canvas: Canvas, page: PageFrame, total: int) -> None:
    number = canvas.getPageNumber()
    right = PAGE_WIDTH - page.margin_x
    y = page.margin_bottom - page.footer_drop
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(page.margin_x, y + 4 * mm, right, y + 4 * mm)
    canvas.setFillColor(MUTED)
    if page.left_font:
        canvas.setFont(page.left_font, page.font_size)
        _line(canvas, page, page.left, page.margin_x, y, "left", font=page.left_font)
        canvas.setFont(page.font, page.font_size)
    else:
        canvas.setFont(page.font, page.font_size)
        _line(canvas, page, page.left, page.margin_x, y, "left")
    if page.centre:
        _line(canvas, page, page.centre, PAGE_WIDTH / 2, y, "centre")
    page_text = page.page_label.format(page=number, total=total)
    _line(canvas, page, page_text, right, y, "right")
    if page.continued and number > 1:
        _line(canvas, page, page.continued, right, PAGE_HEIGHT - page.margin_top + 4 * mm, "right")
    canvas.restoreState()


_ALIGN = {"left": TA_LEFT, "centre": TA_CENTER, "right": TA_RIGHT}


def _line(
    canvas: Canvas, page: PageFrame, text: str, x: float, y: float, align: str, font: str = ""
) -> None:
    """One line of the frame at baseline ``y``, anchored at ``x`` on its ``align`` side.

    Latin text is drawn as it always was (the same bytes); any other script goes through a
    paragraph, so HarfBuzz shapes it and it is set in its own font (issue 17).
    """
    if all(family == LATIN for family, _run in script_runs(text)):
        draw = {
            "left": canvas.drawString,
            "centre": canvas.drawCentredString,
            "right": canvas.drawRightString,
        }[align]
        draw(x, y, text)
        return
    register_fonts()
    style = ParagraphStyle(
        "frame",
        fontName=font or page.font,
        fontSize=page.font_size,
        leading=page.font_size * 1.25,
        textColor=MUTED,
        alignment=_ALIGN[align],
        shaping=1,
    )
    para = Paragraph(font_markup(text, strong_style=bool(font)), style)
    width = page.text_width / 2
    _width, height = para.wrap(width, 20 * mm)
    left = {"left": x, "centre": x - width / 2, "right": x - width}[align]
    # A paragraph is placed by its bottom edge; its first baseline sits one font size below
    # its top, as drawString's baseline is at ``y``.
    para.drawOn(canvas, left, y - height + page.font_size)


def render_pdf(
    story: list[Flowable],
    page: PageFrame,
    *,
    title: str,
    author: str,
    subject: str | None = None,
) -> bytes:
    """``story`` laid out on A4 pages of ``page``, as PDF bytes (nothing touches the disk)."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=page.margin_x,
        rightMargin=page.margin_x,
        topMargin=page.margin_top,
        bottomMargin=page.margin_bottom,
        title=title,
        author=author,
        subject=subject,
        creator="Grievance Desk",
        invariant=1,
    )
    frame = Frame(
        page.margin_x,
        page.margin_bottom,
        page.text_width,
        PAGE_HEIGHT - page.margin_top - page.margin_bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_canvas_maker(page))
    return buffer.getvalue()
