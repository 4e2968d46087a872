"""Write a case as one spreadsheet row in the canonical layout the import reads back exactly.

Values are stored codes and date-times carry the officer's UTC offset, so
``row_to_draft(draft_to_row(d))`` gives ``d`` back and a re-import never depends on wording.
"""

from __future__ import annotations

from datetime import tzinfo

from grievance_desk.domain.case_record import CaseDraft
from grievance_desk.domain.row_cells import clean_cell, join_list
from grievance_desk.domain.row_dates import format_when


def draft_to_row(draft: CaseDraft, *, tz: tzinfo) -> dict[str, str]:
    """The export form of a case, which ``row_to_draft`` reads back to the same row.

    Values are the stored codes (not labels) so a re-import never depends on wording, and
    date-times carry the officer's UTC offset so no reader has to guess the zone.
    """
    person = draft.requester
    return {
        "reference": draft.reference or "",
        "received": format_when(draft.received_at, tz),
        "kind": draft.kind.value,
        "request_type": draft.request_type.value,
        "channel": draft.channel.value,
        "status": draft.status.value,
        "priority": draft.priority.value,
        "requester_name": clean_cell(person.name),
        "requester_email": clean_cell(person.email),
        "requester_phone": clean_cell(person.phone),
        "requester_address": clean_cell(person.postal_address),
        "relationship": person.relationship.value,
        "organisation": clean_cell(person.organisation),
        "representative": draft.representative.value,
        "representative_name": clean_cell(draft.representative_name),
        "data_categories": join_list(c.value for c in draft.data_categories),
        "identity": draft.identity_state.value,
        "description": clean_cell(draft.description),
        "acknowledged": format_when(draft.acknowledged_at, tz),
        "closed": format_when(draft.closed_at, tz),
        "outcome": draft.outcome.value if draft.outcome else "",
        "refusal_grounds": join_list(g.value for g in draft.refusal_grounds),
        "tags": join_list(t for t in (clean_cell(tag) for tag in draft.tags) if t),
        "policy": clean_cell(draft.policy_id or ""),
    }
