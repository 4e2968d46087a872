"""The stored sort key that orders requester names the way a person reads them.

SQLite compares text byte by byte: "Zoe" before "anil", and Devanagari names scattered by
code point. The Unicode Collation Algorithm (pyuca, with the default DUCET table) orders
Latin case-insensitively, Devanagari in its alphabetical order, and gives a nukta or a
joiner only a secondary or no weight, so "ज़रीना" sits beside "जरीना". The key is computed
on every write of a name and stored on the case (``requester_sort_key``, indexed since
schema 0010), so the list sorts through an index like every other column. A derived cache:
left out of the audit state digest, exports, letters and evidence bundles.
"""

from __future__ import annotations

import struct
from functools import cache
from typing import Any

# The table is named, not pyuca's default for the running Python: stored keys must not change
# with the interpreter. A new table would need a migration that recomputes every key.
from pyuca.collator import Collator_9_0_0 as Collator  # type: ignore[import-untyped]


@cache
def _collator() -> Any:
    # Reads the DUCET table (~0.25 s): only when a name is first written, never at start-up.
    return Collator()


def requester_sort_key(name: str) -> bytes:
    """``name``'s UCA sort key as bytes whose binary order is the collation order.

    Each collation weight is below 0x10000, so two big-endian bytes per weight keep the
    tuple order under a plain byte comparison (SQLite's BLOB order).
    """
    weights = _collator().sort_key(name)
    return struct.pack(f">{len(weights)}H", *weights)
