"""One launch per user and register: the lock is taken before the window shows.

The lock file (QtCore) decides which launch runs; the local socket that raises the running
window listens only after the first paint (tests/ui/journeys: journey 7 launches a second
process against a running window).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from grievance_desk.ui.single_instance import SingleInstance, server_name


def test_a_second_claim_on_the_same_register_is_refused_until_the_first_lets_go(
    app: QApplication, tmp_path: Path
) -> None:
    name = server_name(tmp_path / "register.db", user="officer")
    first, second = SingleInstance(name), SingleInstance(name)
    try:
        assert first.acquire()
        assert not second.acquire()
        first.close()
        assert second.acquire()
    finally:
        first.close()
        second.close()


def test_the_name_is_a_digest_of_user_and_register(tmp_path: Path) -> None:
    register = tmp_path / "राजेश" / "register.db"
    name = server_name(register, user="anita")
    assert name.startswith("grievance-desk-") and len(name) == len("grievance-desk-") + 24
    assert "anita" not in name and "register" not in name
    assert name != server_name(register, user="ravi")
    assert name != server_name(tmp_path / "other.db", user="anita")
