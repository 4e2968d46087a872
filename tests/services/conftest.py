"""Service-test fixtures beyond tests/conftest.py."""

from __future__ import annotations

import pytest

from grievance_desk.services.demo_data import DEMO_SETTINGS
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting


@pytest.fixture
def demo(register: Register) -> Register:
    """A register with the demo organisation and officer set up, so letters can be drafted."""
    with register.writing() as session:
        for key, value in DEMO_SETTINGS.items():
            put_setting(session, key, value)
    return register
