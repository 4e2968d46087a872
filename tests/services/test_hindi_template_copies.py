"""The officer's Hindi template copies, and required content worded in Hindi (issue 17).

The template editor and the law's required-content checks work the same for every language:
a Hindi copy is saved as its own version ("hi-custom-1") under its own key, the next Hindi
letter uses it and records that version, the English copy is untouched, and going back to
the shipped Hindi template works as in English. A Hindi copy that drops what the law requires
is refused when drafting, naming the item in Hindi with its citation as it is. Every required
item of every template and every shipped policy has Hindi wording.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col, select

from grievance_desk import messages
from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.domain.case_record import Requester
from grievance_desk.domain.case_types import RequestType
from grievance_desk.domain.policy_presets import PRESETS
from grievance_desk.services.cases import register_case
from grievance_desk.services.letter_drafts import draft_letter
from grievance_desk.services.letter_languages import letter_language, worded_items
from grievance_desk.services.letter_records import list_letters
from grievance_desk.services.letter_requirements import letter_checklist
from grievance_desk.services.letter_templates import (
    MissingRequiredContent,
    RequiredItem,
    get_template,
    language_templates,
    list_templates,
    save_template_copy,
    template_history,
    template_versions,
    use_shipped_template,
)
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_registry import custom_template
from grievance_desk.storage.tables import AuditEvent
from tests.support.drafts import make_draft

NAME = "अनिता शर्मा"
RECEIVED = datetime(2027, 6, 1, 5, tzinfo=UTC)  # the DPDP Act's rights in force
NOW = RECEIVED + timedelta(days=1)
ADDED = "यह वाक्य अधिकारी की अपनी प्रति से है (परीक्षण)।"
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
ACCESS_FIELDS = {
    "letter.data_summary": "पंजीकरण और बिलिंग विवरण (परीक्षण)।",
    "letter.processing_activities": "बिलिंग और सहायता (परीक्षण)।",
    "letter.recipients": "काल्पनिक पेमेंट्स लिमिटेड: बिलिंग विवरण (परीक्षण)।",
}


@pytest.fixture
def hindi_messages() -> Iterator[None]:
    """What the services say in Hindi, as in the Hindi window; English again afterwards."""
    messages.use_language("hi")
    yield
    messages.use_language("en")


def _case(register: Register) -> str:
    draft = make_draft(
        requester=Requester(name=NAME, email="anita@example.org"),
        request_type=RequestType.ACCESS,
        received_at=RECEIVED,
        policy_id="dpdp-2025",
    )
    return register_case(register, draft, now=RECEIVED + timedelta(hours=1))


def _template_events(register: Register) -> list[tuple[str, dict[str, object]]]:
    with register.reading() as session:
        rows = session.scalars(
            select(AuditEvent)
            .where(col(AuditEvent.action).like("template.%"))
            .order_by(col(AuditEvent.id))
        ).all()
        return [(row.action, json.loads(row.payload or "{}")) for row in rows]


def test_a_hindi_copy_is_used_by_the_next_hindi_letter_and_the_english_copy_stays(
    demo: Register,
) -> None:
    reference = _case(demo)
    english = next(t for t in language_templates("en") if t.id == "acknowledgement")
    hindi = next(t for t in language_templates("hi") if t.id == "acknowledgement")
    save_template_copy(
        demo,
        "acknowledgement",
        now=NOW,
        subject=english.subject,
        salutation=english.salutation,
        body=english.body + "\n\nWith thanks (test).",
        closing=english.closing,
    )
    saved = save_template_copy(
        demo,
        "acknowledgement",
        now=NOW,
        subject=hindi.subject,
        salutation=hindi.salutation,
        body=hindi.body + "\n\n" + ADDED,
        closing=hindi.closing,
        title="पावती (मेरी प्रति)",
        language="hi",
    )
    assert saved.version_id == "acknowledgement@hi-custom-1"
    assert saved.title == "पावती (मेरी प्रति)" and not saved.shipped
    assert [i.label for i in saved.required_content] == [i.label for i in hindi.required_content], (
        "a copy keeps the Hindi wording of what the law requires"
    )

    letter = draft_letter(demo, reference, "acknowledgement", now=NOW, language="hi")
    assert letter.template_version == "acknowledgement@hi-custom-1"
    assert letter_language(letter.template_version) == "hi"
    assert ADDED in letter.body and "With thanks" not in letter.body

    with demo.reading() as session:
        in_english = get_template(session, "acknowledgement")
        assert in_english.version == "custom-1" and in_english.body.endswith("With thanks (test).")
        assert {t.id: t.version for t in list_templates(session)}["acknowledgement"] == "custom-1"
        in_hindi = {t.id: t.version for t in list_templates(session, "hi")}
        assert in_hindi["acknowledgement"] == "hi-custom-1"
        assert in_hindi["refusal"] == "hi-shipped-1"
        assert [t.version for t in template_versions(session, "acknowledgement", "hi")] == [
            "hi-shipped-1",
            "hi-custom-1",
        ]
        # English copies stay under the key they always had; Hindi ones have their own.
        assert custom_template("acknowledgement").key == "templates.custom.acknowledgement"
        assert custom_template("acknowledgement", "hi").read(session)["current"] == 1

    english_letter = draft_letter(demo, reference, "acknowledgement", now=NOW)
    assert english_letter.template_version == "acknowledgement@custom-1"
    titles = {d.letter_id: d.template_title for d in list_letters(demo, reference)}
    assert titles[letter.letter_id] == "पावती (मेरी प्रति)", "a Hindi letter's title is Hindi"
    assert titles[english_letter.letter_id] == "Acknowledgement"

    use_shipped_template(demo, "acknowledgement", now=NOW, language="hi")
    current, versions = template_history(demo, "acknowledgement", "hi")
    assert current == hindi and [v.version for v in versions] == ["hi-shipped-1", "hi-custom-1"]
    again = draft_letter(demo, reference, "acknowledgement", now=NOW, language="hi")
    assert again.template_version == "acknowledgement@hi-shipped-1" and ADDED not in again.body
    with demo.reading() as session:
        assert get_template(session, "acknowledgement").version == "custom-1"

    events = _template_events(demo)
    assert [(action, payload["language"], payload["version"]) for action, payload in events] == [
        (AuditAction.TEMPLATE_SAVED.value, "en", "custom-1"),
        (AuditAction.TEMPLATE_SAVED.value, "hi", "hi-custom-1"),
        (AuditAction.TEMPLATE_REVERTED.value, "hi", "hi-shipped-1"),
    ]


def test_a_hindi_copy_that_drops_required_content_is_refused_in_hindi(
    demo: Register, hindi_messages: None
) -> None:
    reference = _case(demo)
    hindi = next(t for t in language_templates("hi") if t.id == "access_response")
    body = hindi.body.replace("{{ letter.recipients }}", "")
    assert body != hindi.body
    saved = save_template_copy(
        demo,
        "access_response",
        now=NOW,
        subject=hindi.subject,
        salutation=hindi.salutation,
        body=body,
        closing=hindi.closing,
        language="hi",
    )
    assert saved.version == "hi-custom-1", "saved, so the officer's work is not lost"
    with pytest.raises(MissingRequiredContent) as refused:
        draft_letter(
            demo, reference, "access_response", now=NOW, overrides=ACCESS_FIELDS, language="hi"
        )
    message = str(refused.value)
    # The item in Hindi, with its citation exactly as given.
    assert "डेटा न्यासी और डेटा प्रसंस्करणकर्ता" in message, message
    assert "DPDP Act 2023 s.11(1)(b)" in message and "{{ letter.recipients }}" in message
    assert "fiduciaries and processors" not in message
    assert {i.id for i in refused.value.items} == {"recipients"}


def test_the_checklist_is_worded_in_the_letters_language_or_the_officers(
    demo: Register,
) -> None:
    reference = _case(demo)
    in_english = letter_checklist(demo, reference, "access_response", now=NOW)
    in_hindi = letter_checklist(demo, reference, "access_response", now=NOW, language="hi")
    assert [(i.id, i.citation, i.fields) for i in in_hindi] == [
        (i.id, i.citation, i.fields) for i in in_english
    ], "the same law in every language"
    assert all(DEVANAGARI.search(i.label) for i in in_hindi), [i.label for i in in_hindi]
    assert not any(DEVANAGARI.search(i.label) for i in in_english)
    messages.use_language("hi")  # the Hindi window: an English letter's checklist in Hindi
    try:
        shown = letter_checklist(demo, reference, "access_response", now=NOW)
    finally:
        messages.use_language("en")
    assert [i.label for i in shown] == [i.label for i in in_hindi]


def test_every_required_item_of_every_template_and_policy_has_hindi_wording() -> None:
    english = {t.id: t for t in language_templates("en")}
    for template in language_templates("hi"):
        base = english[template.id]
        assert [(i.id, i.law, i.fields) for i in template.required_content] == [
            (i.id, i.law, i.fields) for i in base.required_content
        ], template.id
        for item, source in zip(template.required_content, base.required_content, strict=True):
            assert DEVANAGARI.search(item.label), (template.id, item.id, item.label)
            assert worded_items([source], template.id, "hi")[0].label == item.label
    for policy in PRESETS:
        for requirement in policy.letter_requirements:
            templates = english if requirement.template == "*" else [requirement.template]
            for template_id in templates:
                item = RequiredItem(
                    requirement.id, requirement.label, requirement.citation, requirement.fields
                )
                (worded,) = worded_items([item], template_id, "hi")
                assert DEVANAGARI.search(worded.label), (policy.label, requirement.id)
                assert (worded.law, worded.fields) == (item.law, item.fields)


def test_an_item_reworded_in_english_is_not_shown_with_a_stale_translation() -> None:
    item = RequiredItem(
        "recipients", "Whoever received the data (reworded)", "DPDP Act 2023 s.11(1)(b)", ()
    )
    assert worded_items([item], "access_response", "hi")[0].label == item.label
