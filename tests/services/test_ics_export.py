"""The .ics export parses back, carries references only, and keeps UIDs stable."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from grievance_desk.services.ics_export import CalendarDeadline, build_ics, event_uid

IST = ZoneInfo("Asia/Kolkata")
GENERATED = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def end_of(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time.max, tzinfo=IST)


ITEMS = [
    CalendarDeadline("case-1", "GD-2026-0001", "respond", end_of("2026-03-09"), date_only=True),
    CalendarDeadline(
        "case-1", "GD-2026-0001", "acknowledge", datetime(2026, 3, 3, 10, 0, tzinfo=IST), (1, 0)
    ),
    CalendarDeadline(
        "case-2", "GD-2026-0002", "extended_respond", end_of("2026-05-31"), date_only=True
    ),
]


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(cal: Calendar) -> list:  # type: ignore[type-arg]
    return list(cal.walk("VEVENT"))


def test_one_event_per_deadline_with_alarms() -> None:
    cal = parse(build_ics(ITEMS, generated_at=GENERATED))
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//Grievance Desk")
    found = events(cal)
    assert len(found) == 3
    alarms = {str(e["SUMMARY"]): len(e.walk("VALARM")) for e in found}
    assert alarms == {
        "Response due: GD-2026-0001": 4,
        "Acknowledgement due: GD-2026-0001": 2,
        "Extended response due: GD-2026-0002": 4,
    }


def test_day_deadline_is_all_day_with_alarms_at_nine() -> None:
    cal = parse(build_ics(ITEMS[:1], generated_at=GENERATED))
    (event,) = events(cal)
    assert event.decoded("DTSTART") == date(2026, 3, 9)
    assert event.decoded("DTEND") == date(2026, 3, 10)
    triggers = sorted(a.decoded("TRIGGER") for a in event.walk("VALARM"))
    assert triggers == [
        timedelta(days=-7, hours=9),
        timedelta(days=-3, hours=9),
        timedelta(days=-1, hours=9),
        timedelta(hours=9),
    ]


def test_timed_deadline_ends_at_the_due_moment() -> None:
    cal = parse(build_ics(ITEMS[1:2], generated_at=GENERATED))
    (event,) = events(cal)
    assert event.decoded("DTEND") == datetime(2026, 3, 3, 10, 0, tzinfo=IST)
    assert event.decoded("DTEND").utcoffset() == timedelta(hours=5, minutes=30)
    for alarm in event.walk("VALARM"):
        assert alarm["TRIGGER"].params["RELATED"] == "END"
    assert cal.walk("VTIMEZONE"), "a VTIMEZONE lets other calendar apps place the time"


def test_a_moment_at_the_end_of_a_day_is_still_a_moment() -> None:
    """The deadline says what it is: an hour limit due at 23:59:59.999999 is not a whole day."""
    moment = CalendarDeadline("c", "GD-2026-0003", "acknowledge", end_of("2026-03-03"))
    whole_day = CalendarDeadline(
        "c", "GD-2026-0003", "respond", datetime(2026, 3, 9, 10, tzinfo=IST), date_only=True
    )
    timed, all_day = events(parse(build_ics([moment, whole_day], generated_at=GENERATED)))
    assert timed.decoded("DTEND") == end_of("2026-03-03").replace(microsecond=0)
    assert all_day.decoded("DTSTART") == date(2026, 3, 9)
    assert all_day.decoded("DTEND") == date(2026, 3, 10)


def test_uids_are_stable_unique_and_opaque() -> None:
    first = {str(e["UID"]) for e in events(parse(build_ics(ITEMS, generated_at=GENERATED)))}
    later = GENERATED + timedelta(days=3)
    again = {str(e["UID"]) for e in events(parse(build_ics(reversed(ITEMS), generated_at=later)))}
    assert first == again
    assert len(first) == 3
    assert event_uid("case-1", "respond") in first
    assert all("case-1" not in uid for uid in first)


def test_output_is_deterministic() -> None:
    assert build_ics(ITEMS, generated_at=GENERATED) == build_ics(ITEMS, generated_at=GENERATED)


def test_event_text_carries_the_reference_only() -> None:
    data = build_ics(ITEMS, generated_at=GENERATED)
    text = data.decode()
    assert "GD-2026-0001" in text
    # Nothing but references and fixed wording: no free text from the case goes in.
    for event in events(parse(data)):
        assert set(event.keys()) <= {
            "UID",
            "DTSTAMP",
            "SUMMARY",
            "DESCRIPTION",
            "CATEGORIES",
            "TRANSP",
            "DTSTART",
            "DTEND",
        }


def test_empty_calendar_is_still_valid() -> None:
    cal = parse(build_ics([], generated_at=GENERATED))
    assert events(cal) == []


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        build_ics(ITEMS, generated_at=datetime(2026, 3, 2))
    naive = CalendarDeadline("c", "R", "respond", datetime(2026, 3, 2))
    with pytest.raises(ValueError, match="time zone"):
        build_ics([naive], generated_at=GENERATED)
