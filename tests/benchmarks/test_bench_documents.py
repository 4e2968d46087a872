"""Case file, monthly report (figures as JSON, and the PDF) and one letter PDF.

The case file is the real CaseFile widget: from ``show_case`` to the timeline filled and
painted, for a generated case with exactly 50 timeline items. Reports and letters go through
the services the app and the CLI call.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import text

from grievance_desk.documents.report_pdf import render_report_pdf
from grievance_desk.services.case_queries import case_timeline
from grievance_desk.services.cases import find_case
from grievance_desk.services.letter_drafts import preview_letter
from grievance_desk.services.report_export import export_report
from grievance_desk.services.reports import monthly_report
from grievance_desk.storage.register import Register
from grievance_desk.ui.case_file import CaseFile, load_snapshot
from grievance_desk.ui.ops import OpRunner
from grievance_desk.ui.private_files import PrivateFiles
from tests.benchmarks.conftest import Results, explain, median_of, timed
from tests.benchmarks.generate import BenchRegister

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
MONTH = date(2026, 10, 1)
FILLED = {
    "letter.identity_documents": "- a copy of one photo identity document",
    "letter.clarification_needed": "- which account your request concerns",
    "letter.extension_reasons": "Your request covers archived records we must search.",
    "letter.processing_activities": "Billing and support for the account.",
    "letter.recipients": "- a payment processor (billing details)",
    "letter.corrections_made": "The billing address now reads 1 Example Road.",
}


def profile_top(work: Any, lines: int = 18) -> str:
    """The functions ``work`` spends its time in (cumulative), for the report."""
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(lines)
    return out.getvalue()


#: 50 items, plus the state-baseline event every generated case gets (schema 0007).
TIMELINE = 51


def test_case_file_with_50_items(
    qtbot, opened: Register, ui_runner: OpRunner, bench: BenchRegister, results: Results
) -> None:  # type: ignore[no-untyped-def]
    references = bench.heavy_references[:10]
    with opened.reading() as session:
        case, _person = find_case(session, references[0])
        assert case.id is not None
        assert len(case_timeline(session, case.id)) == TIMELINE
    widget = CaseFile(ui_runner, PrivateFiles())
    widget.resize(560, 800)
    widget.show()
    qtbot.addWidget(widget)
    samples = []
    for reference in references + references[:2]:
        started = time.perf_counter()
        widget.show_case(reference)
        qtbot.waitUntil(
            lambda r=reference: (
                widget.reference == r and widget.timeline.topLevelItemCount() == TIMELINE
            ),
            timeout=30_000,
        )
        widget.repaint()
        samples.append(time.perf_counter() - started)
    # The first open warms the policy and template caches; quote the rest.
    results.add(
        "Open a case file with 50 timeline items (UI)",
        median_of(samples[1:]) * 1000,
        target=100,
        note=f"first open {samples[0] * 1000:.0f} ms",
    )
    loads = timed(lambda: load_snapshot(opened, references[1]), runs=5)
    results.add("  of which load_snapshot (background thread)", median_of(loads) * 1000)
    explain(opened, lambda: load_snapshot(opened, references[1]), "case file")


def _forget(register: Register, *tables: str) -> None:
    with register.writing() as session:
        for table in tables:
            session.execute(text(f"DELETE FROM {table}"))


def _touch_october_case(register: Register) -> None:
    """What an edit to a case received in mid-October does to the report cache: the real
    triggers run (the column is set to itself), dropping October and later periods and
    trend months, and that case's kept facts."""
    with register.writing() as session:
        session.execute(
            text(
                "UPDATE grievance_case SET updated_at = updated_at WHERE id = ("
                "SELECT id FROM grievance_case WHERE received_at >= '2026-10-15' "
                "ORDER BY received_at LIMIT 1)"
            )
        )


def test_monthly_report(opened: Register, results: Results) -> None:
    """October (ended): served from the report cache after the first run; also cold figures."""

    def october() -> None:
        export_report(monthly_report(opened, month=MONTH, now=NOW), "json")

    _forget(opened, "report_cache", "report_case_facts")
    first = timed(october, runs=1, warmup=0)
    changed = timed(october, runs=3, warmup=0, before=lambda: _touch_october_case(opened))
    reports: list[Any] = []
    json_runs = timed(
        lambda: reports.append(export_report(monthly_report(opened, month=MONTH, now=NOW), "json")),
        runs=3,
    )
    results.add(
        "Monthly report figures (JSON)",
        median_of(json_runs) * 1000,
        target=300,
        note="cached",
    )
    results.add("  report figures, first ever (computes, stores facts)", first[0] * 1000)
    results.add(
        "  report figures after an edit to a case received in October",
        median_of(changed) * 1000,
        target=300,
    )
    report = monthly_report(opened, month=MONTH, now=NOW)
    pdf_only = timed(lambda: render_report_pdf(report), runs=3)
    full = timed(lambda: export_report(monthly_report(opened, month=MONTH, now=NOW), "pdf"), runs=3)
    results.add(
        "Monthly report PDF (figures + PDF)",
        median_of(full) * 1000,
        target=1500,
        note=f"cached; PDF rendering alone {median_of(pdf_only) * 1000:.0f} ms",
    )
    fresh = timed(lambda: monthly_report(opened, month=MONTH, now=NOW, use_cache=False), runs=1)
    results.add("  report figures computed afresh (use_cache=False)", fresh[0] * 1000)
    # The month still running, as at noon on each of four later days in it (the first is a
    # warm-up): the first report of a day recomputes the cases whose clock is stopped (their
    # due date moves daily); an hour later the same day, it reads what that one kept.
    noons = [NOW + timedelta(days=day) for day in range(1, 5)]
    moments = iter(noons)
    first_of_day = timed(
        lambda: monthly_report(opened, month=NOW.date(), now=next(moments)), runs=3, warmup=1
    )
    an_hour_later = noons[-1] + timedelta(hours=1)
    again = timed(
        lambda: monthly_report(opened, month=NOW.date(), now=an_hour_later), runs=3, warmup=0
    )
    for label, samples in (("first of the day", first_of_day), ("again the same day", again)):
        results.add(
            f"  report of the month still running, {label}",
            median_of(samples) * 1000,
            target=300,
        )
    print(profile_top(lambda: monthly_report(opened, month=NOW.date(), now=NOW)))
    explain(opened, lambda: monthly_report(opened, month=MONTH, now=NOW), "monthly report")


def test_letter_pdf(opened: Register, bench: BenchRegister, results: Results) -> None:
    reference = bench.heavy_references[0]
    started = time.perf_counter()
    preview_letter(opened, reference, "acknowledgement", now=NOW, overrides=FILLED)
    first = time.perf_counter() - started
    runs = timed(
        lambda: preview_letter(opened, reference, "acknowledgement", now=NOW, overrides=FILLED),
        runs=5,
        warmup=0,
    )
    results.add(
        "Render one letter PDF",
        median_of(runs) * 1000,
        target=150,
        note=f"first in process {first * 1000:.0f} ms",
    )
