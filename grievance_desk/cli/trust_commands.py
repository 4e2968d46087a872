"""Commands that keep the register trustworthy: verify, repair, purge, hold, destroy-id-docs
and backups. Parsing and printing only; the work is in the services. (evidence, verify-bundle
and fingerprint are in evidence_commands.)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from grievance_desk.app import register_opening
from grievance_desk.cli.common import (
    UserError,
    opened_register,
    register_options,
    register_path,
    unlock_for,
)
from grievance_desk.cli.exit_codes import ExitCode
from grievance_desk.services.auto_backup import holding_erased_data, restore_latest_candidates
from grievance_desk.services.clock import utc_now
from grievance_desk.services.file_writing import require_regular_file
from grievance_desk.services.integrity import (
    BadHead,
    parse_head,
    repair_import_gaps,
    verify_register,
)
from grievance_desk.services.retention import (
    destroy_identity_documents,
    purge,
    purge_plan,
    set_legal_hold,
)

CONFIRM_WORD = "purge"


def _confirm(question: str, word: str, assume_yes: bool) -> bool:
    """Ask on a terminal; without one, --yes is the only way to go ahead (scripts)."""
    if assume_yes:
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        raise UserError(
            f"{question} This cannot be undone. Run it in a terminal to be asked, or add --yes "
            "to go ahead in a script."
        )
    answer = input(f"{question} This cannot be undone. Type {word!r} to go ahead: ")
    return answer.strip().lower() == word


def _verify(args: argparse.Namespace) -> int:
    try:
        head = parse_head(args.head) if args.head else None
    except BadHead as error:
        raise UserError(str(error)) from error
    path = register_path(args)
    if args.read_only or _on_read_only_media(path):
        # A backup on a DVD or a write-protected stick: checked without writing beside it.
        require_regular_file(path, "a register")
        with register_opening().open_read_only(path, unlock_for(args, path)) as copy:
            report = verify_register(copy, head)
    else:
        with opened_register(args) as register:
            report = verify_register(register, head)
    if args.json:
        json.dump(report.as_json(), sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for line in report.lines():
            print(line)
    return ExitCode.OK if report.ok else ExitCode.INTEGRITY


def _on_read_only_media(path: Path) -> bool:
    """The register's file or folder cannot be written (read-only media or permissions)."""
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _repair(args: argparse.Namespace) -> int:
    with opened_register(args) as register:
        done = repair_import_gaps(register, now=utc_now())
        report = verify_register(register)
    if not done:
        print("Nothing to repair: no case is missing the creation event an old import dropped.")
    for repair in done:
        lost = (
            f"documents missing event {repair.missing_event}"
            if repair.missing_event is not None
            else "documents the lost creation event"
        )
        print(f"{repair.reference}: repair event {repair.event_id} {lost}.")
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def _purge(args: argparse.Namespace) -> int:
    now = utc_now()
    with opened_register(args) as register:
        plan = purge_plan(register, now=now)
        for line in plan.lines():
            print(line)
        if plan.empty or args.dry_run:
            if args.dry_run and not plan.empty:
                print("Dry run: nothing was changed.")
            return 0
        totals = plan.totals()
        question = f"Erase the personal data of {totals['cases']} case(s)?"
        if not _confirm(question, CONFIRM_WORD, args.yes):
            print("Nothing was purged.")
            return 1
        result = purge(register, plan, now=now)
        still_held = holding_erased_data(register, purged_at=now) if result.purged else []
    print(f"Purged {len(result.purged)} case(s): {', '.join(result.purged) or 'none'}.")
    for reference, reason in result.skipped:
        print(f"Left {reference} alone: {reason}.")
    for line in still_held:
        print(line)
    return 0


def _hold(args: argparse.Namespace) -> int:
    with opened_register(args) as register:
        changed = set_legal_hold(
            register, args.reference, args.on, now=utc_now(), reason=args.reason
        )
    state = "on legal hold" if args.on else "off legal hold"
    if changed:
        print(f"{args.reference.upper()} is now {state}; the reason is in the audit trail.")
    else:
        print(f"{args.reference.upper()} was already {state}; nothing was changed.")
    return 0


def _destroy_id_docs(args: argparse.Namespace) -> int:
    with opened_register(args) as register:
        question = f"Destroy the identity documents of {args.reference.upper()}?"
        if not _confirm(question, "destroy", args.yes):
            print("Nothing was destroyed.")
            return 1
        done = destroy_identity_documents(register, args.reference, now=utc_now())
    print(
        f"Destroyed {len(done.attachment_ids)} identity document(s) of {done.reference} "
        f"({done.total_bytes:,} bytes); their digests and the destruction are on record."
    )
    return 0


def _backups(args: argparse.Namespace) -> int:
    path = register_path(args)
    found = restore_latest_candidates(path, args.folder)
    found.sort(key=lambda b: b.taken_at, reverse=True)
    if args.json:
        listing = [
            {
                "path": str(b.path),
                "key_file": str(b.key_file),
                "taken_at": b.taken_at.isoformat(),
                "size": b.size,
                "problem": b.problem or None,
            }
            for b in found
        ]
        print(json.dumps(listing, indent=2))
        return 0
    if not found:
        print(f"No automatic backups of {path.name} were found.")
        return 0
    for backup in found:
        note = f"  PROBLEM: {backup.problem}" if backup.problem else ""
        print(
            f"{backup.taken_at:%Y-%m-%d %H:%M} UTC  {backup.size:>12,} bytes  {backup.path}{note}"
        )
    print("Restore one with: grievance-desk restore PATH --force")
    return 0


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the trust commands on the main CLI."""
    common = register_options()
    verify = subparsers.add_parser(
        "verify",
        parents=[common],
        help="check the file, the audit chain and that the chain covers every case",
        description="Check the file's integrity, recompute the audit chain, compare every "
        "case and attachment with the state its latest audit event recorded, and check the "
        "audit triggers. With --head, also prove the history still extends a chain head "
        "printed earlier (on a monthly report or an evidence bundle).",
    )
    verify.add_argument(
        "--read-only",
        action="store_true",
        help="write nothing beside the file (automatic on read-only media); for backups",
    )
    verify.add_argument("--json", action="store_true", help="print the findings as JSON")
    verify.add_argument(
        "--head",
        metavar="SEQ:HASH",
        help="a chain head printed earlier; fails if the history was cut or rewritten since",
    )
    verify.set_defaults(func=_verify)

    repair = subparsers.add_parser(
        "repair",
        parents=[common],
        help="record the audit events an old import dropped (appends; rewrites nothing)",
        description="Versions before schema 0007 dropped the creation event of every 250th "
        "case of a large import, so verify failed. This appends one recorded repair event per "
        "such case, documenting the missing link and why; nothing earlier is changed. Any "
        "other finding of verify is left as it is.",
    )
    repair.set_defaults(func=_repair)

    purge_cmd = subparsers.add_parser(
        "purge",
        parents=[common],
        help="erase personal data of cases past their retention period",
        description="Show the cases whose retention period has ended and erase their personal "
        "data (references, dates, type, status and outcome stay for reports).",
    )
    purge_cmd.add_argument("--dry-run", action="store_true", help="show the plan, change nothing")
    purge_cmd.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    purge_cmd.set_defaults(func=_purge)

    hold = subparsers.add_parser(
        "hold", parents=[common], help="place or lift a legal hold that stops the purge"
    )
    hold.add_argument("reference")
    state = hold.add_mutually_exclusive_group(required=True)
    state.add_argument("--on", dest="on", action="store_true", help="place the hold")
    state.add_argument("--off", dest="on", action="store_false", help="lift the hold")
    hold.add_argument("--reason", required=True, help="why (recorded in the audit trail)")
    hold.set_defaults(func=_hold)

    destroy = subparsers.add_parser(
        "destroy-id-docs",
        parents=[common],
        help="destroy a case's identity documents once the identity is verified",
    )
    destroy.add_argument("reference")
    destroy.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    destroy.set_defaults(func=_destroy_id_docs)

    backups = subparsers.add_parser(
        "backups",
        parents=[common],
        help="list the automatic backups (no unlocking needed)",
    )
    backups.add_argument("--folder", type=Path, help="look in this folder instead")
    backups.add_argument("--json", action="store_true", help="print JSON")
    backups.set_defaults(func=_backups)
