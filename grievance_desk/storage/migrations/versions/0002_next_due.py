"""The nearest open deadline on each case, so the register sorts and filters by it in SQL;
and an index on the closing time, which monthly reports select by.

SQLite-only here: nothing (``batch_alter_table`` is how Alembic alters a SQLite table; it
issues plain ALTERs elsewhere).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("grievance_case") as batch:
        batch.add_column(sa.Column("next_due_at", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("next_due_kind", sa.String(length=24), nullable=True))
    op.create_index(
        op.f("ix_grievance_case_next_due_at"), "grievance_case", ["next_due_at"], unique=False
    )
    op.create_index(
        op.f("ix_grievance_case_closed_at"), "grievance_case", ["closed_at"], unique=False
    )


def downgrade() -> None:
    raise NotImplementedError("Registers migrate forward only.")
