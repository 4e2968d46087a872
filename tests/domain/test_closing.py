"""Closing asks for what the record needs: a reply on file, grounds for a refusal, identity."""

from __future__ import annotations

import pytest

from grievance_desk.domain.case_types import IdentityState, Outcome, RefusalGround
from grievance_desk.domain.closing import (
    CannotClose,
    ClosingRecord,
    check_closing,
    closing_problems,
)
from grievance_desk.domain.workflow import Status


def record(**kw: object) -> ClosingRecord:
    base: dict[str, object] = {
        "status": Status.IN_PROGRESS,
        "identity_state": IdentityState.NOT_REQUIRED,
        "outcome": Outcome.FULFILLED,
    }
    base.update(kw)
    return ClosingRecord(**base)  # type: ignore[arg-type]


def test_fulfilled_with_nothing_sent_is_refused_and_says_how_to_fix() -> None:
    problems = closing_problems(record())
    assert len(problems) == 1
    assert "issue a response letter" in problems[0]
    assert "Record correspondence" in problems[0]


@pytest.mark.parametrize("evidence", ["response_letter_issued", "correspondence_out"])
def test_a_letter_or_correspondence_out_is_a_reply_on_file(evidence: str) -> None:
    assert closing_problems(record(**{evidence: True})) == []


@pytest.mark.parametrize("outcome", [Outcome.WITHDRAWN, Outcome.NO_DATA_HELD, Outcome.TRANSFERRED])
def test_outcomes_that_need_no_reply(outcome: Outcome) -> None:
    assert closing_problems(record(outcome=outcome)) == []


def test_identity_pending_cannot_be_fulfilled_even_with_a_letter() -> None:
    pending = record(identity_state=IdentityState.PENDING, response_letter_issued=True)
    assert any("identity is still pending" in p for p in closing_problems(pending))
    waiting = record(status=Status.AWAITING_IDENTITY_PROOF, response_letter_issued=True)
    assert any("identity is still pending" in p for p in closing_problems(waiting))
    refused = record(
        status=Status.AWAITING_IDENTITY_PROOF,
        outcome=Outcome.REFUSED,
        refusal_grounds=(RefusalGround.IDENTITY_NOT_VERIFIED,),
        response_letter_issued=True,
    )
    assert closing_problems(refused) == []


def test_a_refusal_needs_grounds_and_a_reply() -> None:
    problems = closing_problems(record(outcome=Outcome.REFUSED))
    assert len(problems) == 2
    assert "grounds for refusal" in problems[0]
    with pytest.raises(CannotClose, match="GRV-2026-00001 cannot be closed yet"):
        check_closing("GRV-2026-00001", record(outcome=Outcome.REFUSED))


def test_no_outcome() -> None:
    assert "Choose an outcome" in closing_problems(record(outcome=None))[0]
