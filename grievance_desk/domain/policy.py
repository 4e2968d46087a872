"""SLA policies: the rules a deadline is computed from.

A policy is plain, frozen data so that the officer's own edited copies can be stored as
JSON (`policy_to_dict` / `policy_from_dict`) and compared with the shipped presets. All
arithmetic lives in `deadline_engine`; this module only says *what* the rule is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from grievance_desk.messages import _, ngettext

__all__ = [
    "CAL_GOV_CODE_6700",
    "DEFAULT_REMINDER_OFFSETS",
    "PAUSE_STATUSES",
    "WEEKDAY_NAMES",
    "ClockStart",
    "CountingStart",
    "EscalationRoute",
    "ExtensionRule",
    "HolidayRegion",
    "LetterRequirement",
    "MonthEndRule",
    "PauseEffect",
    "PauseReason",
    "PauseRule",
    "Period",
    "PeriodUnit",
    "Policy",
    "PolicyFormatError",
    "describe_period",
    "policy_from_dict",
    "policy_to_dict",
]

#: Monday is 0, as in `date.weekday()`.
WEEKDAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

#: California's statutory holidays (Cal. Gov. Code §6700), kept as our own list because the
#: `holidays` package adds observances the statute does not name.
CAL_GOV_CODE_6700 = "cal-gov-code-6700"
#: Statutory holiday lists the domain computes itself, with the citation shown to the officer.
STATUTORY_CALENDARS: dict[str, str] = {CAL_GOV_CODE_6700: "Cal. Gov. Code §6700"}

#: Days before a deadline on which the officer is reminded (0 = on the day).
DEFAULT_REMINDER_OFFSETS: tuple[int, ...] = (7, 3, 1, 0)


class PolicyFormatError(ValueError):
    """A stored policy (dict / JSON) is malformed; the message names the field."""

    def __init__(self, field_name: str, problem: str) -> None:
        self.field_name = field_name
        super().__init__(
            _("policy field {field}: {problem}").format(field=repr(field_name), problem=problem)
        )


class PeriodUnit(StrEnum):
    """How a period is counted."""

    HOURS = "hours"
    CALENDAR_DAYS = "calendar_days"
    BUSINESS_DAYS = "business_days"
    CALENDAR_MONTHS = "calendar_months"


class CountingStart(StrEnum):
    """Whether the day of receipt is day one, or counting begins the day after."""

    DAY_OF_RECEIPT = "day_of_receipt"
    DAY_AFTER_RECEIPT = "day_after_receipt"


class MonthEndRule(StrEnum):
    """What "one month after the 31st" means when the target month is shorter."""

    #: 2026-01-31 + 1 month → 2026-02-28 (EU Reg. 1182/71 art. 3(2)(c), ICO guidance).
    LAST_DAY_OF_MONTH = "last_day_of_month"
    #: 2026-01-31 + 1 month → 2026-03-01 (the rule some jurisdictions use instead).
    FIRST_DAY_OF_NEXT_MONTH = "first_day_of_next_month"


class ClockStart(StrEnum):
    """When the response clock starts running."""

    RECEIPT = "receipt"
    #: UK GDPR art. 12(3A) / DPA 2018: the latest of receipt, identity proof and fee.
    LATEST_OF_RECEIPT_PROOF_FEE = "latest_of_receipt_proof_fee"


@dataclass(frozen=True)
class Period:
    """An amount of a unit, e.g. 1 calendar month or 10 business days."""

    amount: int
    unit: PeriodUnit

    def __post_init__(self) -> None:
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount < 1:
            raise PolicyFormatError(
                field_name="amount",
                problem=_("must be a whole number ≥ 1, got {value}").format(
                    value=repr(self.amount)
                ),
            )
        if not isinstance(self.unit, PeriodUnit):
            raise PolicyFormatError(
                field_name="unit",
                problem=_("must be a PeriodUnit, got {value}").format(value=repr(self.unit)),
            )


def describe_period(period: Period) -> str:
    """Render a period the way an officer reads it in a letter ("1 calendar month")."""
    n = period.amount
    if period.unit is PeriodUnit.HOURS:
        words = ngettext("{n} hour", "{n} hours", n)
    elif period.unit is PeriodUnit.CALENDAR_DAYS:
        words = ngettext("{n} calendar day", "{n} calendar days", n)
    elif period.unit is PeriodUnit.BUSINESS_DAYS:
        words = ngettext("{n} business day", "{n} business days", n)
    else:
        words = ngettext("{n} calendar month", "{n} calendar months", n)
    return words.format(n=n)


@dataclass(frozen=True)
class HolidayRegion:
    """A public-holiday calendar from the `holidays` package (country + optional subdivision)."""

    country: str
    subdiv: str | None = None
    #: None: the `holidays` package; or a statutory list we keep ourselves (CAL_GOV_CODE_6700).
    statute: str | None = None

    def __post_init__(self) -> None:
        if self.statute is not None and self.statute not in STATUTORY_CALENDARS:
            raise PolicyFormatError(
                field_name="holiday_regions.statute",
                problem=_("{value} is not one of: {allowed}").format(
                    value=repr(self.statute), allowed=", ".join(STATUTORY_CALENDARS)
                ),
            )
        if not (
            isinstance(self.country, str) and len(self.country) == 2 and self.country.isupper()
        ):
            raise PolicyFormatError(
                field_name="holiday_regions.country",
                problem=_("must be an ISO 3166 code like 'IN', got {value}").format(
                    value=repr(self.country)
                ),
            )
        if self.subdiv is not None and not (isinstance(self.subdiv, str) and self.subdiv):
            raise PolicyFormatError(
                field_name="holiday_regions.subdiv", problem=_("must be a non-empty string or null")
            )

    def label(self) -> str:
        """A short tag such as "GB-ENG", used in explanations and listings."""
        tag = self.country if self.subdiv is None else f"{self.country}-{self.subdiv}"
        return tag if self.statute is None else f"{tag} ({STATUTORY_CALENDARS[self.statute]})"


@dataclass(frozen=True)
class ExtensionRule:
    """Whether, by how much, how often, and by when notice must be given of an extension.

    ``notice_within`` is the period from the clock start within which the requester must be
    told; ``None`` means "within the original response period" (GDPR, CCPA), i.e. notice is
    due by the response due date.
    """

    allowed: bool = False
    length: Period | None = None
    max_count: int = 0
    notice_within: Period | None = None

    def __post_init__(self) -> None:
        if self.allowed:
            if self.length is None:
                raise PolicyFormatError(
                    field_name="extension.length",
                    problem=_("is required when extension is allowed"),
                )
            if isinstance(self.max_count, bool) or self.max_count < 1:
                raise PolicyFormatError(
                    field_name="extension.max_count",
                    problem=_("must be ≥ 1 when extension is allowed"),
                )
        elif self.max_count != 0:
            raise PolicyFormatError(
                field_name="extension.max_count",
                problem=_("must be 0 when extension is not allowed"),
            )


class PauseReason(StrEnum):
    """Why the officer is waiting on the requester; each law treats each reason its own way."""

    IDENTITY = "identity"
    CLARIFICATION = "clarification"
    FEE = "fee"


#: The case status that records each kind of wait (the workflow's status values).
PAUSE_STATUSES: dict[PauseReason, str] = {
    PauseReason.IDENTITY: "awaiting_identity_proof",
    PauseReason.CLARIFICATION: "awaiting_clarification",
    PauseReason.FEE: "awaiting_fee",
}


class PauseEffect(StrEnum):
    """What waiting for the requester does to the response clock."""

    #: The clock keeps running (CCPA §7021(b), DPDP, SPDI, IT Rules).
    RUNS = "runs"
    #: The clock stops while we wait; the days waited are added to the period.
    STOPS = "stops"
    #: The clock only starts once the thing waited for arrives (UK GDPR Art 12A).
    STARTS_ON_RECEIPT = "starts_on_receipt"


@dataclass(frozen=True)
class PauseRule:
    """How one reason for waiting affects the clock, for which request types, and why.

    ``request_types`` empty means every request type; otherwise the rule applies only to
    those (UK GDPR Art 12A: clarification stops the clock for access requests only) and
    the clock runs for the others.
    """

    reason: PauseReason
    effect: PauseEffect
    citation: str = ""
    request_types: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.reason, PauseReason):
            raise PolicyFormatError(
                field_name="pause_rules.reason",
                problem=_("unknown reason {value}").format(value=repr(self.reason)),
            )
        if not isinstance(self.effect, PauseEffect):
            raise PolicyFormatError(
                field_name="pause_rules.effect",
                problem=_("unknown effect {value}").format(value=repr(self.effect)),
            )

    def applies_to(self, request_type: str | None) -> bool:
        """Whether the rule covers ``request_type`` (None: the calculator, no type known)."""
        return not self.request_types or request_type is None or request_type in self.request_types


@dataclass(frozen=True)
class EscalationRoute:
    """Where a dissatisfied requester can go, under which provision, and while it is in force.

    ``text`` is the sentence a letter prints. A route out of force on a letter's date is never
    printed (DPDP s.27 commences only on 13 May 2027).
    """

    authority: str
    citation: str
    text: str
    in_force_from: date | None = None
    in_force_until: date | None = None

    def __post_init__(self) -> None:
        if not (isinstance(self.authority, str) and self.authority.strip()):
            raise PolicyFormatError(
                field_name="escalation.authority", problem=_("must be a non-empty string")
            )
        if not (isinstance(self.text, str) and self.text.strip()):
            raise PolicyFormatError(
                field_name="escalation.text", problem=_("must be a non-empty sentence")
            )
        if (
            self.in_force_from is not None
            and self.in_force_until is not None
            and self.in_force_until <= self.in_force_from
        ):
            raise PolicyFormatError(
                field_name="escalation.in_force_until", problem=_("must be after in_force_from")
            )

    def in_force_on(self, day: date) -> bool:
        """Whether a letter dated ``day`` may name this remedy."""
        if self.in_force_from is not None and day < self.in_force_from:
            return False
        return not (self.in_force_until is not None and day >= self.in_force_until)


@dataclass(frozen=True)
class LetterRequirement:
    """Content a letter must carry under this policy's law, and the fields that carry it.

    ``template`` is a letter template id ("access_response") or "*" for every letter;
    ``when_ground`` limits the item to refusals relying on that refusal ground, and
    ``request_types`` to those kinds of request (a deletion denial is not an access denial).
    """

    template: str
    id: str
    label: str
    citation: str
    fields: tuple[str, ...]
    when_ground: str = ""
    request_types: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.fields:
            raise PolicyFormatError(
                field_name="letter_requirements.fields", problem=_("needs at least one field")
            )


@dataclass(frozen=True)
class Policy:
    """One version of a deadline rule for a set of request types.

    Validity is half-open: the policy governs cases *received* on or after
    ``in_force_from`` and strictly before ``in_force_until`` (either may be None for
    "always"). Several versions can share an ``id``; `policy_presets.policy_in_force`
    chooses by received date so that an amendment never changes an older case's rule.
    """

    id: str
    name: str
    legal_source: str
    respond: Period
    acknowledge: Period | None = None
    counting_start: CountingStart = CountingStart.DAY_AFTER_RECEIPT
    month_end_rule: MonthEndRule = MonthEndRule.LAST_DAY_OF_MONTH
    roll_forward: bool = False
    working_week: tuple[int, ...] = (0, 1, 2, 3, 4)
    holiday_regions: tuple[HolidayRegion, ...] = ()
    own_days_off: tuple[date, ...] = ()
    extension: ExtensionRule = field(default_factory=ExtensionRule)
    pause_rules: tuple[PauseRule, ...] = ()
    clock_start: ClockStart = ClockStart.RECEIPT
    in_force_from: date | None = None
    in_force_until: date | None = None
    request_types: tuple[str, ...] = ()
    version: str = ""
    reminder_offsets: tuple[int, ...] = DEFAULT_REMINDER_OFFSETS
    notes: str = ""
    #: Why the in-force window starts or ends where it does (shown when the calculator refuses).
    in_force_note: str = ""
    escalation: tuple[EscalationRoute, ...] = ()
    #: Which days are holidays under this law, and the source (shown with every explanation).
    calendar_basis: str = ""
    #: GDPR (Reg 1182/71 art 3(4)): the controller's Member State's holidays, chosen by the officer.
    member_state_holidays: bool = False
    #: Whether the officer's own office closures count as non-working days under this law.
    office_closures_count: bool = False
    letter_requirements: tuple[LetterRequirement, ...] = ()
    #: The provision allowing refusal of manifestly unfounded or excessive requests ("" = none).
    unfounded_or_excessive: str = ""
    #: Minutes before an hour-based deadline to remind (IT Rules r.3(2)(b): 2 hours).
    reminder_minutes: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if not (isinstance(self.id, str) and self.id.strip()):
            raise PolicyFormatError(field_name="id", problem=_("must be a non-empty string"))
        if not isinstance(self.respond, Period):
            raise PolicyFormatError(field_name="respond", problem=_("must be a Period"))
        if not self.working_week:
            raise PolicyFormatError(
                field_name="working_week", problem=_("needs at least one working day")
            )
        if any(not isinstance(d, int) or not 0 <= d <= 6 for d in self.working_week):
            raise PolicyFormatError(
                field_name="working_week", problem=_("weekdays are 0 (Monday) to 6 (Sunday)")
            )
        if len(set(self.working_week)) != len(self.working_week):
            raise PolicyFormatError(field_name="working_week", problem=_("lists a weekday twice"))
        if (
            self.in_force_from is not None
            and self.in_force_until is not None
            and self.in_force_until <= self.in_force_from
        ):
            raise PolicyFormatError(
                field_name="in_force_until", problem=_("must be after in_force_from")
            )
        if self.extension.length is not None and (
            self.extension.length.unit is PeriodUnit.HOURS
        ) != (self.respond.unit is PeriodUnit.HOURS):
            raise PolicyFormatError(
                field_name="extension.length",
                problem=_("must be in hours exactly when the response period is"),
            )
        if any(
            isinstance(o, bool) or not isinstance(o, int) or o < 0 for o in self.reminder_offsets
        ):
            raise PolicyFormatError(
                field_name="reminder_offsets", problem=_("must be whole numbers of days ≥ 0")
            )
        if any(
            isinstance(m, bool) or not isinstance(m, int) or m < 1 for m in self.reminder_minutes
        ):
            raise PolicyFormatError(
                field_name="reminder_minutes", problem=_("must be whole numbers of minutes ≥ 1")
            )

    def in_force_on(self, day: date) -> bool:
        """Whether a case received on ``day`` is governed by this version."""
        if self.in_force_from is not None and day < self.in_force_from:
            return False
        return not (self.in_force_until is not None and day >= self.in_force_until)

    def pause_rule(self, reason: PauseReason, request_type: str | None = None) -> PauseRule:
        """How waiting for ``reason`` affects this policy's clock for ``request_type``.

        A reason the policy does not list, or lists for other request types only, leaves the
        clock running: the law's default is that time runs from receipt.
        """
        for rule in self.pause_rules:
            if rule.reason is reason and rule.applies_to(request_type):
                return rule
        return PauseRule(reason, PauseEffect.RUNS, self.legal_source)

    def stops_clock(self, status: str | None, request_type: str | None = None) -> bool:
        """Whether a pause recorded under ``status`` adds its days to the period.

        ``status`` None (the command-line calculator) means any reason that stops the clock.
        """
        for reason, name in PAUSE_STATUSES.items():
            wanted = status is None or status == name
            if wanted and self.pause_rule(reason, request_type).effect is PauseEffect.STOPS:
                return True
        return False

    @property
    def clock_stop_statuses(self) -> tuple[str, ...]:
        """The statuses that stop the clock for at least one request type."""
        return tuple(
            PAUSE_STATUSES[r.reason] for r in self.pause_rules if r.effect is PauseEffect.STOPS
        )

    def routes_on(self, day: date) -> tuple[EscalationRoute, ...]:
        """The escalation routes a letter dated ``day`` may name (only those in force)."""
        return tuple(r for r in self.escalation if r.in_force_on(day))

    def requirements_for(
        self, template_id: str, grounds: tuple[str, ...] = (), request_type: str = ""
    ) -> tuple[LetterRequirement, ...]:
        """What a letter from ``template_id`` must contain under this law, for this request
        type and these refusal grounds (an empty request type means "any")."""
        return tuple(
            r
            for r in self.letter_requirements
            if r.template in ("*", template_id)
            and (not r.when_ground or r.when_ground in grounds)
            and (not r.request_types or not request_type or request_type in r.request_types)
        )

    @property
    def label(self) -> str:
        """The id plus version, for explanations ("it-rules-2021 (as amended 2026-02-20)")."""
        return f"{self.id} ({self.version})" if self.version else self.id


# --------------------------------------------------------------------------- JSON


def _period_to_dict(period: Period | None) -> dict[str, Any] | None:
    return None if period is None else {"amount": period.amount, "unit": period.unit.value}


#: The shape of a stored policy. 1 (no "format" key): clock_stop_statuses, no routes; read
#: and migrated by `policy_from_dict`.
POLICY_FORMAT = 2


def _day_or_none(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def policy_to_dict(policy: Policy) -> dict[str, Any]:
    """A JSON-safe dict, so the officer's edited copies can be stored and diffed."""
    return {
        "format": POLICY_FORMAT,
        "id": policy.id,
        "name": policy.name,
        "version": policy.version,
        "legal_source": policy.legal_source,
        "acknowledge": _period_to_dict(policy.acknowledge),
        "respond": _period_to_dict(policy.respond),
        "counting_start": policy.counting_start.value,
        "month_end_rule": policy.month_end_rule.value,
        "roll_forward": policy.roll_forward,
        "working_week": [WEEKDAY_NAMES[d] for d in policy.working_week],
        "holiday_regions": [
            {"country": r.country, "subdiv": r.subdiv, "statute": r.statute}
            for r in policy.holiday_regions
        ],
        "own_days_off": [d.isoformat() for d in policy.own_days_off],
        "extension": {
            "allowed": policy.extension.allowed,
            "length": _period_to_dict(policy.extension.length),
            "max_count": policy.extension.max_count,
            "notice_within": _period_to_dict(policy.extension.notice_within),
        },
        "pause_rules": [
            {
                "reason": r.reason.value,
                "effect": r.effect.value,
                "citation": r.citation,
                "request_types": list(r.request_types),
            }
            for r in policy.pause_rules
        ],
        "clock_start": policy.clock_start.value,
        "in_force_from": None if policy.in_force_from is None else policy.in_force_from.isoformat(),
        "in_force_until": (
            None if policy.in_force_until is None else policy.in_force_until.isoformat()
        ),
        "request_types": list(policy.request_types),
        "reminder_offsets": list(policy.reminder_offsets),
        "notes": policy.notes,
        "in_force_note": policy.in_force_note,
        "escalation": [
            {
                "authority": r.authority,
                "citation": r.citation,
                "text": r.text,
                "in_force_from": _day_or_none(r.in_force_from),
                "in_force_until": _day_or_none(r.in_force_until),
            }
            for r in policy.escalation
        ],
        "calendar_basis": policy.calendar_basis,
        "member_state_holidays": policy.member_state_holidays,
        "office_closures_count": policy.office_closures_count,
        "letter_requirements": [
            {
                "template": r.template,
                "id": r.id,
                "label": r.label,
                "citation": r.citation,
                "fields": list(r.fields),
                "when_ground": r.when_ground,
                "request_types": list(r.request_types),
            }
            for r in policy.letter_requirements
        ],
        "unfounded_or_excessive": policy.unfounded_or_excessive,
        "reminder_minutes": list(policy.reminder_minutes),
    }


def _get(data: Mapping[str, Any], name: str, kind: type | tuple[type, ...], path: str) -> Any:
    if name not in data:
        raise PolicyFormatError(path, _("is missing"))
    value = data[name]
    if isinstance(value, bool) and kind is not bool and kind != (bool,):
        raise PolicyFormatError(
            path, _("has the wrong type (got {value})").format(value=repr(value))
        )
    if not isinstance(value, kind):
        raise PolicyFormatError(
            path, _("has the wrong type (got {value})").format(value=type(value).__name__)
        )
    return value


def _opt(data: Mapping[str, Any], name: str, kind: type, path: str, default: Any) -> Any:
    if name not in data or data[name] is None:
        return default
    return _get(data, name, kind, path)


def _enum(value: Any, enum: type[StrEnum], path: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise PolicyFormatError(
            path, _("{value} is not one of: {allowed}").format(value=repr(value), allowed=allowed)
        ) from None


def _date(value: Any, path: str) -> date:
    if not isinstance(value, str):
        raise PolicyFormatError(path, _("must be a date as YYYY-MM-DD"))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PolicyFormatError(
            path, _("{value} is not a date as YYYY-MM-DD").format(value=repr(value))
        ) from None


def _period_from(value: Any, path: str) -> Period | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise PolicyFormatError(path, _("must be an object with 'amount' and 'unit', or null"))
    amount = _get(value, "amount", int, f"{path}.amount")
    unit = _enum(_get(value, "unit", str, f"{path}.unit"), PeriodUnit, f"{path}.unit")
    try:
        return Period(amount, unit)
    except PolicyFormatError as exc:
        raise PolicyFormatError(path, str(exc)) from None


def _str_list(data: Mapping[str, Any], name: str) -> tuple[str, ...]:
    items = _opt(data, name, list, name, [])
    if any(not isinstance(i, str) for i in items):
        raise PolicyFormatError(name, _("must be a list of strings"))
    return tuple(items)


def policy_from_dict(data: Mapping[str, Any]) -> Policy:
    """Rebuild a policy from `policy_to_dict` output; refuse anything ambiguous, naming the field.

    Deadlines are law: a silently defaulted or misspelt field in an edited policy would give a
    wrong date with no warning, so every required field is checked.
    """
    if not isinstance(data, Mapping):
        raise PolicyFormatError(field_name="(policy)", problem=_("must be a JSON object"))
    respond = _period_from(_get(data, "respond", Mapping, "respond"), "respond")
    assert respond is not None
    weekdays: list[int] = []
    for name in _get(data, "working_week", list, "working_week"):
        if name not in WEEKDAY_NAMES:
            raise PolicyFormatError(
                field_name="working_week",
                problem=_("{value} is not one of {allowed}").format(
                    value=repr(name), allowed=", ".join(WEEKDAY_NAMES)
                ),
            )
        weekdays.append(WEEKDAY_NAMES.index(name))
    regions = []
    for raw in _opt(data, "holiday_regions", list, "holiday_regions", []):
        if not isinstance(raw, Mapping):
            raise PolicyFormatError(
                field_name="holiday_regions", problem=_("each entry must be an object")
            )
        country = _get(raw, "country", str, "holiday_regions.country")
        subdiv = _opt(raw, "subdiv", str, "holiday_regions.subdiv", None)
        statute = _opt(raw, "statute", str, "holiday_regions.statute", None)
        regions.append(HolidayRegion(country, subdiv, statute))
    ext_raw = _opt(data, "extension", Mapping, "extension", {})
    extension = ExtensionRule(
        allowed=_opt(ext_raw, "allowed", bool, "extension.allowed", False),
        length=_period_from(ext_raw.get("length"), "extension.length"),
        max_count=_opt(ext_raw, "max_count", int, "extension.max_count", 0),
        notice_within=_period_from(ext_raw.get("notice_within"), "extension.notice_within"),
    )
    offsets = _opt(data, "reminder_offsets", list, "reminder_offsets", None)
    in_from = data.get("in_force_from")
    in_until = data.get("in_force_until")
    return Policy(
        id=_get(data, "id", str, "id"),
        name=_opt(data, "name", str, "name", ""),
        version=_opt(data, "version", str, "version", ""),
        legal_source=_opt(data, "legal_source", str, "legal_source", ""),
        acknowledge=_period_from(data.get("acknowledge"), "acknowledge"),
        respond=respond,
        counting_start=_enum(
            _get(data, "counting_start", str, "counting_start"), CountingStart, "counting_start"
        ),
        month_end_rule=_enum(
            _opt(data, "month_end_rule", str, "month_end_rule", "last_day_of_month"),
            MonthEndRule,
            "month_end_rule",
        ),
        roll_forward=_get(data, "roll_forward", bool, "roll_forward"),
        working_week=tuple(weekdays),
        holiday_regions=tuple(regions),
        own_days_off=tuple(
            _date(d, "own_days_off") for d in _opt(data, "own_days_off", list, "own_days_off", [])
        ),
        extension=extension,
        pause_rules=_pause_rules(data),
        clock_start=_enum(
            _opt(data, "clock_start", str, "clock_start", "receipt"), ClockStart, "clock_start"
        ),
        in_force_from=None if in_from is None else _date(in_from, "in_force_from"),
        in_force_until=None if in_until is None else _date(in_until, "in_force_until"),
        request_types=_str_list(data, "request_types"),
        reminder_offsets=(
            DEFAULT_REMINDER_OFFSETS if offsets is None else tuple(offsets)  # validated in Policy
        ),
        notes=_opt(data, "notes", str, "notes", ""),
        in_force_note=_opt(data, "in_force_note", str, "in_force_note", ""),
        escalation=_routes(data),
        calendar_basis=_opt(data, "calendar_basis", str, "calendar_basis", ""),
        member_state_holidays=_opt(
            data, "member_state_holidays", bool, "member_state_holidays", False
        ),
        # Format 1 added the officer's days off to every policy: keep that for old copies.
        office_closures_count=_opt(
            data, "office_closures_count", bool, "office_closures_count", True
        ),
        letter_requirements=_requirements(data),
        unfounded_or_excessive=_opt(
            data, "unfounded_or_excessive", str, "unfounded_or_excessive", ""
        ),
        reminder_minutes=tuple(_opt(data, "reminder_minutes", list, "reminder_minutes", [])),
    )


def _pause_rules(data: Mapping[str, Any]) -> tuple[PauseRule, ...]:
    """Format 2 ``pause_rules``, or format 1 ``clock_stop_statuses`` migrated to rules."""
    if "pause_rules" not in data or data["pause_rules"] is None:
        by_status = {v: k for k, v in PAUSE_STATUSES.items()}
        rules = []
        for status in _str_list(data, "clock_stop_statuses"):
            if status not in by_status:
                known = ", ".join(by_status)
                raise PolicyFormatError(
                    field_name="clock_stop_statuses",
                    problem=_("{value} is not one of: {allowed}").format(
                        value=repr(status), allowed=known
                    ),
                )
            rules.append(
                PauseRule(by_status[status], PauseEffect.STOPS, "the organisation's own rule")
            )
        return tuple(rules)
    found = []
    for raw in _get(data, "pause_rules", list, "pause_rules"):
        if not isinstance(raw, Mapping):
            raise PolicyFormatError(
                field_name="pause_rules", problem=_("each entry must be an object")
            )
        found.append(
            PauseRule(
                reason=_enum(
                    _get(raw, "reason", str, "pause_rules.reason"),
                    PauseReason,
                    "pause_rules.reason",
                ),
                effect=_enum(
                    _get(raw, "effect", str, "pause_rules.effect"),
                    PauseEffect,
                    "pause_rules.effect",
                ),
                citation=_opt(raw, "citation", str, "pause_rules.citation", ""),
                request_types=_str_list(raw, "request_types"),
            )
        )
    return tuple(found)


def _opt_date(raw: Mapping[str, Any], name: str, path: str) -> date | None:
    value = raw.get(name)
    return None if value is None else _date(value, path)


def _routes(data: Mapping[str, Any]) -> tuple[EscalationRoute, ...]:
    found = []
    for raw in _opt(data, "escalation", list, "escalation", []):
        if not isinstance(raw, Mapping):
            raise PolicyFormatError(
                field_name="escalation", problem=_("each route must be an object")
            )
        found.append(
            EscalationRoute(
                authority=_get(raw, "authority", str, "escalation.authority"),
                citation=_opt(raw, "citation", str, "escalation.citation", ""),
                text=_get(raw, "text", str, "escalation.text"),
                in_force_from=_opt_date(raw, "in_force_from", "escalation.in_force_from"),
                in_force_until=_opt_date(raw, "in_force_until", "escalation.in_force_until"),
            )
        )
    return tuple(found)


def _requirements(data: Mapping[str, Any]) -> tuple[LetterRequirement, ...]:
    found = []
    for raw in _opt(data, "letter_requirements", list, "letter_requirements", []):
        if not isinstance(raw, Mapping):
            raise PolicyFormatError(
                field_name="letter_requirements", problem=_("each item must be an object")
            )
        found.append(
            LetterRequirement(
                template=_get(raw, "template", str, "letter_requirements.template"),
                id=_get(raw, "id", str, "letter_requirements.id"),
                label=_get(raw, "label", str, "letter_requirements.label"),
                citation=_opt(raw, "citation", str, "letter_requirements.citation", ""),
                fields=_str_list(raw, "fields"),
                when_ground=_opt(raw, "when_ground", str, "letter_requirements.when_ground", ""),
                request_types=_str_list(raw, "request_types"),
            )
        )
    return tuple(found)
