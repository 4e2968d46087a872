"""Readable text from an HTML-only e-mail, in time proportional to its size.

Some mail clients send HTML with no plain-text part; the case description needs the words.
The former regular expressions rescanned the rest of the message at every unclosed ``<`` or
``<script`` (quadratic: a 200 KB message froze the window for 12–22 s), and the standard
library's ``html.parser`` in Python 3.11 does the same on runs of unclosed tags. This scanner
moves forward only: every character is looked at a bounded number of times, whatever the
input (``tests/benchmarks/test_bench_email_html.py`` compares two sizes' times).

Beyond ``MAX_HTML_CHARS`` the rest is not converted and a note says so; the original message
is kept with the case as an attachment, so nothing is lost.
"""

from __future__ import annotations

import html
import re

MAX_HTML_CHARS = 3_000_000

# A tag: name and attributes up to the next '>' with no '<' inside. Possessive quantifiers
# (Python 3.11) never backtrack, so a failed match costs only the characters it read.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*+)([^<>]*+)>")
_SKIPPED = {"script", "style", "head", "title", "template"}
_CLOSERS = {name: re.compile(rf"</{name}[^<>]*+>", re.IGNORECASE) for name in _SKIPPED}
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def html_to_text(markup: str, *, limit: int = MAX_HTML_CHARS) -> tuple[str, bool]:
    """The text of ``markup`` with paragraphs and line breaks kept; True if it was cut.

    Linear in ``len(markup)``. Script, style and head contents are dropped, comments too;
    entities are decoded once, at the end, on text only.
    """
    cut = len(markup) > limit
    source = markup[:limit] if cut else markup
    parts: list[str] = []
    end = len(source)
    position = 0
    while position < end:
        opening = source.find("<", position)
        if opening < 0:
            parts.append(_SPACES.sub(" ", source[position:]))
            break
        if opening > position:
            parts.append(_SPACES.sub(" ", source[position:opening]))
        if source.startswith("<!--", opening):
            closing = source.find("-->", opening + 4)
            position = end if closing < 0 else closing + 3
            continue
        if source.startswith("<!", opening) or source.startswith("<?", opening):
            closing = source.find(">", opening + 2)
            position = end if closing < 0 else closing + 1
            continue
        tag = _TAG.match(source, opening)
        if tag is None:  # a lone '<' in the text ("a < b"): keep it as text
            parts.append("<")
            position = opening + 1
            continue
        position = tag.end()
        name = tag.group(2).lower()
        if tag.group(1):  # a closing tag
            if name in _BLOCKS:
                parts.append("\n")
            continue
        if name in _SKIPPED and not tag.group(3).rstrip().endswith("/"):
            closer = _CLOSERS[name].search(source, position)
            position = end if closer is None else closer.end()
            continue
        if name in _BLOCKS:
            parts.append("\n• " if name == "li" else "\n")
    text = html.unescape("".join(parts)).replace("\u00a0", " ")
    lines = (line.strip() for line in text.split("\n"))
    result = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    if cut:
        result += (
            f"\n\n[…the rest of this HTML e-mail ({len(markup) / 1_000_000:.1f} MB) was not "
            "converted to text; the original message is attached to the case]"
        )
    return result, cut
