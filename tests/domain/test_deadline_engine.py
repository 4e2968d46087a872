"""The deadline engine: every worked example of issue 3, pauses, extensions, reopening, zones."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from grievance_desk.domain.deadline_engine import (
    CaseClock,
    ClockInputError,
    DeadlineKind,
    ExtensionRefusedError,
    NaiveDatetimeError,
    OpenPauseError,
    Pause,
    UnknownTimeZoneError,
    can_extend,
    deadlines,
    ensure_can_extend,
    extension_refusal,
)
from grievance_desk.domain.policy import (
    CountingStart,
    ExtensionRule,
    MonthEndRule,
    PauseEffect,
    PauseReason,
    PauseRule,
    Period,
    PeriodUnit,
)
from grievance_desk.domain.policy_presets import (
    AWAITING_CLARIFICATION,
    AWAITING_IDENTITY_PROOF,
    CCPA,
    GDPR,
    IT_RULES_2021_AMENDED,
    ORG_DEFAULT,
    SPDI_2011,
    UK_GDPR,
    policy_in_force,
)
from grievance_desk.domain.work_calendar import calendar_for_policy

IST = ZoneInfo("Asia/Kolkata")
LONDON = ZoneInfo("Europe/London")


def at(text: str, zone: ZoneInfo = IST) -> datetime:
    """A bare ISO date or date-time in ``zone``."""
    return datetime.fromisoformat(text).replace(tzinfo=zone)


def end_of(day: str, zone: ZoneInfo = IST) -> datetime:
    return datetime.combine(date.fromisoformat(day), time.max, tzinfo=zone)


# ----------------------------------------------------------------- worked examples


@pytest.mark.parametrize(
    ("policy_id", "received", "respond_by"),
    [
        ("gdpr", "2025-01-31", "2025-02-28"),
        ("gdpr", "2025-08-31", "2025-09-30"),
        ("gdpr", "2025-03-05", "2025-04-07"),  # 04-05 is a Saturday → Monday
        ("uk-gdpr", "2025-03-31", "2025-04-30"),
        ("dpdp-2025", "2027-05-13", "2027-08-11"),
        ("it-rules-2021", "2026-03-02T10:00", "2026-03-09"),
        ("it-rules-2021", "2026-02-10", "2026-02-25"),
        ("ccpa", "2026-03-02", "2026-04-16"),
        ("spdi-2011", "2026-03-31", "2026-04-30"),  # the month-end example
    ],
)
def test_worked_example_response_due(policy_id: str, received: str, respond_by: str) -> None:
    moment = at(received)
    result = deadlines(CaseClock(moment), policy_in_force(policy_id, moment.date()))
    assert result.respond_by.due == end_of(respond_by)
    assert result.respond_by.kind is DeadlineKind.RESPOND


def test_it_rules_acknowledgement_is_24_hours_to_the_minute() -> None:
    result = deadlines(CaseClock(at("2026-03-02T10:00")), IT_RULES_2021_AMENDED)
    assert result.acknowledge_by is not None
    assert result.acknowledge_by.due == at("2026-03-03T10:00")
    assert result.extension_notice_by is None
    assert result.extended_respond_by is None


def test_ccpa_confirm_respond_and_extend() -> None:
    clock = CaseClock(at("2026-03-02"), extensions=(at("2026-04-01"),))
    result = deadlines(clock, CCPA)
    assert result.acknowledge_by is not None
    assert result.acknowledge_by.due == end_of("2026-03-16")
    assert result.respond_by.due == end_of("2026-04-16")
    assert result.extension_notice_by is not None
    assert result.extension_notice_by.due == end_of("2026-04-16")
    assert result.extended_respond_by is not None
    assert result.extended_respond_by.due == end_of("2026-05-31")
    assert result.final_respond_by is result.extended_respond_by


def test_gdpr_explanation_names_rule_and_roll_forward() -> None:
    result = deadlines(CaseClock(at("2025-03-05")), GDPR)
    text = result.respond_by.explanation
    assert "1 calendar month" in text
    assert "gdpr" in text
    assert "2025-04-05 is Saturday" in text
    assert "2025-04-07" in text


def test_month_end_rule_is_explained() -> None:
    result = deadlines(CaseClock(at("2025-01-31")), GDPR)
    assert "month-end rule" in result.respond_by.explanation


# ----------------------------------------------------------------- counting conventions


@pytest.mark.parametrize(
    ("counting", "unit", "amount", "received", "due"),
    [
        (CountingStart.DAY_AFTER_RECEIPT, PeriodUnit.CALENDAR_DAYS, 7, "2026-03-02", "2026-03-09"),
        (CountingStart.DAY_OF_RECEIPT, PeriodUnit.CALENDAR_DAYS, 7, "2026-03-02", "2026-03-08"),
        (CountingStart.DAY_AFTER_RECEIPT, PeriodUnit.BUSINESS_DAYS, 1, "2026-03-06", "2026-03-09"),
        (CountingStart.DAY_OF_RECEIPT, PeriodUnit.BUSINESS_DAYS, 1, "2026-03-06", "2026-03-06"),
        (CountingStart.DAY_OF_RECEIPT, PeriodUnit.BUSINESS_DAYS, 1, "2026-03-07", "2026-03-09"),
        (
            CountingStart.DAY_AFTER_RECEIPT,
            PeriodUnit.CALENDAR_MONTHS,
            1,
            "2026-03-31",
            "2026-04-30",
        ),
        (CountingStart.DAY_OF_RECEIPT, PeriodUnit.CALENDAR_MONTHS, 1, "2026-03-31", "2026-04-30"),
        (CountingStart.DAY_OF_RECEIPT, PeriodUnit.CALENDAR_MONTHS, 1, "2026-09-03", "2026-10-03"),
        (
            CountingStart.DAY_AFTER_RECEIPT,
            PeriodUnit.CALENDAR_MONTHS,
            1,
            "2024-01-31",
            "2024-02-29",
        ),
    ],
)
def test_counting_conventions(
    counting: CountingStart, unit: PeriodUnit, amount: int, received: str, due: str
) -> None:
    policy = replace(SPDI_2011, respond=Period(amount, unit), counting_start=counting)
    assert deadlines(CaseClock(at(received)), policy).respond_by.due == end_of(due)


def test_first_day_of_next_month_rule() -> None:
    policy = replace(SPDI_2011, month_end_rule=MonthEndRule.FIRST_DAY_OF_NEXT_MONTH)
    assert deadlines(CaseClock(at("2026-01-31")), policy).respond_by.due == end_of("2026-03-01")
    assert deadlines(CaseClock(at("2026-01-15")), policy).respond_by.due == end_of("2026-02-15")


def test_days_are_the_officers_days() -> None:
    # 23:30 in London on 03-01 is already 03-02 in Kolkata.
    received = datetime(2026, 3, 1, 23, 30, tzinfo=LONDON)
    assert deadlines(CaseClock(received), IT_RULES_2021_AMENDED).respond_by.due == end_of(
        "2026-03-09"
    )
    in_london = deadlines(CaseClock(received), IT_RULES_2021_AMENDED, tz="Europe/London")
    assert in_london.respond_by.due == end_of("2026-03-08", LONDON)


def test_dst_does_not_move_a_date_and_hours_are_elapsed_time() -> None:
    # UK clocks go forward on 2026-03-29.
    received = datetime(2026, 3, 28, 12, 0, tzinfo=LONDON)
    result = deadlines(CaseClock(received), IT_RULES_2021_AMENDED, tz=LONDON)
    assert result.respond_by.due == end_of("2026-04-04", LONDON)
    assert result.respond_by.due.utcoffset() == timedelta(hours=1)
    assert result.acknowledge_by is not None
    elapsed = result.acknowledge_by.due.astimezone(UTC) - received.astimezone(UTC)
    assert elapsed == timedelta(hours=24)
    assert result.acknowledge_by.due.hour == 13  # 24 real hours across the change


def test_uk_holiday_rolls_forward() -> None:
    # 2026-04-06 is Easter Monday in England: received 03-06 → 04-06 → 04-07.
    result = deadlines(CaseClock(at("2026-03-06")), UK_GDPR)
    assert result.respond_by.due == end_of("2026-04-07")
    assert "Easter Monday" in result.respond_by.explanation


def test_officer_day_off_rolls_forward_where_the_policy_counts_closures() -> None:
    ours = replace(GDPR, office_closures_count=True)
    cal = calendar_for_policy(ours, extra_days_off=[date(2025, 4, 7)])
    result = deadlines(CaseClock(at("2025-03-05")), ours, cal)
    assert result.respond_by.due == end_of("2025-04-08")


def test_office_closure_does_not_move_a_gdpr_date() -> None:
    """Reg 1182/71 art 3(4) counts public holidays, not an office's own closures."""
    cal = calendar_for_policy(GDPR, extra_days_off=[date(2025, 4, 7)])
    result = deadlines(CaseClock(at("2025-03-05")), GDPR, cal)
    assert result.respond_by.due == end_of("2025-04-07")


def test_due_date_is_end_of_day_in_default_zone() -> None:
    due = deadlines(CaseClock(at("2025-01-31")), GDPR).respond_by.due
    assert due.isoformat() == "2025-02-28T23:59:59.999999+05:30"


# ----------------------------------------------------------------- clock start


def test_uk_gdpr_clock_starts_at_latest_of_receipt_proof_fee() -> None:
    clock = CaseClock(
        at("2025-03-03"), identity_proof_at=at("2025-03-10"), fee_received_at=at("2025-03-07")
    )
    result = deadlines(clock, UK_GDPR)
    assert result.clock_started_at == at("2025-03-10")
    assert result.respond_by.due == end_of("2025-04-10")
    assert any("identity proof" in n for n in result.notes)


def test_gdpr_clock_ignores_identity_proof_date_and_says_so() -> None:
    clock = CaseClock(at("2025-03-03"), identity_proof_at=at("2025-03-10"))
    result = deadlines(clock, GDPR)
    assert result.respond_by.due == end_of("2025-04-03")
    assert any("starts at receipt" in n for n in result.notes)


# ----------------------------------------------------------------- pauses


@pytest.mark.parametrize(
    ("pauses", "due", "days"),
    [
        ((Pause(date(2025, 3, 10), date(2025, 3, 20)),), "2025-04-16", 11),
        ((Pause(date(2025, 3, 10), date(2025, 3, 10)),), "2025-04-07", 1),  # 04-06 Sun → Mon
        # overlapping pauses are merged: 03-10..03-20 once
        (
            (
                Pause(date(2025, 3, 10), date(2025, 3, 15)),
                Pause(date(2025, 3, 12), date(2025, 3, 20)),
            ),
            "2025-04-16",
            11,
        ),
        # two separate pauses add up
        (
            (
                Pause(date(2025, 3, 10), date(2025, 3, 11)),
                Pause(date(2025, 3, 20), date(2025, 3, 22)),
            ),
            "2025-04-10",
            5,
        ),
        # a pause after the time ran out does not revive the clock
        ((Pause(date(2025, 4, 20), date(2025, 4, 25)),), "2025-04-07", 0),
        # a pause before the clock started counts only from the first counted day
        ((Pause(date(2025, 3, 1), date(2025, 3, 6)),), "2025-04-07", 1),
    ],
)
def test_pauses_add_days_counting_both_ends(pauses: tuple[Pause, ...], due: str, days: int) -> None:
    result = deadlines(CaseClock(at("2025-03-05"), pauses=pauses), GDPR)
    assert result.respond_by.due == end_of(due)
    assert result.days_paused == days


def test_pause_from_03_10_to_03_20_adds_11_days_and_says_so() -> None:
    result = deadlines(
        CaseClock(at("2026-03-02"), pauses=(Pause(date(2026, 3, 10), date(2026, 3, 20)),)),
        ORG_DEFAULT,
    )
    assert result.respond_by.due == end_of("2026-04-12")  # 04-01 + 11
    assert "+11 days" in result.respond_by.explanation
    assert result.acknowledge_by is not None
    assert result.acknowledge_by.due == end_of("2026-03-04")  # not paused


def test_pause_pushes_a_later_pause_into_range() -> None:
    # First pause pushes the due date from 04-01 to 04-12; a pause starting 04-05 now counts.
    clock = CaseClock(
        at("2026-03-02"),
        pauses=(
            Pause(date(2026, 3, 10), date(2026, 3, 20)),
            Pause(date(2026, 4, 5), date(2026, 4, 6)),
        ),
    )
    assert deadlines(clock, ORG_DEFAULT).respond_by.due == end_of("2026-04-14")


def test_ccpa_verification_does_not_stop_the_clock() -> None:
    clock = CaseClock(at("2026-03-02"), pauses=(Pause(date(2026, 3, 10), date(2026, 3, 20)),))
    result = deadlines(clock, CCPA)
    assert result.respond_by.due == end_of("2026-04-16")
    assert result.days_paused == 0
    assert any("does not stop" in n for n in result.notes)


def test_pause_with_a_status_the_policy_does_not_stop_for_is_ignored() -> None:
    pause = Pause(date(2025, 3, 10), date(2025, 3, 20), status=AWAITING_IDENTITY_PROOF)
    result = deadlines(CaseClock(at("2025-03-05"), pauses=(pause,)), UK_GDPR)
    assert result.respond_by.due == end_of("2025-04-07")
    assert any("ignored" in n for n in result.notes)
    clarify = replace(pause, status=AWAITING_CLARIFICATION)
    assert deadlines(CaseClock(at("2025-03-05"), pauses=(clarify,)), UK_GDPR).respond_by.due == (
        end_of("2025-04-16")
    )


def test_business_day_pause_adds_working_days() -> None:
    stops = PauseRule(PauseReason.CLARIFICATION, PauseEffect.STOPS, "test")
    policy = replace(CCPA, pause_rules=(stops,), acknowledge=None)
    policy = replace(policy, respond=Period(10, PeriodUnit.BUSINESS_DAYS))
    # Mon 03-09 .. Sun 03-15 holds 5 working days.
    clock = CaseClock(at("2026-03-02"), pauses=(Pause(date(2026, 3, 9), date(2026, 3, 15)),))
    assert deadlines(clock, policy).respond_by.due == end_of("2026-03-23")


def test_open_pause_counts_up_to_as_of() -> None:
    clock = CaseClock(at("2025-03-05"), pauses=(Pause(date(2025, 3, 10)),))
    result = deadlines(clock, GDPR, as_of=date(2025, 3, 20))
    assert result.respond_by.due == end_of("2025-04-16")
    assert result.clock_stopped
    later = deadlines(clock, GDPR, as_of=date(2025, 3, 21))
    assert later.respond_by.due == end_of("2025-04-17")


def test_open_pause_without_as_of_is_an_error_that_says_what_to_pass() -> None:
    clock = CaseClock(at("2025-03-05"), pauses=(Pause(date(2025, 3, 10)),))
    with pytest.raises(OpenPauseError, match="as_of"):
        deadlines(clock, GDPR)


def test_pause_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ClockInputError, match="before it starts"):
        Pause(date(2025, 3, 20), date(2025, 3, 10))


# ----------------------------------------------------------------- extensions


def test_gdpr_extension_is_two_further_months_after_the_first() -> None:
    clock = CaseClock(at("2025-01-31"), extensions=(at("2025-02-10"),))
    result = deadlines(clock, GDPR)
    assert result.extended_respond_by is not None
    assert result.extended_respond_by.due == end_of("2025-04-28")
    assert result.extension_notice_by is not None
    assert result.extension_notice_by.due == end_of("2025-02-28")


def test_extension_also_carries_pauses_and_rolls_forward() -> None:
    clock = CaseClock(
        at("2025-03-05"),
        pauses=(Pause(date(2025, 3, 10), date(2025, 3, 20)),),
        extensions=(at("2025-03-25"),),
    )
    result = deadlines(clock, GDPR)
    assert result.extended_respond_by is not None
    assert result.extended_respond_by.due == end_of("2025-06-16")  # 06-05 + 11 days


def test_extension_refused_when_the_policy_allows_none() -> None:
    clock = CaseClock(at("2026-03-02"))
    reason = extension_refusal(clock, IT_RULES_2021_AMENDED)
    assert reason is not None
    assert "allows no extension" in reason
    assert not can_extend(clock, IT_RULES_2021_AMENDED)
    with pytest.raises(ExtensionRefusedError, match="allows no extension"):
        ensure_can_extend(clock, IT_RULES_2021_AMENDED)


def test_second_extension_is_refused_with_the_count() -> None:
    clock = CaseClock(at("2026-03-02"), extensions=(at("2026-03-20"),))
    with pytest.raises(ExtensionRefusedError, match=r"at most 1 extension and 1 already"):
        ensure_can_extend(clock, CCPA)


def test_extension_after_the_notice_date_is_refused() -> None:
    clock = CaseClock(at("2026-03-02"))
    assert can_extend(clock, CCPA, at=at("2026-04-16T18:00"))
    with pytest.raises(ExtensionRefusedError, match="too late"):
        ensure_can_extend(clock, CCPA, at=at("2026-04-17T09:00"))


def test_policy_allowing_two_extensions() -> None:
    policy = replace(
        ORG_DEFAULT, extension=ExtensionRule(True, Period(30, PeriodUnit.CALENDAR_DAYS), 2)
    )
    clock = CaseClock(at("2026-03-02"), extensions=(at("2026-03-20"),))
    assert can_extend(clock, policy)
    two = replace(clock, extensions=(at("2026-03-20"), at("2026-04-20")))
    result = deadlines(two, policy)
    assert result.extended_respond_by is not None
    assert result.extended_respond_by.due == end_of("2026-05-31")  # 04-01 + 60
    assert not can_extend(two, policy)


def test_recorded_extensions_beyond_the_rule_are_ignored_and_noted() -> None:
    clock = CaseClock(at("2026-03-02"), extensions=(at("2026-03-03"),))
    result = deadlines(clock, IT_RULES_2021_AMENDED)
    assert result.extended_respond_by is None
    assert any("allows none" in n for n in result.notes)


# ----------------------------------------------------------------- reopening


def test_reopening_starts_a_new_clock() -> None:
    clock = CaseClock(
        at("2026-01-05"),
        pauses=(Pause(date(2026, 1, 10), date(2026, 1, 20)),),
        extensions=(at("2026-01-25"),),
        reopened_at=at("2026-03-02T15:00"),
    )
    result = deadlines(clock, CCPA)
    assert result.clock_started_at == at("2026-03-02T15:00")
    assert result.respond_by.due == end_of("2026-04-16")
    assert result.extended_respond_by is None  # the old extension belonged to the old clock
    assert can_extend(clock, CCPA)
    assert any("Reopened" in n for n in result.notes)
    old = deadlines(replace(clock, reopened_at=None), CCPA)
    assert old.respond_by.due < result.respond_by.due


def test_reopening_before_receipt_is_refused() -> None:
    with pytest.raises(ClockInputError, match="reopened_at"):
        CaseClock(at("2026-03-02"), reopened_at=at("2026-03-01"))


# ----------------------------------------------------------------- bad input


def test_naive_received_at_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError, match="time zone"):
        CaseClock(datetime(2026, 3, 2))


def test_unknown_zone_is_refused_with_an_example() -> None:
    with pytest.raises(UnknownTimeZoneError, match="Asia/Kolkata"):
        deadlines(CaseClock(at("2026-03-02")), GDPR, tz="Mars/Olympus")


def test_all_and_explanation_list_every_deadline() -> None:
    result = deadlines(CaseClock(at("2026-03-02"), extensions=(at("2026-03-03"),)), CCPA)
    assert [d.kind for d in result.all()] == list(DeadlineKind)
    assert len(result.explanation()) == 4


def test_acknowledgement_runs_from_receipt_even_when_the_response_clock_waits() -> None:
    policy = replace(UK_GDPR, acknowledge=Period(2, PeriodUnit.CALENDAR_DAYS))
    clock = CaseClock(at("2025-03-03"), identity_proof_at=at("2025-03-10"))
    result = deadlines(clock, policy)
    assert result.acknowledge_by is not None
    assert result.acknowledge_by.due == end_of("2025-03-04")  # day of receipt is day one
    assert result.respond_by.due == end_of("2025-04-10")


def test_a_deadline_says_whether_it_is_a_whole_day_or_a_moment() -> None:
    """IT Rules 2021 r.3(2)(a)(i) as amended 2026-02-20: acknowledge within 24 hours (a moment),
    dispose of within 7 days (a whole day, by the end of that date in the officer's zone)."""
    zone = IST
    policy = IT_RULES_2021_AMENDED
    received = datetime(2026, 3, 2, 23, 59, 59, 999999, tzinfo=zone)
    result = deadlines(CaseClock(received_at=received), policy, calendar_for_policy(policy), zone)
    assert result.acknowledge_by is not None
    ack = result.acknowledge_by
    assert not ack.date_only and ack.due.time() == time.max  # looks like a day's end, is not
    assert ack.due_date == date(2026, 3, 3)
    assert result.respond_by.date_only and result.respond_by.due_date == date(2026, 3, 9)
