"""Migrations: from an empty register to head, the models match, newer schemas are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from grievance_desk.storage.engine import make_engine
from grievance_desk.storage.errors import NewerSchema
from grievance_desk.storage.keyfile import new_data_key
from grievance_desk.storage.migrate import current_revision, head_revision, migrate
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import PASSPHRASE


@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression")
def test_empty_register_migrates_to_head_and_matches_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "r.db", new_data_key())
    assert migrate(engine, tmp_path / "r.db") is None
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        # case_link was made by 0001 but never used; its model is gone, the table stays
        # until a migration drops it.
        differences = [
            d
            for d in compare_metadata(context, SQLModel.metadata)
            if "case_search" not in str(d) and "case_link" not in str(d)
        ]
        # Alembic cannot compare expression indexes on SQLite, so check that one by name.
        indexes = set(
            connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'index'")
            ).scalars()
        )
    engine.dispose()
    assert differences == []
    assert {"ix_case_next_due_nulls_last", "ix_grievance_case_policy_id"} <= indexes


def test_migrating_twice_is_a_no_op(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "r.db", new_data_key())
    migrate(engine, tmp_path / "r.db")
    assert migrate(engine, tmp_path / "r.db") == head_revision()
    engine.dispose()


def test_register_from_a_newer_version_is_refused_untouched(register_path: Path) -> None:
    register, _ = Register.create(register_path, PASSPHRASE)
    with register.writing() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    register.close()
    before = register_path.read_bytes()
    with pytest.raises(NewerSchema, match="newer version"):
        Register.open(register_path, Unlock(passphrase=PASSPHRASE))
    assert register_path.read_bytes() == before
    # The lock was released on the way out.
    with pytest.raises(NewerSchema):
        Register.open(register_path, Unlock(passphrase=PASSPHRASE))


def test_every_earlier_revision_upgrades_to_head_with_its_data_kept(tmp_path: Path) -> None:
    """A register made by each schema that ever shipped opens in this version, cases intact."""
    from alembic.script import ScriptDirectory

    from grievance_desk.storage.migrate import alembic_config

    scripts = ScriptDirectory.from_config(alembic_config())
    earlier = [r.revision for r in scripts.walk_revisions() if r.revision != head_revision()]
    assert earlier, "there is only one revision; this test starts to matter with the second"
    for revision in earlier:
        path = tmp_path / f"at-{revision}.db"
        engine = make_engine(path, new_data_key())
        migrate(engine, path, target=revision)
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO requester (id, name, email, phone, postal_address, "
                    "relationship, organisation) VALUES (1, 'Test Person Old', '', '', '', "
                    "'customer', '')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO grievance_case (id, reference, ref_year, ref_sequence, kind, "
                    "request_type, channel, received_at, requester_id, representative, "
                    "representative_name, data_categories, description, identity_state, "
                    "priority, status, refusal_grounds, tags, legal_hold, created_at, "
                    "updated_at) VALUES (1, 'GRV-2025-00001', 2025, 1, 'complaint', 'access', "
                    "'email', '2025-01-02T03:04:05.000000Z', 1, 'none', '', '[]', 'kept', "
                    "'not_required', 'normal', 'new', '[]', '[]', 0, "
                    "'2025-01-02T03:04:05.000000Z', '2025-01-02T03:04:05.000000Z')"
                )
            )
        backups: list[Path] = []
        migrate(engine, path, backup=backups.append)
        assert current_revision(engine) == head_revision()
        assert backups, "a register is backed up before it is migrated"
        with engine.connect() as connection:
            row = connection.execute(
                text("SELECT reference, description FROM grievance_case")
            ).one()
        engine.dispose()
        assert tuple(row) == ("GRV-2025-00001", "kept")
