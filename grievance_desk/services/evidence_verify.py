"""Checking an evidence bundle: who signed it, that every file is intact, that the chain links.

``verify_bundle`` never trusts the file: it is opened through `evidence_zipread.BoundedZip`,
which bounds every resource first. It then checks, in order: SHA256SUMS (strict
``sha256sum`` format, every member listed and matching), the Ed25519 signature over
SHA256SUMS and the fingerprint of the key that made it (against the one the officer gave,
when passed), the manifest, and the audit-chain segment (each hash recomputed, each link,
the stated chain head, and each issued letter against the digest recorded when it was issued).

Bundles of the previous format (version 1: unsigned, or sealed in a ``.gdbundle`` container
with AES-256-GCM under an Argon2id key) are still checked, with a note that they carry no
signature. Their Argon2id cost is bounded before a key is derived.
"""

from __future__ import annotations

import io
import json
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.messages import _
from grievance_desk.services.evidence_format import (
    BUNDLE_FORMAT,
    BUNDLE_VERSION,
    LEGACY_MAGIC,
    LEGACY_VERSION,
    MANIFEST,
    PUBLIC_KEY,
    SEGMENT,
    SIGNATURE,
    SUMS,
    UNLISTED,
    BundleError,
)
from grievance_desk.services.evidence_signing import fingerprint
from grievance_desk.services.evidence_zipread import (
    READ_ERRORS,
    BoundedZip,
    Limits,
    ZipRefused,
    name_problem,
)
from grievance_desk.storage.audit import GENESIS, chain_hash, digest

__all__ = [
    "NO_PASSWORD",
    "WRONG_PASSWORD",
    "BundleCheck",
    "Limits",
    "decrypt_legacy_bundle",
    "verify_bundle",
]

NO_PASSWORD, WRONG_PASSWORD = "missing", "wrong"
_SUMS_LINE = re.compile(r"([0-9a-f]{64}) [ *](.+)")
_LEGACY_HEADER = struct.Struct(">8sBBIII16s12s")
#: The most a legacy header may ask of Argon2id: 4x the app's own default (64 MiB, t=3).
_LEGACY_MAX_MEMORY_KIB = 256 * 1024
_LEGACY_MAX_ITERATIONS = 10
_LEGACY_MAX_LANES = 16
_LEGACY_MAX_BYTES = 512 << 20  # read whole into memory to decrypt


@dataclass(frozen=True)
class BundleCheck:
    """What ``verify_bundle`` found. ``ok`` only when nothing at all is wrong."""

    problems: tuple[str, ...]
    signer: str = ""  # fingerprint of the key whose signature over SHA256SUMS is valid
    encrypted: bool = False
    legacy: bool = False
    chain_head: str = ""  # "SEQUENCE:HASH" as the bundle states it
    files: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: Why nothing could be checked, for exit codes: "" or one of NO_PASSWORD, WRONG_PASSWORD.
    password: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed or read aloud (spaces, colons, capitals) in its canonical form."""
    hexed = re.sub(r"[\s:]", "", text).lower()
    return " ".join(hexed[i : i + 4] for i in range(0, len(hexed), 4))


# --------------------------------------------------------------------------- legacy container


def decrypt_legacy_bundle(data: bytes, password: str) -> bytes:
    """Open a version 1 ``.gdbundle``; a wrong password or any changed byte raises BundleError.

    The Argon2id cost in the header is checked against a ceiling before any key is derived,
    so a crafted header cannot ask for gigabytes of memory or minutes of work.
    """
    if len(data) < _LEGACY_HEADER.size + 16 or not data.startswith(LEGACY_MAGIC):
        raise BundleError(_("This is not an encrypted Grievance Desk bundle (.gdbundle)."))
    _magic, version, kdf_id, iterations, lanes, memory, salt, nonce = _LEGACY_HEADER.unpack_from(
        data
    )
    if version != LEGACY_VERSION or kdf_id != 1:
        raise BundleError(
            _(
                "This .gdbundle has format {version}, which this Grievance Desk does not know."
            ).format(version=version)
        )
    if not (
        1 <= iterations <= _LEGACY_MAX_ITERATIONS
        and 1 <= lanes <= _LEGACY_MAX_LANES
        and 8 * lanes <= memory <= _LEGACY_MAX_MEMORY_KIB
    ):
        raise BundleError(
            _(
                "The bundle's header asks for a key-derivation cost ({memory:,} KiB, "
                "{iterations} passes, {lanes} lanes) above what Grievance Desk ever wrote "
                "({legacy_max_memory_kib:,} KiB, {legacy_max_iterations} passes): it was "
                "refused unopened. Ask the sender for the bundle again."
            ).format(
                memory=memory,
                iterations=iterations,
                lanes=lanes,
                legacy_max_memory_kib=_LEGACY_MAX_MEMORY_KIB,
                legacy_max_iterations=_LEGACY_MAX_ITERATIONS,
            )
        )
    key = Argon2id(
        salt=salt, length=32, iterations=iterations, lanes=lanes, memory_cost=memory
    ).derive(password.encode("utf-8"))
    try:
        return AESGCM(key).decrypt(nonce, data[_LEGACY_HEADER.size :], data[: _LEGACY_HEADER.size])
    except InvalidTag:
        raise BundleError(
            _(
                "The password is wrong, or the bundle was changed or damaged after it was "
                "sealed. Check the password with the sender; if it is right, ask for the "
                "bundle again."
            )
        ) from None


# --------------------------------------------------------------------------- verifying


def verify_bundle(
    path: Path,
    password: str | None = None,
    *,
    expected_fingerprint: str | None = None,
    limits: Limits | None = None,
) -> BundleCheck:
    """Every problem with a bundle, and who signed it. Never raises for a bad bundle."""
    limits = limits or Limits()
    try:
        size = path.stat().st_size
        with path.open("rb") as raw:
            legacy_sealed = raw.read(len(LEGACY_MAGIC)) == LEGACY_MAGIC
            raw.seek(0)
            if legacy_sealed:
                return _verify_legacy_sealed(path, raw, size, password, limits)
            return _verify_zip(path, raw, size, password, expected_fingerprint, limits)
    except OSError as error:
        return BundleCheck(
            (
                _("{path} cannot be read ({value}).").format(
                    path=path, value=error.strerror or error
                ),
            )
        )


def _verify_legacy_sealed(
    path: Path, raw: IO[bytes], size: int, password: str | None, limits: Limits
) -> BundleCheck:
    if password is None:
        return BundleCheck(
            (
                _("{name} is an encrypted bundle; give its password (--password-stdin).").format(
                    name=path.name
                ),
            ),
            encrypted=True,
            legacy=True,
            password=NO_PASSWORD,
        )
    if size > _LEGACY_MAX_BYTES:
        return BundleCheck(
            (
                _(
                    "{name} is larger than any .gdbundle Grievance Desk wrote; it was refused."
                ).format(name=path.name),
            ),
            legacy=True,
        )
    try:
        inner = decrypt_legacy_bundle(raw.read(size + 1), password)
    except BundleError as error:
        return BundleCheck((str(error),), encrypted=True, legacy=True, password=WRONG_PASSWORD)
    check = _verify_zip(path, io.BytesIO(inner), len(inner), None, None, limits)
    return BundleCheck(
        check.problems, check.signer, True, True, check.chain_head, check.files, check.notes
    )


def _verify_zip(
    path: Path,
    raw: IO[bytes],
    size: int,
    password: str | None,
    expected: str | None,
    limits: Limits,
) -> BundleCheck:
    try:
        bundle = BoundedZip(raw, size, limits, password)
    except ZipRefused as why:
        return BundleCheck(
            (_("{name} was refused unread: {why}.").format(name=path.name, why=why),)
        )
    with bundle:
        if bundle.encrypted and password is None:
            return BundleCheck(
                (
                    _(
                        "{name} is an encrypted bundle; give its password (--password-stdin)."
                    ).format(name=path.name),
                ),
                encrypted=True,
                password=NO_PASSWORD,
            )
        if bundle.encrypted and not bundle.password_fits():
            return BundleCheck(
                (
                    _(
                        "The password is wrong for {name}. Check it with the sender (it should "
                        "have come separately from the file)."
                    ).format(name=path.name),
                ),
                encrypted=True,
                password=WRONG_PASSWORD,
            )
        return _Checker(bundle, expected).run()


class _Checker:
    """One pass over an opened bundle; gathers problems rather than stopping at the first."""

    def __init__(self, bundle: BoundedZip, expected: str | None) -> None:
        self.bundle = bundle
        self.expected = normalise_fingerprint(expected) if expected else None
        self.problems: list[str] = list(bundle.problems)
        self.notes: list[str] = []
        self.digests: dict[str, str] = {}  # members whose digest matched SHA256SUMS
        self.signer = ""
        self.head = ""

    def run(self) -> BundleCheck:
        sums = self._read(SUMS, 4 << 20)
        if sums is None:
            self.problems.append(
                _("{sums} is missing or unreadable, so no file can be checked.").format(sums=SUMS)
            )
        else:
            self._check_sums(sums)
        manifest = self._json(MANIFEST)
        legacy = isinstance(manifest, dict) and manifest.get("version") == LEGACY_VERSION
        if sums is not None:
            self._check_signature(sums, legacy)
        if manifest is None:
            self.problems.append(
                _("{manifest} is missing or not readable.").format(manifest=MANIFEST)
            )
            manifest = {}
        elif not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
            self.problems.append(
                _("{manifest} does not describe a Grievance Desk evidence bundle.").format(
                    manifest=MANIFEST
                )
            )
            manifest = {}
        elif manifest.get("version") not in (LEGACY_VERSION, BUNDLE_VERSION):
            self.problems.append(
                _(
                    "This bundle has format {version}; a newer Grievance Desk made it. Install "
                    "that version to check it."
                ).format(version=manifest.get("version"))
            )
        signer = manifest.get("signer")
        if self.signer and isinstance(signer, dict) and signer.get("fingerprint") != self.signer:
            self.problems.append(
                _("{manifest} names another signer than the key that signed it.").format(
                    manifest=MANIFEST
                )
            )
        segment = self._json(SEGMENT)
        if segment is None:
            self.problems.append(
                _("{segment} is missing: the case's history cannot be checked.").format(
                    segment=SEGMENT
                )
            )
        else:
            self._check_segment(segment, manifest)
        return BundleCheck(
            tuple(self.problems),
            self.signer,
            self.bundle.encrypted,
            legacy,
            self.head,
            len(self.bundle.members),
            tuple(self.notes),
        )

    # ------------------------------------------------------------------ reading members

    def _read(self, name: str, cap: int | None = None) -> bytes | None:
        if name not in self.bundle.members:
            return None
        try:
            return self.bundle.text(name, cap)
        except ZipRefused as why:
            self.problems.append(_("{why}; it was not read.").format(why=why))
        except READ_ERRORS:
            self.problems.append(
                _("{name} is damaged inside the ZIP (or the password is wrong).").format(name=name)
            )
        return None

    def _json(self, name: str) -> Any:
        data = self._read(name)
        if data is None:
            return None
        try:
            return json.loads(data)
        except (ValueError, RecursionError):  # RecursionError: "[[[[…" nested past the stack
            self.problems.append(_("{name} is not valid JSON.").format(name=name))
            return None

    # ------------------------------------------------------------------ SHA256SUMS

    def _check_sums(self, sums: bytes) -> None:
        try:
            text = sums.decode("utf-8")
        except UnicodeDecodeError:
            self.problems.append(_("{sums} is not UTF-8 text.").format(sums=SUMS))
            return
        listed: set[str] = set()
        for number, line in enumerate(text.splitlines(), start=1):
            match = _SUMS_LINE.fullmatch(line)
            if match is None:
                self.problems.append(
                    _("Line {number} of {sums} is not in sha256sum's format.").format(
                        number=number, sums=SUMS
                    )
                )
                continue
            expected, name = match[1], match[2]
            why = name_problem(name)
            if why or name in listed or name in UNLISTED:
                self.problems.append(
                    _("Line {number} of {sums} names a file it may not list.").format(
                        number=number, sums=SUMS
                    )
                )
                continue
            listed.add(name)
            if name not in self.bundle.members:
                self.problems.append(
                    _("{sums} lists {name}, which is not in the bundle.").format(
                        sums=SUMS, name=name
                    )
                )
                continue
            try:
                actual = self.bundle.digest(name)
            except ZipRefused as why_refused:
                self.problems.append(f"{name}: {why_refused}.")
                continue
            except READ_ERRORS:
                self.problems.append(
                    _(
                        "{name} is damaged inside the ZIP (it cannot be read back, or the "
                        "password is wrong)."
                    ).format(name=name)
                )
                continue
            if actual != expected:
                self.problems.append(
                    _("{name} does not match its digest in {sums}.").format(name=name, sums=SUMS)
                )
            else:
                self.digests[name] = actual
        for name in sorted(set(self.bundle.members) - listed - UNLISTED):
            self.problems.append(
                _("{name} is in the bundle but not listed in {sums}; not read.").format(
                    name=name, sums=SUMS
                )
            )

    # ------------------------------------------------------------------ signature

    def _check_signature(self, sums: bytes, legacy: bool) -> None:
        if SIGNATURE not in self.bundle.members or PUBLIC_KEY not in self.bundle.members:
            if legacy:
                self.notes.append(
                    _(
                        "This bundle was made before bundles were signed: its files are checked "
                        "against its own digests, but nothing shows which register made it."
                    )
                )
                if self.expected is not None:
                    self.problems.append(
                        _(
                            "The bundle is not signed, so it cannot show it came from the key "
                            "{expected}."
                        ).format(expected=self.expected)
                    )
            else:
                self.problems.append(
                    _("The bundle is not signed ({signature} or {public_key} is missing).").format(
                        signature=SIGNATURE, public_key=PUBLIC_KEY
                    )
                )
            return
        pem = self._read(PUBLIC_KEY, 16 << 10)
        signature = self._read(SIGNATURE, 1 << 10)
        if pem is None or signature is None:
            return
        try:
            key = load_pem_public_key(pem)
        except (ValueError, UnsupportedAlgorithm):
            key = None
        if not isinstance(key, Ed25519PublicKey):
            self.problems.append(
                _("{public_key} is not an Ed25519 public key.").format(public_key=PUBLIC_KEY)
            )
            return
        found = fingerprint(key)
        try:
            key.verify(signature, sums)
        except InvalidSignature:
            self.problems.append(
                _(
                    "The signature in {signature} does not match {sums} and {public_key}: the file "
                    "list was changed after signing, or the signature or key was replaced."
                ).format(signature=SIGNATURE, sums=SUMS, public_key=PUBLIC_KEY)
            )
            return
        self.signer = found
        if self.expected is not None and found != self.expected:
            self.problems.append(
                _(
                    "The bundle was signed by the key {found}, not by {expected} (the fingerprint "
                    "you were given). Treat it as not coming from that register."
                ).format(found=found, expected=self.expected)
            )

    # ------------------------------------------------------------------ audit segment

    def _check_segment(self, segment: Any, manifest: dict[str, Any]) -> None:
        try:
            events = list(segment["events"])
            head = dict(segment["chain_head"])
        except (KeyError, TypeError, ValueError):
            self.problems.append(_("{segment} is not readable.").format(segment=SEGMENT))
            return
        sequence = head.get("sequence", head.get("events"))  # version 1 named it "events"
        self.head = f"{sequence}:{head.get('hash')}"
        previous: dict[str, Any] | None = None
        issued: dict[int, str] = {}
        for event in events:
            try:
                self._check_event(event, previous, issued)
            except (KeyError, TypeError, ValueError, AttributeError):
                self.problems.append(
                    _("An audit event in {segment} is incomplete.").format(segment=SEGMENT)
                )
                break
            previous = event
        if (
            segment.get("reaches_head")
            and previous is not None
            and (previous["id"] != sequence or previous["hash"] != head.get("hash"))
        ):
            self.problems.append(_("The audit segment does not end at the chain head it states."))
        if manifest and manifest.get("chain_head") != segment["chain_head"]:
            self.problems.append(
                _("The manifest and the audit segment state different chain heads.")
            )
        for name, found in self.digests.items():  # files already matching SHA256SUMS
            match = re.match(r"letters/letter-(\d+)-", name)
            if match and int(match[1]) in issued and found != issued[int(match[1])]:
                self.problems.append(
                    _("{name} is not the PDF the audit trail recorded when it was issued.").format(
                        name=name
                    )
                )

    def _check_event(
        self, event: dict[str, Any], previous: dict[str, Any] | None, issued: dict[int, str]
    ) -> None:
        header = {k: event[k] for k in ("id", "case_id", "at", "actor", "action")}
        header["payload_sha256"] = event["payload_sha256"]
        if previous is not None:
            if event["id"] != previous["id"] + 1:
                self.problems.append(
                    _("Audit event {event} is missing from the segment.").format(
                        event=previous["id"] + 1
                    )
                )
            elif event["prev_hash"] != previous["hash"]:
                self.problems.append(
                    _("Audit event {event} does not link to the one before.").format(
                        event=event["id"]
                    )
                )
        elif event["id"] == 1 and event["prev_hash"] != GENESIS:
            self.problems.append(_("The first audit event does not start from the genesis hash."))
        if chain_hash(str(event["prev_hash"]), header) != event["hash"]:
            self.problems.append(
                _("Audit event {event}'s contents do not match its hash.").format(event=event["id"])
            )
        payload = event.get("payload")
        if isinstance(payload, str) and not event.get("redacted"):
            if digest(payload.encode("utf-8")) != event["payload_sha256"]:
                self.problems.append(
                    _("Audit event {event}'s recorded values do not match their digest.").format(
                        event=event["id"]
                    )
                )
            elif event["action"] == AuditAction.LETTER_ISSUED:
                values = json.loads(payload)
                if isinstance(values.get("letter_id"), int):
                    issued[values["letter_id"]] = str(values.get("pdf_sha256"))
