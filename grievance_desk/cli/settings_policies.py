"""The ``policy.*`` keys of ``grievance-desk settings``: which deadline policy applies by default.

The same choices as the window's Settings → Deadlines: what the organisation is (its
jurisdictions, whether it is an intermediary, a significant one), the Member State whose
holidays GDPR deadlines skip, and the officer's default policy per request type. Without an
explicit default, a case gets the policy its law applies (or the built-in one), as in the window.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from grievance_desk.cli.common import UserError
from grievance_desk.messages import _

if TYPE_CHECKING:
    from grievance_desk.storage.register import Register

PREFIX = "policy."
JURISDICTIONS_KEY = "policy.profile.jurisdictions"
INTERMEDIARY_KEY = "policy.profile.intermediary"
SIGNIFICANT_KEY = "policy.profile.significant"
MEMBER_STATE_KEY = "policy.member_state"
DEFAULT_PREFIX = "policy.default."
_YES = {"yes", "y", "true", "1", "on"}
_NO = {"no", "n", "false", "0", "off", ""}


def known_keys() -> list[str]:
    """Every policy key ``settings`` takes, for the "not a setting" message."""
    from grievance_desk.domain.case_types import RequestType

    fixed = [JURISDICTIONS_KEY, INTERMEDIARY_KEY, SIGNIFICANT_KEY, MEMBER_STATE_KEY]
    return fixed + [f"{DEFAULT_PREFIX}{kind.value}" for kind in RequestType]


def _yes_no(key: str, value: str) -> bool:
    word = value.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise UserError(
        _("{key}={value}: write yes or no. Nothing was saved.").format(key=key, value=repr(value))
    )


def show(register: Register, today: date, *, explain_unset: bool = True) -> dict[str, str]:
    """The policy keys with their values; an unset default shows what applies today, and why
    (or, for ``--json``, is empty)."""
    from grievance_desk.domain.case_types import RequestType
    from grievance_desk.services.policy_settings import load_policy_settings

    with register.reading() as session:
        settings = load_policy_settings(session)
    profile = settings.profile
    shown = {
        JURISDICTIONS_KEY: ",".join(profile.jurisdictions) if profile else "",
        INTERMEDIARY_KEY: ("yes" if profile.intermediary else "no") if profile else "",
        SIGNIFICANT_KEY: ("yes" if profile.significant else "no") if profile else "",
        MEMBER_STATE_KEY: settings.member_state.label() if settings.member_state else "",
    }
    for kind in RequestType:
        chosen = settings.defaults.get(kind.value)
        if chosen is None and not explain_unset:
            chosen = ""
        elif chosen is None:
            policy_id, reason = settings.default_and_reason(kind.value, received_on=today)
            chosen = _("(not set: {policy}, {reason})").format(policy=policy_id, reason=reason)
        shown[f"{DEFAULT_PREFIX}{kind.value}"] = chosen
    return shown


def effective_defaults(register: Register, today: date) -> dict[str, str]:
    """The policy id a new case of each request type received today is put under."""
    from grievance_desk.domain.case_types import RequestType
    from grievance_desk.services.policy_settings import load_policy_settings

    with register.reading() as session:
        settings = load_policy_settings(session)
    return {kind.value: settings.default_for(kind.value, received_on=today) for kind in RequestType}


def save(register: Register, pairs: Iterable[tuple[str, str]]) -> int:
    """Check then save the ``policy.*`` pairs in one transaction, with the next deadlines they
    move; returns how many were set."""
    from grievance_desk.domain.policy_defaults import JURISDICTIONS, OrganisationProfile
    from grievance_desk.services.clock import utc_now
    from grievance_desk.services.policy_settings import PolicySettingsError, load_policy_settings
    from grievance_desk.services.settings_moving_dates import save_policy_choices

    jurisdictions: tuple[str, ...] | None = None
    flags: dict[str, bool] = {}
    member_state: str | None = None
    defaults: dict[str, str | None] = {}
    count = 0
    known = known_keys()
    for key, value in pairs:
        count += 1
        if key == JURISDICTIONS_KEY:
            codes = tuple(code.strip().upper() for code in value.split(",") if code.strip())
            unknown = [code for code in codes if code not in JURISDICTIONS]
            if unknown:
                raise UserError(
                    _(
                        "{key}: {codes} is not a jurisdiction; choose from {known} "
                        "(comma-separated, home first). Nothing was saved."
                    ).format(key=key, codes=", ".join(unknown), known=", ".join(JURISDICTIONS))
                )
            jurisdictions = codes
        elif key in (INTERMEDIARY_KEY, SIGNIFICANT_KEY):
            flags[key] = _yes_no(key, value)
        elif key == MEMBER_STATE_KEY:
            member_state = value.strip()
        elif key in known:
            defaults[key.removeprefix(DEFAULT_PREFIX)] = value.strip() or None
        else:
            raise UserError(
                _(
                    "{key} is not a setting. Known policy settings: {names}. Nothing was saved."
                ).format(key=repr(key), names=", ".join(known))
            )
    profile = None
    if jurisdictions is not None or flags:
        with register.reading() as session:
            current = load_policy_settings(session).profile or OrganisationProfile()
        profile = OrganisationProfile(
            intermediary=flags.get(INTERMEDIARY_KEY, current.intermediary),
            jurisdictions=current.jurisdictions if jurisdictions is None else jurisdictions,
            significant=flags.get(SIGNIFICANT_KEY, current.significant),
        )
    try:
        save_policy_choices(
            register,
            now=utc_now(),
            profile=profile,
            member_state=member_state,
            defaults=defaults,
        )
    except PolicySettingsError as error:
        raise UserError(_("{problem} Nothing was saved.").format(problem=error)) from error
    return count
