"""Journeys through the real window, pressed as the officer presses (issue 13).

(1) first run: wizard, a phone complaint entered by hand, acknowledgement issued and saved
    as a PDF (owner-only, read back with pypdf);
(5) monthly report, drill-down to its cases, back to the report;
(7) a second launch raises the first window instead of opening another.

Only visible widgets are used: QAction.trigger, mouse clicks on buttons, list rows and tabs,
typing into fields. The operating system's own pieces are replaced where a test cannot
press them: the save-file dialog returns a path in tmp_path.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from grievance_desk.services.clock import utc_now
from grievance_desk.services.demo_data import fill_demo_register
from grievance_desk.storage.register import Register
from grievance_desk.ui.main import Launch, start
from grievance_desk.ui.main_window import MainWindow
from grievance_desk.ui.ops import OpRunner
from tests.ui.conftest import settle

ROOT = Path(__file__).resolve().parents[3]
LAPTOP = QSize(1366, 768)


def click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """A left click in the middle of a visible, enabled widget."""
    assert widget.isVisible(), widget
    assert widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def click_nav(qtbot, runner: OpRunner, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    nav = workspace.nav
    (item,) = [nav.item(row) for row in range(nav.count()) if nav.item(row).text() == text]
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center()
    )
    settle(qtbot, runner)


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible button whose text (without the & of its shortcut) is ``text``."""
    found = [
        b
        for b in parent.findChildren(QAbstractButton)
        if b.text().replace("&", "") == text and b.isVisible()
    ]
    assert found, f"no visible button {text!r}"
    return found[0]


# -- (5) monthly report → drill-down → back ----------------------------------------------


@pytest.fixture
def demo_window(qtbot, runner: OpRunner, ui_register: Register, window: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    runner.call(lambda: fill_demo_register(ui_register, now=utc_now(), count=60))
    window.resize(LAPTOP)
    click_nav(qtbot, runner, window, "Cases")
    click_nav(qtbot, runner, window, "Today")
    return window


def test_journey_5_monthly_report_drill_down_and_back(
    qtbot, runner: OpRunner, demo_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    click_nav(qtbot, runner, window, "Reports")
    reports = window.workspace.reports  # type: ignore[union-attr]
    assert reports.stack.currentIndex() == 0  # the empty state, until a report is built
    # The month picker offers months, last month first chosen; this month is a key away.
    last_month = (utc_now().date().replace(day=1) - timedelta(days=1)).strftime("%B %Y")
    assert reports.month.currentText() == last_month
    reports.month.setFocus()
    qtbot.keyClick(reports.month, Qt.Key.Key_Up)
    assert reports.month.currentText().endswith("(to date)")
    qtbot.keyClick(reports.month, Qt.Key.Key_Down)
    assert reports.month.currentText() == last_month
    click(qtbot, reports.build_button)
    qtbot.waitUntil(lambda: reports.report is not None, timeout=30_000)
    settle(qtbot, runner)
    assert window.size() == LAPTOP  # building the report never widens the window
    heading = reports.heading.text()
    received = next(
        tile
        for tile in reports.findChildren(QAbstractButton)
        if getattr(tile, "key", None) == "received"
    )
    expected = next(f for f in reports.report.headline if f.key == "received")  # type: ignore[union-attr]
    assert expected.references, "the demo register receives cases this month"
    click(qtbot, received)
    settle(qtbot, runner)
    cases = window.workspace.cases  # type: ignore[union-attr]
    assert window.workspace.nav.currentRow() == 1  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: cases.table.model().rowCount() == len(expected.references))
    shown = {
        cases.table.model().index(row, 0).data() for row in range(cases.table.model().rowCount())
    }
    assert shown == set(expected.references)
    assert cases.drill_chip.isVisible()
    # Back to the report: it is still there, as it was.
    click_nav(qtbot, runner, window, "Reports")
    assert reports.stack.currentIndex() == 1
    assert reports.heading.text() == heading
    assert window.size() == LAPTOP


def test_journey_5_a_row_with_no_cases_stays_on_the_report(
    qtbot, runner: OpRunner, demo_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    from grievance_desk.ui.reports_page import BreakdownTable

    window = demo_window
    click_nav(qtbot, runner, window, "Reports")
    reports = window.workspace.reports  # type: ignore[union-attr]
    click(qtbot, reports.build_button)
    qtbot.waitUntil(lambda: reports.report is not None, timeout=30_000)
    settle(qtbot, runner)
    empty = [
        (table, row)
        for table in reports.findChildren(BreakdownTable)
        for row in range(table.rowCount())
        if table.item(row, 1).text() == "0"
    ]
    assert empty, "the demo report has a breakdown row with no cases"
    table, row = empty[0]
    reports.stack.widget(1).ensureWidgetVisible(table)  # type: ignore[attr-defined]
    settle(qtbot, runner)
    point = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    settle(qtbot, runner)
    assert window.workspace.nav.currentRow() == 2  # type: ignore[union-attr]


# -- (7) a second launch raises the first window -----------------------------------------


@pytest.fixture
def launched(qtbot, runner: OpRunner, ui_register: Register) -> Iterator[Launch]:  # type: ignore[no-untyped-def]
    path = ui_register.path
    runner.call(ui_register.close)
    launch = start(path, runner=runner)
    assert launch is not None
    for window in launch.windows:
        qtbot.addWidget(window)
    yield launch
    launch.instance.close()
    for window in launch.windows:
        window.close()


def _second_launch(path: Path, tmp_path: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        GRIEVANCE_DESK_KDF_PROFILE="fast",
        GRIEVANCE_DESK_LOG_DIR=str(tmp_path / "second-logs"),
        XDG_CONFIG_HOME=str(tmp_path / "second-config"),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "grievance_desk", "gui", "--register", str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_journey_7_a_second_launch_raises_the_first_window(
    qtbot, launched: Launch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    (window,) = launched.windows
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    second = _second_launch(window.register_path, tmp_path)
    try:
        deadline = time.monotonic() + 60
        while second.poll() is None and time.monotonic() < deadline:
            qtbot.wait(50)  # the first instance's event loop answers the second
    finally:
        if second.poll() is None:  # it opened a window of its own: the defect
            second.kill()
            second.wait()
    assert second.returncode == 0, second.stderr.read() if second.stderr else ""
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=5_000)
    assert window.isVisible()
    windows = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    assert windows == [window]


# -- (1) first run → wizard → a phone complaint → acknowledgement → saved as PDF ----------


class Answerer:
    """Presses a button on each modal question box as it appears, by the box's title;
    records every question asked. A question nobody expected fails the test."""

    def __init__(self, qtbot, answers: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer

        self.qtbot = qtbot
        self.answers = answers
        self.asked: list[str] = []
        self.unexpected: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        title = box.windowTitle()
        self.asked.append(title)
        answer = self.answers.get(title)
        if answer is None:
            self.unexpected.append(f"{title}: {box.text()}")
            answer = "Cancel" if any(b.text() == "Cancel" for b in box.buttons()) else "OK"
        self.qtbot.mouseClick(button(box, answer), Qt.MouseButton.LeftButton)

    def stop(self) -> None:
        self.timer.stop()


def choose(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick ``text`` in a combo box by keyboard, as a person tabbing through a form does."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, [combo.itemText(i) for i in range(combo.count())]


@pytest.fixture
def first_run(qtbot, runner: OpRunner, tmp_path: Path) -> Iterator[Launch]:  # type: ignore[no-untyped-def]
    launch = start(tmp_path / "data" / "register.db", runner=runner)
    assert launch is not None and launch.wizard is not None
    qtbot.addWidget(launch.wizard)
    yield launch
    launch.instance.close()
    for window in launch.windows:
        window.files.remove_all()
        if window.workspace is not None:
            window.lock()
        window.close()
    runner.wait_idle()


def test_journey_1_first_run_to_an_acknowledgement_saved_as_pdf(
    qtbot, runner: OpRunner, first_run: Launch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog, QWizard

    wizard = first_run.wizard
    assert wizard is not None
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    click(qtbot, next_button)  # "Set up my register" is the default choice
    qtbot.keyClicks(wizard.organisation.name, "Example Cloud Services Pvt. Ltd. (TEST)")
    click(qtbot, next_button)
    qtbot.keyClicks(wizard.officer.name, "Test Officer")
    qtbot.keyClicks(wizard.officer.email, "grievance@example.org")
    qtbot.keyClicks(wizard.officer.phone, "+91 11 0000 0000")
    click(qtbot, next_button)
    click(qtbot, next_button)  # the policies page: the defaults
    passphrase = "violet tractor umbrella sixteen harbour"
    qtbot.keyClicks(wizard.passphrase.first, passphrase)
    qtbot.keyClicks(wizard.passphrase.second, passphrase)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: bool(wizard.recovery.recovery_key), timeout=30_000)
    click(qtbot, wizard.recovery.stored)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: len(first_run.windows) == 1)
    (window,) = first_run.windows
    qtbot.addWidget(window)
    window.resize(LAPTOP)
    settle(qtbot, runner)

    # A phone complaint, entered by hand.
    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=10_000)  # read on the worker
    dialog = window.last_dialog
    qtbot.waitUntil(dialog.isVisible)
    form = dialog.form
    choose(qtbot, form.kind, "Complaint")
    choose(qtbot, form.channel, "Phone")
    qtbot.keyClicks(form.description, "Caller says the app keeps sending marketing SMS.")
    qtbot.keyClicks(form.name, "Test Person Alpha")
    qtbot.keyClicks(form.phone, "+91 98000 00000")
    click(qtbot, button(dialog, "Register case"))
    case_file = window.workspace.cases.case_file  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: case_file.reference is not None, timeout=10_000)
    reference = case_file.reference
    settle(qtbot, runner)

    # The acknowledgement: drafted from its template, issued.
    tabs = case_file.tabs
    (letters_tab,) = [i for i in range(tabs.count()) if tabs.tabText(i).startswith("Letters")]
    qtbot.mouseClick(
        tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(letters_tab).center()
    )
    letters = case_file.letters
    click(qtbot, letters.new_button)
    new_letter = letters.last_dialog
    qtbot.waitUntil(lambda: new_letter.templates.count() > 0, timeout=10_000)
    (row,) = [
        r
        for r in range(new_letter.templates.count())
        if "cknowledg" in new_letter.templates.item(r).text()
    ]
    item = new_letter.templates.item(row)
    qtbot.mouseClick(
        new_letter.templates.viewport(),
        Qt.MouseButton.LeftButton,
        pos=new_letter.templates.visualItemRect(item).center(),
    )
    click(qtbot, new_letter.create_button)
    qtbot.waitUntil(lambda: letters.current is not None, timeout=15_000)
    settle(qtbot, runner)
    answers = Answerer(qtbot, {"Issue this letter?": "Issue the letter", "Next step": "Not now"})
    click(qtbot, letters.issue_button)
    qtbot.waitUntil(lambda: letters.last_issued is not None, timeout=15_000)
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: letters.current is not None and letters.current.is_issued)

    # Saved as PDF where the officer chose: owner-only, and it reads back.
    target = tmp_path / "out" / "acknowledgement.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF (*.pdf)"))
    )
    click(qtbot, letters.save_pdf_button)
    qtbot.waitUntil(target.exists, timeout=10_000)
    settle(qtbot, runner)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert reference in text
    assert "Test Person Alpha" in text
    assert "Example Cloud Services Pvt. Ltd. (TEST)" in text
    assert window.size() == LAPTOP
    answers.stop()
    assert answers.unexpected == []
    assert answers.asked[0] == "Issue this letter?"
