"""The summary PDF: headline figures in its text, charts, definitions, "Page x of y"."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from grievance_desk.documents.report_pdf import render_report_pdf
from grievance_desk.domain.report_figures import build_report
from grievance_desk.domain.report_model import CaseFacts, Closure, Report
from grievance_desk.domain.report_period import month_period

IST = ZoneInfo("Asia/Kolkata")


def at(day: str, hour: int = 10) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(hour), tzinfo=IST)


def end_of(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time.max, tzinfo=IST)


def sample_report(extra_open: int = 0) -> Report:
    facts = [
        CaseFacts(
            reference="TST-2026-00001",
            request_type="access",
            channel="email",
            policy_id="org-default",
            received_at=at("2026-10-02"),
            acknowledged_at=at("2026-10-03"),
            acknowledge_by=end_of("2026-10-04"),
            closures=(
                Closure(at("2026-10-12"), at("2026-10-02"), end_of("2026-11-01"), "fulfilled"),
            ),
        ),
        CaseFacts(
            reference="TST-2026-00002",
            request_type="erasure",
            channel="web_form",
            policy_id="org-default",
            received_at=at("2026-09-01"),
            acknowledged_at=at("2026-09-05"),
            acknowledge_by=end_of("2026-09-03"),
            closures=(
                Closure(at("2026-10-08"), at("2026-09-01"), end_of("2026-10-01"), "refused"),
            ),
        ),
        CaseFacts(
            reference="TST-2026-00003",
            request_type="correction",
            channel="post",
            policy_id="org-default",
            received_at=at("2026-08-20"),
            respond_by_at_end=end_of("2026-09-19"),
        ),
    ]
    facts += [
        CaseFacts(
            reference=f"TST-2026-{100 + n:05d}",
            request_type="marketing_opt_out",
            channel="email",
            policy_id="org-default",
            received_at=at("2026-10-05"),
            respond_by_at_end=end_of("2026-11-04"),
        )
        for n in range(extra_open)
    ]
    return build_report(
        facts,
        month_period(2026, 10, IST),
        now=at("2026-11-25", 15),
        organisation="Fictional Test Company (TEST)",
    )


def text_of(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_shows_the_headline_figures_and_the_appendix() -> None:
    report = sample_report()
    pdf = render_report_pdf(report)
    assert pdf.startswith(b"%PDF")
    pages, text = text_of(pdf)
    flat = " ".join(text.split())
    assert "Fictional Test Company (TEST) · October 2026 · generated 25 Nov 2026 15:00 IST" in flat
    for figure in (*report.headline, *report.days_to_respond):
        assert figure.label in flat, figure.label
    assert "Received 2" in flat or "2 Received" in flat
    assert "50.0%" in flat  # responses on time: 1 of 2
    assert "1 of 2" in flat
    assert "TST-2026-00003" in flat  # overdue: listed by reference
    for chart_title in ("Received by request type", "12-month trend", "Ageing of cases open"):
        assert chart_title in flat
    assert "Appendix: definitions" in flat and "nearest-rank" in flat
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in flat


def test_the_same_report_gives_the_same_bytes_and_a_big_one_still_lays_out() -> None:
    assert render_report_pdf(sample_report()) == render_report_pdf(sample_report())
    pages, text = text_of(render_report_pdf(sample_report(extra_open=400)))
    assert pages >= 3
    assert "Open at end" in text


def test_an_empty_month_renders_without_data() -> None:
    report = build_report([], month_period(2026, 10, IST), now=at("2026-11-25"))
    pages, text = text_of(render_report_pdf(report))
    assert pages >= 2 and "Organisation not set" in text


def test_the_pdf_splits_by_kind_and_adds_the_it_rules_layout_when_asked() -> None:
    """Issue 14 defect 9: received/redressed by kind always; IT Rules r.4(1)(d) for a
    significant social media intermediary only."""
    plain = sample_report()
    _, text = text_of(render_report_pdf(plain))
    flat = " ".join(text.split())
    assert "Received by kind" in flat and "Redressed by kind" in flat
    assert "r.4(1)(d)" not in flat
    compliance = build_report(
        [],
        month_period(2026, 10, IST),
        now=at("2026-11-25", 15),
        organisation="Fictional Test Company (TEST)",
        it_rules_compliance=True,
    )
    keys = {b.key for b in compliance.breakdowns}
    assert {"it_rules_received_by_category", "it_rules_action_taken"} <= keys
    _, text = text_of(render_report_pdf(compliance))
    flat = " ".join(text.split())
    for breakdown in compliance.breakdowns:
        if breakdown.key.startswith("it_rules_"):
            assert " ".join(breakdown.label.split()) in flat, breakdown.label
