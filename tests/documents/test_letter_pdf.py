"""Letter PDFs from plain data: layout text, page numbering, fonts for Devanagari, images."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from grievance_desk.documents.fonts import DEVANAGARI, LATIN, script_runs
from grievance_desk.documents.letter_markup import BulletList, Run, TextBlock, parse_body
from grievance_desk.documents.letter_pdf import (
    LetterDocument,
    Letterhead,
    LetterRenderError,
    SignatureBlock,
    render_letter_pdf,
)

DEVANAGARI_NAME = "श्रीमती अनन्या क्षत्रिय (Test)"


def _letter(**changes: object) -> LetterDocument:
    values: dict[str, object] = {
        "letterhead": Letterhead("Example Org (TEST)", "1 Placeholder Road, Testpur 000000"),
        "reference": "GRV-2026-00042",
        "date_text": "25 November 2026",
        "addressee": ("Test Person Alpha", "1 Demo Street", "Testpur 000000"),
        "subject": "Your request — fee ₹ 0",
        "salutation": "Dear Test Person Alpha,",
        "body": "A **bold** and *italic* start.\n\n## Heading\n\n- one\n- two",
        "closing": "Yours sincerely,",
        "signature": SignatureBlock(
            "Test Officer", "Grievance Officer", "Example Org (TEST)", ("E-mail: o@example.org",)
        ),
    }
    values.update(changes)
    return LetterDocument(**values)  # type: ignore[arg-type]


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _fonts(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts: Any = page["/Resources"]["/Font"]  # type: ignore[index]
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def test_a_letter_has_its_parts_and_a_confidential_numbered_footer() -> None:
    pdf = render_letter_pdf(_letter())
    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    for expected in (
        "Example Org (TEST)",
        "GRV-2026-00042",
        "25 November 2026",
        "Subject: Your request — fee ₹ 0",
        "Dear Test Person Alpha,",
        "Heading",
        "Test Officer",
        "E-mail: o@example.org",
        "Confidential",
        "Page 1 of 1",
    ):
        assert expected in text
    reader = PdfReader(io.BytesIO(pdf))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4


def test_a_long_letter_numbers_every_page_and_is_reproducible() -> None:
    long_body = "\n\n".join(f"Paragraph {n} of a long letter. " * 8 for n in range(40))
    pdf = render_letter_pdf(_letter(body=long_body))
    reader = PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    assert pages >= 3
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {pages}" in page.extract_text()
    assert render_letter_pdf(_letter(body=long_body)) == pdf


def test_a_devanagari_name_is_set_in_the_devanagari_font() -> None:
    pdf = render_letter_pdf(
        _letter(
            addressee=(DEVANAGARI_NAME, "1 Demo Street"),
            salutation=f"Dear {DEVANAGARI_NAME},",
            body=f"We wrote to **{DEVANAGARI_NAME}** about ₹ 500.",
        )
    )
    fonts = _fonts(pdf)
    assert any(name.endswith("+NotoSansDevanagari-Regular") for name in fonts)
    assert any(name.endswith("+NotoSansDevanagari-Bold") for name in fonts)
    assert any(name.endswith("+NotoSans-Regular") for name in fonts)
    text = _text(pdf)
    # Shaped conjuncts are mapped to private glyph codes, but the simple letters read back.
    assert "मती" in text
    assert "(Test)" in text
    assert "₹ 500" in text


def test_script_runs_split_mixed_names() -> None:
    assert script_runs("Dear श्री Test") == [(LATIN, "Dear "), (DEVANAGARI, "श्री "), (LATIN, "Test")]
    assert script_runs("") == []


def test_body_markup() -> None:
    blocks = parse_body("First line\njoined.\n\n## Head\n- a **b**\n  more\n- c\n\nLast *it*.")
    assert blocks[0] == TextBlock("paragraph", (Run("First line joined."),))
    assert blocks[1] == TextBlock("heading", (Run("Head"),))
    assert blocks[2] == BulletList(((Run("a "), Run("b", bold=True), Run(" more")), (Run("c"),)))
    assert blocks[3] == TextBlock("paragraph", (Run("Last "), Run("it", italic=True), Run(".")))


def test_markup_characters_print_as_typed() -> None:
    pdf = render_letter_pdf(_letter(body='Fish & chips <b>not bold</b> "quoted"'))
    assert 'Fish & chips <b>not bold</b> "quoted"' in _text(pdf)


def _png(colour: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 20), colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_logo_and_signature_images_are_placed() -> None:
    logo, signature = _png("navy"), _png("black")
    pdf = render_letter_pdf(
        _letter(
            letterhead=Letterhead("Example Org (TEST)", "Testpur", logo_png=logo),
            signature=SignatureBlock("Test Officer", image_png=signature),
        )
    )
    assert pdf.count(b"/Subtype /Image") >= 2


def test_a_logo_that_is_not_an_image_says_what_to_do() -> None:
    with pytest.raises(LetterRenderError, match="logo could not be read"):
        render_letter_pdf(_letter(letterhead=Letterhead("Org", logo_png=b"not an image")))
