""" "Issue…": confirm, save the edits, store the letter for good, then offer the next step.

Issuing dates the letter today and keeps its PDF and digest; the workflow step that usually
follows (acknowledge, record the extension …) is asked about, never taken unasked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_issue import IssuedLetter, NextStep, issue_letter
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.letters.buttons import style_action_button
from grievance_desk.ui.ops import Op
from grievance_desk.ui.resources import icon

if TYPE_CHECKING:
    from grievance_desk.ui.letters_tab import LettersTab

ISSUE_TIP = QT_TR_NOOP("Store this letter for good and date it today")


class IssueButton(QPushButton):
    """Enabled for a draft; ``last_issued`` is what the last issue produced."""

    def __init__(self, tab: LettersTab) -> None:
        super().__init__(icon("check"), tr("Issue…"), tab)
        style_action_button(self, tr(ISSUE_TIP), tr("Issue…"))
        self.setProperty("role", "primary")
        self.tab = tab
        self.last_issued: IssuedLetter | None = None
        self.clicked.connect(lambda _c=False: self.issue())

    def follow(self, draft: bool) -> None:
        """Enabled (and explained) for a draft only."""
        self.setEnabled(draft)
        self.setToolTip(
            tr(ISSUE_TIP)
            if draft
            else tr("Only a draft can be issued; an issued letter never changes.")
        )

    def issue(self) -> None:
        """Ask, save the edits, then issue the current draft."""
        tab = self.tab
        letter = tab.current
        if letter is None or letter.is_issued:
            return
        if not tab.confirm(
            tab,
            tr("Issue this letter?"),
            tr(
                "“{value}” will be dated today and stored with its digest for good. It cannot be "
                "changed afterwards; a correction is a new letter."
            ).format(value=tab.editor.subject.text() or letter.subject),
            tr("Issue the letter"),
            tr("Not yet"),
        ):
            return
        tab.save_draft(then=lambda saved: self._issue(saved.letter_id))

    def _issue(self, letter_id: int) -> None:
        Op.on_register(
            self.tab.runner,
            lambda register: issue_letter(register, letter_id, now=utc_now()),
            parent=self,
        ).success(self._issued).failure(
            lambda e: show_error(self.tab, tr("Not issued"), e)
        ).changes(self.tab.letter_changes()).with_progress(
            tr("Issuing the letter…")
        ).run_in_background()

    def _issued(self, issued: IssuedLetter) -> None:
        self.last_issued = issued
        self.tab.letters_changed(select_id=issued.letter_id)
        step = issued.next_step
        if step is not None:
            QTimer.singleShot(0, lambda: self.offer_next_step(step))

    def offer_next_step(self, step: NextStep) -> None:
        """Ask whether to take ``step``; the case file takes it on Yes."""
        tab = self.tab
        question = tr("The letter is issued and on file. {step} now?").format(step=tr(step.label))
        if step.kind == "extension" and step.reason:
            question += "\n\n" + tr("Reasons recorded with the extension:") + "\n" + step.reason
        if tab.confirm(tab, tr("Next step"), question, tr("Do it now"), tr("Not now")):
            tab.sig_next_step.emit(step)
