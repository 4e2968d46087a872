"""Which policy the law applies to a new case, from what the organisation is and the date.

An organisation's set-up says whether it is an intermediary and which jurisdictions it serves
(the first is where it is established). Each request type and kind then maps to the policy in
force on the case's received date: an Indian grievance today is SPDI r.5(9) (one month) or,
for an intermediary, IT Rules r.3(2) (7 days), never the organisation's own 30 + 30 days. The
organisation's own policy may be stricter than the law, never looser (`looser_than`). Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from grievance_desk.domain.deadline_engine import CaseClock, deadlines
from grievance_desk.domain.policy import Policy
from grievance_desk.domain.policy_presets import DPDP_COMMENCEMENT, UK_COMPLAINTS_COMMENCEMENT
from grievance_desk.messages import _

__all__ = [
    "JURISDICTIONS",
    "LegalDefault",
    "OrganisationProfile",
    "legal_default",
    "looser_than",
]

#: Codes the set-up offers, with what the officer reads.
JURISDICTIONS: dict[str, str] = {
    "IN": "India",
    "EU": "European Union / EEA",
    "UK": "United Kingdom",
    "US-CA": "California (USA)",
    "BR": "Brazil",
}


@dataclass(frozen=True)
class OrganisationProfile:
    """What the organisation is, as far as deadline law cares."""

    intermediary: bool = False
    jurisdictions: tuple[str, ...] = ()
    #: A significant social media intermediary (IT Rules r.2(1)(v)): files the r.4(1)(d)
    #: monthly compliance report.
    significant: bool = False

    def __post_init__(self) -> None:
        unknown = [j for j in self.jurisdictions if j not in JURISDICTIONS]
        if unknown:
            raise ValueError(
                _("unknown jurisdiction {unknown}; choose from {known}").format(
                    unknown=", ".join(unknown), known=", ".join(JURISDICTIONS)
                )
            )

    @property
    def home(self) -> str | None:
        """Where the organisation is established: its first jurisdiction."""
        return self.jurisdictions[0] if self.jurisdictions else None


@dataclass(frozen=True)
class LegalDefault:
    """The policy id the law gives a case (None: no statutory clock), and why."""

    policy_id: str | None
    reason: str


_IST = ZoneInfo("Asia/Kolkata")
_CCPA_TYPES = {"access": "ccpa", "erasure": "ccpa", "correction": "ccpa"}


def legal_default(
    profile: OrganisationProfile, request_type: str, kind: str, received_on: date
) -> LegalDefault:
    """The policy the law of the organisation's home jurisdiction applies on ``received_on``.

    ``kind`` is "complaint" or "rights_request". Where the law sets no period for this kind of
    case, ``policy_id`` is None and the organisation's own policy applies.
    """
    home = profile.home
    complaint = kind == "complaint"
    if home == "IN":
        if complaint and profile.intermediary:
            return LegalDefault(
                "it-rules-2021",
                _("IT Rules 2021 r.3(2)(a)(i): an intermediary's grievance officer"),
            )
        if received_on >= DPDP_COMMENCEMENT:
            return LegalDefault(
                "dpdp-2025", _("DPDP Act 2023 s.13 and Rules r.14, from 13 May 2027")
            )
        if complaint:
            return LegalDefault("spdi-2011", _("SPDI Rules 2011 r.5(9), until 12 May 2027"))
        return LegalDefault(None, _("no statutory period for rights requests before 13 May 2027"))
    if home == "EU":
        if complaint:
            return LegalDefault(None, _("the GDPR sets no period for complaints to a controller"))
        return LegalDefault("gdpr", "GDPR Art 12(3)")
    if home == "UK":
        if complaint:
            if received_on >= UK_COMPLAINTS_COMMENCEMENT:
                return LegalDefault("uk-complaints", _("DPA 2018 s.164A, from 19 Jun 2026"))
            return LegalDefault(None, _("no complaint-handling duty before 19 Jun 2026"))
        return LegalDefault("uk-gdpr", "UK GDPR Art 12(3) and Art 12A")
    if home == "US-CA":
        if request_type == "marketing_opt_out":
            return LegalDefault("ccpa-opt-out", "11 CCR §7026(f)")
        if request_type in _CCPA_TYPES and not complaint:
            return LegalDefault(_CCPA_TYPES[request_type], "11 CCR §7021")
        return LegalDefault(None, _("the CCPA sets no period for this kind of case"))
    if home == "BR":
        if request_type == "access" and not complaint:
            return LegalDefault("lgpd", "LGPD Art 19 II")
        return LegalDefault(None, _("the LGPD sets no period for this kind of case"))
    return LegalDefault(None, _("no jurisdiction chosen at set-up"))


def looser_than(ours: Policy, law: Policy, received_on: date, zone: ZoneInfo = _IST) -> str | None:
    """Why ``ours`` would answer later than the law allows for a case received that day, or None.

    Compares the response dates for the same receipt (noon, no pauses, no extension) and the
    longest the law allows with an extension.
    """
    clock = CaseClock(datetime.combine(received_on, time(12), tzinfo=zone))
    mine = deadlines(clock, ours, tz=zone)
    legal = deadlines(clock, law, tz=zone)
    if mine.respond_by.due > legal.respond_by.due:
        return _(
            "{ours} answers by {our_date} but {law} requires {law_date} for a case received on "
            "{received} ({source}); the organisation's policy may be stricter than the law, "
            "never looser"
        ).format(
            ours=ours.label,
            our_date=mine.respond_by.due.date(),
            law=law.label,
            law_date=legal.respond_by.due.date(),
            received=received_on,
            source=law.legal_source,
        )
    if ours.extension.allowed and not law.extension.allowed:
        return _(
            "{ours} allows an extension but {law} allows none ({source}); the organisation's "
            "policy may be stricter, never looser"
        ).format(ours=ours.label, law=law.label, source=law.legal_source)
    return None
