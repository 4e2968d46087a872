"""Unlock: Argon2id at the key file's real (default) cost, open the register, first page.

Service level: ``unlock_key`` + ``open_with_key`` + the Cases page's count and first page,
each part timed. UI level: the real MainWindow, passphrase typed, Unlock clicked, until the
Cases model has its first page (everything the window starts on unlock shares the one
background thread, so it counts). This module opens the register itself, so no other module
may hold it open meanwhile (``opened`` is module-scoped).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from grievance_desk.services.case_queries import PAGE_SIZE, CaseFilter, count_cases, fetch_page
from grievance_desk.storage.keyfile import KeyFile
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import Register, Unlock
from grievance_desk.ui.main_window import MainWindow
from grievance_desk.ui.ops import OpRunner
from tests.benchmarks.conftest import Results, median_of
from tests.benchmarks.generate import BenchRegister

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
RUNS = 5


def test_unlock_service_level(bench: BenchRegister, results: Results) -> None:
    cost = ("iterations", "lanes", "memory_kib")
    for name, slot in KeyFile.load(key_file_for(bench.path)).slots.items():
        print(f"\n[bench] key slot {name}: { {k: v for k, v in slot.items() if k in cost} }")
    kdf, opening, first, total = [], [], [], []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        keyfile, key = Register.unlock_key(bench.path, Unlock(passphrase=bench.passphrase))
        t1 = time.perf_counter()
        register = Register.open_with_key(bench.path, keyfile, key)
        t2 = time.perf_counter()
        with register.reading() as session:
            count_cases(session, CaseFilter(), now=NOW)
            rows = fetch_page(session, CaseFilter(), offset=0, limit=PAGE_SIZE, now=NOW)
        t3 = time.perf_counter()
        assert len(rows) == PAGE_SIZE
        register.close()
        kdf.append(t1 - t0)
        opening.append(t2 - t1)
        first.append(t3 - t2)
        total.append(t3 - t0)
    results.add(
        "Unlock: key derivation + open + first page (service)",
        median_of(total),
        "s",
        target=1.0,
        note=f"Argon2id {median_of(kdf) * 1000:.0f} ms, open {median_of(opening) * 1000:.0f} ms, "
        f"first page {median_of(first) * 1000:.0f} ms",
    )


def test_unlock_ui(qtbot, bench: BenchRegister, results: Results) -> None:  # type: ignore[no-untyped-def]
    runner = OpRunner()
    window = MainWindow(runner, bench.path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    samples = []
    for _ in range(3):
        window.unlock_screen.field.setText(bench.passphrase)
        started = time.perf_counter()
        window.unlock_screen.button.click()
        qtbot.waitUntil(
            lambda: (
                window.workspace is not None
                and window.workspace.cases.model.loaded
                and window.workspace.cases.model.rowCount() > 0
            ),
            timeout=120_000,
        )
        samples.append(time.perf_counter() - started)
        runner.wait_idle(120)  # let the after-unlock work (deadline sync, Today) finish
        qtbot.wait(50)
        assert window.lock()
        runner.wait_idle(120)
    results.add(
        "Unlock: click to first page of Cases (UI)",
        median_of(samples),
        "s",
        target=1.0,
        note=f"runs {', '.join(f'{s:.2f}' for s in samples)} s",
    )
    window.close()  # the runner stays up: closing the window may still hand it work
    runner.wait_idle(120)
