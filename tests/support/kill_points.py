"""Run a CLI command in a child process and SIGKILL it at a named fault point."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from grievance_desk.storage.fault_points import KILL_AT_ENV

ROOT = Path(__file__).resolve().parents[2]


def run_cli(
    args: Sequence[str],
    *,
    kill_at: str | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """``python -m grievance_desk ARGS``; with kill_at, the child dies at that fault point."""
    child_env = {**os.environ, **(env or {})}
    child_env["PYTHONPATH"] = str(ROOT) + os.pathsep + child_env.get("PYTHONPATH", "")
    child_env.pop(KILL_AT_ENV, None)
    if kill_at is not None:
        child_env[KILL_AT_ENV] = kill_at
    return subprocess.run(
        [sys.executable, "-m", "grievance_desk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=child_env,
        timeout=timeout,
        check=False,
    )


def was_killed(result: subprocess.CompletedProcess[str]) -> bool:
    """True when the child died by SIGKILL (POSIX reports it as -9)."""
    return result.returncode == -9
