"""Journey 6 (idle lock while editing → unlock → nothing lost), the list and the case file
staying together, and the Today page's Snooze button."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from grievance_desk.domain.case_types import Channel
from grievance_desk.services.case_deadlines import reminders_now
from grievance_desk.services.cases import find_case, register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import ReminderState
from grievance_desk.ui.cases_table_model import REFERENCE_ROLE
from grievance_desk.ui.main_window import CASES, TODAY, MainWindow
from tests.conftest import PASSPHRASE
from tests.support.drafts import make_draft
from tests.ui.conftest import settle
from tests.ui.journeys.conftest import answer_box, click, when_modal
from tests.ui.journeys.helpers import case_file, type_into


def _nav(qtbot, window: MainWindow, row: int) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    nav = window.workspace.nav
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _click_row(qtbot, window: MainWindow, reference: str) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    table = window.workspace.cases.table
    model = table.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.data(index, REFERENCE_ROLE) == reference:
            rect = table.visualRect(index)
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"{reference} is not in the list")


def _selected(window: MainWindow) -> str | None:
    assert window.workspace is not None
    table = window.workspace.cases.table
    rows = table.selectionModel().selectedRows()
    return table.model().data(rows[0], REFERENCE_ROLE) if rows else None


def _two_cases(register: Register) -> tuple[str, str]:
    now = utc_now() - timedelta(hours=3)
    first = register_case(
        register, make_draft(received_at=now, description="First test case (alpha)."), now=now
    )
    second = register_case(
        register,
        make_draft(
            received_at=now + timedelta(minutes=5),
            channel=Channel.POST,
            description="Second test case (beta).",
        ),
        now=now + timedelta(minutes=5),
    )
    return first, second


def _description(register: Register, reference: str) -> str:
    with register.reading() as session:
        return find_case(session, reference)[0].description


def test_idle_lock_while_editing_then_unlock_loses_nothing(  # type: ignore[no-untyped-def]
    qtbot, runner, desk: MainWindow, office_register: Register
) -> None:
    window = desk
    first, _second = runner.call(lambda: _two_cases(office_register))
    _nav(qtbot, window, CASES)
    window.workspace.load_pages()  # the cases were added behind the window's back
    settle(qtbot, runner)
    _click_row(qtbot, window, first)
    cf = case_file(window)
    qtbot.waitUntil(lambda: cf.reference == first, timeout=10_000)
    typed = "First test case, with a note typed just before the lock (test)."
    type_into(qtbot, cf.form.description, typed)
    assert cf.has_unsaved()

    window.idle.set_timeout_ms(300)  # the officer's 10 minutes, shortened
    qtbot.waitUntil(lambda: window.is_locked, timeout=10_000)
    settle(qtbot, runner)
    screen = window.unlock_screen
    type_into(qtbot, screen.field, PASSPHRASE)
    window.idle.set_minutes(10)
    click(qtbot, screen.button)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=20_000)
    settle(qtbot, runner)
    cf = case_file(window)
    qtbot.waitUntil(lambda: cf.reference == first, timeout=10_000)
    assert window.workspace.nav.currentRow() == CASES
    assert cf.form.description.toPlainText() == typed
    assert _description(runner.register, first) == typed


def test_save_in_the_unsaved_prompt_keeps_list_and_pane_together(  # type: ignore[no-untyped-def]
    qtbot, runner, desk: MainWindow, office_register: Register
) -> None:
    window = desk
    first, second = runner.call(lambda: _two_cases(office_register))
    _nav(qtbot, window, CASES)
    window.workspace.load_pages()
    settle(qtbot, runner)
    _click_row(qtbot, window, first)
    cf = case_file(window)
    qtbot.waitUntil(lambda: cf.reference == first, timeout=10_000)
    type_into(qtbot, cf.form.description, "First test case, edited (test).")

    answered = when_modal(answer_box(qtbot, "Save"))
    _click_row(qtbot, window, second)
    assert answered, "the unsaved-changes prompt was shown"
    for _ in range(5):
        settle(qtbot, runner)
    assert cf.reference == second, "the pane shows the row the officer clicked"
    assert _selected(window) == second, "and the list highlights that same row"
    assert _description(office_register, first) == "First test case, edited (test)."

    # A search that matches nothing: no row, so no case in the pane either.
    search = window.workspace.cases.search
    type_into(qtbot, search, "no-such-case-anywhere")
    qtbot.waitUntil(lambda: window.workspace.cases.model.rowCount() == 0, timeout=10_000)
    settle(qtbot, runner)
    assert cf.reference is None
    assert cf.stack.currentIndex() == 0, "the empty state shows"
    type_into(qtbot, search, "")
    qtbot.waitUntil(lambda: window.workspace.cases.model.rowCount() == 2, timeout=10_000)
    _click_row(qtbot, window, first)
    qtbot.waitUntil(lambda: cf.reference == first, timeout=10_000)
    assert _selected(window) == first


def test_snooze_one_day_snoozes_for_a_day(  # type: ignore[no-untyped-def]
    qtbot, runner, desk: MainWindow, office_register: Register
) -> None:
    window = desk
    old = utc_now() - timedelta(days=40)  # overdue: a reminder is due now
    reference = runner.call(
        lambda: register_case(office_register, make_draft(received_at=old), now=old)
    )
    assert runner.call(lambda: reminders_now(office_register, now=utc_now()))
    _nav(qtbot, window, CASES)
    _nav(qtbot, window, TODAY)
    today = window.workspace.today
    qtbot.waitUntil(
        lambda: (
            today.reminders.topLevelItem(0) is not None
            and today.reminders.topLevelItem(0).text(1) == reference
        ),
        timeout=10_000,
    )
    item = today.reminders.topLevelItem(0)
    rect = today.reminders.visualItemRect(item)
    qtbot.mouseClick(today.reminders.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    before = utc_now()
    click(qtbot, today.snooze_button)
    settle(qtbot, runner)

    def snoozed() -> list[ReminderState]:
        with office_register.reading() as session:
            rows = session.query(ReminderState).all()
            for row in rows:
                session.expunge(row)
            return rows

    qtbot.waitUntil(lambda: bool(runner.call(snoozed)), timeout=10_000)
    (state,) = runner.call(snoozed)
    until = state.snoozed_until
    assert until is not None
    assert timedelta(hours=23) < until - before < timedelta(hours=25), "one day, not zero"
