"""A letter's text layer reads back exactly as typed, Devanagari conjuncts and punctuation too.

Officers copy names out of letters and search PDFs; a regulator's tool extracts the text.
HarfBuzz reorders and merges Devanagari glyphs (the i-matra is drawn before its consonant,
the reph after), so each shaped cluster carries its source text in the ToUnicode map. Read
back with two independent extractors: poppler's ``pdftotext`` and pypdf.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from grievance_desk.documents.letter_pdf import (
    LetterDocument,
    Letterhead,
    SignatureBlock,
    render_letter_pdf,
)

NAME = "अनिता शर्मा"
OTHER = "श्रीमती अनन्या क्षत्रिय"


def _letter() -> LetterDocument:
    return LetterDocument(
        letterhead=Letterhead("Example Org (TEST)"),
        reference="GRV-2026-00042",
        date_text="25 November 2026",
        addressee=(f"{NAME}, Testpur",),
        subject="Your request",
        salutation=f"Dear {NAME},",
        body=f"We wrote to **{OTHER}**, and to {NAME}; (कृपया) ध्यान दें.",
        closing="Yours sincerely,",
        signature=SignatureBlock("Test Officer"),
    )


EXPECTED_LINES = (
    f"{NAME}, Testpur",
    f"Dear {NAME},",
    f"We wrote to {OTHER}, and to {NAME}; (कृपया) ध्यान दें.",
)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_pypdf_reads_the_devanagari_name_and_comma_as_typed() -> None:
    pdf = render_letter_pdf(_letter())
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    lines = _lines(text)
    for expected in EXPECTED_LINES:
        assert expected in lines, (expected, lines)


def test_pdftotext_reads_the_devanagari_name_and_comma_as_typed(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    path = tmp_path / "letter.pdf"
    path.write_bytes(render_letter_pdf(_letter()))
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stderr == ""
    lines = _lines(result.stdout)
    for expected in EXPECTED_LINES:
        assert expected in lines, (expected, lines)


def test_the_comma_after_a_devanagari_name_is_a_latin_comma_glyph() -> None:
    """The comma is shaped in the Latin font, not looked up with a Devanagari glyph id."""
    from grievance_desk.documents.fonts import LATIN, register_fonts
    from grievance_desk.documents.pdf_shaping import shape_word

    register_fonts()
    from reportlab.lib.abag import ABag

    latin = ABag(fontName=LATIN, fontSize=10)
    deva = ABag(fontName="GDNotoSansDevanagari", fontSize=10)
    word = [0.0, (deva, "शर्मा"), (latin, ",")]
    shaped = shape_word(word)
    comma = [text for frag, text in shaped[1:] if frag is latin]
    assert comma == [","]


def test_the_same_letter_gives_the_same_bytes_whatever_was_rendered_before() -> None:
    """Alias code points depend on what a process shaped first; the PDF must not."""
    import sys

    child = (
        "import sys, hashlib; sys.path.insert(0, 'tests/documents')\n"
        "from dataclasses import replace\n"
        "from test_letter_text_layer import _letter\n"
        "from grievance_desk.documents.letter_pdf import render_letter_pdf\n"
        "if sys.argv[1] == 'warm':\n"
        "    render_letter_pdf(replace(_letter(), body='क्षत्रिय कृपया ध्यान दें, शर्मा'))\n"
        "print(hashlib.sha256(render_letter_pdf(_letter())).hexdigest())\n"
    )
    root = Path(__file__).resolve().parents[2]
    digests = {
        subprocess.run(
            [sys.executable, "-c", child, history],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for history in ("cold", "warm")
    }
    assert len(digests) == 1
