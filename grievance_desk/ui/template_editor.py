"""The template editor: the officer's own copy of a letter template, checked as they type.

The shipped templates never change; saving makes a new version of the officer's copy, so
every issued letter still names the exact text that made it. Problems (a syntax error with
its line, an unknown field, a reach into Python internals, content the law requires that
went missing) are listed live, from the same `check_template` the letters service trusts,
so the editor never disagrees with what drafting will later refuse.

Each letter language has its own copies (issue 17): the Language choice loads that language's
templates, and the same checks hold a Hindi copy to the same required content, named in Hindi.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.languages import ENGLISH, language_name
from grievance_desk.messages import active_language
from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_languages import TEMPLATE_LANGUAGES, worded_items
from grievance_desk.services.letter_templates import (
    LetterTemplate,
    RequiredItem,
    TemplateProblem,
    check_template,
    save_template_copy,
    template_fields,
    template_history,
    templates_in_use,
    use_shipped_template,
)
from grievance_desk.services.register_access import Register
from grievance_desk.ui.dialogs import ask, error_text, show_error
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.resources import icon
from grievance_desk.ui.widgets import label

PART_NAMES = {
    "subject": QT_TR_NOOP("Subject"),
    "salutation": QT_TR_NOOP("Salutation"),
    "body": QT_TR_NOOP("Body"),
    "closing": QT_TR_NOOP("Closing"),
}
_KIND_ICON = {"syntax": "overdue", "unknown_field": "overdue", "unsafe": "lock"}


def _short(message: str) -> str:
    """The problem without the long list of every field (that stays in the tooltip)."""
    return message.split(" Fields available:", 1)[0]


class TemplateEditorDialog(QDialog):
    """Edit a copy of one template; ``template_id=None`` starts with a list to choose from.

    ``language`` is the letter language whose copy is edited first (English by default).
    """

    def __init__(
        self,
        runner: OpRunner,
        template_id: str | None = None,
        parent: QWidget | None = None,
        *,
        language: str = ENGLISH,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.language = language if language in TEMPLATE_LANGUAGES else ENGLISH
        self.template: LetterTemplate | None = None
        self.versions: list[LetterTemplate] = []
        self.problems: list[TemplateProblem] = []
        self._loading = False
        self._saved_text: tuple[str, str, str, str, str] | None = None
        self.setWindowTitle(tr("Letter template"))
        self.setObjectName("template_editor")

        self.chooser = QComboBox()
        self.chooser.setAccessibleName(tr("Template"))
        self.chooser.setMinimumWidth(260)
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.version = QComboBox()
        self.version.setAccessibleName(tr("Version"))
        # A fixed width for "hi-shipped-1 (shipped) — in use": sized to its items, it was laid
        # out before they came and the stretching template list left it "hi-shipp".
        self.version.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.version.setMinimumContentsLength(30)
        self.version.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.version.setToolTip(tr("Load an earlier version's text into the editor"))
        self.version.activated.connect(self._version_chosen)
        self.state = label("", "hint", wrap=True)
        # issue 17: whose copy is edited: the English templates or another language's
        self.language_choice = QComboBox()
        self.language_choice.setObjectName("template_language")
        self.language_choice.setAccessibleName(tr("Letter language"))
        self.language_choice.setToolTip(tr("Each letter language has its own copy of a template"))
        for code in (ENGLISH, *TEMPLATE_LANGUAGES):
            self.language_choice.addItem(language_name(code), code)
        self.language_choice.setCurrentIndex(self.language_choice.findData(self.language))
        self.language_choice.currentIndexChanged.connect(lambda _i: self._language_chosen())
        top = QHBoxLayout()
        top.addWidget(label(tr("Language:"), ""))
        top.addWidget(self.language_choice)
        top.addSpacing(12)
        top.addWidget(label(tr("Template:"), ""))
        top.addWidget(self.chooser, 1)
        top.addSpacing(12)
        top.addWidget(label(tr("Version:"), ""))
        top.addWidget(self.version)

        self.title = QLineEdit()
        self.title.setAccessibleName(tr("Title"))
        self.subject = QLineEdit()
        self.subject.setAccessibleName(tr("Subject"))
        self.salutation = QLineEdit()
        self.salutation.setAccessibleName(tr("Salutation"))
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(tr("Body"))
        self.body.setTabChangesFocus(True)
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.closing = QPlainTextEdit()
        self.closing.setAccessibleName(tr("Closing"))
        self.closing.setTabChangesFocus(True)
        self.closing.setFixedHeight(64)
        self.parts: dict[str, QLineEdit | QPlainTextEdit] = {
            "subject": self.subject,
            "salutation": self.salutation,
            "body": self.body,
            "closing": self.closing,
        }
        editor = QWidget()
        form = QFormLayout(editor)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("&Title:"), self.title)
        form.addRow(tr("&Subject:"), self.subject)
        form.addRow(tr("S&alutation:"), self.salutation)
        form.addRow(tr("&Body:"), self.body)
        form.addRow(tr("&Closing:"), self.closing)
        form.addRow(
            "",
            label(
                tr(
                    "Fields go in double braces, e.g. {{ case.reference }}; dates take "
                    "| date. A blank line starts a paragraph, '- ' a bullet, **bold**."
                ),
                "hint",
                wrap=True,
            ),
        )

        self.problem_list = QListWidget()
        self.problem_list.setProperty("role", "problems")
        self.problem_list.setAccessibleName(tr("Problems"))
        self.problem_list.setWordWrap(True)
        self.problem_list.itemActivated.connect(self._go_to_problem)
        self.problem_list.itemClicked.connect(self._go_to_problem)
        self.fields = QListWidget()
        self.fields.setAccessibleName(tr("Fields you can use"))
        for name, meaning in template_fields().items():
            item = QListWidgetItem(name)
            item.setToolTip(meaning)
            self.fields.addItem(item)
        self.fields.itemActivated.connect(self._insert_field)
        self.fields.itemDoubleClicked.connect(self._insert_field)
        self.required = QListWidget()
        self.required.setAccessibleName(tr("Content the law requires"))
        self.required.setWordWrap(True)
        side = QTabWidget()
        side.setDocumentMode(True)
        side.addTab(self.problem_list, tr("Problems"))
        side.addTab(self.fields, tr("Fields"))
        side.addTab(self.required, tr("Required content"))
        self.side = side

        splitter = QSplitter()
        splitter.addWidget(editor)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([600, 340])

        self.save_button = QPushButton(icon("save"), tr("Save as new version"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setToolTip(tr("Keep this text as your copy's next version (Ctrl+S)"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(tr("Revert to shipped"))
        self.revert_button.setToolTip(
            tr("Use the template as shipped again; your versions are kept for the record")
        )
        self.revert_button.clicked.connect(self.revert_to_shipped)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state, 1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1000, 640)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(250)
        self._check_timer.timeout.connect(self.check)
        self.title.textChanged.connect(self._edited)
        for part in self.parts.values():
            part.textChanged.connect(self._edited)

        self._wanted = template_id
        self._load_list()

    # -- loading -------------------------------------------------------------------------

    def _load_list(self) -> None:
        language = self.language
        Op.on_register(
            self.runner, lambda register: templates_in_use(register, language), parent=self
        ).success(self._got_list).failure(
            lambda e: show_error(self, tr("Templates not loaded"), e)
        ).run_in_background()

    def _language_chosen(self) -> None:
        """Another letter language: its templates, the same one selected where it exists."""
        code = str(self.language_choice.currentData() or ENGLISH)
        if code == self.language:
            return
        if self.is_dirty() and not self._discard_ok():
            self.language_choice.setCurrentIndex(self.language_choice.findData(self.language))
            return
        self.language = code
        self._wanted = self.template.id if self.template is not None else self._wanted
        self._saved_text = self._text()  # the edits were discarded (or there were none)
        self.template = None
        self._load_list()

    def _got_list(self, templates: list[LetterTemplate]) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for template in templates:
            self.chooser.addItem(template.title, template.id)
        self.chooser.blockSignals(False)
        index = self.chooser.findData(self._wanted) if self._wanted else 0
        self.chooser.setCurrentIndex(max(0, index))
        self._chosen()

    def _chosen(self, _index: int = 0) -> None:
        template_id = self.chooser.currentData()
        if not template_id:
            return
        if self.is_dirty() and not self._discard_ok():
            return
        self.load(str(template_id))

    def load(self, template_id: str) -> None:
        language = self.language
        Op.on_register(
            self.runner,
            lambda register: template_history(register, template_id, language),
            parent=self,
        ).success(self._show).failure(
            lambda e: show_error(self, tr("Template not loaded"), e)
        ).run_in_background()

    def _show(self, result: tuple[LetterTemplate, list[LetterTemplate]]) -> None:
        current, versions = result
        self.template = current
        self.versions = versions
        self.version.blockSignals(True)
        self.version.clear()
        for version in versions:
            text = (
                tr("{version} (shipped)").format(version=version.version)
                if version.shipped
                else tr("{version}, saved {date}").format(
                    version=version.version, date=version.saved_at[:10]
                )
                if version.saved_at
                else version.version
            )
            if version.version == current.version:
                text = tr("{version} — in use").format(version=text)
            self.version.addItem(text, version.version)
        self.version.setCurrentIndex(
            next((i for i, v in enumerate(versions) if v.version == current.version), 0)
        )
        self.version.blockSignals(False)
        self._fill(current)
        self.revert_button.setEnabled(not current.shipped)
        self.state.setText(
            tr("In use: the shipped template.")
            if current.shipped
            else tr("In use: your {version}.").format(version=current.version)
        )
        self.required.clear()
        for item in self._required(current):
            entry = QListWidgetItem(tr("{label} — {law}").format(label=item.label, law=item.law))
            fields = ", ".join("{{ " + f + " }}" for f in item.fields)
            entry.setToolTip(tr("Carried by {fields}").format(fields=fields))
            self.required.addItem(entry)

    def _fill(self, template: LetterTemplate) -> None:
        self._loading = True
        self.title.setText(template.title)
        self.subject.setText(template.subject)
        self.salutation.setText(template.salutation)
        self.body.setPlainText(template.body)
        self.closing.setPlainText(template.closing)
        self._loading = False
        self._saved_text = self._text()
        self.check()
        self._update_buttons()

    def _version_chosen(self, index: int) -> None:
        if 0 <= index < len(self.versions):
            if self.is_dirty() and not self._discard_ok():
                return
            self._fill(self.versions[index])
            self._saved_text = None  # loaded an older text: saving makes it current again

    # -- editing -------------------------------------------------------------------------

    def _text(self) -> tuple[str, str, str, str, str]:
        return (
            self.title.text(),
            self.subject.text(),
            self.salutation.text(),
            self.body.toPlainText(),
            self.closing.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return self.template is not None and self._text() != self._saved_text

    def _edited(self) -> None:
        if self._loading:
            return
        self._check_timer.start()
        self._update_buttons()

    def candidate(self) -> LetterTemplate | None:
        if self.template is None:
            return None
        title, subject, salutation, body, closing = self._text()
        return replace(
            self.template,
            title=title.strip() or self.template.title,
            subject=subject,
            salutation=salutation,
            body=body,
            closing=closing,
            shipped=False,
            required_content=self._required(self.template),
        )

    def _required(self, template: LetterTemplate) -> tuple[RequiredItem, ...]:
        """What the law requires of ``template``, named in its language (a Hindi copy's are
        Hindi already) or, for an English template, in the window's (citations unchanged)."""
        if self.language != ENGLISH:
            return template.required_content
        return worded_items(template.required_content, template.id, active_language())

    def check(self) -> list[TemplateProblem]:
        """Run the service's checks on the text as it stands and list what they find."""
        candidate = self.candidate()
        self.problems = check_template(candidate) if candidate else []
        self.problem_list.clear()
        for problem in self.problems:
            where = tr(PART_NAMES.get(problem.part, problem.part))
            if problem.line is not None and problem.kind != "missing_content":
                where = tr("{part}, line {line}").format(part=where, line=problem.line)
            entry = QListWidgetItem(
                icon(_KIND_ICON.get(problem.kind, "help")),
                tr("{where}: {problem}").format(where=where, problem=_short(problem.message)),
            )
            entry.setToolTip(problem.message)
            entry.setData(Qt.ItemDataRole.UserRole, (problem.part, problem.line))
            self.problem_list.addItem(entry)
        if not self.problems:
            ok = QListWidgetItem(icon("check"), tr("No problems: this template can make letters."))
            ok.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.problem_list.addItem(ok)
        count = len(self.problems)
        self.side.setTabText(
            0, tr("Problems ({count})").format(count=count) if count else tr("Problems")
        )
        self._update_buttons()
        return self.problems

    def _update_buttons(self) -> None:
        blocking = [p for p in self.problems if p.kind != "missing_content"]
        self.save_button.setEnabled(
            self.template is not None
            and not blocking
            and (self.is_dirty() or self._saved_text is None)
        )
        if blocking:
            self.save_button.setToolTip(
                tr("Fix the problems listed first; this text cannot make letters.")
            )
        else:
            self.save_button.setToolTip(tr("Keep this text as your copy's next version (Ctrl+S)"))

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        part, line = data
        widget = self.parts.get(str(part))
        if widget is None:
            return
        widget.setFocus()
        if isinstance(widget, QPlainTextEdit) and line:
            block = widget.document().findBlockByLineNumber(max(0, int(line) - 1))
            cursor = QTextCursor(block)
            cursor.select(QTextCursor.SelectionType.LineUnderCursor)
            widget.setTextCursor(cursor)
            widget.ensureCursorVisible()

    def _insert_field(self, item: QListWidgetItem) -> None:
        text = "{{ " + item.text() + (" | date" if "(use | date)" in item.toolTip() else "") + " }}"
        focused = self.focusWidget()
        target = focused if focused in self.parts.values() else self.body
        if isinstance(target, QPlainTextEdit):
            target.insertPlainText(text)
        elif isinstance(target, QLineEdit):
            target.insert(text)
        target.setFocus()

    # -- saving --------------------------------------------------------------------------

    def save(self) -> None:
        template = self.template
        if template is None or not self.save_button.isEnabled():
            return
        title, subject, salutation, body, closing = self._text()
        template_id = template.id
        language = self.language

        def work(register: Register) -> tuple[LetterTemplate, list[LetterTemplate]]:
            save_template_copy(
                register,
                template_id,
                now=utc_now(),
                subject=subject,
                salutation=salutation,
                body=body,
                closing=closing,
                title=title.strip() or None,
                language=language,
            )
            return template_history(register, template_id, language)

        def saved(result: tuple[LetterTemplate, list[LetterTemplate]]) -> None:
            self._show(result)
            missing = [p for p in self.problems if p.kind == "missing_content"]
            self.state.setText(
                tr("Saved as {version}.").format(version=result[0].version)
                + " "
                + (
                    tr(
                        "It still lacks content the law requires, so no letter can be made "
                        "from it until that is back."
                    )
                    if missing
                    else tr("New letters use it from now on.")
                )
            )

        Op.on_register(self.runner, work, parent=self).success(saved).failure(
            lambda e: self.state.setText(
                tr("Not saved: {error}").format(error=_short(error_text(e)))
            )
        ).with_progress(tr("Saving the template…")).run_in_background()

    def revert_to_shipped(self) -> None:
        template = self.template
        if template is None or template.shipped:
            return
        if not ask(
            self,
            tr("Use the shipped template?"),
            tr(
                "New letters will use “{title}” as shipped. Your versions are kept and can be "
                "loaded again from the Version list."
            ).format(title=template.title),
            tr("Use the shipped template"),
            tr("Keep my version"),
        ):
            return
        self.use_shipped()

    def use_shipped(self) -> None:
        template = self.template
        if template is None:
            return
        template_id = template.id
        language = self.language

        def work(register: Register) -> tuple[LetterTemplate, list[LetterTemplate]]:
            use_shipped_template(register, template_id, now=utc_now(), language=language)
            return template_history(register, template_id, language)

        Op.on_register(self.runner, work, parent=self).success(self._show).failure(
            lambda e: show_error(self, tr("Not reverted"), e)
        ).run_in_background()

    def _discard_ok(self) -> bool:
        return ask(
            self,
            tr("Unsaved template"),
            tr("Your edits to this template are not saved. Discard them?"),
            tr("Discard my edits"),
            tr("Keep editing"),
        )

    def reject(self) -> None:
        if self.is_dirty() and not self._discard_ok():
            return
        super().reject()
