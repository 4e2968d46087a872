"""Reports from a real register with known dates: every figure hand-computed below.

The register (all times Asia/Kolkata, policy org-default: acknowledge in 2 days, respond in
30 days counted from the day after receipt, one 30-day extension, the clock stops while
awaiting the requester; no roll-forward). Report: October 2026, made on 25 November 2026.

    A  rec 10-01 03:00 (Sep 30 in UTC!)  ack 10-02  closed 10-20 fulfilled    due 10-31  19 days
    B  rec 09-01   ack 09-02  closed 10-05 partly fulfilled   due 10-01 → LATE            34 days
    C  rec 09-20   ack 09-23 (due 09-22: ack late)  paused 09-25..10-05 (11 days)
       closed 10-25 fulfilled   due 10-20 + 11 = 10-31 → on time    35 − 11 paused = 24 days
    D  rec 09-10   ack 09-11  extended 09-30  closed 10-28 no data held
       due 10-10 + 30 = 11-09 → on time (late without the extension)                48 days
    E  rec 08-03   ack 08-04  closed 08-20, reopened 10-02, closed 10-30 fulfilled
       new clock from 10-02: due 11-01 → on time                                     28 days
    M  rec 09-25   ack 09-25  response sent 10-24, closed 10-29 withdrawn
       due 10-25: answered 10-24 → on time                                           29 days
    F  rec 10-31 23:30 (last day, late evening), web form, still new                age 0
    G  rec 11-01 00:30 (still 10-31 in UTC): November's, not October's
    I  rec 09-15  ack 09-20  in progress; due 10-15 → overdue at the end           age 46
    J  rec 10-10 erasure  ack 10-10  awaiting clarification since 10-20 (still)    age 21
    K  rec 10-15 correction  ack 10-16  closed 11-10: open at October's end        age 16
    L  rec 2025-06-01 closed 2025-06-10: outside the 12-month window, never read

October: received A F J K = 4; closed A B C D E M = 6; open at end F I J K = 4; overdue I;
awaiting J; on time 5 of 6 = 83.3 % (late B); acknowledgements 5 of 6 = 83.3 % (late C);
days 19 24 28 29 34 48: median 28.5, 90th percentile (nearest rank ⌈5.4⌉ = 6th) 48, max 48.
"""

from __future__ import annotations

import io
import json
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from sqlalchemy import event

from grievance_desk.domain.case_types import Channel, Outcome, RequestType
from grievance_desk.domain.report_period import PeriodError, month_period, trend_periods
from grievance_desk.domain.workflow import Action
from grievance_desk.services import report_export, report_read, reports
from grievance_desk.services.case_deadlines import extend_case
from grievance_desk.services.cases import change_status, register_case
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from tests.support.closing import close_with_reply
from tests.support.drafts import make_draft

IST = ZoneInfo("Asia/Kolkata")
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=IST)
OCTOBER = date(2026, 10, 1)
PERSON_NAME = "Test Person Alpha"
PERSON_EMAIL = "alpha@example.org"
DESCRIPTION = "Please send me a copy of my account data (test case)."


def at(day: str, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(hour, minute), tzinfo=IST)


def new(register: Register, received: datetime, **kw: Any) -> str:
    kw.setdefault("policy_id", "org-default")
    return register_case(register, make_draft(received_at=received, **kw), now=received)


def move(register: Register, ref: str, action: Action, when: datetime, **kw: Any) -> None:
    change_status(register, ref, action, now=when, **kw)


def close(register: Register, ref: str, when: datetime, outcome: Outcome) -> None:
    close_with_reply(register, ref, now=when, outcome=outcome)


@pytest.fixture
def refs(register: Register) -> dict[str, str]:
    with register.writing() as session:
        put_setting(session, "organisation.name", "Fictional Test Company (TEST)")
    r: dict[str, str] = {}
    r["L"] = new(register, at("2025-06-01"))
    move(register, r["L"], Action.ACKNOWLEDGE, at("2025-06-02"))
    close(register, r["L"], at("2025-06-10"), Outcome.FULFILLED)

    r["E"] = new(register, at("2026-08-03"))
    move(register, r["E"], Action.ACKNOWLEDGE, at("2026-08-04"))
    close(register, r["E"], at("2026-08-20"), Outcome.FULFILLED)

    r["B"] = new(register, at("2026-09-01"))
    move(register, r["B"], Action.ACKNOWLEDGE, at("2026-09-02"))

    r["D"] = new(register, at("2026-09-10"))
    move(register, r["D"], Action.ACKNOWLEDGE, at("2026-09-11"))

    r["I"] = new(register, at("2026-09-15"))
    move(register, r["I"], Action.ACKNOWLEDGE, at("2026-09-20"))
    move(register, r["I"], Action.START_WORK, at("2026-09-21"))

    r["C"] = new(register, at("2026-09-20"))
    move(register, r["C"], Action.ACKNOWLEDGE, at("2026-09-23"))
    move(register, r["C"], Action.REQUEST_IDENTITY_PROOF, at("2026-09-25"))

    r["M"] = new(register, at("2026-09-25"))
    move(register, r["M"], Action.ACKNOWLEDGE, at("2026-09-25", 12))
    move(register, r["M"], Action.START_WORK, at("2026-09-26"))

    extend_case(register, r["D"], now=at("2026-09-30"), reason="Complex request (test)")

    r["A"] = new(register, at("2026-10-01", 3, 0))
    move(register, r["A"], Action.ACKNOWLEDGE, at("2026-10-02"))
    move(register, r["E"], Action.REOPEN, at("2026-10-02"))
    close(register, r["B"], at("2026-10-05"), Outcome.PARTLY_FULFILLED)
    move(register, r["C"], Action.RESUME, at("2026-10-05"))

    r["J"] = new(register, at("2026-10-10"), request_type=RequestType.ERASURE)
    move(register, r["J"], Action.ACKNOWLEDGE, at("2026-10-10", 11))
    r["K"] = new(register, at("2026-10-15"), request_type=RequestType.CORRECTION)
    move(register, r["K"], Action.ACKNOWLEDGE, at("2026-10-16"))
    move(register, r["J"], Action.REQUEST_CLARIFICATION, at("2026-10-20"))
    close(register, r["A"], at("2026-10-20", 12), Outcome.FULFILLED)
    move(register, r["M"], Action.SEND_RESPONSE, at("2026-10-24"))
    close(register, r["C"], at("2026-10-25"), Outcome.FULFILLED)
    close(register, r["D"], at("2026-10-28"), Outcome.NO_DATA_HELD)
    close(register, r["M"], at("2026-10-29"), Outcome.WITHDRAWN)
    close(register, r["E"], at("2026-10-30"), Outcome.FULFILLED)
    r["F"] = new(register, at("2026-10-31", 23, 30), channel=Channel.WEB_FORM)
    r["G"] = new(register, at("2026-11-01", 0, 30))
    close(register, r["K"], at("2026-11-10"), Outcome.FULFILLED)
    return r


def refs_of(r: dict[str, str], letters: str) -> list[str]:
    return sorted(r[x] for x in letters)


def test_october_figures_are_exactly_the_hand_computed_ones(
    register: Register, refs: dict[str, str]
) -> None:
    report = reports.monthly_report(register, month=OCTOBER, now=NOW)
    fig = report.figure
    assert report.organisation == "Fictional Test Company (TEST)"
    assert report.period.label == "October 2026" and report.complete

    assert (fig("received").value, list(fig("received").references)) == (
        4,
        refs_of(refs, "AFJK"),
    )
    assert list(fig("closed").references) == refs_of(refs, "ABCDEM")
    assert list(fig("open_at_end").references) == refs_of(refs, "FIJK")
    assert list(fig("overdue_at_end").references) == [refs["I"]]
    assert list(fig("awaiting_requester_at_end").references) == [refs["J"]]

    on_time = fig("on_time_response")
    assert (on_time.value, on_time.count, on_time.of) == (83.3, 5, 6)
    assert list(on_time.references) == refs_of(refs, "ACDEM")
    assert list(fig("late_response").references) == [refs["B"]]
    ack = fig("on_time_acknowledgement")
    assert (ack.value, ack.count, ack.of) == (83.3, 5, 6)
    assert list(fig("late_acknowledgement").references) == [refs["C"]]
    assert fig("no_deadline").value == 0

    assert fig("days_to_respond.median").value == 28.5
    assert fig("days_to_respond.p90").value == 48
    assert fig("days_to_respond.max").value == 48
    assert list(fig("days_to_respond.max").references) == [refs["D"]]
    days = {row.reference: row.days_to_respond for row in report.cases}
    assert {x: days[refs[x]] for x in "ABCDEM"} == {
        "A": 19, "B": 34, "C": 24, "D": 48, "E": 28, "M": 29,
    }  # fmt: skip

    ageing = {f.key: list(f.references) for f in report.ageing}
    assert ageing == {
        "ageing.0-7": [refs["F"]],
        "ageing.8-15": [],
        "ageing.16-30": refs_of(refs, "JK"),
        "ageing.31-60": [refs["I"]],
        "ageing.61-90": [],
        "ageing.over-90": [],
    }

    types = {f.key: (f.count, f.share) for f in report.breakdowns[0].rows if f.count}
    assert types == {
        "by_request_type.access": (2, 50.0),
        "by_request_type.erasure": (1, 25.0),
        "by_request_type.correction": (1, 25.0),
    }
    channels = {f.key: (f.count, f.share) for f in report.breakdowns[1].rows if f.count}
    assert channels == {"by_channel.email": (3, 75.0), "by_channel.web_form": (1, 25.0)}
    outcomes = {f.key: (f.count, f.share) for f in report.breakdowns[2].rows if f.count}
    assert outcomes == {
        "by_outcome.fulfilled": (3, 50.0),
        "by_outcome.partly_fulfilled": (1, 16.7),
        "by_outcome.no_data_held": (1, 16.7),
        "by_outcome.withdrawn": (1, 16.7),
    }
    assert [(f.key, f.count) for f in report.breakdowns[3].rows] == [("by_policy.org-default", 4)]

    trend = {
        p.period_key: (p.received.value, p.closed.value, p.on_time.value) for p in report.trend
    }
    assert list(trend) == [p.key for p in trend_periods(month_period(2026, 10, IST))]
    assert trend["2026-08"] == (1, 1, 100.0)
    assert trend["2026-09"] == (5, 0, None)
    assert trend["2026-10"] == (4, 6, 83.3)
    assert all(v == (0, 0, None) for k, v in trend.items() if k < "2026-08")

    everywhere = {r for f in report.figures() for r in f.references}
    assert refs["L"] not in everywhere and refs["G"] not in everywhere
    assert refs["G"] not in {row.reference for row in report.cases}


def test_november_takes_the_case_received_after_midnight_local_time(
    register: Register, refs: dict[str, str]
) -> None:
    report = reports.monthly_report(register, month=date(2026, 11, 3), now=NOW)
    assert not report.complete
    assert list(report.figure("received").references) == [refs["G"]]
    assert list(report.figure("closed").references) == [refs["K"]]
    # J is still waiting for clarification now; F, G and I are open too.
    assert list(report.figure("awaiting_requester_at_end").references) == [refs["J"]]
    assert list(report.figure("open_at_end").references) == refs_of(refs, "FGIJ")


def test_the_year_report_and_the_default_period(register: Register, refs: dict[str, str]) -> None:
    year = reports.monthly_report(register, year=2026, now=NOW)
    assert year.period.key == "2026"
    assert list(year.figure("received").references) == refs_of(refs, "ABCDEFGIJKM")
    # E closed twice in 2026 counts once; K closed in November.
    assert list(year.figure("closed").references) == refs_of(refs, "ABCDEKM")
    assert year.trend[0].period_key == "2026-01"
    default = reports.monthly_report(register, now=NOW)
    assert default.period.key == "2026-10"
    with pytest.raises(PeriodError, match="not begun"):
        reports.monthly_report(register, month=date(2027, 1, 1), now=NOW)


def test_only_cases_that_can_matter_are_read_and_in_few_queries(
    register: Register, refs: dict[str, str]
) -> None:
    period = month_period(2026, 10, IST)
    with register.reading() as session:
        window = report_read.read_window(session, trend_periods(period)[0].start_at, period.end_at)
    assert set(window.ids) == set(window.rows)  # nothing stored is used without ``known``
    assert refs["L"] not in {row.reference for row in window.rows.values()}
    assert refs["G"] not in {row.reference for row in window.rows.values()}

    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(register.engine, "before_cursor_execute", count)
    try:
        reports.monthly_report(register, month=OCTOBER, now=NOW, use_cache=False)
    finally:
        event.remove(register.engine, "before_cursor_execute", count)
    # a fixed few, never one per case (the 14th reads the chain head the PDF prints)
    assert len(statements) <= 14, statements


def test_json_csv_and_xlsx_agree_and_carry_no_personal_data(
    register: Register, refs: dict[str, str], tmp_path: Path
) -> None:
    report = reports.monthly_report(register, month=OCTOBER, now=NOW)
    data = report_json = report_export.report_json(report)
    assert json.loads(json.dumps(data)) == data
    assert data["headline"]["received"]["value"] == 4
    assert data["headline"]["on_time_response"]["references"] == refs_of(refs, "ACDEM")
    assert data["breakdowns"]["by_outcome"]["total"] == 6
    assert data["period"] == {
        "key": "2026-10",
        "label": "October 2026",
        "first_day": "2026-10-01",
        "last_day": "2026-10-31",
        "time_zone": "Asia/Kolkata",
    }
    assert [d["term"] for d in data["definitions"]][:2] == ["Received", "Closed"]

    book = openpyxl.load_workbook(io.BytesIO(report_export.export_report(report, "xlsx")))
    assert book.sheetnames[0] == "Summary" and "Cases" in book.sheetnames
    summary = {row[0]: row for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    for key, figure in {**report_json["headline"], **report_json["days_to_respond"]}.items():
        assert summary[key][2] == figure["value"], key
        assert (summary[key][7] or "").split() == figure["references"], key
    by_type = {
        r[0]: r for r in book["Received by request type"].iter_rows(min_row=2, values_only=True)
    }
    for row in report_json["breakdowns"]["by_request_type"]["rows"]:
        assert by_type[row["code"]][2:4] == (row["count"], row["share"])
    trend = list(book["Trend"].iter_rows(min_row=2, values_only=True))
    assert [(t[0], t[2], t[3], t[4]) for t in trend] == [
        (p["period"], p["received"]["value"], p["closed"]["value"], p["on_time"]["value"])
        for p in report_json["trend"]
    ]
    cases = list(book["Cases"].iter_rows(values_only=True))
    assert [c[0] for c in cases[1:]] == [c["reference"] for c in report_json["cases"]]

    csv_text = report_export.export_report(report, "csv").decode("utf-8-sig")
    lines = csv_text.splitlines()
    assert lines[0] == "period,measure,dimension,value"
    assert "2026-10,received,,4" in lines
    assert "2026-10,on_time_response,,83.3" in lines
    assert "2026-10,by_request_type,access,2" in lines
    assert "2026-10,ageing,16-30,2" in lines
    assert "2026-08,on_time_response,,100.0" in lines

    exported = report_export.export_report(report, "json").decode("utf-8")
    assert json.loads(exported) == json.loads(json.dumps(report_export.report_json(report)))
    case_lines = [line for line in exported.splitlines() if '"reference": "GRV-' in line]
    assert len(case_lines) == len(report.cases) > 0  # one case per line

    pdf = report_export.export_report(report, "pdf")
    assert pdf.startswith(b"%PDF")
    for fmt in ("json", "csv"):
        text = report_export.export_report(report, fmt).decode("utf-8-sig")
        for secret in (PERSON_NAME, PERSON_EMAIL, DESCRIPTION, "example.org"):
            assert secret not in text, (fmt, secret)
    xlsx_text = " ".join(
        str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row
    )
    assert PERSON_NAME not in xlsx_text and PERSON_EMAIL not in xlsx_text
    assert DESCRIPTION not in xlsx_text


def test_drill_down_gives_exactly_the_cases_behind_a_figure(
    register: Register, refs: dict[str, str]
) -> None:
    report = reports.monthly_report(register, month=OCTOBER, now=NOW)
    drill = reports.drill_down(report, "overdue_at_end")
    assert drill.references == (refs["I"],)
    assert drill.title == "Overdue at end — October 2026"
    assert "overdue" in drill.description
    assert reports.drill_down(report, "by_request_type.erasure").references == (refs["J"],)
    assert reports.drill_down(report, "trend.2026-08.closed").references == (refs["E"],)
    with pytest.raises(KeyError, match="no figure"):
        reports.drill_down(report, "nonsense")
    keys = [f.key for f in report.figures()]
    assert len(keys) == len(set(keys))


def test_a_case_under_a_policy_not_in_force_is_listed_not_guessed(register: Register) -> None:
    ref = new(register, at("2026-10-05"), policy_id="dpdp-2025")  # in force from 2027-05-13
    report = reports.monthly_report(register, month=OCTOBER, now=NOW)
    assert list(report.figure("no_deadline").references) == [ref]
    assert report.figure("overdue_at_end").value == 0
    assert list(report.figure("open_at_end").references) == [ref]


def test_progress_is_reported_and_an_empty_register_gives_empty_figures(
    register: Register,
) -> None:
    calls: list[tuple[int, int]] = []
    report = reports.monthly_report(
        register, month=OCTOBER, now=NOW, progress=lambda d, t: calls.append((d, t))
    )
    assert calls == []
    assert report.figure("received").value == 0
    assert report.figure("days_to_respond.median").value is None
    assert report.figure("on_time_response").value is None
    for fmt in report_export.FORMATS:
        assert report_export.export_report(report, fmt)
