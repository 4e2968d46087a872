"""The spreadsheet columns of a case and the header spellings each one accepts.

Officers keep their registers in Excel, each with its own headers, so the import maps many
spellings onto one canonical column set, and refuses a header row it cannot use before any row
is read. The export writes ``COLUMNS`` in this order, which the import reads back exactly.

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
Unknown columns are ignored and listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from grievance_desk.messages import _

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


class HeaderError(ValueError):
    """A file whose header row cannot be used; nothing in it can be imported."""

    def __init__(self, missing: Sequence[str], duplicates: Mapping[str, Sequence[str]]) -> None:
        self.missing = tuple(missing)
        self.duplicates = {k: tuple(v) for k, v in duplicates.items()}
        lines: list[str] = []
        for column in self.missing:
            lines.append(
                _(
                    "The file has no {column} column, which every case needs. Add a column with "
                    "one of these headers: {headers}."
                ).format(column=column, headers=", ".join(accepted_headers(column)))
            )
        for column, headers in self.duplicates.items():
            listed = _(" and ").join(repr(h) for h in headers)
            lines.append(
                _(
                    "Columns {headers} all look like the {column} column. Keep one: delete the "
                    "others or rename them to something unrecognised (e.g. put 'Old ' in front)."
                ).format(headers=listed, column=column)
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


_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def squash(text: str) -> str:
    """Text reduced to lower-case letters and digits, so "Ref. No" and "ref_no" match."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@lru_cache(maxsize=4096)
def _header_key(header: str) -> str:
    return squash(_BRACKETED.sub("", header)) or squash(header)


def _build_header_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for column in COLUMNS:
        for spelling in (column, *_ALIASES.get(column, ())):
            key = squash(spelling)
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
