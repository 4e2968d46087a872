"""The `deadline` calculator and the `policies` listing, for officers checking a date by hand.

Both are thin: parsing and printing only; the dates come from `domain.deadline_engine`.
The main CLI calls `add_parsers(subparsers)`. Handlers return an exit code (0 ok, 1 bad
input) and print results to stdout, one-line errors to stderr.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from grievance_desk.cli.language import columns, ljust, tell
from grievance_desk.domain.california_holidays import statutory_holidays
from grievance_desk.domain.deadline_engine import (
    DEFAULT_TZ,
    CaseClock,
    ClockInputError,
    Deadline,
    Deadlines,
    ExtensionRefusedError,
    Pause,
    UnknownTimeZoneError,
    deadlines,
    ensure_can_extend,
    resolve_zone,
)
from grievance_desk.domain.policy import (
    CountingStart,
    HolidayRegion,
    PauseEffect,
    PauseReason,
    Policy,
    describe_period,
    policy_to_dict,
)
from grievance_desk.domain.policy_presets import (
    PRESETS,
    PolicyNotInForceError,
    UnknownPolicyError,
    policy_in_force,
)
from grievance_desk.domain.work_calendar import (
    UnknownHolidayRegionError,
    WorkCalendar,
    calendar_for_policy,
)
from grievance_desk.messages import _

__all__ = ["add_parsers", "deadline_command", "parse_moment", "parse_pause", "policies_command"]


def datetime_formats() -> str:
    """The date and date-time forms the options take, for their help and errors."""
    return _("YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM+05:30")


def pause_format() -> str:
    """The form ``--pause`` takes, for its errors."""
    return _("START:END as YYYY-MM-DD:YYYY-MM-DD (or START: while the clock is still stopped)")


#: Supplies the officer's own policies to `policies`; the main CLI sets it once the register
#: is open. Without it only the presets are listed.
OwnPolicies = Callable[[], Sequence[Policy]]


class InputError(ValueError):
    """Bad command-line input; the message says what was expected."""


#: The years a case's dates can fall in; beyond them date arithmetic overflows (year 9999).
YEARS = (1900, 2999)


def _within_years(day: date, text: str, what: str) -> None:
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise InputError(
            _("{what} {text} is outside the years {first}–{last}; check the year").format(
                what=what, text=repr(text.strip()), first=YEARS[0], last=YEARS[1]
            )
        )


def parse_moment(text: str, zone: ZoneInfo) -> datetime:
    """A date or date-time as typed; a bare one is taken in the officer's zone, as they mean it."""
    value = text.strip()
    if not re.fullmatch(
        r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?", value
    ):
        raise InputError(
            _("{text} is not a date or date-time; use {formats}").format(
                text=repr(text), formats=datetime_formats()
            )
        )
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(
            _("{text} is not a real date; use {formats}").format(
                text=repr(text), formats=datetime_formats()
            )
        ) from None
    _within_years(moment.date(), text, _("the date"))
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment


def _parse_day(text: str, what: str) -> date:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            _("{what} {text} is not a date; use {format}").format(
                what=what, text=repr(text), format=pause_format()
            )
        ) from None
    _within_years(day, text, what)
    return day


def parse_pause(text: str) -> Pause:
    """``START:END`` (both dates count) or ``START:`` for a clock that is still stopped."""
    start_text, sep, end_text = text.partition(":")
    if not sep:
        start_text, sep, end_text = text.partition("..")
    if not sep:
        raise InputError(
            _("pause {text} has no separator; use {format}").format(
                text=repr(text), format=pause_format()
            )
        )
    start = _parse_day(start_text, _("pause start"))
    end = _parse_day(end_text, _("pause end")) if end_text.strip() else None
    if end is not None and end < start:
        raise InputError(
            _("pause {text} ends before it starts; use {format}").format(
                text=repr(text), format=pause_format()
            )
        )
    return Pause(start, end)


def _reason_text(reason: PauseReason) -> str:
    """What the officer waits for, in the officer's language (``--json`` keeps the value)."""
    texts = {
        PauseReason.IDENTITY: _("identity"),
        PauseReason.CLARIFICATION: _("clarification"),
        PauseReason.FEE: _("fee"),
    }
    return texts.get(reason, reason.value)


def _effect_text(effect: PauseEffect) -> str:
    """What waiting does to the clock, in words."""
    texts = {
        PauseEffect.RUNS: _("runs"),
        PauseEffect.STOPS: _("stops"),
        PauseEffect.STARTS_ON_RECEIPT: _("starts on receipt"),
    }
    return texts.get(effect, effect.value.replace("_", " "))


def _counting_text(start: CountingStart) -> str:
    """Whether the day of receipt counts, in words."""
    texts = {
        CountingStart.DAY_OF_RECEIPT: _("day of receipt"),
        CountingStart.DAY_AFTER_RECEIPT: _("day after receipt"),
    }
    return texts.get(start, start.value.replace("_", " "))


def _iso(deadline: Deadline | None) -> str | None:
    return None if deadline is None else deadline.due.isoformat()


def _human(deadline: Deadline | None) -> str:
    if deadline is None:
        return "—"
    due = deadline.due
    if deadline.date_only:
        return _("{date} (end of day, {zone})").format(
            date=deadline.due_date.isoformat(), zone=due.tzname()
        )
    return due.strftime("%Y-%m-%d %H:%M %Z")


def _result_json(policy: Policy, result: Deadlines) -> dict[str, Any]:
    return {
        "policy": policy.id,
        "policy_version": policy.version,
        "acknowledge_by": _iso(result.acknowledge_by),
        "respond_by": _iso(result.respond_by),
        "extension_notice_by": _iso(result.extension_notice_by),
        "extended_respond_by": _iso(result.extended_respond_by),
        "explanation": result.explanation(),
    }


def _explain_lines(
    policy: Policy,
    result: Deadlines,
    calendar: WorkCalendar,
    zone: ZoneInfo,
    request_type: str | None,
) -> list[str]:
    """The calendar and the pause rules the dates were worked out with, with their sources."""
    start = result.clock_started_at.astimezone(zone).date()
    last = max(d.due.astimezone(zone).date() for d in result.all())
    lines = [_("Calendar: {calendar}").format(calendar=calendar.describe())]
    if policy.calendar_basis:
        lines.append("  " + _("basis: {basis}").format(basis=policy.calendar_basis))
    holidays = calendar.holidays_between(start, last)
    days = "; ".join(f"{d} {why}" for d, why in holidays) if holidays else _("none")
    lines.append(
        "  "
        + _("non-working weekdays {start}..{last}: {days}").format(
            start=start, last=last, days=days
        )
    )
    if request_type:
        lines.append(_("Pause rules for {type} requests:").format(type=request_type))
    else:
        lines.append(_("Pause rules:"))
    for reason in PauseReason:
        rule = policy.pause_rule(reason, request_type)
        scope = (
            " " + _("(only {types})").format(types=", ".join(rule.request_types))
            if rule.request_types
            else ""
        )
        lines.append(
            "  "
            + _("{reason}: clock {effect}{scope} — {citation}").format(
                reason=_reason_text(reason),
                effect=_effect_text(rule.effect),
                scope=scope,
                citation=rule.citation,
            )
        )
    if policy.in_force_note:
        lines.append(_("In force: {note}").format(note=policy.in_force_note))
    return lines


def _print_result(policy: Policy, result: Deadlines) -> None:
    print(_("Policy: {policy} — {source}").format(policy=policy.label, source=policy.legal_source))
    dates = [
        (_("Acknowledge by:"), result.acknowledge_by),
        (_("Respond by:"), result.respond_by),
        (_("Extension notice by:"), result.extension_notice_by),
        (_("Extended respond by:"), result.extended_respond_by),
    ]
    width = max(columns(label) for label, _unused in dates)
    for label, deadline in dates:
        print(f"{ljust(label, width)} {_human(deadline)}")
    print(_("Why:"))
    for line in result.explanation():
        print(f"  - {line}")


def _fail(message: str) -> int:
    tell(_("error: {message}").format(message=message))
    return 1


def deadline_command(args: argparse.Namespace) -> int:
    """The calculator: an officer checks a date with the same engine the register uses."""
    try:
        zone = resolve_zone(args.tz)
        received = parse_moment(args.received, zone)
        policy = policy_in_force(args.policy, received.astimezone(zone).date())
        clock_starts = None if args.clock_starts is None else parse_moment(args.clock_starts, zone)
        pauses = tuple(parse_pause(p) for p in args.pause or ())
        as_of = (
            _parse_day(args.as_of, "--as-of")
            if args.as_of is not None
            else datetime.now(zone).date()
        )
        # getattr: callers that build the namespace themselves may leave the newer options out
        member_state = _member_state(getattr(args, "member_state", None))
        calendar = calendar_for_policy(policy, (), member_state)
        request_type = getattr(args, "request_type", None)
        clock = CaseClock(
            received_at=received,
            identity_proof_at=clock_starts,
            pauses=pauses,
            request_type=request_type,
        )
        if args.extend:
            ensure_can_extend(clock, policy, calendar, tz=zone, as_of=as_of)
            clock = CaseClock(
                received_at=received,
                identity_proof_at=clock_starts,
                pauses=pauses,
                extensions=(max(received, clock_starts or received),),
                request_type=request_type,
            )
        result = deadlines(clock, policy, calendar, tz=zone, as_of=as_of)
    except (
        InputError,
        UnknownTimeZoneError,
        UnknownPolicyError,
        PolicyNotInForceError,
        ClockInputError,
        ExtensionRefusedError,
    ) as exc:
        return _fail(str(exc))
    explained = (
        _explain_lines(policy, result, calendar, zone, request_type)
        if getattr(args, "explain", False)
        else []
    )
    if args.json:
        data = _result_json(policy, result)
        if explained:
            data["calendar_and_pauses"] = explained
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        _print_result(policy, result)
        for line in explained:
            print(line)
    return 0


def _member_state(code: str | None) -> HolidayRegion | None:
    if not code:
        return None
    country, _unused, subdiv = code.partition("-")
    try:
        region = HolidayRegion(country.upper(), subdiv or None)
        WorkCalendar(regions=(region,))
    except (ValueError, UnknownHolidayRegionError) as exc:
        raise InputError(
            _(
                "--member-state {code} is not a holiday calendar ({problem}); use e.g. DE or ES-MD"
            ).format(code=repr(code), problem=exc)
        ) from None
    return region


def _policy_summary(policy: Policy, origin: str, year: int) -> dict[str, Any]:
    data = policy_to_dict(policy)
    data["origin"] = origin
    statutory = [r for r in policy.holiday_regions if r.statute is not None]
    if statutory:  # the statute's list, shown so the officer can check it (Cal. Gov. Code §6700)
        data["statutory_holidays"] = {
            str(y): {d.isoformat(): name for d, name in statutory_holidays(y).items()}
            for y in (year, year + 1)
        }
    return data


def _policy_line(policy: Policy) -> str:
    window = ""
    if policy.in_force_from or policy.in_force_until:
        received = (
            _("[received {start} to {end} (exclusive)]")
            if policy.in_force_until
            else _("[received {start} to {end}]")
        )
        window = " " + received.format(
            start=policy.in_force_from or "…", end=policy.in_force_until or "…"
        )
    ack = describe_period(policy.acknowledge) if policy.acknowledge else _("none")
    ext = policy.extension
    extension = (
        f"+{describe_period(ext.length)} ×{ext.max_count}"
        if ext.allowed and ext.length is not None
        else _("none")
    )
    pauses = "; ".join(
        f"{_reason_text(r.reason)} → {_effect_text(r.effect)}"
        + (
            " " + _("({types} only)").format(types=", ".join(r.request_types))
            if r.request_types
            else ""
        )
        for r in policy.pause_rules
    )
    routes = "; ".join(
        f"{r.authority} ({r.citation}"
        + (_(", from {date}").format(date=r.in_force_from) if r.in_force_from else "")
        + (
            _(", until {date} (exclusive)").format(date=r.in_force_until)
            if r.in_force_until
            else ""
        )
        + ")"
        for r in policy.escalation
    )
    lines = [
        f"{policy.label}{window}",
        _(
            "acknowledge: {acknowledge}; respond: {respond} ({counting}{roll}); "
            "extension: {extension}"
        ).format(
            acknowledge=ack,
            respond=describe_period(policy.respond),
            counting=_counting_text(policy.counting_start),
            roll=_(", roll-forward") if policy.roll_forward else "",
            extension=extension,
        ),
        _("source: {source}").format(source=policy.legal_source),
        _("clock while waiting: {pauses}").format(pauses=pauses or _("runs")),
        _("calendar: {basis}").format(basis=policy.calendar_basis or "—"),
        _("escalation: {routes}").format(routes=routes or _("none named")),
    ]
    if policy.in_force_note:
        lines.append(_("in force: {note}").format(note=policy.in_force_note))
    return "\n    ".join(lines)


def make_policies_command(own_policies: OwnPolicies | None = None) -> Callable[..., int]:
    """Bind the officer's own policies (from the register) to the `policies` handler."""

    def handler(args: argparse.Namespace) -> int:
        return policies_command(args, own_policies)

    return handler


def policies_command(args: argparse.Namespace, own_policies: OwnPolicies | None = None) -> int:
    """List every rule a case can be put under, with its source, so the choice is auditable."""
    own = tuple(own_policies()) if own_policies is not None else ()
    if args.json:
        year = datetime.now().year  # the edge of the app: which holiday years to list
        listing = [_policy_summary(p, "preset", year) for p in PRESETS]
        listing += [_policy_summary(p, "own", year) for p in own]
        print(json.dumps(listing, indent=2, ensure_ascii=False))
        return 0
    print(_("Preset policies:"))
    for policy in PRESETS:
        print(f"  {_policy_line(policy)}")
    if own:
        print(_("Your policies:"))
        for policy in own:
            print(f"  {_policy_line(policy)}")
    return 0


def add_parsers(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    *,
    own_policies: OwnPolicies | None = None,
) -> None:
    """Register `deadline` and `policies` on the main CLI's subcommands."""
    ids = ", ".join(dict.fromkeys(p.id for p in PRESETS))
    calc = subparsers.add_parser(
        "deadline",
        help=_("work out a case's deadlines under a policy, with the reasons"),
        description=_("Work out acknowledgement, response and extension dates under a policy."),
    )
    calc.add_argument(
        "--policy", required=True, metavar="ID", help=_("one of: {ids}").format(ids=ids)
    )
    calc.add_argument(
        "--received",
        required=True,
        metavar="DATETIME",
        help=_("when received: {formats}").format(formats=datetime_formats()),
    )
    calc.add_argument(
        "--clock-starts",
        metavar="DATETIME",
        help=_("when identity proof / fee arrived (moves the clock start under uk-gdpr)"),
    )
    calc.add_argument(
        "--pause",
        action="append",
        metavar="START:END",
        help=_("days the clock was stopped, both dates counted; repeatable"),
    )
    calc.add_argument("--extend", action="store_true", help=_("apply one extension"))
    calc.add_argument(
        "--tz",
        default=DEFAULT_TZ,
        metavar="ZONE",
        help=_("officer's time zone ({zone})").format(zone=DEFAULT_TZ),
    )
    calc.add_argument(
        "--as-of", metavar="DATE", help=_("today's date for a pause still open (default: today)")
    )
    calc.add_argument(
        "--request-type",
        metavar="TYPE",
        help=_("the request type, for pause rules scoped to some types (UK Art 12A: access)"),
    )
    calc.add_argument(
        "--member-state",
        metavar="CODE",
        help=_("the controller's Member State for GDPR holidays (Reg 1182/71 art 3(4)), e.g. DE"),
    )
    calc.add_argument(
        "--explain",
        action="store_true",
        help=_(
            "also print the calendar (with the holidays in the period) and the pause rules used"
        ),
    )
    calc.add_argument("--json", action="store_true", help=_("print JSON"))
    calc.set_defaults(func=deadline_command)

    listing = subparsers.add_parser(
        "policies", help=_("list the deadline policies and their legal sources")
    )
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(func=make_policies_command(own_policies))
