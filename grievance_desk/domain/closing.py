"""What the record must hold before a case may be closed, so a report never counts a case
answered on time that was never answered.

A closed case says how it ended (the outcome). Unless the outcome needs no reply (the
requester withdrew, we hold no data about them, the request was transferred to whoever
holds it), the file must show the reply: a response letter issued, or correspondence sent
recorded. A refusal gives its grounds. A request cannot be fulfilled for a person whose
identity is still unproven. Pure: the service gathers the facts, the UI shows the problems.
"""

from __future__ import annotations

from dataclasses import dataclass

from grievance_desk.domain.case_types import IdentityState, Outcome, RefusalGround
from grievance_desk.domain.workflow import Status
from grievance_desk.messages import _

#: Outcomes that end a case without a reply to the requester.
NO_RESPONSE_NEEDED: frozenset[Outcome] = frozenset(
    {Outcome.WITHDRAWN, Outcome.NO_DATA_HELD, Outcome.TRANSFERRED}
)
#: Outcomes that say why we did not do (all of) what was asked.
NEEDS_GROUNDS: frozenset[Outcome] = frozenset({Outcome.REFUSED, Outcome.PARTLY_FULFILLED})
#: Outcomes that act on the request, so the requester's identity must be settled first.
ACTS_ON_REQUEST: frozenset[Outcome] = frozenset({Outcome.FULFILLED, Outcome.PARTLY_FULFILLED})


@dataclass(frozen=True)
class ClosingRecord:
    """The facts about a case that decide whether it may be closed with ``outcome``."""

    status: Status
    identity_state: IdentityState
    outcome: Outcome | None
    refusal_grounds: tuple[RefusalGround, ...] = ()
    response_letter_issued: bool = False
    correspondence_out: bool = False

    @property
    def response_on_file(self) -> bool:
        return self.response_letter_issued or self.correspondence_out


def closing_problems(record: ClosingRecord) -> list[str]:
    """What is missing before the case can be closed, each naming the fix; [] when it can."""
    problems: list[str] = []
    outcome = record.outcome
    if outcome is None:
        return [_("Choose an outcome (for example fulfilled, refused or withdrawn).")]
    if outcome in NEEDS_GROUNDS and not record.refusal_grounds:
        problems.append(
            _("A refused request needs its grounds for refusal: tick at least one.")
            if outcome is Outcome.REFUSED
            else _("A partly fulfilled request needs its grounds for refusal: tick at least one.")
        )
    if outcome in ACTS_ON_REQUEST:
        if record.status is Status.AWAITING_IDENTITY_PROOF or (
            record.identity_state is IdentityState.PENDING
        ):
            problems.append(
                _(
                    "The requester's identity is still pending: attach the proof and mark it "
                    "verified (then resume the case), or refuse on the ground "
                    "“identity not verified”."
                )
            )
        elif record.identity_state is IdentityState.FAILED:
            problems.append(
                _(
                    "The requester's identity could not be verified, so the request cannot be "
                    "fulfilled: refuse it on the ground “identity not verified”."
                )
            )
    if outcome not in NO_RESPONSE_NEEDED and not record.response_on_file:
        problems.append(
            _(
                "No response to the requester is on file: issue a response letter (Letters tab) "
                "or record the reply you sent (Record correspondence), then close."
            )
        )
    return problems


class CannotClose(ValueError):
    """Closing refused; the message lists everything missing and how to supply it."""

    def __init__(self, reference: str, problems: list[str]) -> None:
        super().__init__(
            _("{reference} cannot be closed yet. {problems}").format(
                reference=reference, problems=" ".join(problems)
            )
        )
        self.problems = problems


def check_closing(reference: str, record: ClosingRecord) -> None:
    """Raise CannotClose naming every missing item, or return when the record is complete."""
    problems = closing_problems(record)
    if problems:
        raise CannotClose(reference, problems)
