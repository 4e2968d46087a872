"""Journey 4: an officer brings their spreadsheet register in from the window (issue 13).

The real MainWindow at 1366x768 on a fresh register, driven only through what is on screen:
the Cases page's empty state, the import dialog's fields and buttons, the File menu's
actions. The file has a bad row: it is listed with its line and fix, the good rows go in.
Self-contained: the fixtures come from tests/ui/conftest.py (window, runner, register).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from grievance_desk.services.case_queries import CaseFilter, count_cases
from grievance_desk.services.clock import utc_now
from grievance_desk.storage.register import Register
from grievance_desk.ui.import_dialog import ImportDialog
from grievance_desk.ui.main_window import MainWindow
from tests.ui.conftest import settle

CSV = (
    "Ref No,Date Received,Type of Request,Complainant,Email ID,Mobile,Remarks\n"
    ",01/11/2026,Deletion,Test Person One,one@example.org,+91 98765 43210,Fictitious\n"
    ",31/02/2026,Access,Test Person Two,two@example.org,,Impossible date\n"
    ",03/11/2026,Correction,Test Person Three,three@example.org,,Fictitious\n"
    ",04/11/2026,Access,Test Person Four,four@example.org,,Fictitious\n"
)


def _visible(kind: type[QWidget]) -> QWidget:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1, f"expected one visible {kind.__name__}, found {len(found)}"
    return found[0]


def _case_count(runner, register: Register) -> int:  # type: ignore[no-untyped-def]
    def count() -> int:
        with register.reading() as session:
            return count_cases(session, CaseFilter(), now=utc_now())

    return int(runner.call(count))


def _open_cases_page(qtbot, runner, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.page_actions[1].trigger()  # Ctrl+2
    settle(qtbot, runner)
    assert window.workspace is not None


def test_import_a_spreadsheet_with_a_bad_row_from_the_empty_register(
    qtbot, runner, window: MainWindow, ui_register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "old register.csv"
    source.write_text(CSV, encoding="utf-8")
    _open_cases_page(qtbot, runner, window)
    cases = window.workspace.cases  # type: ignore[union-attr]

    # A fresh register says what to do, and offers it.
    empty = cases.empty_state
    qtbot.waitUntil(empty.isVisible, timeout=10_000)
    assert "Create your first case (Ctrl+N) or import your spreadsheet" in empty.text.text()
    qtbot.mouseClick(empty.second_button, Qt.MouseButton.LeftButton)
    dialog = _visible(ImportDialog)
    assert isinstance(dialog, ImportDialog)
    assert not dialog.import_button.isEnabled()

    # Pick the file (typed: the file picker is the OS's) and check it.
    qtbot.keyClicks(dialog.path, str(source))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.checked is not None, timeout=20_000)
    assert _case_count(runner, ui_register) == 0  # a check saves nothing

    summary = dialog.summary.text()
    assert "4 rows read" in summary and "3 can be imported" in summary
    assert dialog.problems.isVisible()
    assert dialog.problems.rowCount() == 1
    assert dialog.problems.item(0, 0).text() == "3"  # the spreadsheet's line
    assert dialog.problems.item(0, 1).text() == "Date Received"  # the officer's header
    assert "31/02/2026" in dialog.problems.item(0, 2).text()
    assert "Remarks" not in summary  # a known spelling of description, not ignored
    assert dialog.import_button.text() == "Import 3 good rows"

    # Import the good ones.
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=20_000)
    assert dialog.summary.text().startswith("Imported 3 cases (GRV-")
    assert "1 row with problems was not imported" in dialog.summary.text()
    assert _case_count(runner, ui_register) == 3
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    # The list shows them, and the empty state is gone.
    qtbot.waitUntil(lambda: cases.model.rowCount() == 3, timeout=10_000)
    settle(qtbot, runner)
    assert not empty.isVisible()
    assert cases.count_label.text() == "3 cases"


def test_import_nothing_leaves_the_register_as_it_was(
    qtbot, runner, window: MainWindow, ui_register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "register.csv"
    source.write_text(CSV, encoding="utf-8")
    _open_cases_page(qtbot, runner, window)
    window.import_sheet_action.trigger()  # File → Import spreadsheet… (Ctrl+I)
    dialog = _visible(ImportDialog)
    assert isinstance(dialog, ImportDialog)
    qtbot.keyClicks(dialog.path, str(source))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.checked is not None, timeout=20_000)
    assert dialog.close_button.text() == "Import nothing"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)
    assert _case_count(runner, ui_register) == 0


def test_a_broken_file_gets_its_message_and_nothing_to_import(
    qtbot, runner, window: MainWindow, ui_register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "broken.csv"
    source.write_text(
        "received,request_type,requester_name\n"
        "01/11/2026,access,Test Person One\n"
        '02/11/2026,erasure,"Test Person Two\n'
        "03/11/2026,access,Test Person Three\n",
        encoding="utf-8",
    )
    _open_cases_page(qtbot, runner, window)
    window.import_sheet_action.trigger()
    dialog = _visible(ImportDialog)
    assert isinstance(dialog, ImportDialog)
    qtbot.keyClicks(dialog.path, str(source))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing can be imported" in dialog.summary.text(), timeout=20_000)
    assert "never closed" in dialog.summary.text()
    assert "row 3" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert _case_count(runner, ui_register) == 0
