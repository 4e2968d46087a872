"""Letter templates: the shipped ones, the officer's edited copies, and rendering them safely.

Shipped templates live in ``resources/templates`` (``catalogue.json`` plus one ``.md.j2`` body
each; another language's set in ``resources/templates/<language>``) and never change; the
officer edits copies, kept inside the register as settings (``templates.custom.<id>`` for
English, ``templates.custom.<language>.<id>`` otherwise) with every version, so each issued
letter can name the exact template version that made it ("custom-2", "hi-custom-1").
Rendering uses Jinja2's sandbox with StrictUndefined, and everything is checked before any PDF
is made: syntax (with the line), unknown fields (named, with the fields available), attempts to
reach Python internals, content the law requires (DPDP Rules r.9 contact details, refusal
reasons, the escalation route …) and required fields left empty.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache
from typing import Any, Literal
from zoneinfo import ZoneInfo

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from sqlalchemy.orm import Session

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.domain.locale_format import indian_number, letter_date
from grievance_desk.messages import N_, _, ngettext
from grievance_desk.resources_path import resource_path
from grievance_desk.services.glossary import term as glossary_term
from grievance_desk.storage.audit import append_event, digest
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_registry import (
    CUSTOM_TEMPLATE_PREFIX,
    LETTERS_DATE_FORMAT,
    custom_template,
)
from grievance_desk.storage.settings_store import all_settings

CUSTOM_PREFIX = CUSTOM_TEMPLATE_PREFIX
DATE_FORMAT_KEY = LETTERS_DATE_FORMAT.key
DEFAULT_DATE_FORMAT = LETTERS_DATE_FORMAT.default
PARTS = ("subject", "salutation", "body", "closing")

#: Every field a template may use, with what it holds. ``letter.*`` fields are typed by the
#: officer for one letter (the rest come from the case, requester, deadlines and settings).
FIELDS: dict[str, str] = {
    "case.reference": N_("the case reference, e.g. GRV-2026-00042"),
    "case.request_type": N_("the kind of request, e.g. Access, Erasure"),
    "case.kind": N_("Complaint or Rights request"),
    "case.channel": N_("how the case arrived, e.g. E-mail"),
    "case.received_on": N_("the date the case was received (use | date)"),
    "case.status": N_("the case's current status"),
    "case.description": N_("the officer's description of the request"),
    "case.data_categories": N_("the categories of data concerned, as a list"),
    "case.refusal_grounds": N_("the refusal grounds recorded on the case, as a list"),
    "case.outcome": N_("the outcome recorded on the case, if any"),
    "case.representative": N_("who acts for the requester (guardian, nominee …), if anyone"),
    "case.representative_name": N_("the representative's name, if any"),
    "requester.name": N_("the requester's name"),
    "requester.email": N_("the requester's e-mail address"),
    "requester.phone": N_("the requester's phone number"),
    "requester.postal_address": N_("the requester's postal address"),
    "requester.organisation": N_("the requester's organisation or account"),
    "requester.relationship": N_("the requester's relationship to the organisation"),
    "deadlines.acknowledge_by": N_("the acknowledgement due date (use | date)"),
    "deadlines.respond_by": N_("the original response due date (use | date)"),
    "deadlines.extension_notice_by": N_(
        "the last date to give notice of an extension (use | date)"
    ),
    "deadlines.extended_respond_by": N_("the response date after an extension (use | date)"),
    "deadlines.final_respond_by": N_("the response date in force now (use | date)"),
    "deadlines.policy": N_("the deadline policy applied, e.g. dpdp-2025"),
    "deadlines.legal_source": N_("the law the policy comes from"),
    "organisation.name": N_("the organisation's name"),
    "organisation.address": N_("the organisation's address"),
    "organisation.website": N_("the organisation's website"),
    "officer.name": N_("the grievance officer's name"),
    "officer.title": N_("the officer's title, e.g. Grievance Officer"),
    "officer.email": N_("the officer's e-mail address"),
    "officer.phone": N_("the officer's phone number"),
    "officer.address": N_("the officer's postal address"),
    "officer.contact": N_("the officer's e-mail and phone, joined for a sentence"),
    "officer.email_or_address": N_("where to send documents: the e-mail, else the address"),
    "case.noun": N_("'complaint' for a complaint, else 'request' (a complaint is never a request)"),
    "case.what": N_("'complaint', or the request type and 'request', e.g. 'access request'"),
    "escalation.authority": N_("who the requester can escalate to under the case's policy"),
    "escalation.law": N_("the provision giving that route"),
    "escalation.citation": N_("the citations of the routes in force on the letter's date"),
    "escalation.route": N_("the routes in force on the letter's date, as the policy words them"),
    "clock.identity_wait": N_("what waiting for identity proof does to the clock, per the policy"),
    "clock.clarification_wait": N_("what waiting for a clarification does to the clock"),
    "clock.fee_wait": N_("what waiting for a fee does to the clock"),
    "letter.date": N_("the date of the letter (use | date)"),
    "letter.identity_documents": N_("the documents or details needed to verify identity"),
    "letter.clarification_needed": N_("what the requester must clarify"),
    "letter.extension_reasons": N_("why more time is needed"),
    "letter.data_summary": N_("a summary of the personal data held"),
    "letter.processing_activities": N_("the processing carried out on that data"),
    "letter.recipients": N_("who the data was shared with, and what was shared"),
    "letter.how_provided": N_("how a copy of the data is provided (optional)"),
    "letter.corrections_made": N_("what was corrected, completed or updated"),
    "letter.recipients_informed": N_("recipients told of a correction (optional)"),
    "letter.data_erased": N_("what was erased"),
    "letter.data_retained": N_(
        "data kept because a law requires it, with the law and period "
        "(leave empty if nothing was kept)"
    ),
    "letter.retention_period": N_(
        "how long the data will be kept, or the criteria (GDPR 15(1)(d))"
    ),
    "letter.data_source": N_("where the data came from, if not from the requester"),
    "letter.automated_decisions": N_(
        "automated decision-making, its logic and consequences, or none"
    ),
    "letter.transfer_safeguards": N_("safeguards for transfers abroad, or that there are none"),
    "letter.retention_law": N_("the law that requires keeping the data, and for how long"),
    "letter.ccpa_statement": N_(
        "CCPA denial: what is kept and its only use, or the right to add a statement"
    ),
    "letter.objection_outcome": N_("the decision on an objection or restriction"),
    "letter.consent_purposes": N_("the purposes for which consent is withdrawn"),
    "letter.continued_processing": N_("processing that continues lawfully without consent"),
    "letter.nominee_name": N_("the person nominated"),
    "letter.resolution": N_("the findings and action taken on a grievance"),
    "letter.refused_action": N_("what is refused, e.g. 'erase the data you asked us to erase'"),
    "letter.reasons": N_("the reasons for a refusal or decision"),
    "letter.closure_summary": N_("why the case is closed and what was done"),
}
NAMESPACES = frozenset(path.split(".", 1)[0] for path in FIELDS)
#: Fields the officer may set for one letter (``overrides``); the others come from the register.
EDITABLE_FIELDS = frozenset(
    path
    for path in FIELDS
    if (path.startswith("letter.") and path != "letter.date")
    or (path.startswith("escalation.") and path != "escalation.citation")
)

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip


class LetterTemplateError(ValueError):
    """A template or its fields cannot make a letter; the message names the problem and fix."""


class UnknownTemplate(LetterTemplateError):
    pass


class TemplateSyntaxProblem(LetterTemplateError):
    def __init__(self, message: str, part: str, line: int | None) -> None:
        super().__init__(message)
        self.part = part
        self.line = line


class UnknownField(LetterTemplateError):
    def __init__(self, names: list[str], message: str) -> None:
        super().__init__(message)
        self.names = names


class UnsafeTemplate(LetterTemplateError):
    pass


class MissingRequiredContent(LetterTemplateError):
    def __init__(self, items: list[RequiredItem], message: str) -> None:
        super().__init__(message)
        self.items = items


class EmptyFields(LetterTemplateError):
    def __init__(self, names: list[str], message: str) -> None:
        super().__init__(message)
        self.names = names


@dataclass(frozen=True)
class RequiredItem:
    """Content the law needs in a letter of this kind, and the fields that carry it."""

    id: str
    label: str
    law: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class LetterTemplate:
    """One version of a template. ``version_id`` is what an issued letter records."""

    id: str
    title: str
    version: str
    request_types: tuple[str, ...]
    statuses: tuple[str, ...]
    subject: str
    salutation: str
    body: str
    closing: str
    fields: tuple[str, ...]
    required_content: tuple[RequiredItem, ...]
    next_step: str
    shipped: bool = True
    saved_at: str | None = None

    @property
    def version_id(self) -> str:
        return f"{self.id}@{self.version}"

    def suits(self, request_type: str, status: str) -> bool:
        """Whether the template fits a case, so the UI offers the right letters first."""
        types_ok = "*" in self.request_types or request_type in self.request_types
        return types_ok and status in self.statuses

    def part(self, name: str) -> str:
        return str(getattr(self, name))


@dataclass(frozen=True)
class TemplateProblem:
    """One finding of `check_template`, for the editor to mark (with a line where known)."""

    kind: Literal["syntax", "unknown_field", "unsafe", "missing_content"]
    message: str
    part: str = "body"
    line: int | None = None


@dataclass(frozen=True)
class RenderedText:
    """A template filled in: plain text in the letter markup, ready for the PDF."""

    subject: str
    salutation: str
    body: str
    closing: str
    template_id: str
    template_version: str
    fields_used: tuple[str, ...] = field(default=())


# --------------------------------------------------------------------------- dates


def format_date(
    value: date | datetime, fmt: str = DEFAULT_DATE_FORMAT, tz: ZoneInfo | None = None
) -> str:
    """ "25 November 2026" by default; English month names whatever the computer's locale.

    ``fmt`` is a strftime pattern; ``%-d`` is the day without a leading zero on every OS.
    A datetime is shown as its date in ``tz`` (the officer's zone) when given.
    """
    if isinstance(value, datetime):
        value = value.astimezone(tz).date() if tz is not None else value.date()
    text = (
        fmt.replace("%-d", str(value.day))
        .replace("%B", _MONTHS[value.month - 1])
        .replace("%b", _MONTHS[value.month - 1][:3])
    )
    return value.strftime(text)


# --------------------------------------------------------------------------- loading


def _item(data: Mapping[str, Any]) -> RequiredItem:
    return RequiredItem(
        id=str(data["id"]),
        label=str(data["label"]),
        law=str(data["law"]),
        fields=tuple(str(f) for f in data["fields"]),
    )


@cache
def shipped_templates() -> tuple[LetterTemplate, ...]:
    """The templates that ship with the app (read once; they never change at run time)."""
    folder = resource_path("templates")
    catalogue_path = folder / "catalogue.json"
    if not catalogue_path.is_file():
        raise LetterTemplateError(
            _(
                "The letter templates are missing ({catalogue_path}). Reinstall Grievance Desk."
            ).format(catalogue_path=catalogue_path)
        )
    catalogue = json.loads(catalogue_path.read_text(encoding="utf-8"))
    found: list[LetterTemplate] = []
    for entry in catalogue["templates"]:
        body = (folder / entry["file"]).read_text(encoding="utf-8")
        found.append(
            LetterTemplate(
                id=entry["id"],
                title=entry["title"],
                version=f"shipped-{entry['version']}",
                request_types=tuple(entry["request_types"]),
                statuses=tuple(entry["statuses"]),
                subject=entry["subject"],
                salutation=entry["salutation"],
                body=body,
                closing=entry["closing"],
                fields=tuple(entry["fields"]),
                required_content=tuple(_item(i) for i in entry["required_content"]),
                next_step=entry["next_step"],
            )
        )
    return tuple(found)


def _shipped(template_id: str) -> LetterTemplate:
    for template in shipped_templates():
        if template.id == template_id:
            return template
    known = ", ".join(t.id for t in shipped_templates())
    raise UnknownTemplate(
        _("There is no letter template {template_id}. Templates: {known}.").format(
            template_id=repr(template_id), known=known
        )
    )


@cache
def language_catalogue(language: str) -> dict[str, Any]:
    """A language's ``resources/templates/<language>/catalogue.json`` ({} if none ships)."""
    path = resource_path("templates") / language / "catalogue.json"
    if language == "en" or not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


@cache
def language_templates(language: str) -> tuple[LetterTemplate, ...]:
    """The shipped templates of ``language`` (English: the shipped set itself).

    Each is the English template's fields, required content and next step with the
    language's wording: the law does not change with the language, only the words do (the
    required items' labels too; their citations stay as they are)."""
    if language == "en":
        return shipped_templates()
    folder = resource_path("templates") / language
    entries = {e["id"]: e for e in language_catalogue(language).get("templates", [])}
    found: list[LetterTemplate] = []
    for base in shipped_templates():
        entry = entries.get(base.id)
        if entry is None:
            continue
        labels = entry.get("required_content", {})
        found.append(
            replace(
                base,
                title=str(entry["title"]),
                version=f"{language}-shipped-{entry['version']}",
                subject=str(entry["subject"]),
                salutation=str(entry["salutation"]),
                body=(folder / entry["file"]).read_text(encoding="utf-8"),
                closing=str(entry["closing"]),
                required_content=tuple(
                    replace(i, label=str(labels.get(i.id) or i.label))
                    for i in base.required_content
                ),
            )
        )
    return tuple(found)


def _base(template_id: str, language: str) -> LetterTemplate:
    """The shipped template of ``language`` that the officer's copies in it start from."""
    if language == "en":
        return _shipped(template_id)
    for template in language_templates(language):
        if template.id == template_id:
            return template
    _shipped(template_id)  # an unknown id says so first
    raise UnknownTemplate(
        _("There is no {language} template {template_id}. Edit the English template.").format(
            language=repr(language), template_id=repr(template_id)
        )
    )


def _stem(language: str) -> str:
    """What a copy's version starts with: "" for English ("custom-2"), "hi-" for Hindi."""
    return "" if language == "en" else f"{language}-"


def _custom_record(session: Session, template_id: str, language: str = "en") -> dict[str, Any]:
    value = custom_template(template_id, language).read(session)
    return value if isinstance(value, dict) else {"current": 0, "versions": []}


def _custom_version(
    base: LetterTemplate, stored: Mapping[str, Any], language: str = "en"
) -> LetterTemplate:
    return replace(
        base,
        title=str(stored.get("title") or base.title),
        version=f"{_stem(language)}custom-{int(stored['number'])}",
        subject=str(stored["subject"]),
        salutation=str(stored["salutation"]),
        body=str(stored["body"]),
        closing=str(stored["closing"]),
        shipped=False,
        saved_at=str(stored.get("saved_at") or ""),
    )


def get_template(
    session: Session, template_id: str, version: str | None = None, language: str = "en"
) -> LetterTemplate:
    """The version in use in ``language`` (the officer's copy if they made one), or a named
    older version."""
    base = _base(template_id, language)
    record = _custom_record(session, template_id, language)
    stem = _stem(language)
    versions = {f"{stem}custom-{int(v['number'])}": v for v in record["versions"]}
    if version is None:
        current = int(record.get("current", 0))
        if current == 0:
            return base
        return _custom_version(base, versions[f"{stem}custom-{current}"], language)
    if version == base.version:
        return base
    if version in versions:
        return _custom_version(base, versions[version], language)
    raise UnknownTemplate(
        _("Template {template_id} has no version {version}; it has {names}.").format(
            template_id=repr(template_id),
            version=repr(version),
            names=", ".join([base.version, *versions]),
        )
    )


def list_templates(session: Session | None = None, language: str = "en") -> list[LetterTemplate]:
    """Every template of ``language`` in its version in use; without a session, the shipped
    ones."""
    if session is None:
        return list(language_templates(language))
    custom = all_settings(session, CUSTOM_PREFIX)
    result: list[LetterTemplate] = []
    for base in language_templates(language):
        record = custom.get(custom_template(base.id, language).key)
        if isinstance(record, dict) and int(record.get("current", 0)):
            result.append(get_template(session, base.id, language=language))
        else:
            result.append(base)
    return result


def template_versions(
    session: Session, template_id: str, language: str = "en"
) -> list[LetterTemplate]:
    """The shipped version and every saved copy, oldest first, for the editor's history."""
    base = _base(template_id, language)
    record = _custom_record(session, template_id, language)
    return [base, *(_custom_version(base, v, language) for v in record["versions"])]


def templates_in_use(register: Register, language: str = "en") -> list[LetterTemplate]:
    """`list_templates` as one read of the register, for the window's worker thread."""
    with register.reading() as session:
        return list_templates(session, language)


def template_history(
    register: Register, template_id: str, language: str = "en"
) -> tuple[LetterTemplate, list[LetterTemplate]]:
    """A template in its version in use and every version, for the template editor."""
    with register.reading() as session:
        return (
            get_template(session, template_id, language=language),
            template_versions(session, template_id, language),
        )


def field_meaning(name: str) -> str:
    """What field ``name`` holds, in the officer's language ("" for an unknown field).

    FIELDS keeps the English (its texts are marked with N_); this translates the one shown."""
    meaning = FIELDS.get(name, "")
    return _(meaning) if meaning else ""  # marked with N_ where FIELDS is defined


def template_fields() -> dict[str, str]:
    """Every field a template may use, with what it holds (for the editor and `templates`)."""
    return {name: field_meaning(name) for name in FIELDS}


# --------------------------------------------------------------------------- checking


def _environment(
    date_format: str = DEFAULT_DATE_FORMAT, tz: ZoneInfo | None = None, language: str = "en"
) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=False,
    )
    env.globals.clear()

    def date_filter(value: Any, fmt: str | None = None) -> str:
        if value is None or value == "":
            raise EmptyFields([], _("A date used with | date is empty."))
        if not isinstance(value, date):
            raise LetterTemplateError(
                _(
                    "| date needs a date, but got {value}. Use it only on date fields such as "
                    "deadlines.respond_by."
                ).format(value=repr(value))
            )
        if language != "en" and fmt is None:  # issue 17: "6 दिसंबर 2026" (CLDR, not strftime)
            day = value
            if isinstance(value, datetime):
                day = value.astimezone(tz).date() if tz is not None else value.date()
            return letter_date(day, language)
        return format_date(value, fmt or date_format, tz)

    def number_filter(value: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise LetterTemplateError(
                _("| number needs a number, but got {value}.").format(value=repr(value))
            )
        return indian_number(value, language)

    def term_filter(key: Any) -> str:
        # The glossary's wording of a legal term in the letter's language (issue 17).
        return glossary_term(str(key), language)

    env.filters["date"] = date_filter
    env.filters["number"] = number_filter
    env.filters["term"] = term_filter
    return env


def _available() -> str:
    return ", ".join(sorted(FIELDS))


def _walk(template: LetterTemplate) -> tuple[list[TemplateProblem], dict[str, list[str]]]:
    """Parse each part; return problems and the fields each part uses."""
    env = _environment()
    problems: list[TemplateProblem] = []
    used: dict[str, list[str]] = {}
    for part in PARTS:
        source = template.part(part)
        try:
            tree = env.parse(source)
        except TemplateSyntaxError as error:
            problems.append(
                TemplateProblem(
                    "syntax",
                    _(
                        "The template's {part} has a syntax error on line {line}: {error}. Check "
                        "the {{{{ }}}} and {{% %}} pairs on that line."
                    ).format(part=part, line=error.lineno, error=error.message),
                    part,
                    error.lineno,
                )
            )
            continue
        local = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
        fields_here: list[str] = []
        for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Name)):
            if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
                problems.append(
                    TemplateProblem(
                        "unsafe",
                        _(
                            "The template's {part} (line {line}) reaches for {name}, an "
                            "internal of Python. Templates may only use the letter fields; "
                            "remove it."
                        ).format(part=part, line=node.lineno, name=repr(node.attr)),
                        part,
                        node.lineno,
                    )
                )
                continue
            if isinstance(node, nodes.Name):
                if node.ctx == "load" and node.name not in NAMESPACES | local:
                    problems.append(_unknown(node.name, part, node.lineno))
                continue
            if not isinstance(node, nodes.Getattr | nodes.Getitem):
                continue
            target = node.node
            if isinstance(target, nodes.Name) and target.name in NAMESPACES:
                if isinstance(node, nodes.Getattr):
                    name = node.attr
                elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                    name = node.arg.value
                else:
                    continue
                path = f"{target.name}.{name}"
                if path in FIELDS:
                    fields_here.append(path)
                else:
                    problems.append(_unknown(path, part, node.lineno))
        used[part] = fields_here
    return problems, used


def _did_you_mean(path: str) -> str:
    """The nearest real field, for the typo that is the usual cause ("requestor.name")."""
    close = difflib.get_close_matches(path, FIELDS, n=1, cutoff=0.6)
    return " " + _("Did you mean {field}?").format(field=repr(close[0])) if close else ""


def _unknown(path: str, part: str, line: int | None) -> TemplateProblem:
    return TemplateProblem(
        "unknown_field",
        _(
            "Unknown field {field} in the template's {part} (line {line}).{did_you_mean} "
            "Fields available: {available}."
        ).format(
            field=repr(path),
            part=part,
            line=line,
            did_you_mean=_did_you_mean(path),
            available=_available(),
        ),
        part,
        line,
    )


def check_template(
    template: LetterTemplate, extra_required: Sequence[RequiredItem] = ()
) -> list[TemplateProblem]:
    """Everything wrong with a template, for the editor to flag before it is used.

    Syntax errors (with the line), unknown fields, reaching into Python internals, and each
    required content item (the template's own, and ``extra_required``: what the case's law
    adds) whose fields the template no longer uses.
    """
    problems, used = _walk(template)
    all_used = {path for paths in used.values() for path in paths}
    for item in (*template.required_content, *extra_required):
        missing = [f for f in item.fields if f not in all_used]
        if missing:
            problems.append(
                TemplateProblem(
                    "missing_content",
                    _(
                        "Required content missing: {label} ({law}). Put {fields} back into the "
                        "letter."
                    ).format(
                        label=item.label,
                        law=item.law,
                        fields=", ".join("{{ " + f + " }}" for f in missing),
                    ),
                )
            )
    return problems


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | tuple) and not value)


def render_template(
    template: LetterTemplate,
    context: Mapping[str, Mapping[str, Any]],
    *,
    date_format: str = DEFAULT_DATE_FORMAT,
    tz: ZoneInfo | None = None,
    extra_required: Sequence[RequiredItem] = (),
    language: str = "en",
) -> RenderedText:
    """Fill a template with the fields of one case, refusing rather than guessing.

    Checks run in the order an officer fixes things: the template itself (syntax, unknown
    fields, internals), content the law requires, then required fields left empty (named,
    with what each should hold). Only then is anything rendered.
    """
    problems = check_template(template, extra_required)
    required = (*template.required_content, *extra_required)
    for kind, exc in (("syntax", TemplateSyntaxProblem), ("unsafe", UnsafeTemplate)):
        found = [p for p in problems if p.kind == kind]
        if found:
            if exc is TemplateSyntaxProblem:
                raise TemplateSyntaxProblem(found[0].message, found[0].part, found[0].line)
            raise UnsafeTemplate(found[0].message)
    unknown = [p for p in problems if p.kind == "unknown_field"]
    if unknown:
        names = [p.message.split("'")[1] for p in unknown]
        raise UnknownField(
            names,
            f"Unknown field{'s' if len(names) > 1 else ''} {', '.join(repr(n) for n in names)} "
            f"in template {template.id!r}.{''.join(_did_you_mean(n) for n in names)} "
            f"Fields available: {_available()}.",
        )
    missing_items = [p for p in problems if p.kind == "missing_content"]
    if missing_items:
        items = [i for i in required if any(i.label in p.message for p in missing_items)]
        raise MissingRequiredContent(items, " ".join(p.message for p in missing_items))
    _problems, used = _walk(template)
    all_used = {path for paths in used.values() for path in paths}
    needed = [f for f in template.fields if f in all_used]
    for item in required:
        needed.extend(f for f in item.fields if f not in needed)
    empty = [f for f in needed if _is_empty(_lookup(context, f))]
    if empty:
        raise EmptyFields(
            empty,
            ngettext(
                "The letter {title} needs {fields}. Fill in it and try again.",
                "The letter {title} needs {fields}. Fill in them and try again.",
                len(empty),
            ).format(
                title=repr(template.title),
                fields="; ".join(f"{f} ({field_meaning(f)})" for f in empty),
            )
            + (
                " " + _("Fields available: {available}.").format(available=_available())
                if any(not f.startswith("letter.") for f in empty)
                else ""
            ),
        )
    env = _environment(date_format, tz, language)
    rendered: dict[str, str] = {}
    for part in PARTS:
        try:
            text = env.from_string(template.part(part)).render(**context)
        except SecurityError as error:
            raise UnsafeTemplate(
                _(
                    "The template {id} tried something the sandbox forbids ({error}). Templates "
                    "may only use the letter fields."
                ).format(id=repr(template.id), error=error)
            ) from None
        except UndefinedError as error:
            raise UnknownField(
                [],
                f"The template {template.id!r} uses a field that does not exist ({error}). "
                f"Fields available: {_available()}.",
            ) from None
        except (TemplateError, LookupError) as error:
            raise LetterTemplateError(
                _("The template {id} could not be filled in: {error}.").format(
                    id=repr(template.id), error=error
                )
            ) from None
        rendered[part] = text.strip() if part != "body" else _tidy(text)
    return RenderedText(
        subject=rendered["subject"],
        salutation=rendered["salutation"],
        body=rendered["body"],
        closing=rendered["closing"],
        template_id=template.id,
        template_version=template.version,
        fields_used=tuple(sorted(all_used)),
    )


def _lookup(context: Mapping[str, Mapping[str, Any]], path: str) -> Any:
    namespace, name = path.split(".", 1)
    return context.get(namespace, {}).get(name)


def _tidy(text: str) -> str:
    """Collapse runs of blank lines an {% if %} leaves behind."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out)


# --------------------------------------------------------------------------- editing


def save_template_copy(
    register: Register,
    template_id: str,
    *,
    now: datetime,
    subject: str,
    salutation: str,
    body: str,
    closing: str,
    title: str | None = None,
    language: str = "en",
) -> LetterTemplate:
    """Save the officer's edited copy as a new version; the shipped template stays as it is.

    Each language has its own copies ("custom-N" in English, "hi-custom-N" in Hindi),
    checked the same way against the same required content.

    Refuses a copy with a syntax error, an unknown field or a reach into internals (it could
    never make a letter). A copy missing required content is saved, so work is not lost, but
    `check_template` flags it and no letter can be made from it until it is fixed.
    """
    base = _base(template_id, language)
    candidate = replace(
        base,
        title=title or base.title,
        subject=subject,
        salutation=salutation,
        body=body,
        closing=closing,
        shipped=False,
    )
    blocking = [p for p in check_template(candidate) if p.kind != "missing_content"]
    if blocking:
        raise LetterTemplateError(" ".join(p.message for p in blocking))
    with register.writing() as session:
        record = _custom_record(session, template_id, language)
        number = max((int(v["number"]) for v in record["versions"]), default=0) + 1
        record["versions"].append(
            {
                "number": number,
                "title": candidate.title,
                "subject": subject,
                "salutation": salutation,
                "body": body,
                "closing": closing,
                "saved_at": now.isoformat(),
            }
        )
        record["current"] = number
        custom_template(template_id, language).write(session, record)
        append_event(
            session,
            action=AuditAction.TEMPLATE_SAVED,
            actor=register.actor,
            at=now,
            payload={
                "template_id": template_id,
                "language": language,
                "version": f"{_stem(language)}custom-{number}",
                "body_sha256": digest(body.encode("utf-8")),
            },
        )
        return get_template(session, template_id, language=language)


def use_shipped_template(
    register: Register, template_id: str, *, now: datetime, language: str = "en"
) -> LetterTemplate:
    """Go back to the shipped template of ``language``; the edited versions are kept for the
    record."""
    base = _base(template_id, language)
    with register.writing() as session:
        record = _custom_record(session, template_id, language)
        if record["versions"]:
            record["current"] = 0
            custom_template(template_id, language).write(session, record)
            append_event(
                session,
                action=AuditAction.TEMPLATE_REVERTED,
                actor=register.actor,
                at=now,
                payload={"template_id": template_id, "language": language, "version": base.version},
            )
    return base


def describe_templates(templates: Iterable[LetterTemplate]) -> list[dict[str, Any]]:
    """Templates as plain JSON data: fields and required content, for `templates --json`."""
    return [
        {
            "id": t.id,
            "title": t.title,
            "version": t.version,
            "version_id": t.version_id,
            "shipped": t.shipped,
            "request_types": list(t.request_types),
            "statuses": list(t.statuses),
            "subject": t.subject,
            "fields": [{"name": f, "meaning": FIELDS.get(f, "")} for f in t.fields],
            "required_content": [
                {"id": i.id, "label": i.label, "law": i.law, "fields": list(i.fields)}
                for i in t.required_content
            ],
            "next_step": t.next_step,
        }
        for t in templates
    ]


def date_format_setting(session: Session) -> str:
    """The officer's date format for letters (strftime; default "25 November 2026")."""
    return LETTERS_DATE_FORMAT.read(session) or DEFAULT_DATE_FORMAT
