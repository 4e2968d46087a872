"""Registering a new case with the files that came with it: one use case, one transaction.

The new-case dialog (typed in, or filled from a dropped e-mail) saves the case and its files
(the e-mail itself, an ID proof) together: the case row, its search entry, every attachment
and their audit events commit at once, with one time and one actor, or not at all. A file the
register refuses (empty, too large) or a crash half-way leaves no case without its files.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple, Protocol
from zoneinfo import ZoneInfo

from grievance_desk.domain.case_record import CaseDraft
from grievance_desk.domain.policy_presets import policy_ids
from grievance_desk.services.attachments import check_attachment, insert_attachment
from grievance_desk.services.case_queries import policy_ids_in_use
from grievance_desk.services.cases import insert_case, officer_zone
from grievance_desk.storage.fault_points import fault_point
from grievance_desk.storage.register import Register

#: Kill points inside the transaction (tests/services/test_new_case.py kills at each).
FAULT_POINTS = ("new_case.case_added", "new_case.files_added")


class CaseFile(Protocol):
    """A file to keep with the new case (``email_intake.IntakeAttachment`` is one)."""

    @property
    def filename(self) -> str: ...

    @property
    def data(self) -> bytes: ...

    @property
    def purpose(self) -> str: ...


class NewCaseChoices(NamedTuple):
    """What the new-case form offers: the officer's zone and every policy to pick from."""

    zone: ZoneInfo
    policy_ids: list[str]


def new_case_choices(register: Register) -> NewCaseChoices:
    """The form's zone and policy list in one read (the presets and any policy in use)."""
    with register.reading() as session:
        zone = officer_zone(session)
        ids = sorted(set(policy_ids()) | set(policy_ids_in_use(session)))
    return NewCaseChoices(zone, ids)


def register_case_zone(register: Register) -> ZoneInfo:
    """The officer's time zone: a naive time in an e-mail means that zone."""
    with register.reading() as session:
        return officer_zone(session)


def register_new_case(
    register: Register, draft: CaseDraft, files: Sequence[CaseFile] = (), *, now: datetime
) -> str:
    """Record a new case and keep ``files`` with it, in one transaction; returns its reference.

    Every file is checked before anything is written; the size limit is checked inside the
    transaction, so a refused file rolls the case back too and the message names the file.
    """
    for item in files:
        check_attachment(item.filename, item.data, item.purpose)
    actor = register.actor
    with register.writing() as session:
        case = insert_case(session, draft, now=now, actor=actor)
        assert case.id is not None
        session.flush()
        fault_point("new_case.case_added")
        for item in files:
            insert_attachment(
                session,
                case.id,
                item.filename,
                item.data,
                now=now,
                actor=actor,
                purpose=item.purpose,
            )
        fault_point("new_case.files_added")
        return case.reference
