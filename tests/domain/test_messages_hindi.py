"""The domain speaks the officer's language, and only its words change (issue 17).

Deadline explanations, refusals, reminders and import problems go through gettext
(`grievance_desk/messages.py`); here they are read back in Hindi from the shipped catalogue
with every placeholder filled. The dates, decisions and their order must not depend on the
language: the same case gives the same deadlines in Hindi and English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from grievance_desk import messages
from grievance_desk.domain.case_types import IdentityState, Outcome
from grievance_desk.domain.closing import CannotClose, ClosingRecord, check_closing
from grievance_desk.domain.deadline_engine import (
    CaseClock,
    Deadlines,
    ExtensionRefusedError,
    Pause,
    deadlines,
    ensure_can_extend,
)
from grievance_desk.domain.languages import language_name
from grievance_desk.domain.policy import Period, PeriodUnit, describe_period
from grievance_desk.domain.policy_presets import policy_in_force
from grievance_desk.domain.reminders import due_deadlines_for_case, reminders_due
from grievance_desk.domain.row_import import row_to_draft
from grievance_desk.domain.row_reader import RowError
from grievance_desk.domain.workflow import (
    Action,
    ActionNotAllowed,
    Status,
    TransitionError,
    check_action,
    check_move,
)

IST = ZoneInfo("Asia/Kolkata")
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
LEFT_OVER = re.compile(r"\{[A-Za-z_]\w*\}")


@pytest.fixture
def hindi() -> Iterator[None]:
    assert messages.use_language("hi") == "hi"
    yield
    messages.use_language("en")


def _gdpr_case() -> Deadlines:
    """A GDPR access request: a pause for identity proof, a Saturday roll-forward, an
    extension: every part of an explanation in one case."""
    clock = CaseClock(
        received_at=datetime(2026, 3, 27, 10, 0, tzinfo=IST),
        pauses=(Pause(date(2026, 4, 1), date(2026, 4, 5), "awaiting_identity_proof"),),
        extensions=(datetime(2026, 4, 10, 9, 0, tzinfo=IST),),
        request_type="access",
    )
    return deadlines(clock, policy_in_force("gdpr", date(2026, 3, 27)), tz=IST)


def _dates(result: Deadlines) -> list[object]:
    return [
        result.clock_started_at,
        result.days_paused,
        result.clock_stopped,
        len(result.notes),
        *((d.kind, d.due, d.date_only) for d in result.all()),
    ]


def test_a_deadline_gives_the_same_dates_in_hindi_and_english_and_hindi_words() -> None:
    messages.use_language("en")
    english = _gdpr_case()
    messages.use_language("hi")
    hindi = _gdpr_case()

    assert _dates(hindi) == _dates(english)
    assert hindi.final_respond_by.due_date == date(2026, 7, 2)
    for ours, theirs in zip(hindi.explanation(), english.explanation(), strict=True):
        assert ours != theirs
        assert DEVANAGARI.search(ours), ours
        assert not LEFT_OVER.search(ours), ours
        # The dates an officer may quote are the same ISO dates in either language.
        assert ISO_DATE.findall(ours) == ISO_DATE.findall(theirs)
    respond = hindi.respond_by.explanation
    assert respond.startswith("उत्तर दें: 2026-05-04 की समाप्ति तक;")
    assert "2026-05-02 को शनिवार है" in respond
    assert "2026-04-01..2026-04-05 (+5 दिन)" in respond
    assert "gdpr के अंतर्गत 1 कैलेंडर माह" in respond
    english_respond = english.respond_by.explanation
    assert english_respond.startswith("Respond by end of 2026-05-04:")
    assert "2026-05-02 is Saturday" in english_respond


@pytest.mark.usefixtures("hindi")
def test_an_extension_refused_in_hindi_keeps_the_law_s_own_citation() -> None:
    policy = policy_in_force("it-rules-2021", date(2026, 3, 2))
    clock = CaseClock(received_at=datetime(2026, 3, 2, 10, 0, tzinfo=IST))
    with pytest.raises(ExtensionRefusedError) as refused:
        ensure_can_extend(clock, policy)
    assert str(refused.value) == (
        f"विस्तार नहीं किया जा सकता: {policy.label} कोई विस्तार नहीं देता ({policy.legal_source})"
    )


@pytest.mark.usefixtures("hindi")
def test_workflow_refusals_name_the_status_and_the_steps_in_hindi() -> None:
    with pytest.raises(ActionNotAllowed) as refused:
        check_action(Status.IN_PROGRESS, Action.REOPEN)
    text = str(refused.value)
    assert text.startswith("जब मामला “प्रगति में” स्थिति में हो, तब “फिर से खोलें” संभव नहीं है।")
    assert "केवल बंद मामला फिर से खोला जा सकता है" in text
    assert text.endswith("अभी संभव: पहचान प्रमाण माँगें, स्पष्टीकरण माँगें, उत्तर भेजा गया, बंद करें।")
    with pytest.raises(TransitionError) as moved:
        check_move(Status.CLOSED, Status.NEW)
    assert str(moved.value) == (
        "“बंद” स्थिति वाला मामला “नया” स्थिति में नहीं जा सकता। “बंद” से यह इनमें जा सकता है: प्रगति में।"
    )
    # The labels the window translates through Qt stay English.
    assert Status.IN_PROGRESS.label == "In progress"


@pytest.mark.usefixtures("hindi")
def test_closing_refused_in_hindi_names_the_case_and_the_fix() -> None:
    record = ClosingRecord(
        status=Status.IN_PROGRESS,
        identity_state=IdentityState.FAILED,
        outcome=Outcome.REFUSED,
    )
    with pytest.raises(CannotClose) as refused:
        check_closing("GRV-2026-00042", record)
    text = str(refused.value)
    assert text.startswith("GRV-2026-00042 अभी बंद नहीं किया जा सकता। ")
    assert "अस्वीकृत अनुरोध के लिए अस्वीकृति के आधार आवश्यक हैं" in text
    assert "उत्तर पत्र जारी करें (पत्र टैब)" in text


@pytest.mark.usefixtures("hindi")
def test_an_import_row_problem_in_hindi_keeps_the_cell_as_written() -> None:
    row = {"Date Received": "31/02/2026", "Name": "Test Person", "Type of Request": "Access"}
    with pytest.raises(RowError) as refused:
        row_to_draft(row, line=7, tz=IST, now=datetime(2026, 12, 1, 12, 0, tzinfo=IST))
    assert [str(p) for p in refused.value.problems] == [
        "पंक्ति 7, स्तंभ 'Date Received': '31/02/2026' वास्तविक तिथि नहीं है: "
        "फ़रवरी 2026 में 28 दिन होते हैं। दिन या माह ठीक करें।"
    ]


@pytest.mark.usefixtures("hindi")
def test_a_future_acknowledgement_date_is_named_in_hindi() -> None:
    row = {
        "Date Received": "25/11/2026",
        "Date Acknowledged": "25/12/2026",
        "Name": "Test Person",
        "Type of Request": "Access",
    }
    with pytest.raises(RowError) as refused:
        row_to_draft(row, line=4, tz=IST, now=datetime(2026, 12, 1, 12, 0, tzinfo=IST))
    assert [str(p) for p in refused.value.problems] == [
        "पंक्ति 4, स्तंभ 'Date Acknowledged': पावती की तिथि '25/12/2026' अभी (01/12/2026 12:00) "
        "के बाद की है; तिथि जाँचें (दिन पहले: 03/04/2026 का अर्थ 3 अप्रैल है)."
    ]


@pytest.mark.usefixtures("hindi")
def test_a_reminder_in_hindi_counts_the_same_days() -> None:
    result = deadlines(
        CaseClock(received_at=datetime(2026, 3, 2, 10, 0, tzinfo=IST)),
        policy_in_force("it-rules-2021", date(2026, 3, 2)),
        tz=IST,
    )
    shown = reminders_due(
        due_deadlines_for_case("1", "GRV-2026-00001", result),
        datetime(2026, 3, 5, 9, 0, tzinfo=IST),
        IST,
    )
    assert [(r.kind, r.days_left, r.overdue) for r in shown] == [
        ("acknowledge", -2, True),
        ("respond", 4, False),
    ]
    assert [r.message for r in shown] == [
        "GRV-2026-00001: पावती 03 मार्च 2026 10:00 से विलंबित (2 दिन विलंबित)",
        "GRV-2026-00001: उत्तर 09 मार्च 2026 23:59 को देय, 4 दिन शेष",
    ]


@pytest.mark.usefixtures("hindi")
def test_periods_and_language_names_in_hindi() -> None:
    assert describe_period(Period(1, PeriodUnit.HOURS)) == "1 घंटा"
    assert describe_period(Period(72, PeriodUnit.HOURS)) == "72 घंटे"
    assert describe_period(Period(10, PeriodUnit.BUSINESS_DAYS)) == "10 कार्य-दिवस"
    assert language_name("hi") == "हिन्दी"
    assert language_name("ta") == "तमिल"
    messages.use_language("en")
    assert describe_period(Period(72, PeriodUnit.HOURS)) == "72 hours"
    assert language_name("hi") == "Hindi (हिन्दी)"
