"""Evidence bundles: what goes in, who signed it, that standard tools check it, that tampering
is caught, and that a hostile bundle cannot exhaust memory or time."""

from __future__ import annotations

import hashlib
import io
import json
import secrets
import shutil
import struct
import subprocess
import time
import tracemalloc
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
import pyzipper  # type: ignore[import-untyped]
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from pypdf import PdfReader
from sqlalchemy import text

from grievance_desk.documents.case_summary_pdf import CaseSummary, render_case_summary_pdf
from grievance_desk.services.attachments import add_attachment
from grievance_desk.services.evidence import (
    BundleError,
    Limits,
    export_evidence,
    register_fingerprint,
    verify_bundle,
)
from grievance_desk.services.evidence_format import safe_name
from grievance_desk.services.evidence_signing import fingerprint, public_key_pem
from grievance_desk.services.integrity import verify_register
from grievance_desk.services.letter_records import LetterTampered
from grievance_desk.services.retention import purge, purge_plan
from grievance_desk.storage.register import Register, Unlock
from grievance_desk.storage.settings_store import put_setting
from tests.conftest import PASSPHRASE
from tests.services.test_retention import LATER, MARKER, RECEIVED, closed_case, settle

EXPORTED = RECEIVED + timedelta(days=30)
PASSWORD = "bundle password for the test"
LETTER = "letters/letter-0001-acknowledgement.pdf"
SEGMENT = "audit/chain_segment.json"


@pytest.fixture
def case_ref(register: Register) -> str:
    settle(register)
    reference = closed_case(register)
    add_attachment(
        register, reference, "id proof/../../x.png", b"\x89PNG\r\n\x1a\nTEST", now=RECEIVED,
        purpose="identity_proof",
    )  # fmt: skip
    return reference


@pytest.fixture
def good(register: Register, case_ref: str, tmp_path: Path) -> Path:
    target = tmp_path / "good.zip"
    export_evidence(register, case_ref, target, now=EXPORTED)
    return target


def _files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def _sums(files: dict[str, bytes]) -> bytes:
    """SHA256SUMS as a careful forger would rewrite it."""
    return "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n"
        for name, data in sorted(files.items())
        if name not in ("SHA256SUMS", "SHA256SUMS.sig")
    ).encode()


def _write(target: Path, files: dict[str, bytes | None]) -> Path:
    with zipfile.ZipFile(target, "w") as bundle:
        for name, data in files.items():
            if data is not None:
                bundle.writestr(name, data)
    return target


def _rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    return _write(target, {**_files(source), **change})


def _forge(source: Path, target: Path, change: dict[str, bytes], key: Ed25519PrivateKey) -> Path:
    """A forger who rewrites files, SHA256SUMS and the signature with a key of their own."""
    files: dict[str, bytes] = {**_files(source), **change}
    files["signing-key.pem"] = public_key_pem(key.public_key())
    files["SHA256SUMS"] = _sums(files)
    files["SHA256SUMS.sig"] = key.sign(files["SHA256SUMS"])
    return _write(target, dict(files))


def _problems(path: Path, **kwargs: object) -> list[str]:
    return list(verify_bundle(path, **kwargs).problems)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- content


def test_bundle_holds_summary_record_letters_files_chain_and_signature(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    target = tmp_path / "case.zip"
    result = export_evidence(register, case_ref, target, now=EXPORTED)
    assert target.stat().st_mode & 0o077 == 0 and not result.encrypted
    files = _files(target)
    assert {
        "README.txt", "summary.pdf", "case.json", "manifest.json", "SHA256SUMS",
        "SHA256SUMS.sig", "signing-key.pem", "timeline.json", "timeline.csv", SEGMENT, LETTER,
    } <= set(files)  # fmt: skip
    attachments = sorted(n for n in files if n.startswith("attachments/"))
    assert attachments == ["attachments/0001-Zyxwquartz-evidence.txt", "attachments/0002-x.png"]
    assert files["attachments/0002-x.png"] == b"\x89PNG\r\n\x1a\nTEST"
    record = json.loads(files["case.json"])
    assert record["case"]["reference"] == case_ref and record["case"]["status"] == "closed"
    assert record["requester"]["email"] == f"{MARKER.lower()}@example.org"
    assert [a["filename"] for a in record["attachments"]][1] == "id proof/../../x.png"
    assert record["letters"][0]["file"] == LETTER
    # The chain head is the register's last event at export: sequence and hash.
    segment = json.loads(files[SEGMENT])
    head = segment["chain_head"]
    assert segment["reaches_head"] and segment["events"][-1]["id"] == head["sequence"]
    assert segment["events"][-1]["hash"] == head["hash"]
    assert result.chain_head == f"{head['sequence']}:{head['hash']}"
    # The fingerprint is the register's, is printed in the PDF and verify names it.
    printed = register_fingerprint(register)
    assert result.fingerprint == printed and len(printed.split()) == 16
    pages = PdfReader(io.BytesIO(files["summary.pdf"])).pages
    first = " ".join(pages[0].extract_text().split())
    assert case_ref in first and "Page 1 of" in first and MARKER in first
    groups = printed.split()
    assert " ".join(groups[:8]) in first and " ".join(groups[8:]) in first
    whole = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert str(head["sequence"]) in whole and head["hash"] in whole.replace(" ", "")
    check = verify_bundle(target, expected_fingerprint=printed.replace(" ", "").upper())
    assert check.ok and check.signer == printed and check.chain_head == result.chain_head
    # The export (and the key's creation) are on record, after the head the bundle states.
    with register.reading() as session:
        rows = session.execute(
            text("SELECT id, action, payload FROM audit_event ORDER BY id DESC LIMIT 2")
        ).all()
        made = session.execute(
            text("SELECT count(*) FROM audit_event WHERE action='register.signing_key_created'")
        ).scalar()
    assert rows[0][1] == "case.evidence_exported" and rows[0][0] == head["sequence"] + 1
    assert json.loads(rows[0][2])["bundle_sha256"] == result.sha256
    assert made == 1
    assert verify_register(register).ok


def test_the_signing_key_is_made_once_and_kept_in_the_register(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    first = register_fingerprint(register)
    path = register.path
    register.close()
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as reopened:
        assert register_fingerprint(reopened) == first
        result = export_evidence(reopened, case_ref, tmp_path / "b.zip", now=EXPORTED)
    assert result.fingerprint == first
    assert b"ed25519_private" not in path.read_bytes()  # inside the encrypted register only


def test_a_damaged_signing_key_is_named_and_never_replaced(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    register_fingerprint(register)
    with register.writing() as session:
        put_setting(session, "evidence.signing_key", {"ed25519_private": "not base64!"})
    with pytest.raises(BundleError, match=r"signing key \(setting [a-z._]+\) is damaged"):
        export_evidence(register, case_ref, tmp_path / "b.zip", now=EXPORTED)
    with pytest.raises(BundleError, match="Restore the register from a backup"):
        register_fingerprint(register)
    assert not (tmp_path / "b.zip").exists()


def test_standard_tools_check_the_extracted_bundle(good: Path, tmp_path: Path) -> None:
    """sha256sum -c checks every file and OpenSSL checks the signature: no Grievance Desk."""
    folder = tmp_path / "extracted"
    with zipfile.ZipFile(good) as bundle:
        bundle.extractall(folder)
    run = subprocess.run(
        ["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=folder, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count(": OK") == len(_files(good)) - 2
    if shutil.which("openssl"):
        signature = subprocess.run(
            ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signing-key.pem", "-rawin",
             "-in", "SHA256SUMS", "-sigfile", "SHA256SUMS.sig"],
            cwd=folder, capture_output=True, text=True,
        )  # fmt: skip
        assert "Signature Verified Successfully" in signature.stdout, signature.stderr
        # The fingerprint by hand, with the very command README.txt gives.
        command = next(
            line.strip()
            for line in _files(good)["README.txt"].decode().splitlines()
            if line.strip().startswith("openssl pkey ")
        )
        shown = subprocess.run(
            ["bash", "-c", command], cwd=folder, capture_output=True, text=True, check=True
        ).stdout.split()[0]
        assert verify_bundle(good).signer.replace(" ", "") == shown
    (folder / "letters" / LETTER.split("/")[1]).write_bytes(b"%PDF-changed")
    again = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True)
    assert again.returncode == 1 and b"FAILED" in again.stdout


def test_summary_pages_render(good: Path, tmp_path: Path) -> None:
    """The summary rasterises (pdftoppm) page by page, as a recipient's viewer shows it."""
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm is not installed")
    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(_files(good)["summary.pdf"])
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(PdfReader(pdf).pages) >= 1
    assert all(p.stat().st_size > 5_000 for p in pages)


# --------------------------------------------------------------------------- tampering


def test_each_tampered_part_is_named(good: Path, tmp_path: Path) -> None:
    files = _files(good)
    # A letter's byte.
    changed = _rewrite(good, tmp_path / "letter.zip", {LETTER: files[LETTER] + b"%"})
    assert _problems(changed) == [f"{LETTER} does not match its digest in SHA256SUMS."]
    # A SHA256SUMS line (rewritten to match the changed letter): the signature no longer holds.
    sums = _sums({**files, LETTER: files[LETTER] + b"%"})
    line = _rewrite(good, tmp_path / "line.zip", {LETTER: files[LETTER] + b"%", "SHA256SUMS": sums})
    assert any("does not match SHA256SUMS" in p for p in _problems(line))
    assert verify_bundle(line).signer == ""
    # The signature itself.
    signature = bytearray(files["SHA256SUMS.sig"])
    signature[5] ^= 1
    sig = _rewrite(good, tmp_path / "sig.zip", {"SHA256SUMS.sig": bytes(signature)})
    assert len(_problems(sig)) == 1 and "signature" in _problems(sig)[0]
    # A swapped public key (the forger's own; SHA256SUMS fixed too, old signature kept).
    other = Ed25519PrivateKey.generate()
    swapped_files = {**files, "signing-key.pem": public_key_pem(other.public_key())}
    swapped = _rewrite(
        good,
        tmp_path / "key.zip",
        {"signing-key.pem": swapped_files["signing-key.pem"], "SHA256SUMS": _sums(swapped_files)},
    )
    assert any("signature" in p for p in _problems(swapped))
    # The chain segment, with a careful forger's new digests and signature.
    segment = json.loads(files[SEGMENT])
    segment["events"][0]["actor"] = "Someone Else"
    forged = _forge(good, tmp_path / "chain.zip", {SEGMENT: json.dumps(segment).encode()}, other)
    original = verify_bundle(good).signer
    check = verify_bundle(forged, expected_fingerprint=original)
    assert any("do not match its hash" in p for p in check.problems)
    assert check.signer == fingerprint(other.public_key())
    assert any(f"not by {original}" in p for p in check.problems)
    # A missing and a planted file.
    missing = _rewrite(good, tmp_path / "missing.zip", {"timeline.json": None})
    assert "SHA256SUMS lists timeline.json, which is not in the bundle." in _problems(missing)
    planted = _rewrite(good, tmp_path / "planted.zip", {"attachments/9999-planted.txt": b"x"})
    assert _problems(planted) == [
        "attachments/9999-planted.txt is in the bundle but not listed in SHA256SUMS; not read."
    ]
    (tmp_path / "junk.zip").write_bytes(b"not a zip at all")
    assert "not a ZIP" in _problems(tmp_path / "junk.zip")[0]


def test_a_re_signed_letter_swap_is_caught_by_the_chain(good: Path, tmp_path: Path) -> None:
    """Even a forger who signs with their own key cannot match the issued letter's digest."""
    forger = Ed25519PrivateKey.generate()
    swapped = _forge(good, tmp_path / "swapped.zip", {LETTER: b"%PDF-1.4 another"}, forger)
    problems = _problems(swapped)
    assert f"{LETTER} is not the PDF the audit trail recorded when it was issued." in problems


@pytest.mark.parametrize(
    "content",
    [b"[" * 200_000, b'{"events": [1, "x", null], "chain_head": []}', b'{"events": "abc"}',
     b'"just a string"', b"\xff\xfe not utf-8", b'{"events": [{"id": "1"}], "chain_head": {}}'],
)  # fmt: skip
def test_hostile_json_in_a_signed_bundle_is_reported_never_raised(
    good: Path, tmp_path: Path, content: bytes
) -> None:
    forger = Ed25519PrivateKey.generate()
    forged = _forge(
        good, tmp_path / "json.zip", {SEGMENT: content, "manifest.json": content}, forger
    )
    problems = _problems(forged)
    assert problems and all(isinstance(p, str) for p in problems)


def test_a_flipped_byte_anywhere_is_reported_never_raised(good: Path, tmp_path: Path) -> None:
    """A damaged byte inside deflated data trips zlib, not the CRC: still a plain message."""
    data = good.read_bytes()
    damaged = tmp_path / "damaged.zip"
    step = max(1, len(data) // 300)
    reported = 0
    for position in range(0, len(data), step):
        flipped = bytearray(data)
        flipped[position] ^= 0xFF
        damaged.write_bytes(bytes(flipped))
        problems = _problems(damaged)  # must never raise
        assert all(isinstance(p, str) and p for p in problems)
        reported += bool(problems)
    # Only bytes the ZIP never reads back (header timestamps, flags) may go unnoticed.
    assert reported >= 0.9 * len(range(0, len(data), step))


# --------------------------------------------------------------------------- encryption


def test_password_encrypts_every_file_with_aes_256(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    target = tmp_path / "case.zip"
    result = export_evidence(register, case_ref, target, now=EXPORTED, password=PASSWORD)
    raw = target.read_bytes()
    assert result.encrypted and raw.startswith(b"PK\x03\x04")
    assert MARKER.encode() not in raw and b"%PDF" not in raw  # names too: numbers only
    with zipfile.ZipFile(target) as plain:
        assert all(info.flag_bits & 1 for info in plain.infolist())
        assert "attachments/0002.png" in plain.namelist()
        with pytest.raises(RuntimeError, match="encrypted"):
            plain.read("summary.pdf")
    with pyzipper.AESZipFile(target) as aes:
        aes.setpassword(PASSWORD.encode())
        info = aes.getinfo("summary.pdf")
        assert info.wz_aes_strength == 3  # 3 = AES-256
        assert aes.read("summary.pdf").startswith(b"%PDF")
    check = verify_bundle(target, PASSWORD)
    assert check.ok and check.encrypted and check.signer == result.fingerprint
    assert "give its password" in _problems(target)[0]
    assert _problems(target, password="not the password at all") == [
        "The password is wrong for case.zip. Check it with the sender (it should have come "
        "separately from the file)."
    ]
    with pytest.raises(BundleError, match="too short"):
        export_evidence(register, case_ref, tmp_path / "s.zip", now=EXPORTED, password="short")


def test_seven_zip_opens_the_encrypted_bundle(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    seven = shutil.which("7zz") or shutil.which("7z")
    if seven is None:
        pytest.skip("7-Zip is not installed")
    target = tmp_path / "case.zip"
    export_evidence(register, case_ref, target, now=EXPORTED, password=PASSWORD)
    listing = subprocess.run([seven, "l", "-slt", str(target)], capture_output=True, text=True)
    assert "Method = AES-256 Deflate" in listing.stdout
    out = tmp_path / "out"
    run = subprocess.run(
        [seven, "x", f"-p{PASSWORD}", f"-o{out}", str(target)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    sums = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True)
    assert sums.returncode == 0
    bad = subprocess.run(
        [seven, "t", "-pwrong-password", str(target)], capture_output=True, text=True
    )
    assert bad.returncode != 0


def _seal_legacy(data: bytes, password: str, memory_kib: int = 8, iterations: int = 1) -> bytes:
    """The version 1 ``.gdbundle`` container, as the previous release wrote it."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = struct.pack(
        ">8sBBIII16s12s", b"GDBUNDLE", 1, 1, iterations, 1, memory_kib, salt, nonce
    )
    key = Argon2id(
        salt=salt, length=32, iterations=iterations, lanes=1, memory_cost=max(memory_kib, 8)
    ).derive(password.encode())
    return header + AESGCM(key).encrypt(nonce, data, header)


def _legacy_zip(good: Path) -> bytes:
    """A version 1 bundle: no signature, manifest version 1, head counted as "events"."""
    files = _files(good)
    for name in ("SHA256SUMS.sig", "signing-key.pem"):
        del files[name]
    manifest = json.loads(files["manifest.json"])
    segment = json.loads(files[SEGMENT])
    head = {"events": segment["chain_head"]["sequence"], "hash": segment["chain_head"]["hash"]}
    manifest["version"], manifest["chain_head"], segment["chain_head"] = 1, head, head
    del manifest["signer"]
    files["manifest.json"], files[SEGMENT] = (
        json.dumps(manifest).encode(),
        json.dumps(segment).encode(),
    )
    files["SHA256SUMS"] = _sums(files)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for name, data in files.items():
            bundle.writestr(name, data)
    return buffer.getvalue()


def test_previous_version_bundles_are_still_checked(good: Path, tmp_path: Path) -> None:
    plain = tmp_path / "old.zip"
    plain.write_bytes(_legacy_zip(good))
    check = verify_bundle(plain)
    assert (
        check.ok
        and check.legacy
        and check.signer == ""
        and "before bundles were signed" in (check.notes[0])
    )
    demanded = verify_bundle(plain, expected_fingerprint="ab" * 32)
    assert demanded.problems == (
        f"The bundle is not signed, so it cannot show it came from the key "
        f"{' '.join(['abab'] * 16)}.",
    )
    sealed = tmp_path / "old.gdbundle"
    sealed.write_bytes(_seal_legacy(_legacy_zip(good), PASSWORD))
    check = verify_bundle(sealed, PASSWORD)
    assert check.ok and check.legacy and check.encrypted
    assert "password is wrong" in _problems(sealed, password="another password here")[0]
    assert "give its password" in _problems(sealed)[0]


# --------------------------------------------------------------------------- hostile bundles


def test_a_4_gib_argon2id_header_is_refused_before_deriving(tmp_path: Path) -> None:
    header = struct.pack(
        ">8sBBIII16s12s", b"GDBUNDLE", 1, 1, 3, 4, 4 * 1024 * 1024, b"s" * 16, b"n" * 12
    )
    hostile = tmp_path / "hostile.gdbundle"
    hostile.write_bytes(header + b"\x00" * 64)
    started = time.monotonic()
    problems = _problems(hostile, password=PASSWORD)
    assert time.monotonic() - started < 2
    assert "refused unopened" in problems[0] and "4,194,304 KiB" in problems[0]


def test_a_200_mb_stray_member_is_named_not_read(good: Path, tmp_path: Path) -> None:
    stray = tmp_path / "stray.zip"
    shutil.copy(good, stray)
    with (
        zipfile.ZipFile(stray, "a", compression=zipfile.ZIP_STORED) as bundle,
        bundle.open("attachments/9999-huge.bin", "w", force_zip64=True) as member,
    ):
        block = b"\x00" * (1 << 20)
        for _ in range(200):
            member.write(block)
    tracemalloc.start()
    started = time.monotonic()
    problems = _problems(stray)
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert problems == [
        "attachments/9999-huge.bin is in the bundle but not listed in SHA256SUMS; not read."
    ]
    assert stray.stat().st_size > 200 << 20 and peak < 30 << 20 and elapsed < 10


def test_a_listed_member_above_the_size_limit_is_not_read(good: Path, tmp_path: Path) -> None:
    big = _rewrite(good, tmp_path / "big.zip", {"attachments/0002-x.png": b"\x89PNG" * 300_000})
    problems = _problems(big, limits=Limits(member_bytes=1 << 20))
    assert any("claims 1,200,000 bytes, above the 1,048,576" in p for p in problems)


def test_a_bundle_above_the_total_or_file_size_limit_is_refused(good: Path, tmp_path: Path) -> None:
    size = good.stat().st_size
    assert _problems(good, limits=Limits(bundle_bytes=size - 1)) == [
        f"good.zip was refused unread: it is {size:,} bytes, above the {size - 1:,} a bundle "
        "may have."
    ]
    total = sum(info.file_size for info in zipfile.ZipFile(good).infolist())
    assert _problems(good, limits=Limits(total_bytes=total - 1)) == [
        f"good.zip was refused unread: its files add up to {total:,} bytes, above the "
        f"{total - 1:,} a bundle may hold."
    ]
    huge_sums = _rewrite(good, tmp_path / "sums.zip", {"SHA256SUMS": b"0" * (5 << 20)})
    assert "SHA256SUMS is larger than the 4,194,304 bytes" in _problems(huge_sums)[0]


def test_a_flipped_byte_in_an_encrypted_bundle_is_reported(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    target = tmp_path / "case.zip"
    export_evidence(register, case_ref, target, now=EXPORTED, password=PASSWORD)
    data = target.read_bytes()
    with zipfile.ZipFile(target) as bundle:
        info = bundle.getinfo(LETTER)
    flipped = bytearray(data)
    flipped[info.header_offset + 30 + len(info.filename) + 11 + 40 + 500] ^= 1
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(flipped))
    assert _problems(damaged, password=PASSWORD) == [
        f"{LETTER} is damaged inside the ZIP (it cannot be read back, or the password is wrong)."
    ]


def test_duplicate_member_names_are_refused(good: Path, tmp_path: Path) -> None:
    duplicate = tmp_path / "dup.zip"
    shutil.copy(good, duplicate)
    with (
        pytest.warns(UserWarning, match="Duplicate name"),
        zipfile.ZipFile(duplicate, "a") as bundle,
    ):
        bundle.writestr(LETTER, b"%PDF-a second letter under the same name")
    problems = _problems(duplicate)
    assert f"{LETTER} appears 2 times in the ZIP; none was read." in problems
    assert f"SHA256SUMS lists {LETTER}, which is not in the bundle." in problems


def test_a_zip_bomb_is_refused(good: Path, tmp_path: Path) -> None:
    """A member that claims far more than it holds, and members that overlap, are not read."""
    bomb = tmp_path / "bomb.zip"
    shutil.copy(good, bomb)
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("timeline-2.json", b"\x00" * (64 << 20))  # 64 MiB in about 64 KiB
    started = time.monotonic()
    problems = _problems(bomb)
    assert any("expands more than 200:1 (a zip bomb)" in p for p in problems)
    assert time.monotonic() - started < 5
    overlap = tmp_path / "overlap.zip"
    overlap.write_bytes(_overlapping_zip(20))
    problems = _problems(overlap)
    assert sum("overlaps another file" in p for p in problems) >= 19


def test_bzip2_and_lzma_members_are_not_read(good: Path, tmp_path: Path) -> None:
    """Their decompressors have no output cap per call: refused, even when listed and signed."""
    forger = Ed25519PrivateKey.generate()
    odd = _forge(good, tmp_path / "odd.zip", {"a.bin": b"\x00" * 100_000}, forger)
    files = _files(odd)
    files["b.bin"] = b"\x00" * 100_000
    files["SHA256SUMS"] = _sums(files)
    files["SHA256SUMS.sig"] = forger.sign(files["SHA256SUMS"])
    methods = {"a.bin": zipfile.ZIP_BZIP2, "b.bin": zipfile.ZIP_LZMA}
    with zipfile.ZipFile(odd, "w") as bundle:
        for name, data in files.items():
            bundle.writestr(name, data, compress_type=methods.get(name, zipfile.ZIP_STORED))
    assert _problems(odd) == [
        "a.bin uses ZIP compression method 12, which bundles never use; it was not read.",
        "b.bin uses ZIP compression method 14, which bundles never use; it was not read.",
        "SHA256SUMS lists a.bin, which is not in the bundle.",
        "SHA256SUMS lists b.bin, which is not in the bundle.",
        "manifest.json names another signer than the key that signed it.",
    ]


def _overlapping_zip(copies: int) -> bytes:
    """Fifield's non-recursive bomb in small: many directory entries share one file's data."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("a.txt", b"a" * 100_000)
    data = buffer.getvalue()
    start_dir = data.index(b"PK\x01\x02")
    entry = data[start_dir : data.index(b"PK\x05\x06")]
    directory = b"".join(entry.replace(b"a.txt", f"{i:05d}".encode()) for i in range(copies))
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, copies, copies, len(directory), start_dir, 0)
    return data[:start_dir] + directory + end


def test_an_absurd_member_count_is_refused_unparsed(tmp_path: Path) -> None:
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as bundle:
        for index in range(6_000):
            bundle.writestr(f"{index}", b"")
    assert _problems(many) == [
        "many.zip was refused unread: it holds 6,000 files, more than the 5,000 a bundle may hold."
    ]
    # A listing too big to parse is refused before zipfile reads it into memory.
    assert _problems(many, limits=Limits(directory_bytes=100_000)) == [
        "many.zip was refused unread: its list of files is larger than 100,000 bytes, far more "
        "than any real bundle needs."
    ]


def test_path_traversal_and_disguised_names_are_refused(good: Path, tmp_path: Path) -> None:
    hostile = {
        "../../outside.txt": "climbs out",
        "/etc/passwd": "absolute path",
        "letters\\..\\evil.pdf": "backslash",
        "C:/evil.exe": "absolute path",
        "attachments/invoice\u202efdp.exe": "right-to-left",
    }
    bundle = _rewrite(good, tmp_path / "names.zip", {n: b"x" for n in hostile})
    problems = _problems(bundle)
    for name, why in hostile.items():
        assert any(repr(name) in p and why in p for p in problems), name
    assert not (tmp_path.parent / "outside.txt").exists()


# --------------------------------------------------------------------------- other cases


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
    assert verify_bundle(target).ok


def test_an_altered_letter_is_never_exported(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    with register.writing() as session:
        session.execute(text("UPDATE letter SET pdf = CAST('%PDF-forged' AS BLOB)"))
    target = tmp_path / "case.zip"
    with pytest.raises(LetterTampered):
        export_evidence(register, case_ref, target, now=EXPORTED)
    assert not target.exists()


def test_an_altered_attachment_is_never_exported(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    with register.writing() as session:
        session.execute(text("UPDATE attachment SET content = CAST('forged' AS BLOB) WHERE id = 2"))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(BundleError, match=r"Attachment 2 of GRV-\d{4}-\d{5} no longer matches"):
        export_evidence(register, case_ref, out / "case.zip", now=EXPORTED)
    assert list(out.iterdir()) == []  # no bundle and no partial file


def test_unwritable_target_is_a_clear_error(
    register: Register, case_ref: str, tmp_path: Path
) -> None:
    with pytest.raises(BundleError, match="could not be written"):
        export_evidence(register, case_ref, tmp_path / "no-such-dir" / "case.zip", now=EXPORTED)


def test_safe_names_keep_devanagari_and_drop_folders_controls_and_bidi() -> None:
    assert safe_name("आधार कार्ड scan.png") == "आधार कार्ड scan.png"  # vowel signs kept
    assert safe_name("id proof/../../x.png") == "x.png"
    assert safe_name("invoice\u202efdp.exe") == "invoice_fdp.exe"
    assert safe_name("...") == "file" and safe_name("a:b*c?.txt") == "a_b_c_.txt"


def test_summary_pdf_with_nothing_to_list_renders() -> None:
    empty = CaseSummary("Org", "GRV-2026-00001", "", "", (), (), "", (), (), (), (), ())
    text = PdfReader(io.BytesIO(render_case_summary_pdf(empty))).pages[0].extract_text()
    assert "No letter was issued." in text and "Signed by" not in text


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
        signer_fingerprint=" ".join(["ab12"] * 16),
    )
    pdf = render_case_summary_pdf(summary)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3
    words = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "<b>not markup</b> & done" in words and "Signed by the register key" in words
    assert render_case_summary_pdf(summary) == pdf
