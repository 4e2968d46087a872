"""Reminders: which deadlines the officer should be told about right now.

A reminder schedule is a list of day offsets before each deadline (default 7, 3, 1 and 0 =
on the day), then one reminder per day while the deadline is overdue. Each reminder has a
stable key (``case id : deadline kind : slot``) so the storage layer can record dismissals and
snoozes; a dismissed reminder stays dismissed, a snoozed one comes back when its snooze ends.

Only the latest slot that has fired for a deadline is shown: once the "1 day before"
reminder fires, the "3 days before" one is superseded, whether or not it was dismissed.
Reminders fire at the start of their day in the officer's time zone. A reminder's text counts
the days left from today (`due_phrase`), as the deadline lists do, never from the slot that
fired ("3 days before" fired yesterday: 2 days left today). Pure: ``now`` and the time zone
are arguments.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from grievance_desk.domain.deadline_engine import DEFAULT_TZ, Deadlines, resolve_zone
from grievance_desk.domain.policy import DEFAULT_REMINDER_OFFSETS, Policy
from grievance_desk.messages import _, ngettext

__all__ = [
    "DEFAULT_SCHEDULE",
    "DueDeadline",
    "Reminder",
    "ReminderSchedule",
    "due_deadlines_for_case",
    "due_phrase",
    "reminder_key",
    "reminders_due",
    "schedule_for_policy",
]


@dataclass(frozen=True)
class ReminderSchedule:
    """Days before a deadline to remind (0 = on the day), and whether to nag daily when overdue."""

    offsets_days: tuple[int, ...] = DEFAULT_REMINDER_OFFSETS
    daily_when_overdue: bool = True
    #: Minutes before the due moment, for deadlines counted in hours (IT Rules r.3(2)(b): 2 h).
    offsets_minutes: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if any(o < 0 for o in self.offsets_days) or any(m < 1 for m in self.offsets_minutes):
            raise ValueError(
                _(
                    "reminder offsets are days (≥ 0) or minutes (≥ 1) *before* a deadline; "
                    "overdue reminders are added by daily_when_overdue"
                )
            )
        object.__setattr__(self, "offsets_days", tuple(sorted(set(self.offsets_days))))
        object.__setattr__(self, "offsets_minutes", tuple(sorted(set(self.offsets_minutes))))


#: 7, 3, 1 days before, on the day, then daily while overdue.
DEFAULT_SCHEDULE = ReminderSchedule()


def schedule_for_policy(policy: Policy) -> ReminderSchedule:
    """Short deadlines (24 hours) need fewer early warnings than a month does; hour-based
    ones (36 h, 2 h) are reminded minutes before, not at the start of a day."""
    return ReminderSchedule(
        offsets_days=policy.reminder_offsets, offsets_minutes=policy.reminder_minutes
    )


@dataclass(frozen=True)
class DueDeadline:
    """One open deadline of one case, as plain data from the register.

    ``reference`` is what the officer sees (e.g. "GD-2026-0042"); never a requester's name.
    """

    case_id: str
    reference: str
    kind: str
    due: datetime
    schedule: ReminderSchedule = DEFAULT_SCHEDULE

    def __post_init__(self) -> None:
        if self.due.tzinfo is None or self.due.utcoffset() is None:
            raise ValueError(
                _("due for case {case} has no time zone; attach one").format(case=self.case_id)
            )


@dataclass(frozen=True)
class Reminder:
    """A reminder to show now.

    ``days_before`` is the slot that fired (negative when overdue: −1 = one day late);
    ``days_left`` counts from today to the due day in the officer's zone, as the lists do.
    """

    key: str
    case_id: str
    reference: str
    kind: str
    due: datetime
    days_before: int
    overdue: bool
    fires_at: datetime
    message: str
    days_left: int = 0


def reminder_key(case_id: str, kind: str, slot: str) -> str:
    """The stable identity under which a dismissal or snooze is stored."""
    return f"{case_id}:{kind}:{slot}"


def due_deadlines_for_case(
    case_id: str,
    reference: str,
    result: Deadlines,
    schedule: ReminderSchedule = DEFAULT_SCHEDULE,
) -> list[DueDeadline]:
    """Turn one case's `Deadlines` into reminder input, so services need no date logic.

    Once an extension is granted, the original response date and the notice date are no
    longer the ones that can be missed, so only the extended date is kept.
    """
    items = []
    if result.acknowledge_by is not None:
        items.append(result.acknowledge_by)
    if result.extended_respond_by is not None:
        items.append(result.extended_respond_by)
    else:
        items.append(result.respond_by)
        if result.extension_notice_by is not None and (
            result.extension_notice_by.due != result.respond_by.due
        ):
            items.append(result.extension_notice_by)
    return [DueDeadline(case_id, reference, d.kind.value, d.due, schedule) for d in items]


def _start_of_day(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone)


def _reminder_for(
    item: DueDeadline, now: datetime, zone: ZoneInfo
) -> tuple[str, int, datetime] | None:
    """The latest slot of ``item`` that has fired by ``now``: (slot, days_before, fires_at)."""
    due_day = item.due.astimezone(zone).date()
    today = now.astimezone(zone).date()
    if now > item.due:
        if not item.schedule.daily_when_overdue:
            return None
        late = (today - due_day).days
        fires_at = max(item.due, _start_of_day(today, zone))
        return f"overdue:{late}", -late, fires_at
    slots = [
        (f"before:{o}", _start_of_day(due_day - relativedelta(days=o), zone))
        for o in item.schedule.offsets_days
    ]
    slots += [
        (f"before-min:{m}", item.due - relativedelta(minutes=m))
        for m in item.schedule.offsets_minutes
    ]
    fired = [(slot, at) for slot, at in slots if at <= now]
    if not fired:
        return None
    slot, fires_at = max(fired, key=lambda s: s[1])  # the latest slot that has fired
    return slot, (due_day - fires_at.astimezone(zone).date()).days, fires_at


def days_phrase(count: int) -> str:
    """ "1 day", "3 days": for messages a person reads."""
    return ngettext("{count} day", "{count} days", count).format(count=count)


def hours_phrase(due: datetime, now: datetime) -> str | None:
    """Within a day of ``due``, the distance in hours and minutes ("5 h 10 min left",
    "40 min overdue"); None further off, where days are the right unit.

    IT Rules r.3(2)(b) as amended on 20 Feb 2026 allows 2 hours: "due today" says nothing
    useful about a deadline at 14:00 when it is 12:30.
    """
    seconds = (due - now).total_seconds()
    if abs(seconds) >= 24 * 3600:
        return None
    minutes = int(abs(seconds) // 60)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        text = _("{hours} h {minutes} min").format(hours=hours, minutes=rest)
    elif hours:
        text = _("{hours} h").format(hours=hours)
    else:
        text = _("{minutes} min").format(minutes=rest)
    return (_("{span} overdue") if seconds < 0 else _("{span} left")).format(span=text)


def due_phrase(days_left: int) -> str:
    """The one wording of a distance to a due day: "2 days left", "due today", "1 day overdue"."""
    if days_left < 0:
        return _("{days} overdue").format(days=days_phrase(-days_left))
    if days_left == 0:
        return _("due today")
    return _("{days} left").format(days=days_phrase(days_left))


def _deadline_words(kind: str) -> str:
    """A deadline kind as a reminder names it ("extension notice"); unknown kinds as written."""
    known = {
        "acknowledge": _("acknowledge"),
        "respond": _("respond"),
        "extension_notice": _("extension notice"),
        "extended_respond": _("extended respond"),
    }
    return known.get(kind, kind.replace("_", " "))


def _short_month(number: int) -> str:
    """A month's short name in the officer's language ("Mar"), never the computer's locale."""
    return (
        _("Jan"),
        _("Feb"),
        _("Mar"),
        _("Apr"),
        _("May"),
        _("Jun"),
        _("Jul"),
        _("Aug"),
        _("Sep"),
        _("Oct"),
        _("Nov"),
        _("Dec"),
    )[number - 1]


def _message(item: DueDeadline, days_left: int, overdue: bool, zone: ZoneInfo) -> str:
    what = _deadline_words(item.kind)
    local = item.due.astimezone(zone)
    due_text = f"{local:%d} {_short_month(local.month)} {local:%Y %H:%M}"
    if overdue and days_left >= 0:  # due earlier today
        text = _("{reference}: {what} overdue since {due}")
    elif overdue:
        text = _("{reference}: {what} overdue since {due} ({distance})")
    elif days_left == 0:
        text = _("{reference}: {what} due today ({due})")
    else:
        text = _("{reference}: {what} due {due}, {distance}")
    return text.format(
        reference=item.reference, what=what, due=due_text, distance=due_phrase(days_left)
    )


def reminders_due(
    items: Iterable[DueDeadline],
    now: datetime,
    tz: str | ZoneInfo = DEFAULT_TZ,
    *,
    dismissed: Collection[str] = frozenset(),
    snoozed_until: Mapping[str, datetime] | None = None,
) -> list[Reminder]:
    """What to show the officer now: overdue first (longest overdue first), then nearest due.

    Dismissals are by key, so dismissing "3 days before" does not hide "1 day before" or an
    overdue day; snoozes hide a key until their time has come.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(_("now has no time zone; pass an aware datetime"))
    zone = resolve_zone(tz)
    snoozes = snoozed_until or {}
    shown: list[Reminder] = []
    for item in items:
        found = _reminder_for(item, now, zone)
        if found is None:
            continue
        slot, days_before, fires_at = found
        key = reminder_key(item.case_id, item.kind, slot)
        if key in dismissed:
            continue
        until = snoozes.get(key)
        if until is not None and now < until:
            continue
        overdue = now > item.due
        days_left = (item.due.astimezone(zone).date() - now.astimezone(zone).date()).days
        shown.append(
            Reminder(
                key=key,
                case_id=item.case_id,
                reference=item.reference,
                kind=item.kind,
                due=item.due,
                days_before=days_before,
                overdue=overdue,
                fires_at=fires_at,
                message=_message(item, days_left, overdue, zone),
                days_left=days_left,
            )
        )
    shown.sort(key=lambda r: (not r.overdue, r.due, r.reference, r.kind))
    return shown
