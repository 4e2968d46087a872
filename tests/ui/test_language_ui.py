"""The window in Hindi (issue 17): the Settings choice, and no English left on the pages.

The walk starts the real main window over a demo register with the Hindi catalogue compiled
by PySide6's lrelease (as the first Hindi start does) and reads every visible label, button,
action, tab and header on the pages this part of the issue translated: Reports, Settings and a
case's Letters tab. Two English words in a row fail it, unless they are a technical token,
a reference, an e-mail address or fictitious demo data.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QTabBar,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from grievance_desk.domain.case_types import LabelledEnum
from grievance_desk.services.clock import utc_now
from grievance_desk.services.demo_data import DEMO_SETTINGS, fill_demo_register
from grievance_desk.ui import i18n
from grievance_desk.ui.language_box import LanguageBox
from tests.ui.conftest import settle
from tests.ui.test_letters_ui import draft_acknowledgement, filled_case, open_letters

# Technical tokens, brand names and the shapes of data that stay Latin in a Hindi window.
ALLOWED = [
    r"\bGRV-\d{4}-\d+\b",
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+",
    r"\bCtrl\+\S+",
    r"\bIT Rules\b",
    r"\bIT Act\b",
    r"\bGNU GPL\b",
    r"\bGrievance Desk\b",
    r"\b(PDF|CSV|XLSX|JSON|DPDP|GDPR|CCPA|UK GDPR|SPDI|USB|MB|UTF-8|Excel|Reg|art|r\.|s\.)\b",
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b",
    *(re.escape(value) for value in DEMO_SETTINGS.values()),
]
TWO_ENGLISH_WORDS = re.compile(r"[A-Za-z][A-Za-z'’]+[\s,;:]+[A-Za-z][A-Za-z'’]+")


def english_left(text: str) -> str | None:
    """The first run of two Latin-letter words in ``text`` outside the allowed tokens."""
    plain = re.sub(r"<[^>]+>", " ", text).replace("&", "")
    for pattern in ALLOWED:
        plain = re.sub(pattern, " ", plain)
    found = TWO_ENGLISH_WORDS.search(plain)
    return found.group(0) if found else None


# Domain enum labels are translated in ui/vocabulary.py (the window's other half of issue 17);
# until that catalogue entry exists such a label is reported by the xfail test below, not here.
DOMAIN_LABELS = {member.label for enum in LabelledEnum.__subclasses__() for member in enum}


def untranslated_domain_label(text: str) -> bool:
    plain = text.rstrip(":").strip()
    return plain in DOMAIN_LABELS and i18n.tr(plain) == plain


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every visible label, button, action, group, tab and header."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        name = f"{type(widget).__name__} {widget.objectName()}".strip()
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((name, widget.text()))
        if isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        if isinstance(widget, QTabBar):
            found += [(name, widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(column)
                found.append((name + " header", item.text() if item else ""))
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            found += [(name + " header", header.text(i)) for i in range(header.columnCount())]
        found += [(name + " action", action.text()) for action in widget.actions()]
    return found


def click_radio(qtbot, button: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    """Click a radio button on its round indicator, where the officer aims."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def test_the_language_is_chosen_by_clicking_and_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = LanguageBox()
    qtbot.addWidget(box)
    box.show()
    assert box.buttons[""].isChecked(), "a new computer follows the system's language"
    assert [box.buttons[c].text() for c in ("en", "hi")] == ["English", "हिन्दी"]
    qtbot.waitExposed(box)
    click_radio(qtbot, box.buttons["hi"])
    assert box.buttons["hi"].isChecked()
    assert QSettings().value(i18n.LANGUAGE_KEY) == "hi"
    assert i18n.effective_language() == "hi"
    assert "हिन्दी" in box.note.text() and box.note.isVisible()
    again = LanguageBox()
    qtbot.addWidget(again)
    assert again.buttons["hi"].isChecked(), "the choice is shown again in Settings"
    click_radio(qtbot, box.buttons[""])
    assert QSettings().value(i18n.LANGUAGE_KEY) == ""


def test_the_scanner_finds_english_and_passes_tokens() -> None:
    assert english_left("रिपोर्ट बनाएँ") is None
    assert english_left("PDF के रूप में सहेजें… (Ctrl+P) GRV-2026-00001 a.b@example.org") is None
    assert english_left("Build report") == "Build report"
    assert english_left("रिपोर्ट: Not saved") == "Not saved"


def test_reports_settings_and_letters_show_no_english_in_hindi(  # type: ignore[no-untyped-def]
    hindi, qtbot, runner, window, ui_register
) -> None:
    window.resize(1366, 768)
    runner.call(lambda: fill_demo_register(ui_register, now=utc_now(), count=40))
    workspace = window.workspace
    problems: list[str] = []
    checked: list[str] = []

    def check(page: QWidget, what: str) -> None:
        for where, text in visible_texts(page):
            checked.append(text)
            if untranslated_domain_label(text):
                continue
            left = english_left(text)
            if left:
                problems.append(f"{what}: {where}: {left!r} in {text!r}")

    workspace.show_page(2)
    reports = workspace.reports
    check(reports, "Reports before a build")
    qtbot.mouseClick(reports.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reports.report is not None, timeout=30_000)
    settle(qtbot, runner)
    check(reports, "Reports")

    workspace.show_page(3)
    settle(qtbot, runner)
    check(workspace.settings, "Settings")

    reference = runner.call(lambda: filled_case(ui_register))
    tab = open_letters(qtbot, window, reference)
    check(tab, "Letters, none yet")
    draft_acknowledgement(qtbot, tab)
    settle(qtbot, runner)
    check(tab, "Letters with a draft")
    bar = tab.inner.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    check(tab, "Editing the draft")
    assert len(checked) > 150, "the walk reads the pages' texts"
    assert "रिपोर्ट" in checked and "ड्राफ़्ट सहेजें" in checked
    assert not problems, "English left in the Hindi window:\n" + "\n".join(problems)


def test_every_domain_label_shown_in_hindi_is_translated(hindi) -> None:  # type: ignore[no-untyped-def]
    missing = sorted(label for label in DOMAIN_LABELS if i18n.tr(label) == label)
    assert not missing, f"domain labels without a Hindi entry: {missing[:10]}"


# The law's own words stay as the policy states them (domain/policy_presets.py: explanations,
# citations and notes are data with their source); the deadline cards name these labels.
LAW_TEXT = {"deadline_explanation", "deadline_source", "deadline_note"}


def test_today_cases_case_file_and_unlock_show_no_english_in_hindi(  # type: ignore[no-untyped-def]
    hindi, qtbot, runner, window, ui_register
) -> None:
    window.resize(1366, 768)
    runner.call(lambda: fill_demo_register(ui_register, now=utc_now(), count=40))
    reference = runner.call(lambda: filled_case(ui_register, name="Gamma"))
    workspace = window.workspace
    problems: list[str] = []
    checked: list[str] = []

    def check(page: QWidget, what: str) -> None:
        for where, text in visible_texts(page):
            if where.split(" ")[-1] in LAW_TEXT:
                continue
            checked.append(text)
            left = english_left(text)
            if left:
                problems.append(f"{what}: {where}: {left!r} in {text!r}")

    window.page_actions[0].trigger()  # Ctrl+1
    settle(qtbot, runner)
    check(window, "Window chrome")  # after the start-up work: its busy label is the ops' own
    check(workspace.today, "Today")
    window.page_actions[1].trigger()  # Ctrl+2
    settle(qtbot, runner)
    check(workspace.cases, "Cases, no case open")
    open_letters(qtbot, window, reference)
    case_file = workspace.cases.case_file
    bar = case_file.tabs.tabBar()
    for tab in range(bar.count() - 1):  # the Letters tab is walked by the test above
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
        settle(qtbot, runner)
        check(case_file, f"Case file, tab {bar.tabText(tab)!r}")
    window.lock_action.trigger()  # Ctrl+L
    qtbot.waitUntil(lambda: window.unlock_screen.isVisible(), timeout=10_000)
    check(window.unlock_screen, "Unlock screen")
    window.unlock_screen.use_recovery.click()
    check(window.unlock_screen, "Unlock screen, recovery key")
    assert len(checked) > 150, "the walk reads the pages' texts"
    for hindi_text in ("आज", "मामले", "अनलॉक करें", "समय-सीमाएँ"):
        assert hindi_text in checked, hindi_text
    assert not problems, "English left in the Hindi window:\n" + "\n".join(problems)


def test_qt_standard_buttons_are_named_in_hindi(hindi, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from grievance_desk.ui.widgets import name_standard_buttons

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    own = buttons.button(QDialogButtonBox.StandardButton.Ok)
    own.setText("Register case")  # a text the code chose is left to the code
    name_standard_buttons(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "रद्द करें"
    assert own.text() == "Register case"
