"""The list's fast query paths return exactly what a plain query returns.

``fetch_page`` picks a page's ids from a sort index first (deferred join), sorts by next
deadline descending through the plain index, tests search matches as a set while walking a
sort index, and reads typed references from the reference index. Each is compared here with
a straightforward reference (every matching row, sorted in Python, sliced) on a small real
register with ties, NULL deadlines, NULL policies and repeated names.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import product
from typing import Any

import pytest
from sqlalchemy import text

from grievance_desk.domain.case_record import Requester
from grievance_desk.domain.case_types import Priority, RequestType
from grievance_desk.domain.workflow import Status
from grievance_desk.services import case_queries as q
from grievance_desk.services.cases import register_case
from grievance_desk.storage.name_collation import requester_sort_key
from grievance_desk.storage.register import Register
from grievance_desk.storage.search import match_expression, prefix_upper_bound, reference_prefix
from tests.conftest import NOW
from tests.support.drafts import make_draft

CASES = 24
NAMES = ["Asha Rao", "Deepa Mukherjee", "Dev Anand", "Asha Rao", "Grace Mathew", "Mumbai Desk"]
STATUSES = [Status.NEW, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.CLOSED]
POLICIES = [None, "gdpr", "dpdp-2025", None, "ccpa"]


@pytest.fixture
def varied(register: Register) -> Register:
    """24 cases over two reference years with ties on every sort column."""
    for i in range(CASES):
        name = NAMES[i % len(NAMES)]
        register_case(
            register,
            make_draft(
                requester=Requester(name=name, email=f"{name.split()[0].lower()}{i}@example.org"),
                request_type=[RequestType.ACCESS, RequestType.ERASURE][i % 2],
                description=f"Request number {i} about the refund desk (test).",
                # Pairs of cases received at the same minute: ties on the received date.
                received_at=NOW - timedelta(days=30 - i // 2),
            ),
            now=NOW,
        )
    with register.writing() as session:
        ids = [int(r[0]) for r in session.execute(text("SELECT id FROM grievance_case"))]
        for i, case_id in enumerate(sorted(ids)):
            due = None if i % 3 == 0 else datetime(2026, 12, 1 + i % 4, 9, 0, tzinfo=UTC)
            session.execute(
                text(
                    "UPDATE grievance_case SET status = :status, policy_id = :policy, "
                    "next_due_at = :due, ref_year = :year, reference = :reference "
                    "WHERE id = :id"
                ),
                {
                    "status": STATUSES[i % len(STATUSES)].value,
                    "policy": POLICIES[i % len(POLICIES)],
                    "due": None if due is None else due.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                    "year": 2025 + i % 2,
                    "reference": f"GRV-{2025 + i % 2}-{i:05d}",
                    "id": case_id,
                },
            )
    return register


def _all_rows(session: Any) -> list[q.CaseRow]:
    return q.fetch_page(session, q.CaseFilter(), offset=0, limit=10_000, now=NOW)


def _fts_ids(session: Any, typed: str) -> set[int]:
    expression = match_expression(typed)
    if expression is None:
        return set()
    found = session.execute(
        text("SELECT rowid FROM case_search WHERE case_search MATCH :q"), {"q": expression}
    )
    return {int(r[0]) for r in found}


def _expected(
    session: Any, rows: list[q.CaseRow], filters: q.CaseFilter, sort: q.SortKey, desc: bool
) -> list[int]:
    """The reference: filter and sort every row in Python; NULL deadlines last both ways."""
    refs = {
        int(r[0]): (int(r[1]), int(r[2]))
        for r in session.execute(text("SELECT id, ref_year, ref_sequence FROM grievance_case"))
    }
    chosen = rows
    if filters.statuses:
        chosen = [r for r in chosen if r.status in filters.statuses]
    if filters.text.strip():
        prefix = reference_prefix(filters.text)
        if prefix is not None:
            chosen = [r for r in chosen if r.reference.startswith(prefix)]
        else:
            matched = _fts_ids(session, filters.text)
            chosen = [r for r in chosen if r.id in matched]

    def key(row: q.CaseRow) -> Any:
        return {
            q.SortKey.REFERENCE: refs[row.id],
            q.SortKey.RECEIVED: row.received_at,
            q.SortKey.REQUESTER: requester_sort_key(row.requester_name),  # UCA, as stored
            q.SortKey.TYPE: row.request_type.value,
            q.SortKey.STATUS: row.status.value,
            q.SortKey.POLICY: row.policy_id or "",
            q.SortKey.NEXT_DUE: row.next_due_at or datetime.max.replace(tzinfo=UTC),
            q.SortKey.PRIORITY: list(Priority).index(row.priority),
            q.SortKey.KIND: row.kind.value,
        }[sort]

    if sort is q.SortKey.POLICY:
        # NULL sorts first ascending (SQL), so it is "" here; ids break ties.
        ordered = sorted(chosen, key=lambda r: (r.policy_id is not None, key(r), r.id))
    elif sort is q.SortKey.NEXT_DUE:
        dated = sorted((r for r in chosen if r.next_due_at), key=lambda r: (key(r), r.id))
        undated = sorted((r for r in chosen if not r.next_due_at), key=lambda r: r.id)
        return [r.id for r in (dated[::-1] if desc else dated)] + [
            r.id for r in (undated[::-1] if desc else undated)
        ]
    else:
        ordered = sorted(chosen, key=lambda r: (key(r), r.id))
    return [r.id for r in (ordered[::-1] if desc else ordered)]


FILTERS = [
    q.CaseFilter(),
    q.CaseFilter(statuses=frozenset({Status.CLOSED})),
    q.CaseFilter(text="asha"),
    q.CaseFilter(text="De"),
    q.CaseFilter(text="refund desk"),
    q.CaseFilter(text="GRV-2025"),  # a reference being typed: half the cases
    q.CaseFilter(text="grv-2"),  # every case's reference starts so
    q.CaseFilter(text="GR"),  # the first keystrokes of a reference: every case (no FTS set)
    q.CaseFilter(text="grv-"),
    q.CaseFilter(text="G", statuses=frozenset({Status.NEW})),
    q.CaseFilter(text="Gr"),  # ...and Grace Mathew too, who is among them anyway
    q.CaseFilter(text="GRV-2026-00003"),
    q.CaseFilter(text="asha", statuses=frozenset({Status.NEW})),
]


def test_every_sort_filter_and_page_matches_the_reference(varied: Register) -> None:
    with varied.reading() as session:
        rows = _all_rows(session)
        assert len(rows) == CASES
        for filters, sort, desc in product(FILTERS, q.SortKey, (False, True)):
            expected = _expected(session, rows, filters, sort, desc)
            label = f"{filters} {sort} {'desc' if desc else 'asc'}"
            assert q.count_cases(session, filters, now=NOW) == len(expected), label
            assert q.count_cases(session, filters, now=NOW, at_most=5) == min(5, len(expected))
            whole = q.fetch_page(
                session, filters, sort=sort, descending=desc, limit=10_000, now=NOW
            )
            assert [r.id for r in whole] == expected, label
            # read by id / walk the index (a typed reference reads its range up to 1,000)
            for matches in (len(expected), q.FEW_MATCHES + 1, q.FEW_REFERENCE_MATCHES + 1):
                counted = q.fetch_page(
                    session, filters, sort=sort, descending=desc, limit=7, now=NOW,
                    matches=matches,
                )  # fmt: skip
                assert [r.id for r in counted] == expected[:7], f"{label} matches={matches}"
            for offset, limit in ((0, 5), (5, 5), (len(expected) - 3, 5), (len(expected), 5)):
                page = q.fetch_page(
                    session,
                    filters,
                    sort=sort,
                    descending=desc,
                    offset=max(0, offset),
                    limit=limit,
                    now=NOW,
                )
                start = max(0, offset)
                assert [r.id for r in page] == expected[start : start + limit], label


def test_next_deadline_puts_undated_cases_last_both_ways(varied: Register) -> None:
    with varied.reading() as session:
        for desc in (False, True):
            rows = q.fetch_page(
                session, q.CaseFilter(), sort=q.SortKey.NEXT_DUE, descending=desc, now=NOW
            )
            dated = [r.next_due_at is not None for r in rows]
            assert dated == sorted(dated, reverse=True), "undated cases come last"


def test_reference_prefix_is_only_a_reference_being_typed() -> None:
    assert reference_prefix(" grv-2026-0 ") == "GRV-2026-0"
    assert reference_prefix("GRV-2") == "GRV-2"
    for typed in ("GRV", "GRV-", "Jean-Pierre", "GRV-2026 refund", "2026-00001", ""):
        assert reference_prefix(typed) is None, typed
    assert prefix_upper_bound("GRV-2") == "GRV-3"
    assert prefix_upper_bound("GRV-2026-") == "GRV-2026."


def test_first_keystrokes_are_searched_when_some_reference_differs(varied: Register) -> None:
    """With an older prefix in the register, "GR" is a real search again, not every case."""
    with varied.writing() as session:
        session.execute(text("UPDATE grievance_case SET reference = 'OLD-2020-00001' WHERE id = 1"))
    with varied.reading() as session:
        rows = _all_rows(session)
        for typed in ("GR", "grv-", "O"):
            filters = q.CaseFilter(text=typed)
            expected = _expected(session, rows, filters, q.SortKey.RECEIVED, True)
            assert 0 < len(expected) <= len(rows)
            page = q.fetch_page(session, filters, sort=q.SortKey.RECEIVED, descending=True, now=NOW)
            assert [r.id for r in page] == expected, typed
            assert q.count_cases(session, filters, now=NOW, at_most=1000) == len(expected)
