"""The one way into a register (issue 16.2): how to unlock, the keyring's fall-back, opening
without asking, and a set-up written in the register's first transaction (issue 16.3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from grievance_desk.domain.case_types import RequestType
from grievance_desk.domain.policy_defaults import OrganisationProfile
from grievance_desk.services.errors import WrongPassphrase
from grievance_desk.services.organisation import (
    InvalidOrganisation,
    Organisation,
    read_organisation,
)
from grievance_desk.services.policy_settings import PolicySettingsError, load_policy_settings
from grievance_desk.services.register_opening import RegisterOpening
from grievance_desk.services.register_setup import RegisterSetup
from grievance_desk.storage.audit import verify_chain
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import NOW, PASSPHRASE, MemoryKeyring

OPENING = RegisterOpening(clock=lambda: NOW)
ORGANISATION = Organisation(
    name="Example Trading Pvt. Ltd. (TEST)",
    officer_name="Asha Example",
    officer_email="asha@example.org",
)


def _never(what: str) -> str:
    raise AssertionError(f"asked for the {what}")


def test_a_set_up_register_is_created_whole_with_one_group_of_events(register_path: Path) -> None:
    setup = RegisterSetup(
        organisation=ORGANISATION,
        profile=OrganisationProfile(intermediary=True, jurisdictions=("IN",)),
        default_policies={RequestType.ACCESS: "dpdp-2025"},
    )
    register, recovery = OPENING.create(register_path, PASSPHRASE, setup=setup)
    try:
        assert recovery and register.unshown_recovery_key == recovery
        with register.reading() as session:
            assert read_organisation(session).officer_email == "asha@example.org"
            settings = load_policy_settings(session)
            assert settings.profile is not None and settings.profile.intermediary
            assert settings.defaults == {"access": "dpdp-2025"}
            events = session.execute(text("SELECT action, at, actor FROM audit_event")).all()
            assert verify_chain(session).ok
        assert [e[0] for e in events] == [
            "settings.organisation",
            "settings.changed",
            "settings.changed",
        ]
        assert {(e[1], e[2]) for e in events} == {(events[0][1], "Asha Example")}
        OPENING.confirm_recovery_key(register)
        assert register.unshown_recovery_key is None
    finally:
        register.close()


@pytest.mark.parametrize(
    ("setup", "error", "words"),
    [
        (
            RegisterSetup(organisation=Organisation(name="X (TEST)", officer_email="asha at x")),
            InvalidOrganisation,
            "asha at x",
        ),
        (
            RegisterSetup(organisation=Organisation(name="X (TEST)", timezone="Mars/Olympus")),
            InvalidOrganisation,
            "Mars/Olympus",
        ),
        (
            RegisterSetup(
                organisation=ORGANISATION,
                profile=OrganisationProfile(jurisdictions=("UK",)),
                default_policies={RequestType.ACCESS: "ccpa"},  # 45 days: looser than UK GDPR
            ),
            PolicySettingsError,
            "never looser",
        ),
    ],
)
def test_a_refused_set_up_leaves_no_register(
    register_path: Path, setup: RegisterSetup, error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=words):
        OPENING.create(register_path, PASSPHRASE, setup=setup)
    assert not register_path.exists() and not key_file_for(register_path).exists()
    leftovers = list(register_path.parent.iterdir()) if register_path.parent.exists() else []
    assert [p.name for p in leftovers if not p.name.endswith(".lock")] == []
    # …so the set-up can simply be done again.
    OPENING.create(register_path, PASSPHRASE, setup=RegisterSetup(organisation=ORGANISATION))[
        0
    ].close()


def test_how_to_unlock(register_path: Path) -> None:
    register, _ = OPENING.create(register_path, PASSPHRASE, await_confirmation=False)
    register.close()
    asked: list[str] = []

    def ask(what: str) -> str:
        asked.append(what)
        return "typed"

    assert OPENING.unlock_for(register_path, recovery=True, passphrase_given=False, ask=ask) == (
        Unlock(recovery_key="typed")
    )
    assert not OPENING.is_remembered(register_path)
    assert OPENING.unlock_for(register_path, recovery=False, passphrase_given=False, ask=ask) == (
        Unlock(passphrase="typed")
    )
    assert asked == ["recovery key", "passphrase"]
    with OPENING.open(register_path, Unlock(passphrase=PASSPHRASE)) as opened:
        OPENING.remember(opened)
    assert OPENING.is_remembered(register_path)
    remembered = OPENING.unlock_for(
        register_path, recovery=False, passphrase_given=False, ask=_never
    )
    assert remembered == Unlock(use_keyring=True)
    # A passphrase given on purpose (stdin, the variable) wins over the keyring.
    assert OPENING.unlock_for(register_path, recovery=False, passphrase_given=True, ask=ask) == (
        Unlock(passphrase="typed")
    )


def test_a_lost_keyring_key_falls_back_to_the_passphrase(
    register_path: Path, memory_keyring: MemoryKeyring
) -> None:
    register, _ = OPENING.create(register_path, PASSPHRASE, await_confirmation=False)
    OPENING.remember(register)
    register.close()
    memory_keyring.secrets.clear()  # the keychain was reset
    with pytest.raises(WrongPassphrase):
        OPENING.open(register_path, Unlock(use_keyring=True))
    fallback = OPENING.open(
        register_path, Unlock(use_keyring=True), fallback=lambda: Unlock(passphrase=PASSPHRASE)
    )
    fallback.close()


def test_opening_without_asking_never_asks_and_never_fails(register_path: Path) -> None:
    assert OPENING.open_without_asking(register_path, None) is None  # no register yet
    Register.create(register_path, PASSPHRASE)[0].close()
    assert OPENING.open_without_asking(register_path, None) is None  # nothing to unlock with
    assert OPENING.open_without_asking(register_path, "not the passphrase") is None
    opened = OPENING.open_without_asking(register_path, PASSPHRASE)
    assert opened is not None
    opened.close()


def test_the_demo_register_is_filled_in_its_first_transaction(tmp_path: Path) -> None:
    path = tmp_path / "demo" / "demo-register.db"
    register = OPENING.open_or_create_demo(path, PASSPHRASE, cases=60)
    try:
        with register.reading() as session:
            count = session.execute(text("SELECT count(*) FROM grievance_case")).scalar_one()
            open_cases, with_due = session.execute(
                text(
                    "SELECT count(*), count(next_due_at) FROM grievance_case "
                    "WHERE status != 'closed'"
                )
            ).one()
            assert verify_chain(session).ok
        assert count == 60 and open_cases > 0 and with_due > 0  # paused cases have none
    finally:
        register.close()
    OPENING.open_or_create_demo(path, PASSPHRASE, cases=60).close()  # opened, not made again
