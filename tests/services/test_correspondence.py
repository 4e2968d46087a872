"""Correspondence: recorded with its audit event; impossible entries refused, nothing saved."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from grievance_desk.domain.case_types import Channel
from grievance_desk.services.cases import register_case
from grievance_desk.services.correspondence import list_correspondence, record_correspondence
from grievance_desk.storage.register import Register
from tests.conftest import NOW
from tests.support.drafts import make_draft


def test_messages_are_kept_in_order_with_their_trace(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    record_correspondence(
        register, reference, direction="out", channel=Channel.EMAIL, at=NOW - timedelta(hours=1),
        now=NOW, counterpart="alpha@example.org", subject="Your request (test)", body="Hello",
    )  # fmt: skip
    record_correspondence(
        register, reference, direction="in", channel=Channel.PHONE, at=NOW - timedelta(hours=3),
        now=NOW, subject="Phone call (test)", body="Asked about progress.",
    )  # fmt: skip
    items = list_correspondence(register, reference)
    assert [i.direction for i in items] == ["in", "out"]
    with register.reading() as session:
        actions = list(session.execute(text("SELECT action FROM audit_event")).scalars())
    assert actions[-2:] == ["correspondence.out", "correspondence.in"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"direction": "sideways"}, "Direction"),
        ({"at": NOW + timedelta(days=1)}, "future"),
        ({"at": NOW - timedelta(days=400)}, "before the case was received"),
        ({"subject": "", "body": "  "}, "subject or some text"),
        ({"body": "x" * 200_001}, "attach the full message"),
    ],
)
def test_bad_entries_are_refused_and_nothing_is_saved(
    register: Register, changes: dict[str, object], message: str
) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    values: dict[str, object] = {
        "direction": "in",
        "channel": Channel.EMAIL,
        "at": NOW - timedelta(hours=1),
        "now": NOW,
        "subject": "Test",
        "body": "Text",
    }
    values.update(changes)
    with pytest.raises(ValueError, match=message):
        record_correspondence(register, reference, **values)  # type: ignore[arg-type]
    assert list_correspondence(register, reference) == []
