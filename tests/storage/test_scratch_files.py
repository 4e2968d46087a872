"""Plaintext scratch files of exports: beside the destination, owner-only, swept after a crash.

The audit found an interrupted XLSX export leaving personal data in plain text in the temp
folder, never cleaned. The kill harness (``test_file_kill_points.py``) kills exports and
reports at every step; here are the sweep's rules and where openpyxl's scratch goes.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

import pytest

from grievance_desk.services.cases import register_case
from grievance_desk.storage import scratch
from grievance_desk.storage.file_safety import scratch_name
from grievance_desk.storage.register import Register
from grievance_desk.storage.scratch import STATE_ENV, sweep_stale, tracked
from tests.conftest import NOW, PASSPHRASE
from tests.services.test_retention import MARKER
from tests.support.drafts import make_draft
from tests.support.kill_points import run_cli, was_killed


@pytest.fixture(autouse=True)
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "state"
    monkeypatch.setenv(STATE_ENV, str(folder))
    return folder


def test_a_live_writers_scratch_is_left_alone_and_removed_after(tmp_path: Path) -> None:
    target = tmp_path / "cases.csv"
    with tracked(scratch_name(target)) as name:
        name.write_bytes(b"half an export")
        assert sweep_stale() == []
        assert name.exists()
    assert not name.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "state"]


def test_the_sweep_never_deletes_a_name_it_did_not_make(tmp_path: Path, state: Path) -> None:
    precious = tmp_path / "precious.xlsx"
    precious.write_bytes(b"the officer's own file")
    folder = scratch.journal_folder()
    folder.mkdir(parents=True)
    (folder / "123-abc.path").write_text(str(precious), encoding="utf-8")
    sweep_stale()
    assert precious.read_bytes() == b"the officer's own file"
    assert list(folder.iterdir()) == []


def test_earlier_versions_temp_folders_are_swept_when_an_hour_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    old = temp / ".grievance-desk-xlsx-old"
    new = temp / ".grievance-desk-xlsx-new"
    for folder in (old, new):
        folder.mkdir()
        (folder / "sheet.xml").write_text(MARKER)
    an_hour_ago = time.time() - 3700
    os.utime(old, (an_hour_ago, an_hour_ago))
    sweep_stale()
    assert not old.exists() and new.exists()


def test_a_killed_xlsx_export_leaves_nothing_in_the_temp_folder(
    register: Register, tmp_path: Path, state: Path
) -> None:
    for n in range(3):
        register_case(register, make_draft(description=f"{MARKER} case {n}"), now=NOW)
    register.close()
    temp = tmp_path / "temp"
    temp.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    target = out / "cases.xlsx"
    env = {"GRIEVANCE_DESK_PASSPHRASE": PASSPHRASE, "TMPDIR": str(temp), STATE_ENV: str(state)}
    args = ["export", "--register", str(register.path), "--output", str(target)]
    assert was_killed(run_cli(args, kill_at="export.first_row", env=env))
    assert list(temp.iterdir()) == []  # openpyxl's scratch was never in the temp folder
    left = sorted(out.iterdir())
    assert left and all(".gd-scratch-" in p.name for p in left)  # beside the destination
    for path in left:
        assert stat.S_IMODE(path.stat().st_mode) in (0o600, 0o700)
    # The next start (any command that unlocks) sweeps them.
    again = run_cli(["verify", "--register", str(register.path)], env=env)
    assert again.returncode == 0, again.stderr
    assert list(out.iterdir()) == []


def test_a_report_workbook_streams_through_a_tracked_scratch_folder(
    register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Reports page exports through ``export_report``: openpyxl's scratch must not land
    bare in the temp folder, where a crash would leave it."""
    from grievance_desk.services.report_export import export_report
    from grievance_desk.services.reports import monthly_report

    register_case(register, make_draft(description=f"{MARKER} case"), now=NOW)
    report = monthly_report(register, month=NOW.date().replace(day=1), now=NOW)
    folders: list[str | None] = []
    real = tempfile.mkstemp

    def spy(*args: object, **kwargs: object) -> tuple[int, str]:
        folders.append(str(kwargs.get("dir")) if kwargs.get("dir") else None)
        return real(*args, **kwargs)  # type: ignore[call-overload,no-any-return]

    def named_spy(*args: object, **kwargs: object) -> object:
        folders.append(str(kwargs.get("dir")) if kwargs.get("dir") else None)
        return tempfile.NamedTemporaryFile(*args, **kwargs)  # type: ignore[call-overload]

    from openpyxl.worksheet import _writer

    monkeypatch.setattr(tempfile, "mkstemp", spy)
    monkeypatch.setattr(_writer, "NamedTemporaryFile", named_spy)  # openpyxl's own way
    assert export_report(report, "xlsx").startswith(b"PK")
    assert folders and all(f is not None and ".gd-scratch-" in f for f in folders), folders
