"""The wheel is a working app on its own: built, installed non-editable into a fresh venv, run.

Why: the developer install reads resources/ and the migrations straight from the source tree,
so a file missing from the wheel only shows up on an officer's machine. Here the wheel is
installed (with its dependencies, from the same package index pip uses for .venv) into a venv
in tmp_path, and every command runs with cwd=tmp_path and no PYTHONPATH, so nothing can come
from the repository.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

import grievance_desk

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"

pytestmark = pytest.mark.slow


def _bin(venv_dir: Path, name: str) -> Path:
    return venv_dir / ("Scripts" if sys.platform == "win32" else "bin") / name


def _clean_env(home: Path) -> dict[str, str]:
    """The environment of an officer's shell: no repo on the path, no venv of ours active."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    }
    env.update(
        PYTHONNOUSERSITE="1",
        GRIEVANCE_DESK_REGISTER=str(home / "default-register.db"),
        GRIEVANCE_DESK_KDF_PROFILE="fast",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        QT_QPA_PLATFORM="offscreen",
    )
    env.pop("GRIEVANCE_DESK_PASSPHRASE", None)
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel as `pip install .` would build it (hatchling, in pip's build isolation)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        timeout=300,
    )
    (built,) = out.glob("grievance_desk-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel and its dependencies installed; returns the venv folder."""
    venv_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True, clear=True).create(venv_dir)
    subprocess.run(
        [
            str(_bin(venv_dir, "python")),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
        timeout=600,
        cwd=venv_dir,
        env=_clean_env(venv_dir),
    )
    return venv_dir


def _run(
    venv_dir: Path, cwd: Path, *args: str, passphrase: bool = False
) -> subprocess.CompletedProcess[str]:
    env = _clean_env(cwd)
    if passphrase:
        env["GRIEVANCE_DESK_PASSPHRASE"] = PASSPHRASE
    return subprocess.run(
        [str(_bin(venv_dir, "grievance-desk")), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def test_wheel_carries_resources_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped_templates = {
        f"grievance_desk/resources/templates/{name}"
        for path in (ROOT / "resources" / "templates").glob("**/*.md.j2")
        for name in [path.relative_to(ROOT / "resources" / "templates").as_posix()]
    }
    assert shipped_templates, "the source tree has no templates to compare with"
    assert shipped_templates <= names
    migrations = {
        f"grievance_desk/storage/migrations/versions/{path.name}"
        for path in (ROOT / "grievance_desk" / "storage" / "migrations" / "versions").glob("*.py")
    }
    for name in [
        "grievance_desk/resources/templates/catalogue.json",
        "grievance_desk/resources/templates/hi/catalogue.json",  # issue 17: Hindi letters
        "grievance_desk/resources/glossary/hi.toml",
        "grievance_desk/resources/fonts/NotoSans-Regular.ttf",
        "grievance_desk/resources/fonts/NotoSansDevanagari-Regular.ttf",
        "grievance_desk/resources/fonts/OFL.txt",
        "grievance_desk/resources/icons/app.svg",
        "grievance_desk/storage/migrations/env.py",
        "grievance_desk/storage/migrations/script.py.mako",
        *migrations,
    ]:
        assert name in names, f"{name} is not in the wheel"
    assert any(re.fullmatch(r"grievance_desk-[^/]+\.dist-info/licenses/LICENSE", n) for n in names)
    assert not [n for n in names if n.startswith(("tests/", "packaging/", "resources/"))]
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_version(installed: Path, tmp_path: Path) -> None:
    result = _run(installed, tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"grievance-desk {grievance_desk.__version__}"


def test_runs_from_the_installed_package_not_the_source_tree(
    installed: Path, tmp_path: Path
) -> None:
    probe = (
        "import json, grievance_desk\n"
        "from importlib.resources import files\n"
        "from grievance_desk.resources_path import resources_root\n"
        "from grievance_desk.storage.migrate import head_revision\n"
        "print(json.dumps({'package': grievance_desk.__file__, "
        "'resources': str(resources_root()), "
        "'migrations': str(files('grievance_desk.storage.migrations')), "
        "'head': head_revision()}))\n"
    )
    result = subprocess.run(
        [str(_bin(installed, "python")), "-c", probe],
        cwd=tmp_path,
        env=_clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    where = json.loads(result.stdout)
    for key in ("package", "resources", "migrations"):
        assert Path(where[key]).resolve().is_relative_to(installed.resolve()), where
    newest = max((ROOT / "grievance_desk/storage/migrations/versions").glob("*.py")).stem
    assert newest.startswith(where["head"]), where


def test_deadline_calculation(installed: Path, tmp_path: Path) -> None:
    result = _run(
        installed, tmp_path, "deadline", "--policy", "gdpr", "--received", "2025-03-05", "--json"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["respond_by"].startswith("2025-04-07")


def test_templates_come_from_the_installed_package(installed: Path, tmp_path: Path) -> None:
    result = _run(installed, tmp_path, "templates")
    assert result.returncode == 0, result.stderr
    shipped = sorted(
        p.name.removesuffix(".md.j2") for p in (ROOT / "resources/templates").glob("*.md.j2")
    )
    listed = re.findall(r"^(\S+)\s", result.stdout, flags=re.MULTILINE)
    assert sorted(listed) == shipped


def test_init_and_verify_a_register(installed: Path, tmp_path: Path) -> None:
    """A new register is built by the packaged Alembic migrations, then verified end to end."""
    register = tmp_path / "officer" / "register.db"
    register.parent.mkdir()
    created = _run(installed, tmp_path, "init", "--register", str(register), passphrase=True)
    assert created.returncode == 0, created.stderr
    assert "RECOVERY KEY" in created.stdout
    assert register.is_file()
    assert register.with_suffix(".gdkey").is_file()
    checked = _run(installed, tmp_path, "verify", "--register", str(register), passphrase=True)
    assert checked.returncode == 0, checked.stderr + checked.stdout
    assert "Audit chain intact" in checked.stdout
