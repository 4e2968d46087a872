"""Commands that look after the register itself: init, verify, backup, restore, key, passwd."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from grievance_desk.app import register_opening
from grievance_desk.cli.common import (
    UserError,
    check_new_passphrase,
    opened_register,
    register_options,
    register_path,
    secret_from_sources,
    show_recovery_key,
    unlock_for,
    warn,
)
from grievance_desk.cli.progress import progress_bar
from grievance_desk.messages import _
from grievance_desk.services.backups import backup, restore
from grievance_desk.services.clock import utc_now
from grievance_desk.services.errors import KeyringUnavailable
from grievance_desk.services.file_writing import fault_point, require_regular_file
from grievance_desk.services.key_rotation import (
    confirm_recovery_key,
    export_raw_key,
    new_recovery_key,
    rotate_key,
)


def _init(args: argparse.Namespace) -> int:
    path = register_path(args)
    passphrase = check_new_passphrase(secret_from_sources(args, "passphrase", confirm=True))
    opening = register_opening()
    register, recovery_key = opening.create(path, passphrase, await_confirmation=True)
    try:
        print(_("Created the encrypted register {path}").format(path=path))
        print(
            _("Its key file is {path}; keep both together and back them up.").format(
                path=register.key_path
            )
        )
        print()
        show_recovery_key(
            recovery_key,
            heading=_("RECOVERY KEY (shown once; write it down or print it and keep it safe):"),
        )
        print(_("With it you can open the register if you forget the passphrase."), flush=True)
        fault_point("init.printed")
        opening.confirm_recovery_key(register)
        if args.remember:
            try:
                opening.remember(register)
            except KeyringUnavailable as error:
                warn(str(error))
    finally:
        register.close()
    return 0


def _backup(args: argparse.Namespace) -> int:
    with opened_register(args) as register, progress_bar(_("Backing up")) as progress:
        result = backup(register, args.path.expanduser(), now=utc_now(), progress=progress)
    print(
        _("Encrypted backup written: {path} ({size} bytes)").format(
            path=result.database, size=f"{result.size:,}"
        )
    )
    print(
        _("Its key file: {path} (the same passphrase and recovery key open it)").format(
            path=result.key_file
        )
    )
    return 0


def _restore(args: argparse.Namespace) -> int:
    source: Path = args.path.expanduser()
    if not source.exists():
        raise UserError(_("There is no backup at {path}. Check the path.").format(path=source))
    require_regular_file(source, _("a backup"))
    target = register_path(args)
    unlock = unlock_for(args, source)
    with progress_bar(_("Restoring")) as progress:
        report = restore(source, target, unlock, force=args.force, now=utc_now(), progress=progress)
    print(_("Restored {target} from {source}.").format(target=target, source=source))
    for line in report.lines():
        print(line)
    return 0


def _key(args: argparse.Namespace) -> int:
    if not args.export_raw:
        raise UserError(_("Say what to do with the key: --export-raw prints it."))
    with opened_register(args) as register:
        raw = export_raw_key(register, now=utc_now())
    warn(
        _(
            "this is the raw data key of the register. Anyone who has it and the file can read "
            "every case. Use it only to open the register in another SQLCipher 4 client. The "
            "export is recorded in the audit trail; run `grievance-desk rotate-key` once done."
        )
    )
    print(raw)
    return 0


def _passwd(args: argparse.Namespace) -> int:
    with opened_register(args) as register:
        if args.new_passphrase_stdin:
            new = sys.stdin.readline().rstrip("\r\n")
        else:
            new = secret_from_sources(
                argparse.Namespace(passphrase_stdin=False), "new passphrase", confirm=True
            )
        register.change_passphrase(check_new_passphrase(new))
    print(_("The passphrase was changed. The recovery key still works."))
    return 0


def _rotate_key(args: argparse.Namespace) -> int:
    with opened_register(args) as register:
        passphrase = secret_from_sources(args, "passphrase")
        with progress_bar(_("Re-encrypting")) as progress:
            recovery_key = rotate_key(register, passphrase, now=utc_now(), progress=progress)
        print(_("The register was re-encrypted with a new data key."))
        show_recovery_key(
            recovery_key,
            heading=_("NEW RECOVERY KEY (the old one no longer works; write this one down):"),
        )
        fault_point("rotate_key.printed")
        confirm_recovery_key(register, now=utc_now())
    print(_("Backups made before now still open with the old recovery key and passphrase."))
    return 0


def _new_recovery_key(args: argparse.Namespace) -> int:
    with opened_register(args) as register:
        recovery_key = new_recovery_key(register)
        show_recovery_key(
            recovery_key,
            heading=_("NEW RECOVERY KEY (the old one no longer works; write this one down):"),
        )
        fault_point("new_recovery_key.printed")
        confirm_recovery_key(register, now=utc_now())
    print(_("The passphrase is unchanged. Backups made before now open with the old recovery key."))
    return 0


def add_parsers(subparsers: Any) -> None:
    """Register this module's commands on the main parser."""
    common = register_options()

    init = subparsers.add_parser(
        "init", parents=[common], help=_("create a new encrypted register")
    )
    init.add_argument(
        "--remember", action="store_true", help=_("remember the key in this computer's keyring")
    )
    init.set_defaults(func=_init)

    # verify and repair live in trust_commands.py.

    backup_parser = subparsers.add_parser(
        "backup", parents=[common], help=_("write an encrypted copy and its key file")
    )
    backup_parser.add_argument("path", type=Path, help=_("where to write the copy (a new file)"))
    backup_parser.set_defaults(func=_backup)

    restore_parser = subparsers.add_parser(
        "restore", parents=[common], help=_("replace the register with a checked backup")
    )
    restore_parser.add_argument(
        "path", type=Path, help=_("the backup file (its key file beside it)")
    )
    restore_parser.add_argument(
        "--force", action="store_true", help=_("replace an existing register (it is kept aside)")
    )
    restore_parser.set_defaults(func=_restore)

    key = subparsers.add_parser(
        "key", parents=[common], help=_("print the raw key for another SQLCipher client")
    )
    key.add_argument("--export-raw", action="store_true", help=_("print the raw data key"))
    key.set_defaults(func=_key)

    rotate = subparsers.add_parser(
        "rotate-key",
        parents=[common],
        help=_("re-encrypt the register under a new data key (issues a new recovery key)"),
    )
    rotate.set_defaults(func=_rotate_key)

    recovery = subparsers.add_parser(
        "new-recovery-key",
        parents=[common],
        help=_("issue a new recovery key (the old one stops working; the data key stays)"),
    )
    recovery.set_defaults(func=_new_recovery_key)

    passwd = subparsers.add_parser("passwd", parents=[common], help=_("change the passphrase"))
    passwd.add_argument(
        "--new-passphrase-stdin",
        action="store_true",
        help=_("read the new passphrase from the next line of standard input"),
    )
    passwd.set_defaults(func=_passwd)
