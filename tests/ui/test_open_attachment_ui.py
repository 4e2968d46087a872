"""Open on an attachment: a sanitised 0600 copy named by the file's bytes, programs refused.

Driven through the case file's Attachments tab and its Open button. The system viewer is
replaced by a recorder (``QDesktopServices.openUrl``), so no program starts in a test.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from grievance_desk.services.attachments import add_attachment
from grievance_desk.services.cases import register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.storage.register import Register
from grievance_desk.ui.main_window import MainWindow
from grievance_desk.ui.ops import OpRunner
from tests.support.drafts import make_draft
from tests.ui.conftest import settle

PDF = b"%PDF-1.7\n%%EOF\n"
EXE = b"MZ\x90\x00" + b"\x00" * 60


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    urls: list[Path] = []

    def record(url: QUrl) -> bool:
        urls.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return urls


def _open_attachment(qtbot, runner: OpRunner, window: MainWindow, filename: str) -> None:  # type: ignore[no-untyped-def]
    case_file = window.workspace.cases.case_file  # type: ignore[union-attr]
    tabs = case_file.tabs
    for index in range(tabs.count()):
        if "ttachment" in tabs.tabText(index):
            qtbot.mouseClick(
                tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center()
            )
    settle(qtbot, runner)
    tree = case_file.attachments
    items = tree.findItems(filename, Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive)
    assert items, [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    tree.scrollToItem(items[0])
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(items[0]).center()
    )
    qtbot.mouseClick(case_file.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)


def _click_the_case(qtbot, runner: OpRunner, window: MainWindow, reference: str) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    nav = workspace.nav
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(1)).center()
    )
    settle(qtbot, runner)
    table = workspace.cases.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(0, 0)).center(),
    )
    settle(qtbot, runner)
    assert workspace.cases.case_file.reference == reference


def _case_with(ui_register: Register, runner: OpRunner, filename: str, data: bytes) -> str:
    def work() -> str:
        now = utc_now()
        reference = register_case(ui_register, make_draft(), now=now)
        add_attachment(ui_register, reference, filename, data, now=now)
        return reference

    return runner.call(work)


def test_a_pdf_with_a_right_to_left_name_opens_as_a_private_pdf_copy(
    qtbot, runner: OpRunner, ui_register: Register, window: MainWindow, opened: list[Path]
) -> None:  # type: ignore[no-untyped-def]
    reference = _case_with(ui_register, runner, "invoice\u202efdp.exe", PDF)
    _click_the_case(qtbot, runner, window, reference)
    _open_attachment(qtbot, runner, window, "invoice")
    assert len(opened) == 1
    copy = opened[0]
    assert copy.name == "invoicefdp.pdf"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert copy.read_bytes() == PDF
    window.lock()
    assert not copy.exists()  # removed on lock (and after a few minutes, and on quit)


def test_a_program_is_never_handed_to_the_system(
    qtbot, runner: OpRunner, ui_register: Register, window: MainWindow, opened: list[Path]
) -> None:  # type: ignore[no-untyped-def]
    reference = _case_with(ui_register, runner, "invoice.pdf", EXE)
    _click_the_case(qtbot, runner, window, reference)
    _open_attachment(qtbot, runner, window, "invoice")
    assert opened == []
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "never runs programs" in boxes[-1].text()
    assert window.files.count == 0
    boxes[-1].accept()
