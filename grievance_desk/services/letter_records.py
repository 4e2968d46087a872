"""Letters on file: the statuses, the stored text and the row lookups every letter step shares.

A letter is a row in the register (so a draft survives a restart); its salutation, body and
closing are stored as one text, one blank line apart. An issued letter is never changed (a
correction is a new letter).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.messages import _
from grievance_desk.services.cases import find_case
from grievance_desk.services.letter_languages import letter_language
from grievance_desk.services.letter_templates import LetterTemplateError, get_template
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.errors import NotFound, RegisterError
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Case, Letter
from grievance_desk.storage.tables import Requester as RequesterRow

DRAFT: Literal["draft"] = "draft"
ISSUED: Literal["issued"] = "issued"
# Set by the retention purge: the PDF and text are gone, the digest stays.
PURGED: Literal["purged"] = "purged"
ISSUE_ACTION = AuditAction.LETTER_ISSUED


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


# --------------------------------------------------------------------------- stored text

_SEPARATOR = "\n\n"


def compose_body(salutation: str, body: str, closing: str) -> str:
    """The stored body: salutation, body and closing, one blank line apart."""
    return _SEPARATOR.join([" ".join(salutation.split()), body.strip(), " ".join(closing.split())])


def split_body(stored: str) -> tuple[str, str, str]:
    """The stored body back as salutation, body and closing."""
    first, _sep, rest = stored.partition(_SEPARATOR)
    body, _sep2, closing = rest.rpartition(_SEPARATOR)
    return first, body, closing


def as_draft(row: Letter, reference: str, title: str) -> LetterDraft:
    """A letter row as the editor shows it."""
    assert row.id is not None
    salutation, body, closing = split_body(row.body)
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


def insert_draft(
    session: Session,
    *,
    case_id: int,
    template_id: str,
    template_version: str,
    subject: str,
    body: str,
    now: datetime,
    actor: str,
    copy_of: int | None = None,
) -> Letter:
    """Store a draft letter and its ``letter.drafted`` event in the caller's transaction."""
    row = Letter(
        case_id=case_id,
        template_id=template_id,
        template_version=template_version,
        status=DRAFT,
        subject=subject,
        body=body,
        created_at=now,
    )
    session.add(row)
    session.flush()
    payload: dict[str, object] = {
        "letter_id": row.id,
        "template_id": template_id,
        "template_version": template_version,
    }
    if copy_of is not None:
        payload["copy_of"] = copy_of
    append_event(
        session,
        action=AuditAction.LETTER_DRAFTED,
        actor=actor,
        at=now,
        case_id=case_id,
        payload=payload,
    )
    return row


def template_title(session: Session, template_id: str, version: str = "") -> str:
    """The template's title for the letters list, in the language of the letter whose
    template ``version`` it is (a Hindi letter's Hindi title), or its id if it is gone."""
    for language in dict.fromkeys((letter_language(version), "en")):
        try:
            return get_template(session, template_id, language=language).title
        except LetterTemplateError:
            continue
    return template_id


def letter_row(session: Session, letter_id: int) -> tuple[Letter, Case, RequesterRow]:
    """A letter with its case and requester; `NotFound` says how to find the right id."""
    row = session.get(Letter, letter_id)
    if row is None:
        raise NotFound(
            _("There is no letter {letter_id} in this register. List the case's letters.").format(
                letter_id=letter_id
            )
        )
    case = session.get(Case, row.case_id)
    assert case is not None
    person = session.get(RequesterRow, case.requester_id)
    assert person is not None
    return row, case, person


def get_letter(register: Register, letter_id: int) -> LetterDraft:
    """One letter, draft or issued, for the editor."""
    with register.reading() as session:
        row, case, _person = letter_row(session, letter_id)
        return as_draft(
            row, case.reference, template_title(session, row.template_id, row.template_version)
        )


def list_letters(register: Register, reference: str) -> list[LetterDraft]:
    """A case's letters, oldest first: drafts to finish and issued letters on file."""
    with register.reading() as session:
        case, _person = find_case(session, reference)
        rows = session.scalars(
            select(Letter).where(col(Letter.case_id) == case.id).order_by(col(Letter.id))
        ).all()
        return [
            as_draft(r, case.reference, template_title(session, r.template_id, r.template_version))
            for r in rows
        ]
