"""The report's first two figure groups: the headline counts and shares, and how many days
the cases closed in the period took to answer."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping, Sequence

from grievance_desk.domain.report_definitions import (
    days_to_respond,
    percentile_nearest_rank,
    statutory_days_to_respond,
)
from grievance_desk.domain.report_figure_kit import count_figure, share_figure
from grievance_desk.domain.report_model import Figure, refs_of
from grievance_desk.domain.report_populations import Populations

__all__ = ["days_to_respond_figures", "durations_of", "headline_figures"]


def headline_figures(p: Populations) -> tuple[Figure, ...]:
    """Received, closed, open, overdue, awaiting, on-time and late, no deadline."""
    label, end_words = p.period.label, p.end_words
    responses = len(p.on_time) + len(p.late)
    acknowledgements = len(p.ack_on_time) + len(p.ack_late)
    return (
        count_figure("received", "Received", p.received, f"Cases received in {label}"),
        count_figure("closed", "Closed", p.closed_cases, f"Cases closed in {label}"),
        count_figure("open_at_end", "Open at end", p.still_open, f"Cases open {end_words}"),
        count_figure("overdue_at_end", "Overdue at end", p.overdue, f"Cases overdue {end_words}"),
        count_figure(
            "awaiting_requester_at_end",
            "Awaiting requester at end",
            p.waiting,
            f"Cases awaiting the requester {end_words}",
        ),
        share_figure(
            "on_time_response",
            "Responses on time",
            p.on_time,
            p.late,
            f"Cases closed in {label} and answered by their due date",
        ),
        count_figure(
            "late_response",
            "Responses late",
            p.late,
            f"Cases closed in {label} and answered after their due date",
            of=responses,
        ),
        share_figure(
            "on_time_acknowledgement",
            "Acknowledgements on time",
            p.ack_on_time,
            p.ack_late,
            f"Cases closed in {label} whose acknowledgement was on time",
        ),
        count_figure(
            "late_acknowledgement",
            "Acknowledgements late",
            p.ack_late,
            f"Cases closed in {label} whose acknowledgement was late or missing",
            of=acknowledgements,
        ),
        count_figure(
            "no_deadline",
            "No deadline (policy not applicable)",
            p.missing,
            "Cases in this report whose policy could not be applied",
        ),
    )


def durations_of(p: Populations) -> dict[str, int]:
    """Days to respond of each case closed in the period, by reference."""
    tz = p.period.tz
    return {case.reference: days_to_respond(case, closure, tz) for case, closure in p.closed}


def days_to_respond_figures(p: Populations, durations: Mapping[str, int]) -> tuple[Figure, ...]:
    """Median, 90th percentile and longest days to respond, and the median on the law's
    clock; each None (with no cases) when nothing was closed in the period."""
    population = f"Cases closed in {p.period.label}"
    if not durations:
        return tuple(
            Figure(key, label, None, "days", (), population, of=0) for key, label in _TIMING
        )
    values = list(durations.values())
    p90 = percentile_nearest_rank(values, 90)
    longest = max(values)
    closed_refs = refs_of(p.closed_cases)
    statutory = {c.reference: statutory_days_to_respond(c, cl, p.period.tz) for c, cl in p.closed}
    return (
        Figure(*_TIMING[0], _median(values), "days", closed_refs, population, of=len(values)),
        Figure(
            *_TIMING[1],
            p90,
            "days",
            _refs_where(durations, lambda d: d >= p90),
            f"{population} that took {p90} days or more",
            of=len(values),
        ),
        Figure(
            *_TIMING[2],
            longest,
            "days",
            _refs_where(durations, lambda d: d == longest),
            f"{population} that took the longest ({longest} days)",
            of=len(values),
        ),
        Figure(
            *_TIMING[3],
            _median(list(statutory.values())),
            "days",
            closed_refs,
            f"{population}; days awaiting the requester count where the law's clock runs",
            of=len(values),
        ),
    )


_TIMING: tuple[tuple[str, str], ...] = (
    ("days_to_respond.median", "Median days to respond"),
    ("days_to_respond.p90", "90th percentile days to respond"),
    ("days_to_respond.max", "Longest days to respond"),
    ("days_to_respond.statutory_median", "Median days on the law's clock"),
)


def _median(values: Sequence[int]) -> int | float:
    """The median as an int when it is whole (7, not 7.0)."""
    middle = statistics.median(values)
    return float(middle) if middle != int(middle) else int(middle)


def _refs_where(durations: Mapping[str, int], keep: Callable[[int], bool]) -> tuple[str, ...]:
    return tuple(sorted(ref for ref, days in durations.items() if keep(days)))
