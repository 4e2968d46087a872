"""The case file's Letters tab: draft from a template, preview, edit, issue, print, save.

A letter is the officer's formal word to the requester, so the tab follows the service's
rules exactly: a draft can be edited and previewed as often as needed; issuing stores the
PDF for good (confirmed first) and then offers the workflow step that usually follows; a
correction is a re-issue, never an edit. Previews and printing work from PDF bytes in
memory; "Save as PDF" is the only way a letter reaches the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_templates import (
    EmptyFields,
    LetterTemplate,
    list_templates,
)
from grievance_desk.services.letters import (
    ChecklistItem,
    IssuedLetter,
    LetterDraft,
    LetterInput,
    NextStep,
    discard_draft,
    draft_letter,
    issue_letter,
    letter_checklist,
    letter_inputs,
    letter_pdf,
    list_letters,
    reissue_letter,
    render_preview,
    update_draft,
)
from grievance_desk.services.register_access import Register
from grievance_desk.ui.dialogs import error_text, show_error
from grievance_desk.ui.file_dialogs import save_file_name
from grievance_desk.ui.flow_layout import FlowLayout
from grievance_desk.ui.letter_language_picker import LetterLanguagePicker  # issue 17
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.pdf_tools import PdfPreview, print_pdf
from grievance_desk.ui.private_files import write_private
from grievance_desk.ui.resources import icon
from grievance_desk.ui.widgets import label, set_invalid

Confirm = Callable[[QWidget, str, str], bool]


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """A Yes/No question; tests replace the tab's ``confirm`` attribute instead of clicking."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


@dataclass
class CaseContext:
    """What the tab needs to know about the open case."""

    reference: str
    request_type: str
    status: str
    zone: ZoneInfo
    reply_language: str = "en"  # issue 17: letters are offered in it first


# --------------------------------------------------------------------------- new letter


class NewLetterDialog(QDialog):
    """Pick a template that suits the case, fill the fields the officer types, draft it.

    The draft is made while the dialog is open, so a field left empty is marked where it is
    and nothing typed is lost; ``drafted`` holds the new draft once accepted.
    """

    def __init__(
        self,
        register: Register,
        runner: OpRunner,
        case: CaseContext,
        parent: QWidget | None = None,
        *,
        preferred: str = "",
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.runner = runner
        self.case = case
        self.preferred = preferred  # a template to select first (the extension notice)
        self.drafted: LetterDraft | None = None
        self.inputs: dict[str, QPlainTextEdit] = {}
        self._templates: list[LetterTemplate] = []
        self.setWindowTitle(f"New letter — {case.reference}")
        self.setObjectName("new_letter_dialog")

        self.templates = QListWidget()
        self.templates.setAccessibleName("Letter templates")
        self.templates.setMinimumWidth(240)
        self.templates.currentRowChanged.connect(self._template_chosen)
        self.show_all = QCheckBox("Show every template")
        self.show_all.setToolTip("Also list templates not meant for this request type or status")
        self.show_all.toggled.connect(lambda _on: self._fill_templates())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(label("Template", "section"))
        left_layout.addWidget(self.templates, 1)
        left_layout.addWidget(self.show_all)
        # issue 17: the letter's language (the case's reply language, or English)
        self.language = LetterLanguagePicker(case.reply_language)
        self.language.sig_changed.connect(self._language_changed)
        left_layout.addWidget(self.language)

        self.about = label("", "hint", wrap=True)
        self.fields_box = QWidget()
        self.fields_form = QFormLayout(self.fields_box)
        self.fields_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        fields_scroll = QScrollArea()
        fields_scroll.setWidgetResizable(True)
        fields_scroll.setWidget(self.fields_box)
        fields_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.error = label("", "error", wrap=True)
        self.error.setAccessibleName("Problem")
        # What the case's law requires this letter to say (issue 14), ticked as it is filled.
        self.checklist = label("", "hint", wrap=True)
        self.checklist.setAccessibleName("What the law requires in this letter")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(label("What this letter needs from you", "section"))
        right_layout.addWidget(self.about)
        right_layout.addWidget(fields_scroll, 1)
        checklist_scroll = QScrollArea()
        checklist_scroll.setWidgetResizable(True)
        checklist_scroll.setWidget(self.checklist)
        checklist_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        checklist_scroll.setMaximumHeight(120)
        right_layout.addWidget(checklist_scroll)
        right_layout.addWidget(self.error)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([260, 480])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText("Create draft")
        self.buttons.accepted.connect(self.create_draft)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(780, 520)

        register_ = register
        Op(runner, lambda: _templates(register_), parent=self).success(self._got_templates).failure(
            lambda e: self.error.setText(error_text(e))
        ).run_in_background()

    def _got_templates(self, templates: list[LetterTemplate]) -> None:
        self._all_templates = templates
        self._fill_templates()
        if self.preferred and any(t.id == self.preferred for t in templates):
            self.choose(self.preferred)

    def _fill_templates(self) -> None:
        everything = getattr(self, "_all_templates", [])
        suits = [t for t in everything if t.suits(self.case.request_type, self.case.status)]
        shown = everything if self.show_all.isChecked() or not suits else suits
        self._templates = shown
        self.templates.blockSignals(True)
        self.templates.clear()
        for template in shown:
            title = template.title + self.language.marker(template.id)  # issue 17
            item = QListWidgetItem(icon("letter"), title)
            item.setToolTip(f"{template.id} — version {template.version}")
            self.templates.addItem(item)
        self.templates.blockSignals(False)
        if shown:
            self.templates.setCurrentRow(0)
        else:
            self.about.setText("No template suits this case.")

    def template_ids(self) -> list[str]:
        return [t.id for t in self._templates]

    def choose(self, template_id: str) -> None:
        ids = self.template_ids()
        if template_id not in ids and not self.show_all.isChecked():
            self.show_all.setChecked(True)
            ids = self.template_ids()
        self.templates.setCurrentRow(ids.index(template_id))

    @property
    def template(self) -> LetterTemplate | None:
        row = self.templates.currentRow()
        return self._templates[row] if 0 <= row < len(self._templates) else None

    def _template_chosen(self, _row: int) -> None:
        template = self.template
        self._clear_fields()
        if template is None:
            return
        self.about.setText(f"{template.title}. Loading its fields…")
        register, reference = self.register, self.case.reference
        self.language.show_template(template.id)  # issue 17
        lang = self.language.language()
        Op(
            self.runner,
            lambda: (
                letter_inputs(register, reference, template.id, now=utc_now(), language=lang),
                letter_checklist(register, reference, template.id, now=utc_now(), language=lang),
            ),
            parent=self,
        ).success(lambda found: self._show_inputs(template, found[0], found[1])).failure(
            lambda e: self.error.setText(error_text(e))
        ).run_in_background()

    def _language_changed(self) -> None:
        """issue 17: relabel the list for the language picked and reload the fields."""
        for row, template in enumerate(self._templates):
            item = self.templates.item(row)
            if item is not None:
                item.setText(template.title + self.language.marker(template.id))
        self._template_chosen(self.templates.currentRow())

    def _clear_fields(self) -> None:
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.inputs = {}
        self.error.clear()

    def _show_inputs(
        self,
        template: LetterTemplate,
        inputs: list[LetterInput],
        checklist: list[ChecklistItem] | None = None,
    ) -> None:
        if template is not self.template:
            return
        self._clear_fields()
        self.checklist.setText(
            "The law requires this letter to give:\n"
            + "\n".join(
                f"{'✓' if i.done else '○'} {i.label} ({i.citation})" for i in checklist or ()
            )
            if checklist
            else ""
        )
        if inputs:
            self.about.setText(
                f"{template.title}: the case, the requester, the deadlines and your details "
                "fill the rest. Fields marked * are required."
            )
        else:
            self.about.setText(
                f"{template.title}: everything comes from the case and your settings; "
                "nothing to type."
            )
        for item in inputs:
            edit = QPlainTextEdit(item.value)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            edit.setPlaceholderText(item.meaning[:1].upper() + item.meaning[1:])
            name = item.name.split(".", 1)[1].replace("_", " ")
            edit.setAccessibleName(name)
            edit.setAccessibleDescription(item.meaning)
            edit.setToolTip(item.meaning)
            text = name[:1].upper() + name[1:] + (" *" if item.required else "") + ":"
            self.fields_form.addRow(text, edit)
            self.inputs[item.name] = edit
            edit.textChanged.connect(lambda e=edit: set_invalid(e, False, e.toolTip()))

    def overrides(self) -> dict[str, str]:
        return {name: edit.toPlainText().strip() for name, edit in self.inputs.items()}

    def create_draft(self) -> None:
        template = self.template
        if template is None:
            self.error.setText("Choose a template first.")
            return
        values = {k: v for k, v in self.overrides().items() if v}
        register, reference = self.register, self.case.reference
        lang = self.language.language()  # issue 17
        self.create_button.setEnabled(False)
        self.error.clear()

        def failed(error: Exception) -> None:
            self.create_button.setEnabled(True)
            if isinstance(error, EmptyFields):
                for name in error.names:
                    edit = self.inputs.get(name)
                    if edit is not None:
                        set_invalid(edit, True, "Required for this letter: fill it in.")
                first = next((self.inputs[n] for n in error.names if n in self.inputs), None)
                if first is not None:
                    first.setFocus()
            self.error.setText(error_text(error))

        def done(draft: LetterDraft) -> None:
            self.drafted = draft
            self.accept()

        Op(
            self.runner,
            lambda: draft_letter(
                register,
                reference,
                template.id,
                now=utc_now(),
                overrides=values or None,
                language=lang,
            ),
            parent=self,
        ).success(done).failure(failed).with_progress("Drafting the letter…").run_in_background()


def _templates(register: Register) -> list[LetterTemplate]:
    with register.reading() as session:
        return list_templates(session)


# --------------------------------------------------------------------------- the tab


class LettersTab(QWidget):
    """Letters of one case. ``sig_case_changed`` → the case file reloads (timeline, status);
    ``sig_next_step(NextStep)`` → the case file takes the step the officer accepted;
    ``sig_edit_template(template_id)`` → open the template editor.
    """

    sig_case_changed = Signal()
    sig_next_step = Signal(object)
    sig_edit_template = Signal(str)
    sig_dirty_changed = Signal(bool)

    def __init__(self, register: Register, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.runner = runner
        self.case: CaseContext | None = None
        self.letters: list[LetterDraft] = []
        self.current: LetterDraft | None = None
        self.pdf_bytes: bytes | None = None
        self._loading_editor = False
        self._select_after_load: int | None = None
        self.confirm: Confirm = ask_yes_no
        self.last_preview_seconds: float | None = None
        self.last_issued: IssuedLetter | None = None

        self.list = QTreeWidget()
        self.list.setObjectName("letters_list")
        self.list.setHeaderLabels(["Letter", "Status", "Date"])
        self.list.setRootIsDecorated(False)
        self.list.setAccessibleName("Letters of this case")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.list.setMaximumHeight(150)
        self.list.currentItemChanged.connect(self._letter_chosen)

        def button(text: str, icon_name: str, tip: str, slot: Any) -> QPushButton:
            widget = QPushButton(icon(icon_name), text)
            widget.setToolTip(tip)
            widget.setAccessibleName(text.rstrip("…"))
            widget.clicked.connect(lambda _c=False: slot())
            return widget

        self.new_button = button(
            "New letter…", "new-case", "Draft a letter from a template (Ctrl+Shift+L)", self.new
        )
        self.new_button.setShortcut("Ctrl+Shift+L")
        self.issue_button = button(
            "Issue…", "check", "Store this letter for good and date it today", self.issue
        )
        self.issue_button.setProperty("role", "primary")
        self.print_button = button("Print…", "print", "Print the letter (Ctrl+P)", self.print)
        self.save_pdf_button = button(
            "Save as PDF…", "pdf", "Write the letter to a PDF file you choose", self.save_as_pdf
        )
        self.reissue_button = button(
            "Re-issue…",
            "reply",
            "Start a corrected copy of an issued letter as a new draft",
            self.reissue,
        )
        self.discard_button = button("Discard", "trash", "Delete this draft", self.discard)
        self.template_button = button(
            "Template…",
            "edit",
            "Edit your copy of this letter's template",
            self._edit_template,
        )
        # -- ui-intake: "Compose e-mail…" (the button and its flow live in ui/email_letter.py)
        from grievance_desk.ui.email_letter import ComposeEmailButton

        self.email_button = ComposeEmailButton(self)
        # -- end ui-intake
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
            self.email_button,  # ui-intake
            self.reissue_button,
            self.discard_button,
        ):
            actions.addWidget(widget)

        self.view = PdfPreview()
        self.view.setObjectName("letter_preview")
        self.view.setAccessibleName("Letter preview")
        self.preview_note = label("", "hint", wrap=True)
        preview_tab = QWidget()
        preview_layout = QVBoxLayout(preview_tab)
        preview_layout.setContentsMargins(0, 4, 0, 0)
        preview_layout.addWidget(self.preview_note)
        preview_layout.addWidget(self.view, 1)

        self.subject = QLineEdit()
        self.subject.setAccessibleName("Subject")
        self.salutation = QLineEdit()
        self.salutation.setAccessibleName("Salutation")
        self.body = QPlainTextEdit()
        self.body.setAccessibleName("Body")
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(
            "Paragraphs are separated by a blank line; '- ' starts a bullet; **bold**, *italic*."
        )
        self.closing = QPlainTextEdit()
        self.closing.setAccessibleName("Closing")
        self.closing.setTabChangesFocus(True)
        self.closing.setFixedHeight(56)
        for line_edit in (self.subject, self.salutation):
            line_edit.textChanged.connect(self._edited)
        for edit in (self.body, self.closing):
            edit.textChanged.connect(self._edited)
        self.save_draft_button = button(
            "Save draft", "save", "Save your edits and refresh the preview", self.save_draft
        )
        self.revert_draft_button = button("Revert", "open", "Undo unsaved edits", self.revert)
        self.edit_status = label("", "hint")
        edit_tab = QWidget()
        edit_form = QFormLayout(edit_tab)
        edit_form.setContentsMargins(4, 8, 4, 4)
        edit_form.addRow("&Subject:", self.subject)
        edit_form.addRow("S&alutation:", self.salutation)
        edit_form.addRow("&Body:", self.body)
        edit_form.addRow("&Closing:", self.closing)
        save_row = QHBoxLayout()
        save_row.addWidget(self.edit_status, 1)
        save_row.addWidget(self.revert_draft_button)
        save_row.addWidget(self.save_draft_button)
        edit_form.addRow(save_row)

        self.inner = QTabWidget()
        self.inner.setDocumentMode(True)
        self.inner.addTab(preview_tab, "Preview")
        self.inner.addTab(edit_tab, "Edit draft")

        self.empty = label(
            "No letters yet. Use “New letter…” to draft an acknowledgement, a request for "
            "identity proof, a response or another formal letter from a template.",
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
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------

    def show_case(self, case: CaseContext) -> None:
        changed_case = self.case is None or self.case.reference != case.reference
        self.case = case
        if changed_case:
            self._forget_current()
        self.reload()

    def clear(self) -> None:
        self.case = None
        self.letters = []
        self.list.clear()
        self._forget_current()

    def _forget_current(self) -> None:
        self.current = None
        self._set_pdf(None)
        self._load_editor(None)
        self.detail.setCurrentIndex(0)
        self._update_buttons()

    def reload(self, select_id: int | None = None) -> None:
        case = self.case
        if case is None:
            return
        keep = (
            select_id
            if select_id is not None
            else (self.current.letter_id if self.current else None)
        )
        self._select_after_load = keep
        register, reference = self.register, case.reference
        Op(self.runner, lambda: list_letters(register, reference), parent=self).success(
            lambda letters: self._show_letters(reference, letters)
        ).failure(lambda e: show_error(self, "Letters not loaded", e)).run_in_background()

    def _show_letters(self, reference: str, letters: list[LetterDraft]) -> None:
        if self.case is None or self.case.reference != reference:
            return
        self.letters = list(reversed(letters))  # newest first, as the timeline
        zone = self.case.zone
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QTreeWidgetItem | None = None
        for letter in self.letters:
            when = letter.issued_at or letter.created_at
            item = QTreeWidgetItem(
                [
                    letter.template_title or letter.template_id,
                    "Issued" if letter.is_issued else "Draft",
                    when.astimezone(zone).strftime("%d %b %Y"),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, letter.letter_id)
            item.setIcon(0, icon("check" if letter.is_issued else "edit"))
            item.setToolTip(
                0,
                f"{letter.subject}\nTemplate {letter.template_version}, letter {letter.letter_id}",
            )
            self.list.addTopLevelItem(item)
            if letter.letter_id == self._select_after_load:
                chosen = item
        self.list.blockSignals(False)
        if chosen is None and self.letters and self.current is None:
            chosen = self.list.topLevelItem(0)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
            self._letter_chosen(chosen, None)
        elif not self.letters:
            self._forget_current()

    def letter_by_id(self, letter_id: int) -> LetterDraft | None:
        return next((x for x in self.letters if x.letter_id == letter_id), None)

    def select_letter(self, letter_id: int) -> None:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == letter_id:
                self.list.setCurrentItem(item)
                return

    def _letter_chosen(self, item: QTreeWidgetItem | None, _previous: Any) -> None:
        if item is None:
            return
        letter = self.letter_by_id(int(item.data(0, Qt.ItemDataRole.UserRole)))
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
        if not (same and self.is_dirty()):
            self._load_editor(letter)
        self._update_buttons()
        self.refresh_preview()

    # -- preview -------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        letter = self.current
        if letter is None:
            return
        register, letter_id = self.register, letter.letter_id
        zone = self.case.zone if self.case else None
        self.preview_note.setText("Laying out the letter…")

        def work() -> tuple[int, bytes, float]:
            import time

            started = time.perf_counter()
            today = utc_now().astimezone(zone).date() if zone else None
            data = render_preview(register, letter_id, on=None if letter.is_issued else today)
            return letter_id, data, time.perf_counter() - started

        Op(self.runner, work, parent=self).success(self._show_preview).failure(
            self._preview_failed
        ).with_progress("Preparing the preview…").run_in_background()

    def _show_preview(self, result: tuple[int, bytes, float]) -> None:
        letter_id, data, seconds = result
        if self.current is None or self.current.letter_id != letter_id:
            return
        self.last_preview_seconds = seconds
        self._set_pdf(data)
        pages = self.view.page_count
        if self.current.is_issued:
            assert self.current.issued_at is not None and self.case is not None
            issued = self.current.issued_at.astimezone(self.case.zone)
            note = (
                f"Issued {issued:%d %b %Y %H:%M} — the stored letter, exactly as sent "
                f"({pages} page{'s' if pages != 1 else ''}). It cannot change; re-issue to "
                "correct it."
            )
        else:
            note = (
                f"Draft preview, dated today ({pages} page{'s' if pages != 1 else ''}). "
                "Edit it under “Edit draft”; issuing dates and stores it."
            )
        self.preview_note.setText(note)
        self._update_buttons()

    def _preview_failed(self, error: Exception) -> None:
        self._set_pdf(None)
        self.preview_note.setText("")
        show_error(self, "No preview", error)

    def _set_pdf(self, data: bytes | None) -> None:
        self.pdf_bytes = data
        self.view.set_pdf(data)

    @property
    def preview_pages(self) -> int:
        return self.view.page_count

    # -- editing -------------------------------------------------------------------------

    def _load_editor(self, letter: LetterDraft | None) -> None:
        self._loading_editor = True
        self.subject.setText(letter.subject if letter else "")
        self.salutation.setText(letter.salutation if letter else "")
        self.body.setPlainText(letter.body if letter else "")
        self.closing.setPlainText(letter.closing if letter else "")
        editable = letter is not None and not letter.is_issued
        for line_edit in (self.subject, self.salutation):
            line_edit.setReadOnly(not editable)
        for edit in (self.body, self.closing):
            edit.setReadOnly(not editable)
        self.inner.setTabText(1, "Edit draft" if editable else "Text")
        self._loading_editor = False
        self._edited()

    def is_dirty(self) -> bool:
        letter = self.current
        if letter is None or letter.is_issued:
            return False
        return (
            self.subject.text() != letter.subject
            or self.salutation.text() != letter.salutation
            or self.body.toPlainText() != letter.body
            or self.closing.toPlainText() != letter.closing
        )

    def _edited(self) -> None:
        if self._loading_editor:
            return
        dirty = self.is_dirty()
        problem = ""
        if dirty and not self.subject.text().strip():
            problem = "A letter needs a subject."
        elif dirty and not self.body.toPlainText().strip():
            problem = "A letter needs a body."
        set_invalid(self.subject, problem.startswith("A letter needs a subject"), problem)
        set_invalid(self.body, problem.startswith("A letter needs a body"), problem)
        self.edit_status.setText(problem or ("Unsaved edits." if dirty else ""))
        self.save_draft_button.setEnabled(dirty and not problem)
        self.revert_draft_button.setEnabled(dirty)
        self.inner.setTabText(
            1,
            ("Edit draft •" if dirty else "Edit draft")
            if self.current is None or not self.current.is_issued
            else "Text",
        )
        self.sig_dirty_changed.emit(dirty)

    def revert(self) -> None:
        self._load_editor(self.current)

    def save_draft(self, then: Callable[[LetterDraft], None] | None = None) -> bool:
        """Save edits to the current draft; ``then`` runs after the save arrives."""
        letter = self.current
        if letter is None or not self.is_dirty():
            if then is not None and letter is not None:
                then(letter)
            return True
        if not self.subject.text().strip() or not self.body.toPlainText().strip():
            self.inner.setCurrentIndex(1)
            return False
        register = self.register
        subject = self.subject.text()
        salutation = self.salutation.text()
        body = self.body.toPlainText()
        closing = self.closing.toPlainText()

        def work() -> LetterDraft:
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
            self._replace(saved)
            if self.current is not None and self.current.letter_id == saved.letter_id:
                self.current = saved
                self._load_editor(saved)
                self.refresh_preview()
            self.sig_case_changed.emit()
            if then is not None:
                then(saved)

        self.save_draft_button.setEnabled(False)

        def failed(error: Exception) -> None:
            show_error(self, "Draft not saved", error)
            self._edited()

        Op(self.runner, work, parent=self).success(done).failure(failed).with_progress(
            "Saving the draft…"
        ).run_in_background()
        return True

    def _replace(self, letter: LetterDraft) -> None:
        self.letters = [letter if x.letter_id == letter.letter_id else x for x in self.letters]

    # -- actions -------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        letter = self.current
        has = letter is not None
        draft = has and letter is not None and not letter.is_issued
        issued = has and letter is not None and letter.is_issued
        self.new_button.setEnabled(self.case is not None)
        self.issue_button.setEnabled(draft)
        self.discard_button.setEnabled(draft)
        self.reissue_button.setEnabled(issued)
        self.print_button.setEnabled(has and self.pdf_bytes is not None)
        self.save_pdf_button.setEnabled(has)
        self.email_button.setEnabled(issued)  # ui-intake: only an issued letter is e-mailed
        self.template_button.setEnabled(True)
        self.issue_button.setToolTip(
            "Store this letter for good and date it today"
            if draft
            else "Only a draft can be issued; an issued letter never changes."
        )

    def new(self, template_id: str = "") -> NewLetterDialog | None:
        """The new-letter dialog, with ``template_id`` selected when given."""
        case = self.case
        if case is None:
            return None
        dialog = NewLetterDialog(self.register, self.runner, case, self, preferred=template_id)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self._drafted(dialog))
        dialog.open()
        return dialog

    def _drafted(self, dialog: NewLetterDialog) -> None:
        if dialog.drafted is None:
            return
        self.current = None
        self.reload(select_id=dialog.drafted.letter_id)
        self.sig_case_changed.emit()

    def issue(self) -> None:
        letter = self.current
        if letter is None or letter.is_issued:
            return
        if not self.confirm(
            self,
            "Issue this letter?",
            f"“{self.subject.text() or letter.subject}” will be dated today and stored "
            "with its digest for good. It cannot be changed afterwards; a correction is a "
            "new letter.",
        ):
            return
        self.save_draft(then=lambda saved: self._issue(saved.letter_id))

    def _issue(self, letter_id: int) -> None:
        register = self.register
        Op(
            self.runner, lambda: issue_letter(register, letter_id, now=utc_now()), parent=self
        ).success(self._issued).failure(lambda e: show_error(self, "Not issued", e)).with_progress(
            "Issuing the letter…"
        ).run_in_background()

    def _issued(self, issued: IssuedLetter) -> None:
        self.last_issued = issued
        self.current = None
        self.reload(select_id=issued.letter_id)
        self.sig_case_changed.emit()
        step = issued.next_step
        if step is not None:
            QTimer.singleShot(0, lambda: self.offer_next_step(step))

    def offer_next_step(self, step: NextStep) -> None:
        question = f"The letter is issued and on file. {step.label} now?"
        if step.kind == "extension" and step.reason:
            question += f"\n\nReasons recorded with the extension:\n{step.reason}"
        if self.confirm(self, "Next step", question):
            self.sig_next_step.emit(step)

    def reissue(self) -> None:
        letter = self.current
        if letter is None or not letter.is_issued:
            return
        register, letter_id = self.register, letter.letter_id

        def done(draft: LetterDraft) -> None:
            self.current = None
            self.reload(select_id=draft.letter_id)
            self.inner.setCurrentIndex(1)
            self.sig_case_changed.emit()

        Op(
            self.runner, lambda: reissue_letter(register, letter_id, now=utc_now()), parent=self
        ).success(done).failure(lambda e: show_error(self, "Not re-issued", e)).with_progress(
            "Starting a corrected copy…"
        ).run_in_background()

    def discard(self) -> None:
        letter = self.current
        if letter is None or letter.is_issued:
            return
        if not self.confirm(
            self, "Discard this draft?", f"The draft “{letter.subject}” will be deleted."
        ):
            return
        register, letter_id = self.register, letter.letter_id

        def done(_none: None) -> None:
            self.current = None
            self._forget_current()
            self.reload()
            self.sig_case_changed.emit()

        Op(
            self.runner, lambda: discard_draft(register, letter_id, now=utc_now()), parent=self
        ).success(done).failure(lambda e: show_error(self, "Not discarded", e)).run_in_background()

    def _edit_template(self) -> None:
        letter = self.current
        self.sig_edit_template.emit(letter.template_id if letter else "")

    # -- paper and files -----------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        if self.case is not None and self.current is not None:
            printer.setDocName(f"{self.case.reference} letter {self.current.letter_id}")
        return printer

    def print(self) -> None:
        """Ctrl+P: the print dialog for the letter on screen."""
        if self.current is None or self.pdf_bytes is None:
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print letter")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the previewed letter on ``printer``; returns the pages printed (0 on error)."""
        data = self.pdf_bytes
        if data is None:
            return 0
        try:
            return print_pdf(data, printer)
        except ValueError as error:
            show_error(self, "Not printed", error)
            return 0

    def save_as_pdf(self) -> None:
        letter, case = self.current, self.case
        if letter is None or case is None:
            return
        kind = "letter" if letter.is_issued else "draft"
        suggested = f"{case.reference}-{letter.template_id}-{kind}-{letter.letter_id}.pdf"
        target = save_file_name(self, "Save letter as PDF", suggested, "PDF (*.pdf)")
        if target is not None:
            self.save_pdf_to(target)

    def save_pdf_to(self, target: Path) -> None:
        """Write the issued letter's stored PDF (checked), or the draft's preview, to ``target``."""
        letter = self.current
        if letter is None:
            return
        register, letter_id = self.register, letter.letter_id
        issued = letter.is_issued

        def work() -> Path:
            data = (
                letter_pdf(register, letter_id) if issued else render_preview(register, letter_id)
            )
            path = target if target.suffix.lower() == ".pdf" else target.with_suffix(".pdf")
            try:
                write_private(path, data)
            except OSError as error:
                raise ValueError(
                    f"{path} could not be written ({error.strerror or error}). Choose another "
                    "folder."
                ) from None
            return path

        window = self.window()
        Op(self.runner, work, parent=self).success(
            lambda path: _status(window, f"Saved {path.name}.")
        ).failure(lambda e: show_error(self, "Not saved", e)).with_progress(
            "Saving the PDF…"
        ).run_in_background()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(520, 600)


def _status(window: QWidget, text: str) -> None:
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(text, 8000)
