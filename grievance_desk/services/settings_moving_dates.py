"""Deadline settings that move dates, saved with the stored next deadlines they move.

A changed profile, Member State, default policy, day off or own policy can move every open
case's next deadline. The change, its audit event and the refreshed ``next_due`` column are
one transaction (issue 16.3), so a refused refresh leaves the setting unchanged too and the
lists never show dates from the old rule next to the new one. Kept apart from
``policy_settings`` because ``case_deadlines`` imports that module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from grievance_desk.domain.case_types import RequestType
from grievance_desk.domain.policy import Policy
from grievance_desk.domain.policy_defaults import OrganisationProfile
from grievance_desk.services import policy_settings as ps
from grievance_desk.services.case_deadlines import refresh_next_due_from
from grievance_desk.storage.register import Register

T = TypeVar("T")


def _moving_dates(register: Register, now: datetime, change: Callable[[Session, str], T]) -> T:
    """Run ``change`` and refresh every open case's next deadline in one transaction."""
    actor = register.actor
    with register.writing() as session:
        result = change(session, actor)
        refresh_next_due_from(session, 1, now=now)
        return result


def set_profile(register: Register, profile: OrganisationProfile, *, now: datetime) -> None:
    """Record what the organisation is and move the dates it governs."""
    _moving_dates(
        register, now, lambda s, actor: ps.record_profile(s, profile, now=now, actor=actor)
    )


def set_member_state(register: Register, code: str | None, *, now: datetime) -> None:
    """Choose the Member State for GDPR holidays and move the dates it governs."""
    _moving_dates(
        register, now, lambda s, actor: ps.record_member_state(s, code, now=now, actor=actor)
    )


def set_default_policy(
    register: Register, request_type: RequestType | str, policy_id: str | None, *, now: datetime
) -> None:
    """Choose a request type's default policy and move the dates of the cases it governs."""
    _moving_dates(
        register,
        now,
        lambda s, actor: ps.record_default_policy(s, request_type, policy_id, now=now, actor=actor),
    )


def add_days_off(register: Register, days: Iterable[date | str], *, now: datetime) -> None:
    """Add days off and move the due dates that counted them as working days."""
    _moving_dates(
        register, now, lambda s, actor: ps.record_days_off_added(s, days, now=now, actor=actor)
    )


def remove_days_off(register: Register, days: Iterable[date | str], *, now: datetime) -> None:
    """Take days off the list and move the due dates that skipped them."""
    _moving_dates(
        register, now, lambda s, actor: ps.record_days_off_removed(s, days, now=now, actor=actor)
    )


def save_custom_policy(register: Register, policy: Policy, *, now: datetime) -> Policy:
    """Save one of the officer's own policies and move the dates of the cases under it."""
    return _moving_dates(
        register, now, lambda s, actor: ps.record_custom_policy(s, policy, now=now, actor=actor)
    )


def save_policy_choices(
    register: Register,
    *,
    now: datetime,
    profile: OrganisationProfile | None = None,
    member_state: str | None = None,
    defaults: Mapping[str, str | None] | None = None,
) -> None:
    """Save the profile, Member State and default policies at once and move the dates they
    govern (`grievance-desk settings`): the open cases' next deadlines change in the same
    transaction, as they do when the window saves one of these."""
    _moving_dates(
        register,
        now,
        lambda s, actor: ps.record_policy_choices(
            s, now=now, actor=actor, profile=profile, member_state=member_state, defaults=defaults
        ),
    )
