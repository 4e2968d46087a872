"""New case, from a blank form or an e-mail dropped on the window.

An e-mail only fills the form; the officer checks it (the sender may be a nominee or an
assistant) and chooses which of its files to keep before anything is saved. What the text
makes obvious (the request type, a complaint, a phone number) is listed as a suggestion with
the words it came from and a "Use" button: nothing is put in the form unless chosen.
"""

from __future__ import annotations

import html
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.case_record import CaseDraft, Requester
from grievance_desk.domain.case_types import CaseKind, Channel, RequestType
from grievance_desk.services.email_intake import EmailIntake, IntakeAttachment, Suggestion
from grievance_desk.ui.case_form import CaseForm
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.widgets import label, name_standard_buttons


def blank_draft(now: datetime) -> CaseDraft:
    return CaseDraft(
        kind=CaseKind.RIGHTS_REQUEST,
        request_type=RequestType.ACCESS,
        channel=Channel.EMAIL,
        received_at=now,
        requester=Requester(name=""),
    )


class SuggestionsBox(QGroupBox):
    """The e-mail's suggestions, each with its evidence and a "Use" button."""

    def __init__(self, suggestions: tuple[Suggestion, ...], form: CaseForm) -> None:
        super().__init__(tr("Suggested from the e-mail — nothing is filled in until you choose"))
        self.setObjectName("suggestions_box")
        self.form = form
        self.suggestions = suggestions
        self.buttons: list[QPushButton] = []
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        for row, suggestion in enumerate(suggestions):
            what = QLabel(_bold(suggestion.label))
            why = label(
                tr("it says “{evidence}”").format(evidence=suggestion.evidence), "hint", wrap=True
            )
            use = QPushButton(tr("Use"))
            use.setAccessibleName(tr("Use suggestion: {what}").format(what=suggestion.label))
            use.setToolTip(tr("Put “{value}” in the form").format(value=suggestion.value))
            use.clicked.connect(lambda _c=False, i=row: self.use(i))
            self.buttons.append(use)
            grid.addWidget(what, row, 0)
            grid.addWidget(why, row, 1)
            grid.addWidget(use, row, 2)
        self.use_all_button = QPushButton(tr("Use all"))
        self.use_all_button.setAccessibleName(tr("Use every suggestion"))
        self.use_all_button.setToolTip(tr("Use the first suggestion for each field"))
        self.use_all_button.clicked.connect(lambda _c=False: self.use_all())
        grid.addWidget(self.use_all_button, len(suggestions), 2)

    def use(self, index: int) -> None:
        chosen = self.suggestions[index]
        self.form.use_suggestion(chosen.field, chosen.value)
        for row, suggestion in enumerate(self.suggestions):
            if suggestion.field == chosen.field:
                used = row == index
                self.buttons[row].setText(tr("Used ✓") if used else tr("Use"))
                self.buttons[row].setEnabled(not used)

    def use_all(self) -> None:
        seen: set[str] = set()
        for row, suggestion in enumerate(self.suggestions):
            if suggestion.field not in seen:
                seen.add(suggestion.field)
                self.use(row)

    @property
    def used(self) -> list[Suggestion]:
        return [s for s, b in zip(self.suggestions, self.buttons, strict=True) if not b.isEnabled()]


def _escape(text: str) -> str:
    return html.escape(text)


def _bold(text: str) -> str:
    """``text`` escaped and in bold, for a rich-text label."""
    return f"<b>{html.escape(text)}</b>"


class NewCaseDialog(QDialog):
    def __init__(
        self,
        draft: CaseDraft,
        zone: ZoneInfo,
        policy_ids: list[str],
        intake: EmailIntake | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            tr("New case")
            if intake is None
            else tr("New case from {source}").format(source=intake.source_name)
        )
        self.form = CaseForm(policy_ids)
        self.form.load(draft, zone)
        self.files = QListWidget()
        self.files.setAccessibleName(tr("Files to keep with the case"))
        self.files.setMaximumHeight(110)
        self._attachments: list[IntakeAttachment] = list(intake.attachments) if intake else []
        for attachment in self._attachments:
            item = QListWidgetItem(
                tr("{name}  ({size} bytes)").format(
                    name=attachment.filename, size=f"{len(attachment.data):,}"
                )
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.files.addItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Register case"))
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        self.form.sig_state_changed.connect(self._state)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        if intake is not None:
            layout.addWidget(
                label(
                    tr(
                        "Filled from the e-mail \u201c{subject}\u201d from {sender}. Check every "
                        "field: the sender may act for someone else."
                    ).format(
                        subject=intake.subject or tr("(no subject)"),
                        sender=intake.sender_address or tr("an unknown sender"),
                    ),
                    "hint",
                    wrap=True,
                )
            )
        self.suggestions: SuggestionsBox | None = None
        if intake is not None and intake.suggestions:
            self.suggestions = SuggestionsBox(intake.suggestions, self.form)
            layout.addWidget(self.suggestions)
        layout.addWidget(scroll, 1)
        if self._attachments:
            layout.addWidget(label(tr("Keep these files with the case:"), "section"))
            layout.addWidget(self.files)
        layout.addWidget(self.buttons)
        name_standard_buttons(self.buttons)
        screen = QGuiApplication.primaryScreen()
        height = 760 if screen is None else min(760, screen.availableGeometry().height() - 60)
        self.resize(660, height)
        self._state(True, self.form.is_valid)

    def _state(self, _dirty: bool, valid: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(valid)

    def _try_accept(self) -> None:
        if not self.form.is_valid:
            self.form.show_all_problems()
            return
        self.accept()

    def chosen_attachments(self) -> list[IntakeAttachment]:
        return [
            attachment
            for row, attachment in enumerate(self._attachments)
            if self.files.item(row).checkState() == Qt.CheckState.Checked
        ]
