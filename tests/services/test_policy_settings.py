"""The officer's own policies, defaults, holiday list and reminder schedule, in a real register."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from grievance_desk.domain.case_types import CaseKind, RequestType
from grievance_desk.domain.policy import PauseEffect, PauseReason, PeriodUnit, policy_to_dict
from grievance_desk.domain.policy_defaults import OrganisationProfile
from grievance_desk.domain.policy_presets import GDPR, ORG_DEFAULT
from grievance_desk.domain.reminders import ReminderSchedule
from grievance_desk.services.case_deadlines import deadlines_for_case, reminders_now
from grievance_desk.services.cases import register_case
from grievance_desk.services.policy_settings import (
    BUILT_IN_DEFAULT_POLICY,
    PolicySettingsError,
    add_days_off,
    all_policies,
    copy_preset,
    custom_policies,
    days_off,
    default_policy_ids,
    delete_custom_policy,
    load_policy_settings,
    reminder_schedule_override,
    remove_days_off,
    save_custom_policy,
    set_days_off,
    set_default_policy,
    set_member_state,
    set_profile,
    set_reminder_schedule,
)
from grievance_desk.storage.audit import verify_chain
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from grievance_desk.storage.tables import AuditEvent
from tests.conftest import NOW
from tests.support.drafts import make_draft

IST = ZoneInfo("Asia/Kolkata")


def settings_events(register: Register) -> list[dict[str, object]]:
    with register.reading() as session:
        payloads = session.scalars(
            select(AuditEvent.payload)
            .where(col(AuditEvent.action) == "settings.changed")
            .order_by(col(AuditEvent.id))
        ).all()
        assert verify_chain(session).ok
    return [json.loads(p or "{}") for p in payloads]


def test_built_in_defaults_are_org_default_for_every_request_type(register: Register) -> None:
    with register.reading() as session:
        defaults = default_policy_ids(session)
        assert custom_policies(session) == ()
        assert days_off(session) == ()
        assert reminder_schedule_override(session) is None
    assert defaults["access"] == defaults["other"] == BUILT_IN_DEFAULT_POLICY == "org-default"
    assert len(defaults) > 5


def test_a_custom_policy_round_trips_and_is_audited(register: Register) -> None:
    copy = copy_preset(
        register,
        "org-default",
        "acme-21-days",
        now=NOW,
        changes={"name": "Acme 21 days", "respond": {"amount": 21, "unit": "calendar_days"}},
    )
    assert copy.respond.amount == 21 and copy.respond.unit is PeriodUnit.CALENDAR_DAYS
    assert copy.extension == ORG_DEFAULT.extension  # the rest is the preset's
    with register.reading() as session:
        [stored] = custom_policies(session)
        assert "acme-21-days" in {p.id for p in all_policies(session)}
    assert stored == copy
    assert policy_to_dict(stored) == policy_to_dict(copy)
    [event] = settings_events(register)
    assert event["key"] == "policies.custom"
    assert event["before"] == []
    assert isinstance(event["after"], list) and event["after"][0]["id"] == "acme-21-days"

    # Saving the same id and version again replaces it; the case uses the edited rule.
    edited = replace(stored, respond=replace(stored.respond, amount=14))
    save_custom_policy(register, edited, now=NOW)
    with register.reading() as session:
        assert [p.respond.amount for p in custom_policies(session)] == [14]
    ref = register_case(
        register,
        make_draft(received_at=datetime(2026, 3, 2, 5, 0, tzinfo=UTC), policy_id="acme-21-days"),
        now=NOW,
    )
    result = deadlines_for_case(register, ref, now=NOW)
    assert result.policy_name == "Acme 21 days"
    assert result.deadlines is not None
    assert result.deadlines.respond_by.due.date() == date(2026, 3, 16)


def test_a_custom_policy_cannot_take_a_preset_id(register: Register) -> None:
    with pytest.raises(PolicySettingsError) as clash:
        save_custom_policy(register, replace(GDPR, name="Our GDPR"), now=NOW)
    message = str(clash.value)
    assert "'gdpr' is the id of a preset policy" in message
    assert "gdpr-ours" in message and "org-default" in message
    with pytest.raises(PolicySettingsError, match="preset policy"):
        copy_preset(register, "gdpr", "org-default", now=NOW)
    with register.reading() as session:
        assert custom_policies(session) == ()
    assert settings_events(register) == []


def test_bad_ids_and_fields_are_refused_with_the_fix(register: Register) -> None:
    with pytest.raises(PolicySettingsError, match="Known policies: dpdp-2025, spdi-2011"):
        copy_preset(register, "gdrp", "ours", now=NOW)
    with pytest.raises(PolicySettingsError, match="lower-case letters"):
        copy_preset(register, "gdpr", "Our GDPR!", now=NOW)
    with pytest.raises(PolicySettingsError, match=r"'respond.unit'.*fortnights"):
        copy_preset(
            register,
            "gdpr",
            "ours",
            now=NOW,
            changes={"respond": {"amount": 1, "unit": "fortnights"}},
        )
    with pytest.raises(PolicySettingsError, match="IN, GB-ENG or US-CA"):
        copy_preset(
            register,
            "gdpr",
            "ours",
            now=NOW,
            changes={"holiday_regions": [{"country": "XX", "subdiv": None}]},
        )


def test_defaults_per_request_type(register: Register) -> None:
    set_default_policy(register, "access", "gdpr", now=NOW)
    with register.reading() as session:
        assert default_policy_ids(session)["access"] == "gdpr"
        assert default_policy_ids(session)["erasure"] == "org-default"
    with pytest.raises(PolicySettingsError, match=r"Known policies: .*org-default"):
        set_default_policy(register, "access", "gdrp", now=NOW)
    with pytest.raises(PolicySettingsError, match=r"not a request type\. Request types: access"):
        set_default_policy(register, "acces", "gdpr", now=NOW)
    set_default_policy(register, "access", None, now=NOW)
    with register.reading() as session:
        assert default_policy_ids(session)["access"] == "org-default"
    assert [e["after"] for e in settings_events(register)] == [{"access": "gdpr"}, {}]


def test_an_own_policy_in_use_cannot_be_deleted(register: Register) -> None:
    copy_preset(register, "gdpr", "acme-gdpr", now=NOW)
    set_default_policy(register, "erasure", "acme-gdpr", now=NOW)
    with pytest.raises(PolicySettingsError, match="default for erasure"):
        delete_custom_policy(register, "acme-gdpr", now=NOW)
    set_default_policy(register, "erasure", None, now=NOW)
    register_case(register, make_draft(policy_id="acme-gdpr"), now=NOW)
    with pytest.raises(PolicySettingsError, match="governs 1 case"):
        delete_custom_policy(register, "acme-gdpr", now=NOW)
    with pytest.raises(PolicySettingsError, match="presets cannot be deleted"):
        delete_custom_policy(register, "gdpr", now=NOW)
    copy_preset(register, "gdpr", "acme-unused", now=NOW)
    delete_custom_policy(register, "acme-unused", now=NOW)
    with register.reading() as session:
        assert [p.id for p in custom_policies(session)] == ["acme-gdpr"]


def test_own_policy_versions_follow_the_received_date(register: Register) -> None:
    old = copy_preset(
        register,
        "org-default",
        "acme",
        now=NOW,
        changes={"in_force_until": "2026-06-01", "version": "2025"},
    )
    copy_preset(
        register,
        "org-default",
        "acme",
        now=NOW,
        changes={
            "in_force_from": "2026-06-01",
            "version": "2026",
            "respond": {"amount": 15, "unit": "calendar_days"},
        },
    )
    assert old.respond.amount == 30
    early = register_case(
        register,
        make_draft(received_at=datetime(2026, 5, 4, 5, 0, tzinfo=UTC), policy_id="acme"),
        now=NOW,
    )
    late = register_case(
        register,
        make_draft(received_at=datetime(2026, 6, 4, 5, 0, tzinfo=UTC), policy_id="acme"),
        now=NOW,
    )
    early_result = deadlines_for_case(register, early, now=NOW).deadlines
    late_result = deadlines_for_case(register, late, now=NOW).deadlines
    assert early_result is not None and late_result is not None
    assert early_result.respond_by.due.date() == date(2026, 6, 3)
    assert late_result.respond_by.due.date() == date(2026, 6, 19)


def test_the_holiday_list_moves_rolled_forward_dates(register: Register) -> None:
    # A copy of gdpr that counts office closures, received 2026-03-02 → due Thursday
    # 2026-04-02; the officer is off 04-02 and 04-03.
    copy_preset(register, "gdpr", "gdpr-ours", now=NOW, changes={"office_closures_count": True})
    ref = register_case(
        register,
        make_draft(received_at=datetime(2026, 3, 2, 5, 0, tzinfo=UTC), policy_id="gdpr-ours"),
        now=NOW,
    )
    now = datetime(2026, 3, 3, tzinfo=IST)

    def due() -> date:
        result = deadlines_for_case(register, ref, now=now).deadlines
        assert result is not None
        return result.respond_by.due.date()

    assert due() == date(2026, 4, 2)
    set_days_off(register, ["2026-04-02", date(2026, 4, 3)], now=NOW)
    assert due() == date(2026, 4, 6)
    remove_days_off(register, ["2026-04-03"], now=NOW)
    add_days_off(register, ["2026-12-25", "2026-04-02"], now=NOW)
    with register.reading() as session:
        assert days_off(session) == (date(2026, 4, 2), date(2026, 12, 25))
    assert due() == date(2026, 4, 3)
    with pytest.raises(PolicySettingsError, match="YYYY-MM-DD"):
        set_days_off(register, ["02/04/2026"], now=NOW)
    assert [e["key"] for e in settings_events(register)] == [
        "policies.custom",
        *["calendar.days_off"] * 3,
    ]


def test_office_closures_do_not_move_a_gdpr_date_but_member_state_holidays_do(
    register: Register,
) -> None:
    """Reg 1182/71 art 3(4): public holidays of the controller's Member State, not closures."""
    ref = register_case(
        register,
        make_draft(received_at=datetime(2026, 3, 3, 5, 0, tzinfo=UTC), policy_id="gdpr"),
        now=NOW,
    )

    def due() -> date:
        result = deadlines_for_case(register, ref, now=NOW).deadlines
        assert result is not None
        return result.respond_by.due.date()

    set_days_off(register, ["2026-04-03"], now=NOW)
    assert due() == date(2026, 4, 3)  # an office closure: ignored under the GDPR
    set_member_state(register, "DE", now=NOW)  # Good Friday 04-03, Easter Monday 04-06
    assert due() == date(2026, 4, 7)
    with pytest.raises(PolicySettingsError, match="Member State"):
        set_member_state(register, "Germany", now=NOW)
    set_member_state(register, None, now=NOW)
    assert due() == date(2026, 4, 3)


def test_the_law_gives_an_indian_grievance_its_policy_by_received_date(
    register: Register,
) -> None:
    """SPDI r.5(9) until 12 May 2027, DPDP s.13 from 13 May 2027; IT Rules r.3(2) for an
    intermediary; never org-default's 30 + 30 days where the law applies."""
    set_profile(register, OrganisationProfile(jurisdictions=("IN",)), now=NOW)
    with register.reading() as session:
        settings = load_policy_settings(session)
    assert settings.default_for("other", "complaint", date(2026, 12, 6)) == "spdi-2011"
    assert settings.default_for("other", "complaint", date(2027, 5, 13)) == "dpdp-2025"
    assert settings.default_for("access", "rights_request", date(2026, 12, 6)) == "org-default"
    assert settings.default_for("access", "rights_request", date(2027, 5, 13)) == "dpdp-2025"
    set_profile(register, OrganisationProfile(True, ("IN",)), now=NOW)
    with register.reading() as session:
        settings = load_policy_settings(session)
    assert settings.default_for("other", "complaint", date(2026, 12, 6)) == "it-rules-2021"
    ref = register_case(
        register,
        make_draft(
            received_at=datetime(2026, 3, 2, 5, 0, tzinfo=UTC),
            kind=CaseKind.COMPLAINT,
            request_type=RequestType.OTHER,
        ),
        now=NOW,
    )
    result = deadlines_for_case(register, ref, now=NOW).deadlines
    assert result is not None and result.policy_id == "it-rules-2021"
    assert result.respond_by.due.date() == date(2026, 3, 9)


def test_a_default_looser_than_the_law_is_refused_and_says_why(register: Register) -> None:
    """GDPR Art 12(3): one month; org-default's 30 days from receipt is later in 31-day months
    only when the month is short, so a 45-day copy is the clear case."""
    set_profile(register, OrganisationProfile(jurisdictions=("EU",)), now=NOW)
    copy_preset(
        register,
        "org-default",
        "slow",
        now=NOW,
        changes={"respond": {"amount": 45, "unit": "calendar_days"}},
    )
    with pytest.raises(PolicySettingsError, match="never looser") as caught:
        set_default_policy(register, "access", "slow", now=NOW)
    assert "gdpr" in str(caught.value)
    copy_preset(
        register,
        "org-default",
        "fast",
        now=NOW,
        changes={"respond": {"amount": 14, "unit": "calendar_days"}, "extension": {}},
    )
    set_default_policy(register, "access", "fast", now=NOW)  # stricter: allowed


def test_the_reminder_schedule_override(register: Register) -> None:
    ref = register_case(
        register,
        make_draft(received_at=datetime(2026, 3, 2, 5, 0, tzinfo=UTC), policy_id="org-default"),
        now=NOW,
    )
    assert ref
    ten_days_before = datetime(2026, 3, 22, 12, 0, tzinfo=IST)  # respond by 04-01
    kinds = {r.kind for r in reminders_now(register, now=ten_days_before)}
    assert "respond" not in kinds
    set_reminder_schedule(register, ReminderSchedule(offsets_days=(10, 2)), now=NOW)
    with register.reading() as session:
        assert reminder_schedule_override(session) == ReminderSchedule(offsets_days=(2, 10))
    assert "respond" in {r.kind for r in reminders_now(register, now=ten_days_before)}
    set_reminder_schedule(register, None, now=NOW)
    with register.reading() as session:
        assert reminder_schedule_override(session) is None


def test_damaged_settings_say_what_to_do(register: Register) -> None:
    with register.writing() as session:
        put_setting(session, "policies.custom", [{"id": "broken"}])
    with register.reading() as session, pytest.raises(PolicySettingsError, match="save it again"):
        load_policy_settings(session)


def test_a_policy_stored_before_pause_rules_still_loads_migrated(register: Register) -> None:
    """Format 1 stored clock_stop_statuses and counted office closures for every policy."""
    old = policy_to_dict(ORG_DEFAULT)
    for key in (
        "format", "pause_rules", "escalation", "calendar_basis", "member_state_holidays",
        "office_closures_count", "letter_requirements", "unfounded_or_excessive",
        "in_force_note",
    ):  # fmt: skip
        old.pop(key)
    old.update(id="ours-2024", clock_stop_statuses=["awaiting_identity_proof"])
    for region in old["holiday_regions"]:
        region.pop("statute")
    with register.writing() as session:
        put_setting(session, "policies.custom", [old])
    with register.reading() as session:
        (loaded,) = custom_policies(session)
    assert loaded.office_closures_count
    assert loaded.pause_rule(PauseReason.IDENTITY).effect is PauseEffect.STOPS
    assert loaded.pause_rule(PauseReason.CLARIFICATION).effect is PauseEffect.RUNS
    assert loaded.clock_stop_statuses == ("awaiting_identity_proof",)


def test_a_significant_intermediary_gets_the_r41d_layout_in_its_report(
    register: Register,
) -> None:
    """IT Rules r.4(1)(d): complaints by category and action taken, only when set up so."""
    from grievance_desk.services.reports import monthly_report

    register_case(
        register,
        make_draft(
            received_at=datetime(2026, 10, 5, 5, 0, tzinfo=UTC),
            kind=CaseKind.COMPLAINT,
            request_type=RequestType.OTHER,
            policy_id="it-rules-2021-content",
        ),
        now=NOW,
    )
    october = date(2026, 10, 1)
    before = monthly_report(register, month=october, now=NOW)
    assert not any(b.key.startswith("it_rules") for b in before.breakdowns)
    set_profile(register, OrganisationProfile(True, ("IN",), significant=True), now=NOW)
    after = monthly_report(register, month=october, now=NOW)  # the cache key changed
    received = next(b for b in after.breakdowns if b.key == "it_rules_received_by_category")
    assert received.total == 1 and received.rows[0].label.startswith("India IT Rules 2021")
