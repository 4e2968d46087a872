"""Every Hindi template under every shipped policy, read back from the real PDF (issue 17).

A fictitious Hindi requester ("अनिता शर्मा") and Hindi letter fields; the PDF is read back
with pypdf and with poppler's ``pdftotext``: the name, the glossary terms the template uses,
the Hindi date, the route in force (in Hindi, citation verbatim) and every item the case's
law requires must extract exactly as typed.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from grievance_desk.domain.case_record import Requester
from grievance_desk.domain.case_types import CaseKind, RequestType
from grievance_desk.domain.locale_format import letter_date
from grievance_desk.domain.policy import Policy
from grievance_desk.domain.policy_presets import PRESETS, policy_ids, policy_in_force
from grievance_desk.services import letter_drafts
from grievance_desk.services.cases import register_case
from grievance_desk.services.glossary import route_text, term
from grievance_desk.services.letter_languages import language_templates
from grievance_desk.services.letter_templates import EmptyFields
from grievance_desk.storage.register import Register
from tests.support.drafts import make_draft

NAME = "अनिता शर्मा"

FILLED = {
    "letter.identity_documents": "- किसी एक फ़ोटो पहचान पत्र की प्रति (परीक्षण)",
    "letter.clarification_needed": "- आपका संदेश किस खाते से संबंधित है (परीक्षण)",
    "letter.extension_reasons": "पुराने अभिलेखों की खोज करनी है (परीक्षण)।",
    "letter.processing_activities": "परीक्षण खाते के लिए बिलिंग और सहायता।",
    "letter.recipients": "काल्पनिक पेमेंट्स लिमिटेड: बिलिंग विवरण (परीक्षण)।",
    "letter.corrections_made": "बिलिंग पता अब 1 डेमो स्ट्रीट है (परीक्षण)।",
    "letter.data_erased": "पंजीकरण विवरण और सहायता टिकट (परीक्षण)।",
    "letter.data_summary": "पंजीकरण और बिलिंग विवरण (परीक्षण)।",
    "letter.data_retained": "चालान, कर विधि के अधीन आठ वर्ष तक (परीक्षण)।",
    "letter.objection_outcome": "आपके खाते पर विश्लेषण बंद कर दिया गया है (परीक्षण)।",
    "letter.consent_purposes": "- उत्पाद संबंधी ई-मेल (परीक्षण)",
    "letter.nominee_name": "सुनीता वर्मा",
    "letter.resolution": "दमन सूची में विलंब ठीक कर दिया गया (परीक्षण)।",
    "letter.reasons": "जानकारी विधिक विशेषाधिकार के अधीन है (परीक्षण)।",
    "letter.closure_summary": "हमने उत्तर भेजा और आगे कुछ नहीं सुना (परीक्षण)।",
    "letter.retention_period": "खाता बंद होने के छह वर्ष बाद तक (परीक्षण)।",
    "letter.data_source": "पंजीकरण के समय आपने दिया (परीक्षण)।",
    "letter.automated_decisions": "हम कोई स्वचालित निर्णय नहीं लेते (परीक्षण)।",
    "letter.transfer_safeguards": "मानक संविदात्मक खंड (परीक्षण)।",
    "letter.how_provided": "प्रति PDF के रूप में संलग्न है (परीक्षण)।",
    "letter.retention_law": "काल्पनिक अभिलेख अधिनियम की धारा 1: आठ वर्ष (परीक्षण)।",
    "letter.ccpa_statement": "आप 250 शब्दों तक का कथन जोड़ सकते हैं (परीक्षण)।",
}
_COMPLAINT_POLICIES = {"spdi-2011", "it-rules-2021", "it-rules-2021-content",
                       "it-rules-2021-ncii", "uk-complaints"}  # fmt: skip
_TERM = re.compile(r"\{\{\s*'(\w+)'\s*\|\s*term\s*\}\}")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pypdf(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _pdftotext(pdf: bytes, folder: Path) -> str:
    path = folder / "letter.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    assert result.stderr == ""
    return result.stdout


def _received_for(policy_id: str) -> date:
    latest = max(
        (p for p in PRESETS if p.id == policy_id), key=lambda p: p.in_force_from or date.min
    )
    return max(latest.in_force_from or date(2026, 9, 1), date(2026, 9, 1))


def _case(register: Register, policy_id: str, received: date) -> str:
    kind = CaseKind.COMPLAINT if policy_id in _COMPLAINT_POLICIES else CaseKind.RIGHTS_REQUEST
    draft = make_draft(
        requester=Requester(
            name=NAME,
            email="anita@example.org",
            postal_address="1 डेमो मार्ग, नमूना नगर, टेस्टपुर 000000",
        ),
        kind=kind,
        request_type=RequestType.ACCESS,
        received_at=datetime.combine(received, datetime.min.time(), tzinfo=UTC)
        + timedelta(hours=5),
        policy_id=policy_id,
    )
    return register_case(register, draft, now=draft.received_at + timedelta(hours=1))


def test_hindi_ships_all_thirteen_templates() -> None:
    english = {t.id for t in language_templates("en")}
    hindi = {t.id for t in language_templates("hi")}
    assert len(english) == 13
    assert hindi == english


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("policy_id", policy_ids())
def test_every_hindi_template_under_the_policy_extracts_as_typed(
    demo: Register, policy_id: str, tmp_path: Path
) -> None:
    received = _received_for(policy_id)
    policy: Policy = policy_in_force(policy_id, received)
    reference = _case(demo, policy_id, received)
    on = received + timedelta(days=1)
    now = datetime.combine(on, datetime.min.time(), tzinfo=UTC) + timedelta(hours=6)
    for template in language_templates("hi"):
        where = f"{policy.label} / {template.id}"
        if template.id == "extension_notice" and not policy.extension.allowed:
            with pytest.raises(EmptyFields, match="extended_respond_by"):
                letter_drafts.preview_letter(
                    demo, reference, template.id, now=now, overrides=FILLED, language="hi"
                )
            continue
        pdf = letter_drafts.preview_letter(
            demo, reference, template.id, now=now, overrides=FILLED, language="hi"
        )
        source = template.subject + template.body
        terms = {term(key, "hi") for key in _TERM.findall(source)}
        for extractor, text in (
            ("pypdf", _pypdf(pdf)),
            ("pdftotext", _pdftotext(pdf, tmp_path)),
        ):
            lines = [" ".join(line.split()) for line in text.splitlines()]
            squashed = _squash(text)
            assert f"प्रिय {NAME}," in lines, (where, extractor)
            assert NAME in lines, (where, extractor)  # the addressee
            assert _squash(letter_date(on, "hi")) in squashed, (where, extractor)
            for word in terms:
                assert _squash(word) in squashed, (where, extractor, word)
            if "{{ escalation.route }}" in template.body:
                for route in policy.escalation:
                    hindi = route_text(route.citation, "hi")
                    assert hindi is not None, route.citation
                    assert (_squash(hindi) in squashed) == route.in_force_on(on), where
            for item in policy.requirements_for(template.id, ()):
                for field in item.fields:
                    assert _squash(FILLED[field]) in squashed, (where, extractor, item.citation)
            assert "Yours sincerely" not in text and "Dear " not in text, where


def test_the_required_content_checks_hold_every_hindi_template_to_the_same_law() -> None:
    from dataclasses import replace

    from grievance_desk.services.letter_templates import RequiredItem, check_template

    for policy in PRESETS:
        for template in language_templates("hi"):
            extra = [
                RequiredItem(r.id, r.label, r.citation, r.fields)
                for r in policy.requirements_for(template.id, ("legal_duty_to_retain",))
            ]
            assert check_template(template, extra) == [], (policy.label, template.id)
    refusal = next(t for t in language_templates("hi") if t.id == "refusal")
    cut = replace(refusal, body=refusal.body.replace("{{ letter.reasons }}", ""))
    problems = check_template(cut)
    assert [p.kind for p in problems] == ["missing_content"]
    assert "letter.reasons" in problems[0].message


def test_a_hindi_letter_prints_the_page_frame_in_hindi(demo: Register) -> None:
    """The shared page frame (documents/page_frame.py) gets the letter's own words: the
    footer, "पृष्ठ 1 / 1" and the reference label, not the English ones."""
    received = _received_for("dpdp-2025")
    reference = _case(demo, "dpdp-2025", received)
    now = datetime.combine(received, datetime.min.time(), tzinfo=UTC) + timedelta(days=1)
    pdf = letter_drafts.preview_letter(
        demo, reference, "acknowledgement", now=now, overrides=FILLED, language="hi"
    )
    text = " ".join(_pypdf(pdf).split())
    assert "गोपनीय" in text and "पृष्ठ 1 / 1" in text and "हमारा संदर्भ" in text
    assert "Page 1 of" not in text and "Confidential" not in text and "Our reference" not in text
