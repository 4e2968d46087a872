"""The register sorts by priority, kind (schema 0008) and requester name (0010) through an index.

Without one, every sort read and sorted all cases (146–174 ms at 100,000). Here SQLite's own
EXPLAIN QUERY PLAN for the page query ``fetch_page`` runs must walk the index and build no
temporary B-tree for the ORDER BY, both ways round; and the generated urgency rank agrees
with the domain's order and with the text migration 0008 froze.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, text

from grievance_desk.domain.case_types import Priority
from grievance_desk.services import case_queries as q
from grievance_desk.services.cases import register_case
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import PRIORITY_RANK_SQL
from tests.conftest import NOW
from tests.support.drafts import make_draft


@contextmanager
def _statements(session: Any) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []
    engine = session.get_bind()

    def before(_c: Any, _cur: Any, statement: str, parameters: Any, *_a: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


@pytest.mark.parametrize("sort", [q.SortKey.PRIORITY, q.SortKey.KIND, q.SortKey.REQUESTER])
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_by_priority_kind_or_name_walks_an_index(
    register: Register, sort: q.SortKey, descending: bool
) -> None:
    index = {
        q.SortKey.PRIORITY: "ix_grievance_case_priority_rank",
        q.SortKey.KIND: "ix_grievance_case_kind",
        q.SortKey.REQUESTER: "ix_grievance_case_requester_sort_key",
    }[sort]
    with register.reading() as session:
        with _statements(session) as seen:
            q.fetch_page(session, q.CaseFilter(), sort=sort, descending=descending, now=NOW)
        page = [(s, p) for s, p in seen if "ORDER BY" in s]
        assert len(page) == 1
        statement, parameters = page[0]
        plan = [
            (int(row[0]), int(row[1]), str(row[-1]))
            for row in session.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters
            )
        ]
    # The page's ids are picked in the subquery (a deferred join): that is the part that
    # must walk the index. The outer query then orders just the page's 200 rows.
    picked = _subtree(plan, next(n for n, _p, d in plan if d.startswith("LIST SUBQUERY")))
    assert any(index in step for step in picked), plan
    assert not any("TEMP B-TREE" in step for step in picked), plan


def _subtree(plan: list[tuple[int, int, str]], root: int) -> list[str]:
    """The details of every plan step under ``root``."""
    ids, found = {root}, []
    for node, parent, detail in plan:
        if parent in ids:
            ids.add(node)
            found.append(detail)
    return found


def test_the_urgency_rank_follows_the_domain_order(register: Register) -> None:
    for priority in Priority:
        register_case(register, make_draft(priority=priority), now=NOW)
    with register.reading() as session:
        rows = session.execute(text("SELECT priority, priority_rank FROM grievance_case")).all()
    assert {str(p): int(r) for p, r in rows} == {p.value: n for n, p in enumerate(Priority)}


def test_migration_0008_froze_the_same_rank_expression() -> None:
    from importlib import import_module

    migration = import_module("grievance_desk.storage.migrations.versions.0008_priority_kind_sort")
    assert migration.PRIORITY_RANK_SQL == PRIORITY_RANK_SQL
