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

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from grievance_desk.documents.fonts import LATIN, LATIN_BOLD, font_markup, register_fonts
from grievance_desk.documents.letter_markup import BulletList, Run, TextBlock, parse_body
from grievance_desk.documents.page_frame import (
    ACCENT,
    INK,
    MUTED,
    PAGE_WIDTH,
    PageFrame,
    render_pdf,
)

MARGIN_X = 22 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 24 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X


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


def render_letter_pdf(letter: LetterDocument) -> bytes:
    """The letter as PDF bytes (A4), ready to preview, store, print or save."""
    register_fonts()
    page = PageFrame(
        margin_x=MARGIN_X,
        margin_top=MARGIN_TOP,
        margin_bottom=MARGIN_BOTTOM,
        font=LATIN,
        font_size=8,
        left=letter.footer_note,
        left_font=LATIN_BOLD,
        centre=letter.reference,
        continued=letter.continued_label.format(reference=letter.reference),
        page_label=letter.page_label,
    )
    return render_pdf(
        _story(letter),
        page,
        title=letter.subject,
        author=letter.letterhead.organisation,
        subject=letter.reference,
    )
