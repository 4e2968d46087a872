"""Saving the case form is one use case (issue 16.3): the details and the reply language
commit together with their audit events, or not at all.

Before, the case file ran ``update_case`` and then ``set_reply_language`` as two
transactions, so a refused language kept the edited details while the window said
"Not saved".
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from grievance_desk.services.case_details import save_case_details
from grievance_desk.services.cases import find_case, register_case
from grievance_desk.services.reply_language import ReplyLanguageError, get_reply_language
from grievance_desk.storage.audit import verify_chain
from grievance_desk.storage.register import Register
from tests.conftest import NOW
from tests.support.drafts import make_draft


def _description(register: Register, reference: str) -> str:
    with register.reading() as session:
        case, _person = find_case(session, reference)
        return case.description


def _events(register: Register) -> list[tuple[str, str]]:
    with register.reading() as session:
        rows = session.execute(text("SELECT action, at FROM audit_event ORDER BY id")).all()
    return [(str(a), str(t)) for a, t in rows]


def test_details_and_language_are_saved_as_one_event_group(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    before = _events(register)
    save_case_details(
        register, reference, {"description": "Fictitious, edited."}, reply_language="hi", now=NOW
    )
    assert _description(register, reference) == "Fictitious, edited."
    assert get_reply_language(register, reference).code == "hi"
    added = _events(register)[len(before) :]
    assert [action for action, _ in added] == ["case.updated", "case.reply_language_set"]
    assert len({at for _, at in added}) == 1
    with register.reading() as session:
        assert verify_chain(session).broken_at is None


def test_a_refused_language_keeps_the_details_unsaved(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    description = _description(register, reference)
    before = _events(register)
    with pytest.raises(ReplyLanguageError, match="not a reply language"):
        save_case_details(
            register,
            reference,
            {"description": "Fictitious, edited."},
            reply_language="xx",
            now=NOW,
        )
    assert _description(register, reference) == description
    assert _events(register) == before


def test_only_the_language_changed(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    before = _events(register)
    save_case_details(register, reference, {}, reply_language="hi", now=NOW)
    assert [a for a, _ in _events(register)[len(before) :]] == ["case.reply_language_set"]
