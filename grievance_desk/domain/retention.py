"""How long a closed case's personal data is kept, and which cases are due for erasure.

Storage limitation (DPDP Act 2023 s.8(7), GDPR Art. 5(1)(e)) means a case's personal data
goes once it is no longer needed: by default three years after the case closes, long enough
for a complaint to the Data Protection Board or a court to be brought and answered. The
period is editable per request type; a legal hold on a case suspends it altogether. What is
erased, and how, is the purge service's business: this module only decides *when*. Pure:
"now" is a parameter and nothing here reads a clock or a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from dateutil.relativedelta import relativedelta

from grievance_desk.domain.case_types import RequestType
from grievance_desk.messages import _

DEFAULT_YEARS = 3
MAX_YEARS = 100


class RetentionRuleError(ValueError):
    """A retention setting that cannot be used; the message names it and the fix."""


@dataclass(frozen=True)
class RetentionPeriod:
    """A period after closure, in whole years and months (calendar arithmetic, month-end safe)."""

    years: int = DEFAULT_YEARS
    months: int = 0

    def __post_init__(self) -> None:
        if self.years < 0 or self.months < 0:
            raise RetentionRuleError(
                _(
                    "A retention period cannot be negative ({years} years, {months} months). "
                    "Enter a number of years (and months) of 0 or more."
                ).format(years=self.years, months=self.months)
            )
        if self.years * 12 + self.months > MAX_YEARS * 12:
            raise RetentionRuleError(
                _(
                    "A retention period of more than {years} years is not a limit at all. "
                    "Use a legal hold on the cases that must be kept, and a shorter period."
                ).format(years=MAX_YEARS)
            )

    def after(self, moment: datetime) -> datetime:
        """The moment this period ends, counted from ``moment``."""
        return moment + relativedelta(years=self.years, months=self.months)

    def describe(self) -> str:
        """'3 years', '1 year 6 months', '0 months' (erase at closure)."""
        parts = []
        if self.years:
            parts.append(f"{self.years} year{'s' if self.years != 1 else ''}")
        if self.months or not self.years:
            parts.append(f"{self.months} month{'s' if self.months != 1 else ''}")
        return " ".join(parts)


@dataclass(frozen=True)
class RetentionRules:
    """The default period after closure, and the request types that differ from it."""

    default: RetentionPeriod = field(default_factory=RetentionPeriod)
    by_type: Mapping[str, RetentionPeriod] = field(default_factory=dict)

    def __post_init__(self) -> None:
        known = {t.value for t in RequestType}
        unknown = sorted(set(self.by_type) - known)
        if unknown:
            raise RetentionRuleError(
                _(
                    "Unknown request type(s) in the retention rules: {unknown}. "
                    "Use one of: {known}."
                ).format(unknown=", ".join(unknown), known=", ".join(sorted(known)))
            )

    def period_for(self, request_type: str) -> RetentionPeriod:
        """The period that applies to a request type (its own, else the default)."""
        return self.by_type.get(str(request_type), self.default)


@dataclass(frozen=True)
class CaseRetentionFacts:
    """What the rule needs to know about one case; no personal data."""

    case_id: int
    reference: str
    request_type: str
    closed_at: datetime | None
    legal_hold: bool = False
    purged_at: datetime | None = None


@dataclass(frozen=True)
class DueCase:
    """A case whose personal data is due for erasure, and since when."""

    facts: CaseRetentionFacts
    erase_after: datetime
    period: RetentionPeriod


def erase_after(facts: CaseRetentionFacts, rules: RetentionRules) -> datetime | None:
    """When a case's personal data may be erased, or None while it must be kept.

    None for an open (or reopened) case, a case on legal hold and a case already purged.
    """
    if facts.closed_at is None or facts.legal_hold or facts.purged_at is not None:
        return None
    if facts.closed_at.tzinfo is None:
        raise RetentionRuleError(
            _(
                "{reference}: the closing time has no time zone, so its retention period "
                "cannot be counted. Store closing times as aware datetimes."
            ).format(reference=facts.reference)
        )
    return rules.period_for(facts.request_type).after(facts.closed_at)


def due_for_purge(
    cases: Iterable[CaseRetentionFacts], rules: RetentionRules, now: datetime
) -> list[DueCase]:
    """The cases whose retention period has ended by ``now``, longest overdue first."""
    if now.tzinfo is None:
        raise RetentionRuleError(_("'now' needs a time zone to compare with closing times."))
    due: list[DueCase] = []
    for facts in cases:
        until = erase_after(facts, rules)
        if until is not None and until <= now:
            due.append(DueCase(facts, until, rules.period_for(facts.request_type)))
    due.sort(key=lambda item: (item.erase_after, item.facts.reference))
    return due


def _period_from(value: Any, where: str) -> RetentionPeriod:
    if isinstance(value, int) and not isinstance(value, bool):
        return RetentionPeriod(years=value)
    if isinstance(value, Mapping):
        years, months = value.get("years", 0), value.get("months", 0)
        if all(isinstance(v, int) and not isinstance(v, bool) for v in (years, months)):
            return RetentionPeriod(years=years, months=months)
    raise RetentionRuleError(
        _(
            "The retention period for {where} is {value}; write a number of years, or "
            '{{"years": 3, "months": 0}}.'
        ).format(where=where, value=repr(value))
    )


def rules_from_dict(data: Mapping[str, Any] | None) -> RetentionRules:
    """Rules from their stored JSON form; None or {} gives the default (3 years after closing)."""
    if not data:
        return RetentionRules()
    default = _period_from(data.get("default", DEFAULT_YEARS), _("all cases"))
    raw = data.get("by_type", {})
    if not isinstance(raw, Mapping):
        raise RetentionRuleError(
            _("The per-type retention periods must be a mapping of request type to years.")
        )
    by_type = {
        str(k): _period_from(v, _("request type {type}").format(type=repr(k)))
        for k, v in raw.items()
    }
    return RetentionRules(default=default, by_type=by_type)


def rules_to_dict(rules: RetentionRules) -> dict[str, Any]:
    """The stored JSON form of the rules (the inverse of ``rules_from_dict``)."""

    def period(p: RetentionPeriod) -> dict[str, int]:
        return {"years": p.years, "months": p.months}

    return {
        "default": period(rules.default),
        "by_type": {k: period(v) for k, v in sorted(rules.by_type.items())},
    }
