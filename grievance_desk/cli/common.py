"""What every register command shares: which register, how to unlock it, where output goes.

The key comes, in this order, from ``--passphrase-stdin``, the ``GRIEVANCE_DESK_PASSPHRASE``
variable (meant for automation and tests, as restic's RESTIC_PASSWORD is), the OS keyring
where the key is remembered, or a prompt when a terminal is attached.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple, TextIO

from grievance_desk.messages import _

if TYPE_CHECKING:
    # Imported where used: ``grievance-desk gui`` imports this module for its options, and
    # neither the register code (SQLAlchemy, Alembic) nor the key file code (cryptography)
    # nor platformdirs is needed before the unlock screen shows.
    from grievance_desk.services.register_access import Register, Unlock
    from grievance_desk.services.register_opening import RegisterOpening

PASSPHRASE_ENV = "GRIEVANCE_DESK_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)
MIN_PASSPHRASE = 10


class _SecretTexts(NamedTuple):
    """The words for one secret the command line asks for, translated (a noun alone is not)."""

    name: str
    prompt: str
    again: str
    differ: str


def _secret_texts(what: str) -> _SecretTexts:
    """The words for ``what``: "passphrase", "new passphrase" or "recovery key" (the names
    the register-opening service asks by)."""
    if what == "recovery key":
        return _SecretTexts(
            _("recovery key"),
            _("Recovery key: "),
            _("Recovery key again: "),
            _("The two recovery keys differ; nothing was changed. Try again."),
        )
    if what == "new passphrase":
        return _SecretTexts(
            _("new passphrase"),
            _("New passphrase: "),
            _("New passphrase again: "),
            _("The two new passphrases differ; nothing was changed. Try again."),
        )
    return _SecretTexts(
        _("passphrase"),
        _("Passphrase: "),
        _("Passphrase again: "),
        _("The two passphrases differ; nothing was changed. Try again."),
    )


class UserError(Exception):
    """A mistake in what was asked; printed as one line, exit code 1."""


def register_options() -> argparse.ArgumentParser:
    """A parent parser so ``--register`` and ``--passphrase-stdin`` work on every command."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--register",
        type=Path,
        metavar="PATH",
        help=_("the register file (default: $GRIEVANCE_DESK_REGISTER, else the user data folder)"),
    )
    parent.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help=_("read the passphrase from the first line of standard input"),
    )
    parent.add_argument(
        "--recovery-key",
        action="store_true",
        help=_("unlock with the recovery key instead of the passphrase (asked for, or from stdin)"),
    )
    return parent


def register_path(args: argparse.Namespace) -> Path:
    """``--register``, else the default the composition root names."""
    from grievance_desk.app import register_path as chosen_register

    return chosen_register(getattr(args, "register", None))


_stdin_secret: str | None = None


def _stdin_line() -> str:
    global _stdin_secret
    if _stdin_secret is None:
        _stdin_secret = sys.stdin.readline().rstrip("\r\n")
    return _stdin_secret


def secret_from_sources(args: argparse.Namespace, what: str, *, confirm: bool = False) -> str:
    """The passphrase (or recovery key) from stdin, the variable, or a prompt.

    ``what`` is "passphrase", "new passphrase" or "recovery key" (see ``_secret_texts``)."""
    texts = _secret_texts(what)
    if getattr(args, "passphrase_stdin", False):
        secret = _stdin_line()
        if not secret:
            raise UserError(
                _("--passphrase-stdin was given but standard input had no {what}.").format(
                    what=texts.name
                )
            )
        return secret
    env = os.environ.get(PASSPHRASE_ENV)
    if env and what == "passphrase":
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        secret = getpass.getpass(texts.prompt)
        if confirm and getpass.getpass(texts.again) != secret:
            raise UserError(texts.differ)
        return secret
    raise UserError(
        _(
            "No {what} given. Pass it with --passphrase-stdin, set {variable} "
            "(for automation), or run the command in a terminal to be asked."
        ).format(what=texts.name, variable=PASSPHRASE_ENV)
    )


def check_new_passphrase(passphrase: str) -> str:
    """Refuse passphrases too short to resist guessing against a stolen key file."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(
            _(
                "The passphrase is too short ({length} characters). Use at least "
                "{minimum}; a few unrelated words are easy to remember and hard to guess."
            ).format(length=len(passphrase), minimum=MIN_PASSPHRASE)
        )
    return passphrase


def unlock_for(args: argparse.Namespace, path: Path) -> Unlock:
    """Choose the unlock method, preferring explicit secrets over the keyring (the choice
    itself is the register-opening service's, shared with the window)."""
    from grievance_desk.app import register_opening

    explicit = bool(getattr(args, "passphrase_stdin", False) or os.environ.get(PASSPHRASE_ENV))
    return register_opening().unlock_for(
        path,
        recovery=bool(getattr(args, "recovery_key", False)),
        passphrase_given=explicit,
        ask=lambda what: secret_from_sources(args, what),
    )


@contextmanager
def opened_register(args: argparse.Namespace) -> Iterator[Register]:
    """Open the chosen register for one command and always close it. A remembered key that
    fails falls back to asking for the passphrase when a terminal is attached."""
    from grievance_desk.app import register_opening
    from grievance_desk.services.register_access import Unlock

    opening = register_opening()
    path = register_path(args)

    def ask_passphrase() -> Unlock:
        return Unlock(passphrase=secret_from_sources(args, "passphrase"))

    terminal = sys.stdin is not None and sys.stdin.isatty()
    register = opening.open(
        path, unlock_for(args, path), fallback=ask_passphrase if terminal else None
    )
    try:
        settle_after_unlock(register, opening)
        yield register
    finally:
        register.close()


def show_recovery_key(recovery_key: str, *, heading: str, file: TextIO | None = None) -> None:
    """Print a recovery key so a person sees it (flushed before anything depends on it)."""
    out = file or sys.stdout
    print(heading, file=out)
    print(file=out)
    print(f"    {recovery_key}", file=out)
    print(file=out, flush=True)


def settle_after_unlock(register: Register, opening: RegisterOpening) -> None:
    """Say what the unlock found (weak key file, deleted attempts record), and show a new
    recovery key an interrupted change left unconfirmed, then make it the one in force."""
    for notice in register.notices:
        warn(notice)
    if register.unshown_recovery_key:
        show_recovery_key(
            register.unshown_recovery_key,
            heading=_(
                "An earlier key change was interrupted before its new recovery key was "
                "confirmed. NEW RECOVERY KEY (it replaces the old one; write it down now):"
            ),
            file=sys.stderr,
        )
        opening.confirm_recovery_key(register)


@contextmanager
def binary_output(path: Path | None) -> Iterator[BinaryIO]:
    """Standard output, or ``path`` written whole or not at all (owner-only scratch file
    beside it, renamed in on success: a crash or a full disk never cuts a file short)."""
    if path is None:
        yield sys.stdout.buffer
        return
    from grievance_desk.services.file_writing import atomic_output

    with atomic_output(path.expanduser(), _("the output file")) as handle:
        yield handle


def warn(message: str) -> None:
    """A warning on standard error, in the officer's language."""
    print(_("warning: {message}").format(message=message), file=sys.stderr)
