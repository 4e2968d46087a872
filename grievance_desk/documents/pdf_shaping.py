"""HarfBuzz shaping for reportlab that prints the right glyphs and copies out as typed.

reportlab (5.x) shapes each word once, with the font of its first run: in "शर्मा," the comma
is shaped with the Devanagari font and its glyph id is then looked up in the Latin font, which
prints a stray glyph. And it writes each shaped glyph's own character into the PDF's
ToUnicode map, so a reordered i-matra or a reph glyph copies out as nothing ("अनता शमा" for
"अनिता शर्मा").

This module fixes both, without changing how text is laid out:

* a word is shaped one font run at a time;
* every shaped cluster whose glyphs are not simply its characters is written with alias
  codes whose ToUnicode entries, read in drawing order, spell the cluster's typed text (the
  i-matra glyph drawn first reads as the consonant, the consonant glyph as the matra), so
  pdftotext, pypdf and copy-and-paste give back what was typed.

Aliases are code points in the supplementary private use planes, added to the font's cmap
in memory (never to a file); each names a real glyph of the font.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph

# Kerning on; the optional Latin ligatures off: a ligature glyph (ﬃ) copies out as one
# character and breaks e-mail addresses and search. Devanagari conjuncts come from the
# Indic shaper's own required features, which these do not touch.
FEATURES: dict[str, bool] = {"kern": True, "liga": False, "dlig": False}

_FIRST_ALIAS = 0xF0000
_LAST_ALIAS = 0x10FFFD
_ALIAS_TEXT: dict[int, str] = {}
_ALIASES: dict[tuple[str, int, str, float], int] = {}
_original_shape: Callable[..., Any] | None = None
_original_cmap: Callable[[str, list[int]], str] | None = None


def install() -> None:
    """Route reportlab's shaping and ToUnicode maps through this module (idempotent)."""
    global _original_shape, _original_cmap
    if _original_shape is not None:
        return
    _original_shape = ttfonts.shapeFragWord
    _original_cmap = ttfonts.makeToUnicodeCMap
    ttfonts.shapeFragWord = shape_word
    paragraph.shapeFragWord = shape_word  # imported by name there
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _is_text_frag(entry: Any) -> bool:
    return not hasattr(entry[0], "cbDefn")


def shape_word(word: Any, features: dict[str, bool] | None = None, force: bool = False) -> Any:
    """Shape one paragraph word ``[width, (frag, text), ...]``, one font run at a time."""
    if _original_shape is None:
        install()
    assert _original_shape is not None
    if isinstance(word, ttfonts.ShapedFragWord):
        return word
    features = dict(FEATURES if features is None else features)
    groups = _font_groups(word)
    if len(groups) <= 1:
        return _alias_clusters(_original_shape(word, features, force), _text(word[1:]))
    results = []
    for group in groups:
        sub = [_width(group), *group]
        results.append(_alias_clusters(_original_shape(sub, features, force), _text(group)))
    unchanged = zip(results, groups, strict=True)
    if not force and all(result[1:] == group for result, group in unchanged):
        return word
    merged = ttfonts.makeShapedFragWord(word)([sum(result[0] for result in results)])
    for result in results:
        merged.extend(result[1:])
    return merged


def _font_groups(word: Any) -> list[list[Any]]:
    """Consecutive frags set in one font; inline specials (links, images) join the run."""
    groups: list[list[Any]] = []
    font: str | None = None
    for entry in word[1:]:
        if _is_text_frag(entry):
            name = entry[0].fontName
            if font is None or name != font:
                if font is not None or not groups:
                    groups.append([])
                font = name
        elif not groups:
            groups.append([])
        groups[-1].append(entry)
    return groups


def _width(group: list[Any]) -> float:
    return float(
        sum(
            pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)
            for frag, text in (entry for entry in group if _is_text_frag(entry))
        )
    )


def _text(entries: list[Any]) -> str:
    return "".join(str(entry[1]) for entry in entries if _is_text_frag(entry))


def _alias_clusters(shaped: Any, text: str) -> Any:
    """Rewrite each reordered or merged cluster with alias codes carrying its source text."""
    glyphs: list[tuple[int, int, Any]] = []  # (entry index, glyph index, shape data)
    for index, entry in enumerate(shaped):
        if index == 0 or not _is_text_frag(entry) or not isinstance(entry[1], ttfonts.ShapedStr):
            continue
        for position, data in enumerate(entry[1].__shapeData__):
            glyphs.append((index, position, data))
    if not glyphs:
        return shaped
    replacements: dict[tuple[int, int], tuple[str, Any]] = {}
    for cluster_text, places in _clusters(text, glyphs):
        (first_index, first_position, _), *_rest = places
        if len(places) == 1 and shaped[first_index][1][first_position] == cluster_text:
            continue
        # Text rides on glyphs that advance; a zero-width mark reads as nothing, so poppler
        # neither splits the word at it nor takes it for a duplicated glyph.
        carriers = [place for place in places if place[2].x_advance] or places[:1]
        shares = dict(zip(carriers, _shares(cluster_text, len(carriers)), strict=True))
        for place in places:
            index, position, data = place
            font = pdfmetrics.getFont(shaped[index][0].fontName)
            char = str(shaped[index][1])[position]
            width = data.width
            if not data.x_advance and data.x_offset < 0:
                # A mark pulled back over its base: a PDF width equal to the pull makes the
                # moves around it cancel, where a bare move right reads as a space to pypdf.
                width = -data.x_offset
                data = data._replace(width=width)
            alias = _alias(font, char, shares.get(place, ""), width)
            if alias is not None:
                replacements[(index, position)] = (alias, data)
    if not replacements:
        return shaped
    out = shaped.__class__(shaped[:1])
    for index, entry in enumerate(shaped):
        if index == 0:
            continue
        if not _is_text_frag(entry) or not isinstance(entry[1], ttfonts.ShapedStr):
            out.append(entry)
            continue
        chars: list[str] = []
        shapes: list[Any] = []
        pairs = zip(entry[1], entry[1].__shapeData__, strict=True)
        for position, (char, shape) in enumerate(pairs):
            char, shape = replacements.get((index, position), (char, shape))
            chars.append(char)
            shapes.append(shape)
        new_text = ttfonts.ShapedStr("".join(chars), shapeData=shapes)
        out.append(
            entry.__class__((entry[0], new_text))
            if isinstance(entry, tuple)
            else [
                entry[0],
                new_text,
            ]
        )
    return out


def _clusters(
    text: str, glyphs: list[tuple[int, int, Any]]
) -> list[tuple[str, list[tuple[int, int, Any]]]]:
    """Group glyphs by HarfBuzz cluster, with each cluster's text; a cluster of zero-width
    marks only (a vowel sign shaped apart from its consonant) joins the one before it."""
    starts = sorted({data.cluster for _, _, data in glyphs})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    members: dict[int, list[tuple[int, int, Any]]] = {}
    for glyph in glyphs:
        members.setdefault(glyph[2].cluster, []).append(glyph)
    clusters: list[tuple[str, list[tuple[int, int, Any]]]] = []
    for start in starts:
        places = members[start]
        piece = text[start : ends[start]]
        if clusters and not any(data.x_advance for _, _, data in places):
            previous_text, previous = clusters[-1]
            clusters[-1] = (previous_text + piece, previous + places)
        else:
            clusters.append((piece, places))
    return clusters


def _shares(text: str, glyphs: int) -> list[str]:
    """Cut a cluster's text into one piece per glyph, in drawing order, none empty if it can.

    Extractors place text by glyph: a glyph with no text leaves a gap that poppler reads as
    a word break, so each glyph carries at least one character and the last one the rest.
    """
    if glyphs == 1:
        return [text]
    if len(text) >= glyphs:
        return [*text[: glyphs - 1], text[glyphs - 1 :]]
    # More glyphs than characters: the first and last glyphs carry text, the middle none.
    head, tail = text[:-1], text[-1:]
    pieces = [head] + [""] * (glyphs - 2) + [tail]
    return pieces if head else [tail] + [""] * (glyphs - 1)


def _alias(font: Any, char: str, text: str, width: float) -> str | None:
    """A private code point for ``char``'s glyph with PDF ``width`` and ToUnicode ``text``."""
    face = font.face
    gid = face.charToGlyph.get(ord(char))
    if gid is None:
        return None
    key = (font.fontName, gid, text, width)
    code = _ALIASES.get(key)
    if code is None:
        code = _FIRST_ALIAS + len(_ALIASES)
        if code > _LAST_ALIAS:
            return None
        _ALIASES[key] = code
        _ALIAS_TEXT[code] = text
        face.charToGlyph[code] = gid
        face.glyphToChar.setdefault(gid, []).append(code)
        face.charWidths[code] = width
    return chr(code)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with each alias code mapped to its cluster's text."""
    assert _original_cmap is not None
    cmap = _original_cmap(fontname, subset)
    if not any(code in _ALIAS_TEXT for code in subset):
        return cmap
    lines = cmap.split("\n")
    for index, code in enumerate(subset):
        if code in _ALIAS_TEXT:
            old = f"<{index:02X}> <{code:04X}>"
            new = f"<{index:02X}> <{_ALIAS_TEXT[code].encode('utf-16-be').hex().upper()}>"
            lines[lines.index(old)] = new
    return "\n".join(lines)
