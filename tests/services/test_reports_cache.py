"""The report cache gives exactly what a fresh computation gives, whatever changed since.

Uses the register of known dates from test_reports.py. Every check compares the report the
app would show (the cache used) with one computed from scratch (``use_cache=False``), field
for field, after each kind of change that can alter a finished month: a reopening, a
closing, an edit, a pause, an extension, a settings or holiday change, a time-zone change,
a purge; and a change that races with the computation is never cached.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from sqlalchemy import event, select, text

from grievance_desk.domain.case_types import Outcome, RequestType
from grievance_desk.domain.report_model import Report
from grievance_desk.domain.report_stored import report_from_data, report_to_data
from grievance_desk.domain.workflow import Action
from grievance_desk.services import report_cache, report_read, reports
from grievance_desk.services.case_deadlines import extend_case
from grievance_desk.services.cases import change_status, find_case, officer_zone, update_case
from grievance_desk.services.policy_settings import (
    add_days_off,
    load_policy_settings,
    set_default_policy,
)
from grievance_desk.services.retention import purge, purge_plan
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from grievance_desk.storage.tables import ReportCache
from tests.services import test_reports as base
from tests.support.closing import close_with_reply

refs = base.refs  # the register of known dates, as a fixture here too
IST = base.IST
NOW = base.NOW  # 25 November 2026
LATER = datetime(2026, 12, 20, 12, 0, tzinfo=IST)
OCTOBER = base.OCTOBER


def months(first: date, last: date) -> list[date]:
    found, month = [], first
    while month <= last:
        found.append(month)
        month += relativedelta(months=1)
    return found


def cached_keys(register: Register) -> set[str]:
    with register.reading() as session:
        return set(session.scalars(select(ReportCache.period_key)))


def digest(register: Register) -> str | None:
    with register.reading() as session:
        found = session.get(ReportCache, "2026-10")
        return None if found is None else found.settings_digest


def current_digest(register: Register) -> str:
    with register.reading() as session:
        return report_cache.settings_digest(load_policy_settings(session), officer_zone(session))


def same_as_fresh(register: Register, now: datetime, **period: Any) -> Report:
    """The report as the app makes it equals a fresh one: made with what is stored (closed
    cases' facts, finished periods' reports), stored, served, and made from stored facts."""
    fresh = reports.monthly_report(register, now=now, use_cache=False, **period)
    first = reports.monthly_report(register, now=now, **period)
    second = reports.monthly_report(register, now=now, **period)
    with register.writing() as session:
        session.execute(text("DELETE FROM report_cache"))
    from_facts = reports.monthly_report(register, now=now, **period)
    assert first == fresh
    assert second == fresh
    assert from_facts == fresh
    return fresh


def stored_facts(register: Register) -> int:
    with register.reading() as session:
        return int(session.scalar(text("SELECT count(*) FROM report_case_facts")) or 0)


def stored_references(register: Register, *, day_bound: bool = False) -> set[str]:
    """The cases whose report facts are kept (only those kept for one day, if ``day_bound``)."""
    settings = current_digest(register)
    with register.reading() as session:
        rows = session.execute(text("SELECT settings_digest, content FROM report_case_facts"))
        return {
            json.loads(content)[0]
            for digest_, content in rows
            if not day_bound or digest_ != settings
        }


def every_period_same_as_fresh(register: Register, now: datetime) -> None:
    last = now.astimezone(IST).date().replace(day=1)
    for month in months(date(2025, 5, 1), last):
        same_as_fresh(register, now, month=month)
    for year in (2025, 2026):
        same_as_fresh(register, now, year=year)


def test_stored_form_gives_back_an_equal_report(register: Register, refs: dict[str, str]) -> None:
    report = reports.monthly_report(register, month=OCTOBER, now=NOW, use_cache=False)
    data = report_to_data(report)
    again = report_from_data(data, report.period, now=NOW, organisation=report.organisation)
    # The chain head is not stored (it moves with every event); monthly_report adds it.
    assert again == replace(report, chain_head="")
    assert isinstance(again.figure("days_to_respond.median").value, float)
    with pytest.raises(ValueError, match="other columns"):
        report_from_data({**data, "case_columns": ["x"]}, report.period, now=NOW, organisation="")


def test_finished_periods_are_cached_and_served_without_reading_cases(
    register: Register, refs: dict[str, str]
) -> None:
    every_period_same_as_fresh(register, NOW)
    for month in months(date(2025, 5, 1), date(2026, 11, 1)):
        reports.monthly_report(register, month=month, now=NOW)
    reports.monthly_report(register, year=2025, now=NOW)
    keys = cached_keys(register)
    assert {"2025-05", "2026-10", "2025"} <= keys
    # A period still running (November 2026, the year 2026) is never stored.
    assert "2026-11" not in keys and "2026" not in keys
    # Stable facts are kept: the closed cases L B C D E M A K, the open F G I, and J (its
    # clock stands still while it awaits the requester) for that day only.
    assert stored_references(register) == {refs[name] for name in "LBCDEMAKFGIJ"}
    assert stored_references(register, day_bound=True) == {refs["J"]}
    # Finished months' trend points are kept on their own; the running month's is not.
    assert {"t2025-05", "t2026-10"} <= keys and "t2026-11" not in keys

    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(register.engine, "before_cursor_execute", count)
    try:
        reports.monthly_report(register, month=OCTOBER, now=NOW)
    finally:
        event.remove(register.engine, "before_cursor_execute", count)
    # Only the one-row read of the chain head (printed on the report) touches audit_event.
    head = "SELECT audit_event.id, audit_event.hash"
    assert not [
        s
        for s in statements
        if "grievance_case" in s or ("audit_event" in s and not s.startswith(head))
    ]
    assert any("report_cache" in s for s in statements)


def test_the_same_report_whenever_it_is_made_after_the_month(
    register: Register, refs: dict[str, str]
) -> None:
    october = same_as_fresh(register, NOW, month=OCTOBER)
    later = reports.monthly_report(register, month=OCTOBER, now=LATER)
    assert later.generated_at == LATER
    assert later == reports.monthly_report(register, month=OCTOBER, now=LATER, use_cache=False)
    assert later.headline == october.headline and later.cases == october.cases


@pytest.mark.parametrize(
    "change",
    [
        "reopen",
        "close",
        "status",
        "edit_received",
        "edit_policy",
        "pause",
        "extension",
        "days_off",
        "default_policy",
        "time_zone",
    ],
)
def test_every_kind_of_change_is_seen(
    register: Register, refs: dict[str, str], change: str
) -> None:
    every_period_same_as_fresh(register, NOW)
    before = reports.monthly_report(register, month=OCTOBER, now=LATER, use_cache=False)
    when = datetime(2026, 12, 2, 11, 0, tzinfo=IST)
    reports.monthly_report(register, month=OCTOBER, now=NOW)  # stored again
    old_digest = digest(register)
    facts_before = stored_facts(register)
    if change == "reopen":  # A closed in October, reopened in December
        change_status(register, refs["A"], Action.REOPEN, now=when)
    elif change == "close":  # I (overdue in October) closed in December
        close_with_reply(register, refs["I"], now=when, outcome=Outcome.FULFILLED)
    elif change == "status":
        change_status(register, refs["F"], Action.ACKNOWLEDGE, now=when)
    elif change == "edit_received":  # B moves from September into August
        update_case(
            register, refs["B"], {"received_at": datetime(2026, 8, 25, 9, tzinfo=IST)}, now=when
        )
    elif change == "edit_policy":
        update_case(register, refs["C"], {"policy_id": "dpdp-2025"}, now=when)
    elif change == "pause":
        change_status(register, refs["I"], Action.REQUEST_CLARIFICATION, now=when)
    elif change == "extension":
        extend_case(
            register,
            refs["I"],
            now=when,
            reason="Archived records (test)",
            notice_sent_at=datetime(2026, 10, 12, 10, tzinfo=IST),
        )
    elif change == "days_off":  # a holiday inside C's and A's clocks
        add_days_off(register, [date(2026, 10, 27), date(2026, 10, 28)], now=when)
    elif change == "default_policy":
        set_default_policy(register, RequestType.ERASURE.value, "gdpr", now=when)
    elif change == "time_zone":
        with register.writing() as session:
            put_setting(session, "officer.timezone", "Europe/London")
    if change in ("days_off", "default_policy", "time_zone"):
        # Settings are in the key: the entry stays but no longer matches.
        assert digest(register) == old_digest != current_digest(register)
    else:
        # The triggers dropped October (and every period ending after the case's receipt).
        assert "2026-10" not in cached_keys(register)
        if change in ("reopen", "edit_received", "edit_policy"):  # closed cases: A, B, C
            assert stored_facts(register) == facts_before - 1
    every_period_same_as_fresh(register, LATER)
    after = reports.monthly_report(register, month=OCTOBER, now=LATER)
    if change in ("reopen", "close", "status", "edit_received", "edit_policy", "time_zone"):
        assert after != before


def test_a_purge_is_seen(register: Register, refs: dict[str, str]) -> None:
    in_2030 = datetime(2030, 1, 15, 12, 0, tzinfo=IST)
    every_period_same_as_fresh(register, in_2030 - timedelta(days=400))
    plan = purge_plan(register, now=in_2030)
    assert refs["L"] in plan.references and refs["E"] in plan.references
    reports.monthly_report(register, month=date(2025, 6, 1), now=in_2030)
    assert "2025-06" in cached_keys(register)
    facts_before = stored_facts(register)
    purge(register, plan, now=in_2030)
    assert "2025-06" not in cached_keys(register)  # L, received then, was purged
    assert stored_facts(register) == facts_before - len(plan.references)
    every_period_same_as_fresh(register, in_2030 - timedelta(days=400))


def test_a_change_made_while_a_report_is_computed_is_not_cached_over(
    register: Register, refs: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = reports.compute

    def racing(*args: Any) -> Any:
        computed = real(*args)
        change_status(register, refs["J"], Action.RESUME, now=datetime(2026, 12, 1, tzinfo=IST))
        return computed

    monkeypatch.setattr(reports, "compute", racing)
    reports.monthly_report(register, month=OCTOBER, now=LATER)
    assert "2026-10" not in cached_keys(register)
    monkeypatch.setattr(reports, "compute", real)
    same_as_fresh(register, LATER, month=OCTOBER)


def test_a_case_received_after_a_period_leaves_its_cache_alone(
    register: Register, refs: dict[str, str]
) -> None:
    same_as_fresh(register, LATER, month=OCTOBER)
    change_status(register, refs["G"], Action.ACKNOWLEDGE, now=datetime(2026, 12, 3, tzinfo=IST))
    base.new(register, datetime(2026, 12, 4, 10, tzinfo=IST))
    assert "2026-10" in cached_keys(register)
    same_as_fresh(register, LATER, month=OCTOBER)


def test_a_damaged_entry_is_computed_afresh(register: Register, refs: dict[str, str]) -> None:
    same_as_fresh(register, NOW, month=OCTOBER)
    with register.writing() as session:
        session.execute(text("UPDATE report_cache SET content = x'00'"))
    same_as_fresh(register, NOW, month=OCTOBER)


def test_the_triggers_cover_every_case_column_the_report_reads(register: Register) -> None:
    with register.reading() as session:
        sql = session.scalar(
            text("SELECT sql FROM sqlite_master WHERE name = 'report_cache_case_update'")
        )
    assert sql is not None
    listed = re.search(r"UPDATE OF\s+(.*?)\s+ON grievance_case", sql, re.S)
    assert listed is not None
    watched = {name.strip() for name in listed.group(1).split(",")}
    # kind (read since issue 14) has no column of its own in the trigger: it changes only
    # through update_case, which always sets updated_at, and that column is watched.
    assert "updated_at" in watched
    read = {column.key for column in report_read.CASE_COLUMNS} - {"id", "kind"}
    assert read <= watched


def test_an_open_case_kept_from_a_later_report_is_not_used_for_an_earlier_moment(
    register: Register, refs: dict[str, str]
) -> None:
    # J's clock stood still from 20 October; it starts again on 1 December.
    change_status(register, refs["J"], Action.RESUME, now=datetime(2026, 12, 1, 10, tzinfo=IST))
    same_as_fresh(register, LATER, month=date(2026, 12, 1))
    assert refs["J"] in stored_references(register)  # stable from 1 December
    # At the end of October (and on 25 November) J was still awaiting the requester: its
    # kept facts (the pause ended) must not be used for those moments.
    october = same_as_fresh(register, LATER, month=OCTOBER)
    assert refs["J"] in october.figure("awaiting_requester_at_end").references
    november = same_as_fresh(register, NOW, month=date(2026, 11, 1))
    assert refs["J"] in november.figure("awaiting_requester_at_end").references


def test_trend_points_are_kept_per_month_and_dropped_from_a_changed_case_s_month(
    register: Register, refs: dict[str, str]
) -> None:
    same_as_fresh(register, NOW, month=date(2026, 11, 1))  # the month still running
    earlier = {f"t{m:%Y-%m}" for m in months(date(2025, 12, 1), date(2026, 10, 1))}
    assert earlier <= cached_keys(register)
    # F was received at 23:30 on 31 October: October's point and later ones are dropped.
    change_status(register, refs["F"], Action.ACKNOWLEDGE, now=datetime(2026, 11, 26, tzinfo=IST))
    keys = cached_keys(register)
    assert "t2026-09" in keys and "t2026-10" not in keys
    same_as_fresh(register, LATER, month=date(2026, 11, 1))
    with register.writing() as session:
        session.execute(text("UPDATE report_cache SET content = x'00' WHERE period_key LIKE 't%'"))
    same_as_fresh(register, LATER, month=date(2026, 11, 1))


def test_the_running_month_reads_only_its_own_cases_once_earlier_months_are_kept(
    register: Register, refs: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    november = date(2026, 11, 1)
    reports.monthly_report(register, month=november, now=NOW)
    with register.reading() as session:
        rows = session.execute(text("SELECT id, reference FROM grievance_case"))
        reference_of = {case_id: reference for case_id, reference in rows}
    real_read = reports.read_window
    windows: list[Any] = []

    def recording(*args: Any, **kwargs: Any) -> Any:
        windows.append(real_read(*args, **kwargs))
        return windows[-1]

    monkeypatch.setattr(reports, "read_window", recording)
    reports.monthly_report(register, month=november, now=NOW, use_cache=False)
    read = {reference_of[case_id] for case_id in windows[-1].ids}
    # B: received in September, closed in October; needed for the trend only.
    assert refs["B"] in read
    reports.monthly_report(register, month=november, now=NOW)
    read = {reference_of[case_id] for case_id in windows[-1].ids}
    assert refs["B"] not in read and refs["K"] in read  # K was closed in November
    # Every case has stable facts by now (J's for today): no row is read to compute them.
    assert set(windows[-1].stored) == set(windows[-1].ids) and not windows[-1].rows


def test_a_stopped_clock_s_facts_are_kept_for_the_day_they_were_computed(
    register: Register, refs: dict[str, str]
) -> None:
    november = date(2026, 11, 1)
    same_as_fresh(register, NOW, month=november)  # 25 November, 15:00
    assert stored_references(register, day_bound=True) == {refs["J"]}
    # Later the same day they are used; the next day J's due date has moved on by a day.
    same_as_fresh(register, NOW + timedelta(hours=8), month=november)
    next_day = same_as_fresh(register, NOW + timedelta(hours=10), month=november)
    today = reports.monthly_report(register, month=november, now=NOW)

    def j_due(report: Report) -> str:
        return next(row.respond_by for row in report.cases if row.reference == refs["J"])

    assert j_due(next_day) > j_due(today)


def test_changing_a_cases_kind_refreshes_the_cached_month(
    register: Register, refs: dict[str, str]
) -> None:
    """The kind split (issue 14 item 9) follows an edited kind: updated_at fires the trigger."""
    reports.monthly_report(register, now=NOW, month=OCTOBER)  # stored
    assert "2026-10" in cached_keys(register)
    reference = next(iter(refs.values()))
    with register.reading() as session:
        kind = str(find_case(session, reference)[0].kind)
    other = "complaint" if kind == "rights_request" else "rights_request"
    update_case(register, reference, {"kind": other}, now=NOW)
    same_as_fresh(register, NOW, month=OCTOBER)
