""" "Discard": delete a draft the officer no longer wants (asked first; issued letters stay)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton

from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_drafts import discard_draft
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.letters.buttons import style_action_button
from grievance_desk.ui.ops import Op
from grievance_desk.ui.resources import icon

if TYPE_CHECKING:
    from grievance_desk.ui.letters_tab import LettersTab


class DiscardButton(QPushButton):
    """Enabled for a draft."""

    def __init__(self, tab: LettersTab) -> None:
        super().__init__(icon("trash"), tr("Discard"), tab)
        style_action_button(self, tr("Delete this draft"), tr("Discard"))
        self.tab = tab
        self.clicked.connect(lambda _c=False: self.discard())

    def discard(self) -> None:
        """Ask, then delete the current draft."""
        tab = self.tab
        letter = tab.current
        if letter is None or letter.is_issued:
            return
        if not tab.confirm(
            tab,
            tr("Discard this draft?"),
            tr("The draft “{subject}” will be deleted.").format(subject=letter.subject),
            tr("Discard the draft"),
            tr("Keep the draft"),
        ):
            return
        letter_id = letter.letter_id
        Op.on_register(
            tab.runner,
            lambda register: discard_draft(register, letter_id, now=utc_now()),
            parent=self,
        ).success(lambda _none: tab.letters_changed(forget=True)).failure(
            lambda e: show_error(tab, tr("Not discarded"), e)
        ).changes(tab.letter_changes()).run_in_background()
