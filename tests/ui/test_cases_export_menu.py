"""The Cases list: export what is shown, the row menu, the empty states, the sort arrow."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from grievance_desk.domain.case_record import CaseDraft, Requester
from grievance_desk.domain.case_types import CaseKind, Channel, RequestType
from grievance_desk.services.cases import register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.services.spreadsheet_io import read_rows
from grievance_desk.storage.register import Register
from grievance_desk.ui.export_dialog import ExportDialog
from grievance_desk.ui.main_window import MainWindow
from tests.ui.conftest import settle


def _fill(runner, register: Register) -> list[str]:  # type: ignore[no-untyped-def]
    def work() -> list[str]:
        now = utc_now()
        return [
            register_case(
                register,
                CaseDraft(
                    kind=CaseKind.RIGHTS_REQUEST,
                    request_type=RequestType.ACCESS,
                    channel=Channel.EMAIL,
                    received_at=now - timedelta(days=5 - n),
                    requester=Requester(name=name, email=f"p{n}@example.org"),
                ),
                now=now,
            )
            for n, name in enumerate(["Test Alpha", "Test Bravo", "Test Alpha Two"])
        ]

    return list(runner.call(work))


def _cases_page(qtbot, runner, window: MainWindow):  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.page_actions[1].trigger()
    settle(qtbot, runner)
    assert window.workspace is not None
    return window.workspace.cases


def test_export_the_searched_list_after_the_warning(
    qtbot, runner, window: MainWindow, ui_register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    refs = _fill(runner, ui_register)
    window.workspace.load_pages()  # type: ignore[union-attr]
    cases = _cases_page(qtbot, runner, window)
    qtbot.keyClicks(cases.search, "Alpha")
    qtbot.waitUntil(lambda: cases.model.rowCount() == 2, timeout=10_000)

    window.export_list_action.trigger()  # File → Export case list… (Ctrl+E)
    dialog = cases.last_export_dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    assert "NOT encrypted" in dialog.warning.text()
    assert "The 2 cases in the list" in dialog.what.text()
    assert "Alpha" in dialog.what.text()
    target = tmp_path / "alpha.csv"
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(target))
    assert dialog.format.currentData() == "csv"  # follows the typed name
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and not dialog.isVisible(), timeout=15_000)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    exported = [str(row["reference"]) for _line, row in read_rows(target)]
    assert sorted(exported) == sorted([refs[0], refs[2]])
    assert "Exported 2 cases" in window.statusBar().currentMessage()


def test_row_menu_copies_the_reference_and_exports_the_selection(
    qtbot, runner, window: MainWindow, ui_register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    refs = _fill(runner, ui_register)
    window.workspace.load_pages()  # type: ignore[union-attr]
    cases = _cases_page(qtbot, runner, window)
    qtbot.waitUntil(lambda: cases.model.rowCount() == 3, timeout=10_000)
    settle(qtbot, runner)
    # Newest first by default, and the arrow shows on the reference column.
    header = cases.table.horizontalHeader()
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert not cases.table.isColumnHidden(0)

    rect = cases.table.visualRect(cases.model.index(1, 0))
    cases.table.customContextMenuRequested.emit(rect.center())  # what a right-click sends
    menu = cases.last_menu
    assert menu is not None and menu.isVisible()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Open", "Copy reference", "New letter…", "Export this case…"]
    second = refs[1]  # row 1 of newest-first is the middle case
    menu.actions()[1].trigger()
    assert QApplication.clipboard().text() == second

    cases.table.customContextMenuRequested.emit(rect.center())
    export = next(a for a in cases.last_menu.actions() if a.text() == "Export this case…")
    export.trigger()
    dialog = cases.last_export_dialog
    assert f"The selected case {second}." == dialog.what.text()
    target = tmp_path / "one.xlsx"
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists() and not dialog.isVisible(), timeout=15_000)
    assert [str(row["reference"]) for _line, row in read_rows(target)] == [second]


def test_a_search_with_no_match_says_so_and_offers_all_cases(
    qtbot, runner, window: MainWindow, ui_register: Register
) -> None:  # type: ignore[no-untyped-def]
    _fill(runner, ui_register)
    window.workspace.load_pages()  # type: ignore[union-attr]
    cases = _cases_page(qtbot, runner, window)
    qtbot.keyClicks(cases.search, "Zulu")
    qtbot.waitUntil(lambda: cases.empty_state.isVisible(), timeout=10_000)
    assert cases.empty_state.title.text() == "No cases match"
    qtbot.mouseClick(cases.empty_state.first_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cases.model.rowCount() == 3, timeout=10_000)
    assert cases.search.text() == ""
    assert not cases.empty_state.isVisible()


def test_the_empty_registers_new_case_button_opens_the_form(
    qtbot, runner, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    cases = _cases_page(qtbot, runner, window)
    qtbot.waitUntil(lambda: cases.empty_state.isVisible(), timeout=10_000)
    qtbot.mouseClick(cases.empty_state.first_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=10_000)  # read on the worker
    dialog = window.last_dialog
    assert dialog.isVisible()
    assert dialog.form.categories_box.isVisible()
    dialog.reject()
