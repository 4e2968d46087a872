"""A formal letter as an A4 PDF: letterhead, reference and date, addressee, subject, body,
signature block, and "Confidential" / "Page x of y" on every page.

Input is a plain `LetterDocument`; output is PDF bytes. Nothing is written to disk and the
database is never touched, so the same function serves the preview, the issued letter and the
command line. The PDF is reproducible (reportlab's invariant mode): the same letter gives the
same bytes, which keeps previews and tests stable.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from grievance_desk.documents.fonts import (
    LATIN,
    LATIN_BOLD,
    font_markup,
    register_fonts,
    script_runs,
)
from grievance_desk.documents.letter_markup import BulletList, Run, TextBlock, parse_body

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 22 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 24 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5a5a5a")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#b8c2cc")


class LetterRenderError(ValueError):
    """The letter cannot be laid out (for example a logo that is not an image)."""


@dataclass(frozen=True)
class Letterhead:
    """Who writes: printed at the top of the first page."""

    organisation: str
    address: str = ""
    website: str = ""
    logo_png: bytes | None = None


@dataclass(frozen=True)
class SignatureBlock:
    """Who signs, and how to reach them (DPDP Rules r.9: the officer's contact details)."""

    name: str
    title: str = ""
    organisation: str = ""
    contact_lines: tuple[str, ...] = ()
    image_png: bytes | None = None


@dataclass(frozen=True)
class LetterDocument:
    """Everything printed on a letter, as plain text; ``body`` uses the letter markup."""

    letterhead: Letterhead
    reference: str
    date_text: str
    addressee: tuple[str, ...]
    subject: str
    salutation: str
    body: str
    closing: str
    signature: SignatureBlock
    footer_note: str = "Confidential"
    reference_label: str = "Our reference"
    date_label: str = "Date"
    subject_label: str = "Subject"
    # "{page}", "{total}" and "{reference}" are filled in; a Hindi letter passes its own words.
    page_label: str = "Page {page} of {total}"
    continued_label: str = "{reference} (continued)"


def _style(name: str, **values: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": LATIN,
        "fontSize": 10.5,
        "leading": 15,
        "textColor": INK,
        "shaping": 1,
        "alignment": TA_LEFT,
    }
    base.update(values)
    return ParagraphStyle(name, **base)


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "org": _style("org", fontName=LATIN_BOLD, fontSize=15, leading=19, textColor=ACCENT),
        "org_detail": _style("org_detail", fontSize=8.5, leading=11.5, textColor=MUTED),
        "meta": _style("meta", fontSize=9.5, leading=13),
        "meta_right": _style("meta_right", fontSize=9.5, leading=13, alignment=TA_RIGHT),
        "address": _style("address", leading=14),
        "subject": _style("subject", fontName=LATIN_BOLD, spaceBefore=4, spaceAfter=10),
        "body": _style("body", spaceAfter=8),
        "heading": _style("heading", fontName=LATIN_BOLD, spaceBefore=4, spaceAfter=4),
        "bullet": _style("bullet", spaceAfter=3),
        "sign": _style("sign", leading=14),
        "sign_muted": _style("sign_muted", fontSize=9.5, leading=13, textColor=MUTED),
    }


def _runs_markup(runs: tuple[Run, ...], *, strong_style: bool = False) -> str:
    parts: list[str] = []
    for run in runs:
        parts.append(
            font_markup(run.text, bold=run.bold, italic=run.italic, strong_style=strong_style)
        )
    return "".join(parts)


def _lines_markup(lines: tuple[str, ...] | list[str]) -> str:
    return "<br/>".join(font_markup(line) for line in lines if line.strip())


def _image(data: bytes, max_width: float, max_height: float, what: str) -> Image:
    try:
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
    except Exception as error:
        raise LetterRenderError(
            f"The {what} could not be read as an image ({error}). Choose a PNG or JPEG file "
            "in Settings, or remove it."
        ) from error
    scale = min(max_width / width, max_height / height)
    return Image(io.BytesIO(data), width=width * scale, height=height * scale)


def _letterhead(head: Letterhead, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    details = [line.strip() for line in head.address.splitlines() if line.strip()]
    if head.website:
        details.append(head.website)
    text: list[Flowable] = [Paragraph(font_markup(head.organisation), styles["org"])]
    if details:
        text.append(Paragraph(_lines_markup(details), styles["org_detail"]))
    if head.logo_png:
        logo = _image(head.logo_png, 42 * mm, 18 * mm, "organisation's logo")
        table = Table(
            [[text, logo]],
            colWidths=[TEXT_WIDTH - 46 * mm, 46 * mm],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
        top: list[Flowable] = [table]
    else:
        top = text
    return [
        *top,
        Spacer(1, 3 * mm),
        HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceAfter=6 * mm),
    ]


def _reference_and_date(letter: LetterDocument, styles: dict[str, ParagraphStyle]) -> Table:
    left = Paragraph(
        f"{font_markup(letter.reference_label)}: {font_markup(letter.reference, bold=True)}",
        styles["meta"],
    )
    right = Paragraph(
        f"{font_markup(letter.date_label)}: {font_markup(letter.date_text)}", styles["meta_right"]
    )
    return Table(
        [[left, right]],
        colWidths=[TEXT_WIDTH * 0.6, TEXT_WIDTH * 0.4],
        style=TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        ),
    )


def _body(text: str, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    flowables: list[Flowable] = []
    for block in parse_body(text):
        if isinstance(block, TextBlock):
            heading = block.kind == "heading"
            style = styles["heading"] if heading else styles["body"]
            flowables.append(Paragraph(_runs_markup(block.runs, strong_style=heading), style))
        elif isinstance(block, BulletList):
            items = [
                ListItem(Paragraph(_runs_markup(item), styles["bullet"]), leftIndent=14)
                for item in block.items
            ]
            flowables.append(
                ListFlowable(
                    items,
                    bulletType="bullet",
                    start="•",
                    bulletFontName=LATIN,
                    bulletFontSize=10,
                    leftIndent=14,
                    bulletOffsetY=0,
                    spaceAfter=8,
                )
            )
    return flowables


def _signature(
    letter: LetterDocument, styles: dict[str, ParagraphStyle], last: list[Flowable]
) -> KeepTogether:
    # The last paragraph travels with the signature, so no page holds a signature alone.
    sign = letter.signature
    parts: list[Flowable] = [*last, Paragraph(font_markup(letter.closing), styles["body"])]
    if sign.image_png:
        parts.append(_image(sign.image_png, 50 * mm, 18 * mm, "officer's signature"))
        parts[-1].hAlign = "LEFT"
    else:
        parts.append(Spacer(1, 10 * mm))
    parts.append(Paragraph(font_markup(sign.name, bold=True), styles["sign"]))
    for line in (sign.title, sign.organisation):
        if line.strip():
            parts.append(Paragraph(font_markup(line), styles["sign"]))
    if sign.contact_lines:
        parts.append(Spacer(1, 1.5 * mm))
        parts.append(Paragraph(_lines_markup(sign.contact_lines), styles["sign_muted"]))
    return KeepTogether(parts)


def _story(letter: LetterDocument) -> list[Flowable]:
    styles = _styles()
    story: list[Flowable] = [*_letterhead(letter.letterhead, styles)]
    story.append(_reference_and_date(letter, styles))
    story.append(Spacer(1, 6 * mm))
    if letter.addressee:
        story.append(Paragraph(_lines_markup(letter.addressee), styles["address"]))
        story.append(Spacer(1, 6 * mm))
    story.append(
        Paragraph(
            f"{font_markup(letter.subject_label, strong_style=True)}: "
            f"{font_markup(letter.subject, strong_style=True)}",
            styles["subject"],
        )
    )
    if letter.salutation.strip():
        story.append(Paragraph(font_markup(letter.salutation), styles["body"]))
    body = _body(letter.body, styles)
    story.extend(body[:-1])
    story.append(_signature(letter, styles, body[-1:]))
    return story


def _page_decorations(letter: LetterDocument) -> type[Canvas]:
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
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            page = self.getPageNumber()
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            y = MARGIN_BOTTOM - 9 * mm
            self.line(MARGIN_X, y + 4 * mm, PAGE_WIDTH - MARGIN_X, y + 4 * mm)
            self.setFillColor(MUTED)
            self.setFont(LATIN_BOLD, 8)
            _draw(self, letter.footer_note, MARGIN_X, y, "left", bold=True)
            self.setFont(LATIN, 8)
            self.drawCentredString(PAGE_WIDTH / 2, y, letter.reference)
            page_text = letter.page_label.format(page=page, total=total)
            _draw(self, page_text, PAGE_WIDTH - MARGIN_X, y, "right")
            if page > 1:
                _draw(
                    self,
                    letter.continued_label.format(reference=letter.reference),
                    PAGE_WIDTH - MARGIN_X,
                    PAGE_HEIGHT - MARGIN_TOP + 4 * mm,
                    "right",
                )
            self.restoreState()

    return NumberedCanvas


def _draw(canvas: Canvas, text: str, x: float, y: float, align: str, *, bold: bool = False) -> None:
    """One line of the page frame at baseline ``y``: Latin text as before, any other script
    through a paragraph, so it is shaped by HarfBuzz and set in its own font."""
    if all(family == LATIN for family, _run in script_runs(text)):
        draw = canvas.drawString if align == "left" else canvas.drawRightString
        draw(x, y, text)
        return
    style = _style(
        "frame",
        fontName=LATIN_BOLD if bold else LATIN,
        fontSize=8,
        leading=10,
        textColor=MUTED,
        alignment=TA_LEFT if align == "left" else TA_RIGHT,
    )
    para = Paragraph(font_markup(text, bold=bold), style)
    width = TEXT_WIDTH / 2
    _w, height = para.wrap(width, 20 * mm)
    left = x if align == "left" else x - width
    # A paragraph is placed by its bottom edge; its first baseline sits one font size below
    # its top, as drawString's baseline is at ``y``.
    para.drawOn(canvas, left, y - height + style.fontSize)


def render_letter_pdf(letter: LetterDocument) -> bytes:
    """The letter as PDF bytes (A4), ready to preview, store, print or save."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=letter.subject,
        author=letter.letterhead.organisation,
        subject=letter.reference,
        creator="Grievance Desk",
        invariant=1,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        TEXT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="letter", frames=[frame])])
    doc.build(_story(letter), canvasmaker=_page_decorations(letter))
    return buffer.getvalue()
