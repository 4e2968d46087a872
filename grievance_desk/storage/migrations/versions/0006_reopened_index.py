"""A small index of reopened cases, so a report finds its window's cases through indexes.

A report reads the cases received in its window, still open, closed in it, or ever reopened
(a reopened case's earlier closings are only in its history). The last of those had no
index, so every report scanned the whole case table once per query (~130 ms each at 100,000
cases); with this partial index the window's ids come in ~7 ms. Only reopened cases are in
it, so it costs next to nothing to keep.

SQLite-only here: nothing in effect; the partial index's ``WHERE`` is passed as
``sqlite_where`` (PostgreSQL takes the same clause as ``postgresql_where``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_case_reopened_at",
        "grievance_case",
        ["reopened_at"],
        unique=False,
        sqlite_where=sa.text("reopened_at IS NOT NULL"),
    )


def downgrade() -> None:
    raise NotImplementedError("Registers migrate forward only.")
