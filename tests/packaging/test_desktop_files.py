"""The desktop entry and AppStream file pass their validators and agree with the app's ids."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import grievance_desk

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "packaging" / "grievance-desk.desktop"
METAINFO = ROOT / "packaging" / f"{grievance_desk.BUNDLE_ID}.metainfo.xml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:  # .ci/run installs both on Debian; elsewhere say what is missing
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils / appstream)")
    return path


def test_desktop_entry_validates() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_metainfo_validates() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_names_and_ids_agree_everywhere() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == grievance_desk.APP_NAME
    assert desktop["Exec"].split()[0] == grievance_desk.APP_ID
    assert desktop["Icon"] == grievance_desk.APP_ID

    component = ET.parse(METAINFO).getroot()  # noqa: S314 (our own file)
    assert component.findtext("id") == grievance_desk.BUNDLE_ID
    assert component.findtext("name") == grievance_desk.APP_NAME
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == grievance_desk.APP_ID
    release = component.find("releases/release")
    assert release is not None and release.get("version") == grievance_desk.__version__

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == grievance_desk.APP_ID
    assert grievance_desk.APP_ID in project["scripts"]
    assert f"{grievance_desk.APP_ID}-gui" in project["gui-scripts"]
    assert grievance_desk.ORG_DOMAIN.split(".")[::-1] == grievance_desk.BUNDLE_ID.split(".")[:2]
    spec = (ROOT / "packaging" / "grievance-desk.spec").read_text(encoding="utf-8")
    assert "bundle_identifier=BUNDLE_ID" in spec
