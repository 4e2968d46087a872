"""A register made at 0009, with Devanagari names indexed un-folded, migrated to 0010.

0010 re-indexes the search rows folded and fills each case's collation key: the old cases
are found by every way of typing their names, sort by name through the new index, and keep
the audit state digest they had (the key is not part of the recorded state).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session

from grievance_desk.services.case_queries import CaseFilter, SortKey, fetch_page
from grievance_desk.storage.case_state import case_state_digest
from grievance_desk.storage.engine import make_engine
from grievance_desk.storage.keyfile import new_data_key
from grievance_desk.storage.migrate import current_revision, head_revision, migrate
from grievance_desk.storage.search import search_case_ids
from tests.conftest import NOW

STAMP = "2025-01-02T03:04:05.000000Z"
# (id, reference, name, description) as typed long ago; fictitious.
CASES = [
    (1, "GRV-2025-00001", "\u095bरीना शेख", "खाता बंद करें"),  # precomposed "ज़"
    (2, "GRV-2025-00002", "अनि\u200dता शर्मा", "डेटा की प्रति"),  # a zero-width joiner
    (3, "GRV-2025-00003", "anil Verma", "Refund of a loan fee"),
    (4, "GRV-2025-00004", "Anita Rao", "Wrong postcode"),
]


def _add_old_case(session: Session, case_id: int, reference: str, name: str, body: str) -> None:
    session.execute(
        text(
            "INSERT INTO requester (id, name, email, phone, postal_address, relationship, "
            "organisation) VALUES (:id, :name, '', '', '', 'customer', '')"
        ),
        {"id": case_id, "name": name},
    )
    session.execute(
        text(
            "INSERT INTO grievance_case (id, reference, ref_year, ref_sequence, kind, "
            "request_type, channel, received_at, requester_id, representative, "
            "representative_name, data_categories, description, identity_state, priority, "
            "status, refusal_grounds, tags, legal_hold, created_at, updated_at) VALUES "
            "(:id, :reference, 2025, :id, 'complaint', 'access', 'email', :at, :id, 'none', "
            "'', '[]', :body, 'not_required', 'normal', 'new', '[]', '[]', 0, :at, :at)"
        ),
        {"id": case_id, "reference": reference, "body": body, "at": STAMP},
    )
    # The search row as the app wrote it before 0010: the text as typed, not folded.
    session.execute(
        text(
            "INSERT INTO case_search (rowid, reference, requester, email, description) "
            "VALUES (:id, :reference, :name, '', :body)"
        ),
        {"id": case_id, "reference": reference, "name": name, "body": body},
    )


@pytest.fixture
def migrated(tmp_path: Path) -> Iterator[tuple[Engine, dict[int, str | None]]]:
    path = tmp_path / "at-0009.db"
    engine = make_engine(path, new_data_key())
    migrate(engine, path, target="0009")
    with Session(engine) as session, session.begin():
        for case in CASES:
            _add_old_case(session, *case)
    with Session(engine) as session:
        digests = {case_id: case_state_digest(session, case_id) for case_id, *_ in CASES}
        # Before: typed without the nukta, the old row is not found.
        assert search_case_ids(session, "जरीना") == []
    migrate(engine, path, backup=lambda _path: None)
    assert current_revision(engine) == head_revision()
    yield engine, digests
    engine.dispose()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("\u095bरीना", [1]),
        ("ज\u093cरीना", [1]),
        ("जरीना", [1]),
        ("खाता", [1]),
        ("अनिता", [2]),
        ("अनि\u200dता", [2]),
        ("प्रति", [2]),
        ("anil", [3]),
        ("ANITA", [4]),
        ("refund", [3]),
        ("GRV-2025-00002", [2]),
    ],
)
def test_old_cases_are_found_after_migrating(
    migrated: tuple[Engine, dict[int, str | None]], typed: str, expected: list[int]
) -> None:
    engine, _digests = migrated
    with Session(engine) as session:
        assert sorted(search_case_ids(session, typed)) == expected


def test_old_cases_sort_by_name_in_collation_order(
    migrated: tuple[Engine, dict[int, str | None]],
) -> None:
    engine, _digests = migrated
    with Session(engine) as session:
        rows = fetch_page(session, CaseFilter(), sort=SortKey.REQUESTER, descending=False, now=NOW)
    assert [row.id for row in rows] == [3, 4, 2, 1]


def test_the_audit_state_digest_of_old_cases_is_unchanged(
    migrated: tuple[Engine, dict[int, str | None]],
) -> None:
    engine, digests = migrated
    with Session(engine) as session:
        assert {case_id: case_state_digest(session, case_id) for case_id in digests} == digests
