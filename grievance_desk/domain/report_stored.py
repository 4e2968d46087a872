"""The stored form of reports, trend points and case facts (JSON-ready data), for the
report cache: what is written is exactly what is read back."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime
from typing import Any

from grievance_desk.domain.report_model import (
    Breakdown,
    CaseFacts,
    CaseRow,
    Closure,
    Definition,
    Figure,
    Report,
    TrendPoint,
)
from grievance_desk.domain.report_period import ReportPeriod, report_moment
from grievance_desk.messages import _

__all__ = [
    "facts_from_data",
    "facts_to_data",
    "report_from_data",
    "report_to_data",
    "trend_point_from_data",
    "trend_point_to_data",
]


def _figure_data(figure: Figure) -> list[object]:
    return [
        figure.key,
        figure.label,
        figure.value,
        figure.unit,
        list(figure.references),
        figure.drill_down,
        figure.count,
        figure.of,
        figure.share,
    ]


def _figure_from(data: list[Any]) -> Figure:
    key, label, value, unit, references, drill, count, of, share = data
    return Figure(key, label, value, unit, tuple(references), drill, count, of, share)


def trend_point_to_data(point: TrendPoint) -> list[Any]:
    """One trend month as JSON-ready data (a finished month's point is kept on its own)."""
    return [
        point.period_key,
        point.label,
        *(_figure_data(f) for f in (point.received, point.closed, point.on_time)),
    ]


def trend_point_from_data(data: list[Any]) -> TrendPoint:
    """The point `trend_point_to_data` stored; KeyError/TypeError/ValueError if damaged."""
    key, label, received, closed, on_time = data
    return TrendPoint(
        key, label, _figure_from(received), _figure_from(closed), _figure_from(on_time)
    )


_CASE_COLUMNS = tuple(f.name for f in fields(CaseRow))


def report_to_data(report: Report) -> dict[str, Any]:
    """The report's figures, rows and definitions as JSON-ready data (for the report cache).

    Leaves out what the caller supplies again: the organisation, the period (with its time
    zone) and the moments ``generated_at``/``as_at``. JSON keeps ints, floats (exactly, by
    repr), strings and None apart, so `report_from_data` gives back an equal report.
    """
    return {
        "headline": [_figure_data(f) for f in report.headline],
        "days_to_respond": [_figure_data(f) for f in report.days_to_respond],
        "breakdowns": [
            [b.key, b.label, b.dimension, b.total, [_figure_data(f) for f in b.rows]]
            for b in report.breakdowns
        ],
        "ageing": [_figure_data(f) for f in report.ageing],
        "trend": [trend_point_to_data(p) for p in report.trend],
        "case_columns": list(_CASE_COLUMNS),
        "cases": [[getattr(row, name) for name in _CASE_COLUMNS] for row in report.cases],
        "definitions": [[d.term, d.text] for d in report.definitions],
    }


def report_from_data(
    data: dict[str, Any],
    period: ReportPeriod,
    *,
    now: datetime,
    organisation: str,
) -> Report:
    """The report `report_to_data` stored, for ``period`` made at ``now`` for ``organisation``.

    Raises ValueError when the data is not in this version's shape (then compute afresh).
    """
    if data.get("case_columns") != list(_CASE_COLUMNS):
        raise ValueError(_("stored report rows have other columns"))
    try:
        return Report(
            organisation=organisation,
            period=period,
            generated_at=now,
            as_at=report_moment(period, now),
            headline=tuple(_figure_from(f) for f in data["headline"]),
            days_to_respond=tuple(_figure_from(f) for f in data["days_to_respond"]),
            breakdowns=tuple(
                Breakdown(key, label, dimension, total, tuple(_figure_from(f) for f in rows))
                for key, label, dimension, total, rows in data["breakdowns"]
            ),
            ageing=tuple(_figure_from(f) for f in data["ageing"]),
            trend=tuple(trend_point_from_data(p) for p in data["trend"]),
            cases=tuple(CaseRow(*row) for row in data["cases"]),
            definitions=tuple(Definition(term, text) for term, text in data["definitions"]),
        )
    except (KeyError, TypeError) as error:
        raise ValueError(_("stored report is damaged ({error})").format(error=error)) from None


def _moment(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _read_moment(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def facts_to_data(case: CaseFacts) -> list[Any]:
    """One case's facts as JSON-ready data (moments as ISO 8601 with their offset)."""
    return [
        case.reference,
        case.request_type,
        case.channel,
        case.policy_id,
        _moment(case.received_at),
        _moment(case.acknowledged_at),
        _moment(case.acknowledge_by),
        [
            [_moment(c.closed_at), _moment(c.clock_started_at), _moment(c.respond_by), c.outcome]
            for c in case.closures
        ],
        [_moment(r) for r in case.reopenings],
        [_moment(r) for r in case.responses],
        [
            [first.isoformat(), None if last is None else last.isoformat()]
            for first, last in case.pauses
        ],
        _moment(case.respond_by_at_end),
        case.has_policy,
        case.status_now,
        case.kind,
        case.pauses_stop_clock,
    ]


def facts_from_data(data: list[Any]) -> CaseFacts:
    """The facts `facts_to_data` stored: the same moments, dates and values."""
    (
        reference,
        request_type,
        channel,
        policy_id,
        received_at,
        acknowledged_at,
        acknowledge_by,
        closures,
        reopenings,
        responses,
        pauses,
        respond_by_at_end,
        has_policy,
        status_now,
        *extra,
    ) = data
    # Entries stored before issue 14 lack the last two (the cache format was bumped too).
    kind, pauses_stop_clock = (*extra, "rights_request", True)[:2]
    received = _read_moment(received_at)
    assert received is not None
    return CaseFacts(
        reference=reference,
        request_type=request_type,
        channel=channel,
        policy_id=policy_id,
        received_at=received,
        acknowledged_at=_read_moment(acknowledged_at),
        acknowledge_by=_read_moment(acknowledge_by),
        closures=tuple(
            Closure(
                datetime.fromisoformat(closed),
                datetime.fromisoformat(started),
                _read_moment(due),
                outcome,
            )
            for closed, started, due, outcome in closures
        ),
        reopenings=tuple(datetime.fromisoformat(r) for r in reopenings),
        responses=tuple(datetime.fromisoformat(r) for r in responses),
        pauses=tuple(
            (date.fromisoformat(first), None if last is None else date.fromisoformat(last))
            for first, last in pauses
        ),
        respond_by_at_end=_read_moment(respond_by_at_end),
        has_policy=has_policy,
        status_now=status_now,
        kind=str(kind),
        pauses_stop_clock=bool(pauses_stop_clock),
    )
