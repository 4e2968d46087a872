"""Cold start to the unlock screen painted, against a bare PySide6 window with one QLabel.

Both are fresh ``python`` processes (offscreen platform), started alternately in the same run
so machine noise hits both alike; the clock runs from spawning the process to the child
seeing its widget's first paint event. The ratio of the medians is the figure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.conftest import Results, median_of
from tests.benchmarks.generate import BenchRegister

ROOT = Path(__file__).resolve().parents[2]
RUNS = 7


def _spawn(args: list[str], env: dict[str, str]) -> float:
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
    child.wait(timeout=60)
    assert line.strip() == "painted", child.stderr.read() if child.stderr else ""
    return took


def test_cold_start_ratio(bench: BenchRegister, tmp_path: Path, results: Results) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    # One unmeasured start of each warms the OS file cache, as a second launch would be.
    _spawn(["bare"], env)
    _spawn(["app", str(bench.path)], env)
    bare: list[float] = []
    app: list[float] = []
    for _ in range(RUNS):
        bare.append(_spawn(["bare"], env))
        app.append(_spawn(["app", str(bench.path)], env))
    ratio = median_of(app) / median_of(bare)
    results.add("Cold start: bare PySide6 window + QLabel painted", median_of(bare) * 1000)
    results.add("Cold start: unlock screen painted", median_of(app) * 1000)
    results.add("Cold start ratio (unlock screen / bare window)", ratio, "×", target=1.5)
    results.extra["cold_start_runs"] = {"bare": bare, "app": app}
