"""Every template under every policy: the route, the pause sentence and the law's required
items come from the policy's own declaration (issue 14 defects 1, 2 and 8), read back from
the real PDFs with pypdf."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader

from grievance_desk.domain.case_record import Requester
from grievance_desk.domain.case_types import CaseKind, RefusalGround, RequestType
from grievance_desk.domain.policy import PauseEffect, PauseReason, Policy
from grievance_desk.domain.policy_presets import PRESETS, policy_ids, policy_in_force
from grievance_desk.services import (
    letter_context,
    letter_drafts,
    letter_issue,
    letter_records,
    letter_requirements,
)
from grievance_desk.services.cases import find_case, register_case
from grievance_desk.services.letter_templates import EmptyFields, shipped_templates
from grievance_desk.services.policy_settings import copy_preset
from grievance_desk.storage.register import Register
from tests.support.drafts import make_draft

FILLED = {
    "letter.identity_documents": "- a copy of one photo identity document (test)",
    "letter.clarification_needed": "- which account your message concerns (test)",
    "letter.extension_reasons": "Archived records must be searched (test).",
    "letter.processing_activities": "Billing and support for the test account.",
    "letter.recipients": "Fictitious Payments Ltd (processor): billing details (test).",
    "letter.corrections_made": "The billing address now reads 1 Demo Street (test).",
    "letter.data_erased": "Registration details and support tickets (test).",
    "letter.data_summary": "Registration and billing details (test).",
    "letter.data_retained": "Invoices, kept for eight years under a tax law (test).",
    "letter.objection_outcome": "Analytics on your account has stopped (test).",
    "letter.consent_purposes": "- product-update e-mails (test)",
    "letter.nominee_name": "Test Nominee Beta",
    "letter.resolution": "A delay in the suppression list was fixed (test).",
    "letter.reasons": "The information is subject to legal professional privilege (test).",
    "letter.closure_summary": "We sent our response and heard nothing further (test).",
    "letter.retention_period": "Six years after the account closes (test).",
    "letter.data_source": "You gave it to us when you registered (test).",
    "letter.automated_decisions": "We make no automated decisions about you (test).",
    "letter.transfer_safeguards": "Standard contractual clauses with our host (test).",
    "letter.how_provided": "A copy is attached as a PDF (test).",
    "letter.retention_law": "A fictitious Records Act s.1: eight years (test).",
    "letter.ccpa_statement": "You may add a statement of up to 250 words (test).",
}

_COMPLAINT_POLICIES = {"spdi-2011", "it-rules-2021", "it-rules-2021-content",
                       "it-rules-2021-ncii", "uk-complaints"}  # fmt: skip


def _squash(text: str) -> str:
    """PDF text without whitespace, so line breaks and justification do not matter."""
    return re.sub(r"\s+", "", text)


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _received_for(policy_id: str) -> date:
    """A receipt date on which the policy is in force (its latest version)."""
    latest = max(
        (p for p in PRESETS if p.id == policy_id), key=lambda p: p.in_force_from or date.min
    )
    start = latest.in_force_from or date(2026, 9, 1)
    return max(start, date(2026, 9, 1))


def _case(register: Register, policy_id: str, received: date) -> str:
    kind = CaseKind.COMPLAINT if policy_id in _COMPLAINT_POLICIES else CaseKind.RIGHTS_REQUEST
    draft = make_draft(
        requester=Requester(
            name="Test Person Gamma",
            email="gamma@example.org",
            postal_address="1 Demo Street, Sample Nagar, Testpur 000000",
        ),
        kind=kind,
        request_type=RequestType.ACCESS,
        received_at=datetime.combine(received, datetime.min.time(), tzinfo=UTC)
        + timedelta(hours=5),
        policy_id=policy_id,
    )
    # Registered when received: a received date after "now" is refused.
    return register_case(register, draft, now=draft.received_at + timedelta(hours=1))


@pytest.mark.parametrize("policy_id", policy_ids())
def test_every_template_under_the_policy_follows_its_declaration(
    demo: Register, policy_id: str
) -> None:
    received = _received_for(policy_id)
    policy: Policy = policy_in_force(policy_id, received)
    reference = _case(demo, policy_id, received)
    on = received + timedelta(days=1)
    now = datetime.combine(on, datetime.min.time(), tzinfo=UTC) + timedelta(hours=6)
    in_force = policy.routes_on(on)
    for template in shipped_templates():
        if template.id == "extension_notice" and not policy.extension.allowed:
            with pytest.raises(EmptyFields, match="extended_respond_by"):  # the law has none
                letter_drafts.preview_letter(
                    demo, reference, template.id, now=now, overrides=FILLED
                )
            continue
        pdf = letter_drafts.preview_letter(demo, reference, template.id, now=now, overrides=FILLED)
        text = _squash(_pdf_text(pdf))
        where = f"{policy.label} / {template.id}"
        if "{{ escalation.route }}" in template.body:
            for route in policy.escalation:  # defect 1: only routes in force, all of them
                assert (_squash(route.text) in text) == route.in_force_on(on), where
            if not in_force:
                assert _squash(letter_context.NO_ROUTE_TEXT) in text, where
        for reason, field in (
            (PauseReason.IDENTITY, "clock.identity_wait"),
            (PauseReason.CLARIFICATION, "clock.clarification_wait"),
        ):
            if "{{ " + field + " }}" not in template.body:
                continue
            sentence = letter_context.pause_sentence(policy, reason, "access")
            assert _squash(sentence) in text, where  # defect 2: the policy's own pause rule
            stops = policy.pause_rule(reason, "access").effect is PauseEffect.STOPS
            assert ("doesnotrun" in text) == stops, where
        for item in policy.requirements_for(template.id, ()):  # defect 8: the law's items
            for field in item.fields:
                assert _squash(FILLED[field]) in text, f"{where}: {item.citation}"
        assert "regretanyinconvenience" not in text.lower(), where
        if policy_id in _COMPLAINT_POLICIES:  # a complaint is never called a request
            assert "yourrequest" not in text.lower(), where
            assert "yourcomplaint" in text.lower() or template.id in {
                "erasure_done", "correction_done", "consent_withdrawn", "nomination_recorded",
                "access_response", "objection_outcome", "extension_notice", "closure",
            }, where  # fmt: skip


def test_uk_clarification_stops_the_clock_for_access_requests_only() -> None:
    """UK GDPR Art 12A: clarification pauses an access request, not an erasure request."""
    uk = policy_in_force("uk-gdpr", date(2026, 6, 1))
    assert "does not run" in letter_context.pause_sentence(uk, PauseReason.CLARIFICATION, "access")
    assert "keeps running" in letter_context.pause_sentence(
        uk, PauseReason.CLARIFICATION, "erasure"
    )
    assert "begins when we receive it" in letter_context.pause_sentence(
        uk, PauseReason.IDENTITY, "erasure"
    )


@pytest.mark.parametrize(
    ("policy_id", "received"),
    [("ccpa", date(2026, 9, 1)), ("it-rules-2021", date(2026, 9, 1)),
     ("spdi-2011", date(2026, 9, 1)), ("dpdp-2025", date(2027, 6, 1))],
)  # fmt: skip
def test_the_clock_keeps_running_where_the_law_says_so(policy_id: str, received: date) -> None:
    """CCPA 11 CCR §7021(b), SPDI r.5(9), IT Rules r.3(2), DPDP s.13: no pause for identity."""
    policy = policy_in_force(policy_id, received)
    sentence = letter_context.pause_sentence(policy, PauseReason.IDENTITY, "access")
    assert "keeps running" in sentence and "does not run" not in sentence


def test_an_erasure_letter_never_says_none_was_kept(demo: Register) -> None:
    reference = _case(demo, "gdpr", date(2026, 9, 1))
    now = datetime(2026, 9, 2, 6, tzinfo=UTC)
    pdf = letter_drafts.preview_letter(
        demo,
        reference,
        "erasure_done",
        now=now,
        overrides={**FILLED, "letter.data_retained": "None"},
    )
    text = _pdf_text(pdf)
    assert "must keep" not in text and "None" not in text
    assert "We have not kept any of the data" in " ".join(text.split())


def test_a_gdpr_access_response_without_art_15_items_cannot_be_drafted(demo: Register) -> None:
    """GDPR Art 15(1)(d): the retention period is required; the checklist shows it open."""
    reference = _case(demo, "gdpr", date(2026, 9, 1))
    now = datetime(2026, 9, 2, 6, tzinfo=UTC)
    partial = {k: v for k, v in FILLED.items() if k != "letter.retention_period"}
    with pytest.raises(EmptyFields) as caught:
        letter_drafts.draft_letter(demo, reference, "access_response", now=now, overrides=partial)
    assert "letter.retention_period" in caught.value.names
    checklist = letter_requirements.letter_checklist(
        demo, reference, "access_response", now=now, overrides=partial
    )
    by_id = {i.id: i for i in checklist}
    assert not by_id["retention"].done and by_id["retention"].citation == "GDPR Art 15(1)(d)"
    assert by_id["recipients"].done
    assert by_id["escalation_route"].citation == "GDPR Art 77; GDPR Art 79"
    assert letter_requirements.letter_checklist(
        demo, reference, "access_response", now=now, overrides=FILLED
    )[-1].done


def test_dpdp_access_asks_for_the_identities_of_recipients(demo: Register) -> None:
    """DPDP Act 2023 s.11(1)(b): identities of the fiduciaries and processors shared with."""
    reference = _case(demo, "dpdp-2025", date(2027, 6, 1))
    now = datetime(2027, 6, 2, 6, tzinfo=UTC)
    checklist = letter_requirements.letter_checklist(demo, reference, "access_response", now=now)
    labels = [i.label for i in checklist if i.citation == "DPDP Act 2023 s.11(1)(b)"]
    assert labels and "identities" in labels[0]


def test_manifestly_unfounded_is_refused_where_the_law_has_no_such_ground(
    demo: Register,
) -> None:
    """GDPR Art 12(5)(b) has the ground; the SPDI Rules do not."""
    for policy_id, allowed in (("gdpr", True), ("spdi-2011", False)):
        reference = _case(demo, policy_id, date(2026, 9, 1))
        with demo.writing() as session:
            case, _ = find_case(session, reference)
            case.refusal_grounds = [RefusalGround.MANIFESTLY_UNFOUNDED.value]
        now = datetime(2026, 9, 2, 6, tzinfo=UTC)
        overrides = {k: v for k, v in FILLED.items() if k != "letter.reasons"}
        if allowed:
            pdf = letter_drafts.preview_letter(
                demo, reference, "refusal", now=now, overrides=overrides
            )
            assert "Art 12(5)(b)" in _pdf_text(pdf)
        else:
            with pytest.raises(letter_records.LetterError, match="does not have"):
                letter_drafts.preview_letter(
                    demo, reference, "refusal", now=now, overrides=overrides
                )


def test_a_draft_naming_a_route_out_of_force_cannot_be_issued(demo: Register) -> None:
    """IT Act s.46 via s.43A ends 13 May 2027 (DPDP s.44(2)): a draft naming it is refused."""
    reference = _case(demo, "spdi-2011", date(2027, 5, 1))
    drafted = datetime(2027, 5, 10, 6, tzinfo=UTC)
    draft = letter_drafts.draft_letter(
        demo, reference, "complaint_resolved", now=drafted, overrides=FILLED
    )
    with pytest.raises(letter_records.LetterError, match="not in force on 2027-05-13"):
        letter_issue.issue_letter(demo, draft.letter_id, now=datetime(2027, 5, 13, 6, tzinfo=UTC))
    issued = letter_issue.issue_letter(
        demo, draft.letter_id, now=datetime(2027, 5, 12, 6, tzinfo=UTC)
    )
    assert "section 46" in " ".join(_pdf_text(issued.pdf).split())


def test_a_copy_of_a_preset_keeps_its_route_and_the_officer_can_edit_it(demo: Register) -> None:
    copy_preset(demo, "ccpa", "ccpa-ours", now=datetime(2026, 9, 1, tzinfo=UTC))
    reference = _case(demo, "ccpa-ours", date(2026, 9, 1))
    now = datetime(2026, 9, 2, 6, tzinfo=UTC)
    text = " ".join(_pdf_text(letter_drafts.preview_letter(demo, reference, "closure", now=now,
                                                    overrides=FILLED)).split())  # fmt: skip
    assert "California Privacy Protection Agency" in text
    copy_preset(
        demo,
        "ccpa",
        "ccpa-edited",
        now=now,
        changes={"escalation": [{"authority": "the Test Ombudsman", "citation": "Test Act s.1",
                                 "text": "You may write to the Test Ombudsman (test)."}]},
    )  # fmt: skip
    reference = _case(demo, "ccpa-edited", date(2026, 9, 1))
    text = " ".join(_pdf_text(letter_drafts.preview_letter(demo, reference, "closure", now=now,
                                                    overrides=FILLED)).split())  # fmt: skip
    assert "Test Ombudsman" in text and "California Privacy" not in text
