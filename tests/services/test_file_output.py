"""Saving a report or letter: whole or not at all, owner-only, and a full disk named."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from grievance_desk.services.file_output import DiskFull, NotARegularFile, save_private
from grievance_desk.storage import file_safety


def test_saved_owner_only_with_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    save_private(target, b"%PDF-1.4 whole", "the report")
    assert target.read_bytes() == b"%PDF-1.4 whole"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert list(tmp_path.iterdir()) == [target]


def test_a_full_disk_keeps_the_earlier_file_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"last month's report")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(file_safety.os, "fsync", full)
    with pytest.raises(DiskFull, match="disk is full") as caught:
        save_private(target, b"%PDF-1.4 new", "the report")
    assert "damaged" not in str(caught.value)
    assert target.read_bytes() == b"last month's report"
    assert list(tmp_path.iterdir()) == [target]


def test_a_pipe_is_refused_without_opening_it(tmp_path: Path) -> None:
    pipe = tmp_path / "report.pdf"
    os.mkfifo(pipe)
    with pytest.raises(NotARegularFile, match="not a regular file"):
        save_private(pipe, b"%PDF", "the report")
