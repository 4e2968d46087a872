"""What the Settings page's deadline section shows, read in one go on the worker thread.

Policies in force, defaults, days off, the reminder schedule, templates and what the
organisation is: one read of the register, so the window never opens a session itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from grievance_desk.domain.policy import Policy
from grievance_desk.domain.policy_defaults import OrganisationProfile
from grievance_desk.domain.reminders import ReminderSchedule
from grievance_desk.services import policy_settings as ps
from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_templates import LetterTemplate, list_templates
from grievance_desk.storage.register import Register


@dataclass(frozen=True)
class DeadlineSettings:
    """Everything the section shows, read in one go on the worker."""

    policies: tuple[Policy, ...]
    custom_ids: tuple[str, ...]
    defaults: dict[str, str]
    days_off: tuple[date, ...]
    schedule: ReminderSchedule | None
    templates: tuple[LetterTemplate, ...]
    profile: OrganisationProfile | None = None
    member_state: str = ""
    looser: tuple[str, ...] = ()


def read_settings(register: Register) -> DeadlineSettings:
    """Read what the Settings page's deadline section shows (call it off the GUI thread)."""
    with register.reading() as session:
        loaded = ps.load_policy_settings(session)
        return DeadlineSettings(
            policies=loaded.policies,
            custom_ids=tuple(dict.fromkeys(p.id for p in loaded.custom)),
            defaults=dict(loaded.defaults),
            days_off=loaded.days_off,
            schedule=loaded.schedule_override,
            templates=tuple(list_templates(session)),
            profile=loaded.profile,
            member_state=loaded.member_state.label() if loaded.member_state else "",
            looser=_looser_defaults(loaded),
        )


def _looser_defaults(loaded: ps.PolicySettings) -> tuple[str, ...]:
    """Stored defaults looser than the law for a case received today, said in words."""
    today = utc_now().date()
    found = []
    for kind, policy_id in loaded.defaults.items():
        reason = loaded.looser_than_law(policy_id, kind, "rights_request", today)
        if reason is not None:
            found.append(f"{kind}: {reason}.")
    return tuple(found)
