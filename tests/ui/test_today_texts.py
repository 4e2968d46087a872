"""The Today page words reminders itself (to show them in the window's language): in English
its sentences are the domain's own, so nothing changes for an English window (issue 17)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from grievance_desk.domain.reminders import DueDeadline, reminders_due
from grievance_desk.ui.today_page import reminder_text

ZONE = ZoneInfo("Asia/Kolkata")
NOW = datetime(2026, 12, 6, 15, 0, tzinfo=ZONE)


def test_reminder_sentences_match_the_domain_in_english(qapp) -> None:  # type: ignore[no-untyped-def]
    items = [
        DueDeadline("1", "GRV-2026-00001", "acknowledge", NOW - timedelta(days=3)),
        DueDeadline("2", "GRV-2026-00002", "respond", NOW - timedelta(hours=2)),
        DueDeadline("3", "GRV-2026-00003", "extension_notice", NOW + timedelta(hours=3)),
        DueDeadline("4", "GRV-2026-00004", "extended_respond", NOW + timedelta(days=1)),
    ]
    shown = reminders_due(items, NOW, ZONE)
    assert len(shown) == 4, [r.message for r in shown]
    for reminder in shown:
        domain = reminder.message.removeprefix(f"{reminder.reference}: ")
        assert reminder_text(reminder, ZONE) == domain[:1].upper() + domain[1:]
