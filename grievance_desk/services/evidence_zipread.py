"""Opening a ZIP someone else made, with every resource bounded before it is spent.

A bundle comes from outside: it may be crafted to exhaust memory or time. Before anything is
read, the file's size, the central directory's size (so the member list parsed into memory is
bounded), the member count, each member's declared size, the total, the compression ratio and
overlap between members are checked; names that are duplicated, absolute, climb out of the
folder (``..``) or hide control or bidirectional characters are refused. Members are then
hashed as streams, in chunks, so only small text members are ever held whole, and the
decompressor never produces more than a member's declared size.
"""

from __future__ import annotations

import hashlib
import io
import struct
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import IO, Any

import pyzipper  # type: ignore[import-untyped]

from grievance_desk.messages import _

__all__ = ["BoundedZip", "Limits", "ZipRefused", "name_problem"]

MiB = 1 << 20
GiB = 1 << 30
_CHUNK = 1 << 16
_READ_ERRORS = (
    pyzipper.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError,
    OSError, KeyError, struct.error, OverflowError,
)  # fmt: skip


@dataclass(frozen=True)
class Limits:
    """The most a bundle may make us spend. The defaults fit any real case many times over."""

    bundle_bytes: int = 4 * GiB  # the file on disk
    members: int = 5_000
    directory_bytes: int = 2 * MiB  # the central directory, parsed whole into memory
    member_bytes: int = 1 * GiB  # one file, uncompressed (attachments are capped far below)
    total_bytes: int = 4 * GiB  # every file, uncompressed: what hashing the bundle costs
    text_bytes: int = 64 * MiB  # a JSON or text member read whole (the audit segment)
    ratio: int = 200  # uncompressed/compressed, for members above ratio_floor
    ratio_floor: int = 4 * MiB


class ZipRefused(Exception):
    """The ZIP is refused before anything costly is done; the message says why."""


_METHODS = frozenset({pyzipper.ZIP_STORED, pyzipper.ZIP_DEFLATED})
_BIDI = {
    "\u061c",
    "\u200e",
    "\u200f",
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
}


def name_problem(name: str) -> str:
    """Why a member name is unsafe to extract, or "" when it is fine."""
    if not name or len(name) > 255:
        return _("has an empty or over-long name")
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return _("has an absolute path")
    if "\\" in name:
        return _("uses a backslash in its name")
    if any(part in ("", ".", "..") for part in name.split("/")):
        return _("climbs out of the bundle's folder (.. or an empty part)")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") or c in _BIDI for c in name):
        return _("has control or right-to-left characters in its name")
    return ""


class _CappedFile:
    """A read-only file whose single reads are capped: zipfile reads its directory in one go."""

    def __init__(self, raw: IO[bytes], cap: int) -> None:
        self._raw, self._cap = raw, cap

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:  # "the rest": zipfile reads the file's tail this way
            here = self._raw.tell()
            size = self._raw.seek(0, io.SEEK_END) - here
            self._raw.seek(here)
        if size > self._cap:
            raise ZipRefused(
                _(
                    "its list of files is larger than {cap:,} bytes, far more than any real bundle "
                    "needs"
                ).format(cap=self._cap)
            )
        return self._raw.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._raw.seek(offset, whence)

    def tell(self) -> int:
        return self._raw.tell()

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        self._raw.close()


class BoundedZip:
    """A ZIP opened for checking: names and sizes already vetted, members read as streams."""

    def __init__(self, raw: IO[bytes], size: int, limits: Limits, password: str | None) -> None:
        if size > limits.bundle_bytes:
            raise ZipRefused(
                _("it is {size:,} bytes, above the {bundle_bytes:,} a bundle may have").format(
                    size=size, bundle_bytes=limits.bundle_bytes
                )
            )
        try:
            self._zip = pyzipper.AESZipFile(_CappedFile(raw, limits.directory_bytes))
        except ZipRefused:
            raise
        except _READ_ERRORS as error:
            raise ZipRefused(_("it is not a ZIP, or it is damaged")) from error
        self.limits = limits
        infos = self._zip.infolist()
        if len(infos) > limits.members:
            raise ZipRefused(
                _("it holds {count:,} files, more than the {members:,} a bundle may hold").format(
                    count=len(infos), members=limits.members
                )
            )
        self.problems: list[str] = []
        self.members: dict[str, Any] = {}
        self._vet(infos)
        self.encrypted = any(info.flag_bits & 0x1 for info in self.members.values())
        if password is not None:
            self._zip.setpassword(password.encode("utf-8"))
        self._password = password

    def _vet(self, infos: list[Any]) -> None:
        counts = Counter(info.filename for info in infos)
        for name, count in sorted(counts.items()):
            if count > 1:
                self.problems.append(
                    _("{name} appears {count} times in the ZIP; none was read.").format(
                        name=name, count=count
                    )
                )
        total = 0
        for info in infos:
            name = info.filename
            if counts[name] > 1:
                continue
            why = name_problem(name)
            if why:
                self.problems.append(
                    _("A file {why} ({name}); it was not read.").format(why=why, name=repr(name))
                )
                continue
            if info.compress_type not in _METHODS:
                # bzip2 and LZMA decompress whole chunks without an output cap: a few KiB can
                # become gigabytes in one call. Bundles only ever store or deflate.
                self.problems.append(
                    _(
                        "{name} uses ZIP compression method {compress_type}, which bundles never "
                        "use; it was not read."
                    ).format(name=name, compress_type=info.compress_type)
                )
                continue
            if info.file_size > self.limits.member_bytes:
                self.problems.append(
                    _(
                        "{name} claims {file_size:,} bytes, above the {member_bytes:,} one file "
                        "may have; it was not read."
                    ).format(
                        name=name, file_size=info.file_size, member_bytes=self.limits.member_bytes
                    )
                )
                continue
            if (
                info.file_size > self.limits.ratio_floor
                and info.file_size > self.limits.ratio * max(info.compress_size, 1)
            ):
                self.problems.append(
                    _("{name} expands more than {ratio}:1 (a zip bomb); it was not read.").format(
                        name=name, ratio=self.limits.ratio
                    )
                )
                continue
            total += info.file_size
            self.members[name] = info
        if total > self.limits.total_bytes:
            raise ZipRefused(
                _(
                    "its files add up to {total:,} bytes, above the {total_bytes:,} a bundle may "
                    "hold"
                ).format(total=total, total_bytes=self.limits.total_bytes)
            )
        self._check_overlap(infos)

    def _check_overlap(self, infos: list[Any]) -> None:
        """Members whose data overlap another's are the mark of a zip bomb: refuse them."""
        spans = sorted((info.header_offset, info.compress_size, info.filename) for info in infos)
        end_of_data = self._zip.start_dir
        for index, (offset, length, name) in enumerate(spans):
            following = spans[index + 1][0] if index + 1 < len(spans) else end_of_data
            if offset + 30 + length > following:
                self.problems.append(
                    _("{name} overlaps another file in the ZIP (a zip bomb).").format(name=name)
                )
                self.members.pop(name, None)

    def password_fits(self) -> bool:
        """False when the password fails an encrypted member's check value (WinZip AES)."""
        for info in self.members.values():
            if info.flag_bits & 0x1:
                try:
                    with self._zip.open(info):
                        return True
                except RuntimeError:  # pyzipper: "Bad password for file"
                    return False
                except _READ_ERRORS:
                    return True  # damage is reported member by member
        return True

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> BoundedZip:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _stream(self, name: str, cap: int) -> tuple[str, bytes | None]:
        """Hash a member in chunks; keep its bytes only when ``cap`` allows (text members)."""
        info = self.members[name]
        if info.flag_bits & 0x1 and self._password is None:
            raise ZipRefused(_("it is encrypted; give its password"))
        digest = hashlib.sha256()
        kept: io.BytesIO | None = io.BytesIO() if info.file_size <= cap else None
        produced = 0
        with self._zip.open(info) as member:
            while chunk := member.read(_CHUNK):
                produced += len(chunk)
                if produced > info.file_size:  # never more than it declared
                    raise pyzipper.BadZipFile(_("longer than declared"))
                digest.update(chunk)
                if kept is not None:
                    kept.write(chunk)
        return digest.hexdigest(), None if kept is None else kept.getvalue()

    def digest(self, name: str) -> str:
        """The member's SHA-256. Raises BadZipFile-like errors (callers report them)."""
        return self._stream(name, 0)[0]

    def text(self, name: str, cap: int | None = None) -> bytes:
        """A small member read whole; one above the cap is refused unread."""
        limit = self.limits.text_bytes if cap is None else cap
        if self.members[name].file_size > limit:
            raise ZipRefused(
                _("{name} is larger than the {limit:,} bytes such a file may have").format(
                    name=name, limit=limit
                )
            )
        data = self._stream(name, limit)[1]
        assert data is not None
        return data


READ_ERRORS = _READ_ERRORS
