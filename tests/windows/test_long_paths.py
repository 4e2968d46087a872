"""Windows: a register deep in folders is refused at creation, before anything is written.

Past 260 characters (MAX_PATH) Windows programs may fail to open a file unless long paths
are enabled machine-wide; the register's journal, key file, restore copies and scratch files
sit beside it with longer names, so the register's own path must leave room for them.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from grievance_desk.cli import main
from grievance_desk.storage import paths
from tests.conftest import PASSPHRASE


def test_short_paths_pass_and_posix_is_never_refused() -> None:
    short = Path("C:/Users/officer/AppData/Local/Grievance Desk/grievance-desk/register.db")
    assert paths.register_path_problem(short, windows=True) is None
    deep = Path("/data/" + "a-long-folder-name/" * 20 + "register.db")
    assert paths.register_path_problem(deep, windows=False) is None
    problem = paths.register_path_problem(deep, windows=True)
    assert problem is not None and "at most 211" in problem and "C:\\Grievance Desk" in problem


def test_init_refuses_a_too_long_path_on_windows_and_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("grievance_desk.cli.common._stdin_secret", None)
    monkeypatch.setattr(
        "grievance_desk.storage.register.register_path_problem",
        functools.partial(paths.register_path_problem, windows=True),
    )
    folder = tmp_path / ("x" * 200)
    assert main(["init", "--register", str(folder / "register.db")]) != 0
    assert "on Windows it may be at most" in capsys.readouterr().err
    assert not folder.exists()
    fine = tmp_path / "register.db"
    assert main(["init", "--register", str(fine)]) == 0
    assert fine.exists()
