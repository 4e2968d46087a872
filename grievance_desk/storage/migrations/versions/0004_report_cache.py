"""A cache of complete periods' reports and of closed cases' report facts, and the triggers
that drop an entry when its facts change.

A report for a period that has ended reads statuses at the period's last instant, so it is
the same whenever it is made, until something it read changes. The triggers below delete
every cached period that ends after the receipt of a case whose report facts change (its
row's report columns, its pauses, extensions, or its response, closing and reopening
events, including a purge's redaction), and bump a generation counter so a report computed
from an older snapshot is not stored. A closed case's report facts (its closings' due dates
from the deadline engine, responses, pauses) are the same for every report made after its
last closing, so they are kept per case and dropped by the same triggers. Settings are part
of both keys instead (a digest of the policies, holidays, time zone and app version).

SQLite-only here: the trigger bodies (``BEGIN ... END`` in the trigger; PostgreSQL needs a
trigger function) and the two-argument scalar ``min(OLD.received_at, NEW.received_at)``
(PostgreSQL: ``LEAST``). The action list in ``report_cache_event_insert`` is
``domain.audit_actions.REPORT_ACTIONS``; a test checks the two agree.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _drop_for_case(row: str) -> str:
    """A trigger body: drop the periods ending after ``row``'s case's receipt, its facts."""
    # ``row`` is NEW or OLD, fixed in this file; no outside text reaches the SQL.
    return f"""
    BEGIN
        DELETE FROM report_cache
        WHERE period_end_at > coalesce((
            SELECT received_at FROM grievance_case WHERE id = {row}.case_id
        ), '');
        DELETE FROM report_case_facts WHERE case_id = {row}.case_id;
        UPDATE report_cache_generation SET generation = generation + 1;
    END
    """  # noqa: S608


def _child_triggers(table: str) -> list[str]:
    """Insert, update (old and new case) and delete triggers for a table of a case's facts."""
    name = f"report_cache_{table}"
    return [
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table}" + _drop_for_case("NEW"),
        f"CREATE TRIGGER {name}_update AFTER UPDATE ON {table}" + _drop_for_case("OLD"),
        f"CREATE TRIGGER {name}_update_new AFTER UPDATE OF case_id ON {table}"
        + _drop_for_case("NEW"),
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table}" + _drop_for_case("OLD"),
    ]


# Each trigger drops every cached period ending after the receipt of the case whose report
# facts changed (a NULL receipt, the case being gone, drops them all) and that case's own
# cached facts, and counts the change. The grievance_case columns are those services.reports
# reads (a test checks they are all here); the audit actions are the ones it reads, and a
# purge's redaction of any event.
REPORT_CACHE_TRIGGERS = [
    """
    CREATE TRIGGER report_cache_case_insert AFTER INSERT ON grievance_case
    BEGIN
        DELETE FROM report_cache WHERE period_end_at > coalesce(NEW.received_at, '');
        DELETE FROM report_case_facts WHERE case_id = NEW.id;
        UPDATE report_cache_generation SET generation = generation + 1;
    END
    """,
    """
    CREATE TRIGGER report_cache_case_update AFTER UPDATE OF
        reference, request_type, channel, policy_id, received_at, acknowledged_at,
        closed_at, reopened_at, identity_proof_at, fee_received_at, outcome, status, updated_at
    ON grievance_case
    BEGIN
        DELETE FROM report_cache
        WHERE period_end_at > coalesce(min(OLD.received_at, NEW.received_at), '');
        DELETE FROM report_case_facts WHERE case_id = OLD.id;
        UPDATE report_cache_generation SET generation = generation + 1;
    END
    """,
    """
    CREATE TRIGGER report_cache_case_delete AFTER DELETE ON grievance_case
    BEGIN
        DELETE FROM report_cache WHERE period_end_at > coalesce(OLD.received_at, '');
        DELETE FROM report_case_facts WHERE case_id = OLD.id;
        UPDATE report_cache_generation SET generation = generation + 1;
    END
    """,
    *_child_triggers("clock_pause"),
    *_child_triggers("extension"),
    "CREATE TRIGGER report_cache_event_insert AFTER INSERT ON audit_event"
    " WHEN NEW.case_id IS NOT NULL"
    " AND NEW.action IN ('case.send_response', 'case.close', 'case.reopen')"
    + _drop_for_case("NEW"),
    "CREATE TRIGGER report_cache_event_redact AFTER UPDATE ON audit_event"
    " WHEN NEW.case_id IS NOT NULL" + _drop_for_case("NEW"),
]


def upgrade() -> None:
    op.create_table(
        "report_cache",
        sa.Column("period_key", sa.String(length=12), nullable=False),
        sa.Column("settings_digest", sa.String(length=64), nullable=False),
        sa.Column("period_end_at", sa.String(length=32), nullable=False),
        sa.Column("computed_at", sa.String(length=32), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("period_key"),
    )
    op.create_table(
        "report_case_facts",
        sa.Column("case_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("settings_digest", sa.String(length=64), nullable=False),
        sa.Column("stable_from", sa.String(length=32), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("case_id"),
    )
    op.create_table(
        "report_cache_generation",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("INSERT INTO report_cache_generation (id, generation) VALUES (1, 0)")
    for trigger in REPORT_CACHE_TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    raise NotImplementedError("Registers migrate forward only.")
