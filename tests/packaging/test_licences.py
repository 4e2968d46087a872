"""What we ship is lawful to ship: every bundled part's licence is known and GPL-3 compatible."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from grievance_desk import APP_ID
from grievance_desk.third_party import (
    APP_LICENCE,
    components,
    is_compatible,
    notices_text,
    runtime_distributions,
)

ROOT = Path(__file__).resolve().parents[2]


def test_every_bundled_part_has_a_known_compatible_licence() -> None:
    parts = components()
    assert len(parts) > 20  # the walk found the dependency tree, not just the app
    refused = [f"{part.name}: {part.licence}" for part in parts if not part.compatible]
    assert not refused, (
        "These cannot ship inside a GPL-3.0-or-later app (or their licence is unknown): "
        f"{refused}. Read the project's licence and add it to third_party.DECLARED, or drop it."
    )
    names = {part.name.lower() for part in parts}
    assert {"pyside6_essentials", "sqlcipher3-wheels", "reportlab"} <= names


def test_every_part_carries_a_licence_text() -> None:
    missing = [p.name for p in components() if not p.texts and "SQLCipher" not in p.name]
    assert not missing, f"no licence text found for {missing}"


def test_the_committed_notices_name_every_runtime_distribution() -> None:
    committed = (ROOT / "THIRD_PARTY_NOTICES.txt").read_text(encoding="utf-8")
    summary = committed.split("=" * 78, 1)[0]
    absent = [
        d.metadata["Name"]
        for d in runtime_distributions()
        if d.metadata["Name"] != APP_ID and f"\n{d.metadata['Name']}  —  " not in summary
    ]
    assert not absent, (
        f"THIRD_PARTY_NOTICES.txt lacks {absent}: regenerate it with "
        "`.venv/bin/python -m grievance_desk.third_party THIRD_PARTY_NOTICES.txt --no-versions`"
    )
    assert "Qt 6 (through PySide6)  —  LGPL-3.0-only" in summary
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in committed


def test_the_app_licence_is_the_same_everywhere() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == APP_LICENCE
    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text(encoding="utf-8")[:200]
    assert "## Licence" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert notices_text().startswith("Grievance Desk")


@pytest.mark.parametrize(
    ("expression", "allowed"),
    [
        ("MIT", True),
        ("Apache-2.0 OR BSD-3-Clause", True),
        ("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", True),
        ("GPL-2.0-only", False),  # GPL-2-only code cannot join a GPL-3 program
        ("MIT AND GPL-2.0-only", False),
        ("(Apache-2.0 OR BSD-3-Clause) AND BSD-3-Clause", True),
        ("(GPL-2.0-only OR MIT) AND SSPL-1.0", False),
        ("unknown", False),
        ("Proprietary", False),
    ],
)
def test_compatibility_rules(expression: str, allowed: bool) -> None:
    assert is_compatible(expression) is allowed


def test_the_walk_follows_the_shipped_outlook_extra_but_not_test_tools(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The frozen app has the optional .msg reader: its licences must be in the notices."""
    from importlib import metadata

    requires = {
        APP_ID: [
            "reportlab>=4",
            "extract-msg>=0.50; extra == 'outlook'",  # as hatchling writes METADATA
            "pytest>=8; extra == 'test'",
            'chardet; extra == "test"',
        ],
        "reportlab": [],
        "extract-msg": ['chardet; extra == "all"', "olefile"],
        "olefile": [],
        "pytest": [],
        "chardet": [],
    }

    class Fake:
        def __init__(self, name: str) -> None:
            self.metadata = {"Name": name}
            self.requires = requires[name]

    def fake_distribution(name: str) -> Fake:
        if name not in requires:
            raise metadata.PackageNotFoundError(name)
        return Fake(name)

    monkeypatch.setattr(metadata, "distribution", fake_distribution)
    names = [d.metadata["Name"] for d in runtime_distributions()]
    assert names == ["extract-msg", APP_ID, "olefile", "reportlab"]
