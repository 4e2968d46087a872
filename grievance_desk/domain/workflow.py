"""The status workflow of a case, so every layer refuses the same impossible steps.

new → acknowledged → awaiting identity proof / awaiting clarification → in progress →
response sent → closed, with reopen from closed only. The two "awaiting" statuses stop the
clock under most policies; the deadline engine decides that, not this module. Reopening
starts a new statutory clock, so it is refused on any open case (a waiting case resumes:
its running clock carries on from the pause).
"""

from __future__ import annotations

from enum import StrEnum

from grievance_desk.domain.case_types import LabelledEnum
from grievance_desk.messages import _


class Status(LabelledEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    AWAITING_IDENTITY_PROOF = "awaiting_identity_proof"
    AWAITING_CLARIFICATION = "awaiting_clarification"
    IN_PROGRESS = "in_progress"
    RESPONSE_SENT = "response_sent"
    CLOSED = "closed"


class Action(StrEnum):
    """What the officer does; each action moves a case to one status."""

    ACKNOWLEDGE = "acknowledge"
    REQUEST_IDENTITY_PROOF = "request_identity_proof"
    REQUEST_CLARIFICATION = "request_clarification"
    RESUME = "resume"
    START_WORK = "start_work"
    SEND_RESPONSE = "send_response"
    CLOSE = "close"
    REOPEN = "reopen"


AWAITING_REQUESTER: frozenset[Status] = frozenset(
    {Status.AWAITING_IDENTITY_PROOF, Status.AWAITING_CLARIFICATION}
)
OPEN_STATUSES: frozenset[Status] = frozenset(set(Status) - {Status.CLOSED})

_TARGET: dict[Action, Status] = {
    Action.ACKNOWLEDGE: Status.ACKNOWLEDGED,
    Action.REQUEST_IDENTITY_PROOF: Status.AWAITING_IDENTITY_PROOF,
    Action.REQUEST_CLARIFICATION: Status.AWAITING_CLARIFICATION,
    Action.RESUME: Status.IN_PROGRESS,
    Action.START_WORK: Status.IN_PROGRESS,
    Action.SEND_RESPONSE: Status.RESPONSE_SENT,
    Action.CLOSE: Status.CLOSED,
    Action.REOPEN: Status.IN_PROGRESS,
}

_ALLOWED: dict[Status, frozenset[Status]] = {
    Status.NEW: frozenset(
        {
            Status.ACKNOWLEDGED,
            Status.AWAITING_IDENTITY_PROOF,
            Status.AWAITING_CLARIFICATION,
            Status.IN_PROGRESS,
            Status.RESPONSE_SENT,
            Status.CLOSED,
        }
    ),
    Status.ACKNOWLEDGED: frozenset(
        {
            Status.AWAITING_IDENTITY_PROOF,
            Status.AWAITING_CLARIFICATION,
            Status.IN_PROGRESS,
            Status.RESPONSE_SENT,
            Status.CLOSED,
        }
    ),
    Status.AWAITING_IDENTITY_PROOF: frozenset(
        {Status.AWAITING_CLARIFICATION, Status.IN_PROGRESS, Status.CLOSED}
    ),
    Status.AWAITING_CLARIFICATION: frozenset(
        {Status.AWAITING_IDENTITY_PROOF, Status.IN_PROGRESS, Status.CLOSED}
    ),
    Status.IN_PROGRESS: frozenset(
        {
            Status.AWAITING_IDENTITY_PROOF,
            Status.AWAITING_CLARIFICATION,
            Status.RESPONSE_SENT,
            Status.CLOSED,
        }
    ),
    Status.RESPONSE_SENT: frozenset({Status.IN_PROGRESS, Status.CLOSED}),
    Status.CLOSED: frozenset({Status.IN_PROGRESS}),
}


def status_words(status: Status) -> str:
    """A status as a refusal names it, in the officer's language ("awaiting clarification").

    ``Status.label`` stays English: the window translates it through Qt (ui/vocabulary.py).
    """
    return {
        Status.NEW: _("new"),
        Status.ACKNOWLEDGED: _("acknowledged"),
        Status.AWAITING_IDENTITY_PROOF: _("awaiting identity proof"),
        Status.AWAITING_CLARIFICATION: _("awaiting clarification"),
        Status.IN_PROGRESS: _("in progress"),
        Status.RESPONSE_SENT: _("response sent"),
        Status.CLOSED: _("closed"),
    }[status]


class TransitionError(ValueError):
    """A step the workflow forbids; the message lists the steps that are allowed."""

    def __init__(self, current: Status, wanted: Status) -> None:
        allowed = ", ".join(status_words(s) for s in allowed_targets(current)) or _("none")
        super().__init__(
            _(
                "A case that is {current} cannot move to {wanted}. From {current} it can move "
                "to: {allowed}."
            ).format(current=status_words(current), wanted=status_words(wanted), allowed=allowed)
        )
        self.current = current
        self.wanted = wanted


def allowed_targets(current: Status) -> list[Status]:
    """The statuses reachable in one step, in workflow order, for buttons and messages."""
    reachable = _ALLOWED[current]
    return [s for s in Status if s in reachable]


def can_move(current: Status, wanted: Status) -> bool:
    """Whether the workflow allows the step; lets the UI disable a forbidden button."""
    return wanted in _ALLOWED[current]


def check_move(current: Status, wanted: Status) -> Status:
    """Return the new status, or raise TransitionError naming the allowed steps."""
    if not can_move(current, wanted):
        raise TransitionError(current, wanted)
    return wanted


def target_of(action: Action) -> Status:
    """The status an action leads to."""
    return _TARGET[action]


class ActionNotAllowed(ValueError):
    """An action the workflow does not offer in this status; names the ones it does."""

    def __init__(self, current: Status, action: Action) -> None:
        offered = ", ".join(action_words(a).lower() for a in allowed_actions(current)) or _("none")
        if action is Action.REOPEN:
            text = _(
                "{action} is not possible while a case is {status}. Only a closed case can be "
                "reopened: reopening starts a new statutory clock, and an open case's clock must "
                "keep running. Possible now: {offered}."
            )
        else:
            text = _("{action} is not possible while a case is {status}. Possible now: {offered}.")
        super().__init__(
            text.format(action=action_words(action), status=status_words(current), offered=offered)
        )
        self.current = current
        self.action = action


ACTION_LABELS: dict[Action, str] = {
    Action.ACKNOWLEDGE: "Acknowledge",
    Action.REQUEST_IDENTITY_PROOF: "Request identity proof",
    Action.REQUEST_CLARIFICATION: "Request clarification",
    Action.RESUME: "Resume",
    Action.START_WORK: "Start work",
    Action.SEND_RESPONSE: "Response sent",
    Action.CLOSE: "Close",
    Action.REOPEN: "Reopen",
}


def action_words(action: Action) -> str:
    """An action as a refusal names it, in the officer's language ("Request clarification").

    ``ACTION_LABELS`` stay English: the case file's buttons translate them through Qt.
    """
    return {
        Action.ACKNOWLEDGE: _("Acknowledge"),
        Action.REQUEST_IDENTITY_PROOF: _("Request identity proof"),
        Action.REQUEST_CLARIFICATION: _("Request clarification"),
        Action.RESUME: _("Resume"),
        Action.START_WORK: _("Start work"),
        Action.SEND_RESPONSE: _("Response sent"),
        Action.CLOSE: _("Close"),
        Action.REOPEN: _("Reopen"),
    }[action]


def check_action(current: Status, action: Action) -> Status:
    """The status ``action`` leads to from ``current``, or ActionNotAllowed.

    Stricter than `check_move`: Reopen and Resume both lead to "in progress", but only a
    closed case may be reopened (a new clock) and only a waiting case resumed.
    """
    if action not in allowed_actions(current):
        raise ActionNotAllowed(current, action)
    return target_of(action)


def next_actions(current: Status) -> list[Action]:
    """The allowed actions, the one that usually comes next first (the case file's order)."""
    order = _NEXT_FIRST.get(current, ())
    allowed = allowed_actions(current)
    return [a for a in order if a in allowed] + [a for a in allowed if a not in order]


_NEXT_FIRST: dict[Status, tuple[Action, ...]] = {
    Status.NEW: (Action.ACKNOWLEDGE, Action.START_WORK),
    Status.ACKNOWLEDGED: (Action.START_WORK,),
    Status.AWAITING_IDENTITY_PROOF: (Action.RESUME,),
    Status.AWAITING_CLARIFICATION: (Action.RESUME,),
    Status.IN_PROGRESS: (Action.SEND_RESPONSE, Action.CLOSE),
    Status.RESPONSE_SENT: (Action.CLOSE,),
    Status.CLOSED: (Action.REOPEN,),
}


def allowed_actions(current: Status) -> list[Action]:
    """The actions the officer may take now, so the case file shows only those buttons."""
    actions = [a for a in Action if can_move(current, _TARGET[a])]
    if current is Status.CLOSED:
        return [Action.REOPEN]
    # Resume only makes sense from a waiting status; start work from anywhere else.
    if current in AWAITING_REQUESTER:
        return [a for a in actions if a not in (Action.START_WORK, Action.REOPEN)]
    return [a for a in actions if a not in (Action.RESUME, Action.REOPEN)]
