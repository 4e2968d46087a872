"""Evidence bundles: what goes in, how it is checked, and that tampering is caught."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from grievance_desk.documents.case_summary_pdf import CaseSummary, render_case_summary_pdf
from grievance_desk.services.attachments import add_attachment
from grievance_desk.services.evidence import (
    MAGIC,
    BundleError,
    decrypt_bundle,
    encrypt_bundle,
    export_evidence,
    verify_bundle,
)
from grievance_desk.services.integrity import verify_register
from grievance_desk.services.letters import LetterTampered
from grievance_desk.services.retention import purge, purge_plan
from grievance_desk.storage.register import Register
from tests.services.test_retention import LATER, MARKER, RECEIVED, closed_case, settle

EXPORTED = RECEIVED + timedelta(days=30)
PASSWORD = "bundle password for the test"


@pytest.fixture
def case_ref(register: Register) -> str:
    settle(register)
    reference = closed_case(register)
    add_attachment(
        register, reference, "id proof/../../x.png", b"\x89PNG\r\n\x1a\nTEST", now=RECEIVED,
        purpose="identity_proof",
    )  # fmt: skip
    return reference


def _files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def _sums(files: dict[str, bytes]) -> bytes:
    """SHA256SUMS as a careful forger would rewrite it."""
    return "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n"
        for name, data in sorted(files.items())
        if name != "SHA256SUMS"
    ).encode()


def _rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    files = _files(source)
    with zipfile.ZipFile(target, "w") as bundle:
        for name, data in {**files, **change}.items():
            if data is not None:
                bundle.writestr(name, data)
    return target


def test_bundle_holds_summary_timeline_letters_files_manifest_and_chain(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    target = tmp_path / "case.zip"
    result = export_evidence(register, case_ref, target, now=EXPORTED)
    assert target.stat().st_mode & 0o077 == 0 and not result.encrypted
    files = _files(target)
    names = set(files)
    assert {
        "README.txt", "manifest.json", "SHA256SUMS", "summary.pdf", "timeline.json",
        "timeline.csv", "audit/chain_segment.json", "letters/letter-0001-acknowledgement.pdf",
    } <= names  # fmt: skip
    attachments = sorted(n for n in names if n.startswith("attachments/"))
    assert attachments == ["attachments/0001-Zyxwquartz-evidence.txt", "attachments/0002-x.png"]
    assert files["attachments/0002-x.png"] == b"\x89PNG\r\n\x1a\nTEST"
    summary = PdfReader(io.BytesIO(files["summary.pdf"]))
    first = summary.pages[0].extract_text()
    assert case_ref in first and "Page 1 of" in first and MARKER in first
    manifest = json.loads(files["manifest.json"])
    assert manifest["reference"] == case_ref and len(manifest["files"]) == len(names) - 2
    timeline = json.loads(files["timeline.json"])["events"]
    assert timeline[0]["title"] == "Case registered"
    assert timeline == sorted(timeline, key=lambda e: e["at"])
    assert files["timeline.csv"].decode("utf-8-sig").startswith("local_time,utc,kind,what")
    segment = json.loads(files["audit/chain_segment.json"])
    assert (
        segment["reaches_head"] and segment["events"][-1]["hash"] == segment["chain_head"]["hash"]
    )
    assert verify_bundle(target) == []
    # The export itself is on record, after the head the bundle states.
    with register.reading() as session:
        last = session.execute(
            text("SELECT action, payload FROM audit_event ORDER BY id DESC LIMIT 1")
        ).one()
    assert last[0] == "case.evidence_exported"
    assert json.loads(last[1])["bundle_sha256"] == result.sha256
    assert verify_register(register).ok


def test_tampering_is_named(register: Register, case_ref: str, tmp_path: Path) -> None:
    good = tmp_path / "good.zip"
    export_evidence(register, case_ref, good, now=EXPORTED)
    files = _files(good)
    letter = "letters/letter-0001-acknowledgement.pdf"
    changed = _rewrite(good, tmp_path / "a.zip", {letter: files[letter] + b"%"})
    problems = verify_bundle(changed)
    assert any("does not match its SHA-256 in the manifest" in p for p in problems)
    assert any("SHA256SUMS" in p for p in problems)
    missing = _rewrite(good, tmp_path / "b.zip", {"timeline.json": None})
    assert any("missing from the bundle" in p for p in verify_bundle(missing))
    extra = _rewrite(good, tmp_path / "c.zip", {"attachments/9999-planted.txt": b"x"})
    assert any("not in the manifest" in p for p in verify_bundle(extra))
    segment = json.loads(files["audit/chain_segment.json"])
    segment["events"][0]["actor"] = "Someone Else"
    forged = json.dumps(segment).encode()
    manifest = json.loads(files["manifest.json"])
    for entry in manifest["files"]:  # a careful forger also fixes the manifest and sums
        if entry["name"] == "audit/chain_segment.json":
            entry["sha256"], entry["size"] = hashlib.sha256(forged).hexdigest(), len(forged)
    new_manifest = json.dumps(manifest).encode()
    sums = _sums({**files, "audit/chain_segment.json": forged, "manifest.json": new_manifest})
    rewritten = _rewrite(
        good,
        tmp_path / "d.zip",
        {
            "audit/chain_segment.json": forged,
            "manifest.json": new_manifest,
            "SHA256SUMS": sums,
        },
    )
    assert any("do not match its hash" in p for p in verify_bundle(rewritten))
    (tmp_path / "junk.zip").write_bytes(b"not a zip at all")
    assert "not a ZIP" in verify_bundle(tmp_path / "junk.zip")[0]


def test_a_flipped_byte_anywhere_is_reported_never_raised(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    """A damaged byte inside deflated data trips zlib, not the CRC: still a plain message."""
    good = tmp_path / "good.zip"
    export_evidence(register, case_ref, good, now=EXPORTED)
    data = good.read_bytes()
    damaged = tmp_path / "damaged.zip"
    step = max(1, len(data) // 400)
    reported = 0
    for position in range(0, len(data), step):
        flipped = bytearray(data)
        flipped[position] ^= 0xFF
        damaged.write_bytes(bytes(flipped))
        problems = verify_bundle(damaged)  # must never raise
        assert all(isinstance(p, str) and p for p in problems)
        reported += bool(problems)
    # Only bytes the ZIP never reads back (header timestamps, flags) may go unnoticed.
    assert reported >= 0.9 * len(range(0, len(data), step))


def test_letter_swapped_with_fixed_digests_is_caught_by_the_chain(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    good = tmp_path / "good.zip"
    export_evidence(register, case_ref, good, now=EXPORTED)
    files = _files(good)
    letter = "letters/letter-0001-acknowledgement.pdf"
    fake = b"%PDF-1.4 a different letter"
    manifest = json.loads(files["manifest.json"])
    for entry in manifest["files"]:
        if entry["name"] == letter:
            entry["sha256"], entry["size"] = hashlib.sha256(fake).hexdigest(), len(fake)
    new_manifest = json.dumps(manifest).encode()
    sums = _sums({**files, letter: fake, "manifest.json": new_manifest})
    swapped = _rewrite(
        good,
        tmp_path / "swapped.zip",
        {letter: fake, "manifest.json": new_manifest, "SHA256SUMS": sums},
    )
    assert verify_bundle(swapped) == [
        f"{letter} is not the PDF the audit trail recorded when it was issued."
    ]


def test_password_seals_the_bundle(register: Register, case_ref: str, tmp_path: Path) -> None:
    target = tmp_path / "case.gdbundle"
    result = export_evidence(register, case_ref, target, now=EXPORTED, password=PASSWORD)
    raw = target.read_bytes()
    assert result.encrypted and raw.startswith(MAGIC)
    assert MARKER.encode() not in raw and b"%PDF" not in raw
    assert verify_bundle(target, PASSWORD) == []
    assert "give its password" in verify_bundle(target)[0]
    assert "password is wrong" in verify_bundle(target, "not the password at all")[0]
    flipped = bytearray(raw)
    flipped[-40] ^= 1
    (tmp_path / "flipped.gdbundle").write_bytes(bytes(flipped))
    assert "changed or damaged" in verify_bundle(tmp_path / "flipped.gdbundle", PASSWORD)[0]
    with pytest.raises(BundleError, match="too short"):
        encrypt_bundle(b"x", "short")
    with pytest.raises(BundleError, match="not an encrypted"):
        decrypt_bundle(b"PK\x03\x04" + b"\x00" * 80, PASSWORD)
    assert decrypt_bundle(encrypt_bundle(b"payload", PASSWORD), PASSWORD) == b"payload"


def test_purged_case_bundle_lists_what_is_gone_and_carries_no_personal_data(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    purge(register, purge_plan(register, now=LATER), now=LATER)
    target = tmp_path / "purged.zip"
    export_evidence(register, case_ref, target, now=LATER)
    files = _files(target)
    assert not any(n.startswith(("letters/", "attachments/")) for n in files)
    blob = b"".join(files.values())
    assert MARKER.encode() not in blob and MARKER.lower().encode() not in blob
    summary = PdfReader(io.BytesIO(files["summary.pdf"])).pages[0].extract_text()
    assert "erased under the retention rule" in summary
    manifest = json.loads(files["manifest.json"])
    reasons = sorted(item["reason"] for item in manifest["not_included"])
    assert reasons == ["destroyed", "destroyed", "purged"]
    assert verify_bundle(target) == []


def test_an_altered_letter_is_never_exported(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    with register.writing() as session:
        session.execute(text("UPDATE letter SET pdf = CAST('%PDF-forged' AS BLOB)"))
    target = tmp_path / "case.zip"
    with pytest.raises(LetterTampered):
        export_evidence(register, case_ref, target, now=EXPORTED)
    assert not target.exists()


def test_unwritable_target_is_a_clear_error(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    with pytest.raises(BundleError, match="could not be written"):
        export_evidence(register, case_ref, tmp_path / "no-such-dir" / "case.zip", now=EXPORTED)


def test_summary_pdf_with_long_and_mixed_script_text() -> None:
    summary = CaseSummary(
        organisation="Example Test Org",
        reference="GRV-2026-00001",
        exported_at="2026-11-25 15:00 IST",
        exported_by="Test Officer",
        facts=(("Reference", "GRV-2026-00001"),),
        requester=(("Name", "श्रीमती अनन्या क्षत्रिय (Test)"), ("E-mail", "a@example.org")),
        description="word " * 3000 + "<b>not markup</b> & done",
        deadlines=(),
        letters=(),
        attachments=(),
        timeline=(),
        chain=(("Chain head (hash)", "ab" * 32),),
    )
    pdf = render_case_summary_pdf(summary)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3
    words = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "<b>not markup</b> & done" in words
    assert render_case_summary_pdf(summary) == pdf
