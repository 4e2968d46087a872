"""The restore dialog lists real automatic backups, newest usable first; a damaged copy is
shown with its problem and cannot be chosen; with none, Restore is greyed out and the hint
names the command for a manual backup."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from grievance_desk.services.auto_backup import backup_now, list_backups
from grievance_desk.storage.register import Register
from grievance_desk.ui.restore_dialog import RestoreDialog
from tests.conftest import NOW
from tests.ui.journeys.conftest import click


def _restore_button(dialog: RestoreDialog):  # type: ignore[no-untyped-def]
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_the_newest_usable_backup_is_chosen_and_a_damaged_one_cannot_be(
    qtbot, register: Register
) -> None:  # type: ignore[no-untyped-def]
    older = backup_now(register, now=NOW)
    newer = backup_now(register, now=NOW + timedelta(hours=2))
    newer.key_file.unlink()  # the newest copy lost its key file: not usable
    backups = list_backups(register)
    assert [b.path for b in backups] == [newer.path, older.path]

    dialog = RestoreDialog(backups)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 2
    assert "not usable" in dialog.list.item(0).text()
    assert dialog.list.item(0).flags() == Qt.ItemFlag.NoItemFlags
    assert dialog.list.currentRow() == 1

    # Clicking the damaged copy does not choose it.
    rect = dialog.list.visualItemRect(dialog.list.item(0))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.list.currentRow() == 1

    restore = _restore_button(dialog)
    assert restore.text() == "Restore"
    click(qtbot, restore)
    assert dialog.result() == QDialog.DialogCode.Accepted
    chosen = dialog.chosen()
    assert chosen is not None and chosen.path == older.path


def test_without_backups_restore_is_greyed_out_and_the_hint_names_the_command(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = RestoreDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not _restore_button(dialog).isEnabled()
    assert dialog.chosen() is None
    hint = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "grievance-desk restore" in hint
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    click(qtbot, cancel)
    assert dialog.result() == QDialog.DialogCode.Rejected
