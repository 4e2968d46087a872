"""Search on a register that was made at 0004 and migrated: 0005 rebuilds the FTS5 table.

The rebuild must carry every case's indexed text over (officers look cases up by name,
e-mail, description words and reference) and leave a table the app's sync paths still
write to: indexing a changed or new case, forgetting a purged one, compacting.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session

from grievance_desk.services.case_queries import CaseFilter, count_cases
from grievance_desk.storage.engine import make_engine
from grievance_desk.storage.keyfile import new_data_key
from grievance_desk.storage.migrate import current_revision, head_revision, migrate
from grievance_desk.storage.search import (
    compact_search_index,
    forget_case,
    index_case,
    search_case_ids,
)

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
STAMP = "2025-01-02T03:04:05.000000Z"

# (id, reference, name, e-mail, description)
CASES = [
    (1, "GRV-2025-00001", "Deepa Mukherjee", "deepa.m@example.org", "Refund of a loan fee"),
    (2, "GRV-2025-00002", "Aditya Saxena", "aditya.s@example.org", "Unsolicited insurance calls"),
    (3, "GRV-2025-00003", "Aisha Sayed", "aisha.sayed@example.org", "Fix my Mumbai postcode"),
    (4, "GRV-2025-00004", "Émile Dubois", "emile@example.org", "Deletion of the old account"),
]


def _add_case(session: Session, case_id: int, reference: str, name: str, email: str) -> None:
    session.execute(
        text(
            "INSERT INTO requester (id, name, email, phone, postal_address, relationship, "
            "organisation) VALUES (:id, :name, :email, '', '', 'customer', '')"
        ),
        {"id": case_id, "name": name, "email": email},
    )
    session.execute(
        text(
            "INSERT INTO grievance_case (id, reference, ref_year, ref_sequence, kind, "
            "request_type, channel, received_at, requester_id, representative, "
            "representative_name, data_categories, description, identity_state, priority, "
            "status, refusal_grounds, tags, legal_hold, created_at, updated_at) VALUES "
            "(:id, :reference, 2025, :id, 'complaint', 'access', 'email', :at, :id, 'none', "
            "'', '[]', '', 'not_required', 'normal', 'new', '[]', '[]', 0, :at, :at)"
        ),
        {"id": case_id, "reference": reference, "at": STAMP},
    )


@pytest.fixture
def migrated(tmp_path: Path) -> Iterator[Engine]:
    """A register created at 0004 with four indexed cases, then migrated to head."""
    path = tmp_path / "at-0004.db"
    engine = make_engine(path, new_data_key())
    migrate(engine, path, target="0004")
    with Session(engine) as session, session.begin():
        for case_id, reference, name, email, description in CASES:
            _add_case(session, case_id, reference, name, email)
            index_case(session, case_id, reference, name, email, description)
    migrate(engine, path, backup=lambda _path: None)
    assert current_revision(engine) == head_revision()
    yield engine
    engine.dispose()


def _found(engine: Engine, typed: str) -> list[int]:
    with Session(engine) as session:
        return sorted(search_case_ids(session, typed))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Deepa Mukherjee", [1]),
        ("Deepa M", [1]),  # a one-letter last word: the prefix index's case
        ("Ad", [2]),
        ("Ai", [3]),
        ("aditya.s", [2]),
        ("aisha.sayed@example.org", [3]),
        ("example", [1, 2, 3, 4]),
        ("refund", [1]),
        ("insur", [2]),
        ("Mum", [3]),
        ("emile", [4]),  # diacritics still folded: same tokenizer
        ("GRV-2025-00003", [3]),
        ("00004", [4]),
        ("Nobody", []),
    ],
)
def test_search_finds_migrated_cases(migrated: Engine, typed: str, expected: list[int]) -> None:
    assert _found(migrated, typed) == expected


def test_the_cases_list_filters_by_text_on_the_migrated_index(migrated: Engine) -> None:
    with Session(migrated) as session:
        assert count_cases(session, CaseFilter(text="Saxena"), now=NOW) == 1
        assert count_cases(session, CaseFilter(text="S"), now=NOW, at_most=1001) == 2
        assert count_cases(session, CaseFilter(text="o"), now=NOW) == 4


def test_the_rebuilt_table_has_the_prefix_index_and_no_leftovers(migrated: Engine) -> None:
    with migrated.connect() as connection:
        rows = connection.execute(
            text("SELECT name, sql FROM sqlite_master WHERE name LIKE 'case_search%'")
        )
        tables = {str(name): str(sql) for name, sql in rows}
    assert "prefix = '1 2'" in tables["case_search"]
    assert "remove_diacritics 2" in tables["case_search"]
    assert not [name for name in tables if "rebuilt" in name]


def test_every_sync_path_writes_to_the_rebuilt_table(migrated: Engine) -> None:
    with Session(migrated) as session, session.begin():
        # A changed case is re-indexed, a new one indexed, a purged one forgotten.
        index_case(session, 1, CASES[0][1], "Deepa Banerjee", "deepa.b@example.org", "Refund")
        _add_case(session, 5, "GRV-2025-00005", "Kiran Rao", "kiran@example.org")
        index_case(session, 5, "GRV-2025-00005", "Kiran Rao", "kiran@example.org", "Loan")
        forget_case(session, 2)
        compact_search_index(session)
    assert _found(migrated, "Deepa M") == []
    assert _found(migrated, "Deepa B") == [1]
    assert _found(migrated, "K") == [5]
    assert _found(migrated, "Aditya") == []
