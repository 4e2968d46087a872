"""Attaching several files from the case file is one use case (issue 16.3): all or none.

Before, the Files tab's Add… button added each chosen file in its own transaction, so a
refused third file kept the first two in the register while the window said "Not attached".
The officer's file choice is the only thing replaced (QFileDialog.getOpenFileNames).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import text

from grievance_desk.services.cases import register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from grievance_desk.ui.main_window import MainWindow
from grievance_desk.ui.ops import OpRunner
from tests.support.drafts import make_draft
from tests.ui.conftest import settle
from tests.ui.test_open_attachment_ui import _click_the_case


def _counts(register: Register) -> tuple[int, int]:
    with register.reading() as session:
        files = session.execute(text("SELECT count(*) FROM attachment")).scalar_one()
        events = session.execute(text("SELECT count(*) FROM audit_event")).scalar_one()
    return int(files), int(events)


def _choose(monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *_a, **_k: ([str(p) for p in paths], "")),
    )


def _press_add(qtbot, runner: OpRunner, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    case_file = window.workspace.cases.case_file  # type: ignore[union-attr]
    tabs = case_file.tabs
    tabs.setCurrentWidget(case_file.files_tab)
    qtbot.mouseClick(case_file.files_tab.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)


def _files(tmp_path: Path) -> list[Path]:
    paths = []
    for name, data in (
        ("letter.pdf", b"%PDF-1.4 fictitious letter"),
        ("note.txt", b"A fictitious note."),
        ("scan.pdf", b"%PDF-1.4 " + b"x" * 200),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def _case(runner: OpRunner, register: Register, limit: int | None = None) -> str:
    def work() -> str:
        if limit is not None:
            with register.writing() as session:
                put_setting(session, "attachments.max_bytes", limit)
        return register_case(register, make_draft(), now=utc_now())

    return runner.call(work)


def test_a_refused_third_file_leaves_none_attached(  # type: ignore[no-untyped-def]
    qtbot, runner, window, ui_register: Register, tmp_path: Path, monkeypatch
) -> None:
    reference = _case(runner, ui_register, limit=100)
    _click_the_case(qtbot, runner, window, reference)
    before = runner.call(lambda: _counts(ui_register))
    _choose(monkeypatch, _files(tmp_path))
    _press_add(qtbot, runner, window)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QMessageBox) and w.objectName() == "error_box" and w.isVisible()
            for w in QApplication.topLevelWidgets() + window.findChildren(QMessageBox)
        ),
        timeout=10_000,
    )
    box = next(
        w
        for w in QApplication.topLevelWidgets() + window.findChildren(QMessageBox)
        if isinstance(w, QMessageBox) and w.objectName() == "error_box" and w.isVisible()
    )
    assert box.windowTitle() == "Not attached"
    assert "scan.pdf" in box.text()
    assert runner.call(lambda: _counts(ui_register)) == before, "some files were kept"
    box.close()


def test_the_chosen_files_are_attached_together(  # type: ignore[no-untyped-def]
    qtbot, runner, window, ui_register: Register, tmp_path: Path, monkeypatch
) -> None:
    reference = _case(runner, ui_register)
    _click_the_case(qtbot, runner, window, reference)
    before = runner.call(lambda: _counts(ui_register))
    _choose(monkeypatch, _files(tmp_path))
    _press_add(qtbot, runner, window)
    tree = window.workspace.cases.case_file.attachments  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 3, timeout=10_000)
    assert runner.call(lambda: _counts(ui_register)) == (before[0] + 3, before[1] + 3)
