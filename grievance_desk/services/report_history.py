"""A case's history as a report needs it: every closing (with its outcome) and reopening,
from its row and its audit trail, and whether it stood open at a moment."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from grievance_desk.services.report_read import CLOSED, REOPENED, ReportEvent, ReportRow

__all__ = ["closings_and_reopenings", "first_closing", "open_at"]


def closings_and_reopenings(
    row: ReportRow, events: Sequence[ReportEvent]
) -> tuple[list[tuple[datetime, str | None]], list[datetime]]:
    """Every closing (moment, outcome) and reopening of a case, from its row and audit trail.

    The row holds the latest closing; each reopening's "before" snapshot holds the closing it
    undid (an imported case was closed without a close event). A redacted reopening falls
    back on the close event before it.
    """
    reopenings = [e.at for e in events if e.action == REOPENED]
    if not reopenings and row.reopened_at is not None:
        reopenings = [row.reopened_at]
    closes = [e.at for e in events if e.action == CLOSED]
    found: dict[datetime, str | None] = {}
    for event in events:
        if event.action != REOPENED:
            continue
        before: Mapping[str, Any] = {}
        if event.payload:
            try:
                loaded = json.loads(event.payload).get("before")
            except (ValueError, AttributeError):
                loaded = None
            before = loaded if isinstance(loaded, dict) else {}
        closed_text = before.get("closed_at")
        if isinstance(closed_text, str):
            found[datetime.fromisoformat(closed_text)] = before.get("outcome")
        else:
            earlier = [c for c in closes if c <= event.at]
            if earlier:
                found.setdefault(max(earlier), None)
    if row.closed_at is not None:
        found[row.closed_at] = row.outcome
    return sorted(found.items()), sorted(reopenings)


def first_closing(closings: Sequence[tuple[datetime, str | None]]) -> datetime:
    return closings[0][0] if closings else datetime.max.replace(tzinfo=UTC)


def open_at(
    closings: Sequence[tuple[datetime, str | None]], reopenings: Sequence[datetime], at: datetime
) -> bool:
    """Whether the last closing or reopening by ``at`` was a reopening (or there was none)."""
    marks = [(c, 1) for c, _ in closings if c <= at] + [(r, 0) for r in reopenings if r <= at]
    return not marks or max(marks)[1] == 0
