"""Full-text search keeps prefix indexes for one- and two-letter prefixes.

Officers search as they type, so a query often ends in a word of one or two letters ("Deepa
M", "aisha.s"). Without a prefix index FTS5 answers ``"m"*`` by merging the doclist of every
token that starts with m; with ``prefix = '1 2'`` it reads one prebuilt doclist. Measured at
100,000 cases (count + first page, p95 of the benchmark's 100 typed queries): 16–23 → 9–10 ms,
slowest 26–35 → 11–13 ms; ``'1 2 3'`` was no faster. The rebuild takes ~2–3 s there.

FTS5 cannot add a prefix index to a table, so the table is rebuilt with the same columns and
tokenizer, still keeping its own copy of the text (storage/search.py writes a case's row in
the transaction that changes the case), and filled from the old one.

SQLite-only here: all of it (the FTS5 table of the search adapter, ``storage/search.py``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CASE_SEARCH_REBUILT = """
    CREATE VIRTUAL TABLE case_search_rebuilt USING fts5(
        reference, requester, email, description,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2'
    )
"""


def upgrade() -> None:
    op.execute(CASE_SEARCH_REBUILT)
    op.execute(
        "INSERT INTO case_search_rebuilt (rowid, reference, requester, email, description) "
        "SELECT rowid, reference, requester, email, description FROM case_search"
    )
    op.execute("DROP TABLE case_search")
    # FTS5 renames its shadow tables with it (case_search_rebuilt_data → case_search_data, …).
    op.execute("ALTER TABLE case_search_rebuilt RENAME TO case_search")


def downgrade() -> None:
    raise NotImplementedError("Registers migrate forward only.")
