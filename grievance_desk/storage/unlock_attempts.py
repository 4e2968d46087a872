"""Failed unlock attempts: slowed down, and reported in the audit trail at the next unlock.

Argon2id already makes each guess cost a fraction of a second; after a few failures each
further attempt waits longer (up to 30 s), which turns a guessing script into a crawl while
a person who mistyped twice notices nothing. The count lives in a small private file beside
the register (the register itself cannot be written without the key), and the next
successful unlock moves it into the audit chain, so the officer sees that someone tried.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 30.0


def attempts_file_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".attempts")


def _read(db_path: Path) -> list[str]:
    try:
        data = json.loads(attempts_file_for(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    failures = data.get("failures") if isinstance(data, dict) else None
    return [str(f) for f in failures] if isinstance(failures, list) else []


def failures(db_path: Path) -> list[str]:
    """When each failed attempt since the last successful unlock happened (UTC ISO text)."""
    return _read(db_path)


def delay_before_attempt(db_path: Path) -> float:
    """Seconds to wait before the next attempt: none for the first few, then doubling."""
    count = len(_read(db_path))
    if count < FREE_ATTEMPTS:
        return 0.0
    return min(2.0 ** (count - FREE_ATTEMPTS), MAX_DELAY_SECONDS)


def record_failure(db_path: Path, at: datetime | None = None) -> None:
    """Note one failed attempt; never raises, since the caller is already reporting an error."""
    stamp = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    entries = [*_read(db_path), stamp][-1000:]
    target = attempts_file_for(db_path)
    with contextlib.suppress(OSError):
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"failures": entries}, handle)


def clear(db_path: Path) -> None:
    with contextlib.suppress(OSError):
        attempts_file_for(db_path).unlink(missing_ok=True)
