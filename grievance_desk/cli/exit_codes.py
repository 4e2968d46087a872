"""Exit codes a script can branch on, one per cause (restic, borg and gh do the same).

A backup script wants to tell "the passphrase is wrong" from "another window has the register
open" without parsing English. The numbers follow restic's where a cause is shared (10 no
repository, 11 locked, 12 wrong password) and stay stable across releases.
"""

from __future__ import annotations

from enum import IntEnum

from grievance_desk.messages import _


class ExitCode(IntEnum):
    """What ``grievance-desk`` returns; ``--help`` and the README list the same table."""

    OK = 0
    PROBLEM = 1  # a problem the message names and the officer can fix
    USAGE = 2  # a mistake in the command line itself
    INTEGRITY = 3  # verify or verify-bundle found a break
    NOT_FOUND = 4  # a case, letter or attachment that the register does not hold
    REGISTER_MISSING = 10
    REGISTER_IN_USE = 11
    WRONG_SECRET = 12  # wrong passphrase or recovery key
    INTERRUPTED = 130


def help_table() -> str:
    """The table ``--help`` ends with, in the officer's language (the numbers never change)."""
    return _(
        """exit codes:
  0   done
  1   a problem the message names (a bad date, a full disk, a refused change)
  2   a usage mistake (unknown option, malformed value such as --within 2x)
  3   verify or verify-bundle found a break in the record
  4   not found (no such case, letter or attachment)
  10  no register at that path
  11  the register is open in another window or command
  12  wrong passphrase or recovery key
  130 interrupted (Ctrl+C); nothing half-written was kept"""
    )


def code_for(error: BaseException) -> ExitCode:
    """The code for an expected error; storage is imported only once an error happened."""
    from grievance_desk.services import errors

    if isinstance(error, errors.WrongPassphrase | errors.WrongRecoveryKey):
        return ExitCode.WRONG_SECRET
    if isinstance(error, errors.RegisterMissing):
        return ExitCode.REGISTER_MISSING
    if isinstance(error, errors.RegisterInUse):
        return ExitCode.REGISTER_IN_USE
    if isinstance(error, errors.NotFound):
        return ExitCode.NOT_FOUND
    return ExitCode.PROBLEM
