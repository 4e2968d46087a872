"""Drive the real window from a script: ``grievance-desk gui --smoke-test DIR``.

The frozen build's smoke test (``tests/packaging/smoke_frozen.py``) and the UI tests need to
know that the installed app starts, shows its first screen, creates or unlocks a register and
quits through its normal close path. Clicking through by hand is not a test, so this driver
does what an officer would, through the same widgets and signals, and writes what it saw:

- no register yet: screenshot ``wizard.png``, fill the set-up wizard with fictitious details,
  create the register (passphrase from ``GRIEVANCE_DESK_PASSPHRASE``), tick "stored";
- a register exists: type that passphrase on the unlock screen (``unlock.png`` first);
- then ``main-window.png`` once the register is open, and close the window as the officer
  would (the register is closed and its lock released).

Screenshots show personal data, so they are written owner-only (0600) in a 0700 folder.

Any step that does not happen in time ends the app with exit code 1 and the reason on stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget, QWizard

if TYPE_CHECKING:
    from grievance_desk.ui.setup_wizard import SetupWizard

PASSPHRASE_ENV = "GRIEVANCE_DESK_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)
STEP_TIMEOUT_MS = 60_000
POLL_MS = 100
SETTLE_MS = 600  # lets queued paints and the first background refresh land before a grab


class SmokeDriver(QObject):
    """One scripted run through the first screen, the open register and a clean quit."""

    def __init__(self, shots: Path, passphrase: str | None = None) -> None:
        super().__init__()
        self.shots = shots
        self.passphrase = passphrase if passphrase is not None else os.environ.get(PASSPHRASE_ENV)
        self.failure = ""
        self.steps: list[str] = []
        shots.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._windows: list[QWidget] = []

    # -- the two first screens ------------------------------------------------------------

    def watch_wizard(self, wizard: SetupWizard) -> None:
        """Complete the set-up wizard once it is painted."""
        self._windows.append(wizard)
        if not self._have_passphrase("create a register"):
            return
        QTimer.singleShot(SETTLE_MS, lambda: self._fill_wizard(wizard))

    def watch_window(self, window: Any) -> None:
        """Unlock the main window if needed, grab it, then close it."""
        self._windows.append(window)
        QTimer.singleShot(SETTLE_MS, lambda: self._open_window(window))

    # -- wizard ---------------------------------------------------------------------------

    def _fill_wizard(self, wizard: SetupWizard) -> None:
        self._grab(wizard, "wizard.png")
        wizard.organisation.name.setText("Smoke Test Organisation (fictitious)")
        wizard.organisation.address.setPlainText("1 Example Road, Testville 000000")
        wizard.officer.name.setText("Smoke Test Officer")
        wizard.officer.email.setText("officer@example.org")
        assert self.passphrase is not None
        wizard.passphrase.first.setText(self.passphrase)
        wizard.passphrase.second.setText(self.passphrase)
        for expected in (
            wizard.ORGANISATION,
            wizard.OFFICER,
            wizard.POLICIES,
            wizard.PASSPHRASE,
            wizard.RECOVERY,
        ):
            page = wizard.currentPage()
            wizard.next()
            if wizard.currentId() != expected:
                title = page.title() if page is not None else "?"
                reason = (
                    " (the passphrase in GRIEVANCE_DESK_PASSPHRASE is too weak)"
                    if expected == wizard.RECOVERY
                    else ""
                )
                self._fail(f"the wizard did not move on from \u201c{title}\u201d{reason}")
                return
        self.steps.append("wizard filled")
        recovery = wizard.recovery
        self._wait(
            "the register to be created",
            lambda: bool(recovery.recovery_key) or bool(recovery.error.text()),
            lambda: self._finish_wizard(wizard),
        )

    def _finish_wizard(self, wizard: SetupWizard) -> None:
        recovery = wizard.recovery
        if not recovery.recovery_key:
            self._fail(f"creating the register failed: {recovery.error.text()}")
            return
        self.steps.append("register created")
        recovery.stored.setChecked(True)
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        if not finish.isEnabled():
            self._fail("the wizard's Finish button stayed disabled after the key was stored")
            return
        finish.click()

    # -- main window ----------------------------------------------------------------------

    def _open_window(self, window: Any) -> None:
        if getattr(window, "workspace", None) is not None:
            self._opened(window)
            return
        self._grab(window, "unlock.png")
        if not self._have_passphrase("unlock the register"):
            return
        screen = window.unlock_screen
        screen.field.setText(self.passphrase)
        screen.button.click()
        self._wait(
            "the register to unlock",
            lambda: window.workspace is not None or bool(screen.error.text()),
            lambda: self._opened(window),
        )

    def _opened(self, window: Any) -> None:
        if window.workspace is None:
            self._fail(f"unlocking failed: {window.unlock_screen.error.text()}")
            return
        self.steps.append("register open")
        QTimer.singleShot(SETTLE_MS, lambda: self._grab_and_close(window))

    def _grab_and_close(self, window: Any) -> None:
        self._grab(window, "main-window.png")
        if not window.close():
            self._fail("the main window refused to close")
            return
        self.steps.append("closed")

    # -- helpers --------------------------------------------------------------------------

    def _have_passphrase(self, purpose: str) -> bool:
        if self.passphrase:
            return True
        self._fail(f"set {PASSPHRASE_ENV} to the passphrase to {purpose} in a smoke test")
        return False

    def _grab(self, widget: QWidget, name: str) -> None:
        # The window shows personal data: the picture is written owner-only (0600) from the
        # first byte, never saved by Qt under the umask and narrowed afterwards.
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        saved = widget.grab().save(buffer, "PNG")
        buffer.close()
        target = self.shots / name
        try:
            if not saved:
                raise OSError("Qt could not encode the picture")
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(bytes(data.data()))
            target.chmod(0o600)  # an older file of the same name keeps its mode otherwise
        except OSError as error:
            self._fail(f"could not save the screenshot {target} ({error})")
            return
        self.steps.append(name)

    def _wait(self, what: str, ready: Callable[[], bool], then: Callable[[], None]) -> None:
        remaining = [STEP_TIMEOUT_MS // POLL_MS]

        def poll() -> None:
            if self.failure:
                return
            if ready():
                then()
                return
            remaining[0] -= 1
            if remaining[0] <= 0:
                self._fail(f"timed out waiting for {what}")
                return
            QTimer.singleShot(POLL_MS, poll)

        poll()

    def _fail(self, reason: str) -> None:
        if self.failure:
            return
        self.failure = reason
        print(f"smoke test failed: {reason} (after: {', '.join(self.steps) or 'start'})",
              file=sys.stderr)  # fmt: skip
        for window in self._windows:
            window.close()
        QApplication.exit(1)
