"""Each case's reply language: the language its letters are written in (issue 17).

NULL means the officer has not chosen one yet: the app proposes a language from the script
of the requester's own text, and the officer confirms or changes it in the case form.
Existing cases keep NULL, so nothing changes for them until the officer decides.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("grievance_case") as batch:
        batch.add_column(sa.Column("reply_language", sa.String(length=8), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("Registers migrate forward only.")
