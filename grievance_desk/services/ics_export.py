"""An RFC 5545 calendar of open deadlines, so the officer's calendar app reminds them even
when Grievance Desk is closed.

The calendar leaves the encrypted register, so it carries case references only, never a
requester's name. UIDs are derived from the case id and deadline kind, so re-exporting
updates the same events instead of duplicating them. Input is plain data; output is bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Event

from grievance_desk.domain.policy import DEFAULT_REMINDER_OFFSETS
from grievance_desk.messages import _

__all__ = ["PRODID", "CalendarDeadline", "build_ics", "event_uid"]

PRODID = "-//Grievance Desk//Deadlines//EN"

#: All-day deadlines alarm at this local hour on the reminder day, not at midnight.
ALARM_HOUR = 9

#: Timed deadlines (hour-based periods) show as a short block ending at the due moment.
TIMED_EVENT_LENGTH = timedelta(minutes=30)

_KIND_TITLES = {
    "acknowledge": "Acknowledgement due",
    "respond": "Response due",
    "extension_notice": "Extension notice due",
    "extended_respond": "Extended response due",
}


@dataclass(frozen=True)
class CalendarDeadline:
    """One open deadline to export. ``reference`` must not contain personal data."""

    case_id: str
    reference: str
    kind: str
    due: datetime
    alarm_offsets_days: tuple[int, ...] = DEFAULT_REMINDER_OFFSETS
    #: A whole day (`Deadline.date_only`): due by the end of ``due``'s date in its zone.
    date_only: bool = False


def event_uid(case_id: str, kind: str) -> str:
    """Stable across exports, and opaque so a UID reveals nothing about the case."""
    digest = hashlib.sha256(f"{case_id}\x1f{kind}".encode()).hexdigest()[:32]
    return f"{digest}@grievance-desk"


def build_ics(items: Iterable[CalendarDeadline], *, generated_at: datetime) -> bytes:
    """The .ics bytes for ``items``; ``generated_at`` is the DTSTAMP (passed in, for repeatability).

    A day-based deadline (due at the end of a day) is an all-day event on that date with
    alarms at 09:00 on each reminder day; an hour-based one is a timed event ending at the
    due moment with alarms that many days before it.
    """
    if generated_at.tzinfo is None:
        raise ValueError(_("generated_at has no time zone; pass an aware datetime"))
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Grievance Desk deadlines")
    for item in sorted(items, key=lambda i: (i.due, i.reference, i.kind)):
        if item.due.tzinfo is None:
            raise ValueError(
                _("deadline of {reference} has no time zone; attach one").format(
                    reference=item.reference
                )
            )
        title = f"{_KIND_TITLES.get(item.kind, item.kind.replace('_', ' '))}: {item.reference}"
        event = Event()
        event.add("uid", event_uid(item.case_id, item.kind))
        event.add("dtstamp", generated_at)
        event.add("summary", title)
        event.add("description", f"Grievance Desk case {item.reference}. Open the app for details.")
        event.add("categories", ["Grievance Desk"])
        event.add("transp", "TRANSPARENT")
        if item.date_only:
            day = item.due.date()
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            alarm_base = timedelta(hours=ALARM_HOUR)
            related = "START"
        else:
            start = item.due.replace(microsecond=0) - TIMED_EVENT_LENGTH
            event.add("dtstart", start)
            event.add("dtend", item.due.replace(microsecond=0))
            alarm_base = timedelta(0)
            related = "END"
        for offset in sorted(set(item.alarm_offsets_days), reverse=True):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", title)
            alarm.add(
                "trigger", alarm_base - timedelta(days=offset), parameters={"RELATED": related}
            )
            event.add_component(alarm)
        cal.add_component(event)
    cal.add_missing_timezones()
    result: bytes = cal.to_ical()
    return result
