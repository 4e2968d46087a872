"""Letters in the case file: draft → preview → issue → next step; print; template editor."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractButton

from grievance_desk.domain.case_record import Requester
from grievance_desk.domain.workflow import Status
from grievance_desk.services.cases import find_case, register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.services.demo_data import DEMO_SETTINGS
from grievance_desk.services.letter_records import list_letters
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from grievance_desk.ui.letters.new_letter_dialog import NewLetterDialog
from grievance_desk.ui.letters_tab import LettersTab
from grievance_desk.ui.template_editor import TemplateEditorDialog
from tests.support.drafts import make_draft


def filled_case(register: Register, name: str = "Test Person Gamma") -> str:
    """Demo organisation settings and one access request received an hour ago."""
    with register.writing() as session:
        for key, value in DEMO_SETTINGS.items():
            put_setting(session, key, value)
    draft = make_draft(
        requester=Requester(
            name=name,
            email="gamma@example.org",
            phone="+91 00000 00003",
            postal_address="3 Demo Street, Sample Nagar, Testpur 000000",
        ),
        received_at=utc_now() - timedelta(hours=1),
    )
    return register_case(register, draft, now=utc_now())


def open_letters(qtbot, window, reference: str) -> LettersTab:  # type: ignore[no-untyped-def]
    window.open_case(reference)
    case_file = window.workspace.cases.case_file
    qtbot.waitUntil(lambda: case_file.reference == reference, timeout=10_000)
    case_file.tabs.setCurrentWidget(case_file.letters)
    return case_file.letters


def press(qtbot, button: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    """Click a visible, enabled button, as the officer would."""
    assert button.isVisible() and button.isEnabled(), f"{button.text()!r} cannot be pressed"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pick_template(qtbot, dialog: NewLetterDialog, template_id: str) -> None:  # type: ignore[no-untyped-def]
    """Click the template's row in the new-letter dialog."""
    item = dialog.templates.item(dialog.template_ids().index(template_id))
    dialog.templates.scrollToItem(item)
    rect = dialog.templates.visualItemRect(item)
    qtbot.mouseClick(dialog.templates.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.template is not None and dialog.template.id == template_id


def draft_acknowledgement(qtbot, tab: LettersTab) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, tab.new_button)
    dialog = tab.last_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: "acknowledgement" in dialog.template_ids(), timeout=10_000)
    assert "refusal" not in dialog.template_ids(), "only templates that suit a new case"
    pick_template(qtbot, dialog, "acknowledgement")
    press(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: tab.current is not None and tab.preview_pages > 0, timeout=15_000)


def test_draft_preview_issue_then_the_next_step_is_offered(
    qtbot, runner, window, ui_register
) -> None:  # type: ignore[no-untyped-def]
    reference = filled_case(ui_register)
    tab = open_letters(qtbot, window, reference)
    draft_acknowledgement(qtbot, tab)
    assert tab.current is not None and not tab.current.is_issued
    assert tab.issue_button.isEnabled() and not tab.reissue_button.isEnabled()

    tab.inner.setCurrentIndex(1)
    tab.body.setPlainText(tab.body.toPlainText() + "\n\nAn added paragraph (test).")
    assert tab.is_dirty() and window.workspace.cases.case_file.has_unsaved()

    questions: list[str] = []

    def answer_yes(_parent, title: str, text: str, _yes: str, _no: str) -> bool:  # type: ignore[no-untyped-def]
        questions.append(f"{title}: {text}")
        return True

    tab.confirm = answer_yes
    press(qtbot, tab.issue_button)
    qtbot.waitUntil(lambda: len(questions) >= 2, timeout=15_000)
    assert questions[0].startswith("Issue this letter?")
    assert "Mark the case acknowledged" in questions[1], "issuing offers the next step"
    case_file = window.workspace.cases.case_file
    qtbot.waitUntil(lambda: case_file.badge.text() == Status.ACKNOWLEDGED.label, timeout=10_000)
    with ui_register.reading() as session:
        assert Status(find_case(session, reference)[0].status) is Status.ACKNOWLEDGED
    stored = list_letters(ui_register, reference)
    assert [x.status for x in stored] == ["issued"]
    assert "An added paragraph (test)." in stored[0].body, "edits were saved before issuing"
    qtbot.waitUntil(lambda: tab.current is not None and tab.current.is_issued, timeout=10_000)
    assert tab.reissue_button.isEnabled() and not tab.issue_button.isEnabled()
    assert tab.body.isReadOnly()
    titles = [
        case_file.timeline.topLevelItem(i).text(1)
        for i in range(case_file.timeline.topLevelItemCount())
    ]
    assert any("Letter issued" in t for t in titles)


def test_printing_to_a_pdf_file_gives_the_letters_page_count(
    qtbot, runner, window, ui_register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    reference = filled_case(ui_register, name="Test Person Delta")
    tab = open_letters(qtbot, window, reference)
    draft_acknowledgement(qtbot, tab)
    assert tab.pdf_bytes is not None
    letter_pages = len(PdfReader(io.BytesIO(tab.pdf_bytes)).pages)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert tab.print_to(printer) == letter_pages
    assert len(PdfReader(str(target)).pages) == letter_pages == tab.preview_pages

    saved = tmp_path / "saved-letter.pdf"
    tab.save_pdf_to(saved)
    qtbot.waitUntil(saved.exists, timeout=10_000)
    assert saved.read_bytes().startswith(b"%PDF")


def test_the_template_editor_flags_problems_live_and_saves_a_version(
    qtbot, runner, window, ui_register
) -> None:  # type: ignore[no-untyped-def]
    editor = TemplateEditorDialog(runner, "acknowledgement", window)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.template is not None, timeout=10_000)
    assert editor.template is not None and editor.template.shipped
    assert not editor.problems
    editor.body.setPlainText(editor.body.toPlainText() + "\n\n{{ requester.shoe_size }}")
    problems = editor.check()
    assert any(p.kind == "unknown_field" for p in problems)
    assert not editor.save_button.isEnabled(), "an unknown field blocks saving"
    body = editor.body.toPlainText().replace("{{ requester.shoe_size }}", "Kind regards (test).")
    editor.body.setPlainText(body)
    editor.check()
    assert editor.save_button.isEnabled()
    editor.save()
    qtbot.waitUntil(
        lambda: editor.template is not None and not editor.template.shipped, timeout=10_000
    )
    assert editor.template.version == "custom-1"
    editor.use_shipped()
    qtbot.waitUntil(lambda: editor.template is not None and editor.template.shipped, timeout=10_000)
