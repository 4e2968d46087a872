"""The Letters tab's parts working together, pressed as the officer presses them: draft from
the dialog, edit in the editor (an empty subject is refused where it is), save, discard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from grievance_desk.services.letter_records import list_letters
from tests.ui.test_letters_ui import filled_case, open_letters, pick_template, press


def test_draft_edit_save_and_discard_a_letter(qtbot, runner, window, ui_register) -> None:  # type: ignore[no-untyped-def]
    reference = filled_case(ui_register, name="Test Person Epsilon")
    tab = open_letters(qtbot, window, reference)
    assert not tab.issue_button.isEnabled() and tab.detail.currentIndex() == 0, "no letter yet"

    press(qtbot, tab.new_button)
    dialog = tab.last_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: "acknowledgement" in dialog.template_ids(), timeout=10_000)
    pick_template(qtbot, dialog, "acknowledgement")
    press(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: tab.current is not None and tab.preview_pages > 0, timeout=15_000)
    assert tab.issue_button.isEnabled() and tab.discard_button.isEnabled()
    assert tab.print_button.isEnabled() and not tab.email_button.isEnabled()
    assert "Draft preview" in tab.preview.note.text()

    bar = tab.inner.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert tab.inner.currentWidget() is tab.editor
    editor = tab.editor
    editor.subject.setFocus()
    qtbot.keyClick(editor.subject, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.subject, Qt.Key.Key_Backspace)
    assert editor.status.text() == "A letter needs a subject."
    assert not editor.save_button.isEnabled() and editor.revert_button.isEnabled()
    assert tab.inner.tabText(1) == "Edit draft •" and tab.is_dirty()

    qtbot.keyClicks(editor.subject, "Edited subject (test)")
    assert editor.status.text() == "Unsaved edits."
    press(qtbot, editor.save_button)
    qtbot.waitUntil(
        lambda: (
            [x.subject for x in list_letters(ui_register, reference)] == ["Edited subject (test)"]
        ),
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: not tab.is_dirty(), timeout=10_000)
    assert tab.inner.tabText(1) == "Edit draft" and not editor.save_button.isEnabled()

    asked: list[str] = []
    tab.confirm = lambda _parent, title, _text, _yes, _no: asked.append(title) or True
    press(qtbot, tab.discard_button)
    qtbot.waitUntil(lambda: tab.list.topLevelItemCount() == 0, timeout=10_000)  # reloaded
    assert tab.current is None and tab.detail.currentIndex() == 0
    assert asked == ["Discard this draft?"]
    assert list_letters(ui_register, reference) == []
    assert tab.pdf_bytes is None and not tab.issue_button.isEnabled()
