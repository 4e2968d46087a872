"""What an op changed reaches the pages that show it, and only those (issue 16.7).

Each op that changes the register declares `OpChanges`; the Workspace hands them to the pages.
A status changed in the case file moves the Cases list row and the Today counts without a
full refresh; Settings does not reload. Cancel stops a long report or import with nothing
saved, and work queued before a lock is dropped quietly.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from grievance_desk.domain.workflow import Action, Status
from grievance_desk.services.cases import register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import ReportCache
from grievance_desk.ui import policy_settings_box, today_page
from grievance_desk.ui.cases_table_model import COLUMNS
from grievance_desk.ui.import_dialog import ImportDialog
from grievance_desk.ui.main_window import CASES, REPORTS, MainWindow
from grievance_desk.ui.ops import Op, OpRunner
from tests.support.drafts import make_draft
from tests.ui.conftest import settle
from tests.ui.journeys.conftest import click
from tests.ui.journeys.helpers import case_file, press_action, wait_status
from tests.ui.journeys.test_idle_lock_and_pane import _click_row, _nav
from tests.ui.journeys.test_journey_import import _case_count, _visible

STATUS_COLUMN = [name for name, _key in COLUMNS].index("Status")


def _cases(register: Register, count: int, days_ago: int = 1) -> list[str]:
    now = utc_now() - timedelta(days=days_ago)
    return [
        register_case(register, make_draft(received_at=now + timedelta(minutes=i)), now=now)
        for i in range(count)
    ]


def _list_status(window: MainWindow, reference: str) -> str:
    assert window.workspace is not None
    model = window.workspace.cases.table.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == reference:
            return str(model.index(row, STATUS_COLUMN).data())
    raise AssertionError(f"{reference} is not in the list")


def _gate(runner: OpRunner) -> threading.Event:
    """Hold the one worker thread, so the next op waits in the queue until set."""
    gate = threading.Event()
    Op(runner, lambda: gate.wait(20)).run_in_background()
    return gate


def test_a_status_change_moves_the_list_row_and_todays_count_only(  # type: ignore[no-untyped-def]
    qtbot, runner, desk: MainWindow, office_register: Register, monkeypatch
) -> None:
    window = desk
    first, _second = runner.call(lambda: _cases(office_register, 2))
    loads = {"today": 0, "settings": 0}

    def counting(key: str, real):  # type: ignore[no-untyped-def]
        def wrapped(*args):  # type: ignore[no-untyped-def]
            loads[key] += 1
            return real(*args)

        return wrapped

    monkeypatch.setattr(today_page, "load_today", counting("today", today_page.load_today))
    monkeypatch.setattr(
        policy_settings_box,
        "read_settings",
        counting("settings", policy_settings_box.read_settings),
    )
    _nav(qtbot, window, CASES)
    window.workspace.load_pages()  # the cases were added behind the window's back
    settle(qtbot, runner)
    _click_row(qtbot, window, first)
    cf = case_file(window)
    qtbot.waitUntil(lambda: cf.reference == first, timeout=10_000)
    today = window.workspace.today
    assert today.count_buttons["awaiting_requester"].value.text() == "0"
    before = dict(loads)

    press_action(qtbot, window, Action.REQUEST_CLARIFICATION)
    wait_status(qtbot, window, Status.AWAITING_CLARIFICATION)
    settle(qtbot, runner)

    assert _list_status(window, first) == Status.AWAITING_CLARIFICATION.label
    qtbot.waitUntil(
        lambda: today.count_buttons["awaiting_requester"].value.text() == "1",
        timeout=10_000,
    )
    assert loads["today"] == before["today"] + 1, "Today reloaded its counts once"
    assert loads["settings"] == before["settings"], "Settings did not need to reload"


def test_cancel_stops_a_report_and_leaves_no_cache(  # type: ignore[no-untyped-def]
    qtbot, runner, desk: MainWindow, office_register: Register
) -> None:
    window = desk
    runner.call(lambda: _cases(office_register, 3, days_ago=40))  # last month: cacheable
    _nav(qtbot, window, REPORTS)
    reports = window.workspace.reports
    gate = _gate(runner)
    click(qtbot, reports.build_button)
    assert reports.cancel_button.isVisible()
    click(qtbot, reports.cancel_button)
    gate.set()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: reports.build_button.isEnabled(), timeout=10_000)
    assert reports.report is None, "a cancelled build shows nothing"
    assert not reports.cancel_button.isVisible()
    assert reports.progress_text.text() == "Report cancelled."

    def cached() -> int:
        with office_register.reading() as session:
            return int(session.scalar(select(func.count()).select_from(ReportCache)) or 0)

    assert runner.call(cached) == 0, "nothing of the cancelled build was saved"
    click(qtbot, reports.build_button)  # and the next build works
    qtbot.waitUntil(lambda: reports.report is not None, timeout=20_000)


def test_cancel_stops_an_import_and_saves_no_case(  # type: ignore[no-untyped-def]
    qtbot, runner, desk: MainWindow, office_register: Register, tmp_path: Path
) -> None:
    window = desk
    sheet = tmp_path / "register.csv"
    rows = ["Ref No,Date Received,Type of Request,Complainant,Email ID,Remarks"]
    rows += [
        f",{1 + i % 28:02d}/11/2026,Access,Test Person {i},p{i}@example.org,Fictitious"
        for i in range(40)
    ]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    window.import_sheet_action.trigger()  # File → Import spreadsheet… (Ctrl+I)
    dialog = _visible(ImportDialog)
    assert isinstance(dialog, ImportDialog)
    qtbot.keyClicks(dialog.path, str(sheet))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20_000)

    gate = _gate(runner)
    click(qtbot, dialog.import_button)
    assert dialog.cancel_button.isVisible()
    click(qtbot, dialog.cancel_button)
    gate.set()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: not dialog.cancel_button.isVisible(), timeout=10_000)
    assert dialog.imported is None
    assert "nothing was saved" in dialog.summary.text()
    assert _case_count(runner, office_register) == 0


def test_locking_while_an_op_is_queued_drops_it_quietly(  # type: ignore[no-untyped-def]
    qtbot, runner, desk: MainWindow, office_register: Register
) -> None:
    window = desk
    runner.call(lambda: _cases(office_register, 2))
    _nav(qtbot, window, REPORTS)
    reports = window.workspace.reports
    gate = _gate(runner)
    click(qtbot, reports.build_button)  # queued behind the gate
    window.lock_action.trigger()
    assert window.is_locked
    gate.set()
    settle(qtbot, runner)  # an exception in a slot, or an error dialog, would fail here
    assert window.is_locked
    assert reports.report is None
