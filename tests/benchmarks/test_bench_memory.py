"""Peak memory (RSS high-water) with the 100,000-case register unlocked and the Cases view
scrolled end to end, in a fresh process so nothing else in the session counts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.benchmarks.conftest import Results
from tests.benchmarks.generate import BenchRegister

ROOT = Path(__file__).resolve().parents[2]


def test_peak_memory(bench: BenchRegister, tmp_path: Path, results: Results) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.app_child",
            "memory",
            str(bench.path),
            bench.passphrase,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    steps = found["steps_mb"]
    print(f"\n[bench] memory steps (RSS high-water, MB): {steps}; now {found['current_mb']:.0f} MB")
    results.add(
        "Peak memory, register open + Cases scrolled end to end",
        max(steps.values()),
        "MB",
        target=250,
        note=f"after unlock {steps['unlocked (Argon2id + open)']:.0f} MB, "
        f"first rows {steps['Cases page, first rows']:.0f} MB, {found['pages_fetched']} pages "
        f"fetched in {found['scroll_seconds']:.1f} s, {found['cached_rows']} rows cached",
    )
    results.extra["memory"] = found
