"""Run a CLI command in a child process and SIGKILL it at a named fault point."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from grievance_desk.storage.fault_points import KILL_AT_ENV

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[2]

#: ``GRIEVANCE_DESK_KILL_MATRIX=full`` walks every fault point of every operation (over 100
#: SIGKILLs, about 20 minutes); the default run kills at a chosen few of each, so the suite
#: stays well under CI's budget while every operation is still killed mid-way.
FULL_MATRIX = os.environ.get("GRIEVANCE_DESK_KILL_MATRIX") == "full"


def chosen(points: Sequence[T], default: Sequence[T]) -> list[T]:
    """Every point on demand; otherwise the ``default`` few (each must be one of ``points``)."""
    assert all(point in points for point in default), "a default point is not a fault point"
    return list(points) if FULL_MATRIX else list(default)


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
