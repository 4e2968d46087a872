""" "Re-issue…": start a corrected copy of an issued letter as a new draft (the original stays)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton

from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_issue import reissue_letter
from grievance_desk.services.letter_records import LetterDraft
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.letters.buttons import style_action_button
from grievance_desk.ui.ops import Op
from grievance_desk.ui.resources import icon

if TYPE_CHECKING:
    from grievance_desk.ui.letters_tab import LettersTab


class ReissueButton(QPushButton):
    """Enabled for an issued letter; the new draft opens in the editor."""

    def __init__(self, tab: LettersTab) -> None:
        super().__init__(icon("reply"), tr("Re-issue…"), tab)
        style_action_button(
            self, tr("Start a corrected copy of an issued letter as a new draft"), tr("Re-issue…")
        )
        self.tab = tab
        self.clicked.connect(lambda _c=False: self.reissue())

    def reissue(self) -> None:
        """Copy the current issued letter into a new draft and edit it."""
        tab = self.tab
        letter = tab.current
        if letter is None or not letter.is_issued:
            return
        letter_id = letter.letter_id

        def done(draft: LetterDraft) -> None:
            tab.letters_changed(select_id=draft.letter_id)
            tab.inner.setCurrentIndex(1)

        Op.on_register(
            tab.runner,
            lambda register: reissue_letter(register, letter_id, now=utc_now()),
            parent=self,
        ).success(done).failure(lambda e: show_error(tab, tr("Not re-issued"), e)).changes(
            tab.letter_changes()
        ).with_progress(tr("Starting a corrected copy…")).run_in_background()
