"""The register list's queries: filters, search and sorting in SQL, pages and counts."""

from __future__ import annotations

from datetime import timedelta

from grievance_desk.domain.case_record import Requester
from grievance_desk.domain.case_types import RequestType
from grievance_desk.domain.workflow import Action, Status
from grievance_desk.services import case_queries as q
from grievance_desk.services.cases import change_status, register_case
from grievance_desk.storage.register import Register
from tests.conftest import NOW
from tests.support.closing import close_with_reply
from tests.support.drafts import make_draft


def _three(register: Register) -> list[str]:
    refs = [
        register_case(
            register,
            make_draft(
                requester=Requester(
                    name=f"Test Person {name}", email=f"{name.lower()}@example.org"
                ),
                request_type=kind,
                description=text,
                received_at=NOW - timedelta(days=days),
            ),
            now=NOW,
        )
        for name, kind, text, days in (
            ("Alpha", RequestType.ACCESS, "Copy of my marigold account data.", 40),
            ("Bravo", RequestType.ERASURE, "Delete everything (test).", 3),
            ("Charlie", RequestType.ERASURE, "Delete my old ticket (test).", 1),
        )
    ]
    q.sync_next_due(register, now=NOW)
    return refs


def test_filters_search_count_and_sort(register: Register) -> None:
    alpha, bravo, charlie = _three(register)
    change_status(register, bravo, Action.REQUEST_IDENTITY_PROOF, now=NOW)
    with register.reading() as s:
        assert q.count_cases(s, q.CaseFilter(), now=NOW) == 3
        assert q.count_cases(s, q.CaseFilter(text="marigold"), now=NOW) == 1
        assert q.count_cases(s, q.CaseFilter(text="charlie@example"), now=NOW) == 1
        assert q.count_cases(s, q.CaseFilter(text="!!"), now=NOW) == 0
        erasures = q.CaseFilter(request_types=frozenset({RequestType.ERASURE}))
        assert q.count_cases(s, erasures, now=NOW) == 2
        awaiting = q.CaseFilter(awaiting_requester_only=True)
        assert [r.reference for r in q.fetch_page(s, awaiting, now=NOW)] == [bravo]
        statuses = q.CaseFilter(statuses=frozenset({Status.NEW}))
        assert q.count_cases(s, statuses, now=NOW) == 2
        oldest_first = q.fetch_page(
            s, q.CaseFilter(), sort=q.SortKey.RECEIVED, descending=False, now=NOW
        )
        assert [r.reference for r in oldest_first] == [alpha, bravo, charlie]
        by_name = q.fetch_page(
            s, q.CaseFilter(), sort=q.SortKey.REQUESTER, descending=True, now=NOW
        )
        assert by_name[0].requester_name == "Test Person Charlie"
        page = q.fetch_page(s, q.CaseFilter(), offset=1, limit=1, now=NOW)
        assert len(page) == 1


def test_overdue_and_today_counts_follow_the_deadline_engine(register: Register) -> None:
    alpha, _bravo, _charlie = _three(register)
    with register.reading() as s:
        overdue = q.fetch_page(s, q.CaseFilter(overdue_only=True), now=NOW)
        assert alpha in [r.reference for r in overdue], "received 40 days ago, never acknowledged"
        assert all(r.days_left is not None and r.days_left < 0 for r in overdue)
        counts = q.today_counts(s, now=NOW)
        assert counts.open == 3
        assert counts.overdue == len(overdue)
        nearest = q.next_deadlines(s, now=NOW)
        assert nearest[0].reference == alpha


def test_closed_case_leaves_the_deadline_lists(register: Register) -> None:
    from grievance_desk.domain.case_types import Outcome

    alpha, *_ = _three(register)
    close_with_reply(register, alpha, now=NOW, outcome=Outcome.FULFILLED)
    q.sync_next_due(register, now=NOW)
    with register.reading() as s:
        row = q.case_row(s, alpha, now=NOW)
        assert row is not None and row.next_due_at is None
        assert alpha not in [
            r.reference for r in q.fetch_page(s, q.CaseFilter(overdue_only=True), now=NOW)
        ]


def test_timeline_is_newest_first_with_labels(register: Register) -> None:
    alpha, *_ = _three(register)
    change_status(register, alpha, Action.ACKNOWLEDGE, now=NOW + timedelta(hours=1))
    with register.reading() as s:
        row = q.case_row(s, alpha, now=NOW)
        assert row is not None
        items = q.case_timeline(s, row.id)
        assert [i.title for i in items][:2] == ["Acknowledged", "Case registered"]
        changes = q.recent_changes(s, limit=1)
        assert changes[0].reference == alpha
        assert q.action_label(changes[0].action) == "Acknowledged"
