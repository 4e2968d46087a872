"""The cases list's own cell painter draws the pixels Qt's would (issue 16, search p95).

`cases_page.CellTextDelegate` paints plain cells from cached laid-out text, and works out
once per font and palette what every cell shares. These tests grab the real table drawn by
it and by Qt's own `QStyledItemDelegate` and compare the images with the default font, a
larger one, another palette and a disabled table: a cache that kept a stale font, colour or
elided text would show here. (The painter drew a changed font at its old size until this
test was written.)
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QFont, QImage, QPalette
from PySide6.QtWidgets import QStyledItemDelegate

from grievance_desk.domain.case_record import Requester
from grievance_desk.services.cases import register_case
from grievance_desk.storage.register import Register
from grievance_desk.ui.cases_page import CasesPage, CellTextDelegate
from grievance_desk.ui.ops import OpRunner
from grievance_desk.ui.private_files import PrivateFiles
from tests.conftest import NOW
from tests.support.drafts import make_draft
from tests.ui.conftest import settle

NAMES = ("Test Person Quince", "टेस्ट व्यक्ति अनिता (परीक्षण)", "A Very Long Fictitious Name " * 3)


def _page(qtbot, runner: OpRunner, register: Register) -> CasesPage:  # type: ignore[no-untyped-def]
    for i, name in enumerate(NAMES * 3):
        draft = make_draft(
            requester=Requester(name=name, email=f"p{i}@example.org"),
            received_at=NOW - timedelta(days=i * 9),
        )
        runner.call(lambda d=draft: register_case(register, d, now=NOW))
    page = CasesPage(runner, PrivateFiles())
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    page.model.reload()
    settle(qtbot, runner)
    assert page.model.rowCount() == 9
    return page


def _drawn(page: CasesPage, delegate: QStyledItemDelegate) -> QImage:
    page.table.setItemDelegate(delegate)
    page.table.clearSelection()
    page.table.setCurrentIndex(page.model.index(-1, -1))
    return page.table.viewport().grab().toImage()


def _same_as_qt(page: CasesPage, ours: CellTextDelegate) -> bool:
    mine = _drawn(page, ours)
    theirs = _drawn(page, QStyledItemDelegate(page.table))
    return mine == theirs


def test_cells_match_qt_painting_across_fonts_and_palettes(qtbot, runner, ui_register) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, runner, ui_register)
    ours = page.table.itemDelegate()
    assert isinstance(ours, CellTextDelegate)
    assert _same_as_qt(page, ours), "default font"

    bigger = QFont(page.table.font())
    bigger.setPointSizeF(bigger.pointSizeF() + 3)
    page.table.setFont(bigger)
    assert _same_as_qt(page, ours), "a larger font after the first paint"

    palette = QPalette(page.table.palette())
    palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.Highlight))
    page.table.setPalette(palette)
    assert _same_as_qt(page, ours), "a changed palette after the first paint"

    page.table.setEnabled(False)
    assert _same_as_qt(page, ours), "a disabled table"
