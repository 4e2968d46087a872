"""Backup of the 100,000-case register: the encrypted file copied byte for byte while a read
transaction holds it still (see storage/backup.py), then opened with the key to check it."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from grievance_desk.storage.keyfile import KeyFile
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import Register
from tests.benchmarks.conftest import Results, median_of, timed
from tests.benchmarks.generate import BenchRegister


def test_backup(opened: Register, bench: BenchRegister, tmp_path: Path, results: Results) -> None:
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
    # Not timed: the copy opens with the same key and holds every case.
    copy = Register.open_with_key(target, KeyFile.load(key_file_for(target)), opened.data_key)
    try:
        with copy.reading() as session:
            assert session.scalar(text("SELECT count(*) FROM grievance_case")) == bench.cases
    finally:
        copy.close()
