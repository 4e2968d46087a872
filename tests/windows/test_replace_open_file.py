"""Windows will not replace a file another program holds open (an export open in Excel).

The finished scratch file then cannot be renamed over the target: the officer gets a message
naming the file and the fix, the old file is left as it was, and no scratch file is left
behind. Windows is simulated: ``os.replace`` refuses as Windows does ([WinError 32]).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from grievance_desk.cli import main
from grievance_desk.storage import file_safety
from grievance_desk.storage.register import Register
from tests.conftest import PASSPHRASE


def _refuse_replacing(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace

    def replace(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> None:
        if Path(destination) == target:
            raise PermissionError(
                errno.EACCES,
                "The process cannot access the file because it is being used by another process",
            )
        real(source, destination)

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize(
    ("windows", "says"), [(True, "is open in another program"), (False, "may not change")]
)
def test_an_export_onto_a_file_held_open_says_so_and_keeps_the_old_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    windows: bool,
    says: str,
) -> None:
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("grievance_desk.cli.common._stdin_secret", None)
    register = tmp_path / "r.db"
    Register.create(register, PASSPHRASE)[0].close()
    target = tmp_path / "cases.csv"
    target.write_bytes(b"the officer's earlier export\r\n")
    monkeypatch.setattr(file_safety, "on_windows", lambda: windows)
    _refuse_replacing(target, monkeypatch)
    assert main(["export", "--output", str(target), "--register", str(register)]) != 0
    err = capsys.readouterr().err
    assert str(target) in err and says in err, err
    assert "cases.csv was left as it was" in err
    assert target.read_bytes() == b"the officer's earlier export\r\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "cases" in p.name) == ["cases.csv"]
