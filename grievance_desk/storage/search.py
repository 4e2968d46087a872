"""Full-text search over cases: the one SQLite-specific (FTS5) adapter in the project.

Officers type fragments ("sharm", "GRV-2026-0004", "refund"), so every word becomes a quoted
prefix query; nothing they type reaches FTS5's query syntax unquoted. The requester's name and
the description are indexed folded, and every typed word is folded the same way
(``domain/text_folding.py``), so "अनिता" is found with or without a nukta or a joiner typed.
References and e-mail addresses are indexed as they are (FTS5 folds their case itself).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlalchemy import literal_column, text
from sqlalchemy.orm import Session

from grievance_desk.domain.text_folding import fold_for_search

_WORD = re.compile(r"[\w@.+-]+", re.UNICODE)
#: Python's ``\w`` leaves out combining marks, so a Devanagari word ("अनिता") would split at
#: each vowel sign; a word goes on through any mark (Unicode category M).
_MARK_CATEGORIES = frozenset({"Mn", "Mc", "Me"})
#: A reference being typed: letters, a hyphen and at least one digit ("GRV-2", "grv-2026-00").
_REFERENCE_PREFIX = re.compile(r"[A-Za-z]+-[0-9][A-Za-z0-9-]*")


def index_case(
    session: Session, case_id: int, reference: str, requester: str, email: str, description: str
) -> None:
    """(Re)write a case's search row; call it in the transaction that changes the case."""
    session.execute(text("DELETE FROM case_search WHERE rowid = :id"), {"id": case_id})
    session.execute(
        text(
            "INSERT INTO case_search (rowid, reference, requester, email, description) "
            "VALUES (:id, :reference, :requester, :email, :description)"
        ),
        {
            "id": case_id,
            "reference": reference,
            "requester": fold_for_search(requester),
            "email": email,
            "description": fold_for_search(description),
        },
    )


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH string for what was typed, or None when nothing searchable was typed.

    Every word is a quoted prefix phrase (``"deepa"* AND "m"*``). The table keeps prefix
    indexes for one and two characters (migration 0005), so a short last word, alone or
    ending a phrase (``"aisha.s"*``), reads one doclist instead of every token it starts.
    """
    words = typed_words(query)
    if not words:
        return None
    return " AND ".join('"' + word.replace('"', '""') + '"*' for word in words)


def typed_words(query: str) -> list[str]:
    """The words of what was typed, folded as the index is (marks kept inside a word)."""
    folded = fold_for_search(query)
    if folded.isascii():
        return _WORD.findall(folded)
    joined = "".join("a" if unicodedata.category(ch) in _MARK_CATEGORIES else ch for ch in folded)
    return [folded[m.start() : m.end()] for m in _WORD.finditer(joined)]


def reference_prefix(query: str) -> str | None:
    """The upper-cased reference prefix when what was typed looks like one, else None.

    Every case's search row holds its reference, so ``"GRV-2"*`` is the FTS5 phrase *token
    grv followed by a token starting with 2*: the token ``grv`` is in every row, and FTS5
    checks the phrase in all 100,000 of them (over half a second). References are stored
    upper-case under a unique index, so the list reads a range of that index instead.
    """
    typed = query.strip()
    if not _REFERENCE_PREFIX.fullmatch(typed):
        return None
    return typed.upper()


def prefix_upper_bound(prefix: str) -> str:
    """The least string above every string that starts with ``prefix`` (binary order).

    ``reference >= prefix AND reference < prefix_upper_bound(prefix)`` is a prefix match that
    a plain index range serves, in any SQL dialect with binary collation.
    """
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def matching_ids(expression: str) -> Any:
    """Case ids matching an FTS5 expression, as a subquery (its column: ``case_id``).

    Unlike ``search_case_ids`` it has no cap and no ranking: the Cases list filters and
    orders 100,000 cases in SQL with it, and counts with it.
    """
    return (
        text("SELECT rowid AS case_id FROM case_search WHERE case_search MATCH :fts_q")
        .bindparams(fts_q=expression)
        .columns(literal_column("case_id"))
    )


def search_case_ids(session: Session, query: str, limit: int = 500) -> list[int]:
    """Case ids matching every word typed, best match first."""
    expression = match_expression(query)
    if expression is None:
        return []
    rows = session.execute(
        text("SELECT rowid FROM case_search WHERE case_search MATCH :q ORDER BY rank LIMIT :limit"),
        {"q": expression, "limit": limit},
    )
    return [int(row[0]) for row in rows]


def forget_case(session: Session, case_id: int) -> None:
    """Remove a case's personal text from the index (retention purge)."""
    session.execute(text("DELETE FROM case_search WHERE rowid = :id"), {"id": case_id})


def compact_search_index(session: Session) -> None:
    """Merge the index's segments, so the words of purged cases leave them too.

    FTS5 keeps deleted rows' tokens in old segments until a merge; a retention purge calls
    this once at its end (it rewrites the whole index, so not once per case).
    """
    session.execute(text("INSERT INTO case_search(case_search) VALUES ('optimize')"))
