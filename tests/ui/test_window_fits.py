"""The window fits a 1366x768 laptop and a 1024x640 window, and no page ever resizes it.

Issue 13: the window opened at 1280x800 with a minimum width of 1165, and building a report
widened it to 1391 pixels. Driven through the navigation list and the Build button.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt

from grievance_desk.services.clock import utc_now
from grievance_desk.services.demo_data import fill_demo_register
from grievance_desk.storage.register import Register
from grievance_desk.ui.main_window import MainWindow
from grievance_desk.ui.ops import OpRunner
from tests.ui.conftest import settle


def _visit_every_page(qtbot, runner: OpRunner, window: MainWindow) -> list[QSize]:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    sizes = []
    for row in range(workspace.nav.count()):
        rect = workspace.nav.visualItemRect(workspace.nav.item(row))
        qtbot.mouseClick(workspace.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        settle(qtbot, runner)
        if row == 2:
            qtbot.mouseClick(workspace.reports.build_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: workspace.reports.report is not None, timeout=20_000)
            settle(qtbot, runner)
        if row == 1 and workspace.cases.table.model().rowCount():
            index = workspace.cases.table.model().index(0, 0)
            point = workspace.cases.table.visualRect(index).center()
            qtbot.mouseClick(workspace.cases.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
            settle(qtbot, runner)
            tabs = workspace.cases.case_file.tabs
            for tab in range(tabs.count()):
                qtbot.mouseClick(
                    tabs.tabBar(),
                    Qt.MouseButton.LeftButton,
                    pos=tabs.tabBar().tabRect(tab).center(),
                )
                settle(qtbot, runner)
                sizes.append(window.size())
        sizes.append(window.size())
    return sizes


def test_no_page_resizes_a_1366x768_window_and_it_shrinks_to_1024x640(
    qtbot, runner: OpRunner, ui_register: Register, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    runner.call(lambda: fill_demo_register(ui_register, now=utc_now(), count=30))
    window.workspace.load_pages()  # type: ignore[union-attr]
    window.resize(1366, 768)
    settle(qtbot, runner)
    for size in _visit_every_page(qtbot, runner, window):
        assert size == QSize(1366, 768)
    window.resize(1024, 640)
    settle(qtbot, runner)
    assert window.size() == QSize(1024, 640)
    for size in _visit_every_page(qtbot, runner, window):
        assert size == QSize(1024, 640)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 640, hint


def test_the_window_opens_inside_the_screen(qtbot, runner: OpRunner, register_path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(runner, register_path)
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    assert area.contains(window.geometry().topLeft() + QPoint(1, 1))


def test_a_long_register_path_elides_in_the_status_bar(qtbot, runner: OpRunner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    deep = tmp_path.joinpath(*["a-very-long-folder-name"] * 12) / "register.db"
    window = MainWindow(runner, deep)
    qtbot.addWidget(window)
    window.show()
    window.resize(1024, 640)
    qtbot.wait(20)
    assert window.size() == QSize(1024, 640)
    assert window.register_label.toolTip() == str(deep)


def test_the_reports_empty_state_shows_all_its_text(
    qtbot, runner: OpRunner, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: the Reports page's empty state was cut off after its first line."""
    window.resize(1366, 768)
    workspace = window.workspace
    assert workspace is not None
    nav = workspace.nav
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(2)).center()
    )
    settle(qtbot, runner)
    text = workspace.reports.placeholder
    assert text.isVisible()
    assert text.height() >= text.heightForWidth(text.width()) > text.fontMetrics().height() * 2


def test_status_bar_texts_do_not_overlap_at_start(qtbot, runner: OpRunner, register_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: at start the "Locked" message was painted over the register's path."""
    window = MainWindow(runner, register_path)
    qtbot.addWidget(window)
    window.show()
    window.resize(1024, 640)
    qtbot.wait(50)
    bar = window.statusBar()
    message = bar.currentMessage()
    assert message.startswith("Locked")
    label = window.register_label
    lock = window.lock_label
    assert label.isVisible() and lock.isVisible()
    assert not label.geometry().intersects(lock.geometry())
    assert label.geometry().left() >= bar.fontMetrics().horizontalAdvance(message)
