"""An unexpected exception shows a dialog and is logged, with no personal data in the log.

Issue 13: exceptions raised in the window were lost (the officer saw nothing).
ui/late_start.py installs the dialog as sys.excepthook and as the op runner's hook for
background work that has no failure handler (after the window's first paint).
"""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from grievance_desk.error_log import LOG_NAME, safe_traceback, scrub
from grievance_desk.ui import ops
from grievance_desk.ui.error_dialog import ErrorDialog, UnexpectedErrors
from grievance_desk.ui.late_start import install_error_handling
from grievance_desk.ui.ops import Op, OpRunner

SECRET = "Anita Sharma <anita.sharma@example.org> +91 98765 43210 अनिता शर्मा"


@pytest.fixture
def errors(app, tmp_path: Path) -> Iterator[UnexpectedErrors]:  # type: ignore[no-untyped-def]
    import logging

    hook = sys.excepthook
    try:
        yield install_error_handling(tmp_path / "logs")
    finally:
        sys.excepthook = hook
        ops.unhandled_failure = None
        logger = logging.getLogger("grievance_desk")
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()


def _log(tmp_path: Path) -> str:
    return (tmp_path / "logs" / LOG_NAME).read_text(encoding="utf-8")


def test_background_work_that_fails_unexpectedly_shows_the_dialog_and_logs_it(
    qtbot, runner: OpRunner, errors: UnexpectedErrors, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    def work() -> None:
        raise KeyError(f"GRV-2026-00042 {SECRET}")

    Op(runner, work).with_progress("Building the report").run_in_background()
    qtbot.waitUntil(lambda: errors.dialog is not None and errors.dialog.isVisible())
    dialog = errors.dialog
    assert isinstance(dialog, ErrorDialog)
    assert "Building the report failed" in dialog.findChildren(type(dialog.message))[0].text()
    assert "KeyError" in dialog.message.text()
    assert str(tmp_path / "logs") in dialog.where.text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "KeyError" in copied and "ops.py" in copied
    assert "anita" not in copied.lower() and "98765" not in copied
    log = _log(tmp_path)
    assert "Building the report failed: KeyError" in log
    assert "grievance_desk/ui/ops.py" in log
    for secret in ("anita", "Sharma", "98765", "अनिता"):
        assert secret not in log
    assert stat.S_IMODE((tmp_path / "logs" / LOG_NAME).stat().st_mode) == 0o600
    dialog.reject()


def test_an_exception_in_a_slot_shows_one_dialog_and_logs_each(
    qtbot, errors: UnexpectedErrors, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert sys.excepthook == errors.excepthook
    for _ in range(3):
        try:
            raise RuntimeError(SECRET)
        except RuntimeError as error:
            errors.excepthook(type(error), error, error.__traceback__)
    assert errors.count == 3
    assert errors.dialog is not None and errors.dialog.isVisible()
    log = _log(tmp_path)
    assert log.count("An action in the window failed: RuntimeError") == 3
    assert "anita" not in log.lower()
    errors.dialog.reject()


def test_an_expected_error_keeps_its_plain_message(
    qtbot, runner: OpRunner, errors: UnexpectedErrors
) -> None:  # type: ignore[no-untyped-def]
    def work() -> None:
        raise ValueError("The backup folder is full. Choose another folder.")

    from PySide6.QtWidgets import QApplication, QMessageBox

    Op(runner, work).with_progress("Backing up").run_in_background()

    def shown() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]

    qtbot.waitUntil(lambda: any(box.isVisible() for box in shown()))
    box = next(box for box in shown() if box.isVisible())
    assert box.text() == "The backup folder is full. Choose another folder."
    assert errors.count == 0
    box.accept()


def test_scrub_keeps_references_and_drops_personal_data() -> None:
    text = scrub(f"GRV-2026-00042 failed for '{SECRET}' and anita@example.org, 9876543210")
    assert text.startswith("GRV-2026-00042 failed for")
    assert "anita" not in text.lower() and "9876543210" not in text


def test_a_traceback_for_the_log_carries_no_message() -> None:
    try:
        try:
            raise OSError(SECRET)
        except OSError as inner:
            raise ValueError(SECRET) from inner
    except ValueError as error:
        text = safe_traceback(error)
    assert "builtins.OSError" in text and "builtins.ValueError" in text
    assert "Anita" not in text and "test_error_dialog.py" in text
