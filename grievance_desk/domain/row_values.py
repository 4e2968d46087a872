"""The coded vocabularies of a case row and the everyday words accepted for each value.

A coded cell matches the stored value, the label or a common synonym ("Deletion" → erasure,
"Website" → web_form, "Resolved" → closed), case-insensitively, so officers' own wording
imports; messages list the stored values when a cell matches none.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from grievance_desk.domain.case_types import (
    CaseKind,
    Channel,
    DataCategory,
    IdentityState,
    Outcome,
    Priority,
    RefusalGround,
    Relationship,
    Representative,
    RequestType,
)
from grievance_desk.domain.row_columns import squash
from grievance_desk.domain.workflow import Status
from grievance_desk.messages import _

# Synonyms per enum value (the value and its label are always accepted).
_SYNONYMS: dict[type[Enum], dict[str, tuple[str, ...]]] = {
    CaseKind: {
        "complaint": ("grievance", "complaints", "grievances"),
        "rights_request": ("request", "rights", "data principal request", "dsr"),
    },
    RequestType: {
        "access": (
            "right of access",
            "right to access",
            "access request",
            "data access",
            "access to data",
            "copy of data",
            "copy of my data",
            "summary of data",
            "subject access request",
            "sar",
            "dsar",
        ),
        "correction": ("rectification", "rectify", "right to correction", "correct my data"),
        "completion": ("updating", "update", "update my data", "complete my data"),
        "erasure": (
            "right to erasure",
            "deletion",
            "delete",
            "delete my data",
            "delete my account",
            "account deletion",
            "data deletion",
            "remove my data",
            "right to be forgotten",
        ),
        "objection": ("restriction", "object", "restrict processing", "stop processing"),
        "consent_withdrawal": ("withdraw consent", "revoke consent", "consent withdrawn"),
        "nomination": ("nominate", "right to nominate"),
        "marketing_opt_out": ("opt out", "opt-out", "unsubscribe", "do not contact", "dnd"),
        "cookie_consent": ("cookies", "cookie"),
        "minor_data": ("minor", "child data", "children's data", "minor's data"),
        "security_concern": ("security", "data breach", "breach", "security incident"),
        "other": ("others", "misc", "miscellaneous", "general"),
    },
    Channel: {
        "email": ("mail", "e mail", "email id", "electronic mail"),
        "post": ("postal", "letter", "courier", "speed post", "registered post", "by post"),
        "web_form": ("web", "website", "online", "online form", "webform", "portal", "app"),
        "phone": ("telephone", "call", "mobile", "helpline", "call centre", "call center"),
        "in_person": ("walk in", "walk-in", "visit", "counter", "branch", "personally"),
        "regulator": (
            "data protection board",
            "dpb",
            "dpbi",
            "board",
            "referred by regulator",
            "referred by the board",
        ),
    },
    Status: {
        "new": ("received", "registered", "logged", "fresh"),
        "acknowledged": ("ack", "ack sent", "acknowledgement sent"),
        "awaiting_identity_proof": (
            "awaiting id",
            "awaiting id proof",
            "awaiting kyc",
            "pending verification",
            "identity pending",
        ),
        "awaiting_clarification": (
            "awaiting information",
            "awaiting info",
            "more information needed",
            "clarification sought",
            "on hold",
        ),
        "in_progress": (
            "open",
            "pending",
            "ongoing",
            "under process",
            "in process",
            "processing",
            "under review",
            "under investigation",
            "wip",
            "work in progress",
            "assigned",
        ),
        "response_sent": ("replied", "responded", "answered", "reply sent"),
        "closed": ("resolved", "disposed", "disposed of", "completed", "done", "complete"),
    },
    Priority: {
        "normal": ("medium", "standard", "regular", "routine"),
        "urgent": ("critical", "very high", "immediate"),
    },
    Relationship: {
        "customer": ("client", "consumer", "user", "account holder", "subscriber"),
        "employee": ("staff", "former employee", "ex-employee"),
        "job_applicant": ("candidate", "applicant"),
        "vendor": ("supplier", "contractor", "partner"),
        "website_visitor": ("visitor", "website user"),
    },
    Representative: {
        "none": ("self", "direct", "no"),
        "guardian": ("parent", "lawful guardian"),
        "authorised_agent": ("agent", "authorized agent", "lawyer", "advocate"),
    },
    DataCategory: {
        "kyc": ("know your customer",),
        "billing": ("payment", "payments", "invoice"),
        "technical_support": ("support",),
        "cookies_analytics": ("cookies", "analytics"),
        "employment": ("recruitment", "hr"),
        "third_party": ("third party",),
    },
    IdentityState: {
        "not_required": ("not needed",),
        "pending": ("awaiting", "requested", "awaiting proof"),
        "verified": ("yes", "confirmed", "ok"),
        "failed": ("not verified", "rejected", "could not verify"),
    },
    Outcome: {
        "fulfilled": ("resolved", "done", "completed", "granted", "accepted", "complied"),
        "partly_fulfilled": ("partly", "partially", "partially fulfilled", "partial"),
        "refused": ("rejected", "denied", "declined"),
        "withdrawn": ("cancelled", "canceled"),
        "no_data_held": ("no data", "no data found", "nil data"),
        "transferred": ("forwarded", "referred"),
    },
    RefusalGround: {
        "legal_privilege": ("privilege", "privileged"),
        "legal_duty_to_retain": ("duty to retain", "legal retention", "required by law"),
        "identity_not_verified": ("id not verified", "unverified"),
        "manifestly_unfounded": ("unfounded", "excessive", "frivolous", "vexatious"),
    },
}

E = TypeVar("E", bound=Enum)


def _value_key(text: str) -> str:
    return squash(text)


def _build_value_table(enum: type[Enum]) -> dict[str, Enum]:
    table: dict[str, Enum] = {}
    synonyms = _SYNONYMS.get(enum, {})
    for member in enum:
        spellings = [str(member.value), str(getattr(member, "label", member.value))]
        spellings += synonyms.get(str(member.value), ())
        for spelling in spellings:
            if table.setdefault(_value_key(spelling), member) is not member:
                raise AssertionError(f"{enum.__name__} synonym {spelling!r} is ambiguous")
    return table


_VALUE_TABLES: dict[type[Enum], dict[str, Enum]] = {
    enum: _build_value_table(enum)
    for enum in (
        CaseKind,
        RequestType,
        Channel,
        Status,
        Priority,
        Relationship,
        Representative,
        DataCategory,
        IdentityState,
        Outcome,
        RefusalGround,
    )
}


def accepted_values(enum: type[Enum]) -> tuple[str, ...]:
    """The stored values of a vocabulary, listed in messages when a cell matches none."""
    return tuple(str(m.value) for m in enum)


def match_value(enum: type[E], text: str) -> E | None:
    """Read a coded cell the way officers write it; None when nothing matches."""
    found = _VALUE_TABLES[enum].get(_value_key(text))
    return found if isinstance(found, enum) else None


def unknown_value(text: str, enum: type[Enum]) -> str:
    """The message for a coded cell that matches no value of its vocabulary."""
    return _("{value} is not a known value. Use one of: {allowed}.").format(
        value=repr(text), allowed=", ".join(accepted_values(enum))
    )
