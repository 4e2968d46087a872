"""Dates in the window follow its language (issue 17): "20 नव॰ 2026" in Hindi, "20 Nov 2026"
in English, in the cases table and the case's timeline as the officer sees them.

``strftime`` named every month in English whatever the window's language; ui/dates.py formats
through QLocale, which the app sets to the window's language at start.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, Qt

from grievance_desk.services.cases import register_case
from grievance_desk.storage.register import Register
from grievance_desk.ui import dates
from tests.support.drafts import make_draft
from tests.ui.conftest import settle

# 06:00 UTC is 20 November from UTC-5 to UTC+14: the same day in any officer's zone.
RECEIVED = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def _one_case(register: Register) -> str:
    # Registered an hour later: the timeline's first line is on the same day.
    return register_case(register, make_draft(received_at=RECEIVED), now=RECEIVED + HOUR)


def _shown_dates(qtbot, runner, window, ui_register) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    """The cases table's Received cell, then the timeline's When column, after clicking."""
    window.resize(1366, 768)
    reference = runner.call(lambda: _one_case(ui_register))
    window.page_actions[1].trigger()  # Ctrl+2
    settle(qtbot, runner)
    cases = window.workspace.cases
    table = cases.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=10_000)
    received = table.model().index(0, 1)
    first = table.model().index(0, 0)
    qtbot.waitUntil(lambda: not table.visualRect(first).isEmpty(), timeout=10_000)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(first).center()
    )
    case_file = cases.case_file
    qtbot.waitUntil(lambda: case_file.reference == reference, timeout=10_000)
    bar = case_file.tabs.tabBar()
    timeline_tab = case_file.tabs.indexOf(case_file.timeline)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(timeline_tab).center())
    settle(qtbot, runner)
    assert case_file.timeline.isVisible()
    timeline = case_file.timeline
    whens = [timeline.topLevelItem(i).text(0) for i in range(timeline.topLevelItemCount())]
    return str(table.model().data(received)), whens


def test_dates_are_in_hindi_in_a_hindi_window(  # type: ignore[no-untyped-def]
    hindi,
    qtbot,
    runner,
    window,
    ui_register,
) -> None:
    received, whens = _shown_dates(qtbot, runner, window, ui_register)
    assert received == "20 नव॰ 2026"
    assert any(when.startswith("20 नव॰ 2026 ") for when in whens), whens
    assert not any(month in " ".join(whens) for month in ("Nov", "Dec", "Jan")), whens


def test_dates_are_in_english_in_an_english_window(  # type: ignore[no-untyped-def]
    qtbot, runner, window, ui_register
) -> None:
    QLocale.setDefault(QLocale("en_IN"))
    try:
        received, whens = _shown_dates(qtbot, runner, window, ui_register)
    finally:
        QLocale.setDefault(QLocale.system())
    assert received == "20 Nov 2026"
    assert any(when.startswith("20 Nov 2026 ") for when in whens), whens


def test_the_helper_keeps_day_first_order_and_a_24_hour_clock() -> None:
    moment = datetime(2026, 12, 6, 14, 5, tzinfo=UTC)
    QLocale.setDefault(QLocale("hi"))
    try:
        assert dates.day(moment) == "06 दिस॰ 2026"
        assert dates.day_time(moment) == "06 दिस॰ 2026 14:05"
        assert dates.weekday_day(date(2026, 12, 6)) == "रवि 06 दिस॰ 2026"
        assert dates.month_year(date(2026, 12, 1)) == "दिसंबर 2026"
    finally:
        QLocale.setDefault(QLocale.system())
    assert dates.day_time(moment) == "06 Dec 2026 14:05"
    assert dates.short_month_year(dates.month_of_key("2026-12")) == "Dec 2026"


UI = Path(dates.__file__).parent
# strftime("%d %b …") or f"{moment:%d %b %Y}": English month names whatever the language.
ENGLISH_DATE = re.compile(r"\.strftime\(|\{[^{}]*:%[a-zA-Z]")


def test_no_ui_module_formats_a_date_with_strftime() -> None:
    found = [
        f"{path.relative_to(UI)}:{number}"
        for path in sorted(UI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ENGLISH_DATE.search(line)
    ]
    assert not found, "format dates with grievance_desk.ui.dates, not strftime: " + str(found)


def test_an_english_window_on_a_hindi_computer_shows_english_months() -> None:
    moment = datetime(2026, 12, 6, 14, 5, tzinfo=UTC)
    try:
        QLocale.setDefault(QLocale("hi_IN"))  # what Qt starts with on a Hindi computer
        dates.use_english_formats(QLocale("hi_IN"))
        assert dates.day_time(moment) == "06 Dec 2026 14:05"
        assert QLocale().toString(100_000) == "1,00,000", "the country's grouping is kept"
        dates.use_english_formats(QLocale("en_GB"))
        assert QLocale().name() == "en_GB", "an English system keeps its country"
    finally:
        QLocale.setDefault(QLocale.system())
