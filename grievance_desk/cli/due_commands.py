"""`due`, `calendar` and `extend`: the register's deadlines from a terminal.

Thin like every command module: parse, call `services.case_deadlines`, print. Output carries
case references, never requesters' names, so it can be pasted into a ticket or a calendar.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from grievance_desk.app import register_opening, register_path
from grievance_desk.cli.common import (
    PASSPHRASE_ENV,
    UserError,
    binary_output,
    opened_register,
    register_options,
    warn,
)
from grievance_desk.cli.deadline_commands import InputError, parse_moment
from grievance_desk.cli.language import columns, ljust, rjust
from grievance_desk.domain.deadline_engine import DeadlineKind
from grievance_desk.domain.policy import Policy
from grievance_desk.messages import _, ngettext
from grievance_desk.services.case_deadlines import (
    CaseDeadlines,
    OpenDeadline,
    calendar_items,
    due_within,
    extend_case,
)
from grievance_desk.services.cases import officer_zone
from grievance_desk.services.clock import utc_now
from grievance_desk.services.ics_export import build_ics
from grievance_desk.services.policy_settings import PolicySettingsError, custom_policies

__all__ = ["add_parsers", "own_policies_from_default_register", "parse_within"]

_WITHIN = re.compile(r"\s*(\d{1,5})\s*([hdw])\s*", re.IGNORECASE)
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def parse_within(text: str) -> timedelta:
    """``36h``, ``14d`` or ``2w`` as a timedelta; anything else is refused, naming the forms."""
    match = _WITHIN.fullmatch(text)
    if match is None:
        raise UserError(
            _(
                "--within {text} is not a period. Use a whole number followed by h (hours), "
                "d (days) or w (weeks), for example 36h, 14d or 2w."
            ).format(text=repr(text))
        )
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def _period_argument(text: str) -> str:
    """Checks ``--within`` while parsing, so a malformed period is a usage mistake (exit 2)."""
    try:
        parse_within(text)
    except UserError as error:
        raise argparse.ArgumentTypeError(str(error)) from error
    return text


# --------------------------------------------------------------------------- due


def _due_text(deadline: OpenDeadline) -> str:
    if deadline.date_only:
        return deadline.due_date.isoformat()
    return deadline.due.strftime("%Y-%m-%d %H:%M")


def _kind_text(kind: str) -> str:
    """A deadline's name in the table (``--json`` keeps the stable ``kind`` values)."""
    texts = {
        DeadlineKind.ACKNOWLEDGE.value: _("acknowledge"),
        DeadlineKind.RESPOND.value: _("respond"),
        DeadlineKind.EXTENSION_NOTICE.value: _("extension notice"),
        DeadlineKind.EXTENDED_RESPOND.value: _("extended respond"),
    }
    return texts.get(kind, kind.replace("_", " "))


def _due_json(item: CaseDeadlines) -> dict[str, Any]:
    deadline = item.next
    return {
        "reference": item.reference,
        "status": item.status.value,
        "policy": item.policy_id,
        "policy_label": item.policy_label,
        "kind": None if deadline is None else deadline.kind.value,
        "due": None if deadline is None else deadline.due.isoformat(),
        "due_date": None if deadline is None else deadline.due_date.isoformat(),
        "days_left": None if deadline is None else deadline.days_left,
        "overdue": item.overdue,
        "explanation": None if deadline is None else deadline.explanation,
        "problem": item.problem,
    }


def _print_due_table(items: list[CaseDeadlines], within: str | None) -> None:
    if not items:
        if within:
            print(_("No open deadlines within {period}.").format(period=within))
        else:
            print(_("No open deadlines in the register."))
        return
    rows = [(_("REFERENCE"), _("DEADLINE"), _("DUE"), _("DAYS LEFT"), _("POLICY"))]
    for item in items:
        deadline = item.next
        if deadline is None:
            rows.append((item.reference, _("policy problem"), "—", "—", item.policy_id))
            continue
        kind = _kind_text(deadline.kind.value)
        rows.append(
            (
                item.reference,
                _("{deadline} (OVERDUE)").format(deadline=kind) if deadline.overdue else kind,
                _due_text(deadline),
                str(deadline.days_left),
                item.policy_label,
            )
        )
    for row in _aligned(rows):
        print(row)
    for item in items:
        if item.problem is not None:
            print(_("problem: {problem}").format(problem=item.problem))
    overdue = sum(1 for item in items if item.overdue)
    print(
        ngettext(
            "{count} case, {overdue} overdue.", "{count} cases, {overdue} overdue.", len(items)
        ).format(count=len(items), overdue=overdue)
    )


def _aligned(rows: list[tuple[str, str, str, str, str]]) -> list[str]:
    """The table's lines: columns padded to the widest cell as a terminal shows it (Devanagari
    vowel signs take no column of their own); days left to the right, the policy last."""
    widths = [max(columns(row[i]) for row in rows) for i in range(4)]
    lines = []
    for row in rows:
        cells = [rjust(row[i], widths[i]) if i == 3 else ljust(row[i], widths[i]) for i in range(4)]
        lines.append("  ".join([*cells, row[4]]).rstrip())
    return lines


def _due(args: argparse.Namespace) -> int:
    within = None if args.within is None else parse_within(args.within)  # checked by argparse
    now = utc_now()
    with opened_register(args) as register:
        items = due_within(register, now=now, within=within)
    if args.json:
        print(json.dumps([_due_json(i) for i in items], indent=2, ensure_ascii=False))
    else:
        _print_due_table(items, args.within)
    return 0


# --------------------------------------------------------------------------- calendar


def _calendar(args: argparse.Namespace) -> int:
    now = utc_now()
    with opened_register(args) as register:
        items = calendar_items(register, now=now)
    data = build_ics(items, generated_at=now)
    output: Path | None = None if args.output is None else args.output.expanduser()
    with binary_output(output) as handle:
        handle.write(data)
        handle.flush()
    if output is not None:
        cases = len({i.reference for i in items})
        deadlines = ngettext("{count} deadline", "{count} deadlines", len(items)).format(
            count=len(items)
        )
        of_cases = ngettext("{count} open case", "{count} open cases", cases).format(count=cases)
        print(
            _("Wrote {deadlines} of {cases} to {path}.").format(
                deadlines=deadlines, cases=of_cases, path=output
            )
        )
    return 0


# --------------------------------------------------------------------------- extend


def _extend(args: argparse.Namespace) -> int:
    now = utc_now()
    with opened_register(args) as register:
        notice_sent_at = None
        if args.notice_sent is not None:
            with register.reading() as session:
                zone = officer_zone(session)
            try:
                notice_sent_at = parse_moment(args.notice_sent, zone)
            except InputError as error:
                raise UserError(_("--notice-sent: {problem}.").format(problem=error)) from None
        result = extend_case(
            register, args.reference, now=now, reason=args.reason, notice_sent_at=notice_sent_at
        )
    assert result.deadlines is not None
    final = result.deadlines.final_respond_by
    print(
        _("{reference}: extended under {policy}.").format(
            reference=result.reference, policy=result.policy_label
        )
    )
    print(
        _("Respond by {date} ({explanation})").format(
            date=final.due.strftime("%Y-%m-%d"), explanation=final.explanation
        )
    )
    return 0


# --------------------------------------------------------------------------- own policies


def own_policies_from_default_register(path: Path | None = None) -> list[Policy]:
    """The officer's own policies for `policies`, or [] when the register cannot be opened
    without asking for anything (no passphrase variable, no remembered key, no register).

    Listing policies must never block on a prompt or fail because the register is elsewhere,
    locked or absent: the presets are still worth showing.
    """
    register = register_opening().open_without_asking(
        register_path(path), os.environ.get(PASSPHRASE_ENV)
    )
    if register is None:
        return []
    try:
        with register.reading() as session:
            return list(custom_policies(session))
    except PolicySettingsError as error:
        warn(_("your own policies are not listed: {problem}").format(problem=error))
        return []
    finally:
        register.close()


# --------------------------------------------------------------------------- parsers


def add_parsers(subparsers: Any) -> None:
    """Register `due`, `calendar` and `extend` on the main parser."""
    common = register_options()

    due = subparsers.add_parser(
        "due",
        parents=[common],
        help=_("open cases by nearest deadline, overdue first"),
        description=_(
            "Open cases by their nearest deadline, overdue first. Days left are in "
            "the officer's time zone; negative means overdue."
        ),
    )
    due.add_argument(
        "--within",
        type=_period_argument,
        metavar="PERIOD",
        help=_("only deadlines due within this period, e.g. 36h, 14d or 2w (overdue always shown)"),
    )
    due.add_argument("--json", action="store_true", help=_("print JSON"))
    due.set_defaults(func=_due)

    calendar = subparsers.add_parser(
        "calendar",
        parents=[common],
        help=_("export open deadlines as an .ics calendar (references only, no names)"),
        description=_("Write an RFC 5545 calendar with one event and alarms per open deadline."),
    )
    calendar.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help=_("where to write (default: stdout)")
    )
    calendar.set_defaults(func=_calendar)

    extend = subparsers.add_parser(
        "extend",
        parents=[common],
        help=_("extend a case's response period, where its policy allows"),
        description=_(
            "Record an extension of the response period; refused with the reason when "
            "the case's policy allows none or the maximum is reached."
        ),
    )
    extend.add_argument("reference", help=_("the case reference, e.g. GRV-2026-00042"))
    extend.add_argument(
        "--reason", required=True, help=_("the reasons given to the requester for the extension")
    )
    extend.add_argument(
        "--notice-sent",
        metavar="DATETIME",
        help=_("when the requester was told of the extension (default: now)"),
    )
    extend.set_defaults(func=_extend)
