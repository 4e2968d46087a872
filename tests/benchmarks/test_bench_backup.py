"""Backup of the 100,000-case register: checkpoint + ``sqlcipher_export`` into a new file."""

from __future__ import annotations

import shutil
from pathlib import Path

from grievance_desk.storage.register import Register
from tests.benchmarks.conftest import Results, median_of, timed


def test_backup(opened: Register, tmp_path: Path, results: Results) -> None:
    target = tmp_path / "backups" / "register-backup.db"

    def once() -> None:
        shutil.rmtree(target.parent, ignore_errors=True)
        opened.backup_to(target)

    runs = timed(once, runs=3, warmup=0)
    size = target.stat().st_size / 1e6
    results.add(
        "Backup of the register (backup_to)",
        median_of(runs),
        "s",
        target=5,
        note=f"{size:,.0f} MB, {size / median_of(runs):,.0f} MB/s",
    )
    results.extra["register_mb"] = size
