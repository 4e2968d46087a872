"""`grievance-desk verify [--head]` and `grievance-desk repair`, run as the officer runs them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from grievance_desk.storage.audit import chain_head
from grievance_desk.storage.register import Register
from tests.conftest import NOW, PASSPHRASE
from tests.services.test_verify_record import _import_the_old_way
from tests.support.kill_points import run_cli

ENV = {"GRIEVANCE_DESK_PASSPHRASE": PASSPHRASE, "GRIEVANCE_DESK_KDF_PROFILE": "fast"}


def test_repair_records_the_old_import_gap_and_verify_then_passes(register: Register) -> None:
    references = _import_the_old_way(register, 300)
    path = register.path
    register.close()

    before = run_cli(["verify", "--register", str(path)], env=ENV)
    assert before.returncode == 3, before.stderr
    assert "Import defect: 1 case(s)" in before.stdout and references[249] in before.stdout

    repaired = run_cli(["repair", "--register", str(path)], env=ENV)
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert f"{references[249]}: repair event" in repaired.stdout
    assert "documents missing event 250" in repaired.stdout
    assert "Repairs on record: 1 case(s)" in repaired.stdout

    after = run_cli(["verify", "--register", str(path)], env=ENV)
    assert after.returncode == 0, after.stdout
    assert "lost by the import defect" in after.stdout and "Repairs on record" in after.stdout


def test_verify_head_accepts_a_printed_head_and_refuses_a_bad_one(
    register: Register, tmp_path: Path
) -> None:
    from grievance_desk.services.cases import register_case
    from tests.support.drafts import make_draft

    register_case(register, make_draft(), now=NOW)
    with register.reading() as session:
        head = chain_head(session)
    register_case(register, make_draft(), now=NOW + timedelta(hours=1))
    path = register.path
    register.close()

    ok = run_cli(["verify", "--register", str(path), "--head", str(head)], env=ENV)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert f"Printed chain head {head}: ok" in ok.stdout

    other = f"{head.sequence}:{'0f' * 32}"
    forged = run_cli(["verify", "--register", str(path), "--head", other], env=ENV)
    assert forged.returncode == 3 and "re-chained" in forged.stdout

    typo = run_cli(["verify", "--register", str(path), "--head", "1:abc"], env=ENV)
    assert typo.returncode == 1 and "is not a chain head" in typo.stderr
