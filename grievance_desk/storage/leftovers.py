"""Before a register is unlocked, finish or clear what a crash left half-done.

Every start of work (the app's unlock screen, any CLI command) goes through one unlock, so
this is the one place that runs the recovery steps of interrupted multi-file operations:
a restore cut short is finished or rolled back (``restore_swap``), and scratch files of
exports whose writer died, plaintext personal data, are removed (``scratch``).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from grievance_desk.storage.restore_swap import recover_interrupted_restore
from grievance_desk.storage.scratch import sweep_stale


def finish_interrupted_work(db_path: Path) -> None:
    """Recover ``db_path`` from an interrupted restore, and sweep stale scratch files."""
    recover_interrupted_restore(db_path)
    with contextlib.suppress(OSError):
        sweep_stale()
