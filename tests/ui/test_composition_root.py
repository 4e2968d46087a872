"""The window opens registers through the service the composition root hands it (issue 16.2):
``app.py`` builds one ``RegisterOpening``; ``ui.main.start`` passes it to the unlock screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt

from grievance_desk.app import register_opening
from grievance_desk.services.register_opening import RegisterOpening
from grievance_desk.storage.register import Register, Unlock
from grievance_desk.ui.main import start
from grievance_desk.ui.ops import OpRunner
from tests.conftest import PASSPHRASE


class RecordingOpening(RegisterOpening):
    """The real service, noting which registers it opened."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[Path] = []

    def open(
        self, path: Path, unlock: Unlock, *, fallback: Callable[[], Unlock] | None = None
    ) -> Register:
        self.opened.append(path)
        return super().open(path, unlock, fallback=fallback)


def test_the_composition_root_builds_the_opening_service() -> None:
    assert isinstance(register_opening(), RegisterOpening)


def test_the_unlock_screen_opens_through_the_service_it_was_given(  # type: ignore[no-untyped-def]
    qtbot, runner: OpRunner, register_path: Path
) -> None:
    runner.call(lambda: Register.create(register_path, PASSPHRASE)[0].close())
    opening = RecordingOpening()
    launch = start(register_path, runner=runner, opening=opening)
    assert launch is not None
    (window,) = launch.windows
    qtbot.addWidget(window)
    try:
        screen = window.unlock_screen
        qtbot.keyClicks(screen.field, PASSPHRASE)
        qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.workspace is not None, timeout=30_000)
        assert opening.opened == [register_path]
    finally:
        launch.instance.close()
        window.files.remove_all()
        if window.workspace is not None:
            window.lock()
        runner.wait_idle()
