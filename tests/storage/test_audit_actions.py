"""Audit actions are one typed enum, and the SQL that names actions agrees with it.

The enum's values are the strings registers have always stored (and hashed), so nothing
stored changes. Migration 0004's report-cache trigger names the actions reports read as
SQL text frozen in history; this test keeps that text and ``REPORT_ACTIONS`` in step.
"""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path

from sqlalchemy import text

from grievance_desk.domain.audit_actions import REPORT_ACTIONS, AuditAction, sql_list
from grievance_desk.domain.workflow import Action
from grievance_desk.services.cases import change_status, register_case
from grievance_desk.storage.register import Register
from tests.conftest import NOW
from tests.support.drafts import make_draft

PACKAGE = Path(__file__).resolve().parents[2] / "grievance_desk"


def test_migration_0004_triggers_name_the_report_actions() -> None:
    migration = import_module("grievance_desk.storage.migrations.versions.0004_report_cache")
    lists = [
        re.search(r"action IN \(([^)]*)\)", trigger) for trigger in migration.REPORT_CACHE_TRIGGERS
    ]
    named = [m.group(1) for m in lists if m is not None]
    assert named == [sql_list(REPORT_ACTIONS)]
    assert {a.strip(" '") for a in named[0].split(",")} == {a.value for a in REPORT_ACTIONS}


def test_every_workflow_step_has_its_audit_action() -> None:
    for step in Action:
        assert AuditAction.of_step(step).value == f"case.{step.value}"
    assert {AuditAction.of_correspondence(d) for d in ("in", "out")} == {
        AuditAction.CORRESPONDENCE_IN,
        AuditAction.CORRESPONDENCE_OUT,
    }


def test_events_store_the_plain_action_text(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    change_status(register, reference, Action.ACKNOWLEDGE, now=NOW)
    with register.reading() as session:
        rows = session.execute(text("SELECT action, typeof(action) FROM audit_event")).all()
    assert rows
    assert all(kind == "text" and AuditAction(action) for action, kind in rows)
    assert [r[0] for r in rows][-2:] == ["case.created", "case.acknowledge"]


def test_no_service_or_storage_module_spells_an_action_as_a_literal() -> None:
    literal = re.compile(r"""action\s*=\s*f?["'][a-z_]+\.""")
    pending: set[str] = set()
    found = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.parts
        and str(path.relative_to(PACKAGE)) not in pending
        and literal.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
