"""A demo register is what a new user and try-the-app open first: it must verify cleanly.

The demo's cases waiting on the requester have their clock pauses; each pause is recorded by
an audit event, so `verify` finds every case as its latest event left it (it found three
"changed outside the app" on a fresh demo before).
"""

from __future__ import annotations

from datetime import timedelta

from grievance_desk.domain.workflow import AWAITING_REQUESTER
from grievance_desk.services.clock import utc_now
from grievance_desk.services.demo_data import demo_drafts, fill_demo_register
from grievance_desk.services.integrity import verify_register
from grievance_desk.storage.register import Register


def test_a_fresh_demo_register_verifies(register: Register) -> None:
    now = utc_now() - timedelta(minutes=1)
    assert any(d.status in AWAITING_REQUESTER for d in demo_drafts(150, now)), "pauses exist"
    fill_demo_register(register, now=now, count=150)
    report = verify_register(register)
    assert report.record is not None and report.record.ok, report.record
    assert report.ok
