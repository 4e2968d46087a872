"""Close a test case the way the record requires: a reply on file, grounds where refused."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from grievance_desk.domain.case_types import Channel, Outcome, RefusalGround
from grievance_desk.domain.closing import NEEDS_GROUNDS, NO_RESPONSE_NEEDED
from grievance_desk.domain.workflow import Action, Status
from grievance_desk.services.cases import change_status
from grievance_desk.services.correspondence import record_correspondence
from grievance_desk.storage.register import Register


def close_with_reply(
    register: Register,
    reference: str,
    *,
    now: datetime,
    outcome: Outcome,
    refusal_grounds: Iterable[RefusalGround] = (),
    **kw: Any,
) -> Status:
    """Record the reply sent (where the outcome needs one), then close the case."""
    grounds = list(refusal_grounds)
    if outcome in NEEDS_GROUNDS and not grounds:
        grounds = [RefusalGround.OTHER]
    if outcome not in NO_RESPONSE_NEEDED:
        record_correspondence(
            register,
            reference,
            direction="out",
            channel=Channel.EMAIL,
            at=now,
            now=now,
            subject="Our reply to your request (test)",
        )
    return change_status(
        register, reference, Action.CLOSE, now=now, outcome=outcome, refusal_grounds=grounds, **kw
    )
