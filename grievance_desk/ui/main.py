"""Start the desktop app: QApplication, theme, then the set-up wizard or the unlock screen."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from grievance_desk import APP_NAME, ORG_DOMAIN, ORG_NAME, __version__
from grievance_desk.ui import gc_guard, theme
from grievance_desk.ui.ops import OpRunner
from grievance_desk.ui.private_files import restrict_new_files
from grievance_desk.ui.resources import app_icon, install_fonts

if TYPE_CHECKING:
    from grievance_desk.ui.error_dialog import UnexpectedErrors

    # Imported only on the first run (no register yet): the wizard brings the register code.
    from grievance_desk.ui.setup_wizard import SetupResult


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
    restrict_new_files()  # letters printed to a file by Qt are personal data too
    if not app.property("gd_fonts_installed"):
        install_fonts(app)  # Devanagari names must not show as boxes (issue 13)
        app.setProperty("gd_fonts_installed", True)
    theme.apply_theme(app)
    theme.follow_system(app)
    gc_guard.install(app)  # cyclic GC on the GUI thread only; see gc_guard
    # The worker thread hands results back to a waiting GUI thread: a 1 ms GIL switch
    # interval (5 ms by default) lets that hand-off and the repaint start sooner.
    sys.setswitchinterval(0.001)
    return app


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
        from grievance_desk.storage.errors import RegisterError
        from grievance_desk.ui.dialogs import show_error

        widget = parent if isinstance(parent, QWidget) else None
        if isinstance(error, RegisterError | InvalidCase | ValueError):
            # A message meant for people; never a modal loop here (tests, late results).
            show_error(widget or QApplication.activeWindow() or errors.owner(), what, error)
        else:
            errors.report(what, error, widget)

    ops.unhandled_failure = failed
    return errors


def run(register_path: Path | None, *, smoke_test: Path | None = None) -> int:
    """Open the app on ``register_path`` (default: the officer's data folder).

    With ``smoke_test`` a script drives the first screen and quits (``ui/smoke_test.py``).
    """
    from grievance_desk.ui.main_window import MainWindow

    app = application()
    app.setQuitOnLastWindowClosed(True)
    install_error_handling()
    if register_path is None:
        from grievance_desk.storage.paths import default_register_path  # platformdirs

        register_path = default_register_path()
    path = register_path
    runner = OpRunner()
    windows: list[MainWindow] = []
    driver = None
    if smoke_test is not None:
        from grievance_desk.ui.smoke_test import SmokeDriver

        driver = SmokeDriver(smoke_test)

    def open_window(result: SetupResult | None) -> None:
        if result is None:
            window = MainWindow(runner, path)
            windows.append(window)
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
        windows.append(window)
        window.show()
        if driver is not None:
            driver.watch_window(window)

    if path.exists():
        open_window(None)
    else:
        from grievance_desk.ui.setup_wizard import SetupWizard

        wizard = SetupWizard(runner, path)
        wizard.sig_ready.connect(open_window)
        wizard.show()
        if driver is not None:
            driver.watch_wizard(wizard)
        windows_holder = [wizard]
        del windows_holder
        app.setProperty("setup_wizard", wizard)
    code = app.exec()
    runner.shutdown()
    if driver is not None and driver.failure:
        return 1
    return int(code)
