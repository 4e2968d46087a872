"""Bring a register's schema up to date when it is opened.

Forward only, inside one transaction (all revisions or none), after a backup of the register
as it was. A register written by a newer version is refused untouched rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from grievance_desk.storage.errors import NewerSchema


def alembic_config() -> Config:
    """A config pointing at the packaged migrations, with no alembic.ini on disk."""
    config = Config()
    config.set_main_option("script_location", str(files("grievance_desk.storage.migrations")))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _known(scripts: ScriptDirectory, revision: str) -> bool:
    try:
        return scripts.get_revision(revision) is not None
    except CommandError:
        return False


def migrate(
    engine: Engine,
    db_path: Path,
    backup: Callable[[Path], Any] | None = None,
    target: str = "head",
) -> str | None:
    """Upgrade to ``target``; returns the revision the register had before (None if new)."""
    config = alembic_config()
    scripts = ScriptDirectory.from_config(config)
    before = current_revision(engine)
    if before is not None and not _known(scripts, before):
        raise NewerSchema(str(db_path), before)
    wanted = scripts.get_current_head() if target == "head" else target
    if before == wanted:
        return before
    if before is not None and backup is not None:
        backup(db_path.with_name(f"{db_path.stem}.before-migration-{before}{db_path.suffix}"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    return before
