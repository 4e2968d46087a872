"""The officer copies a requester's e-mail address from the case file, then locks: the
clipboard no longer holds it (the 30 s guard is cleared at lock as well as after 30 s)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from grievance_desk.services.cases import register_case
from grievance_desk.storage.register import Register
from grievance_desk.ui.cases_table_model import REFERENCE_ROLE
from grievance_desk.ui.clipboard import CLEAR_AFTER_MS
from grievance_desk.ui.main_window import CASES, MainWindow
from tests.conftest import NOW
from tests.support.drafts import make_draft
from tests.ui.conftest import settle
from tests.ui.journeys.helpers import case_file


@pytest.fixture
def seeded(runner, office_register: Register) -> str:  # type: ignore[no-untyped-def]
    """One fictitious case, registered before the window opens."""
    return runner.call(lambda: register_case(office_register, make_draft(), now=NOW))


def test_copy_email_address_then_lock_clears_it(
    qtbot, runner, seeded: str, desk: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window = desk
    assert window.workspace is not None
    nav = window.workspace.nav
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(CASES)).center()
    )
    settle(qtbot, runner)
    table = window.workspace.cases.table
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    index = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if model.data(model.index(r, 0), REFERENCE_ROLE) == seeded
    )
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    view = case_file(window)
    qtbot.waitUntil(lambda: view.reference == seeded, timeout=10_000)
    assert view.clipboard.clear_after_ms == CLEAR_AFTER_MS == 30_000

    header = view.header
    assert header.copy_button.isVisible()
    header.copy_actions["email"].trigger()  # the menu's "Copy e-mail address"
    assert QGuiApplication.clipboard().text() == "alpha@example.org"
    assert header.copied.text() == "Copied; cleared in 30 s"

    window.lock_action.trigger()
    qtbot.waitUntil(lambda: window.is_locked, timeout=10_000)
    assert QGuiApplication.clipboard().text() == ""
