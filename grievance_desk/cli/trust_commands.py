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
from grievance_desk.messages import _, ngettext
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
            _(
                "{question} This cannot be undone. Run it in a terminal to be asked, or add --yes "
                "to go ahead in a script."
            ).format(question=question)
        )
    answer = input(
        _("{question} This cannot be undone. Type {word} to go ahead: ").format(
            question=question, word=repr(word)
        )
    )
    return answer.strip().lower() == word


def _verify(args: argparse.Namespace) -> int:
    try:
        head = parse_head(args.head) if args.head else None
    except BadHead as error:
        raise UserError(str(error)) from error
    path = register_path(args)
    if args.read_only or _on_read_only_media(path):
        # A backup on a DVD or a write-protected stick: checked without writing beside it.
        require_regular_file(path, _("a register"))
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
        print(_("Nothing to repair: no case is missing the creation event an old import dropped."))
    for repair in done:
        if repair.missing_event is not None:
            text = _("{reference}: repair event {event} documents missing event {missing}.")
        else:
            text = _("{reference}: repair event {event} documents the lost creation event.")
        print(
            text.format(
                reference=repair.reference, event=repair.event_id, missing=repair.missing_event
            )
        )
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
                print(_("Dry run: nothing was changed."))
            return 0
        totals = plan.totals()
        question = ngettext(
            "Erase the personal data of {count} case?",
            "Erase the personal data of {count} cases?",
            totals["cases"],
        ).format(count=totals["cases"])
        if not _confirm(question, CONFIRM_WORD, args.yes):
            print(_("Nothing was purged."))
            return 1
        result = purge(register, plan, now=now)
        still_held = holding_erased_data(register, purged_at=now) if result.purged else []
    print(
        ngettext(
            "Purged {count} case: {references}.",
            "Purged {count} cases: {references}.",
            len(result.purged),
        ).format(count=len(result.purged), references=", ".join(result.purged) or _("none"))
    )
    for reference, reason in result.skipped:
        print(_("Left {reference} alone: {reason}.").format(reference=reference, reason=reason))
    for line in still_held:
        print(line)
    return 0


def _hold(args: argparse.Namespace) -> int:
    with opened_register(args) as register:
        changed = set_legal_hold(
            register, args.reference, args.on, now=utc_now(), reason=args.reason
        )
    reference = args.reference.upper()
    if changed and args.on:
        text = _("{reference} is now on legal hold; the reason is in the audit trail.")
    elif changed:
        text = _("{reference} is now off legal hold; the reason is in the audit trail.")
    elif args.on:
        text = _("{reference} was already on legal hold; nothing was changed.")
    else:
        text = _("{reference} was already off legal hold; nothing was changed.")
    print(text.format(reference=reference))
    return 0


def _destroy_id_docs(args: argparse.Namespace) -> int:
    with opened_register(args) as register:
        question = _("Destroy the identity documents of {reference}?").format(
            reference=args.reference.upper()
        )
        if not _confirm(question, "destroy", args.yes):
            print(_("Nothing was destroyed."))
            return 1
        done = destroy_identity_documents(register, args.reference, now=utc_now())
    count = len(done.attachment_ids)
    print(
        ngettext(
            "Destroyed {count} identity document of {reference} ({size} bytes); its digest and "
            "the destruction are on record.",
            "Destroyed {count} identity documents of {reference} ({size} bytes); their digests "
            "and the destruction are on record.",
            count,
        ).format(count=count, reference=done.reference, size=f"{done.total_bytes:,}")
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
        print(_("No automatic backups of {name} were found.").format(name=path.name))
        return 0
    for backup in found:
        note = (
            "  " + _("PROBLEM: {problem}").format(problem=backup.problem) if backup.problem else ""
        )
        line = _("{taken} UTC  {size} bytes  {path}").format(
            taken=f"{backup.taken_at:%Y-%m-%d %H:%M}", size=f"{backup.size:>12,}", path=backup.path
        )
        print(line + note)
    print(_("Restore one with: grievance-desk restore PATH --force"))
    return 0


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the trust commands on the main CLI."""
    common = register_options()
    verify = subparsers.add_parser(
        "verify",
        parents=[common],
        help=_("check the file, the audit chain and that the chain covers every case"),
        description=_(
            "Check the file's integrity, recompute the audit chain, compare every "
            "case and attachment with the state its latest audit event recorded, and check the "
            "audit triggers. With --head, also prove the history still extends a chain head "
            "printed earlier (on a monthly report or an evidence bundle)."
        ),
    )
    verify.add_argument(
        "--read-only",
        action="store_true",
        help=_("write nothing beside the file (automatic on read-only media); for backups"),
    )
    verify.add_argument("--json", action="store_true", help=_("print the findings as JSON"))
    verify.add_argument(
        "--head",
        metavar="SEQ:HASH",
        help=_("a chain head printed earlier; fails if the history was cut or rewritten since"),
    )
    verify.set_defaults(func=_verify)

    repair = subparsers.add_parser(
        "repair",
        parents=[common],
        help=_("record the audit events an old import dropped (appends; rewrites nothing)"),
        description=_(
            "Versions before schema 0007 dropped the creation event of every 250th "
            "case of a large import, so verify failed. This appends one recorded repair event "
            "per such case, documenting the missing link and why; nothing earlier is changed. "
            "Any other finding of verify is left as it is."
        ),
    )
    repair.set_defaults(func=_repair)

    purge_cmd = subparsers.add_parser(
        "purge",
        parents=[common],
        help=_("erase personal data of cases past their retention period"),
        description=_(
            "Show the cases whose retention period has ended and erase their personal "
            "data (references, dates, type, status and outcome stay for reports)."
        ),
    )
    purge_cmd.add_argument(
        "--dry-run", action="store_true", help=_("show the plan, change nothing")
    )
    purge_cmd.add_argument("--yes", action="store_true", help=_("do not ask (for scripts)"))
    purge_cmd.set_defaults(func=_purge)

    hold = subparsers.add_parser(
        "hold", parents=[common], help=_("place or lift a legal hold that stops the purge")
    )
    hold.add_argument("reference", help=_("the case reference, e.g. GRV-2026-00042"))
    state = hold.add_mutually_exclusive_group(required=True)
    state.add_argument("--on", dest="on", action="store_true", help=_("place the hold"))
    state.add_argument("--off", dest="on", action="store_false", help=_("lift the hold"))
    hold.add_argument("--reason", required=True, help=_("why (recorded in the audit trail)"))
    hold.set_defaults(func=_hold)

    destroy = subparsers.add_parser(
        "destroy-id-docs",
        parents=[common],
        help=_("destroy a case's identity documents once the identity is verified"),
    )
    destroy.add_argument("reference", help=_("the case reference, e.g. GRV-2026-00042"))
    destroy.add_argument("--yes", action="store_true", help=_("do not ask (for scripts)"))
    destroy.set_defaults(func=_destroy_id_docs)

    backups = subparsers.add_parser(
        "backups",
        parents=[common],
        help=_("list the automatic backups (no unlocking needed)"),
    )
    backups.add_argument("--folder", type=Path, help=_("look in this folder instead"))
    backups.add_argument("--json", action="store_true", help=_("print JSON"))
    backups.set_defaults(func=_backups)
