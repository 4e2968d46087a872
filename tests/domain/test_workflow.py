"""The status workflow: allowed steps, refused steps with a message naming the allowed ones."""

from __future__ import annotations

import itertools

import pytest

from grievance_desk.domain.workflow import (
    AWAITING_REQUESTER,
    Action,
    Status,
    TransitionError,
    allowed_actions,
    allowed_targets,
    can_move,
    check_move,
    target_of,
)


def test_the_happy_path_is_allowed() -> None:
    path = [
        Status.NEW,
        Status.ACKNOWLEDGED,
        Status.AWAITING_IDENTITY_PROOF,
        Status.IN_PROGRESS,
        Status.RESPONSE_SENT,
        Status.CLOSED,
        Status.IN_PROGRESS,  # reopened
    ]
    for current, wanted in itertools.pairwise(path):
        assert check_move(current, wanted) is wanted


@pytest.mark.parametrize(
    ("current", "wanted"),
    [
        (Status.CLOSED, Status.ACKNOWLEDGED),
        (Status.CLOSED, Status.NEW),
        (Status.RESPONSE_SENT, Status.AWAITING_CLARIFICATION),
        (Status.IN_PROGRESS, Status.NEW),
        (Status.AWAITING_IDENTITY_PROOF, Status.RESPONSE_SENT),
    ],
)
def test_forbidden_steps_name_the_allowed_ones(current: Status, wanted: Status) -> None:
    with pytest.raises(TransitionError) as error:
        check_move(current, wanted)
    message = str(error.value)
    assert current.label.lower() in message and wanted.label.lower() in message
    for allowed in allowed_targets(current):
        assert allowed.label.lower() in message


def test_no_status_moves_to_itself_or_back_to_new() -> None:
    for status in Status:
        assert not can_move(status, status)
        assert not can_move(status, Status.NEW)


def test_actions_offered_follow_the_workflow() -> None:
    assert allowed_actions(Status.CLOSED) == [Action.REOPEN]
    waiting = allowed_actions(Status.AWAITING_IDENTITY_PROOF)
    assert Action.RESUME in waiting and Action.START_WORK not in waiting
    assert Action.ACKNOWLEDGE not in waiting and Action.SEND_RESPONSE not in waiting
    fresh = allowed_actions(Status.NEW)
    assert Action.ACKNOWLEDGE in fresh and Action.RESUME not in fresh and Action.REOPEN not in fresh
    for status in Status:
        for action in allowed_actions(status):
            assert can_move(status, target_of(action))


def test_awaiting_statuses_are_the_clock_stoppers() -> None:
    assert {Status.AWAITING_IDENTITY_PROOF, Status.AWAITING_CLARIFICATION} == AWAITING_REQUESTER
