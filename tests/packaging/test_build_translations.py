"""The frozen app ships compiled catalogues: packaging/build.py turns every .ts into a .qm."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]


def _build_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gd_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_shipped_catalogue_compiles_into_the_bundle(tmp_path: Path) -> None:
    build = _build_module()
    sources = ROOT / "resources" / "translations"
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    written = build.compile_translations(sources, tmp_path / "translations", tool)
    assert [p.stem for p in written] == sorted(p.stem for p in sources.glob("*.ts"))
    assert "grievance_desk_hi" in [p.stem for p in written]
    for qm in written:
        assert QTranslator().load(str(qm)), qm
    # The build refuses a bundle without the Hindi catalogue.
    assert any(path.endswith("grievance_desk_hi.qm") for path in build.REQUIRED.values())
