"""What an evidence bundle is: its member names, format markers and the one error type.

Shared by the writer (`evidence_bundle`) and the checker (`evidence_verify`), so the two can
never disagree about a name. The layout is described for the recipient in ``README.txt``
inside every bundle and in the project README.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from grievance_desk.storage.errors import RegisterError

BUNDLE_FORMAT = "grievance-desk evidence bundle"
#: 1: the home-made ``.gdbundle`` era (unsigned); 2: a standard (optionally AES-256) signed ZIP.
BUNDLE_VERSION = 2
LEGACY_VERSION = 1
LEGACY_MAGIC = b"GDBUNDLE"
MIN_PASSWORD = 10

README = "README.txt"
SUMMARY = "summary.pdf"
RECORD = "case.json"
MANIFEST = "manifest.json"
SEGMENT = "audit/chain_segment.json"
PUBLIC_KEY = "signing-key.pem"
SUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.sig"
#: The two members SHA256SUMS cannot list: itself and the signature over it.
UNLISTED = frozenset({SUMS, SIGNATURE})

_UNSAFE = re.compile(r"[^\w.\- ]", re.UNICODE)


class BundleError(RegisterError):
    """A bundle cannot be written or opened; the message says why and what to do."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_name(name: str, limit: int = 80) -> str:
    """A file name any system extracts as written: no folders, no controls, no bidi tricks."""
    base = re.split(r"[/\\]", name)[-1]  # a sender's folder names are not ours to keep
    # Letters, digits and combining marks (Devanagari vowel signs) stay; the rest becomes "_".
    kept = "".join(c if _UNSAFE.fullmatch(c) is None or _is_mark(c) else "_" for c in base)
    cleaned = re.sub(r"\.{2,}", ".", kept).strip(" ._") or "file"
    if len(cleaned) > limit:
        stem, dot, suffix = cleaned.rpartition(".")
        if dot and len(suffix) <= 10:
            cleaned = stem[: limit - len(suffix) - 1] + "." + suffix
        else:
            cleaned = cleaned[:limit]
    return cleaned


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Mc")


def sums_line(digest: str, name: str) -> str:
    """One line of SHA256SUMS exactly as ``sha256sum`` writes it (text mode: two spaces)."""
    return f"{digest}  {name}\n"
