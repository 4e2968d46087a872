"""Saving the case form: the edited details and the reply language are one use case.

The case file's Save writes both in one transaction with their audit events (one time, one
actor), so a refused value leaves nothing of the save behind while the window says
"Not saved" (issue 16.3).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from grievance_desk.services.cases import edit_case
from grievance_desk.services.reply_language import record_reply_language
from grievance_desk.storage.register import Register


def save_case_details(
    register: Register,
    reference: str,
    changes: dict[str, Any],
    *,
    reply_language: str | None = None,
    now: datetime,
) -> None:
    """Save the changed details and, if given, the reply language, together or not at all."""
    actor = register.actor
    with register.writing() as session:
        if changes:
            edit_case(session, reference, changes, now=now, actor=actor)
        if reply_language is not None:
            record_reply_language(session, reference, reply_language, now=now, actor=actor)
