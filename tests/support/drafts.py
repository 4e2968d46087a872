"""Obviously fictitious drafts for tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from grievance_desk.domain.case_record import CaseDraft, Requester
from grievance_desk.domain.case_types import CaseKind, Channel, RequestType


def make_draft(**overrides: Any) -> CaseDraft:
    person = overrides.pop(
        "requester",
        Requester(name="Test Person Alpha", email="alpha@example.org", phone="+91 00000 00001"),
    )
    values: dict[str, Any] = {
        "kind": CaseKind.RIGHTS_REQUEST,
        "request_type": RequestType.ACCESS,
        "channel": Channel.EMAIL,
        "received_at": datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        "requester": person,
        "description": "Please send me a copy of my account data (test case).",
    }
    values.update(overrides)
    return CaseDraft(**values)
