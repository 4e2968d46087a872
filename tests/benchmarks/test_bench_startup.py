"""Cold start to the unlock screen painted, against a bare PySide6 window with one QLabel.

Both are fresh ``python`` processes (offscreen platform), started alternately in the same run
so machine noise hits both alike; the clock runs from spawning the process to the child
seeing its widget's first paint event. The ratio of the medians is the figure.

The app is started the officer's way: the ``grievance-desk`` console script's ``main()`` with
``gui --register PATH`` (see app_child.py). The first-run wizard (no register yet) is timed
the same way, for information. Bytecode is cached in a folder of the test's own, as an
installed app has it (pip and PyInstaller compile at install time): otherwise a
``PYTHONDONTWRITEBYTECODE`` environment would charge the app, and not the bare window,
for compiling its own source on every start.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.conftest import Results, median_of
from tests.benchmarks.generate import BenchRegister

ROOT = Path(__file__).resolve().parents[2]
RUNS = 7


def _env(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONPYCACHEPREFIX=str(tmp_path / "pycache"),
    )
    return env


def _spawn(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to first paint, and the child's CPU seconds until then."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks.app_child", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    took = time.perf_counter() - started
    _out, err = child.communicate(timeout=60)
    assert line.strip() == "painted", err
    cpu = re.search(r"-- painted -- cpu_ms=([\d.]+)", err)
    return took, float(cpu.group(1)) / 1000 if cpu else float("nan")


def test_cold_start_ratio(bench: BenchRegister, tmp_path: Path, results: Results) -> None:
    env = _env(tmp_path)
    first_run = tmp_path / "first-run" / "register.db"  # never created: the wizard opens
    starts = {
        "bare": ["bare"],
        "app": ["app", str(bench.path)],
        "wizard": ["wizard", str(first_run)],
    }
    # One unmeasured start of each warms the OS file cache (and writes the bytecode), as a
    # second launch would be.
    for args in starts.values():
        _spawn(args, env)
    runs: dict[str, list[float]] = {name: [] for name in starts}
    cpu: dict[str, list[float]] = {name: [] for name in starts}
    for _ in range(RUNS):
        for name, args in starts.items():
            took, cpu_seconds = _spawn(args, env)
            runs[name].append(took)
            cpu[name].append(cpu_seconds)
    bare, app, wizard = (median_of(runs[name]) for name in ("bare", "app", "wizard"))
    results.add("Cold start: bare PySide6 window + QLabel painted", bare * 1000)
    results.add("Cold start: unlock screen painted", app * 1000)
    results.add("Cold start ratio (unlock screen / bare window)", app / bare, "×", target=1.5)
    results.add(
        "Cold start: first-run wizard painted (no register yet)",
        wizard * 1000,
        note=f"{wizard / bare:.1f} × bare",
    )
    # CPU time to the first paint: the same comparison, less disturbed by other processes.
    cpu_ratio = median_of(cpu["app"]) / median_of(cpu["bare"])
    results.add(
        "Cold start CPU ratio (unlock screen / bare window)",
        cpu_ratio,
        "×",
        note=f"{median_of(cpu['app']) * 1000:.0f} / {median_of(cpu['bare']) * 1000:.0f} ms CPU",
    )
    results.extra["cold_start_runs"] = runs
    results.extra["cold_start_cpu"] = cpu
