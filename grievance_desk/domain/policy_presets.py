"""The SLA policies that ship with Grievance Desk: each law as data, with its citations.

Each preset says its clock (periods, counting, month ends, roll-forward), its dates in force
and why they start or end there, what waiting for identity proof, a clarification or a fee does
to the clock (per reason, and per request type where the law scopes it), which holidays count
and why, where a dissatisfied requester may go (each route with its own dates in force), and
what its letters must contain. Services and templates ask the policy; nothing branches on an
id. Counting conventions (each tested with worked examples in tests/domain):

* ``dpdp-2025`` — 90 calendar days from the day after receipt, no roll-forward, for cases
  received from 2027-05-13 (s.13, s.27 and the Rules r.14 commence then).
* ``spdi-2011`` — one calendar month from receipt (r.5(9)), for grievances received before
  2027-05-13, when DPDP Act s.44(2) omits IT Act s.43A, the Rules' parent provision.
* ``it-rules-2021`` — acknowledge in 24 hours, dispose of in 15 days, 7 days for complaints
  received from 2026-02-20. ``it-rules-2021-content`` (r.3(2)(a)(i) proviso, r.3(1)(b)
  content: 72 h, 36 h from 2026-02-20) and ``it-rules-2021-ncii`` (r.3(2)(b): 24 h, 2 h from
  2026-02-20) are the hour-based categories.
* ``gdpr`` — one month, Reg 1182/71 art 3(4) roll-forward over weekends and the holidays of
  the controller's Member State (chosen in Settings); +2 months with notice in the first.
* ``uk-gdpr`` — one month from the latest of receipt, identity proof and fee; clarification
  stops the clock for access requests only (UK GDPR Art 12A, from 2026-02-05).
  ``uk-complaints`` — acknowledge a complaint within 30 days (DPA 2018 s.164A, from
  2026-06-19).
* ``ccpa`` / ``ccpa-opt-out`` — 10 business days to confirm, 45 days to respond (+45), 15
  business days for opt-outs; business days skip California's statutory holidays (Cal. Gov.
  Code §6700); verification does not stop the clock (§7021(b)).
* ``lgpd`` — 15 days (Art 19 II), no roll-forward.
* ``org-default`` — the organisation's own "reasonable timeframe"; copy and edit it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from grievance_desk.domain.policy import (
    CAL_GOV_CODE_6700,
    ClockStart,
    CountingStart,
    EscalationRoute,
    ExtensionRule,
    HolidayRegion,
    LetterRequirement,
    PauseEffect,
    PauseReason,
    PauseRule,
    Period,
    PeriodUnit,
    Policy,
)
from grievance_desk.messages import _

__all__ = [
    "AWAITING_CLARIFICATION",
    "AWAITING_FEE",
    "AWAITING_IDENTITY_PROOF",
    "DPDP_COMMENCEMENT",
    "IT_RULES_AMENDMENT_2026",
    "PRESETS",
    "UK_ART_12A_COMMENCEMENT",
    "UK_COMPLAINTS_COMMENCEMENT",
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
CA_6700 = HolidayRegion("US", "CA", CAL_GOV_CODE_6700)

_RIGHTS = ("access", "correction", "erasure", "portability", "objection", "restriction")
_GRIEVANCE = ("grievance", "complaint")

#: DPDP Act ss.3–17, 27 and the DPDP Rules 2025 r.14: G.S.R. 843(E)/846(E), 13 Nov 2025.
DPDP_COMMENCEMENT = date(2027, 5, 13)
#: IT (Intermediary Guidelines) Amendment Rules 2026, in force 20 Feb 2026.
IT_RULES_AMENDMENT_2026 = date(2026, 2, 20)
#: Data (Use and Access) Act 2025 s.76 inserting UK GDPR Art 12A, commenced 5 Feb 2026.
UK_ART_12A_COMMENCEMENT = date(2026, 2, 5)
#: DPA 2018 s.164A (complaints to controllers), inserted by DUAA 2025 s.103, from 19 Jun 2026.
UK_COMPLAINTS_COMMENCEMENT = date(2026, 6, 19)
#: Grievance Appellate Committees (IT Rules r.3A) hear appeals from 1 Mar 2023.
_GAC_OPEN = date(2023, 3, 1)

_DISSATISFIED = "If you are not satisfied with our response, "


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


def _hours(n: int) -> Period:
    return Period(n, PeriodUnit.HOURS)


def _runs(citation: str) -> tuple[PauseRule, ...]:
    """The clock keeps running whatever we wait for: the law counts from receipt."""
    return tuple(PauseRule(r, PauseEffect.RUNS, citation) for r in PauseReason)


_INDIA_CALENDAR = (
    "Calendar days counted from receipt with no roll-forward, so weekends and holidays never "
    "move the date; India's public holidays are shown for information."
)

# ----------------------------------------------------------------------------- routes

DPDP_BOARD = EscalationRoute(
    authority="the Data Protection Board of India",
    citation="DPDP Act 2023 s.13(3) and s.27",
    text=_DISSATISFIED + "you may complain to the Data Protection Board of India under section "
    "27 of the Digital Personal Data Protection Act, 2023, once this grievance redressal "
    "process is complete (section 13(3)).",
    in_force_from=DPDP_COMMENCEMENT,
)
ADJUDICATING_OFFICER = EscalationRoute(
    authority="the adjudicating officer under section 46 of the IT Act",
    citation="IT Act 2000 s.43A and s.46; SPDI Rules 2011 r.5(9)",
    text=_DISSATISFIED + "you may apply for compensation to the adjudicating officer appointed "
    "under section 46 of the Information Technology Act, 2000 (the Secretary, Information "
    "Technology, of your State or Union Territory).",
    in_force_until=DPDP_COMMENCEMENT,
)
GRIEVANCE_APPELLATE_COMMITTEE = EscalationRoute(
    authority="the Grievance Appellate Committee",
    citation="IT (Intermediary Guidelines) Rules 2021 r.3A",
    text="If you are not satisfied with our decision, you may appeal to the Grievance "
    "Appellate Committee (gac.gov.in) within thirty days of receiving it, under rule 3A of the "
    "Information Technology (Intermediary Guidelines and Digital Media Ethics Code) Rules, 2021.",
    in_force_from=_GAC_OPEN,
)
EU_SUPERVISORY_AUTHORITY = EscalationRoute(
    authority="a supervisory authority",
    citation="GDPR Art 77",
    text=_DISSATISFIED + "you have the right to lodge a complaint with a supervisory authority, "
    "in particular in the Member State of your habitual residence, place of work or place of "
    "the alleged infringement (Article 77 GDPR).",
)
EU_COURT = EscalationRoute(
    authority="the courts",
    citation="GDPR Art 79",
    text="You also have the right to an effective judicial remedy before the courts "
    "(Article 79 GDPR).",
)
UK_ICO = EscalationRoute(
    authority="the Information Commissioner's Office",
    citation="UK GDPR Art 77; DPA 2018 s.165",
    text=_DISSATISFIED + "you have the right to complain to the Information Commissioner's "
    "Office (ico.org.uk) under Article 77 of the UK GDPR.",
)
UK_COURTS = EscalationRoute(
    authority="the courts",
    citation="UK GDPR Art 79; DPA 2018 s.167",
    text="You may also apply to the courts to enforce your rights (Article 79 of the UK GDPR "
    "and section 167 of the Data Protection Act 2018).",
)
CALIFORNIA_REGULATORS = EscalationRoute(
    authority="the California Privacy Protection Agency or the Attorney General",
    citation="Cal. Civ. Code §1798.199.10, §1798.199.45 and §1798.199.90",
    text=_DISSATISFIED + "you may file a complaint with the California Privacy Protection "
    "Agency (cppa.ca.gov) or with the California Attorney General (oag.ca.gov/privacy), who "
    "enforce the California Consumer Privacy Act.",
)
ANPD = EscalationRoute(
    authority="the ANPD (Autoridade Nacional de Proteção de Dados)",
    citation="LGPD Art 18 §1",
    text=_DISSATISFIED + "you have the right to petition the national data protection "
    "authority, the ANPD (gov.br/anpd), under Article 18 §1 of the LGPD (Lei 13.709/2018).",
)

# ----------------------------------------------------------------------------- letters

_ACCESS_GDPR_ITEMS = (
    ("processing_activities", "The purposes of the processing", "15(1)(a)",
     "letter.processing_activities"),
    ("data_summary", "The categories of personal data concerned", "15(1)(b)",
     "letter.data_summary"),
    ("recipients", "The recipients or categories of recipient", "15(1)(c)", "letter.recipients"),
    ("retention", "How long the data will be kept, or the criteria", "15(1)(d)",
     "letter.retention_period"),
    ("source", "Where the data came from, if not from the requester", "15(1)(g)",
     "letter.data_source"),
    ("automated", "Any automated decision-making, its logic and consequences", "15(1)(h)",
     "letter.automated_decisions"),
    ("transfers", "The safeguards for transfers to third countries", "15(2)",
     "letter.transfer_safeguards"),
    ("copy", "How the copy of the data is provided", "15(3)", "letter.how_provided"),
)  # fmt: skip


def _gdpr_access(law: str) -> tuple[LetterRequirement, ...]:
    return tuple(
        LetterRequirement("access_response", i, label, f"{law} Art {art}", (field,))
        for i, label, art, field in _ACCESS_GDPR_ITEMS
    )


def _retention_named(citation: str) -> LetterRequirement:
    return LetterRequirement(
        "refusal",
        "retention_law",
        "The law that requires us to keep the data, and for how long",
        citation,
        ("letter.retention_law",),
        when_ground="legal_duty_to_retain",
    )


_DPDP_LETTERS = (
    LetterRequirement(
        "access_response",
        "recipients",
        "The identities of every other Data Fiduciary and Data Processor the data was shared "
        "with, and a description of what was shared",
        "DPDP Act 2023 s.11(1)(b)",
        ("letter.recipients",),
    ),
    LetterRequirement(
        "access_response",
        "data_summary",
        "A summary of the personal data processed and the processing activities",
        "DPDP Act 2023 s.11(1)(a)",
        ("letter.data_summary", "letter.processing_activities"),
    ),
    _retention_named("DPDP Act 2023 s.8(7) and s.12(3)"),
)

# ----------------------------------------------------------------------------- India

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
    pause_rules=_runs(
        "DPDP Act 2023 s.13 and DPDP Rules 2025 r.14(3): the period runs from "
        "receipt; nothing in the Act or Rules stops it"
    ),
    in_force_from=DPDP_COMMENCEMENT,
    in_force_note=(
        "DPDP Act 2023 s.13 and s.27 and DPDP Rules 2025 r.14 commence on 13 May 2027 "
        "(G.S.R. 843(E) and 846(E) of 13 Nov 2025); before that, use spdi-2011 or it-rules-2021"
    ),
    request_types=(*_GRIEVANCE, *_RIGHTS, "nomination"),
    escalation=(DPDP_BOARD,),
    calendar_basis=_INDIA_CALENDAR,
    letter_requirements=_DPDP_LETTERS,
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
    pause_rules=_runs("SPDI Rules 2011 r.5(9): one month from the date of receipt"),
    in_force_until=DPDP_COMMENCEMENT,
    in_force_note=(
        "DPDP Act 2023 s.44(2) omits IT Act s.43A from 13 May 2027, so r.5(9) has no parent "
        "provision for grievances received from that date: use dpdp-2025"
    ),
    request_types=_GRIEVANCE,
    escalation=(ADJUDICATING_OFFICER,),
    calendar_basis=_INDIA_CALENDAR,
    letter_requirements=(_retention_named("IT Act 2000 s.67C; SPDI Rules 2011 r.5(4)"),),
)

IT_RULES_2021_AMENDED = Policy(
    id="it-rules-2021",
    name="India IT (Intermediary Guidelines) Rules 2021 — grievance officer",
    legal_source=(
        "IT (Intermediary Guidelines and Digital Media Ethics Code) Rules 2021 r.3(2)(a)(i) as "
        "amended 2026-02-20: acknowledge within 24 hours, dispose of within 7 days"
    ),
    acknowledge=_hours(24),
    respond=_days(7),
    counting_start=CountingStart.DAY_AFTER_RECEIPT,
    roll_forward=False,
    holiday_regions=(IN,),
    pause_rules=_runs("IT Rules 2021 r.3(2)(a)(i): the periods run from receipt"),
    in_force_from=IT_RULES_AMENDMENT_2026,
    in_force_note="r.3(2)(a)(i) as amended with effect from 20 Feb 2026 (7 days, was 15)",
    request_types=_GRIEVANCE,
    version="as amended 2026-02-20",
    reminder_offsets=(3, 1, 0),
    escalation=(GRIEVANCE_APPELLATE_COMMITTEE,),
    calendar_basis=_INDIA_CALENDAR,
)

IT_RULES_2021_ORIGINAL = replace(
    IT_RULES_2021_AMENDED,
    legal_source=(
        "IT (Intermediary Guidelines and Digital Media Ethics Code) Rules 2021 r.3(2)(a)(i): "
        "acknowledge within 24 hours, dispose of within 15 days"
    ),
    respond=_days(15),
    in_force_from=None,
    in_force_until=IT_RULES_AMENDMENT_2026,
    in_force_note="the 2021 text, for complaints received before 20 Feb 2026",
    version="2021 text, complaints received before 2026-02-20",
)

IT_RULES_CONTENT_AMENDED = Policy(
    id="it-rules-2021-content",
    name="India IT Rules 2021 — removal of r.3(1)(b) content (hours)",
    legal_source=(
        "IT Rules 2021 r.3(2)(a)(i) proviso as amended 2026-02-20: a complaint for removal of "
        "content under r.3(1)(b) is resolved within 36 hours"
    ),
    acknowledge=_hours(24),
    respond=_hours(36),
    counting_start=CountingStart.DAY_OF_RECEIPT,
    roll_forward=False,
    holiday_regions=(IN,),
    pause_rules=_runs("IT Rules 2021 r.3(2)(a)(i) proviso: hours from receipt"),
    in_force_from=IT_RULES_AMENDMENT_2026,
    in_force_note="the proviso as amended with effect from 20 Feb 2026 (36 hours, was 72)",
    request_types=_GRIEVANCE,
    version="as amended 2026-02-20",
    reminder_offsets=(0,),
    reminder_minutes=(12 * 60, 4 * 60, 60),
    escalation=(GRIEVANCE_APPELLATE_COMMITTEE,),
    calendar_basis="Hours of elapsed time from receipt: weekends and holidays do not count.",
)

IT_RULES_CONTENT_ORIGINAL = replace(
    IT_RULES_CONTENT_AMENDED,
    legal_source=(
        "IT Rules 2021 r.3(2)(a)(i) proviso: a complaint for removal of content under r.3(1)(b) "
        "is resolved within 72 hours"
    ),
    respond=_hours(72),
    in_force_from=None,
    in_force_until=IT_RULES_AMENDMENT_2026,
    in_force_note="the proviso's earlier text, for complaints received before 20 Feb 2026",
    version="before 2026-02-20",
    reminder_minutes=(24 * 60, 6 * 60, 60),
)

IT_RULES_NCII_AMENDED = Policy(
    id="it-rules-2021-ncii",
    name="India IT Rules 2021 — intimate imagery / impersonation (hours)",
    legal_source=(
        "IT Rules 2021 r.3(2)(b) as amended 2026-02-20: remove or disable access to content "
        "exposing a person's private area, nudity or sexual act, or impersonating them, within "
        "2 hours of the complaint"
    ),
    respond=_hours(2),
    counting_start=CountingStart.DAY_OF_RECEIPT,
    roll_forward=False,
    holiday_regions=(IN,),
    pause_rules=_runs("IT Rules 2021 r.3(2)(b): hours from receipt of the complaint"),
    in_force_from=IT_RULES_AMENDMENT_2026,
    in_force_note="r.3(2)(b) as amended with effect from 20 Feb 2026 (2 hours, was 24)",
    request_types=_GRIEVANCE,
    version="as amended 2026-02-20",
    reminder_offsets=(0,),
    reminder_minutes=(60, 30, 10),
    escalation=(GRIEVANCE_APPELLATE_COMMITTEE,),
    calendar_basis="Hours of elapsed time from receipt: weekends and holidays do not count.",
)

IT_RULES_NCII_ORIGINAL = replace(
    IT_RULES_NCII_AMENDED,
    legal_source=(
        "IT Rules 2021 r.3(2)(b): remove or disable access to intimate imagery or impersonation "
        "within 24 hours of the complaint"
    ),
    respond=_hours(24),
    in_force_from=None,
    in_force_until=IT_RULES_AMENDMENT_2026,
    in_force_note="r.3(2)(b)'s earlier text, for complaints received before 20 Feb 2026",
    version="before 2026-02-20",
    reminder_minutes=(6 * 60, 2 * 60, 30),
)

# ----------------------------------------------------------------------------- EU / UK

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
    pause_rules=(
        PauseRule(
            PauseReason.IDENTITY,
            PauseEffect.STOPS,
            "GDPR Art 12(6); EDPB Guidelines 01/2022 on the right of access",
        ),
        PauseRule(
            PauseReason.CLARIFICATION,
            PauseEffect.STOPS,
            "GDPR recital 63; EDPB Guidelines 01/2022 on the right of access",
        ),
        PauseRule(
            PauseReason.FEE,
            PauseEffect.RUNS,
            "GDPR Art 12(5): information and action are free of charge",
        ),
    ),
    request_types=_RIGHTS,
    escalation=(EU_SUPERVISORY_AUTHORITY, EU_COURT),
    calendar_basis=(
        "Reg 1182/71 art 3(4): a period ending on a Saturday, Sunday or public holiday ends on "
        "the next working day; the public holidays are those of the controller's Member State "
        "(choose it under Settings → Deadlines)."
    ),
    member_state_holidays=True,
    letter_requirements=(
        *_gdpr_access("GDPR"),
        _retention_named("GDPR Art 17(3)(b) and the Union or Member State law concerned"),
    ),
    unfounded_or_excessive="GDPR Art 12(5)(b)",
)

_UK_PAUSES = (
    PauseRule(PauseReason.IDENTITY, PauseEffect.STARTS_ON_RECEIPT,
              "UK GDPR Art 12A: time runs from the latest of receipt, identity and fee"),
    PauseRule(PauseReason.FEE, PauseEffect.STARTS_ON_RECEIPT,
              "UK GDPR Art 12A: time runs from the latest of receipt, identity and fee"),
    PauseRule(PauseReason.CLARIFICATION, PauseEffect.STOPS,
              "UK GDPR Art 12A: clarification of an access request (Art 15) stops the clock",
              request_types=("access",)),
)  # fmt: skip

UK_GDPR = Policy(
    id="uk-gdpr",
    name="UK GDPR — data subject rights",
    legal_source=(
        "UK GDPR Art 12(3) and Art 12A (Data (Use and Access) Act 2025 s.76): one month from "
        "the latest of receipt, identity proof and fee; +2 months for complex requests"
    ),
    respond=_months(1),
    counting_start=CountingStart.DAY_OF_RECEIPT,
    roll_forward=True,
    holiday_regions=(ENG,),
    extension=ExtensionRule(allowed=True, length=_months(2), max_count=1),
    pause_rules=_UK_PAUSES,
    clock_start=ClockStart.LATEST_OF_RECEIPT_PROOF_FEE,
    in_force_from=UK_ART_12A_COMMENCEMENT,
    in_force_note="UK GDPR Art 12A, inserted by DUAA 2025 s.76, commenced 5 Feb 2026",
    request_types=_RIGHTS,
    version="Art 12A, from 2026-02-05",
    escalation=(UK_ICO, UK_COURTS),
    calendar_basis=(
        "A period ending on a weekend or bank holiday ends on the next working day (ICO "
        "guidance); England and Wales bank holidays (copy the policy for Scotland or Northern "
        "Ireland)."
    ),
    letter_requirements=(
        *_gdpr_access("UK GDPR"),
        _retention_named("UK GDPR Art 17(3)(b) and the enactment concerned"),
    ),
    unfounded_or_excessive="UK GDPR Art 12(5)",
)

UK_GDPR_BEFORE_12A = replace(
    UK_GDPR,
    legal_source=(
        "UK GDPR Art 12(3) and ICO guidance on the right of access: one month from the latest "
        "of receipt, identity proof and fee; +2 months for complex requests"
    ),
    in_force_from=None,
    in_force_until=UK_ART_12A_COMMENCEMENT,
    in_force_note="requests received before Art 12A commenced on 5 Feb 2026 (ICO guidance)",
    version="before 2026-02-05",
)

UK_COMPLAINTS = Policy(
    id="uk-complaints",
    name="UK — data protection complaints to the controller",
    legal_source=(
        "DPA 2018 s.164A (inserted by DUAA 2025 s.103): acknowledge a complaint within 30 days "
        "of receipt and respond without undue delay"
    ),
    acknowledge=_days(30),
    respond=_days(30),
    counting_start=CountingStart.DAY_AFTER_RECEIPT,
    roll_forward=True,
    holiday_regions=(ENG,),
    pause_rules=_runs("DPA 2018 s.164A: the 30 days run from receipt of the complaint"),
    in_force_from=UK_COMPLAINTS_COMMENCEMENT,
    in_force_note="DPA 2018 s.164A commenced on 19 Jun 2026",
    request_types=_GRIEVANCE,
    escalation=(UK_ICO, UK_COURTS),
    calendar_basis="As uk-gdpr: England and Wales bank holidays.",
    notes=(
        "s.164A sets no outcome period ('without undue delay'): the 30-day response date is a "
        "house target; edit it in a copy."
    ),
)

# ----------------------------------------------------------------------------- US / Brazil

_CCPA_CALENDAR = (
    "Business days are Monday to Friday except California's statutory holidays (Cal. Gov. "
    "Code §6700, §6701), listed under Settings → Deadlines; other observances do not count."
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
    holiday_regions=(CA_6700,),
    extension=ExtensionRule(allowed=True, length=_days(45), max_count=1),
    pause_rules=_runs(
        "11 CCR §7021(b): the 45 days begin on receipt, whatever time verification takes"
    ),
    request_types=("know", "access", "erasure", "correction"),
    escalation=(CALIFORNIA_REGULATORS,),
    calendar_basis=_CCPA_CALENDAR,
    letter_requirements=(
        LetterRequirement(
            "refusal",
            "ccpa_basis",
            "The basis for the denial, including any conflict with federal or state law or the "
            "exception relied on",
            "11 CCR §7022(f); §7023(f)",
            ("letter.reasons",),
        ),
        LetterRequirement(
            "refusal",
            "ccpa_what_next",
            "Deletion denied: what is kept and that it is used only for the exempt purpose; "
            "correction denied: the consumer may add a written statement (up to 250 words)",
            "11 CCR §7022(f); §7023(f)",
            ("letter.ccpa_statement",),
            request_types=("erasure", "correction"),
        ),
    ),
    unfounded_or_excessive="Cal. Civ. Code §1798.145(h)(3)",
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
    holiday_regions=(CA_6700,),
    pause_rules=_runs("11 CCR §7026(f)(1): 15 business days from receipt"),
    request_types=("opt_out",),
    escalation=(CALIFORNIA_REGULATORS,),
    calendar_basis=_CCPA_CALENDAR,
)

LGPD = Policy(
    id="lgpd",
    name="Brazil LGPD — confirmation and access",
    legal_source="LGPD (Lei 13.709/2018) Art. 19 II: complete declaration within 15 days",
    respond=_days(15),
    counting_start=CountingStart.DAY_AFTER_RECEIPT,
    roll_forward=False,
    pause_rules=_runs("LGPD Art 19 II: 15 days from the data subject's request"),
    request_types=("access", "confirmation"),
    escalation=(ANPD,),
    calendar_basis="Calendar days with no roll-forward (the earlier reading is never late).",
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
    pause_rules=(
        PauseRule(PauseReason.IDENTITY, PauseEffect.STOPS, "the organisation's published policy"),
        PauseRule(
            PauseReason.CLARIFICATION, PauseEffect.STOPS, "the organisation's published policy"
        ),
    ),
    request_types=(*_GRIEVANCE, *_RIGHTS, "other"),
    calendar_basis="The organisation's working days; the officer's office closures count.",
    office_closures_count=True,
    notes=(
        "Copy and edit: periods, extension, clock-stopping and the escalation route are the "
        "company's. Never looser than the law that applies to a case."
    ),
)

#: Every shipped policy version, in listing order.
PRESETS: tuple[Policy, ...] = (
    DPDP_2025,
    SPDI_2011,
    IT_RULES_2021_AMENDED,
    IT_RULES_2021_ORIGINAL,
    IT_RULES_CONTENT_AMENDED,
    IT_RULES_CONTENT_ORIGINAL,
    IT_RULES_NCII_AMENDED,
    IT_RULES_NCII_ORIGINAL,
    GDPR,
    UK_GDPR,
    UK_GDPR_BEFORE_12A,
    UK_COMPLAINTS,
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
        raise UnknownPolicyError(
            _("unknown policy {policy}; known policies: {known}").format(
                policy=repr(policy_id), known=known
            )
        )
    return found


def choose_policy_version(versions: Iterable[Policy], received_on: date) -> Policy:
    """The version governing a case received on ``received_on``.

    A case keeps the rule in force when it was received, so an amendment never shortens or
    lengthens the time for complaints already in hand. A refusal gives the law's reason.
    """
    versions = tuple(versions)
    in_force = [p for p in versions if p.in_force_on(received_on)]
    if not in_force:
        windows = "; ".join(
            _in_force_window(p) + (f" — {p.in_force_note}" if p.in_force_note else "")
            for p in versions
        )
        raise PolicyNotInForceError(
            _(
                "no version is in force for a case received on {date} ({windows}); choose "
                "another policy"
            ).format(date=received_on.isoformat(), windows=windows)
        )
    # Overlapping windows: the most recently started one wins.
    return max(in_force, key=lambda p: p.in_force_from or date.min)


def _in_force_window(policy: Policy) -> str:
    """When a version governs cases, for a refusal ("from 2026-02-20 until open")."""
    start, end = policy.in_force_from, policy.in_force_until
    if start is None and end is None:
        text = _("{policy}: from always until open")
    elif start is None:
        text = _("{policy}: from always until {end}")
    elif end is None:
        text = _("{policy}: from {start} until open")
    else:
        text = _("{policy}: from {start} until {end}")
    return text.format(policy=policy.label, start=start, end=end)


def policy_in_force(
    policy_id: str, received_on: date, policies: Iterable[Policy] = PRESETS
) -> Policy:
    """Pick the version of ``policy_id`` a case received on ``received_on`` is governed by."""
    return choose_policy_version(preset_versions(policy_id, policies), received_on)
