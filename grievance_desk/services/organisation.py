"""The organisation and its grievance officer, as letters, reports and the app show them.

Kept inside the encrypted register (setting table), so they travel with the register and its
backups. The privacy notice names the officer and how to reach them; DPDP Rules r.9 asks that
every response carries those contact details, so letters read them from here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime

from sqlalchemy.orm import Session

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.domain.case_record import email_problem, phone_problem
from grievance_desk.messages import _
from grievance_desk.services.clock import DEFAULT_TIMEZONE, zone
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_registry import (
    OFFICER_ADDRESS,
    OFFICER_EMAIL,
    OFFICER_NAME,
    OFFICER_PHONE,
    OFFICER_SIGNATURE_PNG,
    OFFICER_TIMEZONE,
    OFFICER_TITLE,
    ORGANISATION_ADDRESS,
    ORGANISATION_LOGO_PNG,
    ORGANISATION_NAME,
    ORGANISATION_WEBSITE,
)
from grievance_desk.storage.settings_store import put_setting, settings_in


@dataclass(frozen=True)
class Organisation:
    """Who answers: the organisation, its officer and the officer's time zone."""

    name: str = ""
    address: str = ""
    website: str = ""
    officer_name: str = ""
    officer_title: str = "Grievance Officer"
    officer_email: str = ""
    officer_phone: str = ""
    officer_address: str = ""
    timezone: str = DEFAULT_TIMEZONE
    logo_png: str = ""  # base64 PNG, optional
    signature_png: str = ""  # base64 PNG, optional

    @property
    def is_complete(self) -> bool:
        """Enough to sign a letter: names and at least one way to reach the officer."""
        return bool(self.name and self.officer_name and (self.officer_email or self.officer_phone))


_KEYS: dict[str, str] = {
    "name": ORGANISATION_NAME.key,
    "address": ORGANISATION_ADDRESS.key,
    "website": ORGANISATION_WEBSITE.key,
    "officer_name": OFFICER_NAME.key,
    "officer_title": OFFICER_TITLE.key,
    "officer_email": OFFICER_EMAIL.key,
    "officer_phone": OFFICER_PHONE.key,
    "officer_address": OFFICER_ADDRESS.key,
    "timezone": OFFICER_TIMEZONE.key,
    "logo_png": ORGANISATION_LOGO_PNG.key,
    "signature_png": OFFICER_SIGNATURE_PNG.key,
}


class InvalidOrganisation(RegisterError):
    """A detail that letters would print wrong; nothing was saved."""


#: What each field is called in messages and on the command line.
FIELD_KEYS: dict[str, str] = _KEYS


def organisation_problems(organisation: Organisation) -> list[str]:
    """The officer's contact details are checked as the requester's are: letters print them."""
    found = [
        _("officer e-mail: {problem}").format(problem=problem)
        for problem in [email_problem(organisation.officer_email)]
        if problem is not None
    ]
    found += [
        _("officer phone: {problem}").format(problem=problem)
        for problem in [phone_problem(organisation.officer_phone)]
        if problem is not None
    ]
    return found


def read_organisation(session: Session) -> Organisation:
    stored = settings_in(session, _KEYS.values())
    values = {
        field.name: str(stored[_KEYS[field.name]])
        for field in fields(Organisation)
        if _KEYS[field.name] in stored
    }
    return Organisation(**values)


def load_organisation(register: Register) -> Organisation:
    with register.reading() as session:
        return read_organisation(session)


def check_organisation(organisation: Organisation) -> None:
    """Refuse details that would break every deadline or letter, naming each; saves nothing."""
    zone(organisation.timezone)
    problems = organisation_problems(organisation)
    if problems:
        raise InvalidOrganisation(
            _("{problems}. Correct it; nothing was saved.").format(problems="; ".join(problems))
        )


def write_organisation(
    session: Session, organisation: Organisation, *, now: datetime, actor: str
) -> None:
    """Store checked details and their audit event inside the caller's transaction."""
    before = read_organisation(session)
    for name, value in asdict(organisation).items():
        put_setting(session, _KEYS[name], value)
    changed = sorted(
        name
        for name in _KEYS
        if getattr(before, name) != getattr(organisation, name) and not name.endswith("_png")
    )
    append_event(
        session,
        action=AuditAction.SETTINGS_ORGANISATION,
        actor=organisation.officer_name or actor,
        at=now,
        payload={"changed": changed},
    )


def save_organisation(register: Register, organisation: Organisation, *, now: datetime) -> None:
    """Store the details; checks them first so a typo cannot break every deadline or letter."""
    check_organisation(organisation)
    actor = register.actor
    with register.writing() as session:
        write_organisation(session, organisation, now=now, actor=actor)
