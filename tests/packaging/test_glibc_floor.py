"""The glibc floor reader finds the newest GLIBC_x.y a bundle's ELF files ask for."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sqlcipher3

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from glibc_floor import floor, main  # noqa: E402


def test_the_newest_needed_version_wins(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.so").write_bytes(b"\x7fELF" + b"\0GLIBC_2.17\0GLIBC_2.4\0")
    (tmp_path / "b.so").write_bytes(b"\x7fELF" + b"\0GLIBC_2.34\0GLIBC_2.28\0")
    (tmp_path / "notes.txt").write_bytes(b"GLIBC_2.99\0 is only text here")
    assert floor(tmp_path) == ((2, 34), tmp_path / "b.so")
    assert main([str(tmp_path), "--max", "2.35"]) == 0
    assert main([str(tmp_path), "--max", "2.31"]) == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF and glibc are Linux's")
def test_a_real_extension_module_has_a_floor() -> None:
    version, culprit = floor(Path(sqlcipher3.__file__).parent)
    assert (2, 2) <= version < (3, 0) and culprit is not None
