"""Finding a stored case and the officer's time zone: what every case service reads first.

Kept apart from `cases` (which writes cases and keeps their next deadline up to date through
`case_deadlines`), so `case_deadlines` can read cases without importing `cases` back.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.messages import _
from grievance_desk.services.clock import zone
from grievance_desk.storage.errors import NotFound
from grievance_desk.storage.settings_registry import OFFICER_TIMEZONE
from grievance_desk.storage.tables import Case
from grievance_desk.storage.tables import Requester as RequesterRow

__all__ = ["find_case", "officer_zone"]


def officer_zone(session: Session) -> ZoneInfo:
    """The officer's time zone (Settings), Asia/Kolkata until one is chosen."""
    return zone(OFFICER_TIMEZONE.read(session))


def find_case(session: Session, reference: str) -> tuple[Case, RequesterRow]:
    """The case and its requester, or NotFound naming the reference."""
    case = session.scalar(select(Case).where(col(Case.reference) == reference.strip().upper()))
    if case is None:
        raise NotFound(
            _(
                "There is no case {reference} in this register. Check the reference (for "
                "example GRV-2026-00042)."
            ).format(reference=reference)
        )
    person = session.get(RequesterRow, case.requester_id)
    assert person is not None
    return case, person
