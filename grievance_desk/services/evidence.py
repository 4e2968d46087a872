"""Evidence bundles: one case, as a regulator or the Data Protection Board can open and check it.

The work is split by job: `evidence_bundle` writes a signed (optionally AES-256) ZIP,
`evidence_verify` checks one, `evidence_zipread` opens a stranger's ZIP with every resource
bounded, `evidence_signing` keeps the register's Ed25519 key, and `evidence_format` names the
members. This module gathers the public names so callers import from one place.
"""

from __future__ import annotations

from grievance_desk.services.evidence_bundle import EvidenceResult, build_bundle, export_evidence
from grievance_desk.services.evidence_format import (
    BUNDLE_FORMAT,
    BUNDLE_VERSION,
    LEGACY_MAGIC,
    MIN_PASSWORD,
    BundleError,
)
from grievance_desk.services.evidence_signing import register_fingerprint
from grievance_desk.services.evidence_verify import (
    NO_PASSWORD,
    WRONG_PASSWORD,
    BundleCheck,
    Limits,
    decrypt_legacy_bundle,
    normalise_fingerprint,
    verify_bundle,
)

__all__ = [
    "BUNDLE_FORMAT",
    "BUNDLE_VERSION",
    "LEGACY_MAGIC",
    "MIN_PASSWORD",
    "NO_PASSWORD",
    "WRONG_PASSWORD",
    "BundleCheck",
    "BundleError",
    "EvidenceResult",
    "Limits",
    "build_bundle",
    "decrypt_legacy_bundle",
    "export_evidence",
    "normalise_fingerprint",
    "register_fingerprint",
    "verify_bundle",
]
