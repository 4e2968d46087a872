"""Devanagari in search and sort: folded search rows and a collation key per case (issue 17).

Search: since this revision the requester's name and the description are indexed folded
(``domain/text_folding.py``: no nukta, no zero-width joiner or non-joiner, NFC, case folded),
as typed words are, so "अनिता" finds a name however its Devanagari was typed. Rows written
before were not folded: each is re-indexed here, in batches by rowid. A row whose folding
changes only letter case is left as it is (FTS5 folds case itself, so its tokens would not
change), which spares rewriting the whole index of a mostly Latin register.

Sort: ``grievance_case.requester_sort_key`` is the requester's name as a Unicode Collation
Algorithm key (``storage/name_collation.py``), filled here for every case and then indexed,
so sorting by name walks an index (the index ends in the rowid, like 0008's) in the order a
person expects instead of sorting 100,000 names by code point. Derived data: the audit state
digest (``storage/case_state.py``) lists its columns by name and does not include it.

The folding and the key are today's code (imported), which is what the app writes from now on.

SQLite-only here: the re-indexing of the FTS5 table (the search adapter's, ``storage/search.py``).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from grievance_desk.domain.text_folding import fold_for_search
from grievance_desk.storage.name_collation import requester_sort_key

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BATCH = 2_000


def _fill_sort_keys(bind: sa.Connection) -> None:
    last = 0
    while True:
        rows = bind.execute(
            sa.text(
                "SELECT c.id, r.name FROM grievance_case c "
                "JOIN requester r ON r.id = c.requester_id "
                "WHERE c.id > :last ORDER BY c.id LIMIT :n"
            ),
            {"last": last, "n": BATCH},
        ).all()
        if not rows:
            return
        bind.execute(
            sa.text("UPDATE grievance_case SET requester_sort_key = :key WHERE id = :id"),
            [{"id": int(i), "key": requester_sort_key(str(name))} for i, name in rows],
        )
        last = int(rows[-1][0])


def _changed(value: str) -> str | None:
    folded = fold_for_search(value)
    return None if folded == value.casefold() else folded


def _fold_search_rows(bind: sa.Connection) -> None:
    last = 0
    while True:
        rows = bind.execute(
            sa.text(
                "SELECT rowid, requester, description FROM case_search "
                "WHERE rowid > :last ORDER BY rowid LIMIT :n"
            ),
            {"last": last, "n": BATCH},
        ).all()
        if not rows:
            return
        updates = [
            {
                "id": int(rowid),
                "requester": fold_for_search(str(name or "")),
                "description": fold_for_search(str(body or "")),
            }
            for rowid, name, body in rows
            if _changed(str(name or "")) is not None or _changed(str(body or "")) is not None
        ]
        if updates:
            bind.execute(
                sa.text(
                    "UPDATE case_search SET requester = :requester, description = :description "
                    "WHERE rowid = :id"
                ),
                updates,
            )
        last = int(rows[-1][0])


def upgrade() -> None:
    op.add_column(
        "grievance_case", sa.Column("requester_sort_key", sa.LargeBinary(), nullable=True)
    )
    bind = op.get_bind()
    _fill_sort_keys(bind)
    # Built after the backfill: one sort of the keys instead of 100,000 index insertions.
    op.create_index(
        op.f("ix_grievance_case_requester_sort_key"),
        "grievance_case",
        ["requester_sort_key"],
        unique=False,
    )
    _fold_search_rows(bind)


def downgrade() -> None:
    raise NotImplementedError("Registers migrate forward only.")
