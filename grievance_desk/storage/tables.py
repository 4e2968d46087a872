"""The register's tables (SQLModel). The Alembic migrations create them; these describe them.

A test compares these models with the migrated schema, so the two never drift apart.
Personal data sits in ``requester``, the case's free text, correspondence, attachments and
letters: exactly the columns the retention purge redacts.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Computed,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from grievance_desk.domain.case_types import (
    CaseKind,
    Channel,
    IdentityState,
    Outcome,
    Priority,
    Relationship,
    Representative,
    RequestType,
)
from grievance_desk.domain.workflow import Status
from grievance_desk.storage.column_types import EnumText, JsonList, UtcDateTime
from grievance_desk.storage.dialect import DIALECT


def priority_rank_sql() -> str:
    """SQL for a case's priority as its rank by urgency (the domain enum's order): the
    register sorts on it, through an index, instead of on the label's alphabet."""
    whens = " ".join(f"WHEN '{p.value}' THEN {rank}" for rank, p in enumerate(Priority))
    return f"CASE priority {whens} ELSE {len(Priority)} END"


PRIORITY_RANK_SQL = priority_rank_sql()


def _when(*, nullable: bool = False, index: bool = False) -> Any:
    return Field(sa_column=Column(UtcDateTime(), nullable=nullable, index=index))


class Requester(SQLModel, table=True):
    """The person who raised a case (one row per case, so a purge touches only that case)."""

    __tablename__ = "requester"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(Text, nullable=False))
    email: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    phone: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    postal_address: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    relationship: Relationship = Field(sa_column=Column(EnumText(Relationship), nullable=False))
    organisation: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Case(SQLModel, table=True):
    """A complaint or rights request, from receipt to closure."""

    __tablename__ = "grievance_case"
    __table_args__ = (
        UniqueConstraint("ref_year", "ref_sequence", name="uq_case_ref_year_sequence"),
        Index("ix_case_status_received", "status", "received_at"),
        # The register sorts by deadline with undated cases last; this index serves that.
        DIALECT.nulls_last_index("ix_case_next_due_nulls_last", "next_due_at"),
        # Reports read every reopened case in their window (few): found by this index.
        DIALECT.partial_index("ix_case_reopened_at", "reopened_at", "reopened_at IS NOT NULL"),
    )

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(sa_column=Column(String(40), nullable=False, unique=True))
    ref_year: int = Field(sa_column=Column(Integer, nullable=False))
    ref_sequence: int = Field(sa_column=Column(Integer, nullable=False))
    kind: CaseKind = Field(sa_column=Column(EnumText(CaseKind), nullable=False, index=True))
    request_type: RequestType = Field(
        sa_column=Column(EnumText(RequestType), nullable=False, index=True)
    )
    channel: Channel = Field(sa_column=Column(EnumText(Channel), nullable=False))
    received_at: datetime = _when(index=True)
    requester_id: int = Field(
        sa_column=Column(Integer, ForeignKey("requester.id"), nullable=False, index=True)
    )
    representative: Representative = Field(
        sa_column=Column(EnumText(Representative), nullable=False)
    )
    representative_name: str = Field(default="", sa_column=Column(Text, nullable=False))
    data_categories: list[str] = Field(
        default_factory=list, sa_column=Column(JsonList(), nullable=False)
    )
    description: str = Field(default="", sa_column=Column(Text, nullable=False))
    identity_state: IdentityState = Field(sa_column=Column(EnumText(IdentityState), nullable=False))
    priority: Priority = Field(sa_column=Column(EnumText(Priority), nullable=False))
    # Generated from ``priority`` (schema 0008): the urgency rank the register sorts by.
    priority_rank: int | None = Field(
        default=None,
        sa_column=Column(Integer, Computed(PRIORITY_RANK_SQL), nullable=True, index=True),
    )
    status: Status = Field(sa_column=Column(EnumText(Status), nullable=False))
    outcome: Outcome | None = Field(
        default=None, sa_column=Column(EnumText(Outcome), nullable=True)
    )
    refusal_grounds: list[str] = Field(
        default_factory=list, sa_column=Column(JsonList(), nullable=False)
    )
    tags: list[str] = Field(default_factory=list, sa_column=Column(JsonList(), nullable=False))
    policy_id: str | None = Field(
        default=None, sa_column=Column(String(60), nullable=True, index=True)
    )
    acknowledged_at: datetime | None = _when(nullable=True)
    closed_at: datetime | None = _when(nullable=True, index=True)
    identity_proof_at: datetime | None = _when(nullable=True)
    fee_received_at: datetime | None = _when(nullable=True)
    reopened_at: datetime | None = _when(nullable=True)
    legal_hold: bool = Field(default=False, nullable=False)
    created_at: datetime = _when()
    updated_at: datetime = _when()
    purged_at: datetime | None = _when(nullable=True)
    # The nearest deadline not yet met, kept by services whenever the case changes, so the
    # register can sort and filter by it in SQL. NULL while the clock is stopped or closed.
    next_due_at: datetime | None = _when(nullable=True, index=True)
    next_due_kind: str | None = Field(default=None, sa_column=Column(String(24), nullable=True))
    # The language the case's letters are written in ("en", "hi" …); None until the officer
    # confirms the one proposed from the requester's script (issue 17, schema 0009).
    reply_language: str | None = Field(default=None, sa_column=Column(String(8), nullable=True))
    # The requester's name as a Unicode collation key (storage/name_collation.py, schema
    # 0010), set with the name on every write: the register sorts by name through its index.
    # Derived: not part of the audit state digest, exports, letters or evidence bundles.
    requester_sort_key: bytes | None = Field(
        default=None, sa_column=Column(LargeBinary, nullable=True, index=True)
    )


class ClockPause(SQLModel, table=True):
    """A span during which the clock stood still (awaiting identity proof or clarification)."""

    __tablename__ = "clock_pause"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(
        sa_column=Column(Integer, ForeignKey("grievance_case.id"), nullable=False, index=True)
    )
    reason: Status = Field(sa_column=Column(EnumText(Status), nullable=False))
    started_on: date = Field(nullable=False)
    ended_on: date | None = Field(default=None, nullable=True)


class Extension(SQLModel, table=True):
    """An extension of the response period, with the reasons the requester was given."""

    __tablename__ = "extension"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(
        sa_column=Column(Integer, ForeignKey("grievance_case.id"), nullable=False, index=True)
    )
    granted_at: datetime = _when()
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    notice_sent_at: datetime | None = _when(nullable=True)


class Correspondence(SQLModel, table=True):
    """A message in or out: an e-mail, a letter received, a phone note."""

    __tablename__ = "correspondence"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(
        sa_column=Column(Integer, ForeignKey("grievance_case.id"), nullable=False, index=True)
    )
    direction: str = Field(sa_column=Column(String(8), nullable=False))
    channel: Channel = Field(sa_column=Column(EnumText(Channel), nullable=False))
    at: datetime = _when()
    counterpart: str = Field(default="", sa_column=Column(Text, nullable=False))
    subject: str = Field(default="", sa_column=Column(Text, nullable=False))
    body: str = Field(default="", sa_column=Column(Text, nullable=False))


class Attachment(SQLModel, table=True):
    """A file kept inside the encrypted register; no plaintext copy exists on disk."""

    __tablename__ = "attachment"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(
        sa_column=Column(Integer, ForeignKey("grievance_case.id"), nullable=False, index=True)
    )
    correspondence_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("correspondence.id"), nullable=True),
    )
    filename: str = Field(sa_column=Column(Text, nullable=False))
    media_type: str = Field(sa_column=Column(String(120), nullable=False))
    size: int = Field(nullable=False)
    sha256: str = Field(sa_column=Column(String(64), nullable=False))
    purpose: str = Field(default="evidence", sa_column=Column(String(30), nullable=False))
    content: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    added_at: datetime = _when()
    destroyed_at: datetime | None = _when(nullable=True)


class Letter(SQLModel, table=True):
    """A letter drafted or issued; an issued letter's PDF and digest never change."""

    __tablename__ = "letter"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(
        sa_column=Column(Integer, ForeignKey("grievance_case.id"), nullable=False, index=True)
    )
    template_id: str = Field(sa_column=Column(String(80), nullable=False))
    template_version: str = Field(sa_column=Column(String(80), nullable=False))
    status: str = Field(sa_column=Column(String(12), nullable=False))
    subject: str = Field(default="", sa_column=Column(Text, nullable=False))
    body: str = Field(default="", sa_column=Column(Text, nullable=False))
    created_at: datetime = _when()
    issued_at: datetime | None = _when(nullable=True)
    pdf: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    sha256: str | None = Field(default=None, sa_column=Column(String(64), nullable=True))


class ReminderState(SQLModel, table=True):
    """A reminder the officer dismissed or snoozed, by its stable key."""

    __tablename__ = "reminder_state"

    key: str = Field(sa_column=Column(String(200), primary_key=True))
    dismissed_at: datetime | None = _when(nullable=True)
    snoozed_until: datetime | None = _when(nullable=True)


class Setting(SQLModel, table=True):
    """Organisation, officer, policies and preferences, as JSON values by key."""

    __tablename__ = "setting"

    key: str = Field(sa_column=Column(String(120), primary_key=True))
    value: str = Field(sa_column=Column(Text, nullable=False))


class ReferenceCounter(SQLModel, table=True):
    """The last sequence number used per year: references are never reused."""

    __tablename__ = "reference_counter"

    year: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    last_sequence: int = Field(nullable=False)


class AuditEvent(SQLModel, table=True):
    """One link of the tamper-evident chain; triggers refuse DELETE and most UPDATEs."""

    __tablename__ = "audit_event"

    id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    case_id: int | None = Field(default=None, sa_column=Column(Integer, nullable=True, index=True))
    at: datetime = _when()
    actor: str = Field(sa_column=Column(Text, nullable=False))
    action: str = Field(sa_column=Column(String(60), nullable=False))
    payload: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    payload_digest: str = Field(sa_column=Column(String(64), nullable=False))
    prev_hash: str = Field(sa_column=Column(String(64), nullable=False))
    hash: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
    redacted_at: datetime | None = _when(nullable=True)


class ReportCache(SQLModel, table=True):
    """A complete period's report, kept until a fact it read changes (see migration 0004).

    ``content`` is the report as compressed JSON; ``settings_digest`` names the policies,
    holidays, time zone and app version it was computed under. Triggers delete every entry
    whose period ends after the receipt of a case whose report facts change.
    """

    __tablename__ = "report_cache"

    period_key: str = Field(sa_column=Column(String(12), primary_key=True))
    settings_digest: str = Field(sa_column=Column(String(64), nullable=False))
    period_end_at: datetime = _when()
    computed_at: datetime = _when()
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class ReportCacheGeneration(SQLModel, table=True):
    """One row counting changes to report facts, so a report made from an older snapshot is
    not cached after a change slipped in while it was computed."""

    __tablename__ = "report_cache_generation"

    id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    generation: int = Field(nullable=False)


class ReportCaseFacts(SQLModel, table=True):
    """A closed case's report facts (JSON), the same for every report made from
    ``stable_from`` (its last closing) on; dropped by triggers when the case changes."""

    __tablename__ = "report_case_facts"

    case_id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    settings_digest: str = Field(sa_column=Column(String(64), nullable=False))
    stable_from: datetime = _when()
    content: str = Field(sa_column=Column(Text, nullable=False))
