"""Each case's report facts (`CaseFacts`) from what `report_read` read: its closings with
their due dates from the deadline engine as the clock stood then, the due dates of the clock
running at "as at", and from when those facts hold for every later report (so they can be
kept)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from grievance_desk.domain.deadline_engine import ClockInputError, deadlines
from grievance_desk.domain.policy import Policy
from grievance_desk.domain.report_figures import build_report
from grievance_desk.domain.report_model import CaseFacts, Closure, Report, TrendPoint
from grievance_desk.domain.report_period import (
    ReportPeriod,
)
from grievance_desk.domain.report_stored import (
    facts_from_data,
)
from grievance_desk.domain.work_calendar import NoWorkingDayError
from grievance_desk.domain.workflow import Status
from grievance_desk.services.case_clock import ClockFacts, PolicyChooser, clock_of, received_on
from grievance_desk.services.policy_settings import (
    PolicySettings,
    PolicySettingsError,
)
from grievance_desk.services.report_history import (
    closings_and_reopenings,
    first_closing,
    open_at,
)
from grievance_desk.services.report_read import RESPONDED, ReportEvent, ReportRow, Window

__all__ = ["Computed", "Policies", "Progress", "Stable", "case_facts", "compute", "stable_from"]

Progress = Callable[[int, int], None]


# --------------------------------------------------------------------------- facts


class Policies:
    """The shared `PolicyChooser`, with a policy that cannot be applied as None (the report
    counts such a case without dates) and the names of the policies in use."""

    def __init__(self, settings: PolicySettings, tz: ZoneInfo) -> None:
        self.chooser = PolicyChooser(settings, tz)
        self._found: dict[tuple[str, date], Policy | None] = {}
        self.names: dict[str, str] = {}

    def policy(self, policy_id: str, received_on: date) -> Policy | None:
        key = (policy_id, received_on)
        if key not in self._found:
            try:
                found: Policy | None = self.chooser.version(policy_id, received_on)
            except PolicySettingsError:
                found = None
            self._found[key] = found
            if found is not None:
                self.names.setdefault(found.id, found.name)
        return self._found[key]


def case_facts(
    row: ReportRow,
    pauses: Sequence[tuple[str, date, date | None]],
    extensions: Sequence[datetime],
    events: Sequence[ReportEvent],
    policies: Policies,
    tz: ZoneInfo,
    as_at: datetime,
) -> CaseFacts:
    clock_facts = ClockFacts.of(row, pauses, extensions)
    policy_id = policies.chooser.policy_id(clock_facts)
    policy = policies.policy(policy_id, received_on(clock_facts, tz))
    closings, reopenings = closings_and_reopenings(row, events)
    responses = [e.at for e in events if e.action == RESPONDED]
    current_start = max([row.received_at, *(r for r in reopenings if r <= as_at)])
    if row.status == Status.RESPONSE_SENT and not any(r >= current_start for r in responses):
        # Imported as "response sent": the row's last change is the best moment we have.
        responses.append(row.updated_at)

    def due(reopened_at: datetime | None, until: datetime) -> tuple[datetime, datetime | None]:
        """(final response due, acknowledgement due) of the clock started at ``reopened_at``."""
        assert policy is not None
        clock = clock_of(clock_facts, until=until, zone=tz, reopened_at=reopened_at)
        day = until.astimezone(tz).date()
        result = deadlines(clock, policy, policies.chooser.calendar(policy), tz, as_of=day)
        ack = result.acknowledge_by.due if result.acknowledge_by is not None else None
        return result.final_respond_by.due, ack

    has_policy = policy is not None
    closures: list[Closure] = []
    acknowledge_by = respond_by_at_end = None
    acknowledge_known = False  # the acknowledgement runs from receipt: any first clock gives it
    try:
        for closed_at, outcome in closings:
            started = [r for r in reopenings if r < closed_at]
            reopened = max(started) if started else None
            respond_by = None
            # A closing after "as at" is in no figure of this report (each reads closings
            # by "as at"), and facts holding one are never kept: no engine run for it.
            if has_policy and closed_at <= as_at:
                respond_by, ack = due(reopened, closed_at)
                if reopened is None:
                    acknowledge_by, acknowledge_known = ack, True
            closures.append(Closure(closed_at, reopened or row.received_at, respond_by, outcome))
        if has_policy:
            if open_at(closings, reopenings, as_at):
                latest_reopen = current_start if current_start != row.received_at else None
                respond_by_at_end, ack = due(latest_reopen, max(as_at, current_start))
                if latest_reopen is None:
                    acknowledge_by, acknowledge_known = ack, True
            if not acknowledge_known and closings:
                acknowledge_by = due(
                    None, max(row.received_at, min(as_at, first_closing(closings)))
                )[1]
    except (ClockInputError, NoWorkingDayError, ValueError):
        has_policy, acknowledge_by, respond_by_at_end = False, None, None
        closures = [Closure(c.closed_at, c.clock_started_at, None, c.outcome) for c in closures]
    return CaseFacts(
        reference=row.reference,
        request_type=row.request_type,
        channel=row.channel,
        policy_id=policy_id,
        received_at=row.received_at,
        acknowledged_at=row.acknowledged_at,
        acknowledge_by=acknowledge_by,
        closures=tuple(closures),
        reopenings=tuple(reopenings),
        responses=tuple(sorted(responses)),
        # An open pause (end None) sorts after a closed one starting the same day.
        pauses=tuple(
            sorted(((s, e) for _r, s, e in pauses), key=lambda p: (p[0], p[1] or date.max))
        ),
        respond_by_at_end=respond_by_at_end,
        has_policy=has_policy,
        status_now=Status(row.status).label,
        kind=row.kind,
        pauses_stop_clock=policy is None or policy.stops_clock(None, row.request_type),
    )


@dataclass
class Computed:
    facts: list[CaseFacts]
    names: dict[str, str]
    #: Facts computed afresh that later reports may use, to be stored.
    stable: list[Stable]

    def build(
        self,
        period: ReportPeriod,
        *,
        now: datetime,
        organisation: str,
        known_trend: Mapping[str, TrendPoint],
        it_rules_compliance: bool = False,
    ) -> Report:
        return build_report(
            self.facts,
            period,
            now=now,
            organisation=organisation,
            policy_names=self.names,
            known_trend=known_trend,
            it_rules_compliance=it_rules_compliance,
        )


def compute(
    window: Window, policies: Policies, tz: ZoneInfo, as_at: datetime, progress: Progress | None
) -> Computed:
    total = len(window.ids)
    facts: list[CaseFacts] = []
    stable: list[Stable] = []
    for done, case_id in enumerate(window.ids, start=1):
        text = window.stored.get(case_id)
        if text is not None:
            case = _decoded(text)
            # As case_facts does first, in the same order: the names of the policies in use.
            policies.policy(case.policy_id, case.received_at.astimezone(tz).date())
        else:
            row = window.rows[case_id]
            paused = window.pauses.get(case_id, ())
            extended = window.extensions.get(case_id, ())
            events = window.events.get(case_id, ())
            case = case_facts(row, paused, extended, events, policies, tz, as_at)
            kept = stable_from(row, case, paused, extended, tz, as_at)
            if kept is not None and kept[0] <= as_at:
                stable.append(Stable(case_id, kept[0], kept[1], case))
        facts.append(case)
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
    return Computed(facts, policies.names, stable)


@lru_cache(maxsize=16_384)
def _decoded(text: str) -> CaseFacts:
    """Kept facts from their stored text. A report reads thousands and the next report
    mostly the same ones, so each text is decoded once per process (facts are immutable)."""
    return facts_from_data(json.loads(text))


@dataclass(frozen=True)
class Stable:
    """A case's facts that every report made from ``since`` on (that day only, if
    ``day_bound``) would compute the same."""

    case_id: int
    since: datetime
    day_bound: bool
    facts: CaseFacts


def stable_from(
    row: ReportRow,
    case: CaseFacts,
    pauses: Sequence[tuple[str, date, date | None]],
    extensions: Sequence[datetime],
    tz: ZoneInfo,
    as_at: datetime,
) -> tuple[datetime, bool] | None:
    """From when a case's facts are the same for every report, and whether only on the day of
    ``as_at``; None if they are not yet stable.

    A closed case whose last closing comes after its last reopening: every report made from
    that closing on sees it closed, and `case_facts` then computes nothing from "as at" (each
    closing's due date uses the clock as it stood at that closing).

    An open case without a running pause: `case_facts` reads "as at" only to leave out what had
    not happened by then (reopenings, closings, extensions, proof of identity, the fee, the
    days a pause began or ended); from the last of those on, nothing is left out, and the
    engine needs "today" only for a pause still running. The triggers drop the facts when any
    of them changes, as for a closed case. With a pause still running, the engine counts it
    up to the day of "as at", so the facts hold for the rest of that day only.
    """
    if row.status == Status.CLOSED:
        if not case.closures:
            return None
        last = max(c.closed_at for c in case.closures)
        if case.reopenings and max(case.reopenings) > last:
            return None
        return last, False
    running = any(ended is None for _reason, _started, ended in pauses)
    today = [_midnight(as_at.astimezone(tz).date(), tz)] if running else []
    pause_days = [
        _midnight(day, tz)
        for _reason, started, ended in pauses
        for day in (started, ended)
        if day is not None
    ]
    return max(
        [
            row.received_at,
            *case.reopenings,
            *(c.closed_at for c in case.closures),
            *extensions,
            *(m for m in (row.identity_proof_at, row.fee_received_at) if m is not None),
            *pause_days,
            *today,
        ]
    ), running


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz)
