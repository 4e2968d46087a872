"""Everything the case file shows about one case, read in one go on the background thread.

A service, so the window never opens a session itself; the benchmarks and the letters'
reload read a case through it without building any widget.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from grievance_desk.domain.case_record import CaseDraft
from grievance_desk.domain.policy_presets import policy_ids
from grievance_desk.services.attachments import AttachmentInfo, list_attachments
from grievance_desk.services.case_deadlines import (
    CaseDeadlineError,
    CaseDeadlines,
    deadlines_for_case,
)
from grievance_desk.services.case_queries import TimelineItem, case_timeline, policy_ids_in_use
from grievance_desk.services.cases import find_case, officer_zone, to_draft
from grievance_desk.services.clock import utc_now
from grievance_desk.services.extensions import extension_refused
from grievance_desk.services.reply_language import ReplyLanguage, reply_language_for  # issue 17
from grievance_desk.storage.register import Register


@dataclass
class CaseSnapshot:
    """One case as saved: ``deadlines`` is the problem and its fix when the policy fails."""

    reference: str
    case_id: int
    draft: CaseDraft
    zone: ZoneInfo
    deadlines: CaseDeadlines | str
    timeline: list[TimelineItem]
    attachments: list[AttachmentInfo]
    policy_ids: list[str]
    extension_refused: str | None = None
    reply_language: ReplyLanguage | None = None  # issue 17


def load_snapshot(register: Register, reference: str) -> CaseSnapshot:
    """Read what the case file shows, in one read transaction (call it off the GUI thread)."""
    now = utc_now()
    with register.reading() as session:
        case, person = find_case(session, reference)
        assert case.id is not None
        draft = to_draft(case, person)
        zone = officer_zone(session)
        timeline = case_timeline(session, case.id)
        ids = sorted(set(policy_ids()) | set(policy_ids_in_use(session)))
        refused = extension_refused(session, case, now=now)
        reply = reply_language_for(session, case)  # issue 17
        deadlines: CaseDeadlines | str
        try:
            deadlines = deadlines_for_case(session, case.reference, now=now)
        except CaseDeadlineError as error:
            deadlines = str(error)  # the panel shows the problem and its fix
    return CaseSnapshot(
        reference=draft.reference or reference,
        case_id=case.id,
        draft=draft,
        zone=zone,
        deadlines=deadlines,
        timeline=timeline,
        attachments=list_attachments(register, reference),
        policy_ids=ids,
        extension_refused=refused,
        reply_language=reply,
    )
