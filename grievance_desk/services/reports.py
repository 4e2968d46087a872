"""Monthly and yearly summaries from the register: facts by SQL, dates by the deadline engine.

Only the cases that can matter are read: those received before the period's end that were
received, closed or reopened within the report window (the period and the eleven months
before it, for the trend), or that are still open. Pauses, extensions and the audit events
that record responses, closings and reopenings come in one query each. The figures
themselves are `domain.report_figures`'s, so the PDF, the spreadsheets, the JSON and the
Reports page can never disagree. Nothing here reads a requester's name, e-mail or
description: a report names cases by reference only.

A period that has ended is read at its last instant, so its report only changes when a fact
it read changes. Such reports are kept in the register (``report_cache``, migration 0004):
triggers drop an entry when a case received before the period's end changes in any way the
report reads (row, pauses, extensions, response/closing/reopening events, a purge), and the
settings that shape deadlines are part of the key. The figures are always the ones a fresh
computation gives; tests check that after every kind of change.
"""

from __future__ import annotations

import hashlib
import io
import json
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import IO, Any, Literal
from zoneinfo import ZoneInfo

import holidays
import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import Integer, bindparam, column, delete, func, insert, text
from sqlalchemy import case as sql_case
from sqlalchemy import select as sa_select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk import __version__ as app_version
from grievance_desk.domain.deadline_engine import ClockInputError, deadlines
from grievance_desk.domain.policy import Policy
from grievance_desk.domain.report_figures import build_report
from grievance_desk.domain.report_model import CaseFacts, Closure, Figure, Report, TrendPoint
from grievance_desk.domain.report_period import (
    PeriodError,
    ReportPeriod,
    month_period,
    report_moment,
    trend_periods,
    year_period,
)
from grievance_desk.domain.report_stored import (
    facts_from_data,
    facts_to_data,
    report_from_data,
    report_to_data,
    trend_point_from_data,
    trend_point_to_data,
)
from grievance_desk.domain.work_calendar import NoWorkingDayError
from grievance_desk.domain.workflow import Status
from grievance_desk.services.case_clock import ClockFacts, PolicyChooser, clock_of, received_on
from grievance_desk.services.cases import officer_zone
from grievance_desk.services.organisation import read_organisation
from grievance_desk.services.policy_settings import (
    PolicySettings,
    PolicySettingsError,
    load_policy_settings,
)
from grievance_desk.services.spreadsheet_io import neutralise, openpyxl_scratch_beside, write_csv
from grievance_desk.storage.audit import chain_head
from grievance_desk.storage.column_types import UtcDateTime
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import (
    AuditEvent,
    Case,
    ClockPause,
    Extension,
    ReportCache,
    ReportCacheGeneration,
    ReportCaseFacts,
)

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "DrillDown",
    "ReportFormat",
    "drill_down",
    "export_report",
    "monthly_report",
    "report_csv_rows",
    "report_json",
    "write_report_csv",
    "write_report_xlsx",
]

ReportFormat = Literal["pdf", "csv", "xlsx", "json"]
FORMATS: tuple[ReportFormat, ...] = ("pdf", "csv", "xlsx", "json")
CSV_COLUMNS = ("period", "measure", "dimension", "value")
JSON_SCHEMA = "grievance-desk/report/1"

_RESPONDED, _CLOSED, _REOPENED = "case.send_response", "case.close", "case.reopen"

Progress = Callable[[int, int], None]

#: One encoder for every one-line part (json.dumps with options builds one per call).
_ONE_LINE = json.JSONEncoder(ensure_ascii=False)
#: The stored form of cached reports and case facts: no spaces.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Row:
    id: int
    reference: str
    request_type: str
    channel: str
    policy_id: str | None
    received_at: datetime
    acknowledged_at: datetime | None
    closed_at: datetime | None
    reopened_at: datetime | None
    identity_proof_at: datetime | None
    fee_received_at: datetime | None
    outcome: str | None
    status: str
    updated_at: datetime
    kind: str = "rights_request"


_COLUMNS = (
    col(Case.id),
    col(Case.reference),
    col(Case.request_type),
    col(Case.channel),
    col(Case.policy_id),
    col(Case.received_at),
    col(Case.acknowledged_at),
    col(Case.closed_at),
    col(Case.reopened_at),
    col(Case.identity_proof_at),
    col(Case.fee_received_at),
    col(Case.outcome),
    col(Case.status),
    col(Case.updated_at),
    col(Case.kind),
)


@dataclass
class _Event:
    action: str
    at: datetime
    payload: str | None


def _row(r: Any) -> _Row:
    """A result row with enums as their stored strings (the figures compare plain codes)."""
    return _Row(
        id=int(r[0]),
        reference=str(r[1]),
        request_type=str(r[2]),
        channel=str(r[3]),
        policy_id=r[4],
        received_at=r[5],
        acknowledged_at=r[6],
        closed_at=r[7],
        reopened_at=r[8],
        identity_proof_at=r[9],
        fee_received_at=r[10],
        outcome=None if r[11] is None else str(r[11]),
        status=str(r[12]),
        updated_at=r[13],
        kind=str(r[14]),
    )


# Cases that can appear in a report whose window is [start, end): received before the end,
# and received or closed (last closing) in the window, not closed at all, or ever reopened (a
# reopened case's earlier closings are only in its history). Cases closed before the window
# and never reopened cannot appear. Written as a union so that each part reads its own index
# (the unary "+" keeps SQLite from walking received_at instead): ~7 ms at 100,000 cases,
# where the same condition joined by OR scanned the table (~130 ms).
_WINDOW_IDS = """
    SELECT id FROM grievance_case WHERE received_at >= :start AND received_at < :end
    UNION SELECT id FROM grievance_case WHERE closed_at IS NULL AND +received_at < :end
    UNION SELECT id FROM grievance_case WHERE closed_at >= :start AND +received_at < :end
    UNION SELECT id FROM grievance_case WHERE reopened_at IS NOT NULL AND +received_at < :end
"""


def _window_ids(window_start: datetime, end: datetime) -> Any:
    return (
        text(_WINDOW_IDS)
        .bindparams(
            bindparam("start", window_start, type_=UtcDateTime()),
            bindparam("end", end, type_=UtcDateTime()),
        )
        .columns(column("id", Integer))
    )


def _among(case_ids: Sequence[int]) -> Any:
    """A subquery of these ids as one JSON parameter (no limit on how many)."""
    listed = func.json_each(json.dumps(list(case_ids))).table_valued("value")
    return sa_select(listed.c.value)


@dataclass(frozen=True)
class _Known:
    """Which stored case facts a report may use: made under these settings (or, for a case
    whose clock is stopped, these settings on this day), stable by ``as_at``."""

    digest: str
    day_digest: str
    as_at: datetime


@dataclass
class _Window:
    """What a report reads: the ids of the cases in its window (in id order), the stored
    facts (JSON text) of those that have usable ones, and for the others their rows,
    pauses, extensions and report events."""

    ids: list[int]
    stored: dict[int, str]
    rows: dict[int, _Row]
    pauses: dict[int, list[tuple[str, date, date | None]]]
    extensions: dict[int, list[datetime]]
    events: dict[int, list[_Event]]


def _read(
    session: Session, window_start: datetime, end: datetime, known: _Known | None = None
) -> _Window:
    """The cases of the window [window_start, end): stored facts where ``known`` allows them,
    what `_facts` needs for the rest."""
    ids = sorted(session.scalars(_window_ids(window_start, end)))
    stored: dict[int, str] = {}
    if known is not None and ids:
        for case_id, content in session.execute(
            select(col(ReportCaseFacts.case_id), col(ReportCaseFacts.content)).where(
                col(ReportCaseFacts.case_id).in_(_among(ids)),
                col(ReportCaseFacts.settings_digest).in_((known.digest, known.day_digest)),
                col(ReportCaseFacts.stable_from) <= known.as_at,
            )
        ):
            stored[case_id] = content
    # Rows, pauses, extensions and events only of the cases whose facts are not stored.
    wanted = _among([case_id for case_id in ids if case_id not in stored])
    rows = {
        row.id: row
        for row in map(_row, session.execute(sa_select(*_COLUMNS).where(col(Case.id).in_(wanted))))
    }

    def needed(case_id: Any) -> Any:
        return case_id.in_(wanted)

    pauses: dict[int, list[tuple[str, date, date | None]]] = defaultdict(list)
    for case_id, reason, started, ended in session.execute(
        select(
            col(ClockPause.case_id),
            col(ClockPause.reason),
            col(ClockPause.started_on),
            col(ClockPause.ended_on),
        ).where(needed(col(ClockPause.case_id)))
    ):
        pauses[case_id].append((str(reason), started, ended))
    extensions: dict[int, list[datetime]] = defaultdict(list)
    for case_id, granted in session.execute(
        select(col(Extension.case_id), col(Extension.granted_at)).where(
            needed(col(Extension.case_id))
        )
    ):
        extensions[case_id].append(granted)
    events: dict[int, list[_Event]] = defaultdict(list)
    # Only a reopening's payload is read (its "before" holds the closing it undid).
    payload = sql_case((col(AuditEvent.action) == _REOPENED, col(AuditEvent.payload)), else_=None)
    for case_id, action, at, content in session.execute(
        select(col(AuditEvent.case_id), col(AuditEvent.action), col(AuditEvent.at), payload)
        .where(
            col(AuditEvent.action).in_((_RESPONDED, _CLOSED, _REOPENED)),
            needed(col(AuditEvent.case_id)),
        )
        .order_by(col(AuditEvent.id))
    ):
        events[case_id].append(_Event(action, at, content))
    return _Window(ids, stored, rows, pauses, extensions, events)


# --------------------------------------------------------------------------- facts


class _Policies:
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


def _closures(
    row: _Row, events: Sequence[_Event]
) -> tuple[list[tuple[datetime, str | None]], list[datetime]]:
    """Every closing (moment, outcome) and reopening of a case, from its row and audit trail.

    The row holds the latest closing; each reopening's "before" snapshot holds the closing it
    undid (an imported case was closed without a close event). A redacted reopening falls
    back on the close event before it.
    """
    reopenings = [e.at for e in events if e.action == _REOPENED]
    if not reopenings and row.reopened_at is not None:
        reopenings = [row.reopened_at]
    closes = [e.at for e in events if e.action == _CLOSED]
    found: dict[datetime, str | None] = {}
    for event in events:
        if event.action != _REOPENED:
            continue
        before: Mapping[str, Any] = {}
        if event.payload:
            try:
                loaded = json.loads(event.payload).get("before")
            except (ValueError, AttributeError):
                loaded = None
            before = loaded if isinstance(loaded, dict) else {}
        closed_text = before.get("closed_at")
        if isinstance(closed_text, str):
            found[datetime.fromisoformat(closed_text)] = before.get("outcome")
        else:
            earlier = [c for c in closes if c <= event.at]
            if earlier:
                found.setdefault(max(earlier), None)
    if row.closed_at is not None:
        found[row.closed_at] = row.outcome
    return sorted(found.items()), sorted(reopenings)


def _facts(
    row: _Row,
    pauses: Sequence[tuple[str, date, date | None]],
    extensions: Sequence[datetime],
    events: Sequence[_Event],
    policies: _Policies,
    tz: ZoneInfo,
    as_at: datetime,
) -> CaseFacts:
    clock_facts = ClockFacts.of(row, pauses, extensions)
    policy_id = policies.chooser.policy_id(clock_facts)
    policy = policies.policy(policy_id, received_on(clock_facts, tz))
    closings, reopenings = _closures(row, events)
    responses = [e.at for e in events if e.action == _RESPONDED]
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
            if has_policy:
                respond_by, ack = due(reopened, closed_at)
                if reopened is None:
                    acknowledge_by, acknowledge_known = ack, True
            closures.append(Closure(closed_at, reopened or row.received_at, respond_by, outcome))
        if has_policy:
            if _open_at(closings, reopenings, as_at):
                latest_reopen = current_start if current_start != row.received_at else None
                respond_by_at_end, ack = due(latest_reopen, max(as_at, current_start))
                if latest_reopen is None:
                    acknowledge_by, acknowledge_known = ack, True
            if not acknowledge_known and closings:
                acknowledge_by = due(None, max(row.received_at, min(as_at, _first(closings))))[1]
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


def _first(closings: Sequence[tuple[datetime, str | None]]) -> datetime:
    return closings[0][0] if closings else datetime.max.replace(tzinfo=UTC)


def _open_at(
    closings: Sequence[tuple[datetime, str | None]], reopenings: Sequence[datetime], at: datetime
) -> bool:
    """Whether the last closing or reopening by ``at`` was a reopening (or there was none)."""
    marks = [(c, 1) for c, _ in closings if c <= at] + [(r, 0) for r in reopenings if r <= at]
    return not marks or max(marks)[1] == 0


def choose_period(
    tz: ZoneInfo, now: datetime, *, month: date | None = None, year: int | None = None
) -> ReportPeriod:
    """The period asked for; with neither month nor year, the last complete month before now.

    The summary goes to management after a month ends, so that is the sensible default.
    """
    if month is not None and year is not None:
        raise PeriodError("Give either a month or a year, not both.")
    if year is not None:
        return year_period(year, tz)
    if month is None:
        today = now.astimezone(tz).date().replace(day=1)
        month = (
            date(today.year - 1, 12, 1)
            if today.month == 1
            else today.replace(month=today.month - 1)
        )
    return month_period(month.year, month.month, tz)


def monthly_report(
    register: Register,
    *,
    month: date | None = None,
    year: int | None = None,
    now: datetime,
    progress: Progress | None = None,
    use_cache: bool = True,
) -> Report:
    """The summary for a calendar month (any day of it) or a year, as plain data.

    Slow for a large register (the deadline engine runs for each case that matters), so the
    app calls it off the GUI thread; ``progress(done, total)`` is called as cases are worked
    through. Raises PeriodError (a ValueError naming the fix) for a period not yet begun.

    A period that has ended is read at its last instant, so its report is the same whenever
    it is made until one of its facts changes: it is kept in the register's report cache
    (see `_cached`) and given back from there; ``use_cache=False`` computes afresh.
    """
    with register.reading() as session:
        tz = officer_zone(session)
        period = choose_period(tz, now, month=month, year=year)
        as_at = report_moment(period, now)
        organisation = read_organisation(session).name
        head = str(chain_head(session))
        settings = load_policy_settings(session)
        cacheable = use_cache and as_at == period.end_at - _INSTANT
        digest = _settings_digest(settings, tz)
        # Read first, in the same snapshot as the facts: a change after it is detected.
        generation = _generation(session) if use_cache else 0
        if cacheable:
            cached = _cached(session, period, digest, now=now, organisation=organisation)
            if cached is not None:
                return replace(cached, chain_head=head)
        policies = _Policies(settings, tz)
        months = trend_periods(period)
        known_trend = _cached_trend(session, months, digest, as_at) if use_cache else {}
        # Only the months still to compute need their cases read.
        window_start = min(
            [period.start_at, *(m.start_at for m in months if m.key not in known_trend)]
        )
        day_digest = _day_digest(digest, as_at, tz)
        known = _Known(digest, day_digest, as_at) if use_cache else None
        window = _read(session, window_start, period.end_at, known)
    computed = _compute(window, policies, tz, as_at, progress)
    report = computed.build(
        period,
        now=now,
        organisation=organisation,
        known_trend=known_trend,
        # IT Rules r.4(1)(d): a significant social media intermediary's monthly compliance report
        it_rules_compliance=settings.profile is not None and settings.profile.significant,
    )
    if use_cache:
        finished_months = [
            (month, point)
            for month, point in zip(months, report.trend, strict=True)
            if month.key not in known_trend and month.end_at - _INSTANT <= as_at
        ]
        _store(
            register,
            digest,
            day_digest,
            generation,
            computed.stable,
            (period, report) if cacheable else None,
            finished_months,
            now=now,
        )
    return replace(report, chain_head=head)


@dataclass
class _Computed:
    facts: list[CaseFacts]
    names: dict[str, str]
    #: Facts computed afresh that later reports may use, to be stored.
    stable: list[_Stable]

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


def _compute(
    window: _Window, policies: _Policies, tz: ZoneInfo, as_at: datetime, progress: Progress | None
) -> _Computed:
    total = len(window.ids)
    facts: list[CaseFacts] = []
    stable: list[_Stable] = []
    for done, case_id in enumerate(window.ids, start=1):
        text = window.stored.get(case_id)
        if text is not None:
            case = facts_from_data(json.loads(text))
            # As _facts does first, in the same order: the names of the policies in use.
            policies.policy(case.policy_id, case.received_at.astimezone(tz).date())
        else:
            row = window.rows[case_id]
            paused = window.pauses.get(case_id, ())
            extended = window.extensions.get(case_id, ())
            events = window.events.get(case_id, ())
            case = _facts(row, paused, extended, events, policies, tz, as_at)
            kept = _stable_from(row, case, paused, extended, tz, as_at)
            if kept is not None and kept[0] <= as_at:
                stable.append(_Stable(case_id, kept[0], kept[1], case))
        facts.append(case)
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
    return _Computed(facts, policies.names, stable)


@dataclass(frozen=True)
class _Stable:
    """A case's facts that every report made from ``since`` on (that day only, if
    ``day_bound``) would compute the same."""

    case_id: int
    since: datetime
    day_bound: bool
    facts: CaseFacts


def _stable_from(
    row: _Row,
    case: CaseFacts,
    pauses: Sequence[tuple[str, date, date | None]],
    extensions: Sequence[datetime],
    tz: ZoneInfo,
    as_at: datetime,
) -> tuple[datetime, bool] | None:
    """From when a case's facts are the same for every report, and whether only on the day of
    ``as_at``; None if they are not yet stable.

    A closed case whose last closing comes after its last reopening: every report made from
    that closing on sees it closed, and `_facts` then computes nothing from "as at" (each
    closing's due date uses the clock as it stood at that closing).

    An open case without a running pause: `_facts` reads "as at" only to leave out what had
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


# --------------------------------------------------------------------------- the cache

#: Bump when the stored form or the way any figure is computed changes, so reports cached by
#: an earlier build are not served (the app version is in the key as well).
CACHE_FORMAT = 2  # 2: issue 14 (pause rules, kinds, acknowledgement in overdue, profile)
_INSTANT = timedelta(microseconds=1)


def _settings_digest(settings: PolicySettings, tz: ZoneInfo) -> str:
    """Everything besides the cases that a report's figures depend on, as one SHA-256.

    Policies (presets and the officer's own, every version), default policy per request type,
    the officer's days off, the time zone, the public-holiday data and this app's version.
    """
    parts = (
        f"format={CACHE_FORMAT}",
        f"app={app_version}",
        f"holidays={getattr(holidays, '__version__', '?')}",
        f"tz={tz.key}",
        repr(settings.policies),
        repr(sorted(settings.defaults.items())),
        repr(settings.days_off),
        repr(settings.profile),
        repr(settings.member_state),
    )
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _generation(session: Session) -> int:
    found = session.get(ReportCacheGeneration, 1)
    return 0 if found is None else found.generation


def _day_digest(digest: str, as_at: datetime, tz: ZoneInfo) -> str:
    """The key of facts that hold on the day of ``as_at`` only (a clock stopped that day)."""
    day = as_at.astimezone(tz).date().isoformat()
    return hashlib.sha256(f"{digest}\nday={day}".encode()).hexdigest()


def _cached(
    session: Session, period: ReportPeriod, digest: str, *, now: datetime, organisation: str
) -> Report | None:
    """The stored report of a period that has ended, if its facts and settings are unchanged.

    Triggers (migration 0004) delete an entry as soon as any fact it read changes: a case
    received before the period's end is added, edited, changes status, gains or loses a
    pause or extension, is responded to, closed, reopened or purged. Settings are in the key.
    """
    data = _entry_data(session.get(ReportCache, period.key), digest, period)
    if data is None:
        return None
    try:
        return report_from_data(data, period, now=now, organisation=organisation)
    except ValueError:
        return None  # from another build: compute afresh


def _entry_data(row: ReportCache | None, digest: str, period: ReportPeriod) -> Any:
    """A cache entry's stored data if it was made under these settings for this period's
    end, else None (also when it is damaged: the caller computes afresh)."""
    if row is None or row.settings_digest != digest or row.period_end_at != period.end_at:
        return None
    try:
        return json.loads(zlib.decompress(row.content))
    except (ValueError, zlib.error):
        return None


def _trend_key(month: ReportPeriod) -> str:
    """The cache key of a month's trend point ("t2026-10"), apart from its report's key."""
    return f"t{month.key}"


def _cached_trend(
    session: Session, months: Sequence[ReportPeriod], digest: str, as_at: datetime
) -> dict[str, TrendPoint]:
    """The kept trend points of the months that ended by ``as_at`` (by month key).

    A month's point counts only the cases received or closed in it, so it is dropped by the
    same triggers as that month's report (every case it counts was received before its end).
    """
    finished = {_trend_key(m): m for m in months if m.end_at - _INSTANT <= as_at}
    found: dict[str, TrendPoint] = {}
    if not finished:
        return found
    for row in session.scalars(
        select(ReportCache).where(col(ReportCache.period_key).in_(list(finished)))
    ):
        month = finished[row.period_key]
        data = _entry_data(row, digest, month)
        if data is None:
            continue
        try:
            point = trend_point_from_data(data)
        except (ValueError, KeyError, TypeError):
            continue  # from another build: compute it afresh
        if point.period_key == month.key:
            found[month.key] = point
    return found


def _store(
    register: Register,
    digest: str,
    day_digest: str,
    generation: int,
    stable: Sequence[_Stable],
    finished: tuple[ReportPeriod, Report] | None,
    finished_months: Sequence[tuple[ReportPeriod, TrendPoint]],
    *,
    now: datetime,
) -> None:
    """Keep cases' stable facts, a finished period's report and finished months' trend
    points, unless a fact changed since the snapshot they were computed from (then the next
    report computes them again)."""
    if not stable and finished is None and not finished_months:
        return
    entries: list[tuple[str, ReportPeriod, Any]] = [
        (_trend_key(m), m, trend_point_to_data(p)) for m, p in finished_months
    ]
    if finished is not None:
        period, report = finished
        entries.append((period.key, period, report_to_data(report)))
    # Encoded before the write lock is taken; zlib level 1 is ~5x faster than 6 for a
    # slightly larger entry (a report of 6,000 cases: ~0.4 MB).
    encoded = [
        (key, period, zlib.compress(_COMPACT.encode(data).encode("utf-8"), 1))
        for key, period, data in entries
    ]
    try:
        with register.writing() as session:
            if _generation(session) != generation:
                return
            if stable:
                _store_facts(session, digest, day_digest, stable)
            for key, period, content in encoded:
                session.execute(delete(ReportCache).where(col(ReportCache.period_key) == key))
                session.add(
                    ReportCache(
                        period_key=key,
                        settings_digest=digest,
                        period_end_at=period.end_at,
                        computed_at=now,
                        content=content,
                    )
                )
    except OperationalError:
        pass  # busy or read-only: the report stands, it is just not kept


def _store_facts(session: Session, digest: str, day_digest: str, stable: Sequence[_Stable]) -> None:
    ids = [kept.case_id for kept in stable]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(delete(ReportCaseFacts).where(col(ReportCaseFacts.case_id).in_(chunk)))
    session.execute(
        insert(ReportCaseFacts),
        [
            {
                "case_id": kept.case_id,
                "settings_digest": day_digest if kept.day_bound else digest,
                "stable_from": kept.since,
                "content": _COMPACT.encode(facts_to_data(kept.facts)),
            }
            for kept in stable
        ],
    )


# --------------------------------------------------------------------------- drill-down


@dataclass(frozen=True)
class DrillDown:
    """What the Reports page opens when a figure is clicked: the Cases page showing exactly
    ``references`` (filter ``reference IN references``), titled ``title``.
    """

    key: str
    title: str
    description: str
    references: tuple[str, ...]


def drill_down(report: Report, key: str) -> DrillDown:
    """The cases behind figure ``key`` (see `Report.figures()` for keys), for the Cases page."""
    figure = report.figure(key)
    return DrillDown(
        key=figure.key,
        title=f"{figure.label} — {report.period.label}",
        description=figure.drill_down,
        references=figure.references,
    )


# --------------------------------------------------------------------------- JSON


def _figure_json(figure: Figure) -> dict[str, Any]:
    return {
        "key": figure.key,
        "label": figure.label,
        "value": figure.value,
        "unit": figure.unit,
        "count": figure.count,
        "of": figure.of,
        "share": figure.share,
        "drill_down": figure.drill_down,
        "references": list(figure.references),
    }


def report_json(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data with stable keys, for automation and the XLSX test.

    Figures are keyed by their stable key; shares are percentages with one decimal; times
    are ISO 8601 in the officer's zone.
    """
    tz = report.period.tz
    return {
        "schema": JSON_SCHEMA,
        "organisation": report.organisation,
        "period": {
            "key": report.period.key,
            "label": report.period.label,
            "first_day": report.period.first_day.isoformat(),
            "last_day": report.period.last_day.isoformat(),
            "time_zone": str(tz),
        },
        "generated_at": report.generated_at.astimezone(tz).isoformat(),
        "as_at": report.as_at.astimezone(tz).isoformat(),
        "complete": report.complete,
        "headline": {f.key: _figure_json(f) for f in report.headline},
        "days_to_respond": {f.key: _figure_json(f) for f in report.days_to_respond},
        "breakdowns": {
            b.key: {
                "label": b.label,
                "dimension": b.dimension,
                "total": b.total,
                "rows": [{**_figure_json(f), "code": f.key.split(".", 1)[1]} for f in b.rows],
            }
            for b in report.breakdowns
        },
        "ageing": {f.key: _figure_json(f) for f in report.ageing},
        "trend": [
            {
                "period": p.period_key,
                "label": p.label,
                "received": _figure_json(p.received),
                "closed": _figure_json(p.closed),
                "on_time": _figure_json(p.on_time),
            }
            for p in report.trend
        ],
        "cases": [dict(vars(row)) for row in report.cases],
        "definitions": [{"term": d.term, "text": d.text} for d in report.definitions],
    }


def _readable_json(value: Any, depth: int = 0) -> str:
    """Indented JSON where a list of plain values, or an object of them (a case row), takes
    one line.

    ``json.dumps(indent=…)`` runs Python's pure encoder (~150 ms for a report of 6,000
    cases and their reference lists); each one-line part here goes through the C encoder,
    and a line per case also reads and diffs well.
    """
    # The report's lists hold one kind of item: the first one tells (any choice is valid JSON).
    nested = (
        any(isinstance(child, dict | list) for child in value.values())
        if isinstance(value, dict)
        else isinstance(value, list) and bool(value) and isinstance(value[0], dict | list)
    )
    if not nested:
        return _ONE_LINE.encode(value)
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict):
        items = [
            f"{inner}{_ONE_LINE.encode(key)}: {_readable_json(child, depth + 1)}"
            for key, child in value.items()
        ]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    items = [f"{inner}{_readable_json(child, depth + 1)}" for child in value]
    return "[\n" + ",\n".join(items) + f"\n{pad}]"


# --------------------------------------------------------------------------- CSV


def report_csv_rows(report: Report) -> list[dict[str, object]]:
    """One tidy table: (period, measure, dimension, value), one number per row.

    Counts are "measure"; shares are "measure.share" (percent); on-time figures give
    ".count" and ".of" too. Breakdowns and ageing put the category code in "dimension"; the
    trend's rows carry their own month in "period". An empty value means "nothing to measure".
    """
    key = report.period.key
    rows: list[dict[str, object]] = []

    def add(period: str, measure: str, dimension: str, value: object) -> None:
        rows.append({"period": period, "measure": measure, "dimension": dimension, "value": value})

    for figure in (*report.headline, *report.days_to_respond):
        add(key, figure.key, "", figure.value)
        if figure.unit == "%":
            add(key, f"{figure.key}.count", "", figure.count)
            add(key, f"{figure.key}.of", "", figure.of)
    for breakdown in report.breakdowns:
        for figure in breakdown.rows:
            code = figure.key.split(".", 1)[1]
            add(key, breakdown.key, code, figure.count)
            add(key, f"{breakdown.key}.share", code, figure.share)
    for figure in report.ageing:
        add(key, "ageing", figure.key.split(".", 1)[1], figure.count)
    for point in report.trend:
        add(point.period_key, "received", "", point.received.value)
        add(point.period_key, "closed", "", point.closed.value)
        add(point.period_key, "on_time_response", "", point.on_time.value)
    return rows


def write_report_csv(report: Report, stream: IO[bytes] | IO[str], *, bom: bool = True) -> int:
    """Write the tidy table as CSV (UTF-8, with a BOM for Excel unless piped; CRLF;
    formula-safe); returns the row count."""
    return write_csv(report_csv_rows(report), CSV_COLUMNS, stream, bom=bom)


# --------------------------------------------------------------------------- XLSX


def _cell(sheet: Any, value: object, bold: bool = False) -> Any:
    if isinstance(value, str):
        value = neutralise(value)
    cell = WriteOnlyCell(sheet, value=value)
    if bold:
        cell.font = Font(bold=True)
    return cell


def _sheet(book: Any, title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(name) + 4)
    sheet.append([_cell(sheet, name, bold=True) for name in header])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])


_FIGURE_HEADER = ("key", "figure", "value", "unit", "count", "of", "share %", "cases")


def _figure_row(figure: Figure) -> list[object]:
    return [
        figure.key,
        figure.label,
        figure.value,
        figure.unit,
        figure.count,
        figure.of,
        figure.share,
        " ".join(figure.references),
    ]


def write_report_xlsx(report: Report, target: IO[bytes]) -> None:
    """A workbook: Summary, one sheet per breakdown, Ageing, Trend, Cases, Definitions.

    Numbers are numbers (so the officer can chart them); text cells are formula-safe.
    """
    tz = report.period.tz
    book = openpyxl.Workbook(write_only=True)
    meta: list[list[object]] = [
        ["organisation", "Organisation", report.organisation],
        ["period", "Period", report.period.label],
        ["time_zone", "Time zone", str(tz)],
        ["generated_at", "Generated", report.generated_at.astimezone(tz).isoformat()],
        ["as_at", "Statuses as at", report.as_at.astimezone(tz).isoformat()],
    ]
    _sheet(
        book,
        "Summary",
        _FIGURE_HEADER,
        [
            *([*m, None, None, None, None, ""] for m in meta),
            *(_figure_row(f) for f in (*report.headline, *report.days_to_respond)),
        ],
    )
    for breakdown in report.breakdowns:
        _sheet(
            book,
            breakdown.label[:31],
            ("code", breakdown.dimension, "count", "share %", "cases"),
            (
                [f.key.split(".", 1)[1], f.label, f.count, f.share, " ".join(f.references)]
                for f in breakdown.rows
            ),
        )
    _sheet(
        book,
        "Ageing",
        ("code", "age", "count", "share %", "cases"),
        (
            [f.key.split(".", 1)[1], f.label, f.count, f.share, " ".join(f.references)]
            for f in report.ageing
        ),
    )
    _sheet(
        book,
        "Trend",
        ("month", "label", "received", "closed", "on-time %", "on time", "closed with deadline"),
        (
            [
                p.period_key,
                p.label,
                p.received.value,
                p.closed.value,
                p.on_time.value,
                p.on_time.count,
                p.on_time.of,
            ]
            for p in report.trend
        ),
    )
    columns = list(vars(report.cases[0])) if report.cases else ["reference"]
    _sheet(
        book,
        "Cases",
        columns,
        ([getattr(row, c) for c in columns] for row in report.cases),
    )
    _sheet(
        book, "Definitions", ("term", "definition"), ([d.term, d.text] for d in report.definitions)
    )
    book.save(target)


# --------------------------------------------------------------------------- any format


def export_report(report: Report, fmt: ReportFormat, *, bom: bool = True) -> bytes:
    """The report in one format as bytes, for the CLI and the Reports page's export buttons.

    ``bom=False`` for CSV written to a pipe: tools reading standard output want plain UTF-8.
    """
    buffer = io.BytesIO()
    if fmt == "pdf":
        from grievance_desk.documents.report_pdf import render_report_pdf

        pdf: bytes = render_report_pdf(report)
        return pdf
    if fmt == "csv":
        write_report_csv(report, buffer, bom=bom)
    elif fmt == "xlsx":
        # openpyxl streams each sheet through a scratch file: a tracked private folder, swept
        # after a crash, never bare in the temp folder.
        with openpyxl_scratch_beside(buffer):
            write_report_xlsx(report, buffer)
    elif fmt == "json":
        buffer.write(_readable_json(report_json(report)).encode("utf-8") + b"\n")
    else:
        raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    return buffer.getvalue()
