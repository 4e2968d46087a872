"""Start the desktop app: QApplication, theme, then the set-up wizard or the unlock screen."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from grievance_desk import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__
from grievance_desk.ui import gc_guard, theme
from grievance_desk.ui.ops import OpRunner
from grievance_desk.ui.private_files import restrict_new_files
from grievance_desk.ui.resources import app_icon, install_fonts
from grievance_desk.ui.single_instance import (
    SingleInstance,
    ask_running_to_raise,
    bring_forward,
    server_name,
)

if TYPE_CHECKING:
    from grievance_desk.ui.error_dialog import UnexpectedErrors
    from grievance_desk.ui.main_window import MainWindow

    # Imported only on the first run (no register yet): the wizard brings the register code.
    from grievance_desk.ui.setup_wizard import SetupResult, SetupWizard
    from grievance_desk.ui.smoke_test import SmokeDriver


def application() -> QApplication:
    """The one QApplication, named so QSettings and the desktop know who we are."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("grievance-desk")
    app.setWindowIcon(app_icon())
    if not app.property("gd_language_installed"):
        install_language(app)  # before any widget exists, so every text is translated
        app.setProperty("gd_language_installed", True)
    restrict_new_files()  # letters printed to a file by Qt are personal data too
    if not app.property("gd_fonts_installed"):
        install_fonts(app)  # Devanagari names must not show as boxes (issue 13)
        app.setProperty("gd_fonts_installed", True)
    if not app.property("gd_theme_installed"):
        # Once per application: setStyleSheet re-polishes every live widget, and a second
        # follow_system would connect a second handler to every colour-scheme change.
        theme.apply_theme(app)
        theme.follow_system(app)
        app.setProperty("gd_theme_installed", True)
    gc_guard.install(app)  # cyclic GC on the GUI thread only; see gc_guard
    # The worker thread hands results back to a waiting GUI thread: a 1 ms GIL switch
    # interval (5 ms by default) lets that hand-off and the repaint start sooner.
    sys.setswitchinterval(0.001)
    return app


def install_language(app: QApplication) -> str:
    """Install the chosen (or the system's) language; return its code.

    English, the source language, costs nothing: no catalogue and no platformdirs import.
    Another language is compiled once into the user cache (packaged builds ship the .qm).
    """
    from grievance_desk.ui import i18n

    if i18n.effective_language() == i18n.SOURCE_LANGUAGE:
        return i18n.SOURCE_LANGUAGE
    from platformdirs import user_cache_path
    from PySide6.QtCore import QLocale

    code = i18n.install_translators(app, user_cache_path(APP_ID, ORG_NAME) / "translations")
    if code != i18n.SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale(code))  # month names and the like in the same language
    return code


def install_error_handling(folder: Path | None = None) -> UnexpectedErrors:
    """Unexpected exceptions (in a slot, or in background work nobody handles) show the
    error dialog and go to the rotating log file in the user log folder."""
    from grievance_desk import error_log
    from grievance_desk.ui import ops
    from grievance_desk.ui.error_dialog import UnexpectedErrors

    try:
        log_path: Path | None = error_log.install(folder)
    except OSError:
        log_path = None  # a read-only profile: the dialog still shows, says no log is kept
    errors = UnexpectedErrors(log_path)
    errors.install()

    def failed(what: str, error: Exception, parent: object) -> None:
        from PySide6.QtWidgets import QWidget

        from grievance_desk.domain.case_record import InvalidCase
        from grievance_desk.services.errors import RegisterError
        from grievance_desk.ui.dialogs import show_error

        widget = parent if isinstance(parent, QWidget) else None
        if isinstance(error, RegisterError | InvalidCase | ValueError):
            # A message meant for people; never a modal loop here (tests, late results).
            show_error(widget or QApplication.activeWindow() or errors.owner(), what, error)
        else:
            errors.report(what, error, widget)

    ops.unhandled_failure = failed
    return errors


class Launch:
    """What `start` opened: the worker, the windows (or the set-up wizard), and the listener
    that raises them when the app is launched again."""

    def __init__(self, runner: OpRunner, instance: SingleInstance) -> None:
        self.runner = runner
        self.instance = instance
        self.windows: list[MainWindow] = []
        self.wizard: SetupWizard | None = None
        self.driver: SmokeDriver | None = None

    def raise_window(self) -> None:
        """A second launch asked for us: the newest window, or the wizard, comes forward."""
        target: QWidget | None = self.windows[-1] if self.windows else self.wizard
        if target is not None:
            bring_forward(target)


def start(
    register_path: Path | None,
    *,
    runner: OpRunner | None = None,
    smoke_test: Path | None = None,
) -> Launch | None:
    """Open the set-up wizard or the unlock screen on ``register_path``; None if the app is
    already running on that register for this user (its window was asked to come forward).

    With ``smoke_test`` a script drives the first screen and quits (``ui/smoke_test.py``).
    """
    from grievance_desk.ui.main_window import MainWindow

    app = application()
    if register_path is None:
        from grievance_desk.services.register_paths import default_register_path  # platformdirs

        register_path = default_register_path()
    path = register_path
    # One window per user and register: a second launch raises the first and quits.
    name = server_name(path)
    if ask_running_to_raise(name):
        return None
    instance = SingleInstance(name, app)
    instance.listen()
    launch = Launch(runner or OpRunner(), instance)
    instance.sig_raise.connect(launch.raise_window)
    runner = launch.runner
    driver = None
    if smoke_test is not None:
        from grievance_desk.ui.smoke_test import SmokeDriver

        driver = SmokeDriver(smoke_test)
        launch.driver = driver

    def open_window(result: SetupResult | None) -> None:
        if result is None:
            window = MainWindow(runner, path)
            launch.windows.append(window)
            window.show()
            if driver is not None:
                driver.watch_window(window)
                return
            window.unlock_screen.try_keyring_once_shown()
            return
        from grievance_desk.ui.setup_wizard import DEMO_PASSPHRASE

        hint = f"Demo register passphrase: \u201c{DEMO_PASSPHRASE}\u201d" if result.demo else ""
        window = MainWindow(
            runner, result.register.path, result.register, demo=result.demo, unlock_hint=hint
        )
        launch.windows.append(window)
        window.show()
        if driver is not None:
            driver.watch_window(window)

    if path.exists():
        open_window(None)
    else:
        from grievance_desk.ui.setup_wizard import SetupWizard

        wizard = SetupWizard(runner, path)
        wizard.sig_ready.connect(open_window)
        launch.wizard = wizard
        wizard.show()
        if driver is not None:
            driver.watch_wizard(wizard)
        app.setProperty("setup_wizard", wizard)
    return launch


def run(register_path: Path | None, *, smoke_test: Path | None = None) -> int:
    """Start the app on ``register_path`` (default: the officer's data folder) and run it."""
    app = application()
    app.setQuitOnLastWindowClosed(True)
    install_error_handling()
    launch = start(register_path, smoke_test=smoke_test)
    if launch is None:
        return 0
    code = app.exec()
    launch.runner.shutdown()
    if launch.driver is not None and launch.driver.failure:
        return 1
    return int(code)
