"""A damaged register, restored from the unlock screen as the officer would: nothing is lost.

The restore copies the chosen automatic backup beside the register, checks it and swaps it
in; the damaged register is kept beside it as a ``.replaced`` pair, and nothing staged is
left behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import text

from grievance_desk.services.auto_backup import backup_now
from grievance_desk.services.cases import register_case
from grievance_desk.ui.main_window import MainWindow
from tests.conftest import NOW, PASSPHRASE
from tests.support.drafts import make_draft
from tests.ui.conftest import settle


def _damage(path: Path) -> None:
    """Zero part of page 1 after the salt: the file no longer decrypts."""
    with path.open("r+b") as handle:
        handle.seek(100)
        handle.write(bytes(200))


def test_restore_a_damaged_register_from_the_unlock_screen(qtbot, runner, register) -> None:  # type: ignore[no-untyped-def]
    for n in range(2):
        register_case(register, make_draft(description=f"case {n}"), now=NOW)
    backup_now(register, now=NOW)
    register_case(register, make_draft(description="after the backup"), now=NOW)
    path = register.path
    register.close()
    _damage(path)

    window = MainWindow(runner, path)
    qtbot.addWidget(window)
    window.show()
    screen = window.unlock_screen
    qtbot.keyClicks(screen.field, PASSPHRASE)
    qtbot.keyClick(screen.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.restore_button.isVisible(), timeout=10_000)
    assert "damaged" in screen.error.text()

    qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    dialog = screen.last_restore_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    restore = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=20_000)

    opened = window.runner.register
    assert opened is not None
    with opened.reading() as session:
        assert session.scalar(text("SELECT count(*) FROM grievance_case")) == 2
    names = sorted(p.name for p in path.parent.iterdir())
    kept = [n for n in names if n.startswith("register.replaced-")]
    assert len(kept) == 2 and {Path(n).suffix for n in kept} == {".db", ".gdkey"}, names
    assert not any(".restoring" in n or "journal" in n for n in names), names
    window.lock()
    settle(qtbot, runner)
