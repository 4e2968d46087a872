"""A deadline setting that moves dates is saved with the next deadlines it moves, in one
transaction (issue 16.3): a refused recompute leaves the setting unchanged too."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from grievance_desk.services import settings_moving_dates as moving
from grievance_desk.services.cases import register_case
from grievance_desk.services.policy_settings import PolicySettingsError, days_off
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from tests.conftest import NOW
from tests.support.drafts import make_draft


def _events(register: Register) -> int:
    with register.reading() as session:
        return int(session.execute(text("SELECT count(*) FROM audit_event")).scalar_one())


def test_the_day_off_and_its_event_are_saved_together(register: Register) -> None:
    register_case(register, make_draft(), now=NOW)
    before = _events(register)
    moving.add_days_off(register, ["2026-12-24"], now=NOW)
    with register.reading() as session:
        assert [d.isoformat() for d in days_off(session)] == ["2026-12-24"]
    assert _events(register) == before + 1


def test_a_refused_recompute_saves_nothing(register: Register) -> None:
    register_case(register, make_draft(), now=NOW)
    with register.writing() as session:
        put_setting(session, "policies.custom", "not a list")
    before = _events(register)
    with pytest.raises(PolicySettingsError, match=r"policies\.custom"):
        moving.add_days_off(register, ["2026-12-24"], now=NOW)
    with register.reading() as session:
        stored = session.execute(
            text("SELECT count(*) FROM setting WHERE key = 'calendar.days_off'")
        ).scalar_one()
    assert stored == 0
    assert _events(register) == before
