"""The monthly report PDF prints the audit chain head, and verify --head accepts it."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

from pypdf import PdfReader

from grievance_desk.domain.workflow import Action
from grievance_desk.services.cases import change_status, register_case
from grievance_desk.services.integrity import parse_head, verify_register
from grievance_desk.services.report_export import export_report
from grievance_desk.services.reports import monthly_report
from grievance_desk.storage.register import Register
from tests.conftest import NOW
from tests.support.drafts import make_draft


def _printed_head(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    match = re.search(r"Audit chain head when generated: (\d+:[0-9a-f]{64})\.", text)
    assert match, text[:600]
    return match[1]


def test_the_report_pdf_prints_the_head_and_verify_proves_the_register_extends_it(
    register: Register,
) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    november = date(2026, 11, 1)
    first = _printed_head(export_report(monthly_report(register, month=november, now=NOW), "pdf"))
    assert first.startswith("1:")
    change_status(register, reference, Action.ACKNOWLEDGE, now=NOW + timedelta(hours=1))
    # The same (cached) period's report made later prints the newer head.
    second = _printed_head(export_report(monthly_report(register, month=november, now=NOW), "pdf"))
    assert second.startswith("2:") and second != first
    report = verify_register(register, parse_head(first))
    assert report.ok, report.lines()
