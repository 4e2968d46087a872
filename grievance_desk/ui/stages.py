"""What loads when: the modules behind the first frame, each imported at its one boundary.

The unlock screen (and the first-run wizard) paint with PySide6 and a few light modules
only; tests/ui/test_startup_imports.py and tests/benchmarks/test_bench_startup.py hold that.
Everything else sits behind a boundary, in a module whose own imports are ordinary top-level
ones, and is named here once:

- ``late_start``: the error dialog and log file, the op runner's failure hook, the
  single-instance socket, the tray icon, the screen-lock watch, the About dialog, the unlock
  screen's key file check and dialogs; on the GUI thread, from a zero-timer after the first
  paint;
- ``unlocking``: the register code the unlock screen runs on the worker thread (no Qt);
- ``workspace``: the unlocked window's pages and actions, after unlock;
- ``setup_wizard``: the first run only; ``smoke_test``: ``gui --smoke-test`` only;
  ``register_paths``: where the officer's register is, when none was named.

``ui/preload.py`` warms them while the officer types; whoever loads one first lets that
warm-up finish (``preload.wait``), so two threads never import the same modules at once.
A module is named once, here; nothing else imports inside a function to keep start-up fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, cast

from grievance_desk.ui import preload

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from grievance_desk.ui.about_dialog import AboutDialog
    from grievance_desk.ui.error_dialog import UnexpectedErrors
    from grievance_desk.ui.late_start import UnlockDialogs
    from grievance_desk.ui.local_socket import LocalServer
    from grievance_desk.ui.private_files import PrivateFiles
    from grievance_desk.ui.setup_wizard import SetupWizard
    from grievance_desk.ui.smoke_test import SmokeDriver
    from grievance_desk.ui.tray import Tray
    from grievance_desk.ui.unlocking import UnlockWork
    from grievance_desk.ui.workspace import Workspace

LATE_START = "grievance_desk.ui.late_start"
UNLOCKING = "grievance_desk.ui.unlocking"
WORKSPACE = "grievance_desk.ui.workspace"
SETUP_WIZARD = "grievance_desk.ui.setup_wizard"
SMOKE_TEST = "grievance_desk.ui.smoke_test"
REGISTER_PATHS = "grievance_desk.services.register_paths"
PRIVATE_FILES = "grievance_desk.ui.private_files"


def _load(name: str) -> ModuleType:
    preload.wait()
    return importlib.import_module(name)


def default_register_path() -> Path:
    """The officer's register when none is named (``platformdirs``: a ``--register`` start
    does without it)."""
    return cast("Path", _load(REGISTER_PATHS).default_register_path())


def install_error_handling() -> Callable[[Path | None], UnexpectedErrors]:
    """After the first paint: the error dialog, the log file and the failure hook."""
    return cast(
        "Callable[[Path | None], UnexpectedErrors]", _load(LATE_START).install_error_handling
    )


def tray_class() -> type[Tray]:
    """After the first paint: the tray icon."""
    return cast("type[Tray]", _load(LATE_START).Tray)


def local_server_class() -> type[LocalServer]:
    """After the first paint: the socket a later launch asks to raise the window on."""
    return cast("type[LocalServer]", _load(LATE_START).LocalServer)


def ask_running_to_raise() -> Callable[[str], bool]:
    """A second launch: ask the first, over its local socket, to raise its window."""
    return cast("Callable[[str], bool]", _load(LATE_START).ask_running_to_raise)


def sweep_viewing_copies() -> Callable[[], None]:
    """After the first paint: delete attachment copies a crash left behind."""
    return cast("Callable[[], None]", _load(LATE_START).sweep_leftovers)


def private_files_class() -> type[PrivateFiles]:
    """On unlock: opened attachment copies (the attachment services; see private_files)."""
    return cast("type[PrivateFiles]", _load(PRIVATE_FILES).PrivateFiles)


def screen_lock_watch() -> Callable[[Callable[[], object]], bool]:
    """After the first paint: lock when the desktop's screen saver does (D-Bus)."""
    return cast("Callable[[Callable[[], object]], bool]", _load(LATE_START).watch_screen_lock)


def about_dialog() -> Callable[[QWidget, Path], AboutDialog]:
    """Help → About (it names the log folder: ``platformdirs``)."""
    return cast("Callable[[QWidget, Path], AboutDialog]", _load(LATE_START).about_dialog)


def unlock_dialogs() -> type[UnlockDialogs]:
    """After the unlock screen's first paint: the key file check and the dialogs (GUI thread)."""
    return cast("type[UnlockDialogs]", _load(LATE_START).UnlockDialogs)


def unlocking() -> type[UnlockWork]:
    """The unlock screen's register work: after its first paint, or on the worker thread."""
    return cast("type[UnlockWork]", _load(UNLOCKING).UnlockWork)


def workspace_class() -> type[Workspace]:
    """After unlock (warmed by preload while the officer types)."""
    return cast("type[Workspace]", _load(WORKSPACE).Workspace)


def smoke_driver_class() -> type[SmokeDriver]:
    """``gui --smoke-test DIR`` only: the script that drives the first screen."""
    return cast("type[SmokeDriver]", _load(SMOKE_TEST).SmokeDriver)


def setup_wizard_class() -> type[SetupWizard]:
    """First run only: no register at the path yet."""
    return cast("type[SetupWizard]", _load(SETUP_WIZARD).SetupWizard)
