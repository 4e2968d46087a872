"""One extension flow: what extending would give (shown before confirming), the reasons the
notice letter starts from, and the notice recorded as sent when that letter is issued.

The extension itself is recorded by `case_deadlines.extend_case`; this module keeps the
officer from recording it twice (the notice letter of an extension already granted records
its notice instead of offering a second extension).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.domain.deadline_engine import CaseClock, extension_refusal
from grievance_desk.domain.deadline_engine import deadlines as compute_deadlines
from grievance_desk.domain.policy import Policy, describe_period
from grievance_desk.domain.work_calendar import WorkCalendar
from grievance_desk.messages import _, ngettext
from grievance_desk.services.case_deadlines import case_clock, policy_for_case
from grievance_desk.services.cases import find_case, officer_zone
from grievance_desk.services.policy_settings import load_policy_settings
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Case, Extension


@dataclass(frozen=True)
class ExtensionPreview:
    """What the Extend dialog shows before the officer confirms.

    ``new_respond_by`` is None exactly when ``refusal`` says why no extension may be granted.
    """

    reference: str
    respond_by: date
    new_respond_by: date | None
    refusal: str | None
    limit: str
    notice_by: date | None


def live_extensions(session: Session, case: Case) -> list[Extension]:
    """The extensions of the case's current clock (a reopening starts a new one), oldest first."""
    rows = list(
        session.scalars(
            select(Extension)
            .where(col(Extension.case_id) == case.id)
            .order_by(col(Extension.granted_at), col(Extension.id))
        )
    )
    if case.reopened_at is not None:
        reopened = case.reopened_at
        rows = [r for r in rows if r.granted_at >= reopened]
    return rows


def extension_reasons(session: Session, case: Case) -> str:
    """The reasons of the latest extension, to pre-fill the notice letter ("" if none)."""
    rows = live_extensions(session, case)
    return rows[-1].reason if rows else ""


def _rules(session: Session, case: Case) -> tuple[Policy, WorkCalendar, CaseClock]:
    """The case's policy version, its calendar and the engine's view of the case."""
    policy = policy_for_case(session, case)
    calendar = load_policy_settings(session).calendar_for(policy)
    return policy, calendar, case_clock(session, case)


def extension_preview(register: Register, reference: str, *, now: datetime) -> ExtensionPreview:
    """The current and the extended response date, and the policy's limit, for the dialog."""
    with register.reading() as session:
        case, _person = find_case(session, reference)
        zone = officer_zone(session)
        today = now.astimezone(zone).date()
        policy, calendar, clock = _rules(session, case)
        current = compute_deadlines(clock, policy, calendar, zone, as_of=today)
        refusal = extension_refusal(clock, policy, calendar, zone, at=now, as_of=today)
        new: date | None = None
        if refusal is None:
            extended = compute_deadlines(
                replace(clock, extensions=(*clock.extensions, now)),
                policy,
                calendar,
                zone,
                as_of=today,
            ).extended_respond_by
            new = extended.due.astimezone(zone).date() if extended else None
        rule = policy.extension
        granted = len(live_extensions(session, case))
        if rule.allowed and rule.length is not None:
            limit = ngettext(
                "{policy} allows at most {count} extension of {period} ({source}); {granted} "
                "granted so far.",
                "{policy} allows at most {count} extensions of {period} ({source}); {granted} "
                "granted so far.",
                rule.max_count,
            ).format(
                policy=policy.name or policy.label,
                count=rule.max_count,
                period=describe_period(rule.length),
                source=policy.legal_source,
                granted=granted,
            )
        else:
            limit = _("{policy} allows no extension ({source}).").format(
                policy=policy.name or policy.label, source=policy.legal_source
            )
        notice = current.extension_notice_by
        return ExtensionPreview(
            reference=case.reference,
            respond_by=current.final_respond_by.due.astimezone(zone).date(),
            new_respond_by=new,
            refusal=None
            if refusal is None
            else _("Cannot extend: {refusal}.").format(refusal=refusal),
            limit=limit,
            notice_by=notice.due.astimezone(zone).date() if notice else None,
        )


def extension_refused(session: Session, case: Case, *, now: datetime) -> str | None:
    """Why no extension can be granted now (the policy allows none, or no more), else None;
    lets the case file hide Extend where it does not apply."""
    from grievance_desk.services.case_deadlines import CaseDeadlineError

    zone = officer_zone(session)
    try:
        policy, calendar, clock = _rules(session, case)
        return extension_refusal(clock, policy, calendar, zone, as_of=now.astimezone(zone).date())
    except (CaseDeadlineError, ValueError):
        return None  # the Deadlines tab names the policy problem; the dialog says it again


def record_notice_issued(
    session: Session, case: Case, *, letter_id: int, now: datetime, actor: str
) -> bool:
    """Mark the latest extension's notice sent by the letter just issued; False if there is
    no extension waiting for its notice (then the letter announces one to be recorded)."""
    waiting = [e for e in live_extensions(session, case) if e.notice_sent_at is None]
    if not waiting:
        return False
    extension = waiting[-1]
    extension.notice_sent_at = now
    session.flush()
    append_event(
        session,
        action=AuditAction.CASE_EXTENSION_NOTICE_SENT,
        actor=actor,
        at=now,
        case_id=case.id,
        payload={"reference": case.reference, "extension_id": extension.id, "letter_id": letter_id},
    )
    return True


def has_live_extension(session: Session, case: Case) -> bool:
    """Whether the current clock already has an extension (its notice letter records no other)."""
    return bool(live_extensions(session, case))
