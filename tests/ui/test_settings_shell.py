"""Settings: the officer's e-mail and phone are checked like a requester's; the logo and the
signature can be chosen and removed; file dialogs start in the last folder used."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from grievance_desk.services.organisation import load_organisation
from grievance_desk.storage.register import Register
from grievance_desk.ui.main_window import MainWindow
from grievance_desk.ui.ops import OpRunner
from tests.ui.conftest import settle


def _settings(qtbot, runner: OpRunner, window: MainWindow):  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    nav = workspace.nav
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(3)).center()
    )
    settle(qtbot, runner)
    return workspace.settings


def _png(path: Path) -> Path:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f3a5f"))
    assert image.save(str(path), "PNG")
    return path


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """The open-file dialog, answered with ``chosen["path"]``; records where it started."""
    state: dict[str, object] = {"path": "", "started_in": []}

    def answer(_parent, _title, folder, _filters=""):  # type: ignore[no-untyped-def]
        state["started_in"].append(folder)  # type: ignore[union-attr]
        return str(state["path"]), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    return state


def test_a_bad_officer_email_is_refused_with_its_fix_and_nothing_saved(
    qtbot, runner: OpRunner, ui_register: Register, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    settings = _settings(qtbot, runner, window)
    settings.officer_name.clear()
    qtbot.keyClicks(settings.officer_name, "Test Officer")
    qtbot.keyClicks(settings.officer_email, "grievance-at-example.org")
    qtbot.keyClicks(settings.officer_phone, "call me")
    qtbot.mouseClick(settings.save_org, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)
    message = settings.contact_error.text()
    assert "is not an e-mail address (expected name@example.org)" in message
    assert "is not a phone number" in message
    assert settings.officer_email.property("invalid") == "true"
    assert runner.call(lambda: load_organisation(ui_register)).officer_name == ""
    settings.officer_email.clear()
    qtbot.keyClicks(settings.officer_email, "grievance@example.org")
    settings.officer_phone.clear()
    qtbot.keyClicks(settings.officer_phone, "+91 11 2345 6789")
    assert not settings.contact_error.isVisible()
    qtbot.mouseClick(settings.save_org, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)
    saved = runner.call(lambda: load_organisation(ui_register))
    assert (saved.officer_email, saved.officer_phone) == (
        "grievance@example.org",
        "+91 11 2345 6789",
    )


def test_the_logo_and_signature_are_chosen_saved_and_removed(
    qtbot, runner: OpRunner, ui_register: Register, window: MainWindow, tmp_path: Path, chosen
) -> None:  # type: ignore[no-untyped-def]
    settings = _settings(qtbot, runner, window)
    folder = tmp_path / "pictures"
    folder.mkdir()
    chosen["path"] = _png(folder / "logo.png")
    qtbot.mouseClick(settings.logo.choose_button, Qt.MouseButton.LeftButton)
    chosen["path"] = _png(folder / "signature.png")
    qtbot.mouseClick(settings.signature.choose_button, Qt.MouseButton.LeftButton)
    # The second dialog started where the first file was chosen.
    assert chosen["started_in"][-1] == str(folder)  # type: ignore[index]
    qtbot.mouseClick(settings.save_org, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)
    saved = runner.call(lambda: load_organisation(ui_register))
    assert base64.b64decode(saved.logo_png) == (folder / "logo.png").read_bytes()
    assert base64.b64decode(saved.signature_png) == (folder / "signature.png").read_bytes()
    qtbot.mouseClick(settings.logo.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(settings.save_org, Qt.MouseButton.LeftButton)
    settle(qtbot, runner)
    saved = runner.call(lambda: load_organisation(ui_register))
    assert saved.logo_png == "" and saved.signature_png != ""


def test_a_file_that_is_not_an_image_is_refused_and_nothing_changes(
    qtbot, runner: OpRunner, window: MainWindow, tmp_path: Path, chosen
) -> None:  # type: ignore[no-untyped-def]
    settings = _settings(qtbot, runner, window)
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"not a picture")
    chosen["path"] = bad
    qtbot.mouseClick(settings.logo.choose_button, Qt.MouseButton.LeftButton)
    boxes = [b for b in settings.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "is not a PNG or JPEG image" in boxes[-1].text()
    assert settings.logo.base64() == ""
    boxes[-1].accept()


def test_the_demo_choice_is_remembered_by_the_next_wizard(
    qtbot, runner: OpRunner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from grievance_desk.ui.setup_wizard import SetupWizard

    first = SetupWizard(runner, tmp_path / "register.db")
    qtbot.addWidget(first)
    first.show()
    assert first.welcome.real.isChecked()
    demo = first.welcome.demo
    qtbot.mouseClick(demo, Qt.MouseButton.LeftButton, pos=QPoint(8, demo.height() // 2))
    assert demo.isChecked()
    first.reject()
    again = SetupWizard(runner, tmp_path / "register.db")
    qtbot.addWidget(again)
    again.show()
    assert again.welcome.demo.isChecked()
