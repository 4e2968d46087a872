"""What the set-up wizard chose, written into a new register in its first transaction.

Setting up a register was three transactions (create, then the organisation, then the
profile and each policy choice), so a mistake in the last left a register behind that the
wizard could not go back to. Now every choice is checked first and written with the
register's own first settings, before its file is put in place: a register is created set
up, or not at all, with one audit event group (the same time and actor).
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from grievance_desk.domain.case_types import RequestType
from grievance_desk.domain.policy_defaults import OrganisationProfile
from grievance_desk.messages import _
from grievance_desk.services.organisation import (
    InvalidOrganisation,
    Organisation,
    check_organisation,
    write_organisation,
)
from grievance_desk.services.policy_settings import record_default_policy, record_profile


@dataclass(frozen=True)
class RegisterSetup:
    """The organisation, what it is, and the policies chosen per request type (if any)."""

    organisation: Organisation
    profile: OrganisationProfile | None = None
    default_policies: Mapping[RequestType, str] = field(default_factory=dict)


def _actor(setup: RegisterSetup) -> str:
    if setup.organisation.officer_name:
        return setup.organisation.officer_name
    try:
        return getpass.getuser()
    except Exception:  # no user name on some service accounts
        return "officer"


def check_setup(setup: RegisterSetup) -> None:
    """Refuse bad details before any file is made (a mistyped time zone, a bad e-mail),
    as an ``InvalidOrganisation`` naming the field and the fix."""
    try:
        check_organisation(setup.organisation)
    except ValueError as error:  # a time zone this computer does not know
        raise InvalidOrganisation(
            _("{error} Correct it; nothing was saved.").format(error=error)
        ) from None


def write_setup(session: Session, setup: RegisterSetup, *, now: datetime) -> None:
    """Write the set-up inside the creating transaction (``Register.create(populate=…)``)."""
    actor = _actor(setup)
    write_organisation(session, setup.organisation, now=now, actor=actor)
    if setup.profile is not None:
        record_profile(session, setup.profile, now=now, actor=actor)
    for kind, policy_id in setup.default_policies.items():
        record_default_policy(session, kind, policy_id, now=now, actor=actor)
