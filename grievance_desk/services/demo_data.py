"""A register full of obviously fictitious cases, for trying the app without real data.

Every name ends in a made-up surname from a short list ("Example", "Sample", "Testwala" …),
every e-mail is at example.org and every phone number is +91 00000 …, so nobody can mistake
a demo case for a real person. Seeded, so two demo registers made with the same seed and
"now" are identical.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy.orm import Session

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.domain.case_record import CaseDraft, Requester
from grievance_desk.domain.case_types import (
    CaseKind,
    Channel,
    DataCategory,
    IdentityState,
    Outcome,
    Priority,
    RefusalGround,
    Relationship,
    RequestType,
)
from grievance_desk.domain.workflow import AWAITING_REQUESTER, Status
from grievance_desk.services.cases import (
    BulkContext,
    insert_case,
    next_case_id,
    refresh_next_due_after_bulk,
)
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_registry import (
    OFFICER_EMAIL,
    OFFICER_NAME,
    OFFICER_PHONE,
    OFFICER_TIMEZONE,
    ORGANISATION_ADDRESS,
    ORGANISATION_NAME,
)
from grievance_desk.storage.settings_store import put_setting
from grievance_desk.storage.tables import ClockPause

FIRST_NAMES = (
    "Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Meera", "Kabir", "Isha", "Arjun", "Diya",
    "Farhan", "Lakshmi", "Siddharth", "Neha", "Tenzin", "Gurpreet", "Joseph", "Fatima",
)  # fmt: skip
SURNAMES = ("Example", "Sample", "Testwala", "Demo-Kumar", "Placeholder", "Fictional")

_DESCRIPTIONS: dict[RequestType, tuple[str, ...]] = {
    RequestType.ACCESS: (
        "Requests a copy of all personal data held about their cloud account.",
        "Asks what KYC documents are stored and who they were shared with.",
    ),
    RequestType.CORRECTION: ("Billing address on invoices is wrong; asks for correction.",),
    RequestType.COMPLETION: ("Wants the GST number added to the billing profile.",),
    RequestType.ERASURE: (
        "Closed the account last year and asks for all data to be deleted.",
        "Asks for deletion of an old support ticket containing an ID scan.",
    ),
    RequestType.OBJECTION: ("Objects to usage analytics on the dashboard.",),
    RequestType.CONSENT_WITHDRAWAL: ("Withdraws consent for product-update e-mails.",),
    RequestType.NOMINATION: ("Nominates a family member to act in case of incapacity.",),
    RequestType.MARKETING_OPT_OUT: ("Keeps receiving promotional SMS after unsubscribing.",),
    RequestType.COOKIE_CONSENT: ("Cookie banner does not allow rejecting analytics cookies.",),
    RequestType.MINOR_DATA: ("Parent reports that a 15-year-old signed up for a trial.",),
    RequestType.SECURITY_CONCERN: ("Received a password-reset e-mail they did not request.",),
    RequestType.OTHER: ("General question about where data centres are located.",),
}
_CATEGORIES: dict[RequestType, tuple[DataCategory, ...]] = {
    RequestType.ACCESS: (DataCategory.REGISTRATION, DataCategory.PROFILE, DataCategory.KYC),
    RequestType.CORRECTION: (DataCategory.BILLING,),
    RequestType.COMPLETION: (DataCategory.BILLING, DataCategory.PROFILE),
    RequestType.ERASURE: (DataCategory.REGISTRATION, DataCategory.TECHNICAL_SUPPORT),
    RequestType.OBJECTION: (DataCategory.COOKIES_ANALYTICS,),
    RequestType.CONSENT_WITHDRAWAL: (DataCategory.MARKETING,),
    RequestType.MARKETING_OPT_OUT: (DataCategory.MARKETING,),
    RequestType.COOKIE_CONSENT: (DataCategory.COOKIES_ANALYTICS,),
    RequestType.MINOR_DATA: (DataCategory.REGISTRATION,),
}
_TYPE_WEIGHTS = {
    RequestType.ACCESS: 18, RequestType.ERASURE: 16, RequestType.MARKETING_OPT_OUT: 14,
    RequestType.CORRECTION: 10, RequestType.CONSENT_WITHDRAWAL: 9, RequestType.OTHER: 8,
    RequestType.COOKIE_CONSENT: 6, RequestType.OBJECTION: 5, RequestType.COMPLETION: 4,
    RequestType.SECURITY_CONCERN: 4, RequestType.NOMINATION: 3, RequestType.MINOR_DATA: 3,
}  # fmt: skip
_CHANNEL_WEIGHTS = {
    Channel.EMAIL: 50, Channel.WEB_FORM: 25, Channel.POST: 8, Channel.PHONE: 10,
    Channel.IN_PERSON: 3, Channel.REGULATOR: 4,
}  # fmt: skip
_OPEN = (
    Status.NEW, Status.ACKNOWLEDGED, Status.AWAITING_IDENTITY_PROOF,
    Status.AWAITING_CLARIFICATION, Status.IN_PROGRESS, Status.RESPONSE_SENT,
)  # fmt: skip


T = TypeVar("T")


def _pick(rng: random.Random, weights: dict[T, int]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def demo_drafts(count: int, now: datetime, seed: int = 2026) -> list[CaseDraft]:
    """``count`` fictitious cases received over the 14 months before ``now``."""
    rng = random.Random(seed)
    drafts: list[CaseDraft] = []
    for index in range(count):
        received = now - timedelta(days=rng.randint(0, 425), minutes=rng.randint(0, 600))
        received = received.replace(second=0, microsecond=0)
        request_type = _pick(rng, _TYPE_WEIGHTS)
        kind = CaseKind.COMPLAINT if rng.random() < 0.25 else CaseKind.RIGHTS_REQUEST
        first, surname = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        person = Requester(
            name=f"{first} {surname}",
            email=f"{first.lower()}.{surname.lower()}{index}@example.org",
            phone=f"+91 00000 {index:05d}",
            postal_address=f"{index + 1} Demo Street, Sample Nagar, Testpur 000000",
            relationship=rng.choice((Relationship.CUSTOMER,) * 6 + tuple(Relationship)),
            organisation=f"DEMO-ACCT-{10000 + index}",
        )
        age = (now - received).days
        status = Status.CLOSED if age > 45 or rng.random() < 0.3 else rng.choice(_OPEN)
        acknowledged = received + timedelta(hours=rng.randint(2, 60))
        closed = received + timedelta(days=rng.randint(3, min(max(age, 3), 75)))
        outcome = None
        grounds: tuple[RefusalGround, ...] = ()
        if status is Status.CLOSED:
            closed = min(closed, now)
            outcome = rng.choices(list(Outcome), weights=[50, 12, 10, 8, 15, 5])[0]
            if outcome is Outcome.REFUSED:
                grounds = (rng.choice(list(RefusalGround)),)
        drafts.append(
            CaseDraft(
                kind=kind,
                request_type=request_type,
                channel=_pick(rng, _CHANNEL_WEIGHTS),
                received_at=received,
                requester=person,
                description=rng.choice(_DESCRIPTIONS[request_type]) + " (Demo case.)",
                data_categories=_CATEGORIES.get(request_type, ()),
                identity_state=(
                    IdentityState.VERIFIED
                    if request_type in (RequestType.ACCESS, RequestType.ERASURE)
                    else IdentityState.NOT_REQUIRED
                ),
                priority=rng.choices(list(Priority), weights=[10, 70, 15, 5])[0],
                status=status,
                outcome=outcome,
                refusal_grounds=grounds,
                tags=("demo",),
                acknowledged_at=None if status is Status.NEW else min(acknowledged, now),
                closed_at=closed if status is Status.CLOSED else None,
            )
        )
    return sorted(drafts, key=lambda d: d.received_at)


DEMO_SETTINGS = {
    ORGANISATION_NAME.key: "Example Cloud Services Pvt. Ltd. (DEMO)",
    ORGANISATION_ADDRESS.key: "1 Placeholder Road, Sample Nagar, Testpur 000000, India",
    OFFICER_NAME.key: "Demo Grievance Officer",
    OFFICER_EMAIL.key: "grievance.officer@example.org",
    OFFICER_PHONE.key: "+91 00000 99999",
    OFFICER_TIMEZONE.key: "Asia/Kolkata",
}


#: The audited step that leaves a demo case waiting on the requester.
_STOPPING_STEP = {
    Status.AWAITING_IDENTITY_PROOF: AuditAction.CASE_REQUEST_IDENTITY_PROOF,
    Status.AWAITING_CLARIFICATION: AuditAction.CASE_REQUEST_CLARIFICATION,
}


def fill_demo_register(register: Register, *, now: datetime, count: int = 150) -> int:
    """Fill an empty register with demo settings and cases; returns the number of cases."""
    with register.writing() as session:
        return write_demo(session, now=now, count=count)


def write_demo(session: Session, *, now: datetime, count: int = 150) -> int:
    """Demo settings and cases inside the caller's transaction (a new register's first one,
    so a demo register is made whole or not at all); returns the number of cases."""
    actor = str(DEMO_SETTINGS[OFFICER_NAME.key])  # who the demo's audit trail records
    drafts = demo_drafts(count, now)
    for key, value in DEMO_SETTINGS.items():
        put_setting(session, key, value)
    session.flush()
    bulk = BulkContext.for_session(session)
    first_id = next_case_id(session)
    for draft in drafts:
        case = insert_case(session, draft, now=now, actor=actor, bulk=bulk)
        if draft.status in AWAITING_REQUESTER:
            assert case.id is not None
            since = now - timedelta(days=2)
            session.add(ClockPause(case_id=case.id, reason=draft.status, started_on=since.date()))
            session.flush()
            # The pause is a change to the case: the step that stopped the clock records it,
            # with the case's state after it, so `verify` finds the case as its chain left it.
            bulk.chain.append(
                action=_STOPPING_STEP[draft.status],
                actor=actor,
                at=now,
                case_id=case.id,
                payload={"pause": {"reason": draft.status.value, "since": str(since.date())}},
            )
    bulk.save_counters(session)
    refresh_next_due_after_bulk(session, first_id, now)
    return len(drafts)
