"""Failed unlock attempts: slowed down, and reported in the audit trail at the next unlock.

Argon2id already makes each guess cost a fraction of a second; after a few failures each
further attempt waits longer (up to 30 s), which turns a guessing script into a crawl while
a person who mistyped twice notices nothing. The count lives in a small private file beside
the register (the register itself cannot be written without the key), and the next
successful unlock moves it into the audit chain, so the officer sees that someone tried.

Deleting that file must not wipe the slate. The register records (inside the encrypted
database, where nobody without the key can change it) where its attempts are tracked, and the
key file carries the same flag for the moments before unlocking. So a missing record counts
as if the free attempts were used up, and the next unlock writes
``register.unlock_record_missing`` to the audit chain and tells the officer. What no design
without a secret can stop: putting back an exact copy of the file taken right after an
unlock (the README says so).
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from grievance_desk.messages import _
from grievance_desk.storage.durable import read_regular_file, write_atomically
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.settings_registry import UNLOCK_TRACKED_AT

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 30.0
# A deleted record counts as this many failures: deleting it never buys free guesses (a
# register moved without its record costs its officer one short wait, and a notice).
LOST_RECORD_PENALTY = FREE_ATTEMPTS
TRACKED_SETTING = UNLOCK_TRACKED_AT.key  # in the register: its resolved path
KEY_FILE_FLAG = "unlock_attempts_tracked"  # in the key file
MAX_FILE_BYTES = 256 * 1024


def lost_notice() -> str:
    """The notice (with a ``{path}`` to fill) when the record went missing since the last unlock."""
    return _(
        "The record of failed unlock attempts beside {path} was deleted or replaced since the "
        "last unlock (or the register was moved without it), so failed attempts may have been "
        "hidden. This is recorded in the audit trail. If you did not do it, someone may have "
        "tried to guess the passphrase: change it."
    )


@dataclass(frozen=True)
class AttemptsRecord:
    present: bool
    failures: list[str]
    lost_at: str | None = None  # when a missing record was first noticed


def attempts_file_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".attempts")


def _stamp(at: datetime | None = None) -> str:
    return (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")


def read(db_path: Path) -> AttemptsRecord:
    """The record as it is on disk; a pipe or garbage at the path counts as missing."""
    target = attempts_file_for(db_path)
    if not target.exists():
        return AttemptsRecord(present=False, failures=[])
    try:
        data = json.loads(
            read_regular_file(target, limit=MAX_FILE_BYTES, what=_("attempts record"))
        )
    except (OSError, ValueError, RegisterError):
        return AttemptsRecord(present=False, failures=[])
    if not isinstance(data, dict):
        return AttemptsRecord(present=False, failures=[])
    failures = data.get("failures")
    lost = data.get("lost_at")
    return AttemptsRecord(
        present=True,
        failures=[str(f) for f in failures] if isinstance(failures, list) else [],
        lost_at=str(lost) if lost else None,
    )


def failures(db_path: Path) -> list[str]:
    """When each failed attempt since the last successful unlock happened (UTC ISO text)."""
    return read(db_path).failures


def delay_before_attempt(db_path: Path, *, tracked: bool = False) -> float:
    """Seconds to wait before the next attempt: none for the first few, then doubling.

    ``tracked``: the key file says a record should exist, so a missing one was deleted."""
    record = read(db_path)
    count = len(record.failures)
    if tracked and (not record.present or record.lost_at):
        count += LOST_RECORD_PENALTY
    if count < FREE_ATTEMPTS:
        return 0.0
    return min(2.0 ** (count - FREE_ATTEMPTS), MAX_DELAY_SECONDS)


def _write(db_path: Path, payload: dict[str, object]) -> None:
    write_atomically(
        attempts_file_for(db_path), json.dumps(payload, sort_keys=True).encode("utf-8")
    )


def record_failure(db_path: Path, at: datetime | None = None, *, tracked: bool = False) -> None:
    """Note one failed attempt; never raises, since the caller is already reporting an error."""
    record = read(db_path)
    entries = [*record.failures, _stamp(at)][-1000:]
    payload: dict[str, object] = {"failures": entries}
    lost = record.lost_at or (_stamp(at) if tracked and not record.present else None)
    if lost:
        payload["lost_at"] = lost
    with contextlib.suppress(OSError, RegisterError):
        _write(db_path, payload)


def reset(db_path: Path) -> None:
    """After a successful unlock (or at creation): an empty record, present on disk."""
    _write(db_path, {"failures": []})


def clear(db_path: Path) -> None:
    """Kept for callers of the old API: same as ``reset``, never raises."""
    with contextlib.suppress(OSError, RegisterError):
        reset(db_path)
