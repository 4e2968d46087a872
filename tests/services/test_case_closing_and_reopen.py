"""The service enforces the workflow's rules, not only the buttons: closing needs the record,
and Reopen never restarts a running clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from grievance_desk.domain.case_types import Channel, IdentityState, Outcome, RefusalGround
from grievance_desk.domain.closing import CannotClose
from grievance_desk.domain.workflow import Action, ActionNotAllowed, Status
from grievance_desk.services import letter_drafts, letter_issue
from grievance_desk.services.case_deadlines import deadlines_for_case
from grievance_desk.services.cases import (
    change_status,
    closing_problems_for,
    find_case,
    register_case,
)
from grievance_desk.services.correspondence import record_correspondence
from grievance_desk.storage.register import Register
from tests.support.drafts import make_draft

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _case(register: Register) -> str:
    return register_case(register, make_draft(), now=NOW)


def _state(register: Register, reference: str) -> tuple[Status, IdentityState]:
    with register.reading() as session:
        case, _ = find_case(session, reference)
        return Status(case.status), IdentityState(case.identity_state)


def test_reopen_on_a_waiting_case_is_refused_and_the_clock_keeps_running(
    register: Register,
) -> None:
    reference = _case(register)
    change_status(register, reference, Action.REQUEST_IDENTITY_PROOF, now=NOW + timedelta(days=1))
    before = deadlines_for_case(register, reference, now=NOW + timedelta(days=3))
    with pytest.raises(ActionNotAllowed, match="Only a closed case can be reopened"):
        change_status(register, reference, Action.REOPEN, now=NOW + timedelta(days=3))
    assert _state(register, reference)[0] is Status.AWAITING_IDENTITY_PROOF
    with register.reading() as session:
        assert find_case(session, reference)[0].reopened_at is None
    after = deadlines_for_case(register, reference, now=NOW + timedelta(days=3))
    assert after.deadlines is not None and before.deadlines is not None
    assert after.deadlines.respond_by.due == before.deadlines.respond_by.due


def test_fulfilled_with_identity_pending_and_nothing_sent_is_refused(register: Register) -> None:
    reference = _case(register)
    change_status(register, reference, Action.REQUEST_IDENTITY_PROOF, now=NOW + timedelta(hours=1))
    assert _state(register, reference)[1] is IdentityState.PENDING
    with pytest.raises(CannotClose) as refused:
        change_status(
            register,
            reference,
            Action.CLOSE,
            now=NOW + timedelta(days=1),
            outcome=Outcome.FULFILLED,
        )
    text = str(refused.value)
    assert "identity is still pending" in text and "No response to the requester" in text
    assert _state(register, reference)[0] is Status.AWAITING_IDENTITY_PROOF


def test_resume_after_proof_then_a_reply_on_file_allows_closing(register: Register) -> None:
    reference = _case(register)
    change_status(register, reference, Action.REQUEST_IDENTITY_PROOF, now=NOW + timedelta(hours=1))
    change_status(register, reference, Action.RESUME, now=NOW + timedelta(days=2))
    assert _state(register, reference) == (Status.IN_PROGRESS, IdentityState.VERIFIED)
    problems = closing_problems_for(register, reference, outcome=Outcome.FULFILLED)
    assert len(problems) == 1 and "No response" in problems[0]
    record_correspondence(
        register,
        reference,
        direction="out",
        channel=Channel.EMAIL,
        at=NOW + timedelta(days=3),
        now=NOW + timedelta(days=3),
        subject="Your data (test)",
    )
    assert closing_problems_for(register, reference, outcome=Outcome.FULFILLED) == []
    change_status(
        register, reference, Action.CLOSE, now=NOW + timedelta(days=3), outcome=Outcome.FULFILLED
    )
    assert _state(register, reference)[0] is Status.CLOSED


def test_an_interim_letter_is_not_a_reply_but_a_response_letter_is(register: Register) -> None:
    from tests.services.test_letters import FILLED, fill

    reference = fill(register)
    ack = letter_drafts.draft_letter(register, reference, "acknowledgement", now=NOW)
    letter_issue.issue_letter(register, ack.letter_id, now=NOW)
    assert closing_problems_for(register, reference, outcome=Outcome.FULFILLED)
    reply = letter_drafts.draft_letter(
        register, reference, "access_response", now=NOW, overrides=FILLED
    )
    letter_issue.issue_letter(register, reply.letter_id, now=NOW)
    assert closing_problems_for(register, reference, outcome=Outcome.FULFILLED) == []


def test_a_refusal_needs_grounds(register: Register) -> None:
    reference = _case(register)
    record_correspondence(
        register,
        reference,
        direction="out",
        channel=Channel.EMAIL,
        at=NOW,
        now=NOW,
        subject="Reply",
    )
    with pytest.raises(CannotClose, match="grounds for refusal"):
        change_status(register, reference, Action.CLOSE, now=NOW, outcome=Outcome.REFUSED)
    change_status(
        register,
        reference,
        Action.CLOSE,
        now=NOW,
        outcome=Outcome.REFUSED,
        refusal_grounds=[RefusalGround.MANIFESTLY_UNFOUNDED],
    )


def test_withdrawn_needs_no_reply(register: Register) -> None:
    reference = _case(register)
    change_status(register, reference, Action.CLOSE, now=NOW, outcome=Outcome.WITHDRAWN)
    assert _state(register, reference)[0] is Status.CLOSED
    change_status(register, reference, Action.REOPEN, now=NOW + timedelta(days=1))
    assert _state(register, reference)[0] is Status.IN_PROGRESS
