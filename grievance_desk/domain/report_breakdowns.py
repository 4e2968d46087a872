"""The report's breakdowns (received by request type, channel, policy and kind; closed by
outcome and kind; the IT Rules layout) and the ageing of the cases still open."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from grievance_desk.domain.case_types import Channel, Outcome, RequestType
from grievance_desk.domain.report_definitions import AGE_BUCKETS, age_at_end
from grievance_desk.domain.report_figure_kit import breakdown, count_figure, label_of
from grievance_desk.domain.report_model import Breakdown, CaseFacts, Closure, Figure
from grievance_desk.domain.report_period import ReportPeriod
from grievance_desk.domain.report_populations import Populations

__all__ = ["ageing_figures", "ages_of", "breakdowns", "compliance_layout"]

_KINDS = ("complaint", "rights_request")
_KIND_NAMES = {"complaint": "Complaints", "rights_request": "Rights requests"}


def breakdowns(
    p: Populations, names: Mapping[str, str], *, it_rules_compliance: bool = False
) -> tuple[Breakdown, ...]:
    """Every breakdown of the report, the IT Rules layout last when asked for."""
    received, closed_cases = p.received, p.closed_cases
    received_in = f"Cases received in {p.period.label}"
    closed_in = f"Cases closed in {p.period.label}"
    outcome_of = {c.reference: (cl.outcome or "none") for c, cl in p.closed}
    kind_name = _KIND_NAMES.get
    found: tuple[Breakdown, ...] = (
        breakdown(
            "by_request_type",
            "Received by request type",
            "Request type",
            received,
            lambda c: c.request_type,
            [t.value for t in RequestType],
            label_of(RequestType),
            received_in,
        ),
        breakdown(
            "by_channel",
            "Received by channel",
            "Channel",
            received,
            lambda c: c.channel,
            [ch.value for ch in Channel],
            label_of(Channel),
            received_in,
        ),
        breakdown(
            "by_outcome",
            "Closed by outcome",
            "Outcome",
            closed_cases,
            lambda c: outcome_of[c.reference],
            [o.value for o in Outcome],
            label_of(Outcome),
            closed_in,
        ),
        breakdown(
            "by_policy",
            "Received by policy",
            "Policy",
            received,
            lambda c: c.policy_id,
            sorted({c.policy_id for c in received}),
            lambda code: names.get(code, code),
            received_in,
        ),
        breakdown(
            "received_by_kind",
            "Received by kind",
            "Kind",
            received,
            lambda c: c.kind,
            _KINDS,
            lambda code: kind_name(code, code),
            received_in,
        ),
        breakdown(
            "closed_by_kind",
            "Redressed by kind",
            "Kind",
            closed_cases,
            lambda c: c.kind,
            _KINDS,
            lambda code: kind_name(code, code),
            closed_in,
        ),
    )
    if it_rules_compliance:
        found = (*found, *compliance_layout(received, p.closed, p.period, names))
    return found


def compliance_layout(
    received: Sequence[CaseFacts],
    closed: Sequence[tuple[CaseFacts, Closure]],
    period: ReportPeriod,
    names: Mapping[str, str],
) -> tuple[Breakdown, Breakdown]:
    """IT Rules r.4(1)(d): a significant social media intermediary's monthly report gives the
    complaints received (by category: the policy each complaint is under) and the action
    taken on them (the outcome of the complaints closed)."""
    complaints = [c for c in received if c.kind == "complaint"]
    closed_complaints = [(c, cl) for c, cl in closed if c.kind == "complaint"]
    outcome_of = {c.reference: (cl.outcome or "none") for c, cl in closed_complaints}
    return (
        breakdown(
            "it_rules_received_by_category",
            "IT Rules r.4(1)(d): complaints received by category",
            "Category",
            complaints,
            lambda c: c.policy_id,
            sorted({c.policy_id for c in complaints}),
            lambda code: names.get(code, code),
            f"Complaints received in {period.label}",
        ),
        breakdown(
            "it_rules_action_taken",
            "IT Rules r.4(1)(d): action taken on complaints",
            "Action taken",
            [c for c, _ in closed_complaints],
            lambda c: outcome_of[c.reference],
            [o.value for o in Outcome],
            label_of(Outcome),
            f"Complaints closed in {period.label}",
        ),
    )


def ages_of(p: Populations) -> dict[str, int]:
    """Each open case's age at the period's end in days, by reference."""
    return {c.reference: age_at_end(c, p.as_at) for c in p.still_open}


def ageing_figures(p: Populations, ages: Mapping[str, int]) -> tuple[Figure, ...]:
    """The open cases counted by age bucket (0–7 days … over 90 days)."""
    return tuple(
        count_figure(
            f"ageing.{bucket.key}",
            bucket.label,
            [
                c
                for c in p.still_open
                if bucket.low <= ages[c.reference]
                and (bucket.high is None or ages[c.reference] <= bucket.high)
            ],
            f"Cases open {p.end_words}, aged {bucket.label}",
            of=len(p.still_open),
        )
        for bucket in AGE_BUCKETS
    )
