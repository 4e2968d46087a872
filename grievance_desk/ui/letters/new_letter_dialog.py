"""The new-letter dialog: pick a template that suits the case, fill what the officer types, draft.

The draft is made while the dialog is open, so a field left empty is marked where it is and
nothing typed is lost; the law's required content is ticked off as it is filled. The letter's
language is the case's reply language where the template ships in it (issue 17).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.messages import active_language
from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_drafts import draft_letter
from grievance_desk.services.letter_languages import TEMPLATE_LANGUAGES
from grievance_desk.services.letter_records import LetterDraft
from grievance_desk.services.letter_requirements import (
    ChecklistItem,
    LetterInput,
    letter_checklist,
    letter_inputs,
)
from grievance_desk.services.letter_templates import EmptyFields, LetterTemplate, templates_in_use
from grievance_desk.ui.dialogs import error_text
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.letter_language_picker import LetterLanguagePicker  # issue 17
from grievance_desk.ui.letters.case_context import CaseContext
from grievance_desk.ui.letters.field_labels import field_label
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.resources import icon
from grievance_desk.ui.widgets import label, set_invalid


class NewLetterDialog(QDialog):
    """Pick a template that suits the case, fill the fields the officer types, draft it.

    The draft is made while the dialog is open, so a field left empty is marked where it is
    and nothing typed is lost; ``drafted`` holds the new draft once accepted.
    ``sig_fields_shown`` fires once a template's fields and checklist are in place and laid out.
    """

    sig_fields_shown = Signal()

    def __init__(
        self,
        runner: OpRunner,
        case: CaseContext,
        parent: QWidget | None = None,
        *,
        preferred: str = "",
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.case = case
        self.preferred = preferred  # a template to select first (the extension notice)
        self.drafted: LetterDraft | None = None
        self.inputs: dict[str, QPlainTextEdit] = {}
        self._templates: list[LetterTemplate] = []
        self.setWindowTitle(tr("New letter — {reference}").format(reference=case.reference))
        self.setObjectName("new_letter_dialog")

        self.templates = QListWidget()
        self.templates.setAccessibleName(tr("Letter templates"))
        self.templates.setMinimumWidth(240)
        self.templates.currentRowChanged.connect(self._template_chosen)
        self.show_all = QCheckBox(tr("Show every template"))
        self.show_all.setToolTip(
            tr("Also list templates not meant for this request type or status")
        )
        self.show_all.toggled.connect(lambda _on: self._fill_templates())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(label(tr("Template"), "section"))
        left_layout.addWidget(self.templates, 1)
        left_layout.addWidget(self.show_all)
        # issue 17: the letter's language (the case's reply language, or English)
        self.language = LetterLanguagePicker(case.reply_language)
        self.language.sig_changed.connect(self._language_changed)
        left_layout.addWidget(self.language)

        self.about = label("", "hint", wrap=True)
        # Wrapped text hangs from the top: never centred over the heading above it.
        self.about.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.fields_box = QWidget()
        self.fields_form = QFormLayout(self.fields_box)
        self.fields_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # One field sat in the middle of the empty pane: the rows start at the top.
        self.fields_form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        fields_scroll = QScrollArea()
        fields_scroll.setWidgetResizable(True)
        fields_scroll.setWidget(self.fields_box)
        fields_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.error = label("", "error", wrap=True)
        self.error.setAccessibleName(tr("Problem"))
        # What the case's law requires this letter to say (issue 14), ticked as it is filled.
        self.checklist = label("", "hint", wrap=True)
        self.checklist.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.checklist.setAccessibleName(tr("What the law requires in this letter"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(label(tr("What this letter needs from you"), "section"))
        right_layout.addWidget(self.about)
        right_layout.addWidget(fields_scroll, 1)
        self.checklist_scroll = checklist_scroll = QScrollArea()
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
        self.create_button.setText(tr("Create draft"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.create_draft)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(780, 520)

        # issue 17: each language's templates in use, for the titles shown in the list
        self._in_language: dict[str, dict[str, LetterTemplate]] = {}
        Op.on_register(
            runner,
            lambda register: (
                templates_in_use(register),
                {lang: templates_in_use(register, lang) for lang in TEMPLATE_LANGUAGES},
            ),
            parent=self,
        ).success(lambda found: self._got_templates(*found)).failure(
            lambda e: self.error.setText(error_text(e))
        ).run_in_background()

    def _got_templates(
        self, templates: list[LetterTemplate], in_language: dict[str, list[LetterTemplate]]
    ) -> None:
        self._all_templates = templates
        self._in_language = {lang: {t.id: t for t in found} for lang, found in in_language.items()}
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
            item = QListWidgetItem(icon("letter"), "")
            self._label_item(item, template)
            self.templates.addItem(item)
        self.templates.blockSignals(False)
        if shown:
            self.templates.setCurrentRow(0)
        else:
            self.about.setText(tr("No template suits this case."))

    def shown_template(self, template: LetterTemplate) -> LetterTemplate:
        """The template as the list names it (issue 17): in the letter's language where it
        ships in it, else in the window's language, else as it is (English, or the officer's
        own English copy, whose title is theirs)."""
        letter = self.language.chosen()
        if letter in self._in_language and template.id in self._in_language[letter]:
            return self._in_language[letter][template.id]
        window = active_language()
        if template.shipped and template.id in self._in_language.get(window, {}):
            return self._in_language[window][template.id]
        return template

    def title_of(self, template: LetterTemplate) -> str:
        return self.shown_template(template).title

    def _label_item(self, item: QListWidgetItem, template: LetterTemplate) -> None:
        shown = self.shown_template(template)
        item.setText(shown.title + self.language.marker(template.id))
        item.setToolTip(tr("{id} — version {version}").format(id=shown.id, version=shown.version))

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
        self.about.setText(tr("{title}. Loading its fields…").format(title=self.title_of(template)))
        reference = self.case.reference
        self.language.show_template(template.id)  # issue 17
        lang = self.language.language()
        Op.on_register(
            self.runner,
            lambda register: (
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
                self._label_item(item, template)
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
            tr("The law requires this letter to give:")
            + "\n"
            + "\n".join(
                f"{'✓' if i.done else '○'} {i.label} ({i.citation})" for i in checklist or ()
            )
            if checklist
            else ""
        )
        if inputs:
            self.about.setText(
                tr(
                    "{title}: the case, the requester, the deadlines and your details "
                    "fill the rest. Fields marked * are required."
                ).format(title=self.title_of(template))
            )
        else:
            self.about.setText(
                tr(
                    "{title}: everything comes from the case and your settings; nothing to type."
                ).format(title=self.title_of(template))
            )
        for item in inputs:
            edit = QPlainTextEdit(item.value)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            edit.setPlaceholderText(item.meaning[:1].upper() + item.meaning[1:])
            name = field_label(item.name)  # issue 17: in the window's language
            edit.setAccessibleName(name)
            edit.setAccessibleDescription(item.meaning)
            edit.setToolTip(item.meaning)
            text = (
                tr("{label} *:").format(label=name)
                if item.required
                else tr("{label}:").format(label=name)
            )
            self.fields_form.addRow(text, edit)
            self.inputs[item.name] = edit
            edit.textChanged.connect(lambda e=edit: set_invalid(e, False, e.toolTip()))
        self._settle()
        self.sig_fields_shown.emit()

    def _settle(self) -> None:
        """Show the new rows and lay the dialog out now, not on a later pass of the event loop.

        Rows added to a shown form are shown, and the wrapped labels resized, only by events
        Qt posts; a frame painted before them had the two-line "about" text centred over the
        heading and no fields at all (issue 17, most visible with Devanagari's taller lines).
        """
        for row in range(self.fields_form.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole):
                item = self.fields_form.itemAt(row, role)
                widget = item.widget() if item is not None else None
                if widget is not None and not widget.isVisible():
                    widget.show()
        for _pass in range(3):  # a layout done may ask its parent's again
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def overrides(self) -> dict[str, str]:
        return {name: edit.toPlainText().strip() for name, edit in self.inputs.items()}

    def create_draft(self) -> None:
        template = self.template
        if template is None:
            self.error.setText(tr("Choose a template first."))
            return
        values = {k: v for k, v in self.overrides().items() if v}
        reference = self.case.reference
        lang = self.language.language()  # issue 17
        self.create_button.setEnabled(False)
        self.error.clear()

        def failed(error: Exception) -> None:
            self.create_button.setEnabled(True)
            if isinstance(error, EmptyFields):
                for name in error.names:
                    edit = self.inputs.get(name)
                    if edit is not None:
                        set_invalid(edit, True, tr("Required for this letter: fill it in."))
                first = next((self.inputs[n] for n in error.names if n in self.inputs), None)
                if first is not None:
                    first.setFocus()
            self.error.setText(error_text(error))

        def done(draft: LetterDraft) -> None:
            self.drafted = draft
            self.accept()

        Op.on_register(
            self.runner,
            lambda register: draft_letter(
                register,
                reference,
                template.id,
                now=utc_now(),
                overrides=values or None,
                language=lang,
            ),
            parent=self,
        ).success(done).failure(failed).with_progress(
            tr("Drafting the letter…")
        ).run_in_background()
