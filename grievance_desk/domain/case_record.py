"""What the officer records about a case, checked before anything is saved.

``CaseDraft`` is the plain-data form used by the new-case form, the spreadsheet import and
the e-mail intake; ``validate_draft`` names every bad field at once so a form can mark each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

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
from grievance_desk.domain.received_time import after_now_problem
from grievance_desk.domain.workflow import Status
from grievance_desk.messages import _

MAX_NAME = 200
MAX_DESCRIPTION = 20_000
MAX_TAG = 80
TAG_SEPARATORS = (";", ",", "\n", "\r")  # how spreadsheets and exports list tags
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{5,24}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Requester:
    name: str
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    relationship: Relationship = Relationship.CUSTOMER
    organisation: str = ""


@dataclass(frozen=True)
class CaseDraft:
    """A case as entered, before the register gives it a reference and an id."""

    kind: CaseKind
    request_type: RequestType
    channel: Channel
    received_at: datetime
    requester: Requester
    description: str = ""
    representative: Representative = Representative.NONE
    representative_name: str = ""
    data_categories: tuple[DataCategory, ...] = ()
    identity_state: IdentityState = IdentityState.NOT_REQUIRED
    priority: Priority = Priority.NORMAL
    status: Status = Status.NEW
    outcome: Outcome | None = None
    refusal_grounds: tuple[RefusalGround, ...] = ()
    tags: tuple[str, ...] = ()
    policy_id: str | None = None
    reference: str | None = None
    acknowledged_at: datetime | None = None
    closed_at: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class InvalidCase(ValueError):
    """A draft with one or more bad fields; ``problems`` lists each with its fix."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def clean_text(value: str) -> str:
    """Strip surrounding space and control characters that would corrupt letters or CSV.

    A lone surrogate (what Python's e-mail parser leaves for bytes it could not decode)
    cannot be stored as UTF-8 at all, so it becomes the replacement character \ufffd.
    """
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", value)).strip()


def email_problem(value: str) -> str | None:
    """Why an e-mail address is not one, or None; the requester's and the officer's alike."""
    if value and not _EMAIL.match(value.strip()):
        return _("{value} is not an e-mail address (expected name@example.org)").format(
            value=repr(value)
        )
    return None


def phone_problem(value: str) -> str | None:
    """Why a phone number is not one, or None; the requester's and the officer's alike."""
    if value and not _PHONE.match(value.strip()):
        return _("{value} is not a phone number (digits, spaces, + ( ) - only)").format(
            value=repr(value)
        )
    return None


def problems_in(
    draft: CaseDraft, *, now: datetime | None = None, zone: tzinfo | None = None
) -> list[FieldProblem]:
    """Every problem with a draft, so the form marks them all at once.

    With ``now`` (and the officer's ``zone``), a received time after now is one: the form,
    `register_case` and the import refuse it alike (`received_time.after_now_problem`).
    """
    found: list[FieldProblem] = []
    person = draft.requester
    if not clean_text(person.name):
        found.append(FieldProblem("requester.name", _("the requester's name is required")))
    elif len(person.name) > MAX_NAME:
        found.append(
            FieldProblem(
                "requester.name",
                _("keep the name under {count} characters").format(count=MAX_NAME),
            )
        )
    if (problem := email_problem(person.email)) is not None:
        found.append(FieldProblem("requester.email", problem))
    if (problem := phone_problem(person.phone)) is not None:
        found.append(FieldProblem("requester.phone", problem))
    if draft.received_at.tzinfo is None:
        found.append(FieldProblem("received_at", _("the received time needs a time zone")))
    elif now is not None:
        problem = after_now_problem(
            draft.received_at, now=now, zone=zone or draft.received_at.tzinfo
        )
        if problem is not None:
            found.append(FieldProblem("received_at", problem))
    if len(draft.description) > MAX_DESCRIPTION:
        found.append(
            FieldProblem(
                "description",
                _("keep the description under {count} characters").format(count=MAX_DESCRIPTION),
            )
        )
    if draft.representative is not Representative.NONE and not draft.representative_name:
        found.append(
            FieldProblem("representative_name", _representative_missing(draft.representative))
        )
    if (
        draft.refusal_grounds
        and draft.outcome is not Outcome.REFUSED
        and draft.outcome is not (Outcome.PARTLY_FULFILLED)
    ):
        found.append(
            FieldProblem(
                "refusal_grounds",
                _("refusal grounds apply only to a refused or partly fulfilled request"),
            )
        )
    for tag in draft.tags:
        if not clean_text(tag):
            found.append(FieldProblem("tags", _("remove the empty tag")))
        elif any(separator in tag for separator in TAG_SEPARATORS):
            found.append(
                FieldProblem(
                    "tags",
                    _(
                        "the tag {tag} contains a ; , or line break, which separate tags in "
                        "exports: split it into separate tags"
                    ).format(tag=repr(clean_text(tag))),
                )
            )
        elif len(tag) > MAX_TAG:
            found.append(
                FieldProblem(
                    "tags", _("keep each tag under {count} characters").format(count=MAX_TAG)
                )
            )
    if draft.status is Status.CLOSED and draft.outcome is None:
        found.append(FieldProblem("outcome", _("a closed case needs an outcome")))
    for stamp_name, stamp in (
        ("acknowledged_at", draft.acknowledged_at),
        ("closed_at", draft.closed_at),
    ):
        if stamp is not None and stamp.tzinfo is None:
            found.append(FieldProblem(stamp_name, _("the time needs a time zone")))
        elif (
            stamp is not None and draft.received_at.tzinfo is not None and stamp < draft.received_at
        ):
            found.append(
                FieldProblem(stamp_name, _("cannot be earlier than the date the case was received"))
            )
    return found


def _representative_missing(representative: Representative) -> str:
    """Ask for the name of whoever acts for the requester, naming their role."""
    if representative is Representative.GUARDIAN:
        return _("name the guardian who acts for the requester")
    if representative is Representative.NOMINEE:
        return _("name the nominee who acts for the requester")
    return _("name the authorised agent who acts for the requester")


def validate_draft(
    draft: CaseDraft, *, now: datetime | None = None, zone: tzinfo | None = None
) -> CaseDraft:
    """Return the draft unchanged, or raise InvalidCase listing every problem."""
    problems = problems_in(draft, now=now, zone=zone)
    if problems:
        raise InvalidCase(problems)
    return draft
