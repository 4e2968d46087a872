"""Text as search compares it, so a name is found however its Devanagari was typed.

The same name reaches the register typed in different ways: "ज़" as one code point (U+095B)
or as "ज" + nukta (U+093C), with or without the nukta at all (many keyboards and most people
leave it out), and with or without a zero-width joiner or non-joiner (U+200D, U+200C) that
only changes how a conjunct is drawn. Search folds the indexed text and what the officer types
the same way: canonical decomposition, the nukta and the joiners dropped, recomposition, then
case folding for the Latin, Greek and Cyrillic that FTS5 would fold anyway.
"""

from __future__ import annotations

import unicodedata

NUKTA = "\u093c"
ZERO_WIDTH_JOINERS = "\u200c\u200d"
_DROPPED = str.maketrans("", "", NUKTA + ZERO_WIDTH_JOINERS)


def fold_for_search(text: str) -> str:
    """``text`` with the variations that do not change a word removed (see the module)."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFD", text).translate(_DROPPED)
    return unicodedata.normalize("NFC", decomposed).casefold()
