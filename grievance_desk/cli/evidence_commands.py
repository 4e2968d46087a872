"""Evidence for a regulator from the command line: evidence, verify-bundle and fingerprint.

Parsing and printing only; the work is in services/evidence*. The officer hands the recipient
three things by separate routes: the bundle, its password (when encrypted) and the register
key's fingerprint (printed here, on every bundle's summary, and by ``fingerprint``).
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
from pathlib import Path

from grievance_desk.cli.common import UserError, opened_register, register_options, warn
from grievance_desk.messages import _, ngettext
from grievance_desk.services.clock import utc_now
from grievance_desk.services.evidence import (
    MIN_PASSWORD,
    NO_PASSWORD,
    WRONG_PASSWORD,
    BundleCheck,
    export_evidence,
    normalise_fingerprint,
    register_fingerprint,
    verify_bundle,
)

#: Exit codes as main's cli/exit_codes.py numbers them (ExitCode.PROBLEM, INTEGRITY and
#: WRONG_SECRET), so a script can tell a broken bundle from a wrong or missing password.
PROBLEM, INTEGRITY_FAILURE, WRONG_SECRET = 1, 3, 12
#: Letters and digits that cannot be misread for one another when read aloud or copied.
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
#: How the recipient checks the bundle: a command, never translated.
VERIFY_COMMAND = 'grievance-desk verify-bundle FILE --fingerprint "{fingerprint}"'


def unencrypted_warning() -> str:
    """Said whenever a bundle is written without a password."""
    return _(
        "the evidence bundle is NOT encrypted: it holds the requester's personal data. Send it "
        "only by a secure route and delete it when done, or use --encrypt."
    )


def aes_note() -> str:
    """Which tools open an encrypted bundle (Windows Explorer cannot)."""
    return _(
        "It is an AES-256 encrypted ZIP: 7-Zip, WinZip, PeaZip, Keka (macOS) and bsdtar open "
        "it; Windows Explorer's built-in ZIP support cannot."
    )


def generated_password() -> str:
    """A random bundle password, about 124 bits, in five groups of five easy characters.

    ZIP's AES scheme stretches a password only lightly (PBKDF2-SHA1, 1,000 rounds), so a
    random password is what keeps an intercepted bundle closed.
    """
    chars = [secrets.choice(_ALPHABET) for _unused in range(25)]
    return "-".join("".join(chars[i : i + 5]) for i in range(0, 25, 5))


def _bundle_password(args: argparse.Namespace) -> str | None:
    """The bundle password: the next line of standard input (after the passphrase, if any)."""
    if not args.password_stdin:
        return None
    # When --passphrase-stdin is also given, opening the register has read the first line.
    line = sys.stdin.readline().rstrip("\r\n") if sys.stdin is not None else ""
    if not line:
        raise UserError(
            _(
                "--password-stdin was given but standard input had no password line (after the "
                "passphrase line when --passphrase-stdin is also given)."
            )
        )
    return line


def _evidence(args: argparse.Namespace) -> int:
    target: Path = args.output.expanduser()
    if args.encrypt and args.password_stdin:
        raise UserError(_("Use either --encrypt (a password is made for you) or --password-stdin."))
    with opened_register(args) as register:
        password = generated_password() if args.encrypt else _bundle_password(args)
        if password is not None and len(password) < MIN_PASSWORD:
            raise UserError(
                _(
                    "The bundle password is too short ({length} characters): use at least "
                    "{minimum}, or --encrypt to have one made for you."
                ).format(length=len(password), minimum=MIN_PASSWORD)
            )
        if password is None:
            warn(unencrypted_warning())
        result = export_evidence(register, args.reference, target, now=utc_now(), password=password)
    if result.encrypted:
        print(_("Evidence bundle written: {path} (AES-256 encrypted)").format(path=result.path))
    else:
        print(_("Evidence bundle written: {path}").format(path=result.path))
    files = ngettext("{count} file", "{count} files", result.files).format(count=result.files)
    events = ngettext("{count} audit event", "{count} audit events", result.events).format(
        count=result.events
    )
    print(
        _("{files}, {events}; SHA-256 {digest}").format(
            files=files, events=events, digest=result.sha256
        )
    )
    print(_("Signed by the register key {fingerprint}").format(fingerprint=result.fingerprint))
    print(_("Chain head at export: {head}").format(head=result.chain_head))
    if args.encrypt:
        print(_("Bundle password: {password}").format(password=password))
    if result.encrypted:
        print(_("Send the password by another route than the file (a call, a separate message)."))
        print(aes_note())
    print(_("Give the recipient the key fingerprint separately too; they check the bundle with"))
    print("    " + VERIFY_COMMAND.format(fingerprint=result.fingerprint))
    print(_("or, without Grievance Desk, with sha256sum and openssl (see README.txt inside)."))
    return 0


def _verify_bundle(args: argparse.Namespace) -> int:
    path: Path = args.file.expanduser()
    if not path.is_file():
        raise UserError(_("There is no file {path}. Check the path.").format(path=path))
    check = verify_bundle(path, _bundle_password(args), expected_fingerprint=args.fingerprint)
    if args.json:
        print(
            json.dumps(
                {
                    "file": str(path),
                    "ok": check.ok,
                    "signed_by": check.signer or None,
                    "encrypted": check.encrypted,
                    "previous_format": check.legacy,
                    "chain_head": check.chain_head or None,
                    "problems": list(check.problems),
                    "notes": list(check.notes),
                },
                indent=2,
            )
        )
        return _code(check)
    if check.ok and check.signer:
        text = _(
            "{name}: intact and signed. Every file matches SHA256SUMS and the audit chain links."
        )
        print(text.format(name=path.name))
    elif check.ok:
        text = _("{name}: intact. Every file matches SHA256SUMS and the audit chain links.")
        print(text.format(name=path.name))
    else:
        count = len(check.problems)
        print(
            ngettext(
                "{name}: {count} problem found:", "{name}: {count} problems found:", count
            ).format(name=path.name, count=count)
        )
        for problem in check.problems:
            print(f"  - {problem}")
    if check.signer:
        if args.fingerprint and check.ok:
            text = _("Signed by the key {fingerprint} (the fingerprint you gave)")
        else:
            text = _("Signed by the key {fingerprint}")
        print(text.format(fingerprint=check.signer))
        if not args.fingerprint:
            print(
                _(
                    "Compare it with the fingerprint the organisation gave you separately, or "
                    "pass it with --fingerprint."
                )
            )
    if check.chain_head:
        print(_("Chain head at export: {head}").format(head=check.chain_head))
    for note in check.notes:
        print(_("Note: {note}").format(note=note))
    return _code(check)


def _code(check: BundleCheck) -> int:
    if check.ok:
        return 0
    return {NO_PASSWORD: PROBLEM, WRONG_PASSWORD: WRONG_SECRET}.get(
        check.password, INTEGRITY_FAILURE
    )


def _fingerprint(args: argparse.Namespace) -> int:
    with opened_register(args) as register:
        shown = register_fingerprint(register, now=utc_now())
    print(shown)
    if sys.stdout.isatty():
        print(
            _(
                "The register's evidence bundles are signed by this key. Give it to recipients "
                "by another route than the bundle (on paper, in a report, on a call)."
            ),
            file=sys.stderr,
        )
    return 0


def _fingerprint_arg(text: str) -> str:
    shown = normalise_fingerprint(text)
    if len(shown.replace(" ", "")) != 64 or any(c not in "0123456789abcdef " for c in shown):
        raise argparse.ArgumentTypeError(
            _("a fingerprint is 64 hex digits (spaces and colons may separate them)")
        )
    return shown


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the evidence commands on the main CLI."""
    common = register_options()
    evidence = subparsers.add_parser(
        "evidence",
        parents=[common],
        help=_("export a case's signed evidence bundle (ZIP) for a regulator"),
        description=_(
            "Write a ZIP with the case summary PDF, the case record (JSON), timeline, "
            "issued letters, attachments, the case's audit-chain segment and SHA256SUMS, signed "
            "with the register's key. Without --encrypt or --password-stdin the ZIP is not "
            "encrypted (a warning says so)."
        ),
    )
    evidence.add_argument("reference", help=_("the case reference, e.g. GRV-2026-00042"))
    evidence.add_argument(
        "--output",
        "-o",
        type=Path,
        required=True,
        metavar="FILE",
        help=_("where to write the bundle (a .zip file)"),
    )
    evidence.add_argument(
        "--encrypt",
        action="store_true",
        help=_("AES-256 encrypt the ZIP with a random password, printed once"),
    )
    evidence.add_argument(
        "--password-stdin",
        action="store_true",
        help=_(
            "AES-256 encrypt the ZIP with a password read from standard input (the line "
            "after the passphrase when --passphrase-stdin is also given)"
        ),
    )
    evidence.set_defaults(func=_evidence)

    verify = subparsers.add_parser(
        "verify-bundle",
        help=_("check an evidence bundle's signature, digests and audit-chain links"),
        description=_(
            "Check a bundle without opening any register: SHA256SUMS, the signature "
            "and which key made it, the manifest and the audit chain segment. Exit 0 when "
            "everything holds, 3 when something does not, 12 for a wrong password."
        ),
    )
    verify.add_argument("file", type=Path, help=_("the evidence bundle (.zip)"))
    verify.add_argument(
        "--password-stdin", action="store_true", help=_("read the bundle's password from stdin")
    )
    verify.add_argument(
        "--fingerprint",
        type=_fingerprint_arg,
        metavar="HEX",
        help=_("the fingerprint you were given: fail unless this key signed the bundle"),
    )
    verify.add_argument("--json", action="store_true", help=_("print the result as JSON"))
    verify.set_defaults(func=_verify_bundle)

    fingerprint = subparsers.add_parser(
        "fingerprint",
        parents=[common],
        help=_("show the fingerprint of the key that signs this register's evidence bundles"),
    )
    fingerprint.set_defaults(func=_fingerprint)
