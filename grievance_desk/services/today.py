"""What the Today page shows, read in one go: counts, nearest deadlines, changes, reminders.

One read of the register on the worker thread, so the page never opens a session itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from grievance_desk.services import case_deadlines
from grievance_desk.services.case_queries import (
    CaseRow,
    RecentChange,
    TodayCounts,
    next_deadlines,
    recent_changes,
    today_counts,
)
from grievance_desk.services.cases import officer_zone
from grievance_desk.services.clock import utc_now
from grievance_desk.storage.register import Register


@dataclass
class TodayData:
    """Everything on the Today page, as plain data."""

    counts: TodayCounts
    deadlines: list[CaseRow]
    changes: list[RecentChange]
    reminders: list[Any]
    zone: ZoneInfo
    officer: str


def load_today(register: Register) -> TodayData:
    """Read the Today page's data now (call it off the GUI thread)."""
    now = utc_now()
    with register.reading() as session:
        zone = officer_zone(session)
        data = TodayData(
            counts=today_counts(session, now=now),
            deadlines=next_deadlines(session, now=now, limit=12),
            changes=recent_changes(session, limit=12),
            reminders=[],
            zone=zone,
            officer="",
        )
    data.reminders = case_deadlines.reminders_now(register, now=now)[:30]
    return data
