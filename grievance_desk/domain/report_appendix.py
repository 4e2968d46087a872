"""The report's appendix: each figure's definition, quoted from the docstring of the
function that computes it, so the words exist only once."""

from __future__ import annotations

import inspect
from collections.abc import Callable

from grievance_desk.domain.report_definitions import (
    age_at_end,
    awaiting_requester_at_end,
    by_dimension,
    closed_in_period,
    days_to_respond,
    no_deadline,
    on_time_acknowledgements,
    on_time_responses,
    open_at_end,
    overdue_at_end,
    percentile_nearest_rank,
    received_in_period,
    statutory_days_to_respond,
)
from grievance_desk.domain.report_model import Definition
from grievance_desk.domain.report_trend import trend

__all__ = ["definitions"]


_DEFINED: tuple[Callable[..., object], ...] = (
    received_in_period,
    closed_in_period,
    open_at_end,
    overdue_at_end,
    awaiting_requester_at_end,
    on_time_responses,
    on_time_acknowledgements,
    days_to_respond,
    statutory_days_to_respond,
    percentile_nearest_rank,
    age_at_end,
    by_dimension,
    no_deadline,
    trend,
)


def definitions() -> tuple[Definition, ...]:
    """The appendix: each figure's definition, taken from the docstring that implements it.

    Each of those docstrings opens with "Term: definition", so the words exist only once.
    """
    found = []
    for function in _DEFINED:
        doc = " ".join((inspect.getdoc(function) or "").split())
        term, _, text = doc.partition(": ")
        found.append(Definition(term, text[:1].upper() + text[1:]))
    return tuple(found)
