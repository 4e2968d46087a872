"""Named kill points in multi-file operations, so tests can prove each step survives a crash.

A test starts a child process with ``GRIEVANCE_DESK_KILL_AT=<name>``; when the operation
reaches ``fault_point("<name>")`` the process kills itself with SIGKILL, exactly as a power
cut or ``kill -9`` would. In normal use the variable is unset and a point costs one dict
look-up. Names are ``operation.step`` (``restore.before_replace``), listed by each operation
beside its steps so the harness can walk every one.
"""

from __future__ import annotations

import os
import signal

KILL_AT_ENV = "GRIEVANCE_DESK_KILL_AT"


def fault_point(name: str) -> None:
    """Die here, without clean-up, if a test asked for it; otherwise do nothing."""
    if os.environ.get(KILL_AT_ENV) == name:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
