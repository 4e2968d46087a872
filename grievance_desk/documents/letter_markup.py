"""The small markup a letter body is written in: paragraphs, bullet lists, headings, emphasis.

Chosen so an officer can edit a letter in a plain text box without learning a language:

* a blank line separates paragraphs; lines of one paragraph are joined with a space;
* a line starting with ``- `` is a bullet (an indented line continues it);
* a line starting with ``## `` is a small heading;
* ``**bold**`` and ``*italic*`` mark emphasis.

Everything else is text, printed as typed: no HTML, no way to reach the PDF engine's own tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_EMPHASIS = re.compile(r"\*\*(?P<bold>\S(?:.*?\S)?)\*\*|\*(?P<italic>\S(?:[^*]*?\S)?)\*")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class TextBlock:
    """A paragraph or a heading."""

    kind: Literal["paragraph", "heading"]
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class BulletList:
    """Consecutive bullet items."""

    items: tuple[tuple[Run, ...], ...]


Block = TextBlock | BulletList


def parse_inline(text: str) -> tuple[Run, ...]:
    """Split text into runs at ``**bold**`` and ``*italic*`` markers."""
    runs: list[Run] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        if match.group("bold") is not None:
            runs.append(Run(match.group("bold"), bold=True))
        else:
            runs.append(Run(match.group("italic"), italic=True))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return tuple(runs)


def parse_body(text: str) -> tuple[Block, ...]:
    """The blocks of a letter body, in order; never fails (unknown things are plain text)."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    bullets: list[list[str]] = []

    def flush() -> None:
        if paragraph:
            blocks.append(TextBlock("paragraph", parse_inline(" ".join(paragraph))))
            paragraph.clear()
        if bullets:
            blocks.append(BulletList(tuple(parse_inline(" ".join(item)) for item in bullets)))
            bullets.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped.startswith(("- ", "• ")) and not raw.startswith("   "):
            if paragraph:
                flush()
            bullets.append([stripped[2:].strip()])
        elif bullets and raw[:1].isspace():
            bullets[-1].append(stripped)
        elif stripped.startswith("## "):
            flush()
            blocks.append(TextBlock("heading", parse_inline(stripped[3:].strip())))
        else:
            if bullets:
                flush()
            paragraph.append(stripped)
    flush()
    return tuple(blocks)
