"""Policies: presets cite their sources, versions follow the received date, JSON round-trips."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from grievance_desk.domain.policy import (
    ClockStart,
    CountingStart,
    EscalationRoute,
    ExtensionRule,
    HolidayRegion,
    LetterRequirement,
    MonthEndRule,
    PauseEffect,
    PauseReason,
    PauseRule,
    Period,
    PeriodUnit,
    Policy,
    PolicyFormatError,
    describe_period,
    policy_from_dict,
    policy_to_dict,
)
from grievance_desk.domain.policy_presets import (
    GDPR,
    PRESETS,
    PolicyNotInForceError,
    UnknownPolicyError,
    choose_policy_version,
    policy_ids,
    policy_in_force,
    preset_versions,
)
from grievance_desk.domain.work_calendar import (
    UnknownHolidayRegionError,
    WorkCalendar,
    calendar_for_policy,
)

ISSUE_IDS = (
    "dpdp-2025",
    "spdi-2011",
    "it-rules-2021",
    "it-rules-2021-content",
    "it-rules-2021-ncii",
    "gdpr",
    "uk-gdpr",
    "uk-complaints",
    "ccpa",
    "ccpa-opt-out",
    "lgpd",
    "org-default",
)


def test_every_preset_id_from_the_issue_ships() -> None:
    assert set(policy_ids()) == set(ISSUE_IDS)


@pytest.mark.parametrize("policy", PRESETS, ids=lambda p: p.label)
def test_each_preset_cites_its_source_in_one_line(policy: Policy) -> None:
    assert policy.legal_source.strip()
    assert "\n" not in policy.legal_source
    assert policy.name


@pytest.mark.parametrize("policy", PRESETS, ids=lambda p: p.label)
def test_presets_round_trip_through_json(policy: Policy) -> None:
    text = json.dumps(policy_to_dict(policy))
    assert policy_from_dict(json.loads(text)) == policy


def test_edited_copy_round_trips_every_field() -> None:
    edited = Policy(
        id="my-policy",
        name="Ours",
        legal_source="Board resolution 2026/4",
        respond=Period(3, PeriodUnit.BUSINESS_DAYS),
        acknowledge=Period(6, PeriodUnit.HOURS),
        counting_start=CountingStart.DAY_OF_RECEIPT,
        month_end_rule=MonthEndRule.FIRST_DAY_OF_NEXT_MONTH,
        roll_forward=True,
        working_week=(0, 1, 2, 3, 4, 5),
        holiday_regions=(HolidayRegion("IN"), HolidayRegion("GB", "ENG")),
        own_days_off=(date(2026, 12, 24), date(2026, 12, 31)),
        extension=ExtensionRule(
            allowed=True,
            length=Period(5, PeriodUnit.BUSINESS_DAYS),
            max_count=2,
            notice_within=Period(2, PeriodUnit.CALENDAR_DAYS),
        ),
        pause_rules=(
            PauseRule(PauseReason.FEE, PauseEffect.STOPS, "ours", request_types=("grievance",)),
        ),
        clock_start=ClockStart.LATEST_OF_RECEIPT_PROOF_FEE,
        in_force_from=date(2026, 1, 1),
        in_force_until=date(2027, 1, 1),
        request_types=("grievance",),
        version="v2",
        reminder_offsets=(2, 0),
        notes="edited",
        in_force_note="board resolution",
        escalation=(EscalationRoute("the ombudsman", "Charter 4", "Write to the ombudsman."),),
        calendar_basis="ours",
        member_state_holidays=True,
        office_closures_count=True,
        letter_requirements=(
            LetterRequirement("refusal", "why", "Why", "Charter 5", ("letter.reasons",), "other"),
        ),
        unfounded_or_excessive="Charter 6",
    )
    assert policy_from_dict(json.loads(json.dumps(policy_to_dict(edited)))) == edited


def _gdpr_dict() -> dict[str, Any]:
    return policy_to_dict(GDPR)


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d.pop("respond"), "respond"),
        (lambda d: d.update(respond={"amount": 0, "unit": "calendar_days"}), "respond"),
        (lambda d: d.update(respond={"amount": 1, "unit": "fortnights"}), "respond.unit"),
        (lambda d: d.update(counting_start="whenever"), "counting_start"),
        (lambda d: d.update(roll_forward="yes"), "roll_forward"),
        (lambda d: d.update(working_week=["mon", "funday"]), "working_week"),
        (lambda d: d.update(working_week=[]), "working_week"),
        (lambda d: d.update(in_force_from="13/05/2027"), "in_force_from"),
        (lambda d: d.update(own_days_off=["2026-02-30"]), "own_days_off"),
        (lambda d: d["extension"].update(max_count=0), "extension.max_count"),
        (lambda d: d["extension"].update(length=None), "extension.length"),
        (
            lambda d: d.update(pause_rules=[{"reason": "x", "effect": "stops"}]),
            "pause_rules.reason",
        ),
        (lambda d: d.update(holiday_regions=[{"country": "india"}]), "holiday_regions.country"),
        (lambda d: d.update(reminder_offsets=[-1]), "reminder_offsets"),
        (lambda d: d.update(id=""), "id"),
    ],
)
def test_bad_dicts_name_the_field(mutate: Any, field: str) -> None:
    data = _gdpr_dict()
    mutate(data)
    with pytest.raises(PolicyFormatError) as caught:
        policy_from_dict(data)
    assert caught.value.field_name == field
    assert field in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_not_a_mapping_is_refused() -> None:
    with pytest.raises(PolicyFormatError):
        policy_from_dict([])  # type: ignore[arg-type]


def test_hour_extension_on_a_day_policy_is_refused() -> None:
    with pytest.raises(PolicyFormatError, match=r"extension\.length"):
        replace(
            GDPR,
            extension=ExtensionRule(True, Period(48, PeriodUnit.HOURS), 1),
        )


def test_validity_window_must_be_ordered() -> None:
    with pytest.raises(PolicyFormatError, match="in_force_until"):
        replace(GDPR, in_force_from=date(2026, 1, 1), in_force_until=date(2025, 1, 1))


@pytest.mark.parametrize(
    ("received", "respond_days"),
    [
        (date(2026, 2, 10), 15),
        (date(2026, 2, 19), 15),
        (date(2026, 2, 20), 7),
        (date(2026, 3, 2), 7),
    ],
)
def test_it_rules_amendment_applies_by_received_date(received: date, respond_days: int) -> None:
    policy = policy_in_force("it-rules-2021", received)
    assert policy.respond == Period(respond_days, PeriodUnit.CALENDAR_DAYS)


def test_it_rules_has_two_versions_with_adjacent_windows() -> None:
    old, new = sorted(preset_versions("it-rules-2021"), key=lambda p: p.in_force_from or date.min)
    assert old.in_force_until == new.in_force_from == date(2026, 2, 20)


def test_dpdp_is_not_in_force_before_2027_05_13() -> None:
    with pytest.raises(PolicyNotInForceError, match="2027-05-13"):
        policy_in_force("dpdp-2025", date(2027, 5, 12))
    assert policy_in_force("dpdp-2025", date(2027, 5, 13)).id == "dpdp-2025"


def test_unknown_policy_lists_the_known_ids() -> None:
    with pytest.raises(UnknownPolicyError) as caught:
        policy_in_force("gdrp", date(2026, 1, 1))
    for pid in ISSUE_IDS:
        assert pid in str(caught.value)


def test_officer_versions_are_chosen_the_same_way() -> None:
    v1 = replace(GDPR, id="ours", in_force_until=date(2026, 6, 1), version="v1")
    v2 = replace(GDPR, id="ours", in_force_from=date(2026, 6, 1), version="v2")
    assert choose_policy_version([v1, v2], date(2026, 5, 31)) is v1
    assert choose_policy_version([v1, v2], date(2026, 6, 1)) is v2


@pytest.mark.parametrize(
    ("period", "text"),
    [
        (Period(1, PeriodUnit.CALENDAR_MONTHS), "1 calendar month"),
        (Period(10, PeriodUnit.BUSINESS_DAYS), "10 business days"),
        (Period(24, PeriodUnit.HOURS), "24 hours"),
        (Period(1, PeriodUnit.CALENDAR_DAYS), "1 calendar day"),
    ],
)
def test_describe_period(period: Period, text: str) -> None:
    assert describe_period(period) == text


# ----------------------------------------------------------------- work calendar


def test_work_calendar_knows_the_three_regions() -> None:
    cal = WorkCalendar(
        regions=(HolidayRegion("IN"), HolidayRegion("GB", "ENG"), HolidayRegion("US", "CA"))
    )
    assert not cal.is_working_day(date(2026, 1, 26))  # Republic Day (IN)
    assert not cal.is_working_day(date(2026, 4, 6))  # Easter Monday (GB-ENG)
    assert not cal.is_working_day(date(2026, 3, 31))  # Cesar Chavez Day (US-CA)
    assert cal.is_working_day(date(2026, 3, 30))


def test_officer_days_off_and_reason_text() -> None:
    policy = replace(GDPR, own_days_off=(date(2026, 3, 11),), office_closures_count=True)
    cal = calendar_for_policy(policy, extra_days_off=[date(2026, 3, 12)])
    assert cal.non_working_reason(date(2026, 3, 11)) == "officer's day off"
    assert cal.non_working_reason(date(2026, 3, 12)) == "officer's day off"
    assert cal.non_working_reason(date(2026, 3, 14)) == "Saturday"
    assert cal.next_working_day(date(2026, 3, 11)) == date(2026, 3, 13)


def test_business_days_and_working_days_between() -> None:
    cal = WorkCalendar(regions=(HolidayRegion("US", "CA"),))
    assert cal.add_working_days(date(2026, 3, 2), 10) == date(2026, 3, 16)
    assert cal.add_working_days(date(2026, 3, 27), 2) == date(2026, 4, 1)  # skips 03-31
    assert cal.working_days_between(date(2026, 3, 9), date(2026, 3, 15)) == 5
    assert cal.working_days_between(date(2026, 3, 15), date(2026, 3, 9)) == 0


def test_unknown_holiday_region_is_named() -> None:
    with pytest.raises(UnknownHolidayRegionError, match="XX"):
        WorkCalendar(regions=(HolidayRegion("XX"),))


def test_empty_working_week_is_refused() -> None:
    with pytest.raises(ValueError, match="working week"):
        WorkCalendar(working_weekdays=())
