"""The letter preview: the draft laid out afresh (dated today) or the issued letter as stored.

The PDF is made on a worker from bytes in memory (nothing reaches the disk); a preview that
arrives after the officer picked another letter is dropped.
"""

from __future__ import annotations

import time
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_drafts import render_preview
from grievance_desk.services.letter_records import LetterDraft
from grievance_desk.services.register_access import Register
from grievance_desk.ui import dates
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.pdf_tools import PdfPreview
from grievance_desk.ui.widgets import label


class LetterPreviewPane(QWidget):
    """``sig_shown`` once a preview (or its failure) arrived, so the actions can follow."""

    sig_shown = Signal()

    def __init__(self, runner: OpRunner) -> None:
        super().__init__()
        self.runner = runner
        self.letter: LetterDraft | None = None
        self.zone: ZoneInfo | None = None
        self.pdf_bytes: bytes | None = None
        self.last_preview_seconds: float | None = None
        self.view = PdfPreview()
        self.view.setObjectName("letter_preview")
        self.view.setAccessibleName(tr("Letter preview"))
        self.note = label("", "hint", wrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)

    @property
    def page_count(self) -> int:
        """Pages of the letter on screen (0 when none)."""
        return self.view.page_count

    def show_letter(self, letter: LetterDraft, zone: ZoneInfo | None) -> None:
        """Lay out ``letter`` in the background; a draft is dated today in ``zone``."""
        self.letter, self.zone = letter, zone
        letter_id = letter.letter_id
        self.note.setText(tr("Laying out the letter…"))

        def work(register: Register) -> tuple[int, bytes, float]:
            started = time.perf_counter()
            today = utc_now().astimezone(zone).date() if zone else None
            data = render_preview(register, letter_id, on=None if letter.is_issued else today)
            return letter_id, data, time.perf_counter() - started

        Op.on_register(self.runner, work, parent=self).success(self._show).failure(
            self._failed
        ).with_progress(tr("Preparing the preview…")).run_in_background()

    def clear(self) -> None:
        """No letter: an empty preview."""
        self.letter = None
        self._set_pdf(None)

    def _show(self, result: tuple[int, bytes, float]) -> None:
        letter_id, data, seconds = result
        letter = self.letter
        if letter is None or letter.letter_id != letter_id:
            return
        self.last_preview_seconds = seconds
        self._set_pdf(data)
        pages = self.view.page_count
        if letter.is_issued:
            assert letter.issued_at is not None and self.zone is not None
            issued = letter.issued_at.astimezone(self.zone)
            note = (
                tr(
                    "Issued {issued} — the stored letter, exactly as sent ({count} page). "
                    "It cannot change; re-issue to correct it."
                )
                if pages == 1
                else tr(
                    "Issued {issued} — the stored letter, exactly as sent ({count} pages). "
                    "It cannot change; re-issue to correct it."
                )
            ).format(issued=dates.day_time(issued), count=pages)
        else:
            note = (
                tr(
                    "Draft preview, dated today ({count} page). "
                    "Edit it under “Edit draft”; issuing dates and stores it."
                )
                if pages == 1
                else tr(
                    "Draft preview, dated today ({count} pages). "
                    "Edit it under “Edit draft”; issuing dates and stores it."
                )
            ).format(count=pages)
        self.note.setText(note)
        self.sig_shown.emit()

    def _failed(self, error: Exception) -> None:
        self._set_pdf(None)
        self.note.setText("")
        show_error(self, tr("No preview"), error)

    def _set_pdf(self, data: bytes | None) -> None:
        self.pdf_bytes = data
        self.view.set_pdf(data)
