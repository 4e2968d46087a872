"""A case's reply language: proposed from the requester's own words, confirmed by the officer.

The proposal reads the script of what the requester wrote (the description and every e-mail
or letter received from them); it is only a proposal until the officer confirms or changes
it, which is stored on the case (``reply_language``) with an audit event. Letters are then
offered in that language, or in English where no template ships in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.domain.languages import CODES, LANGUAGES, language_name, propose_reply_language
from grievance_desk.messages import _
from grievance_desk.services.cases import find_case
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Case, Correspondence


class ReplyLanguageError(RegisterError):
    """The language is not one the app knows; the message lists those it does."""


@dataclass(frozen=True)
class ReplyLanguage:
    """The language letters go out in, whether the officer confirmed it, and the proposal."""

    code: str
    confirmed: bool
    proposed: str

    @property
    def name(self) -> str:
        return language_name(self.code)


def requester_texts(session: Session, case: Case) -> list[str]:
    """What the requester wrote: the description and the bodies of what came in from them."""
    bodies = session.scalars(
        select(Correspondence.body).where(
            col(Correspondence.case_id) == case.id, col(Correspondence.direction) == "in"
        )
    ).all()
    return [case.description, *bodies]


def reply_language_for(session: Session, case: Case) -> ReplyLanguage:
    """The case's reply language: the officer's choice, else the proposal from the script."""
    proposed = propose_reply_language(requester_texts(session, case))
    if case.reply_language:
        return ReplyLanguage(case.reply_language, True, proposed)
    return ReplyLanguage(proposed, False, proposed)


def get_reply_language(register: Register, reference: str) -> ReplyLanguage:
    """The reply language of one case (for the case form and the letters tab)."""
    with register.reading() as session:
        case, _person = find_case(session, reference)
        return reply_language_for(session, case)


def propose_for_texts(*texts: str) -> ReplyLanguage:
    """The proposal for a case not yet saved (the new-case form), from its texts."""
    proposed = propose_reply_language(texts)
    return ReplyLanguage(proposed, False, proposed)


def set_reply_language(
    register: Register, reference: str, language: str, *, now: datetime
) -> ReplyLanguage:
    """Record the officer's choice of reply language (an audit event says from what to what)."""
    with register.writing() as session:
        return record_reply_language(session, reference, language, now=now, actor=register.actor)


def record_reply_language(
    session: Session, reference: str, language: str, *, now: datetime, actor: str
) -> ReplyLanguage:
    """``set_reply_language`` inside the caller's transaction; an unknown language is refused
    before anything is written, naming the languages the app knows."""
    if language not in CODES:
        known = ", ".join(f"{code} ({name})" for code, name, _native in LANGUAGES)
        raise ReplyLanguageError(
            _(
                "{language} is not a reply language Grievance Desk knows. Choose one of: {known}."
            ).format(language=repr(language), known=known)
        )
    case, _person = find_case(session, reference)
    before = case.reply_language
    if before != language:
        case.reply_language = language
        case.updated_at = now
        session.flush()
        append_event(
            session,
            action=AuditAction.CASE_REPLY_LANGUAGE_SET,
            actor=actor,
            at=now,
            case_id=case.id,
            payload={"before": before, "after": language},
        )
    return reply_language_for(session, case)
