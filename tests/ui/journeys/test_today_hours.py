"""Issue 14 defect 5: an hour-based deadline shows hours left on Today, not "today".

IT Rules 2021 r.3(2)(b) as amended with effect from 20 Feb 2026: intimate-imagery and
impersonation complaints are acted on within 2 hours of receipt.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from grievance_desk.domain.case_types import CaseKind, RequestType
from grievance_desk.domain.reminders import hours_phrase
from grievance_desk.services.cases import register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.storage.register import Register
from grievance_desk.ui.main_window import MainWindow
from tests.support.drafts import make_draft
from tests.ui.conftest import settle


def test_hours_phrase_within_a_day_only() -> None:
    now = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    assert hours_phrase(now + timedelta(hours=1, minutes=30), now) == "1 h 30 min left"
    assert hours_phrase(now + timedelta(minutes=40), now) == "40 min left"
    assert hours_phrase(now - timedelta(hours=3), now) == "3 h overdue"
    assert hours_phrase(now + timedelta(days=2), now) is None


def test_a_two_hour_deadline_reads_in_hours_on_today(  # type: ignore[no-untyped-def]
    qtbot, runner, desk: MainWindow, office_register: Register
) -> None:
    received = utc_now() - timedelta(minutes=30)
    draft = make_draft(
        kind=CaseKind.COMPLAINT,
        request_type=RequestType.OTHER,
        received_at=received,
        policy_id="it-rules-2021-ncii",
        description="Impersonating profile reported (fictitious test).",
    )
    reference = runner.call(lambda: register_case(office_register, draft, now=received))
    desk.page_actions[1].trigger()  # Ctrl+2, Cases; then back to Today, which reloads
    settle(qtbot, runner)
    desk.page_actions[0].trigger()
    today = desk.workspace.today  # type: ignore[union-attr]
    settle(qtbot, runner)
    rows = [today.deadlines.topLevelItem(i) for i in range(today.deadlines.topLevelItemCount())]
    (row,) = [r for r in rows if r.text(1) == reference]
    assert row.text(0).endswith("min left") and " h " in row.text(0), row.text(0)
    assert ":" in row.text(4)  # the due time, not only the day
