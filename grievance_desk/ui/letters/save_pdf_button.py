""" "Save as PDF…": the only way a letter reaches the disk, as a private (0600) file.

An issued letter is written as stored (checked against its digest first); a draft as its
preview.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QWidget

from grievance_desk.services.letter_drafts import render_preview
from grievance_desk.services.letter_integrity import letter_pdf
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.file_dialogs import save_file_name
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.letters.buttons import style_action_button
from grievance_desk.ui.ops import Op
from grievance_desk.ui.private_files import write_private
from grievance_desk.ui.resources import icon

if TYPE_CHECKING:
    from grievance_desk.services.register_access import Register
    from grievance_desk.ui.letters_tab import LettersTab


class SavePdfButton(QPushButton):
    """Enabled while a letter is open."""

    def __init__(self, tab: LettersTab) -> None:
        super().__init__(icon("pdf"), tr("Save as PDF…"), tab)
        style_action_button(
            self, tr("Write the letter to a PDF file you choose"), tr("Save as PDF…")
        )
        self.tab = tab
        self.clicked.connect(lambda _c=False: self.save_as_pdf())

    def save_as_pdf(self) -> None:
        """Ask where, suggesting a name from the case, template and letter."""
        letter, case = self.tab.current, self.tab.case
        if letter is None or case is None:
            return
        kind = "letter" if letter.is_issued else "draft"
        suggested = f"{case.reference}-{letter.template_id}-{kind}-{letter.letter_id}.pdf"
        target = save_file_name(self.tab, tr("Save letter as PDF"), suggested, tr("PDF (*.pdf)"))
        if target is not None:
            self.save_pdf_to(target)

    def save_pdf_to(self, target: Path) -> None:
        """Write the issued letter's stored PDF (checked), or the draft's preview, to ``target``."""
        letter = self.tab.current
        if letter is None:
            return
        letter_id = letter.letter_id
        issued = letter.is_issued

        def work(register: Register) -> Path:
            data = (
                letter_pdf(register, letter_id) if issued else render_preview(register, letter_id)
            )
            path = target if target.suffix.lower() == ".pdf" else target.with_suffix(".pdf")
            try:
                write_private(path, data)
            except OSError as error:
                raise ValueError(
                    tr("{path} could not be written ({error}). Choose another folder.").format(
                        path=path, error=error.strerror or error
                    )
                ) from None
            return path

        window = self.tab.window()
        Op.on_register(self.tab.runner, work, parent=self).success(
            lambda path: _status(window, tr("Saved {name}.").format(name=path.name))
        ).failure(lambda e: show_error(self.tab, tr("Not saved"), e)).with_progress(
            tr("Saving the PDF…")
        ).run_in_background()


def _status(window: QWidget, text: str) -> None:
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(text, 8000)
