"""The digest of a case's recorded state, so the audit chain vouches for the record itself.

Each audit event about a case carries ``state_sha256``: the SHA-256 of the case as stored
right after the change (its row, its requester, its correspondence, attachments (their
SHA-256, not their bytes), pauses, extensions, letters and links). ``verify`` recomputes it
for every case and compares it with the case's latest event, so an edit made outside the app
(an altered description, a swapped attachment digest, a deleted pause) is caught and located.

The state is read as the stored text and numbers (no Python types in between), so the same
row always gives the same digest. Left out: caches the app recomputes without an event
(``next_due_at``, ``next_due_kind``) and ``updated_at``; and an attachment's bytes, which
``verify`` checks against the recorded SHA-256 separately.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

from sqlalchemy import Boolean, text
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

# Every case column but the derived caches (next_due_at, next_due_kind) and updated_at.
_CASE_COLUMNS = (
    "id, reference, ref_year, ref_sequence, kind, request_type, channel, received_at, "
    "requester_id, representative, representative_name, data_categories, description, "
    "identity_state, priority, status, outcome, refusal_grounds, tags, policy_id, "
    "acknowledged_at, closed_at, identity_proof_at, fee_received_at, reopened_at, legal_hold, "
    "created_at, purged_at"
)
_REQUESTER_COLUMNS = "id, name, email, phone, postal_address, relationship, organisation"
# Per child table: the columns that are part of the state (ordered by id).
_CHILDREN: dict[str, str] = {
    "correspondence": "id, direction, channel, at, counterpart, subject, body",
    "attachment": (
        "id, correspondence_id, filename, media_type, size, sha256, purpose, added_at, destroyed_at"
    ),
    "clock_pause": "id, reason, started_on, ended_on",
    "extension": "id, granted_at, reason, notice_sent_at",
    "letter": (
        "id, template_id, template_version, status, subject, body, created_at, issued_at, sha256"
    ),
}
_BATCH = 500


def _rows(session: Session, sql: str, ids: Sequence[int]) -> list[dict[str, Any]]:
    params = {f"i{n}": value for n, value in enumerate(ids)}
    marks = ", ".join(f":{name}" for name in params)
    result = session.execute(text(sql.replace("(:ids)", f"({marks})")), params)
    return [dict(row) for row in result.mappings()]


def _digest(state: dict[str, Any]) -> str:
    encoded = json.dumps(state, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _states(session: Session, ids: Sequence[int]) -> dict[int, str]:
    # Every name in these statements is a constant of this module; values are bound.
    case_sql = f"SELECT {_CASE_COLUMNS} FROM grievance_case WHERE id IN (:ids)"  # noqa: S608
    cases = _rows(session, case_sql, ids)
    if not cases:
        return {}
    people = {
        row["id"]: row
        for row in _rows(
            session,
            f"SELECT {_REQUESTER_COLUMNS} FROM requester WHERE id IN (:ids)",  # noqa: S608
            [int(c["requester_id"]) for c in cases],
        )
    }
    children: dict[str, dict[int, list[dict[str, Any]]]] = {}
    links: dict[int, list[list[int]]] = defaultdict(list)
    for table, columns in _CHILDREN.items():
        grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
        sql = f"SELECT case_id, {columns} FROM {table} WHERE case_id IN (:ids) ORDER BY id"  # noqa: S608
        for row in _rows(session, sql, ids):
            grouped[int(row.pop("case_id"))].append(row)
        children[table] = grouped
    sql = (
        "SELECT case_id, linked_case_id FROM case_link "
        "WHERE case_id IN (:ids) OR linked_case_id IN (:ids)"
    )
    for row in _rows(session, sql, ids):
        pair = sorted((int(row["case_id"]), int(row["linked_case_id"])))
        for side in set(pair):
            links[side].append(pair)
    states: dict[int, str] = {}
    for case in cases:
        case_id = int(case["id"])
        state: dict[str, Any] = {
            "case": case,
            "requester": people.get(case["requester_id"]),
            "links": sorted(links.get(case_id, [])),
        }
        for table in _CHILDREN:
            state[table] = children.get(table, {}).get(case_id, [])
        states[case_id] = _digest(state)
    return states


def case_state_digest(session: Session, case_id: int) -> str | None:
    """The digest of one case as stored now (None if there is no such case)."""
    return _states(session, [case_id]).get(case_id)


_Convert = Callable[[Any], Any]
_CONVERTERS: dict[tuple[type, str], list[tuple[str, _Convert | None]]] = {}


def _converters(kind: type, columns: str) -> list[tuple[str, _Convert | None]]:
    """Per model and column list, once: each column's name and its bind conversion."""
    key = (kind, columns)
    if key not in _CONVERTERS:
        table = kind.__table__  # type: ignore[attr-defined]
        found: list[tuple[str, _Convert | None]] = []
        for name in (c.strip() for c in columns.split(",")):
            column_type = table.c[name].type
            if isinstance(column_type, TypeDecorator):
                bind = partial(column_type.process_bind_param, dialect=None)  # type: ignore[arg-type]
                found.append((name, bind))
            elif isinstance(column_type, Boolean):
                found.append((name, lambda v: None if v is None else int(v)))
            else:
                found.append((name, None))
        _CONVERTERS[key] = found
    return _CONVERTERS[key]


def _stored(row: SQLModel, columns: str) -> dict[str, Any]:
    """A model object's columns in their stored form (what a raw SELECT gives back)."""
    values: dict[str, Any] = {}
    for name, convert in _converters(type(row), columns):
        value = getattr(row, name)
        values[name] = value if convert is None else convert(value)
    return values


def new_case_state_digest(case: SQLModel, requester: SQLModel) -> str:
    """The digest of a case inserted in this transaction, from the flushed objects without
    reading them back (a bulk import saves two queries per row). A new case has no child
    rows, so this equals ``case_state_digest`` of the stored case; the import tests check it."""
    return _digest(
        {
            "case": _stored(case, _CASE_COLUMNS),
            "requester": _stored(requester, _REQUESTER_COLUMNS),
            "links": [],
            **{table: [] for table in _CHILDREN},
        }
    )


def iter_case_states(session: Session) -> Iterator[tuple[int, str, str]]:
    """Every case as (id, reference, state digest), in id order, a batch at a time."""
    after = 0
    while True:
        batch = session.execute(
            text("SELECT id, reference FROM grievance_case WHERE id > :after ORDER BY id LIMIT :n"),
            {"after": after, "n": _BATCH},
        ).all()
        if not batch:
            return
        states = _states(session, [int(row[0]) for row in batch])
        for case_id, reference in batch:
            yield int(case_id), str(reference), states[int(case_id)]
        after = int(batch[-1][0])
