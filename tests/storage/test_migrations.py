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


def test_empty_register_migrates_to_head_and_matches_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "r.db", new_data_key())
    assert migrate(engine, tmp_path / "r.db") is None
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [
            d for d in compare_metadata(context, SQLModel.metadata) if "case_search" not in str(d)
        ]
    engine.dispose()
    assert differences == []


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
