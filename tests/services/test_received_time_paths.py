"""A case's received time means the same on every way in, and one after now is refused.

A time without a zone is the officer's local time whether it comes from a spreadsheet, an
e-mail's Date header or the new-case form (the form's own test is in
tests/ui/test_case_form_dates.py); before, an e-mail's was read as UTC, 5 h 30 off.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from grievance_desk.domain.case_record import InvalidCase, problems_in
from grievance_desk.domain.received_time import after_now_problem, in_zone
from grievance_desk.domain.row_import import row_to_draft
from grievance_desk.domain.row_reader import RowError
from grievance_desk.services.cases import register_case
from grievance_desk.services.email_intake import read_email_bytes
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Case
from tests.conftest import NOW
from tests.support.drafts import make_draft

IST = ZoneInfo("Asia/Kolkata")
LONDON = ZoneInfo("Europe/London")
LOCAL_10_15 = datetime(2026, 11, 24, 10, 15, tzinfo=IST)


def mail(date_header: str) -> bytes:
    return (
        "From: Test Person Theta <theta@example.org>\r\nSubject: My data (test)\r\n"
        f"Date: {date_header}\r\n\r\nPlease send my data (fictitious test)."
    ).encode()


def spreadsheet_row(received: str) -> dict[str, object]:
    return {"Date Received": received, "Name": "Test Person Theta", "Type of Request": "Access"}


def count_cases(register: Register) -> int:
    with register.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Case)) or 0)


def test_a_time_without_a_zone_is_the_officers_local_time_on_every_path() -> None:
    imported = row_to_draft(spreadsheet_row("24/11/2026 10:15"), line=2, tz=IST, now=NOW)
    emailed = read_email_bytes("naive.eml", mail("Tue, 24 Nov 2026 10:15:00"), now=NOW, zone=IST)
    unknown_zone = read_email_bytes("x.eml", mail("Tue, 24 Nov 2026 10:15:00 -0000"), now=NOW)
    assert imported.received_at == LOCAL_10_15
    assert emailed.received_at == LOCAL_10_15  # was 15:45 IST: the naive time read as UTC
    assert emailed.draft.received_at == LOCAL_10_15
    assert unknown_zone.received_at == LOCAL_10_15  # the default officer zone, Asia/Kolkata
    assert in_zone(datetime(2026, 11, 24, 10, 15), IST) == LOCAL_10_15


def test_the_officers_zone_is_the_one_given() -> None:
    emailed = read_email_bytes("x.eml", mail("Tue, 24 Nov 2026 10:15:00"), now=NOW, zone=LONDON)
    imported = row_to_draft(spreadsheet_row("24/11/2026 10:15"), line=2, tz=LONDON, now=NOW)
    assert (
        emailed.received_at == imported.received_at == datetime(2026, 11, 24, 10, 15, tzinfo=LONDON)
    )


def test_a_time_with_an_offset_keeps_its_instant() -> None:
    emailed = read_email_bytes("x.eml", mail("Tue, 24 Nov 2026 04:45:00 +0000"), now=NOW, zone=IST)
    assert emailed.received_at == LOCAL_10_15


FUTURE = NOW + timedelta(days=3)
MESSAGE = after_now_problem(FUTURE, now=NOW, zone=IST)


def test_the_refusal_names_the_problem_and_the_fix() -> None:
    assert MESSAGE == (
        "received date 28/11/2026 15:00 is after now (25/11/2026 15:00); check the date "
        "(day first: 03/04/2026 is 3 April)"
    )
    assert after_now_problem(NOW + timedelta(hours=23), now=NOW, zone=IST) is None


def test_register_case_refuses_a_received_date_after_now(register: Register) -> None:
    with pytest.raises(InvalidCase) as caught:
        register_case(register, make_draft(received_at=FUTURE), now=NOW)
    assert [(p.field, p.message) for p in caught.value.problems] == [("received_at", MESSAGE)]
    assert count_cases(register) == 0
    register_case(register, make_draft(received_at=NOW - timedelta(days=1)), now=NOW)
    assert count_cases(register) == 1


def test_an_emails_date_after_now_is_refused_as_the_forms_and_registers_are(
    register: Register,
) -> None:
    intake = read_email_bytes("future.eml", mail("Sat, 28 Nov 2026 15:00:00 +0530"), now=NOW)
    assert [p.message for p in problems_in(intake.draft, now=NOW, zone=IST)] == [MESSAGE]
    with pytest.raises(InvalidCase, match="is after now"):
        register_case(register, intake.draft, now=NOW)
    assert count_cases(register) == 0


def test_the_import_refuses_a_received_date_after_now_with_the_same_words() -> None:
    with pytest.raises(RowError) as caught:
        row_to_draft(spreadsheet_row("28/11/2026 15:00"), line=4, tz=IST, now=NOW)
    assert "Received date '28/11/2026 15:00' is after now (25/11/2026 15:00); check the date" in (
        str(caught.value)
    )
