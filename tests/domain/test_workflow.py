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


def test_reopen_is_offered_and_allowed_only_on_a_closed_case() -> None:
    from grievance_desk.domain.workflow import ActionNotAllowed, check_action

    for status in Status:
        offered = Action.REOPEN in allowed_actions(status)
        assert offered is (status is Status.CLOSED), status
    for waiting in AWAITING_REQUESTER:
        assert Action.RESUME in allowed_actions(waiting)
        with pytest.raises(ActionNotAllowed, match="Only a closed case can be reopened"):
            check_action(waiting, Action.REOPEN)
    assert check_action(Status.CLOSED, Action.REOPEN) is Status.IN_PROGRESS


def test_the_next_action_comes_first() -> None:
    from grievance_desk.domain.workflow import next_actions

    assert next_actions(Status.AWAITING_IDENTITY_PROOF)[0] is Action.RESUME
    assert next_actions(Status.RESPONSE_SENT)[0] is Action.CLOSE
    assert next_actions(Status.CLOSED) == [Action.REOPEN]
    for status in Status:
        assert sorted(next_actions(status)) == sorted(allowed_actions(status))
