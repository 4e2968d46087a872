"""Benchmark fixtures: the cached 100,000-case register, timing helpers and a results table.

Benchmarks print figures (medians of several runs, p95 where the issue asks for it) and keep
them in one table printed at the end of the session and saved as JSON beside the cached
register, so RESULTS.md can quote one run. They assert only generous ceilings where the issue
states a target. ``GRIEVANCE_DESK_BENCH_CASES`` picks a smaller register for a quick try.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine, event

from grievance_desk.storage.keyfile import KeyFile
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import Register
from grievance_desk.ui.ops import OpRunner
from tests.benchmarks.generate import DEFAULT_CASES, DEFAULT_SEED, BenchRegister, bench_register

CASES = int(os.environ.get("GRIEVANCE_DESK_BENCH_CASES", DEFAULT_CASES))


def median_of(samples: list[float]) -> float:
    return statistics.median(samples)


def p95_of(samples: list[float]) -> float:
    """Nearest-rank 95th percentile (the same rule the reports use)."""
    ordered = sorted(samples)
    rank = max(1, -(-95 * len(ordered) // 100))
    return ordered[rank - 1]


def timed(
    work: Callable[[], Any],
    runs: int = 5,
    warmup: int = 1,
    before: Callable[[], Any] | None = None,
) -> list[float]:
    """Seconds per run of ``work`` after ``warmup`` unmeasured runs (``before`` runs, not
    measured, ahead of each measured one)."""
    for _ in range(warmup):
        work()
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return samples


@dataclass
class Figure:
    measure: str
    value: float
    unit: str
    target: str = ""
    within: bool | None = None
    note: str = ""


@dataclass
class Results:
    """Every figure of the session, printed as it is measured and again at the end."""

    figures: list[Figure] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def add(
        self,
        measure: str,
        value: float,
        unit: str = "ms",
        *,
        target: float | None = None,
        target_text: str = "",
        note: str = "",
    ) -> Figure:
        within = None if target is None else value <= target
        text = target_text or ("" if target is None else f"≤ {target:g} {unit}")
        figure = Figure(measure, round(value, 3), unit, text, within, note)
        self.figures.append(figure)
        mark = "" if within is None else ("  OK" if within else "  OVER")
        print(
            f"\n[bench] {measure}: {value:,.1f} {unit}{'  (' + text + ')' if text else ''}{mark}"
            f"{'  ' + note if note else ''}"
        )
        return figure


@pytest.fixture(scope="session")
def results(bench: BenchRegister) -> Iterator[Results]:
    collected = Results()
    yield collected
    print("\n\n=== Grievance Desk benchmarks:", CASES, "cases ===")
    for f in collected.figures:
        verdict = "" if f.within is None else ("ok" if f.within else "OVER")
        print(f"{f.measure:<62} {f.value:>11,.1f} {f.unit:<5} {f.target:<22} {verdict} {f.note}")
    out = bench.folder / "last-results.json"
    out.write_text(
        json.dumps(
            {
                "figures": [f.__dict__ for f in collected.figures],
                "extra": collected.extra,
                "at": time.strftime("%Y-%m-%d %H:%M:%S"),
            },
            indent=2,
            default=str,
        ),
        encoding="utf-8",
    )
    print(f"(saved to {out})")


@pytest.fixture(scope="session")
def bench() -> BenchRegister:
    """The cached generated register (built on first use: about a minute and a half)."""
    started = time.perf_counter()
    info = bench_register(CASES, DEFAULT_SEED)
    took = time.perf_counter() - started
    print(
        f"\n[bench] register: {info.path} ({info.counts.get('bytes', 0) / 1e6:,.0f} MB), "
        f"built in {info.build_seconds:.1f} s, found in {took:.1f} s"
    )
    return info


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings into tmp_path: benchmarks never touch the officer's preferences."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    yield


def open_bench(bench: BenchRegister) -> Register:
    """Open with the stored data key (no KDF): for benchmarks that are not about unlocking."""
    return Register.open_with_key(
        bench.path, KeyFile.load(key_file_for(bench.path)), bench.data_key
    )


@pytest.fixture(scope="module")
def ui_runner(qapp: QApplication) -> Iterator[OpRunner]:
    """The app's one background thread; registers are opened and closed on it (file lock).

    The QApplication is set up as the app sets it up (theme, GUI-thread GC, GIL switch
    interval), so the widgets measured run as they do for the officer.
    """
    from grievance_desk.ui.main import application

    application()
    ops = OpRunner()
    yield ops
    ops.shutdown()


@pytest.fixture(scope="module")
def opened(bench: BenchRegister, ui_runner: OpRunner) -> Iterator[Register]:
    """The benchmark register, open for one module (closed after, so unlock tests can open it).

    As in the app, the start-up objects are frozen out of the collector first (the unlock
    screen does it once the imports are warm; see ``ui.preload``).
    """
    from grievance_desk.ui import gc_guard, preload

    for name in (*preload.BACKGROUND, *preload.GUI):
        __import__(name)
    gc_guard.freeze_startup()
    register = ui_runner.call(lambda: open_bench(bench))
    ui_runner.register = register  # as the window does on unlock: Op.on_register work gets it
    yield register
    ui_runner.register = None
    ui_runner.call(register.close)


@contextmanager
def captured_sql(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """Every statement the engine runs meanwhile, for EXPLAIN QUERY PLAN."""
    seen: list[tuple[str, Any]] = []

    def before(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_a: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def query_plan(register: Register, statement: str, parameters: Any) -> list[str]:
    """SQLite's plan for a statement, one line per step."""
    with register.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        rows = raw.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
        connection.rollback()
    return [str(row[-1]) for row in rows]


def explain(register: Register, work: Callable[[], Any], title: str) -> None:
    """Print the plan of every SELECT ``work`` runs."""
    with captured_sql(register.engine) as seen:
        work()
    print(f"\n[plan] {title}")
    for statement, parameters in seen:
        if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
            continue
        print("   ", " ".join(statement.split())[:220])
        for line in query_plan(register, statement, parameters):
            print("       ", line)
