"""Start the desktop app: QApplication, theme, then the set-up wizard or the unlock screen.

Only what the first frame needs runs before it (the start-up bench measures it against a
bare PySide6 window): the error dialog and log file, the failure hook, the bundled fonts
and the single-instance listener follow on a zero-timer after the first paint
(``late_start``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QWidget

from grievance_desk import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__, messages
from grievance_desk.ui import dates, gc_guard, i18n, stages, theme
from grievance_desk.ui.first_paint import after_first_paint
from grievance_desk.ui.main_window import MainWindow
from grievance_desk.ui.ops import OpRunner
from grievance_desk.ui.resources import app_icon, install_fonts
from grievance_desk.ui.single_instance import SingleInstance, bring_forward, server_name

if TYPE_CHECKING:
    from grievance_desk.services.register_opening import RegisterOpening

    # The wizard (first run only) brings the register code, and the scripted run's driver
    # is for packaging checks only: both loaded by ui/stages.py when asked for.
    from grievance_desk.ui.setup_wizard import SetupResult, SetupWizard
    from grievance_desk.ui.smoke_test import SmokeDriver


def application(*, fonts: bool = True) -> QApplication:
    """The one QApplication, named so QSettings and the desktop know who we are.

    ``fonts=False`` leaves the bundled fonts to ``start`` (after the first paint: the window
    then re-lays out with them, and Latin text keeps its face).
    """
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
    if fonts:
        _install_fonts_once(app)
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
    if i18n.effective_language() == i18n.SOURCE_LANGUAGE:
        dates.use_english_formats()  # English months on a computer set to another language
        return i18n.SOURCE_LANGUAGE
    from platformdirs import user_cache_path  # not for English: it is on the deferred list

    code = i18n.install_translators(app, user_cache_path(APP_ID, ORG_NAME) / "translations")
    if code != i18n.SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale(code))  # month names and the like in the same language
        messages.use_language(code)  # what the services say (errors, advice) in it too
    else:
        dates.use_english_formats()  # the catalogue did not load: an English window
    return code


def restrict_new_files() -> None:
    """Files the process creates from now on are owner-only (umask 077).

    Covers what Qt writes itself, such as "Print to file" from the print dialog.
    """
    os.umask(0o077)


def _install_fonts_once(app: QApplication) -> None:
    if not app.property("gd_fonts_installed"):
        install_fonts(app)  # Devanagari names must not show as boxes (issue 13)
        app.setProperty("gd_fonts_installed", True)


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
    opening: RegisterOpening | None = None,
    error_handling: bool = False,
) -> Launch | None:
    """Open the set-up wizard or the unlock screen on ``register_path``; None if the app is
    already running on that register for this user (its window was asked to come forward).

    With ``smoke_test`` a script drives the first screen and quits (``ui/smoke_test.py``).
    ``opening`` is the register-opening service the composition root (``app.py``) built.
    ``error_handling`` (``run`` asks for it): the error dialog and log once it has painted.
    """
    app = application(fonts=False)
    path = register_path if register_path is not None else stages.default_register_path()
    # One window per user and register: a second launch raises the first and quits.
    instance = SingleInstance(server_name(path), app)
    if not instance.acquire():
        instance.ask_running_to_raise()
        return None
    launch = Launch(runner or OpRunner(), instance)
    instance.sig_raise.connect(launch.raise_window)
    runner = launch.runner
    driver = stages.smoke_driver_class()(smoke_test) if smoke_test is not None else None
    launch.driver = driver

    def late() -> None:
        if error_handling:
            stages.install_error_handling()(None)
        _install_fonts_once(app)
        instance.listen()

    def open_window(result: SetupResult | None) -> None:
        if result is None:
            window = MainWindow(runner, path, opening=opening)
            launch.windows.append(window)
            after_first_paint(window.unlock_screen, late)
            window.show()
            if driver is not None:
                driver.watch_window(window)
                return
            window.unlock_screen.try_keyring_once_shown()
            return
        window = MainWindow(
            runner,
            result.register.path,
            result.register,
            demo=result.demo,
            unlock_hint=result.unlock_hint,
            opening=opening,
        )
        launch.windows.append(window)
        window.show()
        if driver is not None:
            driver.watch_window(window)

    if path.exists():
        open_window(None)
    else:
        wizard: SetupWizard = stages.setup_wizard_class()(runner, path, opening=opening)
        wizard.sig_ready.connect(open_window)
        launch.wizard = wizard
        after_first_paint(wizard, late)
        wizard.show()
        if driver is not None:
            driver.watch_wizard(wizard)
        app.setProperty("setup_wizard", wizard)
    return launch


def run(
    register_path: Path | None,
    *,
    smoke_test: Path | None = None,
    opening: RegisterOpening | None = None,
) -> int:
    """Start the app on ``register_path`` (default: the officer's data folder) and run it,
    opening registers through ``opening`` (built by ``app.py``)."""
    app = application(fonts=False)
    app.setQuitOnLastWindowClosed(True)
    launch = start(register_path, smoke_test=smoke_test, error_handling=True, opening=opening)
    if launch is None:
        return 0
    code = app.exec()
    launch.runner.shutdown()
    if launch.driver is not None and launch.driver.failure:
        return 1
    return int(code)
