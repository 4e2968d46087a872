"""One place builds a case's deadline inputs, for one case and for the report's bulk rows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from grievance_desk.domain.deadline_engine import Pause
from grievance_desk.domain.policy_defaults import OrganisationProfile
from grievance_desk.services.case_clock import ClockFacts, PolicyChooser, clock_of, policy_id_for
from grievance_desk.services.policy_settings import PolicySettings

IST = ZoneInfo("Asia/Kolkata")

FACTS = ClockFacts(
    received_at=datetime(2026, 3, 2, 5, 0, tzinfo=UTC),
    request_type="access",
    kind="rights_request",
    policy_id=None,
    identity_proof_at=datetime(2026, 3, 12, 5, 0, tzinfo=UTC),
    pauses=(
        ("awaiting_identity_proof", date(2026, 3, 10), date(2026, 3, 12)),
        ("awaiting_clarification", date(2026, 3, 4), None),
        ("awaiting_clarification", date(2026, 3, 20), None),
    ),
    extensions=(datetime(2026, 3, 25, 5, 0, tzinfo=UTC), datetime(2026, 3, 5, 5, 0, tzinfo=UTC)),
)


def test_the_clock_now_keeps_every_fact_in_order() -> None:
    clock = clock_of(FACTS)
    assert [p.start for p in clock.pauses] == [
        date(2026, 3, 4),
        date(2026, 3, 10),
        date(2026, 3, 20),
    ]
    assert clock.extensions == tuple(sorted(FACTS.extensions))
    assert clock.identity_proof_at == FACTS.identity_proof_at
    assert clock.request_type == "access"


def test_the_clock_as_it_stood_leaves_out_what_came_later() -> None:
    until = datetime(2026, 3, 11, 12, 0, tzinfo=IST)
    clock = clock_of(FACTS, until=until, zone=IST, reopened_at=None)
    assert clock.pauses == (
        Pause(date(2026, 3, 4), None, "awaiting_clarification"),
        Pause(date(2026, 3, 10), None, "awaiting_identity_proof"),  # ended after ``until``
    )
    assert clock.extensions == (datetime(2026, 3, 5, 5, 0, tzinfo=UTC),)
    assert clock.identity_proof_at is None


def test_the_received_date_in_the_officers_zone_picks_the_law() -> None:
    """DPDP Rules 2025 r.1(3) (G.S.R. 846(E), 13 Nov 2025): rights requests under dpdp-2025
    from 13 May 2027; 12 May 2027 20:00 UTC is already 13 May in Asia/Kolkata."""
    settings = PolicySettings(profile=OrganisationProfile(jurisdictions=("IN",)))
    late_evening = ClockFacts(
        received_at=datetime(2027, 5, 12, 20, 0, tzinfo=UTC),
        request_type="access",
        kind="rights_request",
        policy_id=None,
    )
    assert policy_id_for(late_evening, settings, IST) == "dpdp-2025"
    assert policy_id_for(late_evening, settings, ZoneInfo("Europe/London")) == "org-default"
    own = ClockFacts(**{**late_evening.__dict__, "policy_id": "gdpr"})
    assert policy_id_for(own, settings, IST) == "gdpr"
    chooser = PolicyChooser(settings, IST)
    policy = chooser.policy(late_evening)
    assert policy.id == "dpdp-2025"
    assert chooser.policy(late_evening) is policy
    assert chooser.calendar(policy) is chooser.calendar(policy)


def test_one_case_and_a_bulk_row_feed_the_same_facts() -> None:
    class Row:  # the columns a stored Case and a report row both have
        received_at = FACTS.received_at
        request_type = "access"
        kind = "rights_request"
        policy_id = None
        identity_proof_at = FACTS.identity_proof_at
        fee_received_at = None
        reopened_at = None

    assert ClockFacts.of(Row(), FACTS.pauses, FACTS.extensions) == FACTS
