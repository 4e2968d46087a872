"""Where a register and its companions live, so every command agrees on the file names."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from grievance_desk import APP_ID, ORG_NAME
from grievance_desk.messages import _

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


#: Windows programs, SQLite's own file handling included, may fail on a path of 260
#: characters or more (MAX_PATH) unless long paths are enabled for the whole machine.
WINDOWS_MAX_PATH = 260
#: The longest name the app puts beside a register: ".register.db-wal.gd-scratch-" and 12 hex
#: digits, or "register.replaced-20261206T101010.gdkey" from a restore; with room to spare.
_COMPANION_ROOM = 48


def register_path_problem(db_path: Path, *, windows: bool | None = None) -> str | None:
    """Why a new register cannot live at ``db_path`` on this system, or None.

    On Windows the register's companions (journal, key file, restore copies, scratch files)
    must stay under MAX_PATH, so the register's own path is refused well before it, at
    creation, when nothing has been written yet.
    """
    if not (os.name == "nt" if windows is None else windows):
        return None
    longest = WINDOWS_MAX_PATH - 1 - _COMPANION_ROOM
    length = len(str(db_path.absolute()))
    if length <= longest:
        return None
    return _(
        "The register's path is {length} characters long; on Windows it may be at most "
        "{longest}, so that the files kept beside it stay within the 260-character limit "
        "of Windows programs. Choose a folder nearer the top of the drive (for example "
        "C:\\Grievance Desk) or a shorter file name."
    ).format(length=length, longest=longest)
