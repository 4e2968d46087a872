"""The reply language in the case form and the New letter dialog (issue 17): a Hindi e-mail
proposes Hindi, the officer confirms it, and a Hindi acknowledgement is drafted; a language
without templates says so and drafts in English."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from grievance_desk.domain.case_record import Requester
from grievance_desk.services.cases import register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.services.demo_data import DEMO_SETTINGS
from grievance_desk.services.letter_records import list_letters
from grievance_desk.services.reply_language import get_reply_language
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from tests.support.drafts import make_draft

NAME = "अनिता शर्मा"
SHOTS = Path("/tmp/gd-hindi-work/shots")


def _hindi_case(register: Register) -> str:
    with register.writing() as session:
        for key, value in DEMO_SETTINGS.items():
            put_setting(session, key, value)
    draft = make_draft(
        requester=Requester(name=NAME, email="anita@example.org"),
        description="कृपया मेरे खाते का सारा व्यक्तिगत डेटा मुझे भेजें। (परीक्षण)",
        received_at=utc_now() - timedelta(hours=1),
    )
    return register_case(register, draft, now=utc_now())


def _open(qtbot, window, reference: str):  # type: ignore[no-untyped-def]
    window.open_case(reference)
    case_file = window.workspace.cases.case_file
    qtbot.waitUntil(lambda: case_file.reference == reference, timeout=10_000)
    qtbot.waitUntil(lambda: case_file.form.reply_language.count() > 0, timeout=10_000)
    return case_file


def _choose(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an item as the officer does with the keyboard: focus, type its first letters."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def _grab(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_hindi_is_proposed_confirmed_and_the_letter_is_drafted_in_hindi(
    qtbot, runner, window, ui_register
) -> None:  # type: ignore[no-untyped-def]
    reference = _hindi_case(ui_register)
    case_file = _open(qtbot, window, reference)
    combo = case_file.form.reply_language
    assert combo.currentData() is None and "Hindi" in combo.currentText()
    assert "proposed" in combo.currentText()
    assert not case_file.form.is_dirty, "a proposal alone leaves nothing to save"
    _grab(case_file.form, "case-form-proposed.png")

    _choose(qtbot, combo, "Hindi (")
    assert combo.currentData() == "hi" and case_file.form.is_dirty
    qtbot.mouseClick(case_file.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: get_reply_language(ui_register, reference).confirmed, timeout=10_000)
    assert get_reply_language(ui_register, reference).code == "hi"

    case_file.tabs.setCurrentWidget(case_file.letters)
    tab = case_file.letters
    qtbot.waitUntil(
        lambda: tab.case is not None and tab.case.reply_language == "hi", timeout=10_000
    )
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.last_dialog
    qtbot.waitUntil(lambda: "acknowledgement" in dialog.template_ids(), timeout=10_000)
    qtbot.waitUntil(lambda: "Loading" not in dialog.about.text(), timeout=10_000)
    assert dialog.language.combo.currentData() == "hi"
    # The title in the letter's language, from the Hindi set (not the English one marked)
    assert dialog.templates.item(0).text() == "पावती"
    assert "will be in Hindi" in dialog.language.note.text()
    _grab(dialog, "new-letter-hindi.png")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.current is not None and tab.preview_pages > 0, timeout=15_000)
    stored = list_letters(ui_register, reference)
    assert stored[-1].template_version.endswith("@hi-shipped-1")
    assert stored[-1].salutation == f"प्रिय {NAME},"
    assert tab.pdf_bytes is not None
    text = "".join(PdfReader(io.BytesIO(tab.pdf_bytes)).pages[0].extract_text().split())
    assert "हमारासंदर्भ" in text and "".join(NAME.split()) in text


def test_a_language_without_templates_offers_english(qtbot, runner, window, ui_register) -> None:  # type: ignore[no-untyped-def]
    reference = _hindi_case(ui_register)
    case_file = _open(qtbot, window, reference)
    _choose(qtbot, case_file.form.reply_language, "Tamil")
    qtbot.mouseClick(case_file.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: get_reply_language(ui_register, reference).code == "ta", timeout=10_000)

    case_file.tabs.setCurrentWidget(case_file.letters)
    tab = case_file.letters
    qtbot.waitUntil(
        lambda: tab.case is not None and tab.case.reply_language == "ta", timeout=10_000
    )
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.last_dialog
    qtbot.waitUntil(lambda: "acknowledgement" in dialog.template_ids(), timeout=10_000)
    qtbot.waitUntil(lambda: "Loading" not in dialog.about.text(), timeout=10_000)
    assert dialog.templates.item(0).text().endswith("English only")
    assert "no Tamil template" in dialog.language.note.text()
    _grab(dialog, "new-letter-tamil.png")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.current is not None and tab.preview_pages > 0, timeout=15_000)
    stored = list_letters(ui_register, reference)
    assert stored[-1].template_version == "acknowledgement@shipped-2"
    assert stored[-1].salutation == f"Dear {NAME},"
