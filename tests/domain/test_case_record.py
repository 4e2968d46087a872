"""Case drafts: every bad field named at once; references formatted and parsed one way."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from grievance_desk.domain.case_record import InvalidCase, Requester, clean_text, problems_in
from grievance_desk.domain.case_types import Outcome, RefusalGround, Representative, RequestType
from grievance_desk.domain.reference import (
    InvalidReference,
    check_prefix,
    format_reference,
    parse_reference,
)
from grievance_desk.domain.workflow import Status
from tests.support.drafts import make_draft


def test_a_good_draft_has_no_problems() -> None:
    assert problems_in(make_draft()) == []


def test_every_bad_field_is_named_at_once() -> None:
    draft = make_draft(
        requester=Requester(name=" ", email="not-an-email", phone="call me"),
        received_at=datetime(2026, 11, 20, 10, 0),  # no time zone
        representative=Representative.GUARDIAN,
        status=Status.CLOSED,
    )
    fields = {p.field for p in problems_in(draft)}
    assert fields == {
        "requester.name",
        "requester.email",
        "requester.phone",
        "received_at",
        "representative_name",
        "outcome",
    }
    with pytest.raises(InvalidCase) as error:
        from grievance_desk.domain.case_record import validate_draft

        validate_draft(draft)
    assert "e-mail address" in str(error.value)


def test_refusal_grounds_need_a_refusal_and_dates_cannot_precede_receipt() -> None:
    draft = make_draft(
        outcome=Outcome.FULFILLED,
        refusal_grounds=(RefusalGround.LEGAL_PRIVILEGE,),
        closed_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    messages = {p.field: p.message for p in problems_in(draft)}
    assert "refused" in messages["refusal_grounds"]
    assert "earlier than" in messages["closed_at"]


def test_unicode_names_and_control_characters() -> None:
    draft = make_draft(requester=Requester(name="श्रीमती अनन्या क्षत्रिय (Test) 😀"))
    assert problems_in(draft) == []
    assert clean_text("Test\x00 Person\x1b ") == "Test Person"


def test_references_round_trip_and_refuse_bad_text() -> None:
    assert format_reference("GRV", 2026, 42) == "GRV-2026-00042"
    assert str(parse_reference(" grv-2026-00042 ")) == "GRV-2026-00042"
    assert parse_reference("GRV-2026-123456").sequence == 123456
    with pytest.raises(InvalidReference, match="PREFIX-YEAR-NUMBER"):
        parse_reference("CMP/22/001")
    with pytest.raises(InvalidReference, match="capital letters"):
        check_prefix("grv-x")


def test_request_type_labels_read_naturally() -> None:
    assert RequestType.CONSENT_WITHDRAWAL.label == "Withdrawal of consent"
    assert RequestType.ACCESS.label == "Access"


@pytest.mark.parametrize(
    ("tag", "fragment"),
    [
        ("board; urgent", "split it into separate tags"),
        ("board,urgent", "split it into separate tags"),
        ("two\nlines", "split it into separate tags"),
        ("   ", "remove the empty tag"),
        ("x" * 81, "under 80 characters"),
    ],
)
def test_tags_that_would_not_survive_an_export_are_refused(tag: str, fragment: str) -> None:
    problems = problems_in(make_draft(tags=("fine", tag)))
    assert [p.field for p in problems] == ["tags"]
    assert fragment in str(problems[0])


def test_ordinary_tags_and_old_reference_tags_pass() -> None:
    assert problems_in(make_draft(tags=("board", "old-ref:CMP/22/001", "वरिष्ठ"))) == []


def test_lone_surrogates_become_replacement_characters() -> None:
    """The e-mail parser leaves them for undecodable bytes; UTF-8 storage cannot hold them."""
    cleaned = clean_text("Name \udcff here \ud800")
    assert cleaned == "Name \ufffd here \ufffd"
    cleaned.encode("utf-8")  # storable
