"""The few ways a report figure is made from a population of cases: a count, a share, a
breakdown by one dimension, and a code's readable name. Shared by every figure group."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from grievance_desk.domain.case_types import Channel, Outcome, RequestType
from grievance_desk.domain.report_definitions import by_dimension
from grievance_desk.domain.report_model import Breakdown, CaseFacts, Figure, percent, refs_of

__all__ = ["breakdown", "count_figure", "iso_minutes", "label_of", "share_figure"]


def count_figure(
    key: str, label: str, cases: Sequence[CaseFacts], drill: str, *, of: int | None = None
) -> Figure:
    """How many ``cases`` (and their share of ``of``, when given)."""
    return Figure(
        key,
        label,
        len(cases),
        "cases",
        refs_of(cases),
        drill,
        count=len(cases),
        of=of,
        share=None if of is None else percent(len(cases), of),
    )


def share_figure(
    key: str, label: str, good: Sequence[CaseFacts], bad: Sequence[CaseFacts], drill: str
) -> Figure:
    """The share of ``good`` among ``good`` and ``bad``, as a percentage."""
    total = len(good) + len(bad)
    return Figure(
        key,
        label,
        percent(len(good), total),
        "%",
        refs_of(good),
        drill,
        count=len(good),
        of=total,
        share=percent(len(good), total),
    )


def breakdown(
    key: str,
    label: str,
    dimension: str,
    cases: Sequence[CaseFacts],
    attribute: Callable[[CaseFacts], str],
    codes: Sequence[str],
    names: Callable[[str], str],
    population: str,
) -> Breakdown:
    """``cases`` counted by ``attribute``: a row per code (listed codes first, in order)."""
    groups = by_dimension(cases, attribute, codes)
    rows = tuple(
        count_figure(
            f"{key}.{code}",
            names(code),
            members,
            f"{population} — {dimension.lower()}: {names(code)}",
            of=len(cases),
        )
        for code, members in groups.items()
    )
    return Breakdown(key, label, dimension, len(cases), rows)


def label_of(enum: type[RequestType] | type[Channel] | type[Outcome]) -> Callable[[str], str]:
    """A stored code's label ("none" reads "Not recorded"; an unknown code stays itself)."""
    names: dict[str, str] = {}  # asked once per case row: look each code up once

    def name(code: str) -> str:
        found = names.get(code)
        if found is None:
            try:
                found = enum(code).label
            except ValueError:
                found = "Not recorded" if code == "none" else code
            names[code] = found
        return found

    return name


def iso_minutes(moment: datetime | None, tz: ZoneInfo) -> str:
    """ "YYYY-MM-DD HH:MM" in ``tz`` ("" for None), as the Cases sheet shows moments."""
    if moment is None:
        return ""
    # A report formats tens of thousands of moments: the day's text is made once per day and
    # the time of day looked up (isoformat was most of the Cases sheet's time).
    local = moment.astimezone(tz)
    day = _DAYS.get(local.toordinal())
    if day is None:
        day = _DAYS[local.toordinal()] = local.date().isoformat() + " "
    return day + _HOURS_MINUTES[local.hour * 60 + local.minute]


_DAYS: dict[int, str] = {}
_HOURS_MINUTES = tuple(f"{h:02d}:{m:02d}" for h in range(24) for m in range(60))
