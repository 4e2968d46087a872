"""The SLA policies that ship with Grievance Desk, each citing its legal source.

Counting conventions (each chosen so the worked examples of issue 3 come out exactly, and
documented so an officer can check them against the text of the law):

* ``dpdp-2025`` — 90 calendar days, the day of receipt not counted (receipt + 90 days), no
  roll-forward. 2027-05-13 → 2027-08-11. In force for cases received from 2027-05-13.
* ``spdi-2011`` — one calendar month from the day after receipt: the same date next month,
  or that month's last day where there is none. No roll-forward.
* ``it-rules-2021`` — acknowledgement 24 hours exact to the minute; disposal 7 calendar days
  (15 days for complaints received before 2026-02-20) from the day after receipt, no
  roll-forward. 2026-03-02 10:00 → ack 2026-03-03 10:00, respond 2026-03-09; 2026-02-10 →
  2026-02-25. Modelled as two versions of one id with validity windows.
* ``gdpr`` — one calendar month (same date next month, month-end rule); a due date on a
  Saturday, Sunday or holiday rolls forward to the next working day (EU Reg. 1182/71 art.
  3(4)). No country holiday calendar by default (which member state's holidays apply is the
  controller's call): the officer's own holiday list applies. Extension +2 months added to the
  end of the first month; notice within the first month. Clock stops while awaiting identity
  proof or clarification.
* ``uk-gdpr`` — as gdpr with England's bank holidays; the clock starts at the latest of
  receipt, identity proof and fee (art. 12(3A)); clarification days do not count.
* ``ccpa`` — confirm within 10 business days (Mon–Fri excluding California state holidays,
  §7001), the first business day being the day after receipt; respond within 45 calendar days
  (receipt + 45), extension +45 calendar days (→ receipt + 90), no roll-forward (2026-05-31,
  a Sunday, is the worked example's extended date). Verification does not stop the clock.
* ``ccpa-opt-out`` — 15 business days, same business-day convention.
* ``lgpd`` — 15 calendar days from the day after the request, no roll-forward (the
  conservative reading: an earlier date is never late).
* ``org-default`` — the organisation's "reasonable timeframe": acknowledge in 2 calendar days,
  respond in 30, one 30-day extension with notice within the first 30 days. Meant to be copied
  and edited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from grievance_desk.domain.policy import (
    ClockStart,
    CountingStart,
    ExtensionRule,
    HolidayRegion,
    Period,
    PeriodUnit,
    Policy,
)

__all__ = [
    "AWAITING_CLARIFICATION",
    "AWAITING_FEE",
    "AWAITING_IDENTITY_PROOF",
    "PRESETS",
    "PolicyNotInForceError",
    "UnknownPolicyError",
    "choose_policy_version",
    "policy_ids",
    "policy_in_force",
    "preset_versions",
]

AWAITING_IDENTITY_PROOF = "awaiting_identity_proof"
AWAITING_CLARIFICATION = "awaiting_clarification"
AWAITING_FEE = "awaiting_fee"

IN = HolidayRegion("IN")
ENG = HolidayRegion("GB", "ENG")
CA = HolidayRegion("US", "CA")

_RIGHTS = ("access", "correction", "erasure", "portability", "objection", "restriction")
_GRIEVANCE = ("grievance", "complaint")

_IT_RULES_AMENDMENT = date(2026, 2, 20)


class UnknownPolicyError(LookupError):
    """No policy has the requested id; the message lists the ids that exist."""


class PolicyNotInForceError(LookupError):
    """A policy id exists but no version of it governs a case received on that date."""


def _days(n: int) -> Period:
    return Period(n, PeriodUnit.CALENDAR_DAYS)


def _business(n: int) -> Period:
    return Period(n, PeriodUnit.BUSINESS_DAYS)


def _months(n: int) -> Period:
    return Period(n, PeriodUnit.CALENDAR_MONTHS)


DPDP_2025 = Policy(
    id="dpdp-2025",
    name="India DPDP Act 2023 — grievances and data principal rights",
    legal_source=(
        "Digital Personal Data Protection Act 2023 s.13 and DPDP Rules 2025 r.14(3): "
        "respond within the published period, at most 90 days"
    ),
    respond=_days(90),
    counting_start=CountingStart.DAY_AFTER_RECEIPT,
    roll_forward=False,
    holiday_regions=(IN,),
    in_force_from=date(2027, 5, 13),
    request_types=(*_GRIEVANCE, *_RIGHTS, "nomination"),
    notes="Set the response period to the period your privacy notice publishes (≤ 90 days).",
)

SPDI_2011 = Policy(
    id="spdi-2011",
    name="India IT (SPDI) Rules 2011 — grievance officer",
    legal_source=(
        "IT (Reasonable Security Practices and Procedures and Sensitive Personal Data or "
        "Information) Rules 2011 r.5(9): redress grievances within one month from receipt"
    ),
    respond=_months(1),
    counting_start=CountingStart.DAY_AFTER_RECEIPT,
    roll_forward=False,
    holiday_regions=(IN,),
    request_types=_GRIEVANCE,
)

IT_RULES_2021_AMENDED = Policy(
    id="it-rules-2021",
    name="India IT (Intermediary Guidelines) Rules 2021 — grievance officer",
    legal_source=(
        "IT (Intermediary Guidelines and Digital Media Ethics Code) Rules 2021 r.3(2)(a)(i) as "
        "amended 2026-02-20: acknowledge within 24 hours, dispose of within 7 days"
    ),
    acknowledge=Period(24, PeriodUnit.HOURS),
    respond=_days(7),
    counting_start=CountingStart.DAY_AFTER_RECEIPT,
    roll_forward=False,
    holiday_regions=(IN,),
    in_force_from=_IT_RULES_AMENDMENT,
    request_types=_GRIEVANCE,
    version="as amended 2026-02-20",
    reminder_offsets=(3, 1, 0),
)

IT_RULES_2021_ORIGINAL = replace(
    IT_RULES_2021_AMENDED,
    legal_source=(
        "IT (Intermediary Guidelines and Digital Media Ethics Code) Rules 2021 r.3(2)(a)(i): "
        "acknowledge within 24 hours, dispose of within 15 days"
    ),
    respond=_days(15),
    in_force_from=None,
    in_force_until=_IT_RULES_AMENDMENT,
    version="2021 text, complaints received before 2026-02-20",
)

GDPR = Policy(
    id="gdpr",
    name="EU GDPR — data subject rights",
    legal_source=(
        "GDPR Art. 12(3): without undue delay and within one month of receipt, extendable by "
        "two further months with notice and reasons within the first month"
    ),
    respond=_months(1),
    counting_start=CountingStart.DAY_AFTER_RECEIPT,
    roll_forward=True,
    extension=ExtensionRule(allowed=True, length=_months(2), max_count=1),
    clock_stop_statuses=(AWAITING_IDENTITY_PROOF, AWAITING_CLARIFICATION),
    request_types=_RIGHTS,
)

UK_GDPR = Policy(
    id="uk-gdpr",
    name="UK GDPR — data subject rights",
    legal_source=(
        "UK GDPR Art. 12(3)/(3A), DPA 2018 s.54(3A), ICO guidance: one month from the latest "
        "of receipt, identity proof and fee; +2 months for complex requests"
    ),
    respond=_months(1),
    counting_start=CountingStart.DAY_OF_RECEIPT,
    roll_forward=True,
    holiday_regions=(ENG,),
    extension=ExtensionRule(allowed=True, length=_months(2), max_count=1),
    clock_stop_statuses=(AWAITING_CLARIFICATION,),
    clock_start=ClockStart.LATEST_OF_RECEIPT_PROOF_FEE,
    request_types=_RIGHTS,
)

CCPA = Policy(
    id="ccpa",
    name="California CCPA — requests to know, delete, correct",
    legal_source=(
        "CCPA Regulations 11 CCR §7021: confirm within 10 business days, respond within 45 "
        "calendar days, extendable once by 45 days with notice within the first 45"
    ),
    acknowledge=_business(10),
    respond=_days(45),
    counting_start=CountingStart.DAY_AFTER_RECEIPT,
    roll_forward=False,
    holiday_regions=(CA,),
    extension=ExtensionRule(allowed=True, length=_days(45), max_count=1),
    request_types=("know", "access", "erasure", "correction"),
)

CCPA_OPT_OUT = Policy(
    id="ccpa-opt-out",
    name="California CCPA — opt-out of sale/sharing",
    legal_source=(
        "CCPA Regulations 11 CCR §7026(f): comply with an opt-out no later than 15 business days"
    ),
    respond=_business(15),
    counting_start=CountingStart.DAY_AFTER_RECEIPT,
    roll_forward=False,
    holiday_regions=(CA,),
    request_types=("opt_out",),
)

LGPD = Policy(
    id="lgpd",
    name="Brazil LGPD — confirmation and access",
    legal_source="LGPD (Lei 13.709/2018) Art. 19 II: complete declaration within 15 days",
    respond=_days(15),
    counting_start=CountingStart.DAY_AFTER_RECEIPT,
    roll_forward=False,
    request_types=("access", "confirmation"),
)

ORG_DEFAULT = Policy(
    id="org-default",
    name="Organisation's own timeframe",
    legal_source="The company's privacy notice: a reasonable timeframe (edit to match it)",
    acknowledge=_days(2),
    respond=_days(30),
    counting_start=CountingStart.DAY_AFTER_RECEIPT,
    roll_forward=False,
    holiday_regions=(IN,),
    extension=ExtensionRule(allowed=True, length=_days(30), max_count=1),
    clock_stop_statuses=(AWAITING_IDENTITY_PROOF, AWAITING_CLARIFICATION),
    request_types=(*_GRIEVANCE, *_RIGHTS, "other"),
    notes="Copy and edit: periods, extension and clock-stopping statuses are the company's.",
)

#: Every shipped policy version, in listing order.
PRESETS: tuple[Policy, ...] = (
    DPDP_2025,
    SPDI_2011,
    IT_RULES_2021_AMENDED,
    IT_RULES_2021_ORIGINAL,
    GDPR,
    UK_GDPR,
    CCPA,
    CCPA_OPT_OUT,
    LGPD,
    ORG_DEFAULT,
)


def policy_ids(policies: Iterable[Policy] = PRESETS) -> tuple[str, ...]:
    """Distinct ids in listing order, for menus and "unknown policy" messages."""
    return tuple(dict.fromkeys(p.id for p in policies))


def preset_versions(policy_id: str, policies: Iterable[Policy] = PRESETS) -> tuple[Policy, ...]:
    """All versions of one id, so the history of a rule can be shown next to its current text."""
    found = tuple(p for p in policies if p.id == policy_id)
    if not found:
        known = ", ".join(policy_ids(policies))
        raise UnknownPolicyError(f"unknown policy {policy_id!r}; known policies: {known}")
    return found


def choose_policy_version(versions: Iterable[Policy], received_on: date) -> Policy:
    """The version governing a case received on ``received_on``.

    A case keeps the rule in force when it was received, so an amendment never shortens or
    lengthens the time for complaints already in hand.
    """
    versions = tuple(versions)
    in_force = [p for p in versions if p.in_force_on(received_on)]
    if not in_force:
        windows = "; ".join(
            f"{p.label}: from {p.in_force_from or 'always'} until {p.in_force_until or 'open'}"
            for p in versions
        )
        raise PolicyNotInForceError(
            f"no version is in force for a case received on {received_on.isoformat()} "
            f"({windows}); choose another policy"
        )
    # Overlapping windows: the most recently started one wins.
    return max(in_force, key=lambda p: p.in_force_from or date.min)


def policy_in_force(
    policy_id: str, received_on: date, policies: Iterable[Policy] = PRESETS
) -> Policy:
    """Pick the version of ``policy_id`` a case received on ``received_on`` is governed by."""
    return choose_policy_version(preset_versions(policy_id, policies), received_on)
