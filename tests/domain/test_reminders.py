"""Reminders: the schedule, overdue first, dismissals that stick and snoozes that come back."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from grievance_desk.domain.deadline_engine import CaseClock, deadlines
from grievance_desk.domain.policy_presets import CCPA, GDPR, IT_RULES_2021_AMENDED
from grievance_desk.domain.reminders import (
    DueDeadline,
    ReminderSchedule,
    due_deadlines_for_case,
    reminder_key,
    reminders_due,
    schedule_for_policy,
)

IST = ZoneInfo("Asia/Kolkata")


def end_of(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time.max, tzinfo=IST)


def now_at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=IST)


DUE = DueDeadline("c1", "GD-2026-0001", "respond", end_of("2026-03-20"))


@pytest.mark.parametrize(
    ("now", "slot", "days_before", "overdue"),
    [
        ("2026-03-12T23:00", None, None, None),  # 8 days before: nothing yet
        ("2026-03-13T00:00", "before:7", 7, False),
        ("2026-03-16T12:00", "before:7", 7, False),
        ("2026-03-17T00:00", "before:3", 3, False),
        ("2026-03-19T08:00", "before:1", 1, False),
        ("2026-03-20T08:00", "before:0", 0, False),
        ("2026-03-20T23:59", "before:0", 0, False),
        ("2026-03-21T00:00", "overdue:1", -1, True),
        ("2026-03-25T10:00", "overdue:5", -5, True),
    ],
)
def test_schedule_slots(now: str, slot: str | None, days_before: int | None, overdue: bool) -> None:
    shown = reminders_due([DUE], now_at(now))
    if slot is None:
        assert shown == []
        return
    (reminder,) = shown
    assert reminder.key == reminder_key("c1", "respond", slot)
    assert reminder.days_before == days_before
    assert reminder.overdue is overdue
    assert reminder.fires_at <= now_at(now)
    assert "GD-2026-0001" in reminder.message


def test_keys_are_stable() -> None:
    first = reminders_due([DUE], now_at("2026-03-17T09:00"))[0].key
    again = reminders_due([DUE], now_at("2026-03-18T17:00"))[0].key
    assert first == again == "c1:respond:before:3"


def test_dismissed_stays_dismissed_but_the_next_slot_fires() -> None:
    dismissed = {"c1:respond:before:3"}
    assert reminders_due([DUE], now_at("2026-03-17T09:00"), dismissed=dismissed) == []
    assert reminders_due([DUE], now_at("2026-03-18T09:00"), dismissed=dismissed) == []
    (next_one,) = reminders_due([DUE], now_at("2026-03-19T09:00"), dismissed=dismissed)
    assert next_one.key == "c1:respond:before:1"


def test_dismissing_an_overdue_day_brings_it_back_tomorrow() -> None:
    dismissed = {"c1:respond:overdue:1"}
    assert reminders_due([DUE], now_at("2026-03-21T09:00"), dismissed=dismissed) == []
    (again,) = reminders_due([DUE], now_at("2026-03-22T09:00"), dismissed=dismissed)
    assert again.key == "c1:respond:overdue:2"


def test_snoozed_reappears_after_its_time() -> None:
    snoozed = {"c1:respond:before:3": now_at("2026-03-17T14:00")}
    assert reminders_due([DUE], now_at("2026-03-17T13:59"), snoozed_until=snoozed) == []
    (back,) = reminders_due([DUE], now_at("2026-03-17T14:00"), snoozed_until=snoozed)
    assert back.key == "c1:respond:before:3"


def test_overdue_first_then_nearest() -> None:
    items = [
        DueDeadline("a", "GD-A", "respond", end_of("2026-03-25")),
        DueDeadline("b", "GD-B", "respond", end_of("2026-03-10")),  # overdue 10 days
        DueDeadline("c", "GD-C", "acknowledge", end_of("2026-03-21")),
        DueDeadline("d", "GD-D", "respond", end_of("2026-03-18")),  # overdue 2 days
        DueDeadline("e", "GD-E", "respond", end_of("2026-05-01")),  # not yet
    ]
    shown = reminders_due(items, now_at("2026-03-20T10:00"))
    assert [r.reference for r in shown] == ["GD-B", "GD-D", "GD-C", "GD-A"]
    assert [r.overdue for r in shown] == [True, True, False, False]


def test_hour_based_deadline_is_overdue_the_same_day() -> None:
    item = DueDeadline(
        "c9", "GD-9", "acknowledge", now_at("2026-03-03T10:00"), ReminderSchedule((1, 0))
    )
    (before,) = reminders_due([item], now_at("2026-03-03T09:00"))
    assert before.key == "c9:acknowledge:before:0"
    (late,) = reminders_due([item], now_at("2026-03-03T10:01"))
    assert late.overdue
    assert late.key == "c9:acknowledge:overdue:0"


def test_no_overdue_nagging_when_switched_off() -> None:
    item = DueDeadline("c1", "R", "respond", end_of("2026-03-20"), ReminderSchedule((1,), False))
    assert reminders_due([item], now_at("2026-03-22T09:00")) == []


def test_schedule_per_policy() -> None:
    assert schedule_for_policy(GDPR).offsets_days == (0, 1, 3, 7)
    assert schedule_for_policy(IT_RULES_2021_AMENDED).offsets_days == (0, 1, 3)


def test_negative_offsets_are_refused() -> None:
    with pytest.raises(ValueError, match="before"):
        ReminderSchedule((-1,))


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        reminders_due([DUE], datetime(2026, 3, 20))


def test_case_deadlines_become_reminder_input() -> None:
    result = deadlines(CaseClock(now_at("2026-03-02T10:00")), CCPA)
    items = due_deadlines_for_case("c7", "GD-7", result)
    assert [(i.kind, i.due) for i in items] == [
        ("acknowledge", end_of("2026-03-16")),
        ("respond", end_of("2026-04-16")),
    ]
    extended = deadlines(
        CaseClock(now_at("2026-03-02T10:00"), extensions=(now_at("2026-03-05"),)), CCPA
    )
    kinds = [i.kind for i in due_deadlines_for_case("c7", "GD-7", extended)]
    assert kinds == ["acknowledge", "extended_respond"]


@pytest.mark.parametrize(
    ("now", "days_left", "words"),
    [
        ("2026-03-18T09:00", 2, "2 days left"),  # the "3 days before" slot fired yesterday
        ("2026-03-19T09:00", 1, "1 day left"),
        ("2026-03-20T09:00", 0, "due today"),
        ("2026-03-22T09:00", -2, "2 days overdue"),
    ],
)
def test_the_message_counts_days_as_the_deadline_lists_do(
    now: str, days_left: int, words: str
) -> None:
    from grievance_desk.domain.reminders import due_phrase

    (reminder,) = reminders_due([DUE], now_at(now), IST)
    assert reminder.days_left == days_left
    assert due_phrase(days_left) == words
    assert words in reminder.message
    assert "due in" not in reminder.message


def test_hour_based_deadlines_are_reminded_minutes_before() -> None:
    """IT Rules r.3(2)(b) as amended 2026-02-20: 2 hours; a day-start reminder is useless."""
    from datetime import timedelta

    from grievance_desk.domain.deadline_engine import CaseClock, deadlines
    from grievance_desk.domain.policy_presets import policy_in_force
    from grievance_desk.domain.reminders import (
        due_deadlines_for_case,
        reminders_due,
        schedule_for_policy,
    )

    zone = ZoneInfo("Asia/Kolkata")
    received = datetime(2026, 3, 2, 10, 0, tzinfo=zone)
    policy = policy_in_force("it-rules-2021-ncii", received.date())
    result = deadlines(CaseClock(received), policy, tz=zone)
    items = due_deadlines_for_case("7", "GRV-TEST-7", result, schedule_for_policy(policy))
    assert (
        reminders_due(items, received + timedelta(minutes=30), zone)[0].key == "7:respond:before:0"
    )
    shown = reminders_due(items, received + timedelta(minutes=61), zone)
    assert [r.key for r in shown] == ["7:respond:before-min:60"]
    shown = reminders_due(items, received + timedelta(minutes=111), zone)
    assert [r.key for r in shown] == ["7:respond:before-min:10"]
    late = reminders_due(items, received + timedelta(hours=3), zone)
    assert late[0].overdue
