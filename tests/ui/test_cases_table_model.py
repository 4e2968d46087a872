"""The cases model on its own: rows from a page source, no register, no view (issue 16.6).

The source here answers from a list, on the next turn of the event loop as the worker
thread's replies do, and records what the model asked for; the model is the real one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QObject, Qt, QTimer

from grievance_desk.domain.case_types import RequestType
from grievance_desk.domain.workflow import Status
from grievance_desk.services.case_queries import PAGE_SIZE, SEARCH_COUNT_CAP, CaseFilter, CaseRow
from grievance_desk.ui.case_pages import FirstPage, PageQuery
from grievance_desk.ui.cases_table_model import MAX_PAGES, PLACEHOLDER, CasesTableModel

KOLKATA = ZoneInfo("Asia/Kolkata")
RECEIVED = datetime(2026, 11, 2, 5, 0, tzinfo=UTC)


def _row(number: int) -> CaseRow:
    return CaseRow(
        id=number,
        reference=f"GRV-2026-{number:05d}",
        received_at=RECEIVED + timedelta(minutes=number),
        requester_name=f"Test Person {number}",
        request_type=RequestType.ACCESS,
        status=Status.NEW,
        next_due_at=RECEIVED + timedelta(days=30),
        next_due_kind="respond",
        days_left=-2 if number % 2 else 12,
        policy_id=None,
    )


class ListPages:
    """A page source over a list of rows; replies arrive later, as from the worker."""

    def __init__(self, rows: list[CaseRow]) -> None:
        self.rows = rows
        self.asked: list[tuple[str, object]] = []
        self.fail_next = False

    def _later(self, reply: Callable[[], object]) -> None:
        QTimer.singleShot(0, reply)

    def _matching(self, filters: CaseFilter) -> list[CaseRow]:
        typed = filters.text.strip().lower()
        return [r for r in self.rows if typed in r.requester_name.lower()]

    def first_page(
        self,
        query: PageQuery,
        at_most: int | None,
        reply: Callable[[FirstPage], object],
        failed: Callable[[Exception], object],
        owner: QObject,
    ) -> None:
        self.asked.append(("first", query.filters.text))
        if self.fail_next:
            self.fail_next = False
            self._later(lambda: failed(RuntimeError("locked")))
            return
        matches = self._matching(query.filters)
        total = min(len(matches), at_most) if at_most is not None else len(matches)
        self._later(lambda: reply(FirstPage(total, KOLKATA, matches[:PAGE_SIZE])))

    def page(
        self,
        query: PageQuery,
        number: int,
        reply: Callable[[list[CaseRow]], object],
        failed: Callable[[Exception], object],
        owner: QObject,
    ) -> None:
        self.asked.append(("page", number))
        start = number * PAGE_SIZE
        rows = self._matching(query.filters)[start : start + PAGE_SIZE]
        self._later(lambda: reply(rows))

    def count(
        self,
        filters: CaseFilter,
        reply: Callable[[int], object],
        failed: Callable[[Exception], object],
        owner: QObject,
    ) -> None:
        self.asked.append(("count", filters.text))
        total = len(self._matching(filters))
        self._later(lambda: reply(total))


@pytest.fixture
def source() -> ListPages:
    return ListPages([_row(n) for n in range(1, 2_601)])


@pytest.fixture
def model(qtbot, source: ListPages) -> CasesTableModel:  # type: ignore[no-untyped-def]
    table = CasesTableModel(source)
    with qtbot.waitSignal(table.sig_count_changed, timeout=2000):
        table.reload()
    return table


def test_first_page_and_count_arrive_together(model: CasesTableModel, source: ListPages) -> None:
    assert model.rowCount() == 2_600
    assert model.data(model.index(0, 0)) == "GRV-2026-00001"
    assert model.data(model.index(0, 1)) == "02 Nov 2026"  # in the officer's zone
    assert model.data(model.index(0, 6)) == "2 overdue"
    assert model.data(model.index(1, 6)) == "12"
    assert source.asked == [("first", "")]


def test_a_row_on_a_missing_page_shows_a_placeholder_then_its_data(
    qtbot,  # type: ignore[no-untyped-def]
    model: CasesTableModel,
    source: ListPages,
) -> None:
    row = 3 * PAGE_SIZE + 7
    assert model.data(model.index(row, 0)) == PLACEHOLDER
    assert model.data(model.index(row, 0)) == PLACEHOLDER  # asked once, not twice
    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        pass
    assert source.asked.count(("page", 3)) == 1
    assert model.data(model.index(row, 0)) == f"GRV-2026-{row + 1:05d}"
    assert model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole) == f"Test Person {row + 1}"


def test_a_reply_for_an_older_query_is_dropped(qtbot, source: ListPages) -> None:  # type: ignore[no-untyped-def]
    model = CasesTableModel(source)
    model.reload()
    model.set_filters(CaseFilter(text="Person 2499"))
    with qtbot.waitSignal(model.sig_count_changed, timeout=2000) as counted:
        pass
    qtbot.wait(20)  # both replies delivered
    assert counted.args == [1]
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "GRV-2026-02499"


def test_a_capped_search_counts_everything_when_the_view_reaches_the_end(
    qtbot,  # type: ignore[no-untyped-def]
    source: ListPages,
) -> None:
    model = CasesTableModel(source)
    with qtbot.waitSignal(model.sig_count_changed, timeout=2000):
        model.set_filters(CaseFilter(text="Person"))
    assert model.rowCount() == SEARCH_COUNT_CAP and model.count_capped
    assert model.canFetchMore()
    with qtbot.waitSignal(model.rowsInserted, timeout=2000):
        model.fetchMore()
    assert model.rowCount() == 2_600 and not model.canFetchMore()
    assert ("count", "Person") in source.asked


def test_only_a_window_of_pages_is_kept(qtbot, model: CasesTableModel) -> None:  # type: ignore[no-untyped-def]
    for page in range(1, MAX_PAGES + 1):
        model.data(model.index(page * PAGE_SIZE, 0))
    qtbot.waitUntil(lambda: model.pages_fetched == MAX_PAGES + 1, timeout=3000)
    assert model.cached_rows == MAX_PAGES * PAGE_SIZE  # page 0, the oldest, was dropped


def test_a_failed_load_leaves_an_empty_loaded_list(qtbot, source: ListPages) -> None:  # type: ignore[no-untyped-def]
    source.fail_next = True
    model = CasesTableModel(source)
    with qtbot.waitSignal(model.sig_count_changed, timeout=2000) as counted:
        model.reload()
    assert counted.args == [0] and model.loaded and model.rowCount() == 0


def test_clear_forgets_every_row(model: CasesTableModel) -> None:
    model.clear()
    assert model.rowCount() == 0 and model.cached_rows == 0
