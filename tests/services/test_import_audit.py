"""Imports leave one audit event per case, however many rows: verify passes afterwards."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from grievance_desk.services.import_export import import_file
from grievance_desk.services.integrity import verify_register
from grievance_desk.storage.register import Register
from tests.conftest import NOW
from tests.support.import_files import write_import_csv


def test_a_600_row_import_keeps_every_audit_event(register: Register, tmp_path: Path) -> None:
    source = write_import_csv(register, tmp_path / "cases.csv", 600, NOW)
    report = import_file(register, source, now=NOW)
    assert report.imported == 600
    with register.reading() as session:
        created = session.execute(
            text("SELECT count(*) FROM audit_event WHERE action = 'case.created'")
        ).scalar_one()
    assert created == 600
    verified = verify_register(register)
    assert verified.ok, verified.lines()
