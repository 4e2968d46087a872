"""What a letter template is rendered with: every field from the case, requester, deadlines,
organisation and officer, as plain values (dates stay dates for ``| date``).

The law's words (escalation routes in force, what waiting does to the clock, refusal reasons)
come from the case's policy, so a template never branches on a policy. In another language
(issue 17) the sentences the code words itself come from that language's glossary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from grievance_desk.domain.case_types import (
    CaseKind,
    DataCategory,
    Outcome,
    RefusalGround,
    RequestType,
)
from grievance_desk.domain.deadline_engine import deadlines as compute_deadlines
from grievance_desk.domain.deadline_engine import extension_refusal
from grievance_desk.domain.policy import PauseEffect, PauseReason, Policy
from grievance_desk.domain.workflow import Status
from grievance_desk.messages import _
from grievance_desk.services.case_deadlines import (
    CaseDeadlineError,
    case_clock,
    deadlines_for_case,
    policy_for_case,
)
from grievance_desk.services.cases import find_case, officer_zone
from grievance_desk.services.extensions import extension_reasons
from grievance_desk.services.letter_languages import localise_context
from grievance_desk.services.letter_templates import EDITABLE_FIELDS, FIELDS, LetterTemplateError
from grievance_desk.services.organisation import Organisation, read_organisation
from grievance_desk.services.policy_settings import load_policy_settings
from grievance_desk.storage.tables import Case

_REFUSAL_SENTENCES: dict[str, str] = {
    RefusalGround.LEGAL_PRIVILEGE: (
        "Some of the information is subject to legal professional privilege, and the law "
        "does not require us to disclose it."
    ),
    RefusalGround.LEGAL_DUTY_TO_RETAIN: (
        "The law requires us to keep this information for a set period, so we cannot erase "
        "it before that period ends."
    ),
    RefusalGround.IDENTITY_NOT_VERIFIED: (
        "We have not been able to verify your identity, and we cannot act on a request about "
        "personal data without being sure that we are dealing with the person it concerns."
    ),
    RefusalGround.MANIFESTLY_UNFOUNDED: (
        "The request is manifestly unfounded or excessive, in particular because of its "
        "repetitive character."
    ),
}
_REFUSED_ACTION: dict[str, str] = {
    RequestType.ACCESS: "provide all of the information you asked for",
    RequestType.CORRECTION: "make the correction you asked for",
    RequestType.COMPLETION: "complete or update your data as you asked",
    RequestType.ERASURE: "erase all of the data you asked us to erase",
    RequestType.OBJECTION: "stop or restrict the processing as you asked",
}


def _letter_deadlines(
    session: Session, case: Case, *, now: datetime, zone: ZoneInfo
) -> tuple[dict[str, Any], Policy | None]:
    """Deadline fields for a letter as dates in the officer's zone, plus the governing policy.

    The extended date is the real one once an extension is recorded, else the date an
    extension granted now would give (so a notice can be sent before the extension is
    recorded), or None with the reason when the policy allows none.
    """
    fields: dict[str, Any] = dict.fromkeys(
        (
            "acknowledge_by",
            "respond_by",
            "extension_notice_by",
            "extended_respond_by",
            "final_respond_by",
        )
    )
    fields.update(policy="", legal_source="")
    try:
        governing: Policy | None = policy_for_case(session, case)
    except CaseDeadlineError:
        governing = None
    try:
        found = deadlines_for_case(session, case.reference, now=now)
    except CaseDeadlineError:
        return fields, governing
    result = found.deadlines
    fields.update(policy=found.policy_label, legal_source=found.legal_source)
    if result is None:
        return fields, governing

    def day(moment: datetime | None) -> date | None:
        return None if moment is None else moment.astimezone(zone).date()

    extended = result.extended_respond_by
    if extended is None and Status(case.status) not in (Status.RESPONSE_SENT, Status.CLOSED):
        try:
            policy = policy_for_case(session, case)
            calendar = load_policy_settings(session).calendar_for(policy)
            clock = case_clock(session, case)
            today = now.astimezone(zone).date()
            if extension_refusal(clock, policy, calendar, zone, as_of=today) is None:
                clock = replace(clock, extensions=(*clock.extensions, now))
                extended = compute_deadlines(
                    clock, policy, calendar, zone, as_of=today
                ).extended_respond_by
        except (CaseDeadlineError, ValueError):
            extended = None
    fields.update(
        acknowledge_by=day(result.acknowledge_by.due if result.acknowledge_by else None),
        respond_by=day(result.respond_by.due),
        extension_notice_by=day(
            result.extension_notice_by.due if result.extension_notice_by else None
        ),
        extended_respond_by=day(extended.due if extended else None),
        final_respond_by=day(result.final_respond_by.due),
    )
    return fields, governing


#: Printed when the policy names no route in force on the letter's date: no remedy is named.
NO_ROUTE_TEXT = (
    "If you are not satisfied with our response, please write to us again quoting the "
    "reference above, and we will review it."
)


def escalation_fields(policy: Policy | None, on: date) -> dict[str, str]:
    """Where a dissatisfied requester may go, as the policy's routes in force on ``on`` say.

    A remedy not yet (or no longer) in force is never named: DPDP s.27 only from 13 May 2027,
    the IT Act s.46 route only until then.
    """
    routes = () if policy is None else policy.routes_on(on)
    if not routes:
        return {"authority": "", "law": "", "citation": "", "route": NO_ROUTE_TEXT}
    return {
        "authority": " or ".join(r.authority for r in routes),
        "law": "; ".join(r.citation for r in routes),
        "citation": "; ".join(r.citation for r in routes),
        "route": " ".join(r.text for r in routes),
    }


_WAIT_SENTENCES: dict[PauseEffect, str] = {
    PauseEffect.STOPS: (
        "Until we receive it, we cannot proceed, and the time for our response does not run "
        "({citation})."
    ),
    PauseEffect.STARTS_ON_RECEIPT: (
        "The time for our response begins when we receive it ({citation})."
    ),
    PauseEffect.RUNS: (
        "The time for our response keeps running while we wait, so please reply as soon as you can."
    ),
}


def pause_sentence(policy: Policy | None, reason: PauseReason, request_type: str) -> str:
    """What waiting for ``reason`` does to the clock, in the words a letter prints.

    It follows the policy's pause rule for this request type: under CCPA §7021(b), DPDP, SPDI
    and the IT Rules the clock keeps running; UK GDPR Art 12A stops it for clarification of
    access requests only.
    """
    if policy is None:
        return _WAIT_SENTENCES[PauseEffect.RUNS]
    rule = policy.pause_rule(reason, request_type)
    return _WAIT_SENTENCES[rule.effect].format(citation=rule.citation.split(":")[0])


def _officer_contact(org: Organisation) -> str:
    parts = [p for p in (org.officer_email, org.officer_phone) if p.strip()]
    return " or ".join(parts)


def _defaults_for_letter(case: Case, policy: Policy | None) -> dict[str, str]:
    grounds = [str(g) for g in case.refusal_grounds]
    reasons = [_REFUSAL_SENTENCES[g] for g in grounds if g in _REFUSAL_SENTENCES]
    unfounded = _REFUSAL_SENTENCES[RefusalGround.MANIFESTLY_UNFOUNDED]
    if unfounded in reasons:
        if policy is not None and policy.unfounded_or_excessive:
            reasons[reasons.index(unfounded)] = (
                f"{unfounded[:-1]} ({policy.unfounded_or_excessive})."
            )
        else:  # the law has no such ground: never print it (refused when drafting)
            reasons.remove(unfounded)
    categories = [_label_category(c) for c in case.data_categories]
    return {
        "reasons": "\n".join(f"- {r}" for r in reasons) if len(reasons) > 1 else "".join(reasons),
        "refused_action": _REFUSED_ACTION.get(str(case.request_type), "act on your request"),
        "data_summary": (
            "We hold personal data about you in the following categories:\n"
            + "\n".join(f"- {c}" for c in categories)
            if categories
            else ""
        ),
    }


def _label_category(value: str) -> str:
    try:
        return DataCategory(value).label
    except ValueError:
        return value


def build_context(
    session: Session,
    reference: str,
    *,
    now: datetime,
    overrides: Mapping[str, str] | None = None,
    language: str = "en",
) -> dict[str, dict[str, Any]]:
    """Every letter field for one case, as plain values (dates stay dates for `| date`).

    ``overrides`` sets the fields the officer types (``letter.*``, ``escalation.*``); any
    other name is refused with the list of fields that may be set, so a typo is not silently
    ignored. ``language`` words the code's own sentences (what was asked, the route, the
    clock, refusal reasons) in the letter's language; what the officer typed stays.
    """
    overrides = dict(overrides or {})
    wrong = sorted(set(overrides) - EDITABLE_FIELDS)
    if wrong:
        raise LetterTemplateError(
            (
                _("{fields} cannot be set for a letter (not a field).")
                if any(w not in FIELDS for w in wrong)
                else _("{fields} cannot be set for a letter.")
            ).format(fields=", ".join(wrong))
            + " "
            + _("Fields you can set: {fields}.").format(fields=", ".join(sorted(EDITABLE_FIELDS)))
        )
    case, person = find_case(session, reference)
    zone = officer_zone(session)
    org = read_organisation(session)
    deadline_fields, policy = _letter_deadlines(session, case, now=now, zone=zone)
    letter: dict[str, Any] = {
        name.split(".", 1)[1]: "" for name in EDITABLE_FIELDS if name.startswith("letter.")
    }
    letter.update(_defaults_for_letter(case, policy))
    letter["extension_reasons"] = extension_reasons(session, case)  # the notice starts from them
    letter["date"] = now.astimezone(zone).date()
    request_type = str(case.request_type)
    complaint = str(case.kind) == CaseKind.COMPLAINT.value
    context: dict[str, dict[str, Any]] = {
        "case": {
            "reference": case.reference,
            "request_type": RequestType(case.request_type).label,
            "kind": case.kind.label,
            "channel": case.channel.label,
            "received_on": case.received_at.astimezone(zone).date(),
            "status": Status(case.status).label,
            "description": case.description,
            "data_categories": [_label_category(c) for c in case.data_categories],
            "refusal_grounds": [RefusalGround(g).label for g in case.refusal_grounds],
            "outcome": Outcome(case.outcome).label if case.outcome else "",
            "representative": "" if case.representative == "none" else case.representative.label,
            "representative_name": case.representative_name,
            "noun": "complaint" if complaint else "request",
            "what": (
                "complaint"
                if complaint
                else f"{RequestType(case.request_type).label.lower()} request"
            ),
        },
        "requester": {
            "name": person.name,
            "email": person.email,
            "phone": person.phone,
            "postal_address": person.postal_address,
            "organisation": person.organisation,
            "relationship": person.relationship.label,
        },
        "deadlines": deadline_fields,
        "organisation": {"name": org.name, "address": org.address, "website": org.website},
        "officer": {
            "name": org.officer_name,
            "title": org.officer_title,
            "email": org.officer_email,
            "phone": org.officer_phone,
            "address": org.officer_address,
            "contact": _officer_contact(org),
            "email_or_address": org.officer_email or org.officer_address or org.address,
        },
        "escalation": escalation_fields(policy, letter["date"]),
        "clock": {
            "identity_wait": pause_sentence(policy, PauseReason.IDENTITY, request_type),
            "clarification_wait": pause_sentence(policy, PauseReason.CLARIFICATION, request_type),
            "fee_wait": pause_sentence(policy, PauseReason.FEE, request_type),
        },
        "letter": letter,
    }
    for name, value in overrides.items():
        namespace, key = name.split(".", 1)
        context[namespace][key] = value.strip()
    retained = str(context["letter"].get("data_retained", "")).strip()
    if retained.rstrip(".").lower() in _NOTHING:
        context["letter"]["data_retained"] = ""  # never "we must keep some data: None"
    # issue 17: the code's sentences in the letter's language (English is returned as it is)
    return localise_context(
        session,
        case,
        context,
        language,
        overrides=overrides,
        contact_parts=(org.officer_email, org.officer_phone),
    )


#: What officers write for "nothing kept".
_NOTHING = frozenset({"none", "nil", "n/a", "na", "-", "—", "nothing", "no"})
