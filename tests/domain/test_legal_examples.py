"""Worked examples of the law, each with its citation: every preset, both sides of every
commencement date, month ends, leap years, holidays per calendar, pauses per reason, extensions.

Each expected date was worked out by hand from the cited text (the comment shows the count),
not copied from the engine's output. Times are IST unless said otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from grievance_desk.domain.california_holidays import statutory_holidays
from grievance_desk.domain.deadline_engine import CaseClock, Pause, deadlines
from grievance_desk.domain.policy import HolidayRegion, PauseEffect, PauseReason
from grievance_desk.domain.policy_defaults import OrganisationProfile, legal_default
from grievance_desk.domain.policy_presets import (
    AWAITING_CLARIFICATION,
    AWAITING_FEE,
    AWAITING_IDENTITY_PROOF,
    PolicyNotInForceError,
    policy_in_force,
)
from grievance_desk.domain.work_calendar import WorkCalendar, calendar_for_policy

IST = ZoneInfo("Asia/Kolkata")


def _at(day: str, hhmm: str = "10:00") -> datetime:
    return datetime.combine(date.fromisoformat(day), time.fromisoformat(hhmm), tzinfo=IST)


@dataclass(frozen=True)
class Example:
    """One worked example: a case's facts, the rule, and the date the law gives."""

    citation: str
    policy: str
    received: str
    respond: str  # YYYY-MM-DD (end of that day) or YYYY-MM-DD HH:MM for hour periods
    acknowledge: str | None = None
    extended: str | None = None
    pauses: tuple[tuple[str, str, str], ...] = ()
    identity_at: str | None = None
    request_type: str | None = None
    member_state: str | None = None
    office_closures: tuple[str, ...] = field(default=())


EXAMPLES = [
    # ---- India: DPDP Act 2023 s.13 + DPDP Rules 2025 r.14(3), from 13 May 2027
    Example("DPDP s.13, r.14(3): 90 days from the day after receipt (05-13 + 90)",
            "dpdp-2025", "2027-05-13", "2027-08-11"),
    Example("DPDP s.13: 90 days over a leap February (2028-01-15 + 90 = 04-14)",
            "dpdp-2025", "2028-01-15", "2028-04-14"),
    Example("DPDP s.13: no pause for identity proof (clock runs from receipt)",
            "dpdp-2025", "2027-06-01", "2027-08-30",
            pauses=(("2027-06-05", "2027-06-20", AWAITING_IDENTITY_PROOF),)),
    # ---- SPDI Rules 2011 r.5(9): one month, until 12 May 2027
    Example("SPDI r.5(9): one month, month end (01-31 → 02-28)",
            "spdi-2011", "2026-01-31", "2026-02-28"),
    Example("SPDI r.5(9): one month in a leap year (2024-01-31 → 02-29)",
            "spdi-2011", "2024-01-31", "2024-02-29"),
    Example("SPDI r.5(9): 03-31 → 04-30 (April has no 31st)",
            "spdi-2011", "2026-03-31", "2026-04-30"),
    Example("SPDI r.5(9): last day in force, 2027-05-12 → 06-12 (DPDP s.44(2) from 05-13)",
            "spdi-2011", "2027-05-12", "2027-06-12"),
    Example("SPDI r.5(9): no roll-forward onto a working day (2026-10-03 → 11-03, Tuesday)",
            "spdi-2011", "2026-10-03", "2026-11-03"),
    # ---- IT Rules 2021 r.3(2)(a)(i): 24 h acknowledgement; 15 days, 7 days from 2026-02-20
    Example("IT Rules r.3(2)(a)(i) as amended 2026-02-20: 24 h / 7 days (03-02 → 03-09)",
            "it-rules-2021", "2026-03-02", "2026-03-09", acknowledge="2026-03-03 10:00"),
    Example("IT Rules r.3(2)(a)(i) as amended: first day of the amendment, 02-20 → 02-27",
            "it-rules-2021", "2026-02-20", "2026-02-27"),
    Example("IT Rules r.3(2)(a)(i) 2021 text: the day before the amendment (02-19 → 03-06)",
            "it-rules-2021", "2026-02-19", "2026-03-06"),
    Example("IT Rules r.3(2)(a)(i) 2021 text: 02-10 + 15 = 02-25",
            "it-rules-2021", "2026-02-10", "2026-02-25"),
    Example("IT Rules r.3(2)(a)(i): the clock runs while waiting for clarification",
            "it-rules-2021", "2026-03-02", "2026-03-09",
            pauses=(("2026-03-03", "2026-03-06", AWAITING_CLARIFICATION),)),
    Example("IT Rules r.3(2)(a)(i) proviso as amended: r.3(1)(b) content, 36 hours",
            "it-rules-2021-content", "2026-03-02", "2026-03-03 22:00"),
    Example("IT Rules r.3(2)(a)(i) proviso before 2026-02-20: 72 hours",
            "it-rules-2021-content", "2026-02-19", "2026-02-22 10:00"),
    Example("IT Rules r.3(2)(b) as amended: intimate imagery / impersonation, 2 hours",
            "it-rules-2021-ncii", "2026-03-02", "2026-03-02 12:00"),
    Example("IT Rules r.3(2)(b) before 2026-02-20: 24 hours, across midnight",
            "it-rules-2021-ncii", "2026-02-19 23:30", "2026-02-20 23:30"),
    # ---- EU GDPR Art 12(3) with Reg 1182/71 art 3(4)
    Example("GDPR Art 12(3), Reg 1182/71 art 3(4): 01-31 → 02-28 Saturday → Monday 03-02",
            "gdpr", "2026-01-31", "2026-03-02"),
    Example("GDPR Art 12(3): leap year 2028-01-31 → Tuesday 02-29",
            "gdpr", "2028-01-31", "2028-02-29"),
    Example("GDPR, Reg 1182/71 art 3(4): no Member State chosen, Good Friday not a holiday",
            "gdpr", "2026-03-03", "2026-04-03"),
    Example("GDPR, Reg 1182/71 art 3(4): DE holidays, Good Friday and Easter Monday → 04-07",
            "gdpr", "2026-03-03", "2026-04-07", member_state="DE"),
    Example("GDPR, Reg 1182/71 art 3(4): IE holidays, St Patrick's Day 03-17 → 03-18",
            "gdpr", "2026-02-17", "2026-03-18", member_state="IE"),
    Example("GDPR, Reg 1182/71 art 3(4): an office closure is not a public holiday",
            "gdpr", "2026-03-03", "2026-04-03", office_closures=("2026-04-03",)),
    Example("GDPR Art 12(3): +2 months added to the first month's end (02-28 → 04-28)",
            "gdpr", "2026-01-31", "2026-03-02", extended="2026-04-28"),
    Example("GDPR Art 12(6), EDPB 01/2022: identity proof stops the clock (+11 days → 04-13)",
            "gdpr", "2026-03-02", "2026-04-13",
            pauses=(("2026-03-10", "2026-03-20", AWAITING_IDENTITY_PROOF),)),
    Example("GDPR Art 12(5): no fee, so waiting for one does not stop the clock",
            "gdpr", "2026-03-02", "2026-04-02",
            pauses=(("2026-03-10", "2026-03-20", AWAITING_FEE),)),
    # ---- UK GDPR Art 12A (DUAA 2025 s.76, from 2026-02-05); DPA 2018 s.164A from 2026-06-19
    Example("UK GDPR Art 12A: day of receipt is day one, 03-06 → 04-06 Easter Monday → 04-07",
            "uk-gdpr", "2026-03-06", "2026-04-07"),
    Example("UK GDPR Art 12A: time runs from identity proof (03-10 → 04-10)",
            "uk-gdpr", "2026-03-02", "2026-04-10", identity_at="2026-03-10"),
    Example("UK GDPR Art 12A: clarification of an access request stops the clock (+11 → 04-13)",
            "uk-gdpr", "2026-03-02", "2026-04-13", request_type="access",
            pauses=(("2026-03-10", "2026-03-20", AWAITING_CLARIFICATION),)),
    Example("UK GDPR Art 12A: clarification of an erasure request does not stop it",
            "uk-gdpr", "2026-03-02", "2026-04-02", request_type="erasure",
            pauses=(("2026-03-10", "2026-03-20", AWAITING_CLARIFICATION),)),
    Example("UK GDPR Art 12(3) before Art 12A (ICO guidance): 02-04 → 03-04",
            "uk-gdpr", "2026-02-04", "2026-03-04"),
    Example("DPA 2018 s.164A from 19 Jun 2026: acknowledge in 30 days (07-19 Sunday → 07-20)",
            "uk-complaints", "2026-06-19", "2026-07-20", acknowledge="2026-07-20"),
    # ---- CCPA: 11 CCR §7021, §7026(f); business days per Cal. Gov. Code §6700, §6701
    Example("CCPA 11 CCR §7021: confirm in 10 business days, respond in 45 days",
            "ccpa", "2026-03-02", "2026-04-16", acknowledge="2026-03-16"),
    Example("CCPA §7021, Cal. Gov. Code §6700: Lincoln Day 02-12, Washington 02-16 and Lunar "
            "New Year 02-17 skipped → 02-26",
            "ccpa", "2026-02-09", "2026-03-26", acknowledge="2026-02-26"),
    Example("CCPA §7021, Cal. Gov. Code §6700: the day after Thanksgiving is a business day",
            "ccpa", "2026-11-20", "2027-01-04", acknowledge="2026-12-07"),
    Example("CCPA §7021, Cal. Gov. Code §6700: Native American Day 09-25 skipped → 09-29",
            "ccpa", "2026-09-14", "2026-10-29", acknowledge="2026-09-29"),
    Example("CCPA §7021(b): +45-day extension → receipt + 90 (05-31), no roll-forward",
            "ccpa", "2026-03-02", "2026-04-16", extended="2026-05-31"),
    Example("CCPA §7021(b): verification does not stop the 45 days",
            "ccpa", "2026-03-02", "2026-04-16",
            pauses=(("2026-03-10", "2026-03-20", AWAITING_IDENTITY_PROOF),)),
    Example("CCPA §7026(f): opt-out in 15 business days (03-02 → 03-23)",
            "ccpa-opt-out", "2026-03-02", "2026-03-23"),
    Example("CCPA §7026(f), Cal. Gov. Code §6701: July 4 2027 is a Sunday, Monday 07-05 off",
            "ccpa-opt-out", "2027-06-25", "2027-07-19"),
    # ---- LGPD Art 19 II
    Example("LGPD Art 19 II: 15 days from the day after the request",
            "lgpd", "2026-03-02", "2026-03-17"),
    Example("LGPD Art 19 II: across the year end (12-31 → 01-15)",
            "lgpd", "2026-12-31", "2027-01-15"),
    # ---- The organisation's own policy
    Example("org-default (privacy notice): 2 / 30 days, +30 on extension",
            "org-default", "2026-03-02", "2026-04-01", acknowledge="2026-03-04",
            extended="2026-05-01"),
    Example("org-default (privacy notice): identity wait stops the clock (+3 → 04-04)",
            "org-default", "2026-03-02", "2026-04-04",
            pauses=(("2026-03-10", "2026-03-12", AWAITING_IDENTITY_PROOF),)),
]  # fmt: skip


def _moment(text: str) -> datetime:
    day, _, hhmm = text.partition(" ")
    if hhmm:
        return _at(day, hhmm)
    return datetime.combine(date.fromisoformat(day), time.max, tzinfo=IST)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.citation)
def test_worked_example(example: Example) -> None:
    day, _, hhmm = example.received.partition(" ")
    received = _at(day, hhmm or "10:00")
    policy = policy_in_force(example.policy, received.date())
    calendar = calendar_for_policy(
        policy,
        [date.fromisoformat(d) for d in example.office_closures],
        HolidayRegion(example.member_state) if example.member_state else None,
    )
    clock = CaseClock(
        received_at=received,
        identity_proof_at=_at(example.identity_at) if example.identity_at else None,
        pauses=tuple(
            Pause(date.fromisoformat(a), date.fromisoformat(b), status)
            for a, b, status in example.pauses
        ),
        extensions=(received,) if example.extended else (),
        request_type=example.request_type,
    )
    result = deadlines(clock, policy, calendar, IST)
    assert result.respond_by.due == _moment(example.respond), result.respond_by.explanation
    if example.acknowledge is not None:
        assert result.acknowledge_by is not None
        expected = _moment(example.acknowledge)
        assert result.acknowledge_by.due == expected, result.acknowledge_by.explanation
    if example.extended is not None:
        assert result.extended_respond_by is not None
        assert result.extended_respond_by.due == _moment(example.extended)


@pytest.mark.parametrize(
    ("policy_id", "received", "reason"),
    [
        ("dpdp-2025", date(2027, 5, 12), "commence on 13 May 2027"),
        ("spdi-2011", date(2027, 5, 13), "s.44(2) omits IT Act s.43A"),
        ("uk-complaints", date(2026, 6, 18), "s.164A commenced on 19 Jun 2026"),
    ],
    ids=[
        "DPDP s.13/r.14 not before 13 May 2027 (G.S.R. 843(E))",
        "SPDI r.5(9) not from 13 May 2027 (DPDP s.44(2))",
        "DPA 2018 s.164A not before 19 Jun 2026",
    ],
)
def test_out_of_force_the_calculator_refuses_with_the_reason(
    policy_id: str, received: date, reason: str
) -> None:
    with pytest.raises(PolicyNotInForceError, match=re.escape(reason)):
        policy_in_force(policy_id, received)


@pytest.mark.parametrize(
    ("policy_id", "route_word", "first_day", "last_day"),
    [
        ("dpdp-2025", "Data Protection Board", date(2027, 5, 13), None),
        ("spdi-2011", "section 46", None, date(2027, 5, 12)),
        ("it-rules-2021", "Grievance Appellate Committee", date(2023, 3, 1), None),
    ],
    ids=[
        "DPDP s.27 Board route from 13 May 2027",
        "IT Act s.46 adjudicating officer until 12 May 2027 (DPDP s.44(2))",
        "IT Rules r.3A Grievance Appellate Committee",
    ],
)
def test_routes_in_force_at_both_ends(
    policy_id: str, route_word: str, first_day: date | None, last_day: date | None
) -> None:
    versions = [policy_in_force(policy_id, d) for d in (first_day, last_day) if d is not None]
    policy = versions[0]
    (route,) = [r for r in policy.escalation if route_word in r.text]
    if first_day is not None:
        assert route.in_force_on(first_day)
        assert not route.in_force_on(date.fromordinal(first_day.toordinal() - 1))
    if last_day is not None:
        assert route.in_force_on(last_day)
        assert not route.in_force_on(date.fromordinal(last_day.toordinal() + 1))


def test_cal_gov_code_6700_lists_the_statute_not_every_observance() -> None:
    """Cal. Gov. Code §6700/§6701: Lincoln Day, Admission Day, Native American Day, Lunar
    New Year are holidays; Susan B. Anthony Day and the day after Thanksgiving are not."""
    days = statutory_holidays(2026)
    assert days[date(2026, 2, 12)] == "Lincoln Day"
    assert days[date(2026, 9, 9)] == "Admission Day"
    assert days[date(2026, 9, 25)] == "Native American Day"
    assert days[date(2026, 2, 17)] == "Lunar New Year"
    assert date(2026, 11, 27) not in days and date(2026, 2, 15) not in days
    assert date(2028, 11, 10) in statutory_holidays(2028)  # §6701: Veterans Day on a Saturday
    assert date(2022, 6, 19) not in statutory_holidays(2022)  # Juneteenth from 2023 (AB 1655)
    assert date(2023, 6, 19) in statutory_holidays(2023)
    assert date(2025, 4, 24) in statutory_holidays(2025)  # Genocide Remembrance Day (AB 1801)


def test_the_ccpa_calendar_differs_from_the_holidays_package() -> None:
    """The package's US-CA calendar would skip the day after Thanksgiving (12-08 not 12-07)."""
    package = WorkCalendar(regions=(HolidayRegion("US", "CA"),))
    assert package.add_working_days(date(2026, 11, 20), 10) == date(2026, 12, 8)
    ccpa = calendar_for_policy(policy_in_force("ccpa", date(2026, 11, 20)))
    assert ccpa.add_working_days(date(2026, 11, 20), 10) == date(2026, 12, 7)


@pytest.mark.parametrize(
    ("policy_id", "reason", "request_type", "effect"),
    [
        ("ccpa", PauseReason.IDENTITY, "access", PauseEffect.RUNS),
        ("spdi-2011", PauseReason.CLARIFICATION, "grievance", PauseEffect.RUNS),
        ("gdpr", PauseReason.CLARIFICATION, "erasure", PauseEffect.STOPS),
        ("uk-gdpr", PauseReason.CLARIFICATION, "access", PauseEffect.STOPS),
        ("uk-gdpr", PauseReason.CLARIFICATION, "erasure", PauseEffect.RUNS),
        ("uk-gdpr", PauseReason.FEE, "access", PauseEffect.STARTS_ON_RECEIPT),
    ],
    ids=[
        "11 CCR §7021(b): verification does not stop the clock",
        "SPDI r.5(9): one month from receipt, no pause",
        "GDPR recital 63: clarification stops the clock",
        "UK GDPR Art 12A: clarification stops it for access",
        "UK GDPR Art 12A: not for erasure",
        "UK GDPR Art 12A: time runs from the fee",
    ],
)
def test_pause_semantics_per_reason(
    policy_id: str, reason: PauseReason, request_type: str, effect: PauseEffect
) -> None:
    policy = policy_in_force(policy_id, date(2026, 9, 1))
    rule = policy.pause_rule(reason, request_type)
    assert rule.effect is effect
    assert rule.citation


@pytest.mark.parametrize(
    ("intermediary", "kind", "received", "expected"),
    [
        (False, "complaint", date(2026, 12, 6), "spdi-2011"),
        (False, "complaint", date(2027, 5, 13), "dpdp-2025"),
        (True, "complaint", date(2026, 12, 6), "it-rules-2021"),
        (False, "rights_request", date(2026, 12, 6), None),
    ],
    ids=[
        "SPDI r.5(9): an Indian grievance today (one month, not 30 + 30 days)",
        "DPDP s.13: the same grievance from 13 May 2027",
        "IT Rules r.3(2)(a)(i): an intermediary's grievance (7 days)",
        "India: no statutory period for rights requests before 13 May 2027",
    ],
)
def test_the_law_chooses_the_default_policy_by_date(
    intermediary: bool, kind: str, received: date, expected: str | None
) -> None:
    profile = OrganisationProfile(intermediary=intermediary, jurisdictions=("IN",))
    assert legal_default(profile, "other", kind, received).policy_id == expected


def test_every_preset_states_its_calendar_and_routes_carry_citations() -> None:
    from grievance_desk.domain.policy_presets import PRESETS

    for policy in PRESETS:
        assert policy.calendar_basis, policy.label
        assert all(r.citation for r in policy.escalation), policy.label
        assert all(r.citation for r in policy.pause_rules), policy.label


def test_there_are_at_least_forty_worked_examples() -> None:
    assert len(EXAMPLES) >= 40


def test_ccpa_denial_content_follows_the_request_denied() -> None:
    """11 CCR §7022(f) (deletion) and §7023(f) (correction): what is kept, or the consumer's
    250-word statement, belongs in those denials; a denied request to know needs its basis."""
    from grievance_desk.domain.policy_presets import policy_in_force

    ccpa = policy_in_force("ccpa", date(2026, 6, 1))
    ids = {r.id for r in ccpa.requirements_for("refusal", (), "access")}
    assert ids == {"ccpa_basis"}
    for denied in ("erasure", "correction"):
        ids = {r.id for r in ccpa.requirements_for("refusal", (), denied)}
        assert ids == {"ccpa_basis", "ccpa_what_next"}, denied
