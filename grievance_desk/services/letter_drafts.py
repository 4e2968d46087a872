"""Drafting letters: fill a template for a case, keep it as an editable draft, preview, discard.

Drafting fails before anything is stored when the template has a problem or a required field
is empty; each change to a draft writes an audit event with the text's digests. A letter is
drafted in the case's reply language when its template ships in it (issue 17); its language
is recorded in the template version, so its preview is laid out in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy.orm import Session

from grievance_desk.documents.letter_pdf import render_letter_pdf
from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.messages import _
from grievance_desk.services.cases import find_case, officer_zone
from grievance_desk.services.letter_context import build_context
from grievance_desk.services.letter_integrity import checked_pdf
from grievance_desk.services.letter_languages import letter_language, template_in
from grievance_desk.services.letter_layout import letter_document
from grievance_desk.services.letter_records import (
    DRAFT,
    ISSUED,
    LetterDraft,
    LetterError,
    as_draft,
    compose_body,
    insert_draft,
    letter_row,
    split_body,
    template_title,
)
from grievance_desk.services.letter_requirements import check_grounds, law_requirements
from grievance_desk.services.letter_templates import (
    LetterTemplate,
    date_format_setting,
    render_template,
)
from grievance_desk.storage.audit import append_event, digest
from grievance_desk.storage.register import Register


def _render(
    session: Session,
    reference: str,
    template: LetterTemplate,
    *,
    now: datetime,
    overrides: Mapping[str, str] | None,
    language: str = "en",
) -> tuple[str, str, str, str]:
    """Subject, salutation, body and closing of ``template`` filled for the case."""
    context = build_context(session, reference, now=now, overrides=overrides, language=language)
    case, _person = find_case(session, reference)
    check_grounds(session, case, template)
    text = render_template(
        template,
        context,
        date_format=date_format_setting(session),
        tz=officer_zone(session),
        extra_required=law_requirements(session, case, template),
        language=language,
    )
    return text.subject, text.salutation, text.body, text.closing


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
        document = letter_document(
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
        row = insert_draft(
            session,
            case_id=case.id or 0,
            template_id=template.id,
            template_version=template.version_id,
            subject=subject,
            body=compose_body(salutation, body, closing),
            now=now,
            actor=actor,
        )
        return as_draft(row, case.reference, template.title)


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
        row, case, _person = letter_row(session, letter_id)
        if row.status != DRAFT:
            raise LetterError(
                _(
                    "Letter {letter_id} was issued on {issued_at:%Y-%m-%d} and cannot change. Use "
                    "re-issue to start a corrected copy as a new letter."
                ).format(letter_id=letter_id, issued_at=row.issued_at)
            )
        old_salutation, old_body, old_closing = split_body(row.body)
        new_subject = " ".join((subject if subject is not None else row.subject).split())
        if not new_subject:
            raise LetterError(_("A letter needs a subject. Type one and save again."))
        new_body = body if body is not None else old_body
        if not new_body.strip():
            raise LetterError(_("A letter needs a body. Type the text and save again."))
        before = digest(row.body.encode("utf-8"))
        row.subject = new_subject
        row.body = compose_body(
            salutation if salutation is not None else old_salutation,
            new_body,
            closing if closing is not None else old_closing,
        )
        session.flush()
        append_event(
            session,
            action=AuditAction.LETTER_EDITED,
            actor=actor,
            at=now,
            case_id=case.id,
            payload={
                "letter_id": row.id,
                "body_sha256_before": before,
                "body_sha256_after": digest(row.body.encode("utf-8")),
            },
        )
        return as_draft(
            row, case.reference, template_title(session, row.template_id, row.template_version)
        )


def discard_draft(register: Register, letter_id: int, *, now: datetime) -> None:
    """Delete a draft the officer no longer wants; issued letters are kept for good."""
    actor = register.actor
    with register.writing() as session:
        row, case, _person = letter_row(session, letter_id)
        if row.status != DRAFT:
            raise LetterError(
                _("Letter {letter_id} is issued and is kept on file; it cannot go.").format(
                    letter_id=letter_id
                )
            )
        session.delete(row)
        session.flush()
        append_event(
            session,
            action=AuditAction.LETTER_DISCARDED,
            actor=actor,
            at=now,
            case_id=case.id,
            payload={"letter_id": letter_id, "template_id": row.template_id},
        )


def render_preview(register: Register, letter_id: int, *, on: date | None = None) -> bytes:
    """The letter as PDF bytes in memory for the preview (nothing is written to disk).

    An issued letter shows its stored PDF (checked); a draft is laid out afresh, dated
    ``on`` (the day it would be issued) or else the day it was drafted.
    """
    with register.reading() as session:
        row, case, person = letter_row(session, letter_id)
        if row.status == ISSUED:
            return checked_pdf(session, row)
        salutation, body, closing = split_body(row.body)
        zone = officer_zone(session)
        document = letter_document(
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
