"""Scratch files that hold plaintext while an export is written, found again after a crash.

An export (CSV, XLSX, a report) is written under a hidden scratch name beside its target,
and openpyxl streams each sheet through scratch files of its own. A kill or power cut
mid-way would leave those files, personal data in the clear, in whatever folder the officer
chose. So before a scratch file or folder is made, its path is noted in a small journal in
the app's state folder (one entry per scratch, locked by the writing process); it is removed
with the scratch. ``sweep_stale`` (run when the app or any CLI command starts) removes every
scratch whose writer is gone, wherever it lies. Only names carrying the scratch mark are
ever deleted, so a damaged or edited journal cannot make it delete anything else.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

#: Part of every scratch file's name, so a sweep deletes only what this app made.
SCRATCH_MARK = ".gd-scratch-"

STATE_ENV = "GRIEVANCE_DESK_STATE_DIR"
_LEGACY_PREFIX = ".grievance-desk-xlsx-"  # openpyxl scratch folders of earlier versions
_LEGACY_AGE_SECONDS = 3600


def journal_folder() -> Path:
    """Where pending scratch paths are noted: the state folder, or $GRIEVANCE_DESK_STATE_DIR."""
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override).expanduser() / "scratch-journal"
    from platformdirs import user_state_path

    from grievance_desk import APP_ID, ORG_NAME

    return user_state_path(APP_ID, ORG_NAME) / "scratch-journal"


def _remove(path: Path) -> None:
    ours = SCRATCH_MARK in path.name or path.name.endswith(".partial")
    if not ours and not path.name.startswith(_LEGACY_PREFIX):
        return  # never delete a name we did not make
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _entry_lock(entry: Path) -> FileLock:
    return FileLock(str(entry) + ".lock", mode=0o600, is_singleton=False, thread_local=False)


@contextmanager
def tracked(scratch: Path) -> Iterator[Path]:
    """Note ``scratch`` in the journal for as long as the block runs, and remove it after."""
    folder = journal_folder()
    entry = None
    lock = None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        entry = folder / f"{os.getpid()}-{secrets.token_hex(6)}"
        lock = _entry_lock(entry)
        lock.acquire(timeout=1)
        fd = os.open(str(entry) + ".path", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(str(scratch.absolute()))
    except (OSError, Timeout):
        # No journal (a read-only home folder): the scratch is still removed on failure;
        # only a crash's leftover would wait for the legacy sweep.
        entry = None
    try:
        yield scratch
    finally:
        _remove(scratch)
        if entry is not None and lock is not None:
            with contextlib.suppress(OSError):
                Path(str(entry) + ".path").unlink()
            lock.release()
            with contextlib.suppress(OSError):
                Path(str(entry) + ".lock").unlink()


def sweep_stale() -> list[Path]:
    """Remove the scratch files and folders of writers that are gone; returns what was removed."""
    removed: list[Path] = []
    folder = journal_folder()
    with contextlib.suppress(OSError):
        for noted in sorted(folder.glob("*.path")):
            entry = noted.with_suffix("")
            lock = _entry_lock(entry)
            try:
                lock.acquire(timeout=0)
            except (Timeout, OSError):
                continue  # its writer is still at work
            try:
                with contextlib.suppress(OSError, ValueError):
                    scratch = Path(noted.read_text(encoding="utf-8").strip())
                    if scratch.name and os.path.lexists(scratch):
                        _remove(scratch)
                        removed.append(scratch)
                with contextlib.suppress(OSError):
                    noted.unlink()
            finally:
                lock.release()
                with contextlib.suppress(OSError):
                    Path(str(entry) + ".lock").unlink()
    removed += _sweep_legacy_temp()
    return removed


def _sweep_legacy_temp() -> list[Path]:
    """Earlier versions' openpyxl scratch folders in the temp folder, an hour old or more."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for path in Path(tempfile.gettempdir()).glob(_LEGACY_PREFIX + "*"):
            with contextlib.suppress(OSError):
                info = path.lstat()
                if getattr(os, "getuid", None) and info.st_uid != os.getuid():
                    continue
                if time.time() - info.st_mtime >= _LEGACY_AGE_SECONDS:
                    _remove(path)
                    removed.append(path)
    return removed
