"""The officer's own deadline settings: edited policies, defaults, holidays, reminder schedule.

They live in the register's ``setting`` table (JSON values), so they travel with the register
and its backups and are covered by the same encryption. Every change appends a
``settings.changed`` event to the audit chain in the same transaction, because a changed rule
changes every date it governs and the officer must be able to show when and why.

Keys:

* ``policies.custom`` — a list of `policy_to_dict` objects: copies of presets, edited. Several
  versions may share an id (told apart by ``version`` and their in-force dates), so an
  amendment to the company's own rule never changes older cases, exactly as for presets.
* ``policies.defaults`` — request type value → policy id, the officer's explicit choice. A
  request type without an entry gets the policy the law applies on the case's received date
  (`legal_default`, from ``organisation.profile``), else ``org-default``
  (`BUILT_IN_DEFAULT_POLICY`) where the law sets no period. A choice looser than the law is
  refused.
* ``organisation.profile`` — ``{"intermediary": bool, "jurisdictions": ["IN", ...]}``, asked at
  set-up: what the organisation is, for the law-based defaults.
* ``calendar.days_off`` — the officer's office closures (ISO dates), added to the working
  calendar of each policy whose law counts them (`Policy.office_closures_count`).
* ``calendar.member_state`` — the controller's Member State ("DE", "ES-MD"), whose public
  holidays GDPR periods roll over (Reg 1182/71 art 3(4)).
* ``reminders.schedule`` — ``{"offsets_days": [...], "daily_when_overdue": bool}`` to use one
  schedule for every policy; absent means each policy's own ``reminder_offsets``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.domain.case_types import RequestType
from grievance_desk.domain.policy import (
    HolidayRegion,
    Policy,
    PolicyFormatError,
    policy_from_dict,
    policy_to_dict,
)
from grievance_desk.domain.policy_defaults import (
    OrganisationProfile,
    legal_default,
    looser_than,
)
from grievance_desk.domain.policy_presets import (
    PRESETS,
    PolicyNotInForceError,
    UnknownPolicyError,
    choose_policy_version,
    policy_ids,
    preset_versions,
)
from grievance_desk.domain.reminders import ReminderSchedule, schedule_for_policy
from grievance_desk.domain.work_calendar import (
    UnknownHolidayRegionError,
    WorkCalendar,
    calendar_for_policy,
)
from grievance_desk.messages import _, ngettext
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_registry import (
    CALENDAR_DAYS_OFF,
    CALENDAR_MEMBER_STATE,
    ORGANISATION_PROFILE,
    POLICIES_CUSTOM,
    POLICIES_DEFAULTS,
    REMINDERS_SCHEDULE,
)
from grievance_desk.storage.settings_store import put_setting
from grievance_desk.storage.tables import Case, Setting

__all__ = [
    "BUILT_IN_DEFAULT_POLICY",
    "CUSTOM_POLICIES_KEY",
    "DAYS_OFF_KEY",
    "DEFAULTS_KEY",
    "MEMBER_STATE_KEY",
    "PROFILE_KEY",
    "REMINDER_SCHEDULE_KEY",
    "PolicySettings",
    "PolicySettingsError",
    "add_days_off",
    "all_policies",
    "copy_preset",
    "custom_policies",
    "days_off",
    "default_policy_ids",
    "delete_custom_policy",
    "load_policy_settings",
    "reminder_schedule_override",
    "remove_days_off",
    "save_custom_policy",
    "set_days_off",
    "set_default_policy",
    "set_member_state",
    "set_profile",
    "set_reminder_schedule",
]

CUSTOM_POLICIES_KEY = POLICIES_CUSTOM.key
DEFAULTS_KEY = POLICIES_DEFAULTS.key
DAYS_OFF_KEY = CALENDAR_DAYS_OFF.key
REMINDER_SCHEDULE_KEY = REMINDERS_SCHEDULE.key
PROFILE_KEY = ORGANISATION_PROFILE.key
MEMBER_STATE_KEY = CALENDAR_MEMBER_STATE.key

#: The policy of a request type the officer has not given a default: the company's own.
BUILT_IN_DEFAULT_POLICY = "org-default"

_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,59}")


class PolicySettingsError(RegisterError):
    """A policy setting that cannot be saved or used; the message names the problem and fix."""


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class PolicySettings:
    """Every deadline setting read at once, so a listing of 10,000 cases reads them once."""

    custom: tuple[Policy, ...] = ()
    defaults: Mapping[str, str] = field(default_factory=dict)
    days_off: tuple[date, ...] = ()
    schedule_override: ReminderSchedule | None = None
    profile: OrganisationProfile | None = None
    member_state: HolidayRegion | None = None

    @property
    def policies(self) -> tuple[Policy, ...]:
        """Presets then the officer's own: everything a case can be put under."""
        return (*PRESETS, *self.custom)

    def known_ids(self) -> tuple[str, ...]:
        """Distinct policy ids, for menus and "unknown policy" messages."""
        return policy_ids(self.policies)

    def default_for(
        self, request_type: str, kind: str | None = None, received_on: date | None = None
    ) -> str:
        """The policy id a case of ``request_type`` without its own policy is put under.

        The officer's explicit default first; else, with a set-up profile and the received
        date, the policy the law applies then; else the organisation's own.
        """
        return self.default_and_reason(request_type, kind, received_on)[0]

    def default_and_reason(
        self, request_type: str, kind: str | None = None, received_on: date | None = None
    ) -> tuple[str, str]:
        """`default_for` plus why, for the settings page and the case's explanation."""
        chosen = self.defaults.get(str(request_type))
        if chosen is not None:
            return chosen, _("the officer's default for this request type")
        if self.profile is not None and received_on is not None:
            found = legal_default(
                self.profile, str(request_type), kind or "rights_request", received_on
            )
            if found.policy_id is not None:
                return found.policy_id, found.reason
            return BUILT_IN_DEFAULT_POLICY, found.reason
        return BUILT_IN_DEFAULT_POLICY, _("no set-up profile: the organisation's own timeframe")

    def looser_than_law(
        self, policy_id: str, request_type: str, kind: str, received_on: date
    ) -> str | None:
        """Why ``policy_id`` is looser than the law for such a case, or None."""
        if self.profile is None:
            return None
        found = legal_default(self.profile, request_type, kind, received_on)
        if found.policy_id is None or found.policy_id == policy_id:
            return None
        try:
            ours = self.policy_in_force(policy_id, received_on)
            law = self.policy_in_force(found.policy_id, received_on)
        except PolicySettingsError:
            return None
        return looser_than(ours, law, received_on)

    def versions(self, policy_id: str) -> tuple[Policy, ...]:
        """All versions of ``policy_id``; an unknown id lists the known ones."""
        try:
            return preset_versions(policy_id, self.policies)
        except UnknownPolicyError:
            raise PolicySettingsError(
                _unknown_policy_message(policy_id, self.known_ids())
            ) from None

    def policy_in_force(self, policy_id: str, received_on: date) -> Policy:
        """The version of ``policy_id`` governing a case received on ``received_on``.

        Chosen by received date, so an amendment (a preset's or the officer's own) never
        changes the rule for complaints already in hand.
        """
        try:
            return choose_policy_version(self.versions(policy_id), received_on)
        except PolicyNotInForceError as error:
            raise PolicySettingsError(
                _("Policy {policy_id}: {error}.").format(policy_id=repr(policy_id), error=error)
            ) from None

    def calendar_for(self, policy: Policy) -> WorkCalendar:
        """The policy's working calendar: office closures where its law counts them, and the
        controller's Member State's holidays where its law uses them."""
        return calendar_for_policy(policy, self.days_off, self.member_state)

    def schedule_for(self, policy: Policy) -> ReminderSchedule:
        """The officer's one schedule if set, else the policy's own offsets; an hour-based
        policy keeps its minute offsets either way (a day-start reminder is too late for 2 h)."""
        if self.schedule_override is None:
            return schedule_for_policy(policy)
        return replace(self.schedule_override, offsets_minutes=policy.reminder_minutes)


def _unknown_policy_message(policy_id: str, known: Iterable[str]) -> str:
    return _(
        "There is no policy {policy}. Known policies: {known}. Pick one of these, or copy a "
        "preset to make your own."
    ).format(policy=repr(policy_id), known=", ".join(known))


def _custom_from_setting(raw: Any) -> tuple[Policy, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise PolicySettingsError(
            _(
                "The setting {custom_policies_key} is damaged (not a list). Restore it from a "
                "backup or save your policies again."
            ).format(custom_policies_key=CUSTOM_POLICIES_KEY)
        )
    found = []
    for item in raw:
        try:
            found.append(policy_from_dict(item))
        except PolicyFormatError as error:
            raise PolicySettingsError(
                _(
                    "A saved policy in {custom_policies_key} is damaged ({error}). Edit and save "
                    "it again, or restore the settings from a backup."
                ).format(custom_policies_key=CUSTOM_POLICIES_KEY, error=error)
            ) from None
    return tuple(found)


def _schedule_from_setting(raw: Any) -> ReminderSchedule | None:
    if raw is None:
        return None
    try:
        return ReminderSchedule(
            offsets_days=tuple(int(o) for o in raw["offsets_days"]),
            daily_when_overdue=bool(raw.get("daily_when_overdue", True)),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise PolicySettingsError(
            _(
                "The setting {reminder_schedule_key} is damaged ({error}). Set the reminder "
                "schedule again."
            ).format(reminder_schedule_key=REMINDER_SCHEDULE_KEY, error=error)
        ) from None


def _days_from_setting(raw: Any) -> tuple[date, ...]:
    if raw is None:
        return ()
    try:
        return tuple(sorted({date.fromisoformat(str(d)) for d in raw}))
    except (TypeError, ValueError) as error:
        raise PolicySettingsError(
            _("The setting {days_off_key} is damaged ({error}). Set your days off again.").format(
                days_off_key=DAYS_OFF_KEY, error=error
            )
        ) from None


def _profile_from_setting(raw: Any) -> OrganisationProfile | None:
    if raw is None:
        return None
    try:
        return OrganisationProfile(
            intermediary=bool(raw["intermediary"]),
            jurisdictions=tuple(str(j) for j in raw["jurisdictions"]),
            significant=bool(raw.get("significant", False)),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise PolicySettingsError(
            _(
                "The setting {profile_key} is damaged ({error}). Answer the set-up questions "
                "about the organisation again under Settings → Deadlines."
            ).format(profile_key=PROFILE_KEY, error=error)
        ) from None


def _member_state(code: str) -> HolidayRegion:
    country, _dash, subdiv = code.strip().partition("-")
    try:
        region = HolidayRegion(country.upper(), subdiv or None)
        WorkCalendar(regions=(region,))
    except (PolicyFormatError, UnknownHolidayRegionError) as error:
        raise PolicySettingsError(
            _(
                "{code} is not a Member State calendar ({error}). Write a country code such as "
                "DE, FR or IE, or with a region, ES-MD."
            ).format(code=repr(code), error=error)
        ) from None
    return region


_KEYS = (
    CUSTOM_POLICIES_KEY,
    DEFAULTS_KEY,
    DAYS_OFF_KEY,
    REMINDER_SCHEDULE_KEY,
    PROFILE_KEY,
    MEMBER_STATE_KEY,
)


def _read_keys(session: Session) -> dict[str, Any]:
    """Every deadline setting in one query (listings read them once per page)."""
    rows = session.scalars(select(Setting).where(col(Setting.key).in_(_KEYS))).all()
    return {row.key: json.loads(row.value) for row in rows}


def load_policy_settings(session: Session) -> PolicySettings:
    """Read every deadline setting in one go (one query)."""
    stored = _read_keys(session)
    defaults = stored.get(DEFAULTS_KEY) or {}
    if not isinstance(defaults, dict):
        raise PolicySettingsError(
            _(
                "The setting {defaults_key} is damaged (not a mapping). Set the default "
                "policies again."
            ).format(defaults_key=DEFAULTS_KEY)
        )
    return PolicySettings(
        custom=_custom_from_setting(stored.get(CUSTOM_POLICIES_KEY)),
        defaults={str(k): str(v) for k, v in defaults.items()},
        days_off=_days_from_setting(stored.get(DAYS_OFF_KEY)),
        schedule_override=_schedule_from_setting(stored.get(REMINDER_SCHEDULE_KEY)),
        profile=_profile_from_setting(stored.get(PROFILE_KEY)),
        member_state=_stored_member_state(stored.get(MEMBER_STATE_KEY)),
    )


def _stored_member_state(raw: Any) -> HolidayRegion | None:
    if raw is None:
        return None
    try:
        return _member_state(str(raw))
    except PolicySettingsError as error:
        raise PolicySettingsError(
            _("The setting {member_state_key} is damaged: {error}").format(
                member_state_key=MEMBER_STATE_KEY, error=error
            )
        ) from None


def custom_policies(session: Session) -> tuple[Policy, ...]:
    """The officer's own policies, so the `policies` listing and menus can show them."""
    return load_policy_settings(session).custom


def all_policies(session: Session) -> tuple[Policy, ...]:
    """Presets and the officer's own, every version: what a case can be put under."""
    return load_policy_settings(session).policies


def default_policy_ids(session: Session) -> dict[str, str]:
    """The policy id for every request type, built-in defaults filled in, for the settings page."""
    settings = load_policy_settings(session)
    return {t.value: settings.default_for(t.value) for t in RequestType}


def days_off(session: Session) -> tuple[date, ...]:
    """The officer's own days off, sorted."""
    return load_policy_settings(session).days_off


def reminder_schedule_override(session: Session) -> ReminderSchedule | None:
    """The officer's one reminder schedule, or None when each policy's own applies."""
    return load_policy_settings(session).schedule_override


# --------------------------------------------------------------------------- changing


def _record(
    session: Session, register_actor: str, key: str, before: Any, after: Any, now: datetime
) -> None:
    """Store ``after`` under ``key`` and trace the change in the same transaction."""
    put_setting(session, key, after)
    append_event(
        session,
        action=AuditAction.SETTINGS_CHANGED,
        actor=register_actor,
        at=now,
        payload={"key": key, "before": before, "after": after},
    )


def _check_custom_policy(policy: Policy) -> None:
    preset_ids = policy_ids(PRESETS)
    if policy.id in preset_ids:
        raise PolicySettingsError(
            _(
                "{id} is the id of a preset policy; your own policy needs another id (for "
                "example {id2}-ours). Preset ids: {names}."
            ).format(id=repr(policy.id), id2=policy.id, names=", ".join(preset_ids))
        )
    if not _ID_PATTERN.fullmatch(policy.id):
        raise PolicySettingsError(
            _(
                "{id} cannot be a policy id: use 1 to 60 lower-case letters, digits, dots, "
                "dashes or underscores, starting with a letter or digit (e.g. acme-30-days)."
            ).format(id=repr(policy.id))
        )
    if not policy.name.strip():
        raise PolicySettingsError(
            _("Policy {id} needs a name the officer recognises.").format(id=repr(policy.id))
        )
    try:
        calendar_for_policy(policy)
    except UnknownHolidayRegionError as error:
        raise PolicySettingsError(
            _("Policy {id}: {error}.").format(id=repr(policy.id), error=error)
        ) from None


def save_custom_policy(register: Register, policy: Policy, *, now: datetime) -> Policy:
    """Add or replace one of the officer's own policies (same id and version → replaced).

    Refuses a preset's id: a case's stored policy id must always mean one rule, or its dates
    could silently change when the presets are updated.
    """
    actor = register.actor
    with register.writing() as session:
        return record_custom_policy(session, policy, now=now, actor=actor)


def record_custom_policy(session: Session, policy: Policy, *, now: datetime, actor: str) -> Policy:
    """``save_custom_policy`` inside the caller's transaction, with the same checks."""
    _check_custom_policy(policy)
    before = POLICIES_CUSTOM.read(session) or []
    current = list(_custom_from_setting(before))
    kept = [p for p in current if (p.id, p.version) != (policy.id, policy.version)]
    after = [policy_to_dict(p) for p in (*kept, policy)]
    _record(session, actor, CUSTOM_POLICIES_KEY, before, after, now)
    return policy


def copy_preset(
    register: Register,
    preset_id: str,
    new_id: str,
    *,
    now: datetime,
    changes: Mapping[str, Any] | None = None,
    received_on: date | None = None,
) -> Policy:
    """Copy a preset (the version in force on ``received_on``, else the latest) under a new id.

    ``changes`` are `policy_to_dict` fields to edit (e.g. ``{"respond": {"amount": 21,
    "unit": "calendar_days"}}``); they are validated field by field, so a typo is refused
    with the field's name instead of silently giving a wrong date.
    """
    try:
        versions = preset_versions(preset_id)
    except UnknownPolicyError:
        raise PolicySettingsError(_unknown_policy_message(preset_id, policy_ids(PRESETS))) from None
    if received_on is not None:
        try:
            source = choose_policy_version(versions, received_on)
        except PolicyNotInForceError as error:
            raise PolicySettingsError(
                _("Policy {preset_id}: {error}.").format(preset_id=repr(preset_id), error=error)
            ) from None
    else:
        source = max(versions, key=lambda p: p.in_force_from or date.min)
    data = policy_to_dict(source)
    data.update(
        {
            "id": new_id,
            "name": f"{source.name} (own copy)",
            "in_force_from": None,
            "in_force_until": None,
            "version": "",
        }
    )
    data.update(dict(changes or {}))
    try:
        policy = policy_from_dict(data)
    except PolicyFormatError as error:
        raise PolicySettingsError(
            _("The edited copy of {preset_id} is not valid: {error}. Correct that field.").format(
                preset_id=repr(preset_id), error=error
            )
        ) from None
    return save_custom_policy(register, policy, now=now)


def delete_custom_policy(register: Register, policy_id: str, *, now: datetime) -> None:
    """Remove every version of one of the officer's own policies, unless something uses it.

    A case or a default still pointing at a deleted policy would have no deadline, so those
    must be moved to another policy first.
    """
    actor = register.actor
    with register.writing() as session:
        settings = load_policy_settings(session)
        if policy_id not in {p.id for p in settings.custom}:
            own = ", ".join(policy_ids(settings.custom)) or _("none yet")
            raise PolicySettingsError(
                _(
                    "There is no policy of your own called {policy_id} (yours: {own}); presets "
                    "cannot be deleted."
                ).format(policy_id=repr(policy_id), own=own)
            )
        used_by = [t for t, p in settings.defaults.items() if p == policy_id]
        if used_by:
            raise PolicySettingsError(
                _(
                    "Policy {policy_id} is the default for {names}. Choose another default for "
                    "those request types first."
                ).format(policy_id=repr(policy_id), names=", ".join(sorted(used_by)))
            )
        cases = session.scalar(
            select(func.count()).select_from(Case).where(col(Case.policy_id) == policy_id)
        )
        if cases:
            raise PolicySettingsError(
                ngettext(
                    "Policy {policy_id} governs {cases} case(s). Move them to another policy "
                    "first; their deadlines depend on it.",
                    "Policy {policy_id} governs {cases} case(s). Move them to another policy "
                    "first; their deadlines depend on it.",
                    cases,
                ).format(policy_id=repr(policy_id), cases=cases)
            )
        before = POLICIES_CUSTOM.read(session) or []
        after = [policy_to_dict(p) for p in settings.custom if p.id != policy_id]
        _record(session, actor, CUSTOM_POLICIES_KEY, before, after, now)


def record_profile(
    session: Session, profile: OrganisationProfile, *, now: datetime, actor: str
) -> None:
    """``set_profile`` inside the caller's transaction (the set-up writes it with the rest)."""
    after = {
        "intermediary": profile.intermediary,
        "jurisdictions": list(profile.jurisdictions),
        "significant": profile.significant,
    }
    _record(session, actor, PROFILE_KEY, ORGANISATION_PROFILE.read(session), after, now)


def set_profile(register: Register, profile: OrganisationProfile, *, now: datetime) -> None:
    """Record what the organisation is, so each case gets the policy its law applies."""
    actor = register.actor
    with register.writing() as session:
        record_profile(session, profile, now=now, actor=actor)


def set_member_state(register: Register, code: str | None, *, now: datetime) -> None:
    """Choose the controller's Member State for GDPR holidays (None: weekends only)."""
    actor = register.actor
    with register.writing() as session:
        record_member_state(session, code, now=now, actor=actor)


def record_member_state(session: Session, code: str | None, *, now: datetime, actor: str) -> None:
    """``set_member_state`` inside the caller's transaction; a wrong code is refused first."""
    after = None if code is None or not code.strip() else _member_state(code).label()
    before = CALENDAR_MEMBER_STATE.read(session)
    _record(session, actor, MEMBER_STATE_KEY, before, after, now)


def set_default_policy(
    register: Register,
    request_type: RequestType | str,
    policy_id: str | None,
    *,
    now: datetime,
    case_kind: str = "rights_request",
) -> None:
    """Choose the policy for new cases of a request type (None → the law's, else built-in).

    A policy looser than the law that applies to such a case today is refused, naming both
    dates: the organisation's own rule may be stricter than the law, never looser.
    """
    actor = register.actor
    with register.writing() as session:
        record_default_policy(
            session, request_type, policy_id, now=now, actor=actor, case_kind=case_kind
        )


def record_default_policy(
    session: Session,
    request_type: RequestType | str,
    policy_id: str | None,
    *,
    now: datetime,
    actor: str,
    case_kind: str = "rights_request",
) -> None:
    """``set_default_policy`` inside the caller's transaction (the set-up writes it with the
    rest); the same checks, against the profile as stored so far in that transaction."""
    try:
        kind = RequestType(request_type)
    except ValueError:
        known = ", ".join(t.value for t in RequestType)
        raise PolicySettingsError(
            _("{request_type} is not a request type. Request types: {known}.").format(
                request_type=repr(request_type), known=known
            )
        ) from None
    settings = load_policy_settings(session)
    if policy_id is not None:
        settings.versions(policy_id)  # unknown → lists the known ids
        looser = settings.looser_than_law(policy_id, kind.value, case_kind, now.date())
        if looser is not None:
            raise PolicySettingsError(
                _("Not saved: {looser}. Choose a stricter policy.").format(looser=looser)
            )
    before = dict(settings.defaults)
    after = dict(before)
    if policy_id is None:
        after.pop(kind.value, None)
    else:
        after[kind.value] = policy_id
    _record(session, actor, DEFAULTS_KEY, before, after, now)


def _clean_days(days: Iterable[date | str]) -> list[str]:
    cleaned: set[date] = set()
    for day in days:
        if isinstance(day, datetime):
            raise PolicySettingsError(
                _("{day} is a moment, not a day; give a date (YYYY-MM-DD).").format(day=repr(day))
            )
        if isinstance(day, date):
            cleaned.add(day)
            continue
        try:
            cleaned.add(date.fromisoformat(str(day).strip()))
        except ValueError:
            raise PolicySettingsError(
                _("{day} is not a date; write days off as YYYY-MM-DD (e.g. 2026-12-24).").format(
                    day=repr(day)
                )
            ) from None
    return [d.isoformat() for d in sorted(cleaned)]


def set_days_off(register: Register, days: Iterable[date | str], *, now: datetime) -> None:
    """Replace the officer's holiday list (roll-forward and business days skip these days)."""
    after = _clean_days(days)
    actor = register.actor
    with register.writing() as session:
        before = CALENDAR_DAYS_OFF.read(session) or []
        _record(session, actor, DAYS_OFF_KEY, before, after, now)


def add_days_off(register: Register, days: Iterable[date | str], *, now: datetime) -> None:
    """Add days to the officer's holiday list, keeping the ones already there."""
    actor = register.actor
    with register.writing() as session:
        record_days_off_added(session, days, now=now, actor=actor)


def record_days_off_added(
    session: Session, days: Iterable[date | str], *, now: datetime, actor: str
) -> None:
    """``add_days_off`` inside the caller's transaction; a day that is not a date is refused."""
    extra = _clean_days(days)
    before = CALENDAR_DAYS_OFF.read(session) or []
    after = sorted(set(_clean_days(before)) | set(extra))
    _record(session, actor, DAYS_OFF_KEY, before, after, now)


def remove_days_off(register: Register, days: Iterable[date | str], *, now: datetime) -> None:
    """Take days off the officer's holiday list (days not on it are ignored)."""
    actor = register.actor
    with register.writing() as session:
        record_days_off_removed(session, days, now=now, actor=actor)


def record_days_off_removed(
    session: Session, days: Iterable[date | str], *, now: datetime, actor: str
) -> None:
    """``remove_days_off`` inside the caller's transaction."""
    gone = set(_clean_days(days))
    before = CALENDAR_DAYS_OFF.read(session) or []
    after = [d for d in _clean_days(before) if d not in gone]
    _record(session, actor, DAYS_OFF_KEY, before, after, now)


def set_reminder_schedule(
    register: Register, schedule: ReminderSchedule | None, *, now: datetime
) -> None:
    """Use one reminder schedule for every policy (None → each policy's own offsets)."""
    after: dict[str, Any] | None = (
        None
        if schedule is None
        else {
            "offsets_days": list(schedule.offsets_days),
            "daily_when_overdue": schedule.daily_when_overdue,
        }
    )
    actor = register.actor
    with register.writing() as session:
        before = REMINDERS_SCHEDULE.read(session)
        _record(session, actor, REMINDER_SCHEDULE_KEY, before, after, now)


def record_policy_choices(
    session: Session,
    *,
    now: datetime,
    actor: str,
    profile: OrganisationProfile | None = None,
    member_state: str | None = None,
    defaults: Mapping[str, str | None] | None = None,
) -> None:
    """Record the organisation profile, Member State and default policies at once, all or none.

    For ``grievance-desk settings`` (through `settings_moving_dates.save_policy_choices`,
    which moves the dates in the same transaction): every choice is checked (request type,
    policy id, a default looser than the law under the new profile, the Member State code)
    before anything is written. ``member_state`` "" clears it, None leaves it; a default of
    None goes back to the law's (else the built-in) policy.
    """
    region = None
    if member_state is not None and member_state.strip():
        region = _member_state(member_state)
    wanted: dict[str, str | None] = {}
    for request_type, policy_id in (defaults or {}).items():
        try:
            wanted[RequestType(request_type).value] = policy_id
        except ValueError:
            known = ", ".join(t.value for t in RequestType)
            raise PolicySettingsError(
                _("{request_type} is not a request type. Request types: {known}.").format(
                    request_type=repr(request_type), known=known
                )
            ) from None
    settings = load_policy_settings(session)
    if profile is not None:
        settings = replace(settings, profile=profile)
    for request_type, policy_id in wanted.items():
        if policy_id is None:
            continue
        settings.versions(policy_id)  # unknown → lists the known ids
        looser = settings.looser_than_law(policy_id, request_type, "rights_request", now.date())
        if looser is not None:
            raise PolicySettingsError(
                _("Not saved: {request_type}: {looser}. Choose a stricter policy.").format(
                    request_type=request_type, looser=looser
                )
            )
    if profile is not None:
        after = {
            "intermediary": profile.intermediary,
            "jurisdictions": list(profile.jurisdictions),
            "significant": profile.significant,
        }
        _record(session, actor, PROFILE_KEY, ORGANISATION_PROFILE.read(session), after, now)
    if member_state is not None:
        label = None if region is None else region.label()
        before_state = CALENDAR_MEMBER_STATE.read(session)
        _record(session, actor, MEMBER_STATE_KEY, before_state, label, now)
    if wanted:
        before = dict(settings.defaults)
        after_defaults = dict(before)
        for request_type, policy_id in wanted.items():
            if policy_id is None:
                after_defaults.pop(request_type, None)
            else:
                after_defaults[request_type] = policy_id
        _record(session, actor, DEFAULTS_KEY, before, after_defaults, now)
