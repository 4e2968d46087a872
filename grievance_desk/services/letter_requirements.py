"""What a letter must say under the case's law, and what the officer types for it.

The template's required items merged with the policy's (each with its citation), the
checklist the letters tab ticks off while drafting, and the ``letter.*`` fields to ask for.
Both work the same in every letter language (issue 17): a language changes the words, not
the law's required content.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from grievance_desk.domain.case_types import RefusalGround
from grievance_desk.messages import _, active_language
from grievance_desk.services.case_deadlines import CaseDeadlineError, policy_for_case
from grievance_desk.services.cases import find_case
from grievance_desk.services.letter_context import build_context
from grievance_desk.services.letter_languages import letter_language, template_in, worded_items
from grievance_desk.services.letter_records import LetterError
from grievance_desk.services.letter_templates import (
    EDITABLE_FIELDS,
    FIELDS,
    LetterTemplate,
    RequiredItem,
    field_meaning,
)
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Case


@dataclass(frozen=True)
class LetterInput:
    """A field the officer types for this letter (``letter.*``), with its current value."""

    name: str
    meaning: str
    required: bool
    value: str


def letter_inputs(
    register: Register,
    reference: str,
    template_id: str,
    *,
    now: datetime,
    overrides: Mapping[str, str] | None = None,
    language: str = "en",
) -> list[LetterInput]:
    """The fields the officer types for this letter (in ``language``), with defaults, so a
    form can ask first."""
    with register.reading() as session:
        template = template_in(session, template_id, language)
        context = build_context(session, reference, now=now, overrides=overrides, language=language)
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
            meaning=field_meaning(f),
            required=f in required,
            value=str(context["letter"].get(f.split(".", 1)[1], "") or ""),
        )
        for f in names
    ]


def law_requirements(
    session: Session, case: Case, template: LetterTemplate
) -> tuple[RequiredItem, ...]:
    """What the case's law adds to this template's required content (with citations), worded
    in the template's language."""
    try:
        policy = policy_for_case(session, case)
    except CaseDeadlineError:
        return ()
    grounds = tuple(str(g) for g in case.refusal_grounds)
    items = tuple(
        RequiredItem(r.id, r.label, r.citation, r.fields)
        for r in policy.requirements_for(template.id, grounds, str(case.request_type))
    )
    return worded_items(items, template.id, letter_language(template.version))


def required_items(
    session: Session, case: Case, template: LetterTemplate
) -> tuple[RequiredItem, ...]:
    """The template's items, each replaced by the law's own wording where the policy has one
    of the same id (DPDP s.11(1)(b): the *identities* of recipients), then the law's extras."""
    law = {i.id: i for i in law_requirements(session, case, template)}
    merged = [law.pop(i.id, i) for i in template.required_content]
    return (*merged, *law.values())


def check_grounds(session: Session, case: Case, template: LetterTemplate) -> None:
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
            _(
                "{reference} relies on 'manifestly unfounded or excessive', a ground {label} "
                "does not have ({legal_source}). Remove that refusal ground from the case and "
                "give the specific reasons the law allows."
            ).format(reference=case.reference, label=policy.label, legal_source=policy.legal_source)
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
    ``language`` is the letter's (issue 17): the items are the same in every language, worded
    in the letter's language, or for an English letter in the officer's (citations as they are).
    """
    with register.reading() as session:
        template = template_in(session, template_id, language)
        context = build_context(session, reference, now=now, overrides=overrides, language=language)
        case, _person = find_case(session, reference)
        items = required_items(session, case, template)
    if language == "en":
        items = worded_items(items, template_id, active_language())
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
