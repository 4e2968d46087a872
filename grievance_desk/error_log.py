"""What the app's log may hold: no personal data, only what failed and where.

A log is read by whoever helps the officer, and it outlives every register lock, so it holds
what failed and where in our code (exception types, file, line and function names, case
references), never the words an exception carries: those can quote a requester's name,
e-mail address or phone number. Messages are scrubbed of those too before they are written.
The rotating file itself is set up by ``log_file`` (after the window's first paint: its
``logging.handlers`` and ``platformdirs`` are not needed to show it).
"""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path

LOG_DIR_ENV = "GRIEVANCE_DESK_LOG_DIR"
LOG_NAME = "grievance-desk.log"
MAX_BYTES = 512 * 1024
BACKUPS = 4

_REFERENCE = re.compile(r"\b[A-Z]{2,5}-\d{4}-\d{3,6}\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_DIGITS = re.compile(r"\+?\d[\d\s().-]{5,}\d")
_QUOTED = re.compile(r"(\"[^\"]*\"|'[^']*'|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019)")
# Letters of other scripts (a Devanagari name); typographic punctuation (… “ ” –) stays.
_NON_ASCII_WORD = re.compile("[^\x00-\x7f\u2000-\u206f\u20a0-\u20cf]+")


def scrub(text: str) -> str:
    """``text`` without what could be personal data; case references are kept."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    text = _REFERENCE.sub(keep, text)
    text = _EMAIL.sub("<e-mail>", text)
    text = _QUOTED.sub("<text>", text)
    text = _DIGITS.sub("<number>", text)
    text = _NON_ASCII_WORD.sub("<text>", text)
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], text)


def safe_traceback(error: BaseException) -> str:
    """Where ``error`` happened, as a traceback of our code with no exception messages."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for index, item in enumerate(reversed(chain)):
        if index:
            lines.append("During or because of the above, another exception occurred:")
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(item.__traceback__):
            lines.append(f'  File "{_short(frame.filename)}", line {frame.lineno}, in {frame.name}')
        lines.append(f"{type(item).__module__}.{type(item).__qualname__}")
    return "\n".join(lines)


def _short(filename: str) -> str:
    """A source path from the package folder down (no home folder, no user name)."""
    parts = Path(filename).parts
    for anchor in ("grievance_desk", "site-packages"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) :])
    return Path(filename).name


class NoPersonalData(logging.Filter):
    """Scrub every record written to the file: message scrubbed, traceback message-free."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = safe_traceback(record.exc_info[1])
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True
