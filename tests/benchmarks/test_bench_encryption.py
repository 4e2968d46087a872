"""Encrypted vs plain SQLite: the same schema, data and SQL, in the same run.

The plain copy is made once with SQLCipher's own ``sqlcipher_export`` into an unkeyed file
(cached beside the register, in the temp folder only), so schema, rows and page layout are
the same. The SQL is what the services really send, captured from the register's engine
while they run (Cases page, sorts, a status filter, search, a case file, Today counts, the
monthly report's reads); it is replayed through the same driver (sqlcipher3) on two
connections set up as the app sets up its own, alternating, medians of several runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from grievance_desk.domain.workflow import Status
from grievance_desk.services.case_queries import (
    PAGE_SIZE,
    CaseFilter,
    SortKey,
    count_cases,
    fetch_page,
    today_counts,
)
from grievance_desk.services.reports import monthly_report
from grievance_desk.storage.engine import _on_connect, sqlcipher3_connect
from grievance_desk.storage.register import Register
from grievance_desk.ui.case_file import load_snapshot
from tests.benchmarks.conftest import Results, captured_sql, median_of
from tests.benchmarks.generate import BenchRegister

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
RUNS = 5


def plain_copy(bench: BenchRegister) -> Path:
    """An unencrypted copy of the benchmark register (built once, cached beside it)."""
    target = bench.folder / "plain-copy.db"
    marker = bench.folder / "plain-copy.complete"
    if target.exists() and marker.exists():
        return target
    target.unlink(missing_ok=True)
    connection = sqlcipher3_connect(bench.path, bench.data_key)
    try:
        connection.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        connection.execute("SELECT sqlcipher_export('plain')")
        connection.execute("DETACH DATABASE plain")
    finally:
        connection.close()
    marker.write_text("ok", encoding="utf-8")
    return target


def _connect_encrypted(bench: BenchRegister) -> Any:
    connection = sqlcipher3_connect(bench.path, bench.data_key)
    _on_connect(connection, None)
    return connection


def _connect_plain(path: Path) -> Any:
    import sqlcipher3

    connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    _on_connect(connection, None)
    return connection


def _workloads(register: Register, bench: BenchRegister) -> dict[str, Callable[[], Any]]:
    def page(
        filters: CaseFilter, sort: SortKey = SortKey.RECEIVED, offset: int = 0
    ) -> Callable[[], Any]:
        def work() -> None:
            with register.reading() as session:
                count_cases(session, filters, now=NOW)
                fetch_page(session, filters, sort=sort, offset=offset, limit=PAGE_SIZE, now=NOW)

        return work

    def today() -> None:
        with register.reading() as session:
            today_counts(session, now=NOW)

    return {
        "Cases first page": page(CaseFilter()),
        "sort by requester": page(CaseFilter(), SortKey.REQUESTER),
        "sort by next deadline": page(CaseFilter(), SortKey.NEXT_DUE),
        "filter status in progress": page(CaseFilter(statuses=frozenset({Status.IN_PROGRESS}))),
        "search 'shar'": page(CaseFilter(text="shar")),
        "page 250 (OFFSET 50,000)": page(CaseFilter(), offset=50_000),
        "case file (50 items)": lambda: load_snapshot(register, bench.heavy_references[3]),
        "Today counts": today,
        # A finished month is served from the report cache (a few reads); the month still
        # running reads its window's ids, kept facts and the rest of its cases.
        "monthly report, finished month": lambda: monthly_report(
            register, month=date(2026, 10, 1), now=NOW
        ),
        "monthly report, running month": lambda: monthly_report(
            register, month=NOW.date(), now=NOW
        ),
    }


def _replay(connection: Any, statements: list[tuple[str, Any]]) -> float:
    started = time.perf_counter()
    for statement, parameters in statements:
        connection.execute(statement, parameters).fetchall()
    return time.perf_counter() - started


@pytest.mark.parametrize("fresh", [False, True], ids=["warm connection", "fresh connection"])
def test_encrypted_vs_plain(
    opened: Register, bench: BenchRegister, results: Results, fresh: bool
) -> None:
    plain = plain_copy(bench)
    label = "fresh connection per run" if fresh else "warm connection"
    workloads = _workloads(opened, bench)
    captured: dict[str, list[tuple[str, Any]]] = {}
    for name, work in workloads.items():
        with captured_sql(opened.engine) as seen:
            work()
        captured[name] = [
            (s, p) for s, p in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))
        ]
    enc_conn, plain_conn = _connect_encrypted(bench), _connect_plain(plain)
    total_enc = total_plain = 0.0
    for name, statements in captured.items():
        enc: list[float] = []
        pln: list[float] = []
        _replay(enc_conn, statements)
        _replay(plain_conn, statements)
        for _ in range(RUNS):
            if fresh:
                enc_conn.close()
                plain_conn.close()
                enc_conn, plain_conn = _connect_encrypted(bench), _connect_plain(plain)
            enc.append(_replay(enc_conn, statements))
            pln.append(_replay(plain_conn, statements))
        e, p = median_of(enc), median_of(pln)
        total_enc += e
        total_plain += p
        print(
            f"\n[bench] {label}: {name:<26} encrypted {e * 1000:7.1f} ms, plain {p * 1000:.1f} ms "
            f"ratio {e / p:5.2f}×  ({len(statements)} statements)"
        )
    enc_conn.close()
    plain_conn.close()
    results.add(
        f"Encrypted / plain SQLite, all queries ({label})",
        total_enc / total_plain,
        "×",
        target=1.3,
        note=f"{total_enc * 1000:.0f} ms vs {total_plain * 1000:.0f} ms",
    )
