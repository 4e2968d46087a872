"""An e-mailed request dropped on the window: suggestions shown, the officer confirms (issue 13).

The real MainWindow at 1366x768, a real .eml built with the email package, dropped as the
desktop drops it; the form is filled only with what the officer chooses to use.
"""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from grievance_desk.domain.case_types import CaseKind, RequestType
from grievance_desk.services.cases import find_case, to_draft
from grievance_desk.storage.register import Register
from grievance_desk.ui.main_window import MainWindow
from grievance_desk.ui.new_case_dialog import NewCaseDialog
from tests.ui.conftest import settle


def _eml(path: Path) -> Path:
    message = EmailMessage()
    message["From"] = "Test Person Echo <echo@example.org>"
    message["To"] = "grievance@example.org"
    message["Subject"] = "Complaint: please delete my account"
    message["Date"] = "Tue, 24 Nov 2026 10:15:00 +0530"
    message.set_content(
        "Dear officer,\n\nI have asked twice. Please delete my account and all my data.\n"
        "You can reach me on 098765 43210.\n\nTest Person Echo (fictitious)"
    )
    path.write_bytes(message.as_bytes())
    return path


def _drop(window: MainWindow, path: Path) -> None:
    """What the desktop sends when a file is dragged in and let go: enter, then drop."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(400, 300),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPoint(400, 300).toPointF(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)


def _button(dialog: NewCaseDialog, accessible: str) -> QPushButton:
    found = [b for b in dialog.findChildren(QPushButton) if b.accessibleName() == accessible]
    assert len(found) == 1, [b.accessibleName() for b in dialog.findChildren(QPushButton)]
    assert found[0].isVisible()
    return found[0]


def test_an_emailed_request_is_suggested_and_confirmed(
    qtbot, runner, window: MainWindow, ui_register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    _drop(window, _eml(tmp_path / "request.eml"))
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, NewCaseDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=15_000,
    )
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, NewCaseDialog) and w.isVisible()
    )
    form = dialog.form
    assert dialog.suggestions is not None and dialog.suggestions.isVisible()
    # Suggested, not applied.
    assert form.request_type.currentData() == RequestType.OTHER.value
    assert form.kind.currentData() == CaseKind.RIGHTS_REQUEST.value
    assert form.phone.text() == ""

    # The officer takes the request type and the phone number, and not the complaint kind.
    use_type = _button(dialog, "Use suggestion: Request type: Erasure")
    qtbot.mouseClick(use_type, Qt.MouseButton.LeftButton)
    assert form.request_type.currentData() == RequestType.ERASURE.value
    assert use_type.text() == "Used ✓" and not use_type.isEnabled()
    qtbot.mouseClick(
        _button(dialog, "Use suggestion: Phone: +91 98765 43210"), Qt.MouseButton.LeftButton
    )
    assert form.phone.text() == "+91 98765 43210"
    assert form.kind.currentData() == CaseKind.RIGHTS_REQUEST.value

    register_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(register_button, Qt.MouseButton.LeftButton)
    case_file = window.workspace.cases.case_file  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: case_file.reference is not None, timeout=15_000)
    settle(qtbot, runner)

    def saved() -> tuple[str, str, str]:
        with ui_register.reading() as session:
            draft = to_draft(*find_case(session, str(case_file.reference)))
            return draft.request_type.value, draft.kind.value, draft.requester.phone

    assert runner.call(saved) == ("erasure", "rights_request", "+91 98765 43210")


def test_a_large_html_email_is_read_off_the_gui_thread(
    qtbot, runner, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    message = EmailMessage()
    message["From"] = "Test Person Foxtrot <foxtrot@example.org>"
    message["Subject"] = "Request"
    message["Date"] = "Tue, 24 Nov 2026 10:15:00 +0530"
    filler = "<p>Newsletter text <b>a < b</b> &amp; more.</p>\n" * 6000  # ~300 KB of HTML
    message.set_content("<p>Please delete my account.</p>" + filler, subtype="html")
    path = tmp_path / "newsletter.eml"
    path.write_bytes(message.as_bytes())
    assert path.stat().st_size > 200_000

    _drop(window, path)
    # The drop returned at once: the message is being read on the worker thread.
    assert not any(
        isinstance(w, NewCaseDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, NewCaseDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        ),
        timeout=30_000,
    )
    dialog = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, NewCaseDialog) and w.isVisible()
    )
    assert dialog.form.description.toPlainText().startswith("Request\n\nPlease delete my account.")
    assert dialog.suggestions is not None
    assert dialog.suggestions.suggestions[0].value == RequestType.ERASURE.value
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
