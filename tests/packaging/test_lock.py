"""The frozen build's lock pins every dependency of pyproject, each with its hashes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "packaging" / "requirements-lock.txt"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)")


def _pins() -> dict[str, list[Version]]:
    pins: dict[str, list[Version]] = {}
    for match in map(_PIN.match, LOCK.read_text(encoding="utf-8").splitlines()):
        if match:
            pins.setdefault(canonicalize_name(match[1]), []).append(Version(match[2]))
    return pins


def test_every_dependency_is_pinned_within_its_range() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = _pins()
    stale = []
    # The frozen app ships the optional Outlook reader, so the lock covers that extra too.
    for line in [*project["dependencies"], *project["optional-dependencies"]["outlook"]]:
        requirement = Requirement(line)
        versions = pins.get(canonicalize_name(requirement.name), [])
        if not any(requirement.specifier.contains(version) for version in versions):
            stale.append(f"{line} (lock has {[str(v) for v in versions] or 'nothing'})")
    assert not stale, f"packaging/requirements-lock.txt is stale, run `make lock`: {stale}"


def test_every_pin_has_hashes() -> None:
    text = LOCK.read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    unhashed = [block.split()[0] for block in blocks if "==" in block and "--hash=" not in block]
    assert not unhashed
