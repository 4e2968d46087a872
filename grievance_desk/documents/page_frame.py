"""The A4 page every PDF of the app is printed on: margins, one text frame, and the footer rule
with "Page x of y" (plus, for letters, a "continued" line at the top of later pages).

Letters, reports and case summaries differ only in their margins and footer words, so they
describe those in a `PageFrame` and `render_pdf` lays out their story on it. The PDF is
reproducible (reportlab's invariant mode): the same story gives the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

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
    ``left_font``), ``centre`` and "Page x of y" at the right. ``continued`` is printed at the
    top right of every page after the first.
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
        canvas.drawString(page.margin_x, y, page.left)
        canvas.setFont(page.font, page.font_size)
    else:
        canvas.setFont(page.font, page.font_size)
        canvas.drawString(page.margin_x, y, page.left)
    if page.centre:
        canvas.drawCentredString(PAGE_WIDTH / 2, y, page.centre)
    canvas.drawRightString(right, y, f"Page {number} of {total}")
    if page.continued and number > 1:
        canvas.drawRightString(right, PAGE_HEIGHT - page.margin_top + 4 * mm, page.continued)
    canvas.restoreState()


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
