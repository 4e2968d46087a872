"""The system clock, read here and passed down: the domain never reads it itself."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from grievance_desk.messages import _

DEFAULT_TIMEZONE = "Asia/Kolkata"


def utc_now() -> datetime:
    """Now, aware, in UTC: what the register stores."""
    return datetime.now(UTC)


def zone(name: str | None) -> ZoneInfo:
    """The officer's time zone, with a message naming the fix for a mistyped one."""
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError, OSError) as error:  # OSError: 'Asia', too long
        raise ValueError(
            _(
                "{name} is not a time zone this computer knows. Use an IANA name such as "
                "Asia/Kolkata or Europe/London."
            ).format(name=repr(name))
        ) from error
