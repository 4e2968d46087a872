"""The first schema: cases, requesters, correspondence, attachments, letters, audit chain.

SQLite-only here: the audit triggers' ``BEGIN ... SELECT RAISE(ABORT, ...) END`` bodies
(PostgreSQL writes them as a trigger function) and the FTS5 ``case_search`` table (PostgreSQL
would use a ``tsvector`` column; ``storage/search.py`` is the adapter). The tables are
portable.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The audit chain is append-only. The one UPDATE allowed is the retention redaction: it may
# replace the payload and set redacted_at once, and must leave every hashed column as it was.
AUDIT_TRIGGERS = [
    """
    CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    BEGIN
        SELECT RAISE(ABORT, 'audit events cannot be deleted');
    END
    """,
    """
    CREATE TRIGGER audit_event_redact_only BEFORE UPDATE ON audit_event
    WHEN NOT (
        NEW.id = OLD.id AND NEW.case_id IS OLD.case_id AND NEW.at = OLD.at
        AND NEW.actor = OLD.actor AND NEW.action = OLD.action
        AND NEW.payload_digest = OLD.payload_digest AND NEW.prev_hash = OLD.prev_hash
        AND NEW.hash = OLD.hash AND OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
    )
    BEGIN
        SELECT RAISE(ABORT, 'audit events are append-only; only a retention purge may redact one');
    END
    """,
]

# Full-text search over what officers look cases up by. This is the one SQLite-specific
# object; storage/search.py is its only user.
CASE_SEARCH = """
    CREATE VIRTUAL TABLE case_search USING fts5(
        reference, requester, email, description,
        tokenize = 'unicode61 remove_diacritics 2'
    )
"""


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("payload_digest", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("redacted_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("hash"),
    )
    op.create_index(op.f("ix_audit_event_case_id"), "audit_event", ["case_id"], unique=False)
    op.create_table(
        "reference_counter",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year"),
    )
    op.create_table(
        "reminder_state",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("dismissed_at", sa.String(length=32), nullable=True),
        sa.Column("snoozed_until", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "requester",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("postal_address", sa.Text(), nullable=False),
        sa.Column("relationship", sa.String(length=40), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "grievance_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("ref_year", sa.Integer(), nullable=False),
        sa.Column("ref_sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("request_type", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("requester_id", sa.Integer(), nullable=False),
        sa.Column("representative", sa.String(length=40), nullable=False),
        sa.Column("representative_name", sa.Text(), nullable=False),
        sa.Column("data_categories", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("identity_state", sa.String(length=40), nullable=False),
        sa.Column("priority", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("refusal_grounds", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("policy_id", sa.String(length=60), nullable=True),
        sa.Column("acknowledged_at", sa.String(length=32), nullable=True),
        sa.Column("closed_at", sa.String(length=32), nullable=True),
        sa.Column("identity_proof_at", sa.String(length=32), nullable=True),
        sa.Column("fee_received_at", sa.String(length=32), nullable=True),
        sa.Column("reopened_at", sa.String(length=32), nullable=True),
        sa.Column("legal_hold", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("purged_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["requester_id"],
            ["requester.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ref_year", "ref_sequence", name="uq_case_ref_year_sequence"),
        sa.UniqueConstraint("reference"),
    )
    op.create_index(
        "ix_case_status_received", "grievance_case", ["status", "received_at"], unique=False
    )
    op.create_index(
        op.f("ix_grievance_case_received_at"), "grievance_case", ["received_at"], unique=False
    )
    op.create_index(
        op.f("ix_grievance_case_request_type"), "grievance_case", ["request_type"], unique=False
    )
    op.create_index(
        op.f("ix_grievance_case_requester_id"), "grievance_case", ["requester_id"], unique=False
    )
    op.create_table(
        "case_link",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("linked_case_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["grievance_case.id"],
        ),
        sa.ForeignKeyConstraint(
            ["linked_case_id"],
            ["grievance_case.id"],
        ),
        sa.PrimaryKeyConstraint("case_id", "linked_case_id"),
    )
    op.create_table(
        "clock_pause",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["grievance_case.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_clock_pause_case_id"), "clock_pause", ["case_id"], unique=False)
    op.create_table(
        "correspondence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("channel", sa.String(length=40), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("counterpart", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["grievance_case.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_correspondence_case_id"), "correspondence", ["case_id"], unique=False)
    op.create_table(
        "extension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("granted_at", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("notice_sent_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["grievance_case.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_extension_case_id"), "extension", ["case_id"], unique=False)
    op.create_table(
        "letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.String(length=80), nullable=False),
        sa.Column("template_version", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("issued_at", sa.String(length=32), nullable=True),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["grievance_case.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_letter_case_id"), "letter", ["case_id"], unique=False)
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("correspondence_id", sa.Integer(), nullable=True),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("purpose", sa.String(length=30), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("added_at", sa.String(length=32), nullable=False),
        sa.Column("destroyed_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["grievance_case.id"],
        ),
        sa.ForeignKeyConstraint(
            ["correspondence_id"],
            ["correspondence.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_attachment_case_id"), "attachment", ["case_id"], unique=False)
    for trigger in AUDIT_TRIGGERS:
        op.execute(trigger)
    op.execute(CASE_SEARCH)


def downgrade() -> None:
    raise NotImplementedError("Registers migrate forward only.")
