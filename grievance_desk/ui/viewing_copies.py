"""Where opened attachment copies live, and the sweep of those a crash left behind.

Apart from ``private_files`` (which opens copies, and so brings the attachment services) so
the sweep can run right after the window's first paint without them (``ui/late_start.py``).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

PREFIX = "grievance-desk-view-"


def sweep_leftovers() -> None:
    """Delete this account's viewing-copy folders left by a crash (plaintext personal data)."""
    base = Path(tempfile.gettempdir())
    for folder in base.glob(PREFIX + "*"):
        try:
            if folder.is_dir() and folder.owner() == Path.home().owner():
                shutil.rmtree(folder, ignore_errors=True)
        except (OSError, KeyError, NotImplementedError):
            continue
