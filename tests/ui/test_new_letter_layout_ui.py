"""The New letter dialog in the Hindi window and for a Hindi letter (issue 17).

It lays out as the English one does.

At the dialog's own 780x520 and maximised on a 1366x768 screen, once the access response's
fields have arrived: the "about" text is as tall as its wrapped lines (it used to overlap the
heading) and every field the officer types is shown with room, not squeezed out by the
checklist."""

from __future__ import annotations

import os
import re
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from grievance_desk.domain.case_record import Requester
from grievance_desk.services.cases import register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.services.demo_data import DEMO_SETTINGS
from grievance_desk.services.letter_templates import language_templates
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from grievance_desk.ui.letters.new_letter_dialog import NewLetterDialog
from tests.support.drafts import make_draft


def _case(register: Register) -> str:
    with register.writing() as session:
        for key, value in DEMO_SETTINGS.items():
            put_setting(session, key, value)
    draft = make_draft(
        requester=Requester(name="अनिता शर्मा", email="anita@example.org"),
        description="कृपया मेरे खाते का सारा व्यक्तिगत डेटा मुझे भेजें। (परीक्षण)",
        received_at=utc_now() - timedelta(hours=1),
    )
    return register_case(register, draft, now=utc_now())


def _open_access_response(qtbot, window, reference: str, problems: list[str]) -> NewLetterDialog:  # type: ignore[no-untyped-def]
    """Open New letter and click the access response; ``problems`` gets what was wrong with
    the layout the moment its fields were shown (the first frame the officer sees)."""
    window.open_case(reference)
    case_file = window.workspace.cases.case_file
    qtbot.waitUntil(lambda: case_file.reference == reference, timeout=10_000)
    case_file.tabs.setCurrentWidget(case_file.letters)
    tab = case_file.letters
    qtbot.waitUntil(lambda: tab.case is not None, timeout=10_000)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.last_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.template_ids()), timeout=10_000)
    if "access_response" not in dialog.template_ids():
        qtbot.waitUntil(dialog.show_all.isVisible, timeout=10_000)
        box = dialog.show_all  # click its box: a short Hindi label leaves the middle blank
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        qtbot.waitUntil(lambda: "access_response" in dialog.template_ids(), timeout=10_000)
    dialog.sig_fields_shown.connect(lambda: problems.extend(_layout_problems(dialog)))
    item = dialog.templates.item(dialog.template_ids().index("access_response"))
    dialog.templates.scrollToItem(item)
    qtbot.mouseClick(
        dialog.templates.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.templates.visualItemRect(item).center(),
    )
    qtbot.waitUntil(lambda: "letter.recipients" in dialog.inputs, timeout=10_000)
    return dialog


def _layout_problems(dialog: NewLetterDialog) -> list[str]:
    """What is wrong with the right-hand pane as it stands (empty: laid out properly)."""
    if "letter.recipients" not in dialog.inputs:
        return []
    problems: list[str] = []
    about = dialog.about
    needed = about.heightForWidth(about.width())
    if about.height() < needed:
        problems.append(f"the about text needs {needed}px but has {about.height()}px")
    about_bottom = about.mapTo(dialog, about.rect().bottomLeft()).y()
    for name in ("letter.data_summary", "letter.processing_activities", "letter.recipients"):
        edit = dialog.inputs[name]
        if not edit.isVisible():
            problems.append(f"{name} is not shown")
            continue
        if edit.mapTo(dialog, edit.rect().topLeft()).y() <= about_bottom:
            problems.append(f"{name} is under the about text")
        if edit.visibleRegion().boundingRect().height() < 60:
            problems.append(f"{name} is squeezed to {edit.visibleRegion().boundingRect()}")
    checklist = dialog.checklist_scroll
    if not checklist.isVisible() or checklist.height() < 60:
        problems.append("the checklist has no room")
    label = dialog.checklist
    if label.height() < label.heightForWidth(label.width()):
        problems.append("the checklist text is taller than its label")
    return problems


def _look(dialog: NewLetterDialog, name: str) -> None:
    if os.environ.get("GD_GRAB_DIR"):  # to look at: GD_GRAB_DIR=/tmp/shots pytest …
        dialog.grab().save(f"{os.environ['GD_GRAB_DIR']}/{name}.png")


@pytest.mark.parametrize("language", ["en", "hi"])
def test_the_new_letter_dialog_lays_out_in_both_languages(
    request, qtbot, runner, window, ui_register, language: str
) -> None:  # type: ignore[no-untyped-def]
    if language == "hi":
        request.getfixturevalue("hindi")
    reference = _case(ui_register)
    first_frame: list[str] = []
    dialog = _open_access_response(qtbot, window, reference, first_frame)
    assert (dialog.width(), dialog.height()) == (780, 520)
    _look(dialog, f"new-letter-{language}-780")
    assert first_frame == []
    qtbot.wait(50)
    assert _layout_problems(dialog) == []
    dialog.resize(1366, 768)
    qtbot.waitUntil(lambda: dialog.width() == 1366, timeout=5_000)
    qtbot.wait(50)
    _look(dialog, f"new-letter-{language}-1366")
    assert _layout_problems(dialog) == []


DEVANAGARI = re.compile(r"[\u0900-\u097F]")


@pytest.mark.parametrize("window_language", ["en", "hi"])
def test_a_hindi_letter_is_offered_with_hindi_titles_and_the_law_in_hindi(
    request, qtbot, runner, window, ui_register, window_language: str
) -> None:  # type: ignore[no-untyped-def]
    """Titles from the Hindi set (not the English ones marked "· हिन्दी"), the checklist's
    items in Hindi with their citations as they are, and the field labels in the window's
    language."""
    if window_language == "hi":
        request.getfixturevalue("hindi")
    reference = _case(ui_register)
    dialog = _open_access_response(qtbot, window, reference, [])
    assert dialog.language.language() == "hi"
    hindi_titles = {t.id: t.title for t in language_templates("hi")}
    shown = [dialog.templates.item(row).text() for row in range(dialog.templates.count())]
    assert shown == [hindi_titles[i] for i in dialog.template_ids()]
    assert hindi_titles["access_response"] in dialog.about.text()

    qtbot.waitUntil(lambda: bool(dialog.checklist.text()), timeout=10_000)
    checklist = dialog.checklist.text()
    assert "DPDP Act 2023 s.11(1)(a)" in checklist and "s.11(1)(b)" in checklist
    assert "A summary of the personal data" not in checklist, checklist
    items = checklist.splitlines()[1:]
    assert items and all(DEVANAGARI.search(line.split("(")[0]) for line in items), items

    edit = dialog.inputs["letter.data_summary"]
    label = dialog.fields_form.labelForField(edit)
    assert label is not None
    if window_language == "hi":
        assert DEVANAGARI.search(label.text()) and "Data summary" not in label.text()
        assert DEVANAGARI.search(edit.accessibleName())
    else:
        assert label.text() == "Data summary *:"
    _look(dialog, f"new-letter-titles-{window_language}")
