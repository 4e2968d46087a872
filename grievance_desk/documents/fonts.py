"""The fonts letters are set in, and splitting text into runs each font can print.

Noto Sans carries Latin text and the rupee sign; Noto Sans Devanagari carries Hindi, Marathi
and other Devanagari names. reportlab picks one font per run of text, so a name that mixes
scripts ("श्रीमती अनन्या क्षत्रिय (Test)") is cut into runs here and each run is tagged with
the font that has its glyphs. HarfBuzz shaping (the paragraph style's ``shaping``) then forms
the conjuncts (``pdf_shaping`` shapes one font run at a time and keeps the typed text in
the PDF's text layer). The fonts ship in ``resources/fonts``; nothing is fetched at run time.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from grievance_desk.documents import pdf_shaping
from grievance_desk.resources_path import resource_path

LATIN = "GDNotoSans"
LATIN_BOLD = "GDNotoSans-Bold"
LATIN_ITALIC = "GDNotoSans-Italic"
DEVANAGARI = "GDNotoSansDevanagari"
DEVANAGARI_BOLD = "GDNotoSansDevanagari-Bold"

_FILES = {
    LATIN: "NotoSans-Regular.ttf",
    LATIN_BOLD: "NotoSans-Bold.ttf",
    LATIN_ITALIC: "NotoSans-Italic.ttf",
    DEVANAGARI: "NotoSansDevanagari-Regular.ttf",
    DEVANAGARI_BOLD: "NotoSansDevanagari-Bold.ttf",
}

# Devanagari, Devanagari Extended, Vedic Extensions; the joiners stay with their run.
_DEVANAGARI_RANGES = ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF))
_JOINERS = frozenset("\u200c\u200d")


class FontMissing(RuntimeError):
    """A shipped font file is not where the installation put it."""


def _is_devanagari(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _DEVANAGARI_RANGES)


@cache
def register_fonts(font_dir: Path | None = None) -> None:
    """Register the letter fonts with reportlab once per process (idempotent, cheap after)."""
    folder = font_dir or resource_path("fonts")
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.is_file():
            raise FontMissing(
                f"The letter font {filename} is missing from {folder}. Reinstall Grievance "
                "Desk (the fonts ship with it), or restore resources/fonts from the repository."
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdf_shaping.install()
    # <b> and <i> in paragraph markup pick the right face of each family.
    for bold in (0, 1):
        for italic in (0, 1):
            latin = LATIN_BOLD if bold else (LATIN_ITALIC if italic else LATIN)
            addMapping(LATIN, bold, italic, latin)
            addMapping(DEVANAGARI, bold, italic, DEVANAGARI_BOLD if bold else DEVANAGARI)


def script_runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (font family, text) runs; spaces and joiners stay with their run."""
    runs: list[tuple[str, str]] = []
    current = LATIN
    buffer: list[str] = []
    for char in text:
        if _is_devanagari(char):
            family = DEVANAGARI
        elif char in _JOINERS or char.isspace():
            family = current
        else:
            family = LATIN
        if family != current and buffer:
            runs.append((current, "".join(buffer)))
            buffer = []
        current = family
        buffer.append(char)
    if buffer:
        runs.append((current, "".join(buffer)))
    return runs


def font_markup(
    text: str, *, bold: bool = False, italic: bool = False, strong_style: bool = False
) -> str:
    """Paragraph markup for plain ``text``: escaped, Devanagari runs set in their own font.

    Emphasis goes inside each font tag: reportlab applies ``<b>`` to the family of the
    innermost font, so this is what makes bold Devanagari bold. ``strong_style`` is for a
    paragraph whose style is already bold (a subject, a heading): its Latin text is bold by
    the style, its Devanagari runs need their own ``<b>``.
    """
    parts: list[str] = []
    for family, run in script_runs(text):
        escaped = escape(run)
        if italic:
            escaped = f"<i>{escaped}</i>"
        if bold or (strong_style and family != LATIN):
            escaped = f"<b>{escaped}</b>"
        parts.append(escaped if family == LATIN else f'<font face="{family}">{escaped}</font>')
    return "".join(parts)
