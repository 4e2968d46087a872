"""The report cache: finished periods' reports, finished months' trend points and cases'
stable facts, kept in the register (migration 0004) and dropped by its triggers when a fact
they read changes. The settings that shape deadlines are part of the key.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import holidays
from sqlalchemy import delete, insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk import __version__ as app_version
from grievance_desk.domain.report_model import Report, TrendPoint
from grievance_desk.domain.report_period import (
    INSTANT,
    ReportPeriod,
)
from grievance_desk.domain.report_stored import (
    facts_to_data,
    report_from_data,
    report_to_data,
    trend_point_from_data,
    trend_point_to_data,
)
from grievance_desk.services.policy_settings import (
    PolicySettings,
)
from grievance_desk.services.report_facts import Stable
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import (
    ReportCache,
    ReportCacheGeneration,
    ReportCaseFacts,
)

__all__ = [
    "CACHE_FORMAT",
    "cached_report",
    "cached_trend",
    "day_digest",
    "generation_of",
    "settings_digest",
    "store",
]

#: The stored form of cached reports and case facts: no spaces.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


#: Bump when the stored form or the way any figure is computed changes, so reports cached by
#: an earlier build are not served (the app version is in the key as well).
CACHE_FORMAT = 2  # 2: issue 14 (pause rules, kinds, acknowledgement in overdue, profile)


def settings_digest(settings: PolicySettings, tz: ZoneInfo) -> str:
    """Everything besides the cases that a report's figures depend on, as one SHA-256.

    Policies (presets and the officer's own, every version), default policy per request type,
    the officer's days off, the time zone, the public-holiday data and this app's version.
    """
    parts = (
        f"format={CACHE_FORMAT}",
        f"app={app_version}",
        f"holidays={getattr(holidays, '__version__', '?')}",
        f"tz={tz.key}",
        repr(settings.policies),
        repr(sorted(settings.defaults.items())),
        repr(settings.days_off),
        repr(settings.profile),
        repr(settings.member_state),
    )
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def generation_of(session: Session) -> int:
    found = session.get(ReportCacheGeneration, 1)
    return 0 if found is None else found.generation


def day_digest(digest: str, as_at: datetime, tz: ZoneInfo) -> str:
    """The key of facts that hold on the day of ``as_at`` only (a clock stopped that day)."""
    day = as_at.astimezone(tz).date().isoformat()
    return hashlib.sha256(f"{digest}\nday={day}".encode()).hexdigest()


def cached_report(
    session: Session, period: ReportPeriod, digest: str, *, now: datetime, organisation: str
) -> Report | None:
    """The stored report of a period that has ended, if its facts and settings are unchanged.

    Triggers (migration 0004) delete an entry as soon as any fact it read changes: a case
    received before the period's end is added, edited, changes status, gains or loses a
    pause or extension, is responded to, closed, reopened or purged. Settings are in the key.
    """
    data = _entry_data(session.get(ReportCache, period.key), digest, period)
    if data is None:
        return None
    try:
        return report_from_data(data, period, now=now, organisation=organisation)
    except ValueError:
        return None  # from another build: compute afresh


def _entry_data(row: ReportCache | None, digest: str, period: ReportPeriod) -> Any:
    """A cache entry's stored data if it was made under these settings for this period's
    end, else None (also when it is damaged: the caller computes afresh)."""
    if row is None or row.settings_digest != digest or row.period_end_at != period.end_at:
        return None
    try:
        return json.loads(zlib.decompress(row.content))
    except (ValueError, zlib.error):
        return None


def _trend_key(month: ReportPeriod) -> str:
    """The cache key of a month's trend point ("t2026-10"), apart from its report's key."""
    return f"t{month.key}"


def cached_trend(
    session: Session, months: Sequence[ReportPeriod], digest: str, as_at: datetime
) -> dict[str, TrendPoint]:
    """The kept trend points of the months that ended by ``as_at`` (by month key).

    A month's point counts only the cases received or closed in it, so it is dropped by the
    same triggers as that month's report (every case it counts was received before its end).
    """
    finished = {_trend_key(m): m for m in months if m.end_at - INSTANT <= as_at}
    found: dict[str, TrendPoint] = {}
    if not finished:
        return found
    for row in session.scalars(
        select(ReportCache).where(col(ReportCache.period_key).in_(list(finished)))
    ):
        month = finished[row.period_key]
        data = _entry_data(row, digest, month)
        if data is None:
            continue
        try:
            point = trend_point_from_data(data)
        except (ValueError, KeyError, TypeError):
            continue  # from another build: compute it afresh
        if point.period_key == month.key:
            found[month.key] = point
    return found


def store(
    register: Register,
    digest: str,
    day_digest: str,
    generation: int,
    stable: Sequence[Stable],
    finished: tuple[ReportPeriod, Report] | None,
    finished_months: Sequence[tuple[ReportPeriod, TrendPoint]],
    *,
    now: datetime,
) -> None:
    """Keep cases' stable facts, a finished period's report and finished months' trend
    points, unless a fact changed since the snapshot they were computed from (then the next
    report computes them again)."""
    if not stable and finished is None and not finished_months:
        return
    entries: list[tuple[str, ReportPeriod, Any]] = [
        (_trend_key(m), m, trend_point_to_data(p)) for m, p in finished_months
    ]
    if finished is not None:
        period, report = finished
        entries.append((period.key, period, report_to_data(report)))
    # Encoded before the write lock is taken; zlib level 1 is ~5x faster than 6 for a
    # slightly larger entry (a report of 6,000 cases: ~0.4 MB).
    encoded = [
        (key, period, zlib.compress(_COMPACT.encode(data).encode("utf-8"), 1))
        for key, period, data in entries
    ]
    try:
        with register.writing() as session:
            if generation_of(session) != generation:
                return
            if stable:
                _store_facts(session, digest, day_digest, stable)
            for key, period, content in encoded:
                session.execute(delete(ReportCache).where(col(ReportCache.period_key) == key))
                session.add(
                    ReportCache(
                        period_key=key,
                        settings_digest=digest,
                        period_end_at=period.end_at,
                        computed_at=now,
                        content=content,
                    )
                )
    except OperationalError:
        pass  # busy or read-only: the report stands, it is just not kept


def _store_facts(session: Session, digest: str, day_digest: str, stable: Sequence[Stable]) -> None:
    ids = [kept.case_id for kept in stable]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(delete(ReportCaseFacts).where(col(ReportCaseFacts.case_id).in_(chunk)))
    session.execute(
        insert(ReportCaseFacts),
        [
            {
                "case_id": kept.case_id,
                "settings_digest": day_digest if kept.day_bound else digest,
                "stable_from": kept.since,
                "content": _COMPACT.encode(facts_to_data(kept.facts)),
            }
            for kept in stable
        ],
    )
