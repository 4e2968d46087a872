"""Letters in the requester's language: the template set of each language, and its wording.

English is the shipped set in ``resources/templates`` (and the officer's edited copies);
Hindi is ``resources/templates/hi``, one body per English template with the same fields,
required content and next step (the law does not change with the language), so the
required-content checks of the case's policy work the same. A Hindi template's version is
``hi-shipped-N``: an issued letter's language is read back from the version it records.

The sentences the letter code fills in (what was asked, the escalation route in force, what
waiting does to the clock, the default refusal reasons) and the PDF frame's labels come from
the language's glossary (``resources/glossary/<language>.toml``); citations stay verbatim.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from grievance_desk.domain.case_types import CaseKind, RefusalGround
from grievance_desk.domain.languages import ENGLISH, language_name
from grievance_desk.domain.policy import EscalationRoute, PauseEffect, PauseReason, Policy
from grievance_desk.messages import _
from grievance_desk.services.case_deadlines import CaseDeadlineError, policy_for_case
from grievance_desk.services.glossary import phrase, route_text, terms
from grievance_desk.services.letter_templates import (
    LetterTemplate,
    LetterTemplateError,
    RequiredItem,
    get_template,
    language_catalogue,
    language_templates,
)
from grievance_desk.storage.tables import Case

#: Languages with a complete shipped template set besides English.
TEMPLATE_LANGUAGES = ("hi",)


class TemplateNotInLanguage(LetterTemplateError):
    """No template of this kind ships in the case's reply language; English is offered."""

    def __init__(self, template_id: str, language: str) -> None:
        super().__init__(
            _(
                "There is no {language_name} template for {template_id}. Use the English "
                "template, or change the case's reply language."
            ).format(language_name=language_name(language), template_id=repr(template_id))
        )
        self.template_id = template_id
        self.language = language


def has_template(template_id: str, language: str) -> bool:
    """Whether ``template_id`` ships in ``language`` (the picker says when it does not)."""
    return any(t.id == template_id for t in language_templates(language))


def template_in(session: Session, template_id: str, language: str) -> LetterTemplate:
    """The template to draft with in ``language``: the version in use there (the officer's
    current copy in that language, else the shipped one)."""
    if language != ENGLISH and not has_template(template_id, language):
        get_template(session, template_id)  # an unknown id says so first
        raise TemplateNotInLanguage(template_id, language)
    return get_template(session, template_id, language=language)


def letter_language(template_version: str) -> str:
    """The language a letter was drafted in, from the template version it records.

    "acknowledgement@hi-shipped-1" and "hi-shipped-1" are Hindi; "shipped-2" and
    "custom-3" (with or without the id) are English.
    """
    version = template_version.rsplit("@", 1)[-1]
    head = version.split("-", 1)[0]
    return head if head in TEMPLATE_LANGUAGES else ENGLISH


# --------------------------------------------------------------------------- wording


def worded_items(
    items: Sequence[RequiredItem], template_id: str, language: str
) -> tuple[RequiredItem, ...]:
    """Required content worded in ``language``, citations and fields unchanged.

    A template's own item takes the label the language's catalogue gives its id for that
    template; an item of the case's law takes the one given for its id and English wording
    (``law_requirements``), so a reworded English item never shows a stale translation.
    Anything without a translation stays in English.
    """
    catalogue = language_catalogue(language)
    if not catalogue:
        return tuple(items)
    own: Mapping[str, str] = next(
        (
            e.get("required_content", {})
            for e in catalogue.get("templates", [])
            if e.get("id") == template_id
        ),
        {},
    )
    english_own = {
        i.id: i.label
        for t in language_templates(ENGLISH)
        if t.id == template_id
        for i in t.required_content
    }
    law = {
        (str(e["id"]), str(e["en"])): str(e[language])
        for e in catalogue.get("law_requirements", [])
    }

    def label(item: RequiredItem) -> str:
        if (item.id, item.label) in law:
            return law[(item.id, item.label)]
        if english_own.get(item.id) == item.label and item.id in own:
            return str(own[item.id])
        return item.label

    return tuple(replace(i, label=label(i)) for i in items)


def route_texts(route: EscalationRoute) -> tuple[str, ...]:
    """A route's text in every language, so a stale route is caught whatever the letter's."""
    texts = [route.text]
    for language in TEMPLATE_LANGUAGES:
        localised = route_text(route.citation, language)
        if localised:
            texts.append(localised)
    return tuple(texts)


def extension_reason_markers() -> tuple[str, ...]:
    """How each language's extension notice introduces its reasons (the record keeps them)."""
    return (
        "for the following reasons:",
        *(phrase("phrases", "extension_reasons_marker", lang) for lang in TEMPLATE_LANGUAGES),
    )


def _wait(policy: Policy | None, reason: PauseReason, request_type: str, language: str) -> str:
    if policy is None:
        return phrase("phrases", "wait_runs", language)
    rule = policy.pause_rule(reason, request_type)
    key = {
        PauseEffect.STOPS: "wait_stops",
        PauseEffect.STARTS_ON_RECEIPT: "wait_starts_on_receipt",
        PauseEffect.RUNS: "wait_runs",
    }[rule.effect]
    return phrase("phrases", key, language, citation=rule.citation.split(":")[0])


def _reasons(case: Case, policy: Policy | None, language: str) -> str:
    reasons: list[str] = []
    for ground in (str(g) for g in case.refusal_grounds):
        if ground == RefusalGround.MANIFESTLY_UNFOUNDED.value:
            if policy is not None and policy.unfounded_or_excessive:
                law = f" ({policy.unfounded_or_excessive})"
                reasons.append(phrase("refusal_reasons", ground, language, law=law))
            continue  # the law has no such ground: never printed (refused when drafting)
        if ground in ("legal_privilege", "legal_duty_to_retain", "identity_not_verified"):
            reasons.append(phrase("refusal_reasons", ground, language))
    return "\n".join(f"- {r}" for r in reasons) if len(reasons) > 1 else "".join(reasons)


def localise_context(
    session: Session,
    case: Case,
    context: dict[str, dict[str, Any]],
    language: str,
    *,
    overrides: Mapping[str, str] | None = None,
    contact_parts: tuple[str, ...] = (),
) -> dict[str, dict[str, Any]]:
    """The letter fields the code words itself, in ``language``; what the officer typed stays.

    English is returned as it is. ``contact_parts`` are the officer's e-mail and phone, joined
    with the language's "or".
    """
    if language == ENGLISH:
        return context
    typed = set(overrides or {})
    try:
        policy: Policy | None = policy_for_case(session, case)
    except CaseDeadlineError:
        policy = None
    request_type = str(case.request_type)
    complaint = str(case.kind) == CaseKind.COMPLAINT.value
    values: dict[str, Any] = {
        "case.noun": phrase("phrases", "noun_complaint" if complaint else "noun_request", language),
        "case.what": phrase("what", "complaint" if complaint else request_type, language),
        "case.channel": phrase("channels", str(case.channel), language),
        "officer.contact": phrase("phrases", "contact_joiner", language).join(
            p for p in contact_parts if p.strip()
        ),
        "clock.identity_wait": _wait(policy, PauseReason.IDENTITY, request_type, language),
        "clock.clarification_wait": _wait(
            policy, PauseReason.CLARIFICATION, request_type, language
        ),
        "clock.fee_wait": _wait(policy, PauseReason.FEE, request_type, language),
        "letter.reasons": _reasons(case, policy, language),
        "letter.refused_action": phrase(
            "refused_action",
            request_type
            if request_type in ("access", "correction", "completion", "erasure", "objection")
            else "default",
            language,
        ),
    }
    routes = () if policy is None else policy.routes_on(context["letter"]["date"])
    values["escalation.route"] = (
        " ".join(route_text(r.citation, language) or r.text for r in routes)
        if routes
        else phrase("phrases", "no_route", language)
    )
    categories = context["case"].get("data_categories") or []
    values["letter.data_summary"] = (
        phrase("phrases", "data_summary", language) + "\n" + "\n".join(f"- {c}" for c in categories)
        if categories
        else ""
    )
    for path, value in values.items():
        namespace, key = path.split(".", 1)
        if path not in typed:
            context[namespace][key] = value
    return context


def frame_labels(language: str) -> dict[str, str]:
    """The PDF frame's words ("Our reference", "Page x of y" …) for a letter in ``language``."""
    if language == ENGLISH:
        return {}
    return {
        key: phrase(
            "phrases", key, language, page="{page}", total="{total}", reference="{reference}"
        )
        for key in (
            "reference_label",
            "date_label",
            "subject_label",
            "footer_note",
            "page",
            "continued",
        )
    }


def officer_title(title: str, language: str) -> str:
    """The officer's title as a letter in ``language`` prints it: a title that is a glossary
    term ("Grievance Officer") in the glossary's wording, any other title as typed."""
    if language == ENGLISH:
        return title
    for entry in terms(language).values():
        if entry.en.casefold() == title.strip().casefold():
            return entry.text
    return title


def contact_line(kind: str, value: str, language: str) -> str:
    """ "E-mail: …", "Telephone: …", "Address: …", "By e-mail: …" in the letter's language."""
    english = {
        "email": "E-mail: {value}",
        "telephone": "Telephone: {value}",
        "address": "Address: {value}",
        "by_email": "By e-mail: {email}",
    }
    if language == ENGLISH:
        return english[kind].format(value=value, email=value)
    return phrase("phrases", kind, language, value=value, email=value)
