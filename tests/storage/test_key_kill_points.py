"""Kill a child process at every step of init, passwd, rotate-key and new-recovery-key, and
fill its disk: afterwards the register opens with the expected passphrase and with a recovery
key the officer was shown, and ``verify`` passes (issue 18 items 2 and 4).

Each case runs the real CLI in a child (``tests/support/kill_points.py``), which SIGKILLs
itself at the named fault point. The officer's "seen" recovery keys are read back from what
the children printed, exactly as a person would have read them off the terminal.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from grievance_desk.storage.errors import WrongPassphrase, WrongRecoveryKey
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import FAULT_POINTS, Register, Unlock
from tests.conftest import PASSPHRASE
from tests.support.kill_points import ROOT, chosen, run_cli, was_killed

resource = pytest.importorskip("resource")  # POSIX: file-size limits stand in for a full disk
pytestmark = pytest.mark.slow

NEW_PASSPHRASE = "a completely different passphrase 77"
RECOVERY = re.compile(r"\b[A-Z2-7]{4}(?:-[A-Z2-7]{4}){7}\b")

ROTATE_POINTS = [
    "rotate_key.start",
    "rotate_key.pending.temp_written",
    "rotate_key.pending.replaced",
    "rotate_key.before_rekey",
    "rotate_key.rekeyed",
    "rotate_key.checkpointed",
    "rotate_key.keyring_updated",
    "rotate_key.printed",
    "rotate_key.audited",
    "rotate_key.finish.temp_written",
    "rotate_key.finish.replaced",
    "rotate_key.finished",
]
PASSWD_POINTS = [
    ("passwd.start", PASSPHRASE),
    ("passwd.keyfile.temp_written", PASSPHRASE),
    ("passwd.keyfile.replaced", NEW_PASSPHRASE),
    ("passwd.saved", NEW_PASSPHRASE),
]
INIT_POINTS = [
    ("init.start", False),
    ("init.database_built", False),
    ("init.keyfile.temp_written", False),
    ("init.keyfile.replaced", False),
    ("init.key_file_placed", True),
    ("init.register_placed", True),
    ("init.printed", True),
    ("init.audited", True),
    ("init.finish.temp_written", True),
    ("init.finish.replaced", True),
    ("init.finished", True),
]
RECOVERY_POINTS = [
    "new_recovery_key.pending.temp_written",
    "new_recovery_key.pending.replaced",
    "new_recovery_key.printed",
    "new_recovery_key.audited",
    "new_recovery_key.finish.temp_written",
    "new_recovery_key.finish.replaced",
    "new_recovery_key.finished",
]


def test_every_fault_point_of_the_key_operations_is_walked() -> None:
    assert tuple(ROTATE_POINTS) == FAULT_POINTS["rotate_key"]
    assert tuple(p for p, _ in PASSWD_POINTS) == FAULT_POINTS["passwd"]
    assert tuple(p for p, _ in INIT_POINTS) == FAULT_POINTS["init"]
    assert tuple(RECOVERY_POINTS) == FAULT_POINTS["new_recovery_key"]
    kills = 2 * len(ROTATE_POINTS) + len(PASSWD_POINTS) + len(INIT_POINTS) + len(RECOVERY_POINTS)
    assert kills == 46  # SIGKILLs of this file with GRIEVANCE_DESK_KILL_MATRIX=full


# The default run: a point before, at and after each operation's irreversible step.
ROTATE_RUN = chosen(
    ROTATE_POINTS,
    [
        "rotate_key.pending.replaced",
        "rotate_key.rekeyed",
        "rotate_key.printed",
        "rotate_key.finish.temp_written",
    ],
)
PASSWD_RUN = chosen(PASSWD_POINTS, PASSWD_POINTS[1:3])
INIT_RUN = chosen(INIT_POINTS, [INIT_POINTS[3], INIT_POINTS[4], INIT_POINTS[6]])
RECOVERY_RUN = chosen(
    RECOVERY_POINTS, ["new_recovery_key.pending.replaced", "new_recovery_key.printed"]
)


def _env(passphrase: str = PASSPHRASE) -> dict[str, str]:
    return {
        "GRIEVANCE_DESK_PASSPHRASE": passphrase,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }


def _printed(result: subprocess.CompletedProcess[str]) -> list[str]:
    return RECOVERY.findall(result.stdout + result.stderr)


def _killed_at(point: str, args: list[str], **kwargs: object) -> list[str]:
    result = run_cli(args, kill_at=point, **kwargs)  # type: ignore[arg-type]
    assert was_killed(result), f"{point} was never reached: {result.stderr}"
    return _printed(result)


def _opens(path: Path, unlock: Unlock) -> bool:
    try:
        Register.open(path, unlock).close()
    except (WrongPassphrase, WrongRecoveryKey):
        return False
    return True


def _verify(path: Path, passphrase: str = PASSPHRASE) -> list[str]:
    """``verify`` in a child (it finishes or undoes what was interrupted); the keys it shows."""
    result = run_cli(["verify", "--register", str(path)], env=_env(passphrase))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return _printed(result)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("template")
    register, recovery = Register.create(folder / "register.db", PASSPHRASE)
    register.close()
    return folder, recovery


def _copy(template: tuple[Path, str], target: Path) -> tuple[Path, str]:
    shutil.copytree(template[0], target)
    return target / "register.db", template[1]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".creating")))


@pytest.mark.parametrize("point", ROTATE_RUN)
def test_rotate_key_killed_then_verify(
    point: str, template: tuple[Path, str], tmp_path: Path
) -> None:
    path, old_recovery = _copy(template, tmp_path / "r")
    seen = [old_recovery, *_killed_at(point, ["rotate-key", "--register", str(path)], env=_env())]
    seen += _verify(path)
    assert _opens(path, Unlock(passphrase=PASSPHRASE))
    assert _opens(path, Unlock(recovery_key=seen[-1])), f"the last key shown fails after {point}"
    if seen[-1] != old_recovery:  # the new key was shown and is now the one in force
        assert not _opens(path, Unlock(recovery_key=old_recovery))
        with (
            Register.open(path, Unlock(passphrase=PASSPHRASE)) as register,
            register.reading() as session,
        ):
            actions = session.execute(text("SELECT action FROM audit_event")).scalars()
            assert list(actions).count("register.key_rotated") == 1
    assert _leftovers(path.parent) == []


@pytest.mark.parametrize("point", ROTATE_RUN)
def test_rotate_key_killed_then_passwd_locks_nobody_out(
    point: str, template: tuple[Path, str], tmp_path: Path
) -> None:
    """The issue's lock-out: an interrupted rotation followed by a passphrase change."""
    path, old_recovery = _copy(template, tmp_path / "r")
    seen = [old_recovery, *_killed_at(point, ["rotate-key", "--register", str(path)], env=_env())]
    result = run_cli(
        ["passwd", "--register", str(path), "--new-passphrase-stdin"],
        stdin=NEW_PASSPHRASE + "\n",
        env=_env(),
    )
    assert result.returncode == 0, result.stderr
    seen += _printed(result)
    seen += _verify(path, NEW_PASSPHRASE)
    assert _opens(path, Unlock(passphrase=NEW_PASSPHRASE))
    assert not _opens(path, Unlock(passphrase=PASSPHRASE))
    assert _opens(path, Unlock(recovery_key=seen[-1]))


@pytest.mark.parametrize(("point", "expected"), PASSWD_RUN)
def test_passwd_killed_leaves_the_old_or_the_new_passphrase(
    point: str, expected: str, template: tuple[Path, str], tmp_path: Path
) -> None:
    path, recovery = _copy(template, tmp_path / "r")
    _killed_at(
        point,
        ["passwd", "--register", str(path), "--new-passphrase-stdin"],
        stdin=NEW_PASSPHRASE + "\n",
        env=_env(),
    )
    other = NEW_PASSPHRASE if expected == PASSPHRASE else PASSPHRASE
    assert _opens(path, Unlock(passphrase=expected))
    assert not _opens(path, Unlock(passphrase=other))
    assert _opens(path, Unlock(recovery_key=recovery))
    _verify(path, expected)
    assert _leftovers(path.parent) == []


@pytest.mark.parametrize(("point", "exists"), INIT_RUN)
def test_init_killed_leaves_a_whole_register_or_none(
    point: str, exists: bool, tmp_path: Path
) -> None:
    path = tmp_path / "office" / "register.db"
    seen = _killed_at(point, ["init", "--register", str(path)], env=_env())
    if not exists:
        result = run_cli(["verify", "--register", str(path)], env=_env())
        assert result.returncode != 0 and "There is no register" in result.stderr
        assert not path.exists() and not key_file_for(path).exists()
        again = run_cli(["init", "--register", str(path)], env=_env())
        assert again.returncode == 0, again.stderr
        seen = _printed(again)
        assert _leftovers(path.parent) == []
    else:
        seen += _verify(path)
    assert seen, "no recovery key was ever shown for a register that exists"
    assert _opens(path, Unlock(passphrase=PASSPHRASE))
    assert _opens(path, Unlock(recovery_key=seen[-1]))
    assert _leftovers(path.parent) == []


@pytest.mark.parametrize("point", RECOVERY_RUN)
def test_new_recovery_key_killed(point: str, template: tuple[Path, str], tmp_path: Path) -> None:
    path, old_recovery = _copy(template, tmp_path / "r")
    seen = [
        old_recovery,
        *_killed_at(point, ["new-recovery-key", "--register", str(path)], env=_env()),
    ]
    seen += _verify(path)
    assert _opens(path, Unlock(passphrase=PASSPHRASE))
    assert _opens(path, Unlock(recovery_key=seen[-1]))
    if seen[-1] != old_recovery:
        assert not _opens(path, Unlock(recovery_key=old_recovery))


# -- a full disk ------------------------------------------------------------------------


def _run_with_file_limit(
    args: list[str], limit: int, *, env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The CLI in a child whose files cannot grow past ``limit`` bytes (EFBIG, like a full
    disk); SIGXFSZ is ignored so the write fails instead of killing the process."""

    def limit_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    child_env = {**os.environ, **env}
    child_env["PYTHONPATH"] = str(ROOT) + os.pathsep + child_env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "grievance_desk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=child_env,
        preexec_fn=limit_files,
        timeout=120,
        check=False,
    )


def test_init_on_a_full_disk_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "office" / "register.db"
    result = _run_with_file_limit(["init", "--register", str(path)], 64 * 1024, env=_env())
    assert result.returncode == 1
    assert "disk is full" in result.stderr and "Traceback" not in result.stderr
    assert "restore" not in result.stderr.lower()
    assert sorted(p.name for p in path.parent.iterdir()) in ([], ["register.db.lock"])


def test_rotate_key_on_a_full_disk_then_passwd_keeps_every_secret(
    template: tuple[Path, str], tmp_path: Path
) -> None:
    path, recovery = _copy(template, tmp_path / "r")
    limit = 64 * 1024
    assert path.stat().st_size > limit  # so the re-key's WAL cannot fit
    result = _run_with_file_limit(["rotate-key", "--register", str(path)], limit, env=_env())
    assert result.returncode == 1, result.stdout
    assert "disk is full" in result.stderr and "Traceback" not in result.stderr
    assert _printed(result) == []
    assert "pending" not in key_file_for(path).read_text()
    passwd = run_cli(
        ["passwd", "--register", str(path), "--new-passphrase-stdin"],
        stdin=NEW_PASSPHRASE + "\n",
        env=_env(),
    )
    assert passwd.returncode == 0, passwd.stderr
    assert _opens(path, Unlock(passphrase=NEW_PASSPHRASE))
    assert _opens(path, Unlock(recovery_key=recovery))
    _verify(path, NEW_PASSPHRASE)


def test_a_key_file_write_on_a_full_disk_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "register.gdkey"
    target.write_bytes(b"old key file")
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from grievance_desk.storage.durable import DiskFull, write_atomically\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))\n"
        "try:\n"
        f"    write_atomically(Path({str(target)!r}), b'x' * 4096)\n"
        "except DiskFull as error:\n"
        "    print(error)\n"
        "    sys.exit(3)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 3, result.stderr
    assert "disk is full" in result.stdout
    assert target.read_bytes() == b"old key file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register.gdkey"]
