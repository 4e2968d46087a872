"""Letters on file: draft from a template, preview, edit, issue, and prove nothing changed since.

A letter is drafted from a template with fields filled from the case, the requester, the
deadlines, the organisation and the officer; the draft is a row in the register, so it
survives a restart. Issuing renders the PDF once and stores its bytes, SHA-256 and the
template version, and writes an audit event carrying the same digests: an issued letter is
never changed (a correction is a new letter), and `verify_issued_letters` reports any row
that no longer matches its issue event. Issuing suggests the matching workflow step as data
(acknowledge, record the extension …); the caller decides whether to take it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.documents.letter_pdf import (
    LetterDocument,
    Letterhead,
    SignatureBlock,
    render_letter_pdf,
)
from grievance_desk.domain.case_types import CaseKind, Outcome, RefusalGround, RequestType
from grievance_desk.domain.deadline_engine import deadlines as compute_deadlines
from grievance_desk.domain.deadline_engine import extension_refusal
from grievance_desk.domain.locale_format import letter_date
from grievance_desk.domain.policy import PauseEffect, PauseReason, Policy
from grievance_desk.domain.workflow import Action, Status, can_move, target_of
from grievance_desk.services.case_deadlines import (
    CaseDeadlineError,
    case_clock,
    deadlines_for_case,
    policy_for_case,
)
from grievance_desk.services.cases import find_case, officer_zone
from grievance_desk.services.extensions import (
    extension_reasons,
    has_live_extension,
    record_notice_issued,
)

# issue 17: letters in the case's reply language (the wording lives in letter_languages).
from grievance_desk.services.letter_languages import (
    contact_line,
    extension_reason_markers,
    frame_labels,
    letter_language,
    localise_context,
    officer_title,
    route_texts,
    template_in,
)
from grievance_desk.services.letter_templates import (
    EDITABLE_FIELDS,
    FIELDS,
    LetterTemplate,
    LetterTemplateError,
    RequiredItem,
    date_format_setting,
    format_date,
    get_template,
    render_template,
)
from grievance_desk.services.organisation import Organisation, read_organisation
from grievance_desk.services.policy_settings import load_policy_settings
from grievance_desk.storage.audit import append_event, digest
from grievance_desk.storage.errors import NotFound, RegisterError
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import AuditEvent, Case, Letter
from grievance_desk.storage.tables import Requester as RequesterRow

DRAFT: Literal["draft"] = "draft"
ISSUED: Literal["issued"] = "issued"
# Set by the retention purge: the PDF and text are gone, the digest stays.
PURGED: Literal["purged"] = "purged"
ISSUE_ACTION = "letter.issued"

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
_STEP_ACTIONS: dict[str, Action] = {
    "acknowledge": Action.ACKNOWLEDGE,
    "request_identity_proof": Action.REQUEST_IDENTITY_PROOF,
    "request_clarification": Action.REQUEST_CLARIFICATION,
    "send_response": Action.SEND_RESPONSE,
    "close": Action.CLOSE,
}


class LetterError(RegisterError):
    """A letter cannot be drafted, changed or issued; the message says why and what to do."""


class LetterTampered(LetterError):
    """An issued letter's stored PDF no longer matches its digest or its issue event."""


@dataclass(frozen=True)
class LetterDraft:
    """A letter as the editor shows it (drafts and issued letters alike)."""

    letter_id: int
    reference: str
    template_id: str
    template_version: str
    template_title: str
    status: Literal["draft", "issued"]
    subject: str
    salutation: str
    body: str
    closing: str
    created_at: datetime
    issued_at: datetime | None = None
    sha256: str | None = None

    @property
    def is_issued(self) -> bool:
        return self.status == ISSUED


@dataclass(frozen=True)
class NextStep:
    """The workflow step that usually follows a letter; offered, never taken automatically.

    ``kind`` "status" means `cases.change_status(register, reference, action, now=…)`;
    "extension" means `case_deadlines.extend_case(register, reference, now=…, reason=…)`
    with ``reason`` (the reasons the letter gave).
    """

    kind: Literal["status", "extension"]
    label: str
    action: Action | None = None
    reason: str = ""


@dataclass(frozen=True)
class IssuedLetter:
    """What issuing produced: the stored letter, its digest and the suggested next step."""

    letter_id: int
    reference: str
    template_id: str
    template_version: str
    sha256: str
    pdf: bytes
    issued_at: datetime
    next_step: NextStep | None


@dataclass(frozen=True)
class LetterInput:
    """A field the officer types for this letter (``letter.*``), with its current value."""

    name: str
    meaning: str
    required: bool
    value: str


# --------------------------------------------------------------------------- fields


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
    from grievance_desk.domain.case_types import DataCategory

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
) -> dict[str, dict[str, Any]]:
    """Every letter field for one case, as plain values (dates stay dates for `| date`).

    ``overrides`` sets the fields the officer types (``letter.*``, ``escalation.*``); any
    other name is refused with the list of fields that may be set, so a typo is not silently
    ignored.
    """
    overrides = dict(overrides or {})
    wrong = sorted(set(overrides) - EDITABLE_FIELDS)
    if wrong:
        raise LetterTemplateError(
            f"{', '.join(wrong)} cannot be set for a letter"
            + (" (not a field)" if any(w not in FIELDS for w in wrong) else "")
            + f". Fields you can set: {', '.join(sorted(EDITABLE_FIELDS))}."
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
    return context


#: What officers write for "nothing kept".
_NOTHING = frozenset({"none", "nil", "n/a", "na", "-", "—", "nothing", "no"})


# --------------------------------------------------------------------------- the PDF frame


def _png(data: str, what: str) -> bytes | None:
    if not data:
        return None
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError) as error:
        raise LetterError(
            f"The stored {what} is not valid base64 image data. Choose the image again in Settings."
        ) from error


def _document(
    session: Session,
    case: Case,
    person: RequesterRow,
    *,
    subject: str,
    salutation: str,
    body: str,
    closing: str,
    on: date,
    language: str = "en",
) -> LetterDocument:
    org = read_organisation(session)
    if not org.is_complete:
        raise LetterError(
            "The organisation's and officer's details are incomplete (a letter needs the "
            "organisation's name, the officer's name and an e-mail or phone). Fill them in "
            "under Settings → Organisation."
        )
    addressee = [person.name]
    if person.organisation and not person.organisation.upper().startswith(("DEMO-ACCT", "ACCT")):
        addressee.append(person.organisation)
    address_lines = [line.strip() for line in person.postal_address.split("\n") if line.strip()]
    if len(address_lines) == 1:
        address_lines = [part.strip() for part in address_lines[0].split(",") if part.strip()]
    addressee.extend(address_lines)
    if not address_lines and person.email:
        addressee.append(contact_line("by_email", person.email, language))
    contact = []
    if org.officer_email:
        contact.append(contact_line("email", org.officer_email, language))
    if org.officer_phone:
        contact.append(contact_line("telephone", org.officer_phone, language))
    if org.officer_address:
        contact.append(contact_line("address", " ".join(org.officer_address.split()), language))
    labels = frame_labels(language)  # issue 17: the frame in the letter's language
    date_text = (
        letter_date(on, language)
        if language != "en"
        else format_date(on, date_format_setting(session))
    )
    return LetterDocument(
        letterhead=Letterhead(
            organisation=org.name,
            address=org.address,
            website=org.website,
            logo_png=_png(org.logo_png, "logo"),
        ),
        reference=case.reference,
        date_text=date_text,
        addressee=tuple(addressee),
        subject=subject,
        salutation=salutation,
        body=body,
        closing=closing,
        signature=SignatureBlock(
            name=org.officer_name,
            title=officer_title(org.officer_title, language),
            organisation=org.name,
            contact_lines=tuple(contact),
            image_png=_png(org.signature_png, "signature"),
        ),
        **{
            "reference_label": labels.get("reference_label", "Our reference"),
            "date_label": labels.get("date_label", "Date"),
            "subject_label": labels.get("subject_label", "Subject"),
            "footer_note": labels.get("footer_note", "Confidential"),
            "page_label": labels.get("page", "Page {page} of {total}"),
            "continued_label": labels.get("continued", "{reference} (continued)"),
        },
    )


# --------------------------------------------------------------------------- stored text

_SEPARATOR = "\n\n"


def _compose(salutation: str, body: str, closing: str) -> str:
    """The stored body: salutation, body and closing, one blank line apart."""
    return _SEPARATOR.join([" ".join(salutation.split()), body.strip(), " ".join(closing.split())])


def _split(stored: str) -> tuple[str, str, str]:
    first, _, rest = stored.partition(_SEPARATOR)
    body, _, closing = rest.rpartition(_SEPARATOR)
    return first, body, closing


def _as_draft(row: Letter, reference: str, title: str) -> LetterDraft:
    assert row.id is not None
    salutation, body, closing = _split(row.body)
    return LetterDraft(
        letter_id=row.id,
        reference=reference,
        template_id=row.template_id,
        template_version=row.template_version,
        template_title=title,
        status=ISSUED if row.status == ISSUED else DRAFT,
        subject=row.subject,
        salutation=salutation,
        body=body,
        closing=closing,
        created_at=row.created_at,
        issued_at=row.issued_at,
        sha256=row.sha256,
    )


def _title(session: Session, template_id: str) -> str:
    try:
        return get_template(session, template_id).title
    except LetterTemplateError:
        return template_id


def _letter_row(session: Session, letter_id: int) -> tuple[Letter, Case, RequesterRow]:
    row = session.get(Letter, letter_id)
    if row is None:
        raise NotFound(f"There is no letter {letter_id} in this register. List the case's letters.")
    case = session.get(Case, row.case_id)
    assert case is not None
    person = session.get(RequesterRow, case.requester_id)
    assert person is not None
    return row, case, person


# --------------------------------------------------------------------------- public API


def letter_inputs(
    register: Register,
    reference: str,
    template_id: str,
    *,
    now: datetime,
    overrides: Mapping[str, str] | None = None,
    language: str = "en",
) -> list[LetterInput]:
    """The fields the officer types for this letter, with defaults, so a form can ask first."""
    with register.reading() as session:
        template = template_in(session, template_id, language)
        context = _context(session, reference, now=now, overrides=overrides, language=language)
        case, _person = find_case(session, reference)
        items = required_items(session, case, template)
    required = set(template.fields) | {f for i in items for f in i.fields}
    names = [
        f
        for f in FIELDS
        if f in EDITABLE_FIELDS
        and f.startswith("letter.")
        and ("{{ " + f) in template.body + template.subject
    ]
    return [
        LetterInput(
            name=f,
            meaning=FIELDS[f],
            required=f in required,
            value=str(context["letter"].get(f.split(".", 1)[1], "") or ""),
        )
        for f in names
    ]


def law_requirements(
    session: Session, case: Case, template: LetterTemplate
) -> tuple[RequiredItem, ...]:
    """What the case's law adds to this template's required content (with citations)."""
    try:
        policy = policy_for_case(session, case)
    except CaseDeadlineError:
        return ()
    grounds = tuple(str(g) for g in case.refusal_grounds)
    return tuple(
        RequiredItem(r.id, r.label, r.citation, r.fields)
        for r in policy.requirements_for(template.id, grounds, str(case.request_type))
    )


def required_items(
    session: Session, case: Case, template: LetterTemplate
) -> tuple[RequiredItem, ...]:
    """The template's items, each replaced by the law's own wording where the policy has one
    of the same id (DPDP s.11(1)(b): the *identities* of recipients), then the law's extras."""
    law = {i.id: i for i in law_requirements(session, case, template)}
    merged = [law.pop(i.id, i) for i in template.required_content]
    return (*merged, *law.values())


def _check_grounds(session: Session, case: Case, template: LetterTemplate) -> None:
    """Refuse a ground the case's law does not have (manifestly unfounded or excessive)."""
    if "letter.reasons" not in template.body:
        return
    if RefusalGround.MANIFESTLY_UNFOUNDED.value not in [str(g) for g in case.refusal_grounds]:
        return
    try:
        policy = policy_for_case(session, case)
    except CaseDeadlineError:
        return
    if not policy.unfounded_or_excessive:
        raise LetterError(
            f"{case.reference} relies on 'manifestly unfounded or excessive', a ground "
            f"{policy.label} does not have ({policy.legal_source}). Remove that refusal ground "
            "from the case and give the specific reasons the law allows."
        )


def _render(
    session: Session,
    reference: str,
    template: LetterTemplate,
    *,
    now: datetime,
    overrides: Mapping[str, str] | None,
    language: str = "en",
) -> tuple[str, str, str, str]:
    context = _context(session, reference, now=now, overrides=overrides, language=language)
    case, _person = find_case(session, reference)
    _check_grounds(session, case, template)
    text = render_template(
        template,
        context,
        date_format=date_format_setting(session),
        tz=officer_zone(session),
        extra_required=law_requirements(session, case, template),
        language=language,
    )
    return text.subject, text.salutation, text.body, text.closing


def _context(
    session: Session,
    reference: str,
    *,
    now: datetime,
    overrides: Mapping[str, str] | None,
    language: str,
) -> dict[str, dict[str, Any]]:
    """issue 17: `build_context`, with the sentences the code words in the letter's language."""
    context = build_context(session, reference, now=now, overrides=overrides)
    case, _person = find_case(session, reference)
    org = read_organisation(session)
    parts = (org.officer_email, org.officer_phone)
    return localise_context(
        session, case, context, language, overrides=overrides, contact_parts=parts
    )


@dataclass(frozen=True)
class ChecklistItem:
    """One thing the letter must say, the law that says so, and whether it is filled in."""

    id: str
    label: str
    citation: str
    fields: tuple[str, ...]
    done: bool


def letter_checklist(
    register: Register,
    reference: str,
    template_id: str,
    *,
    now: datetime,
    overrides: Mapping[str, str] | None = None,
    language: str = "en",
) -> list[ChecklistItem]:
    """The required content of this letter under the case's law, ticked off as it is filled.

    The letters tab shows it while drafting; drafting refuses while an item is open.
    """
    with register.reading() as session:
        template = template_in(session, template_id, language)
        context = _context(session, reference, now=now, overrides=overrides, language=language)
        case, _person = find_case(session, reference)
        items = required_items(session, case, template)
    checklist = []
    for item in items:
        citation = item.law
        if "escalation.route" in item.fields and context["escalation"]["citation"]:
            citation = context["escalation"]["citation"]
        done = all(_filled(context, f) for f in item.fields)
        checklist.append(ChecklistItem(item.id, item.label, citation, item.fields, done))
    return checklist


def _filled(context: Mapping[str, Mapping[str, Any]], path: str) -> bool:
    namespace, name = path.split(".", 1)
    value = context.get(namespace, {}).get(name)
    return not (value is None or (isinstance(value, str | list | tuple) and not value))


def _check_routes_on(session: Session, case: Case, body: str, on: date) -> None:
    """Refuse to issue a letter naming a remedy not in force on the day it is issued."""
    try:
        policy = policy_for_case(session, case)
    except CaseDeadlineError:
        return
    stale = [
        r
        for r in policy.escalation
        if any(text in body for text in route_texts(r)) and not r.in_force_on(on)
    ]
    if stale:
        raise LetterError(
            f"This draft names {stale[0].authority} ({stale[0].citation}), a remedy not in "
            f"force on {on.isoformat()}. Discard the draft and draft the letter again, so it "
            "names the route in force today."
        )


def preview_letter(
    register: Register,
    reference: str,
    template_id: str,
    *,
    now: datetime,
    overrides: Mapping[str, str] | None = None,
    language: str = "en",
) -> bytes:
    """A letter as PDF bytes without storing anything (the CLI's render, a quick look)."""
    with register.reading() as session:
        template = template_in(session, template_id, language)
        subject, salutation, body, closing = _render(
            session, reference, template, now=now, overrides=overrides, language=language
        )
        case, person = find_case(session, reference)
        document = _document(
            session,
            case,
            person,
            subject=subject,
            salutation=salutation,
            body=body,
            closing=closing,
            on=now.astimezone(officer_zone(session)).date(),
            language=language,
        )
    return render_letter_pdf(document)


def draft_letter(
    register: Register,
    reference: str,
    template_id: str,
    *,
    now: datetime,
    overrides: Mapping[str, str] | None = None,
    language: str = "en",
) -> LetterDraft:
    """Fill a template for a case and keep the result as a draft row (it survives a restart).

    Fails before anything is stored if the template has a problem or a required field is
    empty (`EmptyFields.names` lists them: ask the officer, then call again with overrides).
    """
    actor = register.actor
    with register.writing() as session:
        template = template_in(session, template_id, language)
        subject, salutation, body, closing = _render(
            session, reference, template, now=now, overrides=overrides, language=language
        )
        case, _person = find_case(session, reference)
        row = Letter(
            case_id=case.id or 0,
            template_id=template.id,
            template_version=template.version_id,
            status=DRAFT,
            subject=subject,
            body=_compose(salutation, body, closing),
            created_at=now,
        )
        session.add(row)
        session.flush()
        append_event(
            session,
            action="letter.drafted",
            actor=actor,
            at=now,
            case_id=case.id,
            payload={
                "letter_id": row.id,
                "template_id": template.id,
                "template_version": template.version_id,
            },
        )
        return _as_draft(row, case.reference, template.title)


def update_draft(
    register: Register,
    letter_id: int,
    *,
    now: datetime,
    subject: str | None = None,
    salutation: str | None = None,
    body: str | None = None,
    closing: str | None = None,
) -> LetterDraft:
    """Save the officer's edits to a draft; an issued letter is refused (re-issue instead)."""
    actor = register.actor
    with register.writing() as session:
        row, case, _person = _letter_row(session, letter_id)
        if row.status != DRAFT:
            raise LetterError(
                f"Letter {letter_id} was issued on {row.issued_at:%Y-%m-%d} and cannot change. "
                "Use re-issue to start a corrected copy as a new letter."
            )
        old_salutation, old_body, old_closing = _split(row.body)
        new_subject = " ".join((subject if subject is not None else row.subject).split())
        if not new_subject:
            raise LetterError("A letter needs a subject. Type one and save again.")
        new_body = body if body is not None else old_body
        if not new_body.strip():
            raise LetterError("A letter needs a body. Type the text and save again.")
        before = digest(row.body.encode("utf-8"))
        row.subject = new_subject
        row.body = _compose(
            salutation if salutation is not None else old_salutation,
            new_body,
            closing if closing is not None else old_closing,
        )
        session.flush()
        append_event(
            session,
            action="letter.edited",
            actor=actor,
            at=now,
            case_id=case.id,
            payload={
                "letter_id": row.id,
                "body_sha256_before": before,
                "body_sha256_after": digest(row.body.encode("utf-8")),
            },
        )
        return _as_draft(row, case.reference, _title(session, row.template_id))


def discard_draft(register: Register, letter_id: int, *, now: datetime) -> None:
    """Delete a draft the officer no longer wants; issued letters are kept for good."""
    actor = register.actor
    with register.writing() as session:
        row, case, _person = _letter_row(session, letter_id)
        if row.status != DRAFT:
            raise LetterError(f"Letter {letter_id} is issued and is kept on file; it cannot go.")
        session.delete(row)
        session.flush()
        append_event(
            session,
            action="letter.discarded",
            actor=actor,
            at=now,
            case_id=case.id,
            payload={"letter_id": letter_id, "template_id": row.template_id},
        )


def get_letter(register: Register, letter_id: int) -> LetterDraft:
    """One letter, draft or issued, for the editor."""
    with register.reading() as session:
        row, case, _person = _letter_row(session, letter_id)
        return _as_draft(row, case.reference, _title(session, row.template_id))


def list_letters(register: Register, reference: str) -> list[LetterDraft]:
    """A case's letters, oldest first: drafts to finish and issued letters on file."""
    with register.reading() as session:
        case, _person = find_case(session, reference)
        rows = session.scalars(
            select(Letter).where(col(Letter.case_id) == case.id).order_by(col(Letter.id))
        ).all()
        return [_as_draft(r, case.reference, _title(session, r.template_id)) for r in rows]


def render_preview(register: Register, letter_id: int, *, on: date | None = None) -> bytes:
    """The letter as PDF bytes in memory for the preview (nothing is written to disk).

    An issued letter shows its stored PDF (checked); a draft is laid out afresh, dated
    ``on`` (the day it would be issued) or else the day it was drafted.
    """
    with register.reading() as session:
        row, case, person = _letter_row(session, letter_id)
        if row.status == ISSUED:
            return _checked_pdf(session, row)
        salutation, body, closing = _split(row.body)
        zone = officer_zone(session)
        document = _document(
            session,
            case,
            person,
            subject=row.subject,
            salutation=salutation,
            body=body,
            closing=closing,
            on=on or row.created_at.astimezone(zone).date(),
            language=letter_language(row.template_version),
        )
    return render_letter_pdf(document)


def _next_step(template: LetterTemplate | None, case: Case, reasons: str) -> NextStep | None:
    if template is None:
        return None
    status = Status(case.status)
    if template.next_step == "record_extension":
        if status in (Status.RESPONSE_SENT, Status.CLOSED):
            return None
        return NextStep("extension", "Record the extension on the case", reason=reasons)
    action = _STEP_ACTIONS.get(template.next_step)
    if action is None or not can_move(status, target_of(action)):
        return None
    if action is Action.ACKNOWLEDGE and case.acknowledged_at is not None:
        return None
    labels = {
        Action.ACKNOWLEDGE: "Mark the case acknowledged",
        Action.REQUEST_IDENTITY_PROOF: "Mark the case awaiting identity proof (stops the clock)",
        Action.REQUEST_CLARIFICATION: "Mark the case awaiting clarification (stops the clock)",
        Action.SEND_RESPONSE: "Mark the response sent",
        Action.CLOSE: "Close the case (choose the outcome)",
    }
    return NextStep("status", labels[action], action=action)


def issue_letter(register: Register, letter_id: int, *, now: datetime) -> IssuedLetter:
    """Issue a draft: render the PDF dated today and store it, its SHA-256 and the template
    version for good, with an audit event carrying the same digests (so `verify` can prove
    the letter on file is the one sent). Returns the workflow step that usually follows.
    """
    actor = register.actor
    with register.writing() as session:
        row, case, person = _letter_row(session, letter_id)
        if row.status != DRAFT:
            raise LetterError(
                f"Letter {letter_id} is already issued; an issued letter never changes. "
                "Re-issue it to make a corrected copy as a new letter."
            )
        salutation, body, closing = _split(row.body)
        zone = officer_zone(session)
        _check_routes_on(session, case, body, now.astimezone(zone).date())
        pdf = render_letter_pdf(
            _document(
                session,
                case,
                person,
                subject=row.subject,
                salutation=salutation,
                body=body,
                closing=closing,
                on=now.astimezone(zone).date(),
                language=letter_language(row.template_version),
            )
        )
        sha = hashlib.sha256(pdf).hexdigest()
        row.status = ISSUED
        row.issued_at = now
        row.pdf = pdf
        row.sha256 = sha
        session.flush()
        append_event(
            session,
            action=ISSUE_ACTION,
            actor=actor,
            at=now,
            case_id=case.id,
            payload=_issue_payload(row),
        )
        try:
            template: LetterTemplate | None = get_template(session, row.template_id)
        except LetterTemplateError:
            template = None
        reasons = ""
        next_step: NextStep | None = None
        if template is not None and template.next_step == "record_extension":
            reasons = _extension_reasons(body)
            # The notice of an extension already granted records that notice; only a notice
            # sent before the extension is recorded offers to record it.
            if not record_notice_issued(
                session, case, letter_id=letter_id, now=now, actor=actor
            ) and not has_live_extension(session, case):
                next_step = _next_step(template, case, reasons)
        else:
            next_step = _next_step(template, case, reasons)
        return IssuedLetter(
            letter_id=letter_id,
            reference=case.reference,
            template_id=row.template_id,
            template_version=row.template_version,
            sha256=sha,
            pdf=pdf,
            issued_at=now,
            next_step=next_step,
        )


def _extension_reasons(body: str) -> str:
    """The reasons paragraph(s) of an extension notice, for the extension record."""
    blocks = [b.strip() for b in body.split("\n\n") if b.strip()]
    for index, block in enumerate(blocks):
        if block.endswith(extension_reason_markers()) and index + 1 < len(blocks):
            return blocks[index + 1]
    return "See the extension notice issued to the requester."


def reissue_letter(register: Register, letter_id: int, *, now: datetime) -> LetterDraft:
    """Start a corrected copy of an issued letter as a new draft (the original stays)."""
    actor = register.actor
    with register.writing() as session:
        row, case, _person = _letter_row(session, letter_id)
        copy = Letter(
            case_id=row.case_id,
            template_id=row.template_id,
            template_version=row.template_version,
            status=DRAFT,
            subject=row.subject,
            body=row.body,
            created_at=now,
        )
        session.add(copy)
        session.flush()
        append_event(
            session,
            action="letter.drafted",
            actor=actor,
            at=now,
            case_id=case.id,
            payload={
                "letter_id": copy.id,
                "template_id": row.template_id,
                "template_version": row.template_version,
                "copy_of": letter_id,
            },
        )
        return _as_draft(copy, case.reference, _title(session, row.template_id))


def _issue_payload(row: Letter) -> dict[str, Any]:
    return {
        "letter_id": row.id,
        "template_id": row.template_id,
        "template_version": row.template_version,
        "subject_sha256": digest(row.subject.encode("utf-8")),
        "body_sha256": digest(row.body.encode("utf-8")),
        "pdf_sha256": row.sha256,
        "pdf_size": len(row.pdf or b""),
    }


def _issue_events(session: Session, case_id: int | None = None) -> dict[int, AuditEvent]:
    """Issue events by letter id; of one case when ``case_id`` is given.

    One letter's check reads its own case's events (indexed): the whole register's issue
    events are ~200,000 rows at 100,000 cases, 15 s to load, and the case file's preview of
    an issued letter waited for them. The case id is part of each event's chained hash, so
    it cannot have been moved to hide an event.
    """
    events: dict[int, AuditEvent] = {}
    query = select(AuditEvent).where(col(AuditEvent.action) == ISSUE_ACTION)
    if case_id is not None:
        query = query.where(col(AuditEvent.case_id) == case_id)
    for event in session.scalars(query).all():
        try:
            payload = json.loads(event.payload or "{}")
        except ValueError:
            continue
        letter_id = payload.get("letter_id")
        if isinstance(letter_id, int):
            events[letter_id] = event
    return events


def _mismatches(row: Letter, event: AuditEvent | None) -> list[str]:
    found: list[str] = []
    if row.pdf is None or row.sha256 is None:
        return ["its PDF or digest is missing"]
    if hashlib.sha256(row.pdf).hexdigest() != row.sha256:
        found.append("its PDF does not match its stored SHA-256")
    if event is None:
        return [*found, "no issue event in the audit trail records it"]
    if event.redacted_at is not None:
        return found
    recorded = json.loads(event.payload or "{}")
    expected = _issue_payload(row)
    for key, what in (
        ("pdf_sha256", "its stored digest"),
        ("body_sha256", "its text"),
        ("subject_sha256", "its subject"),
        ("template_version", "its template version"),
        ("pdf_size", "its PDF size"),
    ):
        if recorded.get(key) != expected[key]:
            found.append(f"{what} differs from what was recorded when it was issued")
    if hashlib.sha256(row.pdf).hexdigest() != recorded.get("pdf_sha256"):
        found.append("its PDF differs from the one issued")
    return sorted(set(found), key=found.index)


def _checked_pdf(session: Session, row: Letter) -> bytes:
    problems = _mismatches(row, _issue_events(session, row.case_id).get(row.id or 0))
    if problems:
        raise LetterTampered(
            f"Issued letter {row.id} has been altered since it was issued: "
            + "; ".join(problems)
            + ". Restore the register from a backup and run verify."
        )
    assert row.pdf is not None
    return row.pdf


def letter_pdf(register: Register, letter_id: int) -> bytes:
    """The stored PDF of an issued letter, after checking it is byte-for-byte the one issued."""
    with register.reading() as session:
        row, _case, _person = _letter_row(session, letter_id)
        if row.status != ISSUED:
            raise LetterError(
                f"Letter {letter_id} is a draft; it has no PDF on file yet. Preview it, or "
                "issue it first."
            )
        return _checked_pdf(session, row)


def verify_issued_letters(session: Session) -> list[str]:
    """Every issued letter whose row no longer matches its issue event, one line each.

    The audit chain proves the events are intact; this proves the letters match them, so
    editing an issued letter's PDF, digest, text or template version is caught by `verify`.
    """
    events = _issue_events(session)
    problems: list[str] = []
    issued_ids: set[int] = set()
    rows = session.execute(
        select(Letter, Case.reference)
        .join(Case, col(Case.id) == col(Letter.case_id))
        .where(col(Letter.status) == ISSUED)
        .order_by(col(Letter.id))
    ).all()
    for row, reference in rows:
        assert row.id is not None
        issued_ids.add(row.id)
        found = _mismatches(row, events.get(row.id))
        if found:
            problems.append(f"Letter {row.id} ({reference}): " + "; ".join(found) + ".")
    # A retention purge clears a letter's PDF and marks it purged; its digest must still be
    # the one recorded when it was issued.
    purged = dict(
        session.execute(
            select(col(Letter.id), col(Letter.sha256)).where(col(Letter.status) == PURGED)
        ).all()
    )
    for letter_id, event in sorted(events.items()):
        if letter_id in purged:
            recorded = json.loads(event.payload or "{}").get("pdf_sha256")
            if recorded is not None and recorded != purged[letter_id]:
                problems.append(
                    f"Letter {letter_id} was purged, but its digest differs from the one "
                    "recorded when it was issued."
                )
            continue
        if letter_id not in issued_ids:
            problems.append(
                f"Letter {letter_id} was issued (audit event {event.id}) but is no longer on "
                "file as issued."
            )
    return problems
