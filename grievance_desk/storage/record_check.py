"""What ``verify`` checks beyond the chain's own links: that the chain covers the record.

- Every case's current state (``case_state``) equals the state recorded by its latest audit
  event, so a case edited, or a child row added or removed, outside the app is named.
- Every case has a creation event (or a recorded repair); every case an event names exists,
  so injected and deleted cases are named.
- Every attachment's bytes still have the SHA-256 recorded when it was added.
- The triggers that refuse edits to the audit chain exist, exactly as the migrations made them.
- A redacted event belongs to a case purged after it (a redaction hides its payload from the
  digest check, so a hand-made one would hide an edit); no year's reference counter is below
  a number in use (it would hand out a reference twice).

It also recognises the one known gap: imports of 250 rows or more in versions before schema
0007 dropped the creation event of every 250th case (``find_import_gaps``).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.messages import _
from grievance_desk.storage.audit import BASELINE_ACTION, REPAIR_ACTION, STATE_KEY
from grievance_desk.storage.case_state import iter_case_states
from grievance_desk.storage.dialect import DIALECT

CREATED_ACTION = AuditAction.CASE_CREATED
# The retention purge (services/retention.py) redacts a case's events, then appends this one;
# it is the only redaction there is, so any other redacted payload was hidden by hand.
PURGE_ACTION = AuditAction.CASE_PURGED
# The old import let go of its objects every 250 rows, so only imports this large lost events.
_IMPORT_BATCH = 250


def expected_audit_triggers() -> dict[str, str]:
    """The audit triggers as the migrations create them, by name (whitespace-normalised)."""
    initial = importlib.import_module("grievance_desk.storage.migrations.versions.0001_initial")
    found: dict[str, str] = {}
    for sql in initial.AUDIT_TRIGGERS:
        normal = _normal(sql)
        name = normal.split()[2]
        found[name] = normal
    return found


def _normal(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def trigger_problems(session: Session) -> list[str]:
    """Name each audit trigger that is missing or not the one the migrations made."""
    stored = {name: _normal(sql) for name, sql in DIALECT.stored_triggers(session).items()}
    problems = []
    for name, sql in expected_audit_triggers().items():
        if name not in stored:
            problems.append(
                _(
                    "the trigger {name} that keeps audit events append-only is missing "
                    "(dropped outside the app)"
                ).format(name=name)
            )
        elif stored[name] != sql:
            problems.append(_("the trigger {name} was altered outside the app").format(name=name))
    return problems


@dataclass(frozen=True)
class ImportGap:
    """A case whose creation event the old import dropped, and how we know it."""

    case_id: int
    reference: str
    imported_at: str
    neighbour_event: int
    # The lost event's id and the hash the next event links to; None when the lost event was
    # the import's last (its id was then reused by the next event, leaving no hole).
    missing_event: int | None
    lost_hash: str | None


@dataclass
class RecordReport:
    """Findings about the record; ``problems`` are failures, the rest is information."""

    cases: int = 0
    problems: list[str] = field(default_factory=list)
    import_gaps: list[ImportGap] = field(default_factory=list)
    repaired: list[tuple[str, int]] = field(default_factory=list)
    baseline_only: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and not self.import_gaps


def _latest_events(session: Session) -> dict[int, tuple[int, str, str | None, bool]]:
    """Per case id: its latest event's id, action, payload and whether it was redacted."""
    rows = session.execute(
        text(
            "SELECT e.case_id, e.id, e.action, e.payload, e.redacted_at IS NOT NULL "
            "FROM audit_event e JOIN (SELECT case_id, max(id) AS id FROM audit_event "
            "WHERE case_id IS NOT NULL GROUP BY case_id) m ON m.id = e.id"
        )
    )
    return {int(r[0]): (int(r[1]), str(r[2]), r[3], bool(r[4])) for r in rows}


def _recorded_state(payload: str | None) -> str | None:
    try:
        data: Any = json.loads(payload or "{}")
    except ValueError:
        return None
    value = data.get(STATE_KEY) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _cases_with(session: Session, action: str) -> dict[int, int]:
    rows = session.execute(
        text("SELECT case_id, min(id) FROM audit_event WHERE action = :a GROUP BY case_id"),
        {"a": action},
    )
    return {int(r[0]): int(r[1]) for r in rows if r[0] is not None}


def find_import_gaps(session: Session, missing: list[tuple[int, str]]) -> list[ImportGap]:
    """Which of ``missing`` (cases without a creation event) match the old import defect.

    The pattern: an import of 250 rows or more (at least 249 other cases created by
    ``case.created`` events at exactly this case's ``created_at``), one of them a neighbour
    (id ±1), and the lost event's id directly follows (or precedes) that neighbour's event
    and is absent from the chain (or, at an import's end, was reused by the next event).
    A hand-made case that mimics all of this is still named (verify fails until a recorded
    ``repair``), and the repair shows who made it and when."""
    gaps = []
    for case_id, reference in missing:
        created = session.execute(
            text("SELECT created_at FROM grievance_case WHERE id = :id"), {"id": case_id}
        ).scalar()
        same_import = session.execute(
            text("SELECT count(*) FROM audit_event WHERE action = :a AND at = :at"),
            {"a": CREATED_ACTION, "at": created},
        ).scalar()
        if int(same_import or 0) < _IMPORT_BATCH - 1:
            continue
        for neighbour, step in ((case_id - 1, 1), (case_id + 1, -1)):
            row = session.execute(
                text(
                    "SELECT id, at FROM audit_event WHERE case_id = :c AND action = :a "
                    "ORDER BY id LIMIT 1"
                ),
                {"c": neighbour, "a": CREATED_ACTION},
            ).first()
            if row is None or row[1] != created:
                continue
            lost_id = int(row[0]) + step
            exists = session.execute(
                text("SELECT 1 FROM audit_event WHERE id = :id"), {"id": lost_id}
            ).scalar()
            following = session.execute(
                text("SELECT prev_hash FROM audit_event WHERE id = :id"), {"id": lost_id + 1}
            ).scalar()
            hole = exists is None and following is not None
            gaps.append(
                ImportGap(
                    case_id,
                    reference,
                    str(created),
                    int(row[0]),
                    lost_id if hole else None,
                    str(following) if hole else None,
                )
            )
            break
    return gaps


def _attachment_problems(session: Session, references: dict[int, str]) -> list[str]:
    problems: list[str] = []
    after = 0
    while True:
        rows = session.execute(
            text(
                "SELECT id, case_id, sha256, size, content FROM attachment "
                "WHERE id > :after AND content IS NOT NULL ORDER BY id LIMIT 200"
            ),
            {"after": after},
        ).all()
        if not rows:
            return problems
        for attachment_id, case_id, sha, size, content in rows:
            data = bytes(content)
            if hashlib.sha256(data).hexdigest() != sha or len(data) != size:
                problems.append(
                    _(
                        "attachment {attachment} of {case}: its bytes no longer match the "
                        "SHA-256 recorded when it was added"
                    ).format(attachment=attachment_id, case=references.get(case_id, case_id))
                )
        after = int(rows[-1][0])


def _redaction_problems(session: Session) -> list[str]:
    rows = session.execute(
        text(
            "SELECT e.id FROM audit_event e WHERE e.redacted_at IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM audit_event p WHERE p.case_id = e.case_id AND p.action = :purge "
            "AND p.id > e.id) ORDER BY e.id"
        ),
        {"purge": PURGE_ACTION},
    ).scalars()
    return [
        _(
            "audit event {event} is marked redacted, but no retention purge of its case "
            "follows it: its payload was replaced outside the app"
        ).format(event=event_id)
        for event_id in rows
    ]


def _counter_problems(session: Session) -> list[str]:
    rows = session.execute(
        text(
            "SELECT c.ref_year, max(c.ref_sequence), r.last_sequence FROM grievance_case c "
            "LEFT JOIN reference_counter r ON r.year = c.ref_year GROUP BY c.ref_year"
        )
    )
    problems = []
    for year, highest, last in rows:
        if last is None:
            problems.append(
                _(
                    "the {year} reference counter is missing although {year} numbers up to "
                    "{highest} are in use; it was removed outside the app"
                ).format(year=year, highest=highest)
            )
        elif int(last) < int(highest):
            problems.append(
                _(
                    "the {year} reference counter ({last}) is below the highest {year} number "
                    "in use ({highest}); it was lowered outside the app"
                ).format(year=year, last=last, highest=highest)
            )
    return problems


def check_record(session: Session) -> RecordReport:
    """Compare every case with its latest audit event; see the module docstring."""
    report = RecordReport()
    report.problems.extend(trigger_problems(session))
    latest = _latest_events(session)
    created = _cases_with(session, CREATED_ACTION)
    repairs = _cases_with(session, REPAIR_ACTION)
    references: dict[int, str] = {}
    missing_creation: list[tuple[int, str]] = []
    mismatched: list[str] = []
    for case_id, reference, state in iter_case_states(session):
        report.cases += 1
        references[case_id] = reference
        if case_id in repairs:
            report.repaired.append((reference, repairs[case_id]))
        elif case_id not in created:
            missing_creation.append((case_id, reference))
        event = latest.get(case_id)
        if event is None:
            continue  # named below, with the missing creation event
        event_id, action, payload, was_redacted = event
        recorded = None if was_redacted else _recorded_state(payload)
        if recorded is None:
            mismatched.append(
                _(
                    "{reference}: its latest audit event ({event}, {action}) records no state "
                    "to compare with"
                ).format(reference=reference, event=event_id, action=action)
            )
        elif recorded != state:
            mismatched.append(
                _(
                    "{reference}: differs from the state its latest audit event ({event}, "
                    "{action}) recorded; it was changed outside the app after that event"
                ).format(reference=reference, event=event_id, action=action)
            )
        elif action == BASELINE_ACTION:
            report.baseline_only += 1
    gaps = find_import_gaps(session, missing_creation)
    report.import_gaps = gaps
    explained = {g.case_id for g in gaps}
    for case_id, reference in missing_creation:
        if case_id in explained:
            continue
        if case_id in latest:
            report.problems.append(
                _(
                    "{reference}: has no creation event in the audit chain (the event was "
                    "removed or the case was injected outside the app)"
                ).format(reference=reference)
            )
        else:
            report.problems.append(
                _("{reference}: has no audit event at all; it was added outside the app").format(
                    reference=reference
                )
            )
    report.problems.extend(mismatched)
    for case_id, (event_id, _action, payload, _r) in sorted(latest.items()):
        if case_id not in references:
            name = _payload_reference(payload) or _("case id {id}").format(id=case_id)
            report.problems.append(
                _(
                    "{name}: named by audit event {event} but no longer in the register; it "
                    "was deleted outside the app"
                ).format(name=name, event=event_id)
            )
    report.problems.extend(_attachment_problems(session, references))
    report.problems.extend(_redaction_problems(session))
    report.problems.extend(_counter_problems(session))
    return report


def _payload_reference(payload: str | None) -> str | None:
    try:
        data: Any = json.loads(payload or "{}")
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    found = data.get("reference") or (data.get("after") or {}).get("reference")
    return str(found) if found else None
