"""Letters tab → "Compose e-mail…": a private .eml draft for the mail client, then recorded.

The desktop's URL handlers are replaced for the test (QDesktopServices.setUrlHandler), so
nothing is launched; everything else is real: the issued letter, the file on disk, the
confirmation the officer answers, the correspondence in the register.
"""

from __future__ import annotations

import email
import email.policy
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from grievance_desk.services.clock import utc_now
from grievance_desk.services.correspondence import list_correspondence
from grievance_desk.services.letter_drafts import draft_letter
from grievance_desk.services.letter_integrity import letter_pdf
from grievance_desk.services.letter_issue import issue_letter
from grievance_desk.storage.register import Register
from tests.ui.conftest import settle
from tests.ui.test_letters_ui import filled_case, open_letters


class Desktop(QObject):
    """Stands in for the desktop: records what would have been opened."""

    def __init__(self, accept_files: bool = True) -> None:
        super().__init__()
        self.opened: list[QUrl] = []
        self.accept_files = accept_files

    @Slot(QUrl)
    def open_file(self, url: QUrl) -> None:
        self.opened.append(url)

    @Slot(QUrl)
    def open_mailto(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def desktop() -> Iterator[Desktop]:
    handler = Desktop()
    QDesktopServices.setUrlHandler("file", handler, "open_file")
    QDesktopServices.setUrlHandler("mailto", handler, "open_mailto")
    yield handler
    QDesktopServices.unsetUrlHandler("file")
    QDesktopServices.unsetUrlHandler("mailto")


def test_compose_opens_a_private_draft_and_records_it_once_sent(
    qtbot, runner, window, ui_register: Register, desktop: Desktop
) -> None:  # type: ignore[no-untyped-def]
    def prepare() -> tuple[str, int]:
        reference = filled_case(ui_register)
        draft = draft_letter(ui_register, reference, "acknowledgement", now=utc_now())
        issue_letter(ui_register, draft.letter_id, now=utc_now())
        return reference, draft.letter_id

    reference, letter_id = runner.call(prepare)
    window.resize(1366, 768)
    tab = open_letters(qtbot, window, reference)
    qtbot.waitUntil(lambda: tab.current is not None and tab.current.is_issued, timeout=10_000)
    button = tab.email_button
    assert button.isVisible() and button.isEnabled()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(desktop.opened), timeout=10_000)
    (url,) = desktop.opened
    path = Path(url.toLocalFile())
    assert path.suffix == ".eml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert message["X-Unsent"] == "1"
    assert "gamma@example.org" in message["To"]
    (pdf,) = list(message.iter_attachments())  # type: ignore[attr-defined]
    assert pdf.get_content() == runner.call(lambda: letter_pdf(ui_register, letter_id))

    question = button.last_question
    assert question is not None and question.isVisible()
    assert "gamma@example.org" in question.text()
    assert runner.call(lambda: list_correspondence(ui_register, reference)) == []
    record = next(b for b in question.buttons() if b.text() == "Record as sent")
    qtbot.mouseClick(record, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: len(runner.call(lambda: list_correspondence(ui_register, reference))) == 1,
        timeout=10_000,
    )
    (item,) = runner.call(lambda: list_correspondence(ui_register, reference))
    assert item.direction == "out" and item.counterpart == "gamma@example.org"
    settle(qtbot, runner)
    assert "letter e-mailed" in window.statusBar().currentMessage()

    # Locking removes the plaintext draft from the temp folder.
    window.lock()
    assert not path.exists()


def test_a_draft_letter_cannot_be_emailed(qtbot, runner, window, ui_register) -> None:  # type: ignore[no-untyped-def]
    reference = runner.call(lambda: filled_case(ui_register))
    runner.call(lambda: draft_letter(ui_register, reference, "acknowledgement", now=utc_now()))
    tab = open_letters(qtbot, window, reference)
    qtbot.waitUntil(lambda: tab.current is not None, timeout=10_000)
    assert not tab.email_button.isEnabled()
