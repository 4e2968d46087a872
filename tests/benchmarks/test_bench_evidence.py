"""Evidence bundle of a case with 120 MB of scans: export (plain and AES-256) and verify.

Its own small register (the figures depend on the attachments, not on the case count); the
verify's traced peak shows members are hashed as streams, never held whole.
"""

from __future__ import annotations

import os
import tracemalloc
from datetime import timedelta
from pathlib import Path

import pytest

from grievance_desk.services.attachments import add_attachment
from grievance_desk.services.evidence import export_evidence, verify_bundle
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from tests.benchmarks.conftest import Results, median_of, timed
from tests.conftest import PASSPHRASE
from tests.services.test_retention import RECEIVED, closed_case, settle

SCAN_BYTES = 40_000_000


@pytest.mark.parametrize("password", [None, "a long bundle password"], ids=["plain", "aes256"])
def test_evidence_bundle(tmp_path: Path, results: Results, password: str | None) -> None:
    register, _recovery = Register.create(tmp_path / "r.db", PASSPHRASE)
    try:
        settle(register)
        with register.writing() as session:
            put_setting(session, "attachments.max_bytes", 2 * SCAN_BYTES)
        reference = closed_case(register)
        for index in range(3):
            scan = b"%PDF-" + os.urandom(SCAN_BYTES)
            add_attachment(register, reference, f"scan-{index}.pdf", scan, now=RECEIVED)
        target = tmp_path / "case.zip"
        now = RECEIVED + timedelta(days=30)
        runs = timed(
            lambda: export_evidence(register, reference, target, now=now, password=password),
            runs=3,
            warmup=0,
        )
    finally:
        register.close()
    kind = "AES-256" if password else "plain"
    size = target.stat().st_size / 1e6
    results.add(f"Evidence export, 120 MB of scans ({kind})", median_of(runs), "s",
                note=f"{size:,.0f} MB bundle")  # fmt: skip
    tracemalloc.start()
    checks = timed(lambda: verify_bundle(target, password), runs=3, warmup=0)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    assert verify_bundle(target, password).ok
    results.add(f"verify-bundle, 120 MB ({kind})", median_of(checks), "s",
                note=f"traced peak {peak:,.1f} MB")  # fmt: skip
