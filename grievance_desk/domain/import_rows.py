"""Translate between one spreadsheet row and a ``CaseDraft``, in both directions.

Officers keep their registers in Excel, each with its own headers and wording, so the import
accepts many spellings and says precisely what to fix; the export writes one canonical layout
that the import reads back exactly. Pure: no I/O, and ``now`` and the time zone are parameters.

Columns (export order; the import accepts them in any order):

==================== ======== =========================================================
column               required meaning and accepted values
==================== ======== =========================================================
reference            no       register reference such as GRV-2026-00042; empty = new number;
                              an older numbering (CMP/22/001) gets a new number and is
                              kept as the tag old-ref:CMP/22/001
received             yes      date or date-time the case was received (rules below)
kind                 no       complaint | rights_request (default rights_request, or
                              complaint when the request type says "Complaint")
request_type         yes      access, correction, completion, erasure, objection,
                              consent_withdrawal, nomination, marketing_opt_out,
                              cookie_consent, minor_data, security_concern, other
channel              no       email, post, web_form, phone, in_person, regulator
                              (default email)
status               no       new, acknowledged, awaiting_identity_proof,
                              awaiting_clarification, in_progress, response_sent, closed;
                              empty = closed if a closed date is given, acknowledged if an
                              acknowledged date is given, else new
priority             no       low, normal, high, urgent (default normal)
requester_name       yes      the person who raised the case
requester_email      no       name@example.org
requester_phone      no       digits, spaces, + ( ) -
requester_address    no       postal address (line breaks kept)
relationship         no       customer, employee, job_applicant, vendor, website_visitor,
                              other (default customer)
organisation         no       account number or organisation
representative       no       none, guardian, nominee, authorised_agent (default none)
representative_name  no       required when a representative acts for the requester
data_categories      no       list of registration, profile, kyc, billing,
                              technical_support, cookies_analytics, marketing,
                              employment, third_party
identity             no       not_required, pending, verified, failed (default not_required)
description          no       what the requester asked or complained about
acknowledged         no       date or date-time the acknowledgement was sent
closed               no       date or date-time the case was closed
outcome              no       fulfilled, partly_fulfilled, refused, withdrawn, no_data_held,
                              transferred (required when the status is closed)
refusal_grounds      no       list of legal_privilege, legal_duty_to_retain,
                              identity_not_verified, manifestly_unfounded, other
tags                 no       list of free words
policy               no       id of the deadline policy to apply
==================== ======== =========================================================

Headers match case-insensitively, ignoring spaces, punctuation and a trailing note in
brackets, and common spellings are accepted ("Ref No", "Date Received", "Complainant",
"Email ID", "Mobile", "Type of Request", "Mode", "Remarks" …; see ``accepted_headers``).
Unknown columns are ignored and listed. Values match the stored value, the label or a common
synonym ("Deletion" → erasure, "Website" → web_form, "Resolved" → closed), case-insensitively.
Lists are separated by ``;`` (a comma or a line break also works on import). The export
writes stored values, lists joined with ``"; "``.

Dates and times:

* Accepted: ``25/11/2026``, ``25-11-2026``, ``25.11.2026``, ``2026-11-25``, ``25 Nov 2026``,
  ``Nov 25, 2026``, each optionally followed by a time ``14:30``, ``14:30:15`` or
  ``2:30 PM``; ISO 8601 such as ``2026-11-25T14:30:00+05:30`` or ``…Z``; real date cells
  from Excel (one at exactly midnight counts as a bare date), and Excel day serial numbers.
  The year must have four digits.
* Numeric dates are always read day first (DD/MM/YYYY), as in India: ``03/04/2026`` is
  3 April. A value that only makes sense month first (``11/25/2026``) is refused with a hint
  rather than silently read the other way, because a file mixing both would be scrambled.
* A date or time without a UTC offset is in the officer's time zone; one with an offset is
  converted to it. A bare ``received`` date means the start of that day: deadlines then
  count from the earliest moment the case can have arrived, so a computed due date is never
  later than the real one. A bare ``acknowledged``/``closed`` date also means the start of the
  day, except on the day of receipt, where it means the received time (it cannot precede it).
* Refused with their own message: impossible dates (31/02/2026), a date more than one day
  after ``now`` (`received_time.after_now_problem`, the rule of the form and
  `register_case` too), an acknowledged or closed date
  before the received date, and an empty required cell.

The export writes date-times as ISO 8601 in the officer's zone with its offset, e.g.
``2026-11-25T14:30:00+05:30``, so ``row_to_draft(draft_to_row(d))`` gives ``d`` back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from enum import Enum
from functools import lru_cache
from typing import TypeVar

from grievance_desk.domain.case_record import CaseDraft, Requester, clean_text, problems_in
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
from grievance_desk.domain.received_time import after_now_problem, in_zone
from grievance_desk.domain.reference import (
    InvalidReference,
    ReferenceOutOfRange,
    legacy_reference_tag,
    parse_reference,
)
from grievance_desk.domain.workflow import Status

COLUMNS: tuple[str, ...] = (
    "reference",
    "received",
    "kind",
    "request_type",
    "channel",
    "status",
    "priority",
    "requester_name",
    "requester_email",
    "requester_phone",
    "requester_address",
    "relationship",
    "organisation",
    "representative",
    "representative_name",
    "data_categories",
    "identity",
    "description",
    "acknowledged",
    "closed",
    "outcome",
    "refusal_grounds",
    "tags",
    "policy",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("received", "requester_name", "request_type")
LIST_SEPARATOR = "; "

# Human spellings per column (besides the column name itself); shown in error messages.
_ALIASES: dict[str, tuple[str, ...]] = {
    "reference": (
        "Ref",
        "Ref No",
        "Reference No",
        "Reference Number",
        "Ref Number",
        "Case Reference",
        "Case Ref",
    ),
    "received": (
        "Date Received",
        "Received On",
        "Received Date",
        "Received At",
        "Date of Receipt",
        "Receipt Date",
        "Date",
        "Date of Complaint",
        "Complaint Date",
        "Date of Request",
        "Request Date",
    ),
    "kind": ("Kind", "Case Kind", "Case Type", "Complaint or Request"),
    "request_type": (
        "Type of Request",
        "Request Type",
        "Type",
        "Request",
        "Nature of Request",
        "Nature of Complaint",
        "Nature of Grievance",
        "Right Exercised",
    ),
    "channel": (
        "Mode",
        "Source",
        "Channel",
        "Mode of Receipt",
        "Received Via",
        "Received Through",
        "Medium",
    ),
    "status": ("Status", "Current Status", "Case Status", "State"),
    "priority": ("Priority", "Urgency", "Severity"),
    "requester_name": (
        "Name",
        "Complainant",
        "Complainant Name",
        "Name of Complainant",
        "Requester",
        "Requester Name",
        "Name of Requester",
        "Data Principal",
        "Data Principal Name",
        "Customer Name",
        "Applicant",
        "Applicant Name",
        "Full Name",
    ),
    "requester_email": (
        "Email",
        "E-mail",
        "Email ID",
        "E-mail ID",
        "Email Address",
        "Mail ID",
        "Complainant Email",
        "Requester Email",
    ),
    "requester_phone": (
        "Phone",
        "Phone No",
        "Phone Number",
        "Mobile",
        "Mobile No",
        "Mobile Number",
        "Contact No",
        "Contact Number",
        "Telephone",
        "Tel",
        "Complainant Phone",
        "Requester Phone",
    ),
    "requester_address": (
        "Address",
        "Postal Address",
        "Correspondence Address",
        "Complainant Address",
        "Requester Address",
    ),
    "relationship": (
        "Relationship",
        "Relationship to Company",
        "Requester Type",
        "Customer Type",
        "Data Principal Type",
    ),
    "organisation": (
        "Organisation",
        "Organization",
        "Company",
        "Account",
        "Account No",
        "Account Number",
        "Customer ID",
    ),
    "representative": ("Representative", "Representative Type", "Acting Through", "Filed By"),
    "representative_name": (
        "Representative Name",
        "Represented By",
        "Agent Name",
        "Guardian Name",
        "Nominee Name",
    ),
    "data_categories": (
        "Data Categories",
        "Data Category",
        "Categories of Data",
        "Personal Data Categories",
        "Data Concerned",
    ),
    "identity": (
        "Identity",
        "Identity Verification",
        "Identity Status",
        "ID Verification",
        "ID Verified",
        "KYC Status",
    ),
    "description": (
        "Description",
        "Details",
        "Remarks",
        "Summary",
        "Particulars",
        "Grievance Details",
        "Complaint Details",
        "Request Details",
    ),
    "acknowledged": (
        "Date Acknowledged",
        "Acknowledged On",
        "Acknowledged",
        "Acknowledgement Date",
        "Date of Acknowledgement",
        "Ack Date",
    ),
    "closed": (
        "Date Closed",
        "Closed On",
        "Closed",
        "Closure Date",
        "Date of Closure",
        "Resolved On",
        "Date Resolved",
        "Resolution Date",
        "Date of Disposal",
        "Disposed On",
    ),
    "outcome": ("Outcome", "Resolution", "Result", "Decision"),
    "refusal_grounds": (
        "Refusal Grounds",
        "Grounds for Refusal",
        "Refusal Reason",
        "Reason for Refusal",
        "Rejection Reason",
    ),
    "tags": ("Tags", "Tag", "Labels"),
    "policy": ("Policy", "Policy ID", "SLA Policy", "Regime"),
}

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

# Cells meaning "nothing here" in optional coded columns (not in free text, where they are words).
_PLACEHOLDERS = frozenset({"", "-", "--", "n/a", "na", "nil", "none", "null", "not applicable"})
_COMPLAINT_WORDS = frozenset({"complaint", "grievance", "complaints", "grievances"})

# Column a case_record FieldProblem belongs to.
_FIELD_COLUMNS: dict[str, str] = {
    "requester.name": "requester_name",
    "requester.email": "requester_email",
    "requester.phone": "requester_phone",
    "requester.postal_address": "requester_address",
    "received_at": "received",
    "acknowledged_at": "acknowledged",
    "closed_at": "closed",
    "description": "description",
    "representative_name": "representative_name",
    "refusal_grounds": "refusal_grounds",
    "outcome": "outcome",
    "policy_id": "policy",
}
# What to do about a case_record problem, by column.
_FIXES: dict[str, str] = {
    "requester_email": "Correct the address or leave the cell empty.",
    "requester_phone": "Correct the number or leave the cell empty.",
    "representative_name": "Fill in the representative's name, or set representative to none.",
    "refusal_grounds": "Clear the refusal grounds or set the outcome to refused.",
    "outcome": "Fill in the outcome (fulfilled, partly_fulfilled, refused, withdrawn, "
    "no_data_held, transferred).",
}


# --- problems -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    """One bad cell: enough to find it in Excel (line and header) and to fix it."""

    line: int
    column: str
    header: str
    value: str
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}, column {self.header!r}: {self.message}"


class RowError(ValueError):
    """A row that cannot become a case; ``problems`` names every bad cell at once."""

    def __init__(self, line: int, problems: list[RowProblem]) -> None:
        self.line = line
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class HeaderError(ValueError):
    """A file whose header row cannot be used; nothing in it can be imported."""

    def __init__(self, missing: Sequence[str], duplicates: Mapping[str, Sequence[str]]) -> None:
        self.missing = tuple(missing)
        self.duplicates = {k: tuple(v) for k, v in duplicates.items()}
        lines: list[str] = []
        for column in self.missing:
            lines.append(
                f"The file has no {column} column, which every case needs. Add a column with "
                f"one of these headers: {', '.join(accepted_headers(column))}."
            )
        for column, headers in self.duplicates.items():
            listed = " and ".join(repr(h) for h in headers)
            lines.append(
                f"Columns {listed} all look like the {column} column. Keep one: delete the "
                "others or rename them to something unrecognised (e.g. put 'Old ' in front)."
            )
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class HeaderMatch:
    """How a file's headers map to our columns, and which headers will be ignored."""

    columns: Mapping[str, str]  # header as written -> canonical column
    ignored: tuple[str, ...]

    def header_for(self, column: str) -> str:
        """The header as the officer wrote it, for messages; the column name if absent."""
        for header, canonical in self.columns.items():
            if canonical == column:
                return header
        return column


# --- headers --------------------------------------------------------------------------------

_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@lru_cache(maxsize=4096)
def _header_key(header: str) -> str:
    return _squash(_BRACKETED.sub("", header)) or _squash(header)


def _build_header_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for column in COLUMNS:
        for spelling in (column, *_ALIASES.get(column, ())):
            key = _squash(spelling)
            if table.setdefault(key, column) != column:
                raise AssertionError(f"header alias {spelling!r} is ambiguous")
    return table


_HEADER_TABLE = _build_header_table()


def accepted_headers(column: str) -> tuple[str, ...]:
    """The header spellings a column accepts, for help text and error messages."""
    return (column, *_ALIASES.get(column, ()))


def match_headers(headers: Iterable[str]) -> HeaderMatch:
    """Map a file's headers once, so a bad header row fails before any row is read."""
    return _match_headers(tuple(headers))


@lru_cache(maxsize=64)
def _match_headers(headers: tuple[str, ...]) -> HeaderMatch:
    columns: dict[str, str] = {}
    ignored: list[str] = []
    seen: dict[str, list[str]] = {}
    for header in headers:
        column = _HEADER_TABLE.get(_header_key(header))
        if column is None:
            ignored.append(header)
            continue
        columns[header] = column
        seen.setdefault(column, []).append(header)
    missing = [c for c in REQUIRED_COLUMNS if c not in seen]
    duplicates = {c: hs for c, hs in seen.items() if len(hs) > 1}
    if missing or duplicates:
        raise HeaderError(missing, duplicates)
    return HeaderMatch(columns, tuple(ignored))


# --- values ---------------------------------------------------------------------------------

E = TypeVar("E", bound=Enum)


def _value_key(text: str) -> str:
    return _squash(text)


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


# --- dates ----------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_TIME = (
    r"(?:(?:\s*[T ,]\s*|\s+at\s+)(?P<h>\d{1,2}):(?P<mi>\d{2})"
    r"(?::(?P<s>\d{2})(?:[.,](?P<frac>\d{1,6}))?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    r"\s*(?P<off>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)
_DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + _TIME, re.I),
    re.compile(r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d+)" + _TIME, re.I),
    re.compile(
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s/-]*(?P<mon>[a-z]{3,9})\.?[\s/,-]*(?P<y>\d+)" + _TIME,
        re.I,
    ),
    re.compile(
        r"(?P<mon>[a-z]{3,9})\.?[\s/-]*(?P<d>\d{1,2})(?:st|nd|rd|th)?,?[\s/-]*(?P<y>\d+)" + _TIME,
        re.I,
    ),
)
_EXAMPLES = "25/11/2026, 2026-11-25, 25 Nov 2026 or 25/11/2026 14:30"
# Excel's day zero (it wrongly believes 1900 was a leap year, hence the 30th).
_EXCEL_EPOCH = datetime(1899, 12, 30)


class _DateProblem(ValueError):
    pass


@dataclass(frozen=True)
class _When:
    moment: datetime
    bare_date: bool


def _parse_when(value: object, tz: tzinfo) -> _When:
    """Read a date or date-time cell as an aware datetime in the officer's zone."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            bare = value.time() == time(0)
            return _When(in_zone(value, tz), bare)
        return _When(value.astimezone(tz), False)
    if isinstance(value, date):
        return _When(datetime.combine(value, time(0), tzinfo=tz), True)
    if isinstance(value, int | float) and not isinstance(value, bool):
        # An XLSX cell holding a date serial without a date format.
        if not 25_569 <= value < 2_958_466:  # 1970 to 9999
            raise _DateProblem(f"{value!r} is not a date. Write it as {_EXAMPLES}.")
        moment = _EXCEL_EPOCH + timedelta(days=float(value))
        moment = moment.replace(microsecond=0)
        return _When(in_zone(moment, tz), moment.time() == time(0))
    return _parse_text_when(_text(value), tz)


def _parse_text_when(text: str, tz: tzinfo) -> _When:
    for number, form in enumerate(_DATE_FORMS):
        match = form.fullmatch(text.strip())
        if match is not None:
            return _from_match(text, match, day_first=number == 1, tz=tz)
    raise _DateProblem(f"{text!r} is not a date. Write it as {_EXAMPLES}.")


def _from_match(text: str, match: re.Match[str], *, day_first: bool, tz: tzinfo) -> _When:
    parts = match.groupdict()
    if len(parts["y"]) != 4:
        raise _DateProblem(
            f"{text!r} does not have a four-digit year. Write the year in full, e.g. 25/11/2026."
        )
    year = int(parts["y"])
    if parts.get("mon") is not None:
        month = _MONTHS.get(parts["mon"].casefold())
        if month is None:
            raise _DateProblem(
                f"{text!r} has an unknown month {parts['mon']!r}. Write it as {_EXAMPLES}."
            )
    else:
        month = int(parts["m"])
    day = int(parts["d"])
    if month > 12 or month == 0:
        hint = ""
        if day_first:
            try:
                swapped = date(year, day, month)
            except ValueError:
                pass
            else:
                hint = f" If you meant {swapped:%d %B %Y}, write {swapped:%d/%m/%Y}."
        raise _DateProblem(
            f"{text!r} has no month {month}: dates are read day first (DD/MM/YYYY), as in "
            f"India.{hint}"
        )
    if year < 1900:
        raise _DateProblem(f"{text!r} has the year {year}; check it for a typing mistake.")
    try:
        day_part = date(year, month, day)
    except ValueError:
        last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        raise _DateProblem(
            f"{text!r} is not a real date: {date(year, month, 1):%B %Y} has {last} days. "
            "Correct the day or the month."
        ) from None
    if parts["h"] is None:
        return _When(datetime.combine(day_part, time(0), tzinfo=tz), True)
    hour, minute = int(parts["h"]), int(parts["mi"])
    second = int(parts["s"] or 0)
    micro = int((parts["frac"] or "0").ljust(6, "0"))
    if parts["ampm"]:
        if not 1 <= hour <= 12:
            raise _DateProblem(f"{text!r} has an impossible time: {hour} AM/PM. Use 1 to 12.")
        hour = hour % 12 + (12 if parts["ampm"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise _DateProblem(
            f"{text!r} has an impossible time. Use a 24-hour time from 00:00 to 23:59."
        )
    zone = _offset(text, parts["off"]) or tz
    moment = datetime.combine(day_part, time(hour, minute, second, micro), tzinfo=zone)
    return _When(moment.astimezone(tz), False)


def _offset(text: str, raw: str | None) -> tzinfo | None:
    if raw is None:
        return None
    if raw.upper() in ("Z", "UTC", "GMT"):
        return UTC
    digits = raw[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        raise _DateProblem(f"{text!r} has an impossible UTC offset {raw}.")
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if raw.startswith("-") else delta)


def _format_when(moment: datetime | None, tz: tzinfo) -> str:
    return "" if moment is None else moment.astimezone(tz).isoformat()


# --- cells ----------------------------------------------------------------------------------


def _text(value: object) -> str:
    """A cell as text: XLSX gives numbers and dates, CSV gives strings."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _clean(value: object) -> str:
    """Clean free text the same way on import and export, so round-trips are exact."""
    return clean_text(_text(value).replace("\r\n", "\n").replace("\r", "\n"))


def _split(text: str) -> list[str]:
    items = [clean_text(part) for part in re.split(r"[;,\n]", text)]
    return list(dict.fromkeys(item for item in items if item))


def _join(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(dict.fromkeys(items))


class _Row:
    """One row's cells by canonical column, collecting problems as they are found."""

    def __init__(self, row: Mapping[str, object], header: HeaderMatch, line: int) -> None:
        self.cells: dict[str, object] = {}
        for key, value in row.items():
            column = header.columns.get(key)
            if column is not None:
                self.cells[column] = value
        self.header = header
        self.line = line
        self.problems: list[RowProblem] = []

    def raw(self, column: str) -> object:
        return self.cells.get(column)

    def text(self, column: str) -> str:
        return _clean(self.cells.get(column))

    def coded(self, column: str) -> str:
        """A coded cell with placeholders such as "N/A" read as empty."""
        text = self.text(column)
        return "" if text.casefold() in _PLACEHOLDERS else text

    def problem(self, column: str, message: str, value: object = None) -> None:
        shown = _text(self.cells.get(column) if value is None else value)
        header = self.header.header_for(column)
        self.problems.append(RowProblem(self.line, column, header, shown, message))

    def has_problem(self, column: str) -> bool:
        return any(p.column == column for p in self.problems)

    def enum(self, column: str, enum: type[E], default: E) -> E:
        text = self.coded(column)
        if not text:
            return default
        found = match_value(enum, text)
        if found is None:
            self.problem(column, _unknown(text, enum))
            return default
        return found

    def enums(self, column: str, enum: type[E]) -> tuple[E, ...]:
        found: list[E] = []
        for item in _split(self.coded(column)):
            member = match_value(enum, item)
            if member is None:
                self.problem(column, _unknown(item, enum))
            elif member not in found:
                found.append(member)
        return tuple(found)

    def when(self, column: str, tz: tzinfo, now: datetime) -> _When | None:
        value = self.cells.get(column)
        if isinstance(value, str | None) and self.coded(column) == "":
            return None
        try:
            found = _parse_when(value, tz)
        except _DateProblem as exc:
            self.problem(column, str(exc))
            return None
        problem = after_now_problem(
            found.moment, now=now, zone=tz, label=f"{column} date", shown=repr(_text(value))
        )
        if problem is not None:
            self.problem(column, problem[:1].upper() + problem[1:] + ".")
            return None
        return found


def _unknown(text: str, enum: type[Enum]) -> str:
    return f"{text!r} is not a known value. Use one of: {', '.join(accepted_values(enum))}."


# --- the translation ------------------------------------------------------------------------


def row_to_draft(row: Mapping[str, object], *, line: int, tz: tzinfo, now: datetime) -> CaseDraft:
    """Turn one spreadsheet row into a checked draft, or say everything wrong with it.

    Keys are the file's headers as written (any accepted spelling). Raises ``HeaderError``
    if the headers themselves are unusable (call ``match_headers`` first to fail early) and
    ``RowError`` listing every bad cell of the row, each with its line number and fix.
    """
    cells = _Row(row, match_headers(row.keys()), line)

    reference: str | None = None
    legacy_tags: list[str] = []
    if text := cells.coded("reference"):
        try:
            reference = str(parse_reference(text))
        except ReferenceOutOfRange as error:
            cells.problem("reference", str(error))
        except InvalidReference:
            # An older numbering: the case gets a new reference and keeps this one as a tag.
            legacy_tags.append(legacy_reference_tag(text))

    received = cells.when("received", tz, now)
    if received is None and not cells.has_problem("received"):
        cells.problem("received", "this cell is empty; every case needs the date it was received.")
    acknowledged = cells.when("acknowledged", tz, now)
    closed = cells.when("closed", tz, now)
    acknowledged_at = _after_receipt(cells, "acknowledged", acknowledged, received, tz)
    closed_at = _after_receipt(cells, "closed", closed, received, tz)

    type_text = cells.coded("request_type")
    named_complaint = _squash(type_text) in _COMPLAINT_WORDS
    kind_default = CaseKind.COMPLAINT if named_complaint else CaseKind.RIGHTS_REQUEST
    kind = cells.enum("kind", CaseKind, kind_default)
    request_type = RequestType.OTHER  # a "Complaint" request type names no right
    if type_text and not named_complaint:
        request_type = cells.enum("request_type", RequestType, RequestType.OTHER)
    elif kind is not CaseKind.COMPLAINT:
        cells.problem(
            "request_type",
            "this cell is empty; say what was requested ("
            + ", ".join(accepted_values(RequestType))
            + ").",
        )

    name = cells.text("requester_name")
    if not name:
        cells.problem(
            "requester_name", "this cell is empty; every case needs the requester's name."
        )

    if cells.coded("status"):
        status = cells.enum("status", Status, Status.NEW)
    elif closed is not None:
        status = Status.CLOSED
    elif acknowledged is not None:
        status = Status.ACKNOWLEDGED
    else:
        status = Status.NEW
    outcome_text = cells.coded("outcome")
    outcome = match_value(Outcome, outcome_text) if outcome_text else None
    if outcome_text and outcome is None:
        cells.problem("outcome", _unknown(outcome_text, Outcome))

    draft = CaseDraft(
        kind=kind,
        request_type=request_type,
        channel=cells.enum("channel", Channel, Channel.EMAIL),
        received_at=received.moment if received else now,
        requester=Requester(
            name=name,
            email=cells.coded("requester_email"),
            phone=cells.coded("requester_phone"),
            postal_address=cells.text("requester_address"),
            relationship=cells.enum("relationship", Relationship, Relationship.CUSTOMER),
            organisation=cells.text("organisation"),
        ),
        description=cells.text("description"),
        representative=cells.enum("representative", Representative, Representative.NONE),
        representative_name=cells.text("representative_name"),
        data_categories=cells.enums("data_categories", DataCategory),
        identity_state=cells.enum("identity", IdentityState, IdentityState.NOT_REQUIRED),
        priority=cells.enum("priority", Priority, Priority.NORMAL),
        status=status,
        outcome=outcome,
        refusal_grounds=cells.enums("refusal_grounds", RefusalGround),
        tags=(*_split(cells.text("tags")), *legacy_tags),
        policy_id=cells.text("policy") or None,
        reference=reference,
        acknowledged_at=acknowledged_at,
        closed_at=closed_at,
    )
    for found in problems_in(draft):
        column = _FIELD_COLUMNS.get(found.field, found.field)
        # Our own checks already said it better (empty cells, dates against receipt).
        if cells.has_problem(column) or column in ("received", "acknowledged", "closed"):
            continue
        fix = _FIXES.get(column, "")
        cells.problem(column, f"{_sentence(found.message)} {fix}".strip())
    if cells.problems:
        order = {c: i for i, c in enumerate(COLUMNS)}
        cells.problems.sort(key=lambda p: order.get(p.column, len(order)))
        raise RowError(line, cells.problems)
    return draft


def _after_receipt(
    cells: _Row, column: str, found: _When | None, received: _When | None, tz: tzinfo
) -> datetime | None:
    """Check a later date against receipt; a bare date on the day of receipt means then."""
    if found is None or received is None:
        return None if found is None else found.moment
    moment = found.moment
    same_day = moment.astimezone(tz).date() == received.moment.astimezone(tz).date()
    if found.bare_date and same_day and moment < received.moment:
        return received.moment
    if moment < received.moment:
        what = "acknowledgement" if column == "acknowledged" else "closure"
        cells.problem(
            column,
            f"the {what} date {_text(cells.raw(column))!r} is before the received date "
            f"{_text(cells.raw('received'))!r}. Correct whichever of the two is wrong.",
        )
        return None
    return moment


def _sentence(message: str) -> str:
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith(".") else message + "."


def draft_to_row(draft: CaseDraft, *, tz: tzinfo) -> dict[str, str]:
    """The export form of a case, which ``row_to_draft`` reads back to the same row.

    Values are the stored codes (not labels) so a re-import never depends on wording, and
    date-times carry the officer's UTC offset so no reader has to guess the zone.
    """
    person = draft.requester
    return {
        "reference": draft.reference or "",
        "received": _format_when(draft.received_at, tz),
        "kind": draft.kind.value,
        "request_type": draft.request_type.value,
        "channel": draft.channel.value,
        "status": draft.status.value,
        "priority": draft.priority.value,
        "requester_name": _clean(person.name),
        "requester_email": _clean(person.email),
        "requester_phone": _clean(person.phone),
        "requester_address": _clean(person.postal_address),
        "relationship": person.relationship.value,
        "organisation": _clean(person.organisation),
        "representative": draft.representative.value,
        "representative_name": _clean(draft.representative_name),
        "data_categories": _join(c.value for c in draft.data_categories),
        "identity": draft.identity_state.value,
        "description": _clean(draft.description),
        "acknowledged": _format_when(draft.acknowledged_at, tz),
        "closed": _format_when(draft.closed_at, tz),
        "outcome": draft.outcome.value if draft.outcome else "",
        "refusal_grounds": _join(g.value for g in draft.refusal_grounds),
        "tags": _join(t for t in (_clean(tag) for tag in draft.tags) if t),
        "policy": _clean(draft.policy_id or ""),
    }
