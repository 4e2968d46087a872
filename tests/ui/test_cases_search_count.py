"""Search as you type counts matches only up to a cap; scrolling to the end counts them all."""

from __future__ import annotations

from datetime import timedelta

import pytest

from grievance_desk.domain.case_record import Requester
from grievance_desk.services.cases import register_case
from grievance_desk.storage.register import Register
from grievance_desk.ui import cases_table_model
from grievance_desk.ui.cases_page import CasesPage
from grievance_desk.ui.ops import OpRunner
from grievance_desk.ui.private_files import PrivateFiles
from tests.conftest import NOW
from tests.support.drafts import make_draft
from tests.ui.conftest import settle


def test_capped_count_shows_plus_and_fetch_more_counts_all(  # type: ignore[no-untyped-def]
    qtbot, runner: OpRunner, ui_register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cases_table_model, "SEARCH_COUNT_CAP", 3)
    for i in range(8):
        draft = make_draft(
            requester=Requester(name=f"Marigold Person {i}", email=f"m{i}@example.org"),
            received_at=NOW - timedelta(days=i),
        )
        runner.call(lambda d=draft: register_case(ui_register, d, now=NOW))
    page = CasesPage(runner, PrivateFiles())
    qtbot.addWidget(page)
    page.model.reload()
    settle(qtbot, runner)
    assert page.model.rowCount() == 8 and not page.model.count_capped
    assert page.count_label.text() == "8 cases"

    page.search.setText("marigold")
    page._debounce.stop()
    page.apply_filters()
    qtbot.waitUntil(lambda: page.model.count_capped, timeout=10_000)
    assert page.model.rowCount() == 3
    assert page.count_label.text() == "3+ cases"
    assert page.model.canFetchMore()

    page.model.fetchMore()
    qtbot.waitUntil(lambda: page.model.rowCount() == 8, timeout=10_000)
    assert not page.model.count_capped and not page.model.canFetchMore()
    assert page.count_label.text() == "8 cases"
    settle(qtbot, runner)
    names = [page.model.row_at(r) for r in range(8)]
    settle(qtbot, runner)
    names = [page.model.row_at(r) for r in range(8)]
    assert all(n is not None for n in names)

    page.search.setText("Marigold Person 5")
    page._debounce.stop()
    page.apply_filters()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert not page.model.count_capped and page.count_label.text() == "1 case"
    settle(qtbot, runner)
