"""Read-only queries behind the app's lists: the register page by page, counts, timelines.

The Cases list must scroll 100,000 cases as smoothly as 100, so nothing here loads every row:
the view asks for one page (a sort column, a direction, filters and an offset) and a total
count, and sorting, filtering and full-text search all run in SQL on indexed columns. The UI
never builds SQL; it describes what it wants with `CaseFilter` and `SortKey`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session
from sqlmodel import col

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.domain.case_types import CaseKind, Priority, RequestType
from grievance_desk.domain.workflow import AWAITING_REQUESTER, Status
from grievance_desk.messages import _
from grievance_desk.services.cases import officer_zone
from grievance_desk.storage.dialect import DIALECT
from grievance_desk.storage.register import Register
from grievance_desk.storage.search import (
    match_expression,
    matching_ids,
    prefix_upper_bound,
    reference_prefix,
)
from grievance_desk.storage.tables import (
    Attachment,
    AuditEvent,
    Case,
    Correspondence,
    Letter,
)
from grievance_desk.storage.tables import Requester as RequesterRow

PAGE_SIZE = 200


class SortKey(StrEnum):
    """The columns the register can be sorted by; each maps to an indexed SQL expression."""

    REFERENCE = "reference"
    RECEIVED = "received"
    REQUESTER = "requester"
    TYPE = "type"
    STATUS = "status"
    NEXT_DUE = "next_due"
    POLICY = "policy"
    PRIORITY = "priority"
    KIND = "kind"


@dataclass(frozen=True)
class CaseFilter:
    """What the officer narrowed the list to; empty sets mean "any"."""

    text: str = ""
    statuses: frozenset[Status] = frozenset()
    request_types: frozenset[RequestType] = frozenset()
    policy_ids: frozenset[str] = frozenset()
    overdue_only: bool = False
    awaiting_requester_only: bool = False
    open_only: bool = False
    due_within_days: int | None = None
    #: Exactly these cases (a report figure's drill-down); None means "any reference".
    references: frozenset[str] | None = None

    @property
    def is_empty(self) -> bool:
        return self == CaseFilter()


@dataclass(frozen=True)
class CaseRow:
    """One line of the register, as the list shows it."""

    id: int
    reference: str
    received_at: datetime
    requester_name: str
    request_type: RequestType
    status: Status
    next_due_at: datetime | None
    next_due_kind: str | None
    days_left: int | None
    policy_id: str | None
    priority: Priority = Priority.NORMAL
    kind: CaseKind = CaseKind.RIGHTS_REQUEST

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0


@dataclass(frozen=True)
class TodayCounts:
    open: int
    due_soon: int
    overdue: int
    awaiting_requester: int


@dataclass(frozen=True)
class RecentChange:
    at: datetime
    reference: str
    action: str
    actor: str


@dataclass(frozen=True)
class TimelineItem:
    """One entry of a case's history: an audit event, a message, a letter or a file."""

    at: datetime
    kind: str  # "event" | "correspondence" | "letter" | "attachment"
    title: str
    detail: str = ""
    actor: str = ""
    attachment_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


_SORT_COLUMNS: dict[SortKey, tuple[Any, ...]] = {
    SortKey.REFERENCE: (col(Case.ref_year), col(Case.ref_sequence)),
    SortKey.RECEIVED: (col(Case.received_at),),
    # Unicode collation (a stored, indexed UCA key, schema 0010), not the names' code points.
    SortKey.REQUESTER: (col(Case.requester_sort_key),),
    SortKey.TYPE: (col(Case.request_type),),
    SortKey.STATUS: (col(Case.status),),
    SortKey.NEXT_DUE: (col(Case.next_due_at),),
    SortKey.POLICY: (col(Case.policy_id),),
    # Urgency, not the alphabet: low < normal < high < urgent (a generated, indexed rank).
    SortKey.PRIORITY: (col(Case.priority_rank),),
    SortKey.KIND: (col(Case.kind),),
}
#: Sorted in SQL without an index of their own: a page is picked from the sorted matches
#: rather than by walking a sort index. None since schema 0010 indexed the requester's name.
_UNINDEXED_SORTS: frozenset[SortKey] = frozenset()


def _order_by(sort: SortKey, descending: bool) -> list[Any]:
    """The ORDER BY terms for a sort, ties broken on the case id, each served by an index.

    Every column sorts through an index whose last column is the rowid, so a page is read
    from the index instead of sorting 100,000 rows. Next deadline puts cases without a
    running clock last both ways: ascending through ``DIALECT.nulls_last_ascending`` (on
    SQLite ``(next_due_at IS NULL), next_due_at, id``, the expression index
    ``ix_case_next_due_nulls_last``); descending as ``next_due_at DESC
    NULLS LAST, id DESC``, which is SQLite's own order for DESC, so the plain
    ``next_due_at`` index read backwards serves it (mixing an ascending ``IS NULL`` with
    descending dates would sort every row). Requester sorts by its stored collation key.
    """
    keys = [*_SORT_COLUMNS[sort], col(Case.id)]
    if sort is SortKey.NEXT_DUE:
        if descending:
            return [col(Case.next_due_at).desc().nulls_last(), col(Case.id).desc()]
        return [*DIALECT.nulls_last_ascending(col(Case.next_due_at)), col(Case.id).asc()]
    return [k.desc() if descending else k.asc() for k in keys]


_ACTION_LABELS: dict[str, str] = {
    AuditAction.CASE_CREATED: "Case registered",
    AuditAction.CASE_UPDATED: "Details edited",
    AuditAction.CASE_REPLY_LANGUAGE_SET: "Reply language set",
    AuditAction.CASE_ACKNOWLEDGE: "Acknowledged",
    AuditAction.CASE_REQUEST_IDENTITY_PROOF: "Identity proof requested (clock stopped)",
    AuditAction.CASE_REQUEST_CLARIFICATION: "Clarification requested (clock stopped)",
    AuditAction.CASE_RESUME: "Resumed (clock running)",
    AuditAction.CASE_START_WORK: "Work started",
    AuditAction.CASE_SEND_RESPONSE: "Response sent",
    AuditAction.CASE_CLOSE: "Closed",
    AuditAction.CASE_REOPEN: "Reopened",
    AuditAction.CASE_EXTENDED: "Response period extended",
    AuditAction.ATTACHMENT_ADDED: "File attached",
}


def _letter_title(status: str, subject: str) -> str:
    """A letter's line on the timeline, in the officer's language."""
    if status == "draft":
        return _("Letter draft: {subject}").format(subject=subject)
    if status == "issued":
        return _("Letter issued: {subject}").format(subject=subject)
    if status == "purged":
        return _("Letter purged: {subject}").format(subject=subject)
    return f"Letter {status}: {subject}"


def action_label(action: str) -> str:
    """A sentence-case label for an audit action, for timelines and the Today page."""
    if action in _ACTION_LABELS:
        return _ACTION_LABELS[action]
    tail = action.split(".", 1)[-1].replace("_", " ").replace(".", " ")
    return tail[:1].upper() + tail[1:]


#: References per IN (...) list; SQLite allows 32,766 bound values in one statement.
_IN_CHUNK = 900
_MAX_BOUND_REFERENCES = 20_000


def _reference_condition(references: frozenset[str]) -> ColumnElement[bool]:
    """``reference IN (...)`` for a drill-down's cases, however many there are.

    An empty set matches nothing (a figure of 0 opens an empty list, not every case). Up to
    20,000 references are bound in chunks of 900 (portable SQL); a larger set (a year's
    figure on a very large register) is passed as one JSON array (``DIALECT``: SQLite's
    ``json_each``), which stays under the bound-parameter limit.
    """
    ordered = sorted(references)
    if not ordered:
        return literal_column("0") == literal_column("1")
    if len(ordered) > _MAX_BOUND_REFERENCES:
        return col(Case.reference).in_(DIALECT.json_array_values(ordered))
    chunks = [ordered[i : i + _IN_CHUNK] for i in range(0, len(ordered), _IN_CHUNK)]
    if len(chunks) == 1:
        return col(Case.reference).in_(chunks[0])
    return or_(*(col(Case.reference).in_(chunk) for chunk in chunks))


def _text_condition(session: Session, typed: str, *, scanning: bool) -> ColumnElement[bool] | None:
    """The cases matching what was typed in the search box (None: every case matches).

    A reference being typed ("GRV-2026-0") is a range of the unique reference index; anything
    else goes to full-text search. ``scanning`` is for a query that walks a sort index and
    stops after a page: the match then becomes a set of ids to test each index entry
    against (``DIALECT.unindexed(id)`` keeps SQLite from turning the set into primary-key
    lookups, which would read and sort every matching case to find the newest 200).
    """
    if _matches_every_case(session, typed):
        return None
    prefix = reference_prefix(typed)
    if prefix is not None:
        low, high = prefix, prefix_upper_bound(prefix)
        if not scanning:
            return and_(col(Case.reference) >= low, col(Case.reference) < high)
        ids: Any = select(col(Case.id)).where(
            col(Case.reference) >= low, col(Case.reference) < high
        )
    else:
        expression = match_expression(typed)
        if expression is None:
            return literal_column("0") == literal_column("1")
        ids = matching_ids(expression)
    if scanning:
        return DIALECT.unindexed(col(Case.id)).in_(ids)
    return col(Case.id).in_(ids)


_LETTERS_OF_A_PREFIX = re.compile(r"[A-Za-z]+-?")


def _matches_every_case(session: Session, typed: str) -> bool:
    """True for a reference being typed ("GR", "GRV-", "GRV-2") on a register whose
    references all start so: the reference range, or full-text search through each case's
    reference token, would match every case, at the cost of building a set of 100,000 ids.
    Two index seeks decide it."""
    text_typed = typed.strip()
    if not _LETTERS_OF_A_PREFIX.fullmatch(text_typed) and reference_prefix(typed) is None:
        return False
    low = text_typed.upper()
    outside = select(col(Case.id)).where(
        or_(col(Case.reference) < low, col(Case.reference) >= prefix_upper_bound(low))
    )
    return session.execute(outside.limit(1)).first() is None


def _conditions(
    session: Session, filters: CaseFilter, now: datetime, *, scanning: bool = False
) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if filters.references is not None:
        found.append(_reference_condition(filters.references))
    if filters.text.strip():
        matched = _text_condition(session, filters.text, scanning=scanning)
        if matched is not None:
            found.append(matched)
    if filters.statuses:
        found.append(col(Case.status).in_(sorted(s.value for s in filters.statuses)))
    if filters.request_types:
        found.append(col(Case.request_type).in_(sorted(t.value for t in filters.request_types)))
    if filters.policy_ids:
        found.append(col(Case.policy_id).in_(sorted(filters.policy_ids)))
    if filters.open_only:
        found.append(col(Case.status) != Status.CLOSED.value)
    if filters.awaiting_requester_only:
        found.append(col(Case.status).in_(sorted(s.value for s in AWAITING_REQUESTER)))
    if filters.overdue_only:
        found.append(
            and_(col(Case.next_due_at).is_not(None), col(Case.next_due_at) < now),
        )
        found.append(col(Case.status) != Status.CLOSED.value)
    if filters.due_within_days is not None:
        found.append(col(Case.next_due_at) >= now)
        found.append(col(Case.next_due_at) < now + timedelta(days=filters.due_within_days))
        found.append(col(Case.status) != Status.CLOSED.value)
    return found


def _only_full_text(filters: CaseFilter) -> str | None:
    """The FTS5 expression when full-text search is the list's only filter, else None."""
    if replace(filters, text="") != CaseFilter() or reference_prefix(filters.text) is not None:
        return None
    return match_expression(filters.text) if filters.text.strip() else None


def count_cases(
    session: Session, filters: CaseFilter, *, now: datetime, at_most: int | None = None
) -> int:
    """How many cases match, without fetching them (the list's row count).

    With ``at_most``, counting stops there and the answer is ``min(count, at_most)``: while
    the officer types, "1,000+" is all the list needs, and counting every one of 30,000
    matches costs a primary-key read each (over 100 ms on 100,000 cases).
    """
    if at_most is not None and not _matches_every_case(session, filters.text):
        expression = _only_full_text(filters)
        if expression is not None:
            # Drive from the index: FTS5 streams its matches and the count stops at the cap
            # (an ``IN`` list would first collect every match). Only without other filters:
            # then SQLite could run the MATCH again for each case they select.
            matched = matching_ids(expression).subquery("matched")
            joined = matched.join(Case, col(Case.id) == matched.c.case_id)
            capped_fts: Any = select(literal_column("1")).select_from(joined).limit(max(0, at_most))
            return int(
                session.execute(
                    select(func.count()).select_from(capped_fts.subquery())
                ).scalar_one()
            )
    conditions = _conditions(session, filters, now)
    if at_most is not None:
        capped: Any = select(literal_column("1")).select_from(Case).where(*conditions)
        query = select(func.count()).select_from(capped.limit(max(0, at_most)).subquery())
        return int(session.execute(query).scalar_one())
    query = select(func.count()).select_from(Case)
    if conditions:
        query = query.where(*conditions)
    return int(session.execute(query).scalar_one())


def _days_left(due: datetime | None, now: datetime, zone: ZoneInfo) -> int | None:
    if due is None:
        return None
    return (due.astimezone(zone).date() - now.astimezone(zone).date()).days


def _row_query() -> Any:
    return select(
        col(Case.id),
        col(Case.reference),
        col(Case.received_at),
        col(RequesterRow.name),
        col(Case.request_type),
        col(Case.status),
        col(Case.next_due_at),
        col(Case.next_due_kind),
        col(Case.policy_id),
        col(Case.priority),
        col(Case.kind),
    ).join(RequesterRow, col(RequesterRow.id) == col(Case.requester_id))


def _rows(session: Session, query: Any, now: datetime) -> list[CaseRow]:
    zone = officer_zone(session)
    return [
        CaseRow(
            id=int(r[0]),
            reference=str(r[1]),
            received_at=r[2],
            requester_name=str(r[3]),
            request_type=RequestType(r[4]),
            status=Status(r[5]),
            next_due_at=r[6],
            next_due_kind=r[7],
            days_left=_days_left(r[6], now, zone),
            policy_id=r[8],
            priority=Priority(r[9]),
            kind=CaseKind(r[10]),
        )
        for r in session.execute(query)
    ]


#: Up to this many matches, a search's page is read by id and sorted, not found by a scan.
FEW_MATCHES = 300
#: While a search is typed, the Cases list counts matches up to here; it says "1,000+" and
#: counts them all only if the officer scrolls to the end of the first thousand.
SEARCH_COUNT_CAP = 1000
#: A typed reference is a range of the reference index, which reads cheaply: up to this many
#: matches the range is read and sorted rather than the sort index walked back to an old
#: year ("GRV-2021", 991 cases at 100,000: 4.5 ms of walking vs 0.4 ms). It must not exceed
#: the cap: a capped count says only "more than that".
FEW_REFERENCE_MATCHES = SEARCH_COUNT_CAP


def fetch_page(
    session: Session,
    filters: CaseFilter,
    *,
    sort: SortKey = SortKey.RECEIVED,
    descending: bool = True,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    now: datetime,
    matches: int | None = None,
) -> list[CaseRow]:
    """One page of the register in the order asked for; ties break on the case id.

    A deferred join: the ids of the page are picked first from the sort index alone
    (``WHERE id IN (SELECT id ... ORDER BY ... LIMIT/OFFSET)``), then only those rows are
    read and joined. Plain OFFSET would read and join every skipped case: the last page of
    100,000 took ~250 ms that way and ~2 ms this way.

    ``matches`` is the count when the caller has it: a search with few matches reads them
    by id and sorts them (1–2 ms) instead of walking the whole sort index testing each case
    against the match set (~7 ms at 100,000 cases); many matches are the other way round.
    """
    order = _order_by(sort, descending)
    page_ids = select(col(Case.id))
    typed_reference = reference_prefix(filters.text) is not None
    few = matches is not None and matches <= (
        FEW_REFERENCE_MATCHES if typed_reference else FEW_MATCHES
    )
    conditions = _conditions(
        session, filters, now, scanning=sort not in _UNINDEXED_SORTS and not few
    )
    if conditions:
        page_ids = page_ids.where(*conditions)
    page_ids = page_ids.order_by(*order).offset(max(0, offset)).limit(max(0, limit))
    query = _row_query().where(col(Case.id).in_(page_ids)).order_by(*order)
    return _rows(session, query, now)


def today_counts(session: Session, *, now: datetime, soon_days: int = 7) -> TodayCounts:
    """The four numbers at the top of the Today page, each one indexed count."""
    return TodayCounts(
        open=count_cases(session, CaseFilter(open_only=True), now=now),
        due_soon=count_cases(session, CaseFilter(due_within_days=soon_days), now=now),
        overdue=count_cases(session, CaseFilter(overdue_only=True), now=now),
        awaiting_requester=count_cases(session, CaseFilter(awaiting_requester_only=True), now=now),
    )


def next_deadlines(session: Session, *, now: datetime, limit: int = 15) -> list[CaseRow]:
    """Open cases by nearest deadline (overdue first), for the Today page."""
    query = (
        _row_query()
        .where(col(Case.next_due_at).is_not(None), col(Case.status) != Status.CLOSED.value)
        .order_by(col(Case.next_due_at), col(Case.id))
        .limit(limit)
    )
    return _rows(session, query, now)


def recent_changes(session: Session, *, limit: int = 15) -> list[RecentChange]:
    """The latest audit events that concern a case, newest first."""
    query = (
        select(
            col(AuditEvent.at), col(Case.reference), col(AuditEvent.action), col(AuditEvent.actor)
        )
        .join(Case, col(Case.id) == col(AuditEvent.case_id))
        .order_by(col(AuditEvent.id).desc())
        .limit(limit)
    )
    return [
        RecentChange(at=r[0], reference=str(r[1]), action=str(r[2]), actor=str(r[3]))
        for r in session.execute(query)
    ]


def policy_ids_in_use(session: Session) -> list[str]:
    """Distinct policy ids on cases, for the Policy filter chip."""
    query = select(col(Case.policy_id)).where(col(Case.policy_id).is_not(None)).distinct()
    return sorted(str(r[0]) for r in session.execute(query))


def first_page(
    register: Register,
    filters: CaseFilter,
    *,
    sort: SortKey,
    descending: bool,
    at_most: int | None,
    now: datetime,
) -> tuple[int, ZoneInfo, list[CaseRow]]:
    """A list view's first answer in one read: the count, the officer's zone, the first page."""
    with register.reading() as session:
        zone = officer_zone(session)
        total = count_cases(session, filters, now=now, at_most=at_most)
        rows = fetch_page(
            session,
            filters,
            sort=sort,
            descending=descending,
            offset=0,
            limit=PAGE_SIZE,
            now=now,
            matches=total,
        )
    return total, zone, rows


def read_page(
    register: Register,
    filters: CaseFilter,
    *,
    sort: SortKey,
    descending: bool,
    number: int,
    now: datetime,
) -> list[CaseRow]:
    """Page ``number`` of a list view (PAGE_SIZE rows from ``number * PAGE_SIZE``)."""
    with register.reading() as session:
        return fetch_page(
            session,
            filters,
            sort=sort,
            descending=descending,
            offset=number * PAGE_SIZE,
            limit=PAGE_SIZE,
            now=now,
        )


def count_matches(register: Register, filters: CaseFilter, *, now: datetime) -> int:
    """Every match of ``filters``, however many (no cap)."""
    with register.reading() as session:
        return count_cases(session, filters, now=now)


def policies_in_use(register: Register) -> list[str]:
    """`policy_ids_in_use` as one read of the register, for the window's worker thread."""
    with register.reading() as session:
        return policy_ids_in_use(session)


def case_row(session: Session, reference: str, *, now: datetime) -> CaseRow | None:
    """One case as the list shows it, or None."""
    query = _row_query().where(col(Case.reference) == reference.strip().upper())
    rows = _rows(session, query, now)
    return rows[0] if rows else None


def _note_of(payload: str | None) -> str:
    if not payload:
        return ""
    try:
        data = json.loads(payload)
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    parts: list[str] = []
    note = data.get("note") or data.get("reason")
    if note:
        parts.append(str(note))
    after = data.get("after")
    if isinstance(after, dict) and data.get("before") is not None:
        changed = [k for k in after if k not in ("requester",)]
        if isinstance(after.get("requester"), dict):
            changed += [f"requester {k}" for k in after["requester"]]
        if changed and len(changed) <= 6 and "reference" not in after:
            parts.append("Changed: " + ", ".join(c.replace("_", " ") for c in changed))
        if after.get("outcome"):
            parts.append(f"Outcome: {str(after['outcome']).replace('_', ' ')}")
    return " · ".join(parts)


def case_timeline(session: Session, case_id: int) -> list[TimelineItem]:
    """Everything that happened to a case, newest first: events, messages, letters, files."""
    items: list[TimelineItem] = []
    for event in session.execute(
        select(AuditEvent).where(col(AuditEvent.case_id) == case_id)
    ).scalars():
        if event.action == AuditAction.ATTACHMENT_ADDED:
            continue  # the attachment row below tells the same story, with a link
        items.append(
            TimelineItem(
                at=event.at,
                kind="event",
                title=action_label(event.action),
                detail=_note_of(event.payload),
                actor=event.actor,
            )
        )
    for message in session.execute(
        select(Correspondence).where(col(Correspondence.case_id) == case_id)
    ).scalars():
        arrow = (
            _("Received from {counterpart}")
            if message.direction == "in"
            else _("Sent to {counterpart}")
        )
        items.append(
            TimelineItem(
                at=message.at,
                kind="correspondence",
                title=arrow.format(counterpart=message.counterpart).strip(),
                detail=message.subject,
            )
        )
    for letter in session.execute(select(Letter).where(col(Letter.case_id) == case_id)).scalars():
        items.append(
            TimelineItem(
                at=letter.issued_at or letter.created_at,
                kind="letter",
                title=_letter_title(letter.status, letter.subject),
            )
        )
    for row in session.execute(
        select(
            col(Attachment.id),
            col(Attachment.filename),
            col(Attachment.size),
            col(Attachment.added_at),
            col(Attachment.purpose),
        ).where(col(Attachment.case_id) == case_id)
    ):
        items.append(
            TimelineItem(
                at=row[3],
                kind="attachment",
                title=_("File attached: {name}").format(name=row[1]),
                detail=_("{purpose}, {size:,} bytes").format(
                    purpose=row[4].replace("_", " "), size=row[2]
                ),
                attachment_id=int(row[0] or 0),
            )
        )
    items.sort(key=lambda item: item.at, reverse=True)
    return items


# --------------------------------------------------------------------------- next deadline


def sync_next_due(register: Register, *, now: datetime) -> None:
    """Recompute every open case's stored next deadline in one transaction.

    Every change to a case keeps its own column current; this is for the changes that move
    many dates at once (policies, holidays, time zone) and as a safety net after unlocking.
    """
    from grievance_desk.services.case_deadlines import refresh_next_due_from

    with register.writing() as session:
        refresh_next_due_from(session, 1, now=now)
