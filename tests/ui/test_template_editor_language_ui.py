"""The template editor edits each letter language's copy (issue 17).

From the case file, "Template…" on a Hindi letter opens the editor on the Hindi template; the
officer adds a sentence, presses "Save as new version", and the next Hindi letter uses that
copy (hi-custom-1) while the English template stays as shipped. In the editor opened on the
English templates, choosing Hindi in its Language box loads the Hindi set, with what the law
requires named in Hindi.
"""

from __future__ import annotations

import os
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_drafts import draft_letter
from grievance_desk.services.letter_templates import get_template, language_templates
from grievance_desk.ui.template_editor import TemplateEditorDialog
from tests.ui.journeys.conftest import answer_box, button_named, click, when_modal
from tests.ui.journeys.helpers import type_into
from tests.ui.test_reply_language_ui import _hindi_case

ADDED = "With thanks from the test copy."
DEVANAGARI = re.compile(r"[\u0900-\u097F]")


def _look(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if os.environ.get("GD_GRAB_DIR"):  # to look at: GD_GRAB_DIR=/tmp/shots pytest …
        widget.grab().save(f"{os.environ['GD_GRAB_DIR']}/{name}.png")


def _choose(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an item as the officer does with the keyboard: focus, type its first letters."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def test_the_case_file_opens_the_hindi_copy_and_the_next_hindi_letter_uses_it(
    qtbot, runner, window, ui_register
) -> None:  # type: ignore[no-untyped-def]
    reference = _hindi_case(ui_register)
    first = runner.call(
        lambda: draft_letter(
            ui_register, reference, "acknowledgement", now=utc_now(), language="hi"
        )
    )
    assert first.template_version == "acknowledgement@hi-shipped-1"

    window.open_case(reference)
    case_file = window.workspace.cases.case_file
    qtbot.waitUntil(lambda: case_file.reference == reference, timeout=10_000)
    case_file.tabs.setCurrentWidget(case_file.letters)
    tab = case_file.letters
    qtbot.waitUntil(lambda: tab.current is not None, timeout=10_000)
    assert tab.current is not None and tab.current.letter_id == first.letter_id
    qtbot.mouseClick(tab.template_button, Qt.MouseButton.LeftButton)
    editor: TemplateEditorDialog = case_file.last_template_editor
    qtbot.waitUntil(lambda: editor.template is not None, timeout=10_000)
    assert editor.language_choice.currentData() == "hi"
    assert editor.template is not None and editor.template.version == "hi-shipped-1"
    assert editor.title.text() == "पावती"
    required = [editor.required.item(i).text() for i in range(editor.required.count())]
    assert required and all(DEVANAGARI.search(text.split(" — ")[0]) for text in required)

    editor.body.setFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.body, ADDED)
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=5_000)
    _look(editor, "template-editor-hindi")
    version = editor.version
    assert version.width() >= version.fontMetrics().horizontalAdvance(version.currentText()), (
        "the version in use is legible"
    )
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: editor.template is not None and editor.template.version == "hi-custom-1",
        timeout=10_000,
    )
    assert "hi-custom-1" in editor.state.text()

    second = runner.call(
        lambda: draft_letter(
            ui_register, reference, "acknowledgement", now=utc_now(), language="hi"
        )
    )
    assert second.template_version == "acknowledgement@hi-custom-1"
    assert ADDED in second.body
    english = runner.call(
        lambda: draft_letter(ui_register, reference, "acknowledgement", now=utc_now())
    )
    assert english.template_version.endswith("@shipped-2") and ADDED not in english.body
    editor.reject()


def test_choosing_hindi_in_the_editor_loads_the_hindi_templates(
    qtbot, runner, window, ui_register
) -> None:  # type: ignore[no-untyped-def]
    editor = TemplateEditorDialog(runner, "refusal", window)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.template is not None, timeout=10_000)
    assert editor.template is not None and editor.template.version.startswith("shipped-")
    _choose(qtbot, editor.language_choice, "Hindi")
    hindi_refusal = next(t for t in language_templates("hi") if t.id == "refusal")
    qtbot.waitUntil(
        lambda: editor.template is not None and editor.template.version == "hi-shipped-1",
        timeout=10_000,
    )
    assert editor.chooser.currentData() == "refusal", "the same template, in Hindi"
    assert editor.title.text() == hindi_refusal.title
    assert editor.chooser.currentText() == hindi_refusal.title
    assert not editor.problems, "the shipped Hindi template can make letters"

    # Dropping the reasons is flagged as in English, the item named in Hindi.
    body = editor.body.toPlainText().replace("{{ letter.reasons }}", "")
    type_into(qtbot, editor.body, body)
    qtbot.waitUntil(lambda: bool(editor.problems), timeout=5_000)
    missing = [p for p in editor.problems if p.kind == "missing_content"]
    assert missing and "अस्वीकार करने के कारण" in missing[0].message
    _look(editor, "template-editor-hindi-missing")
    with ui_register.reading() as session:  # nothing was saved
        assert get_template(session, "refusal", language="hi") == hindi_refusal
    discarded = when_modal(answer_box(qtbot, "Discard my edits"))
    click(qtbot, button_named(editor, "Close"))
    qtbot.waitUntil(lambda: bool(discarded) and not editor.isVisible(), timeout=10_000)


def test_in_the_hindi_window_an_english_templates_required_content_is_named_in_hindi(
    hindi, qtbot, runner, window, ui_register
) -> None:  # type: ignore[no-untyped-def]
    editor = TemplateEditorDialog(runner, "acknowledgement", window)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.template is not None, timeout=10_000)
    assert editor.language_choice.currentData() == "en"
    assert editor.template is not None and editor.template.title == "Acknowledgement"
    required = [editor.required.item(i).text() for i in range(editor.required.count())]
    assert required and all(DEVANAGARI.search(text.split(" — ")[0]) for text in required)
    assert any("DPDP Rules 2025 r.9" in text for text in required), "citations as they are"
    _look(editor, "template-editor-english-in-hindi-window")
