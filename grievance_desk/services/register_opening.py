"""Opening, unlocking and creating a register: the one way in for the window and the CLI.

It was written four times (the unlock screen, the set-up wizard, ``cli/common.py`` and
``cli/due_commands.py``), each with its own idea of "remembered on this computer" and of
when to fall back from the keyring to the passphrase. ``RegisterOpening`` holds those
decisions; ``grievance_desk.app`` builds the one instance both front ends use. What a screen
or a terminal does with the result (a dialog, a printed recovery key) stays with them.

Everything ``Register.open`` already does is behind it: finishing an interrupted restore or
create, sweeping leftovers, settling a pending key change, counting failed attempts. Every
failure is a ``RegisterError`` from ``services.errors`` with a message for a person.

Light on purpose: the unlock screen holds one before its first paint, so the register code
(SQLAlchemy, Alembic, cryptography) is imported only when a method runs (on the worker).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from grievance_desk.services.errors import RegisterError

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from grievance_desk.services.register_setup import RegisterSetup
    from grievance_desk.storage.keyfile import KdfParams
    from grievance_desk.storage.read_only import ReadOnlyRegister
    from grievance_desk.storage.register import Register, Unlock

#: Asks for a secret by name ("passphrase", "recovery key") when, and only when, it is needed.
AskSecret = Callable[[str], str]


class RegisterOpening:
    """Open, unlock, create and restore registers, with one clock and one key strength."""

    def __init__(
        self, *, clock: Callable[[], datetime] | None = None, kdf: KdfParams | None = None
    ) -> None:
        self._clock = clock
        self._kdf = kdf

    def now(self) -> datetime:
        """The time audit events of an opening carry (a confirmed recovery key)."""
        if self._clock is not None:
            return self._clock()
        from grievance_desk.services.clock import utc_now

        return utc_now()

    # -- how to unlock --------------------------------------------------------------------

    @staticmethod
    def is_remembered(path: Path) -> bool:
        """Whether the key of the register at ``path`` is kept in this computer's keyring.

        A missing or damaged key file says no here; unlocking then names the problem."""
        from grievance_desk.storage.keyfile import KeyFile
        from grievance_desk.storage.paths import key_file_for

        key_path = key_file_for(path)
        if not key_path.exists():
            return False
        try:
            return isinstance(KeyFile.load(key_path).extra.get("remembered"), dict)
        except (RegisterError, OSError, ValueError):
            return False

    def unlock_for(
        self, path: Path, *, recovery: bool, passphrase_given: bool, ask: AskSecret
    ) -> Unlock:
        """The recovery key when asked for; else a passphrase that was given; else the
        keyring where the key is remembered; else the passphrase, asked for."""
        from grievance_desk.storage.register import Unlock

        if recovery:
            return Unlock(recovery_key=ask("recovery key"))
        if not passphrase_given and self.is_remembered(path):
            return Unlock(use_keyring=True)
        return Unlock(passphrase=ask("passphrase"))

    # -- opening --------------------------------------------------------------------------

    def open(
        self, path: Path, unlock: Unlock, *, fallback: Callable[[], Unlock] | None = None
    ) -> Register:
        """Unwrap the key (Argon2id: call off the GUI thread), open, check and migrate.

        A keyring unlock that fails tries ``fallback`` (the passphrase, asked for) when one
        is given. The result may carry ``notices`` and an ``unshown_recovery_key``: show
        them, then ``confirm_recovery_key``."""
        from grievance_desk.storage.register import Register

        try:
            return Register.open(path, unlock)
        except RegisterError:
            if not unlock.use_keyring or fallback is None:
                raise
        return Register.open(path, fallback())

    def open_without_asking(self, path: Path, passphrase: str | None) -> Register | None:
        """The register when it opens with ``passphrase`` or a remembered key, else None.

        For listings that are still useful without the register: they must never block on a
        prompt, nor fail because the register is elsewhere, locked or absent."""
        from grievance_desk.storage.paths import key_file_for
        from grievance_desk.storage.register import Register, Unlock

        try:
            if not path.exists() or not key_file_for(path).exists():
                return None
            if passphrase:
                unlock = Unlock(passphrase=passphrase)
            elif self.is_remembered(path):
                unlock = Unlock(use_keyring=True)
            else:
                return None
            return Register.open(path, unlock)
        except (RegisterError, OSError, ValueError):
            return None

    def open_read_only(self, path: Path, unlock: Unlock) -> ReadOnlyRegister:
        """A read-only copy for checks (``verify``): never migrates or writes the register."""
        from grievance_desk.storage.read_only import open_read_only

        return open_read_only(path, unlock)

    def confirm_recovery_key(self, register: Register) -> None:
        """The officer has seen the new recovery key: it replaces the old one (audited)."""
        register.confirm_recovery_key_shown(self.now())

    @staticmethod
    def remember(register: Register) -> str:
        """Keep the key in this computer's keyring; returns the backend's name.

        Raises ``KeyringUnavailable`` (saying why) where there is no real keyring."""
        return register.remember_on_this_computer()

    def restore_and_open(self, backup: Path, path: Path, unlock: Unlock) -> Register:
        """Replace a damaged register with a checked backup (kept aside), then open it."""
        from grievance_desk.services.backups import restore

        restore(backup, path, unlock, force=True, now=self.now())
        return self.open(path, unlock)

    # -- creating -------------------------------------------------------------------------

    def create(
        self,
        path: Path,
        passphrase: str,
        *,
        setup: RegisterSetup | None = None,
        await_confirmation: bool = True,
    ) -> tuple[Register, str]:
        """A new register and its recovery key, with ``setup`` written in its first
        transaction: it exists set up, or not at all (a bad choice leaves no file behind).

        With ``await_confirmation`` the recovery key is shown again at each unlock until
        ``confirm_recovery_key``."""
        from grievance_desk.storage.register import Register

        if setup is None:
            return Register.create(
                path, passphrase, self._kdf, await_confirmation=await_confirmation
            )
        from grievance_desk.services.register_setup import check_setup, write_setup

        check_setup(setup)
        now = self.now()
        return Register.create(
            path,
            passphrase,
            self._kdf,
            await_confirmation=await_confirmation,
            populate=lambda session: write_setup(session, setup, now=now),
        )

    def create_demo(self, path: Path, passphrase: str, *, cases: int) -> tuple[Register, str]:
        """A register of fictitious cases, filled in its first transaction."""
        from grievance_desk.services.demo_data import write_demo
        from grievance_desk.storage.register import Register

        now = self.now()

        def fill(session: Session) -> None:
            write_demo(session, now=now, count=cases)

        return Register.create(path, passphrase, self._kdf, populate=fill)

    def open_or_create_demo(self, path: Path, passphrase: str, *, cases: int) -> Register:
        """The demo register, created and filled on first use."""
        from grievance_desk.storage.register import Unlock

        if path.exists():
            return self.open(path, Unlock(passphrase=passphrase))
        return self.create_demo(path, passphrase, cases=cases)[0]
