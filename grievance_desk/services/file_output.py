"""Save a finished document (a report, a letter) the officer asked for, whole or not at all.

The bytes go to an owner-only scratch file beside the target, are fsynced and renamed in, so
a crash or a full disk never leaves a cut-short file under the chosen name (an earlier file
of that name stays as it was), and a full disk is reported as such.
"""

from __future__ import annotations

from pathlib import Path

from grievance_desk.storage.file_safety import DiskFull, NotARegularFile, atomic_output

__all__ = ["DiskFull", "NotARegularFile", "save_private"]


def save_private(path: Path, data: bytes, what: str) -> Path:
    """Write ``data`` to ``path`` (mode 0600) through a scratch file; returns ``path``.

    Raises DiskFull when the disk is full, NotARegularFile for a pipe or device, OSError
    for other failures (a folder that cannot be written).
    """
    with atomic_output(path, what) as handle:
        handle.write(data)
    return path
