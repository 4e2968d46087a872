"""The Cases sheet's moment text: the per-day/per-minute lookup gives what isoformat gives,
across a DST change and in a half-hour zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from grievance_desk.domain.report_figure_kit import iso_minutes


@pytest.mark.parametrize("zone", ["Asia/Kolkata", "Europe/Berlin", "America/New_York"])
def test_iso_minutes_is_isoformat_to_the_minute(zone: str) -> None:
    tz = ZoneInfo(zone)
    # Every 7 minutes over the last week of March (Berlin's clocks go forward on the 29th).
    start = datetime(2026, 3, 24, tzinfo=UTC)
    for step in range(0, 7 * 24 * 60, 7):
        moment = start + timedelta(minutes=step, seconds=59)
        expected = moment.astimezone(tz).isoformat(" ", "minutes")[:16]
        assert iso_minutes(moment, tz) == expected
    assert iso_minutes(None, tz) == ""
