"""The draft editor: subject, salutation, body and closing, checked as typed, saved on request.

An issued letter shows here read-only (it never changes; a correction is a re-issue). A
draft's edits stay unsaved until "Save draft" (or issuing, which saves first); a subject or
body left empty is marked and not saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_drafts import update_draft
from grievance_desk.services.letter_records import LetterDraft
from grievance_desk.services.register_access import Register
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.letters.buttons import action_button
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.widgets import label, set_invalid


class LetterEditor(QWidget):
    """``sig_dirty_changed(bool)`` after every edit or load; ``sig_saved(LetterDraft)`` once a
    save is stored (before the caller's ``then`` runs)."""

    sig_dirty_changed = Signal(bool)
    sig_saved = Signal(object)

    def __init__(self, runner: OpRunner) -> None:
        super().__init__()
        self.runner = runner
        self.letter: LetterDraft | None = None
        self._loading = False

        self.subject = QLineEdit()
        self.subject.setAccessibleName(tr("Subject"))
        self.salutation = QLineEdit()
        self.salutation.setAccessibleName(tr("Salutation"))
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(tr("Body"))
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(
            tr(
                "Paragraphs are separated by a blank line; '- ' starts a bullet; **bold**, "
                "*italic*."
            )
        )
        self.closing = QPlainTextEdit()
        self.closing.setAccessibleName(tr("Closing"))
        self.closing.setTabChangesFocus(True)
        self.closing.setFixedHeight(56)
        for line_edit in (self.subject, self.salutation):
            line_edit.textChanged.connect(self._edited)
        for edit in (self.body, self.closing):
            edit.textChanged.connect(self._edited)
        self.save_button = action_button(
            tr("Save draft"), "save", tr("Save your edits and refresh the preview"), self.save
        )
        self.revert_button = action_button(
            tr("Revert"), "open", tr("Undo unsaved edits"), self.revert
        )
        self.status = label("", "hint")
        form = QFormLayout(self)
        form.setContentsMargins(4, 8, 4, 4)
        form.addRow(tr("&Subject:"), self.subject)
        form.addRow(tr("S&alutation:"), self.salutation)
        form.addRow(tr("&Body:"), self.body)
        form.addRow(tr("&Closing:"), self.closing)
        save_row = QHBoxLayout()
        save_row.addWidget(self.status, 1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)

    @property
    def editable(self) -> bool:
        """A draft is open (an issued letter, or none, is read-only)."""
        return self.letter is not None and not self.letter.is_issued

    def load(self, letter: LetterDraft | None) -> None:
        """Show ``letter``'s text (editable for a draft), dropping unsaved edits."""
        self._loading = True
        self.letter = letter
        self.subject.setText(letter.subject if letter else "")
        self.salutation.setText(letter.salutation if letter else "")
        self.body.setPlainText(letter.body if letter else "")
        self.closing.setPlainText(letter.closing if letter else "")
        for edit in (self.subject, self.salutation, self.body, self.closing):
            edit.setReadOnly(not self.editable)
        self._loading = False
        self._edited()

    def is_dirty(self) -> bool:
        """The draft on screen differs from the one stored."""
        letter = self.letter
        if letter is None or letter.is_issued:
            return False
        return (
            self.subject.text() != letter.subject
            or self.salutation.text() != letter.salutation
            or self.body.toPlainText() != letter.body
            or self.closing.toPlainText() != letter.closing
        )

    def revert(self) -> None:
        """Drop unsaved edits."""
        self.load(self.letter)

    def save(self, then: Callable[[LetterDraft], None] | None = None) -> bool:
        """Store the edits; ``then`` runs after the save arrives (at once when nothing changed).

        False (nothing stored) when the subject or body is empty: the editor says which.
        """
        letter = self.letter
        if letter is None or not self.is_dirty():
            if then is not None and letter is not None:
                then(letter)
            return True
        if not self.subject.text().strip() or not self.body.toPlainText().strip():
            return False
        subject = self.subject.text()
        salutation = self.salutation.text()
        body = self.body.toPlainText()
        closing = self.closing.toPlainText()

        def work(register: Register) -> LetterDraft:
            return update_draft(
                register,
                letter.letter_id,
                now=utc_now(),
                subject=subject,
                salutation=salutation,
                body=body,
                closing=closing,
            )

        def done(saved: LetterDraft) -> None:
            self.sig_saved.emit(saved)
            if then is not None:
                then(saved)

        def failed(error: Exception) -> None:
            show_error(self, tr("Draft not saved"), error)
            self._edited()

        self.save_button.setEnabled(False)
        Op.on_register(self.runner, work, parent=self).success(done).failure(failed).with_progress(
            tr("Saving the draft…")
        ).run_in_background()
        return True

    def _edited(self) -> None:
        if self._loading:
            return
        dirty = self.is_dirty()
        problem = ""
        if dirty and not self.subject.text().strip():
            problem = tr("A letter needs a subject.")
        elif dirty and not self.body.toPlainText().strip():
            problem = tr("A letter needs a body.")
        set_invalid(self.subject, problem == tr("A letter needs a subject."), problem)
        set_invalid(self.body, problem == tr("A letter needs a body."), problem)
        self.status.setText(problem or (tr("Unsaved edits.") if dirty else ""))
        self.save_button.setEnabled(dirty and not problem)
        self.revert_button.setEnabled(dirty)
        self.sig_dirty_changed.emit(dirty)
