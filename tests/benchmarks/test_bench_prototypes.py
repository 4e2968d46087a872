"""Candidate fixes, timed on a copy of the benchmark register (the app's code is not touched).

Each prototype runs the SQL the services really send (captured from the register's engine)
or a proposed rewrite of it, on the original file and on a copy with the proposed index, both
through keyed sqlcipher3 connections set up as the app's. The lead lands the winners in a
migration / in services; RESULTS.md quotes the gains.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from grievance_desk.services.case_queries import (
    PAGE_SIZE,
    CaseFilter,
    SortKey,
    count_cases,
    fetch_page,
    policy_ids_in_use,
)
from grievance_desk.storage.engine import _on_connect, sqlcipher3_connect
from grievance_desk.storage.register import Register
from tests.benchmarks.conftest import Results, captured_sql, median_of, p95_of
from tests.benchmarks.generate import BenchRegister
from tests.benchmarks.test_bench_cases import typed_queries

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
RUNS = 7

PROPOSED_DDL = [
    # Sort by requester: the join is ordered by the name index, no sort of 100,000 rows.
    "CREATE INDEX IF NOT EXISTS ix_requester_name ON requester (name)",
    # Sort by policy, and policy_ids_in_use's DISTINCT (a full table scan today).
    "CREATE INDEX IF NOT EXISTS ix_grievance_case_policy_id ON grievance_case (policy_id)",
    # Sort by next deadline, nulls last: the exact ORDER BY expression the query uses.
    "CREATE INDEX IF NOT EXISTS ix_case_next_due_nulls_last "
    "ON grievance_case (next_due_at IS NULL, next_due_at)",
]
FTS_PREFIX = (
    "CREATE VIRTUAL TABLE case_search_prefix USING fts5(reference, requester, email, "
    "description, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)


def proto_copy(bench: BenchRegister) -> Path:
    """A copy of the register with the proposed indexes and a prefix-indexed FTS table."""
    target = bench.folder / "proto-copy.db"
    marker = bench.folder / "proto-copy.complete"
    if target.exists() and marker.exists():
        return target
    shutil.copyfile(bench.path, target)
    connection = sqlcipher3_connect(target, bench.data_key)
    try:
        for ddl in PROPOSED_DDL:
            connection.execute(ddl)
        connection.execute(FTS_PREFIX)
        connection.execute(
            "INSERT INTO case_search_prefix (rowid, reference, requester, email, description) "
            "SELECT rowid, reference, requester, email, description FROM case_search"
        )
    finally:
        connection.close()
    marker.write_text("ok", encoding="utf-8")
    return target


def _connect(path: Path, key: bytes) -> Any:
    connection = sqlcipher3_connect(path, key)
    _on_connect(connection, None)
    return connection


def _run(connection: Any, statements: list[tuple[str, Any]]) -> float:
    started = time.perf_counter()
    for statement, parameters in statements:
        connection.execute(statement, parameters).fetchall()
    return time.perf_counter() - started


def _median_ms(connection: Any, statements: list[tuple[str, Any]]) -> float:
    _run(connection, statements)
    return median_of([_run(connection, statements) for _ in range(RUNS)]) * 1000


def _captured(register: Register, work: Callable[[], Any]) -> list[tuple[str, Any]]:
    with captured_sql(register.engine) as seen:
        work()
    return [(s, p) for s, p in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def _page(
    register: Register, filters: CaseFilter, sort: SortKey, desc: bool, offset: int = 0
) -> Callable[[], Any]:
    def work() -> None:
        with register.reading() as session:
            count_cases(session, filters, now=NOW)
            fetch_page(
                session,
                filters,
                sort=sort,
                descending=desc,
                offset=offset,
                limit=PAGE_SIZE,
                now=NOW,
            )

    return work


def _plan(connection: Any, statements: list[tuple[str, Any]]) -> list[str]:
    lines = []
    for statement, parameters in statements:
        lines += [
            str(r[-1]) for r in connection.execute("EXPLAIN QUERY PLAN " + statement, parameters)
        ]
    return lines


def test_indexes(opened: Register, bench: BenchRegister, results: Results) -> None:
    copy = proto_copy(bench)
    before, after = _connect(bench.path, bench.data_key), _connect(copy, bench.data_key)
    cases: dict[str, Callable[[], Any]] = {
        "sort by requester asc": _page(opened, CaseFilter(), SortKey.REQUESTER, False),
        "sort by requester desc": _page(opened, CaseFilter(), SortKey.REQUESTER, True),
        "sort by policy asc": _page(opened, CaseFilter(), SortKey.POLICY, False),
        "sort by policy desc": _page(opened, CaseFilter(), SortKey.POLICY, True),
        "sort by next deadline asc": _page(opened, CaseFilter(), SortKey.NEXT_DUE, False),
        "sort by next deadline desc": _page(opened, CaseFilter(), SortKey.NEXT_DUE, True),
        "sort by status asc": _page(opened, CaseFilter(), SortKey.STATUS, False),
        "policy_ids_in_use (case file, Cases refresh)": lambda: _distinct(opened),
    }
    for name, work in cases.items():
        statements = _captured(opened, work)
        was, now = _median_ms(before, statements), _median_ms(after, statements)
        results.add(f"Proto index: {name}", now, note=f"was {was:.1f} ms ({was / now:.1f}× faster)")
        print("    plan after:", " | ".join(_plan(after, statements)))
    before.close()
    after.close()


def _distinct(register: Register) -> None:
    with register.reading() as session:
        policy_ids_in_use(session)


def test_status_sort_rewrite(bench: BenchRegister, results: Results) -> None:
    """ORDER BY status, id cannot use ix_case_status_received; status, received_at, id can."""
    connection = _connect(bench.path, bench.data_key)
    head = (
        "SELECT grievance_case.id, grievance_case.reference, grievance_case.received_at, "
        "requester.name, grievance_case.request_type, grievance_case.status, "
        "grievance_case.next_due_at, grievance_case.next_due_kind, grievance_case.policy_id "
        "FROM grievance_case JOIN requester ON requester.id = grievance_case.requester_id "
    )
    today = [
        (
            head + "ORDER BY grievance_case.status DESC, grievance_case.id DESC LIMIT 200 OFFSET 0",
            (),
        )
    ]
    rewrite = [
        (
            head + "ORDER BY grievance_case.status DESC, grievance_case.received_at DESC, "
            "grievance_case.id DESC LIMIT 200 OFFSET 0",
            (),
        )
    ]
    was, now = _median_ms(connection, today), _median_ms(connection, rewrite)
    results.add(
        "Proto rewrite: sort by status desc, ties by received", now, note=f"was {was:.1f} ms"
    )
    connection.close()


def test_offset_paging_rewrite(bench: BenchRegister, results: Results) -> None:
    """OFFSET fetches and joins every skipped row; a deferred join skips on the index alone."""
    connection = _connect(bench.path, bench.data_key)
    total = connection.execute("SELECT count(*) FROM grievance_case").fetchone()[0]
    offset = (total - 1) // PAGE_SIZE * PAGE_SIZE
    columns = (
        "SELECT grievance_case.id, grievance_case.reference, grievance_case.received_at, "
        "requester.name, grievance_case.request_type, grievance_case.status, "
        "grievance_case.next_due_at, grievance_case.next_due_kind, grievance_case.policy_id "
        "FROM grievance_case JOIN requester ON requester.id = grievance_case.requester_id "
    )
    today = [
        (
            columns + "ORDER BY grievance_case.received_at DESC, grievance_case.id DESC "
            "LIMIT ? OFFSET ?",
            (PAGE_SIZE, offset),
        )
    ]
    deferred = [
        (
            columns + "WHERE grievance_case.id IN (SELECT id FROM grievance_case "
            "ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?) "
            "ORDER BY grievance_case.received_at DESC, grievance_case.id DESC",
            (PAGE_SIZE, offset),
        )
    ]
    assert connection.execute(*today[0]).fetchall() == connection.execute(*deferred[0]).fetchall()
    was, now = _median_ms(connection, today), _median_ms(connection, deferred)
    results.add(
        "Proto rewrite: last page by deferred join",
        now,
        note=f"was {was:.1f} ms (OFFSET {offset:,})",
    )
    connection.close()


def test_search_prefix_index(opened: Register, bench: BenchRegister, results: Results) -> None:
    """FTS5 prefix='2 3', and references looked up on their unique index instead of FTS."""
    copy = proto_copy(bench)
    before, after = _connect(bench.path, bench.data_key), _connect(copy, bench.data_key)
    queries = typed_queries(opened)
    was: list[float] = []
    now: list[float] = []
    with_reference_range: list[float] = []
    for query in queries:
        statements = _captured(
            opened, _page(opened, CaseFilter(text=query), SortKey.RECEIVED, True)
        )
        prefixed = [
            (
                s.replace(
                    "FROM case_search WHERE case_search MATCH",
                    "FROM case_search_prefix WHERE case_search_prefix MATCH",
                ),
                p,
            )
            for s, p in statements
        ]
        was.append(_median_ms(before, statements) / 1000)
        faster = _median_ms(after, prefixed) / 1000
        now.append(faster)
        if query.upper().startswith("GRV-") or query.upper() in ("GR", "GRV"):
            # A reference being typed: a range on the unique reference index.
            low = query.upper()
            ranged = [
                (
                    "SELECT count(*) FROM grievance_case WHERE reference >= ? AND reference < ?",
                    (low, low + "\uffff"),
                ),
                (
                    "SELECT grievance_case.id FROM grievance_case WHERE reference >= ? AND "
                    "reference < ? ORDER BY received_at DESC, id DESC LIMIT 200",
                    (low, low + "\uffff"),
                ),
            ]
            with_reference_range.append(_median_ms(after, ranged) / 1000)
        else:
            with_reference_range.append(faster)
    results.add(
        "Proto: search p95, FTS5 prefix='2 3'",
        p95_of(now) * 1000,
        target=30,
        note=f"was {p95_of(was) * 1000:.1f} ms",
    )
    results.add(
        "Proto: search p95, prefix index + reference range",
        p95_of(with_reference_range) * 1000,
        target=30,
        note=f"was {p95_of(was) * 1000:.1f} ms",
    )
    before.close()
    after.close()
