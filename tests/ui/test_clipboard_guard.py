"""Personal data copied from the case file is concealed and cleared after a while.

As KeePassXC does: the copy is marked concealed for clipboard managers and cleared after
30 s (a short interval is injected here, no sleeping 30 s), but never when the officer has
copied something else since. The window clears it at lock and quit too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from grievance_desk.services.cases import register_case
from grievance_desk.storage.register import Register
from grievance_desk.ui.case_file import CaseFile
from grievance_desk.ui.clipboard import SensitiveClipboard
from grievance_desk.ui.ops import OpRunner
from grievance_desk.ui.private_files import PrivateFiles
from tests.conftest import NOW
from tests.support.drafts import make_draft

SHORT_MS = 150


@pytest.fixture
def case_file(qtbot, runner: OpRunner, ui_register: Register) -> Iterator[CaseFile]:  # type: ignore[no-untyped-def]
    """A case file for one fictitious case, its clipboard clearing after SHORT_MS."""
    reference = runner.call(lambda: register_case(ui_register, make_draft(), now=NOW))
    files = PrivateFiles()
    view = CaseFile(runner, files, clipboard=SensitiveClipboard(clear_after_ms=SHORT_MS))
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.show_case(reference)
    qtbot.waitUntil(lambda: view.reference == reference, timeout=10_000)
    yield view
    runner.wait_idle()
    files.remove_all()


def _clipboard() -> str:
    return QGuiApplication.clipboard().text()


def test_copying_the_email_address_conceals_it_and_clears_it_after_the_interval(
    qtbot, case_file: CaseFile
) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().clear()
    case_file.header.copy_actions["email"].trigger()

    assert _clipboard() == "alpha@example.org"
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.data("x-kde-passwordManagerHint").data() == b"secret"
    assert case_file.header.copied.isVisible()
    assert case_file.header.copied.text() == "Copied; cleared in 1 s"

    qtbot.waitUntil(lambda: _clipboard() == "", timeout=2_000)
    assert not case_file.header.copied.isVisible()


def test_what_the_officer_copied_afterwards_is_not_cleared(qtbot, case_file: CaseFile) -> None:  # type: ignore[no-untyped-def]
    case_file.header.copy_actions["phone"].trigger()
    assert _clipboard() == "+91 00000 00001"

    # The officer copies something of their own from a text field before the interval ends.
    field = QLineEdit("note for the file (test)")
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert _clipboard() == "note for the file (test)"

    qtbot.wait(SHORT_MS * 3)
    assert _clipboard() == "note for the file (test)"


def test_a_later_copy_gets_its_own_full_interval(qtbot, case_file: CaseFile) -> None:  # type: ignore[no-untyped-def]
    case_file.header.copy_actions["email"].trigger()
    qtbot.wait(SHORT_MS // 2)
    case_file.header.copy_actions["name"].trigger()
    assert _clipboard() == "Test Person Alpha"
    qtbot.waitUntil(lambda: _clipboard() == "", timeout=2_000)


def test_the_copy_menu_is_on_the_header_and_empty_fields_cannot_be_copied(
    case_file: CaseFile,
) -> None:
    menu = case_file.header.copy_button.menu()
    assert case_file.header.copy_button.isVisible()
    texts = [a.text() for a in menu.actions()]
    assert "Copy e-mail address" in texts and "Copy phone number" in texts
    # The fictitious requester has no postal address: nothing to copy.
    assert not case_file.header.copy_actions["postal_address"].isEnabled()
    assert case_file.header.copy_actions["email"].isEnabled()


def test_one_guard_clears_what_another_copied(qtbot, case_file: CaseFile) -> None:  # type: ignore[no-untyped-def]
    """The window's guard (run at lock and quit) clears a copy made by the case file's."""
    windows_guard = SensitiveClipboard()
    case_file.header.copy_actions["email"].trigger()
    assert windows_guard.is_ours()
    windows_guard.clear_if_ours()
    assert _clipboard() == ""


def test_clearing_leaves_someone_elses_text_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    guard = SensitiveClipboard(clear_after_ms=SHORT_MS)
    guard.copy("beta@example.org")
    assert guard.is_ours()
    QApplication.clipboard().setText("copied by the officer (test)")
    assert not guard.is_ours()
    guard.clear_if_ours()
    assert _clipboard() == "copied by the officer (test)"
