"""A new case and its files are one use case: saved together or not at all (issue 16.3).

Before, the window registered the case in one transaction and added each file in another, so
a file the register refuses (too large) still left the case behind, without its files, while
the window said "Case not registered".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sqlalchemy import text

from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from tests.services.test_email_intake import sample_eml
from tests.ui.conftest import settle


def _drop(window, path: Path) -> None:  # type: ignore[no-untyped-def]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(
        QDropEvent(
            QPoint(200, 200).toPointF(),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )


def _counts(register: Register) -> tuple[int, int, int]:
    with register.reading() as session:
        cases = session.execute(text("SELECT count(*) FROM grievance_case")).scalar_one()
        files = session.execute(text("SELECT count(*) FROM attachment")).scalar_one()
        events = session.execute(text("SELECT count(*) FROM audit_event")).scalar_one()
    return int(cases), int(files), int(events)


def test_a_refused_file_leaves_no_case_behind(  # type: ignore[no-untyped-def]
    qtbot, runner, window, ui_register: Register, tmp_path: Path
) -> None:
    eml = tmp_path / "request.eml"
    eml.write_bytes(sample_eml())
    limit = len(eml.read_bytes()) - 1  # the e-mail itself (the first file) is one byte too big

    def lower_limit() -> None:
        with ui_register.writing() as session:
            put_setting(session, "attachments.max_bytes", limit)

    runner.call(lower_limit)
    before = runner.call(lambda: _counts(ui_register))
    _drop(window, eml)
    qtbot.waitUntil(lambda: getattr(window, "last_dialog", None) is not None, timeout=10_000)
    window.last_dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QMessageBox) and w.objectName() == "error_box" and w.isVisible()
            for w in QApplication.topLevelWidgets()
        ),
        timeout=10_000,
    )
    settle(qtbot, runner)
    box = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "error_box" and w.isVisible()
    )
    assert box.windowTitle() == "Case not registered"
    assert "request.eml" in box.text()
    assert runner.call(lambda: _counts(ui_register)) == before, "a case was saved without its files"
    box.close()
