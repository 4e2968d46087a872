"""A recorded state baseline for every case, so ``verify`` can compare each case with its chain.

From this version on, each audit event about a case records the digest of the case's state
after the change (storage/case_state.py), and ``verify`` compares every case with its latest
event. Events written before carry no such digest, and nothing can tell now whether a case
was edited outside the app before this upgrade. So, rather than pass such cases silently,
this migration appends one ``case.state_baseline`` event per case, recording its state as
found at the upgrade: from here on any change is caught, and ``verify`` says how many cases
are attested only from their baseline. No earlier event is changed.

SQLite-only here: nothing (it appends events through ``storage/audit.py``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import op
from sqlalchemy.orm import Session

from grievance_desk.storage.audit import append_state_baselines

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

NOTE = (
    "State baseline at the upgrade to schema 0007: events before this one record no state "
    "digest, so this case's record is attested by the audit chain from this event on."
)


def upgrade() -> None:
    session = Session(bind=op.get_bind())
    try:
        append_state_baselines(
            session,
            at=datetime.now(UTC),
            actor="grievance-desk (upgrade to schema 0007)",
            note=NOTE,
        )
    finally:
        session.close()


def downgrade() -> None:
    raise NotImplementedError("Registers migrate forward only.")
