"""Where a register and its companions live, so every command agrees on the file names."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from grievance_desk import APP_ID, ORG_NAME

REGISTER_ENV = "GRIEVANCE_DESK_REGISTER"
DEFAULT_NAME = "register.db"


def default_register_path() -> Path:
    """The register used when no --register and no environment variable name one."""
    env = os.environ.get(REGISTER_ENV)
    if env:
        return Path(env).expanduser()
    return user_data_path(APP_ID, ORG_NAME) / DEFAULT_NAME


def key_file_for(db_path: Path) -> Path:
    """The key file sits beside its register: ``register.db`` → ``register.gdkey``."""
    return db_path.with_suffix(".gdkey")


def lock_file_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def companions(db_path: Path) -> list[Path]:
    """Every file that belongs to a register (for copies, scans and clean-ups)."""
    return [
        db_path,
        db_path.with_name(db_path.name + "-wal"),
        db_path.with_name(db_path.name + "-shm"),
        key_file_for(db_path),
    ]


def make_private_dir(folder: Path) -> None:
    """Create a folder only the officer's account can read (the register's neighbours)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
