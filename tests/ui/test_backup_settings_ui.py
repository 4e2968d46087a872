"""Settings → Backups drives the same folder and rotation as the automatic backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from grievance_desk.services.auto_backup import backup_folder, backups_to_keep, list_backups
from tests.ui.conftest import settle


def test_folder_keep_and_back_up_now(qtbot, runner, window, ui_register, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    box = window.workspace.settings.backups
    settle(qtbot, runner)
    assert box.folder.text() == str(ui_register.path.parent / "backups")

    chosen = tmp_path / "usb-drive" / "grievance backups"
    box.set_folder(chosen)
    settle(qtbot, runner)
    assert runner.call(lambda: backup_folder(ui_register)) == chosen.resolve()
    assert box.folder.text() == str(chosen.resolve())

    box.keep.setValue(3)
    box.keep.editingFinished.emit()
    settle(qtbot, runner)
    assert runner.call(lambda: backups_to_keep(ui_register)) == 3

    box.run_backup()
    settle(qtbot, runner)
    made = runner.call(lambda: list_backups(ui_register))
    assert len(made) == 1 and made[0].usable and made[0].path.parent == chosen.resolve()
    assert box.status.text().startswith("Latest:")
    assert "1 copy kept here" in box.status.text()


def test_a_folder_that_cannot_be_made_is_named_and_nothing_changes(  # type: ignore[no-untyped-def]
    qtbot, runner, window, ui_register, tmp_path: Path
) -> None:
    box = window.workspace.settings.backups
    settle(qtbot, runner)
    before = box.folder.text()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    box.set_folder(blocker / "backups")
    settle(qtbot, runner)
    boxes = [b for b in box.findChildren(QMessageBox) if b.objectName() == "error_box"]
    assert boxes, "the officer is told"
    assert "cannot be created" in boxes[-1].text()
    assert "Choose a folder you can write to" in boxes[-1].text()
    assert runner.call(lambda: backup_folder(ui_register)) == Path(before)
    assert box.folder.text() == before
