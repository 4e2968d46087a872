"""The case file's Letters tab: draft from a template, preview, edit, issue, print, save.

A letter is the officer's formal word to the requester, so the tab follows the service's
rules exactly: a draft can be edited and previewed as often as needed; issuing stores the
PDF for good (confirmed first) and then offers the workflow step that usually follows; a
correction is a re-issue, never an edit. Previews and printing work from PDF bytes in
memory; "Save as PDF" is the only way a letter reaches the disk.

The tab composes the parts in ``ui/letters/`` (list, editor, preview, new-letter dialog, one
button per action) and keeps what they share: the open case and the letter on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.languages import ENGLISH
from grievance_desk.services.letter_issue import IssuedLetter
from grievance_desk.services.letter_languages import TEMPLATE_LANGUAGES, letter_language
from grievance_desk.services.letter_records import LetterDraft, list_letters
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.flow_layout import FlowLayout
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.letters.buttons import action_button
from grievance_desk.ui.letters.case_context import CaseContext, Confirm, ask_first
from grievance_desk.ui.letters.compose_email_button import ComposeEmailButton
from grievance_desk.ui.letters.discard_button import DiscardButton
from grievance_desk.ui.letters.editor import LetterEditor
from grievance_desk.ui.letters.issue_button import IssueButton
from grievance_desk.ui.letters.letter_list import LetterList
from grievance_desk.ui.letters.new_letter_dialog import NewLetterDialog
from grievance_desk.ui.letters.preview_pane import LetterPreviewPane
from grievance_desk.ui.letters.print_button import PrintButton
from grievance_desk.ui.letters.reissue_button import ReissueButton
from grievance_desk.ui.letters.save_pdf_button import SavePdfButton
from grievance_desk.ui.ops import Op, OpChanges, OpRunner
from grievance_desk.ui.widgets import label

__all__ = ["CaseContext", "LettersTab"]


class LettersTab(QWidget):
    """Letters of one case. ``sig_case_changed`` → the case file reloads (timeline, status);
    ``sig_next_step(NextStep)`` → the case file takes the step the officer accepted;
    ``sig_edit_template(template_id, language)`` → open the template editor on that
    language's copy (the letter's language; issue 17).
    """

    sig_case_changed = Signal()
    sig_next_step = Signal(object)
    sig_edit_template = Signal(str, str)
    sig_dirty_changed = Signal(bool)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.case: CaseContext | None = None
        self.letters: list[LetterDraft] = []
        self.current: LetterDraft | None = None
        self._select_after_load: int | None = None
        self.confirm: Confirm = ask_first
        self.last_dialog: NewLetterDialog | None = None

        self.list = LetterList()
        self.list.sig_chosen.connect(self._letter_chosen)
        self.preview = LetterPreviewPane(runner)
        self.preview.sig_shown.connect(self._update_buttons)
        self.view = self.preview.view
        self.editor = LetterEditor(runner)
        self.editor.sig_dirty_changed.connect(self._dirty_changed)
        self.editor.sig_saved.connect(self._saved)
        self.body = self.editor.body  # what the tests type into

        self.new_button = action_button(
            tr("New letter…"),
            "new-case",
            tr("Draft a letter from a template (Ctrl+Shift+L)"),
            self.new,
        )
        self.new_button.setShortcut("Ctrl+Shift+L")
        self.template_button = action_button(
            tr("Template…"),
            "edit",
            tr("Edit your copy of this letter's template"),
            self._edit_template,
        )
        self.issue_button = IssueButton(self)
        self.print_button = PrintButton(self)
        self.save_pdf_button = SavePdfButton(self)
        self.email_button = ComposeEmailButton(self)
        self.reissue_button = ReissueButton(self)
        self.discard_button = DiscardButton(self)
        self._lay_out()
        self._update_buttons()

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.template_button)
        actions = FlowLayout(spacing=6)  # wraps rather than cutting labels in a narrow pane
        for widget in (
            self.issue_button,
            self.print_button,
            self.save_pdf_button,
            self.email_button,
            self.reissue_button,
            self.discard_button,
        ):
            actions.addWidget(widget)

        self.inner = QTabWidget()
        self.inner.setDocumentMode(True)
        self.inner.addTab(self.preview, tr("Preview"))
        self.inner.addTab(self.editor, tr("Edit draft"))

        self.empty = label(
            tr(
                "No letters yet. Use “New letter…” to draft an acknowledgement, a request for "
                "identity proof, a response or another formal letter from a template."
            ),
            "muted",
            wrap=True,
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QStackedWidget()
        self.detail.addWidget(self.empty)
        detail_page = QWidget()
        detail_layout = QVBoxLayout(detail_page)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(self.inner, 1)
        self.detail.addWidget(detail_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(row)
        # The page preview matters more than the list: a few rows by default, the officer
        # can drag the divider.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([96, 600])
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.new_button, self.template_button)
        self.setTabOrder(self.template_button, self.list)
        self.setTabOrder(self.list, self.issue_button)

    # -- what the parts read -------------------------------------------------------------

    @property
    def pdf_bytes(self) -> bytes | None:
        """The letter on screen as PDF bytes in memory (None until laid out)."""
        return self.preview.pdf_bytes

    @property
    def preview_pages(self) -> int:
        """Pages of the letter on screen."""
        return self.preview.page_count

    @property
    def last_issued(self) -> IssuedLetter | None:
        """What the last "Issue…" produced."""
        return self.issue_button.last_issued

    # -- loading -------------------------------------------------------------------------

    def show_case(self, case: CaseContext) -> None:
        """Show ``case``'s letters (keeping the letter on screen when it is the same case)."""
        changed_case = self.case is None or self.case.reference != case.reference
        self.case = case
        if changed_case:
            self._forget_current()
        self.reload()

    def clear(self) -> None:
        """No case open."""
        self.case = None
        self.letters = []
        self.list.clear()
        self._forget_current()

    def _forget_current(self) -> None:
        self.current = None
        self.preview.clear()
        self.editor.load(None)
        self.detail.setCurrentIndex(0)
        self._update_buttons()

    def letter_changes(self) -> OpChanges:
        """What a letter op changed: this case's letters (announced to every page)."""
        references = frozenset({self.case.reference}) if self.case is not None else frozenset()
        return OpChanges(letters=True, references=references)

    def letters_changed(self, select_id: int | None = None, *, forget: bool = False) -> None:
        """A letter was drafted, issued, copied or discarded: reload, show ``select_id``."""
        self.current = None
        if forget:
            self._forget_current()
        self.reload(select_id=select_id)
        self.sig_case_changed.emit()

    def reload(self, select_id: int | None = None) -> None:
        """Read the case's letters again, then show ``select_id`` (else the current one)."""
        case = self.case
        if case is None:
            return
        keep = (
            select_id
            if select_id is not None
            else (self.current.letter_id if self.current else None)
        )
        self._select_after_load = keep
        reference = case.reference
        Op.on_register(
            self.runner, lambda register: list_letters(register, reference), parent=self
        ).success(lambda letters: self._show_letters(reference, letters)).failure(
            lambda e: show_error(self, tr("Letters not loaded"), e)
        ).run_in_background()

    def _show_letters(self, reference: str, letters: list[LetterDraft]) -> None:
        if self.case is None or self.case.reference != reference:
            return
        self.letters = list(reversed(letters))  # newest first, as the timeline
        self.list.fill(self.letters, self.case.zone)
        wanted = self._select_after_load
        chosen = self.letter_by_id(wanted) if wanted is not None else None
        if chosen is None and self.letters and self.current is None:
            chosen = self.letters[0]
        if chosen is not None:
            self.list.select(chosen.letter_id)
            self._letter_chosen(chosen.letter_id)
        elif not self.letters:
            self._forget_current()

    def letter_by_id(self, letter_id: int) -> LetterDraft | None:
        """The loaded letter ``letter_id``, if the list has it."""
        return next((x for x in self.letters if x.letter_id == letter_id), None)

    def _letter_chosen(self, letter_id: int) -> None:
        letter = self.letter_by_id(letter_id)
        if letter is None:
            return
        if (
            self.current is not None
            and self.current.letter_id != letter.letter_id
            and self.is_dirty()
        ):
            self.save_draft()
        same = self.current is not None and self.current.letter_id == letter.letter_id
        self.current = letter
        self.detail.setCurrentIndex(1)
        if same and self.is_dirty():
            self.editor.letter = letter  # keep the officer's unsaved edits on screen
        else:
            self.editor.load(letter)
        self._update_buttons()
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Lay out the letter on screen again."""
        if self.current is not None:
            self.preview.show_letter(self.current, self.case.zone if self.case else None)

    # -- editing -------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        """The draft on screen has unsaved edits."""
        return self.current is not None and self.editor.is_dirty()

    def revert(self) -> None:
        """Drop the unsaved edits."""
        self.editor.revert()

    def save_draft(self, then: Callable[[LetterDraft], None] | None = None) -> bool:
        """Save edits to the current draft; ``then`` runs after the save arrives.

        False when the subject or body is empty (the editor is brought forward to say so).
        """
        if self.current is None:
            return True
        if not self.editor.save(then):
            self.inner.setCurrentIndex(1)
            return False
        return True

    def _saved(self, saved: LetterDraft) -> None:
        self.letters = [saved if x.letter_id == saved.letter_id else x for x in self.letters]
        if self.current is not None and self.current.letter_id == saved.letter_id:
            self.current = saved
            self.editor.load(saved)
            self.refresh_preview()
        self.sig_case_changed.emit()

    def _dirty_changed(self, dirty: bool) -> None:
        issued = self.editor.letter is not None and self.editor.letter.is_issued
        self.inner.setTabText(
            1, tr("Text") if issued else tr("Edit draft") + " •" if dirty else tr("Edit draft")
        )
        self.sig_dirty_changed.emit(dirty)

    # -- actions -------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        letter = self.current
        draft = letter is not None and not letter.is_issued
        issued = letter is not None and letter.is_issued
        self.new_button.setEnabled(self.case is not None)
        self.issue_button.follow(draft)
        self.discard_button.setEnabled(draft)
        self.reissue_button.setEnabled(issued)
        self.print_button.setEnabled(letter is not None and self.pdf_bytes is not None)
        self.save_pdf_button.setEnabled(letter is not None)
        self.email_button.setEnabled(issued)  # only an issued letter is e-mailed
        self.template_button.setEnabled(True)

    def new(self, template_id: str = "") -> NewLetterDialog | None:
        """The new-letter dialog, with ``template_id`` selected when given."""
        case = self.case
        if case is None:
            return None
        dialog = NewLetterDialog(self.runner, case, self, preferred=template_id)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self._drafted(dialog))
        dialog.open()
        return dialog

    def _drafted(self, dialog: NewLetterDialog) -> None:
        if dialog.drafted is not None:
            self.letters_changed(select_id=dialog.drafted.letter_id)

    def issue(self) -> None:
        """Issue the current draft (asked first), as "Issue…" does."""
        self.issue_button.issue()

    def print(self) -> None:
        """Ctrl+P: the print dialog for the letter on screen."""
        self.print_button.print_letter()

    def print_to(self, printer: QPrinter) -> int:
        """Print the previewed letter on ``printer``; returns the pages printed (0 on error)."""
        return self.print_button.print_to(printer)

    def save_pdf_to(self, target: Path) -> None:
        """Write the letter on screen to ``target`` as "Save as PDF…" does."""
        self.save_pdf_button.save_pdf_to(target)

    def _edit_template(self) -> None:
        letter = self.current
        if letter is not None:
            language = letter_language(letter.template_version)
        else:  # no letter yet: the case's reply language where templates ship in it
            reply = self.case.reply_language if self.case is not None else ENGLISH
            language = reply if reply in TEMPLATE_LANGUAGES else ENGLISH
        self.sig_edit_template.emit(letter.template_id if letter else "", language)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(520, 600)
