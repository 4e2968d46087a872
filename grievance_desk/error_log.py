"""The app's log file: rotating, owner-only, in the user log folder, with no personal data.

A log is read by whoever helps the officer, and it outlives every register lock, so it holds
what failed and where in our code (exception types, file, line and function names, case
references), never the words an exception carries: those can quote a requester's name,
e-mail address or phone number. Messages are scrubbed of those too before they are written.
"""

from __future__ import annotations

import logging
import os
import re
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from grievance_desk import APP_ID, ORG_NAME

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


def log_folder() -> Path:
    """Where the log lives: the platform's user log folder (or ``$GRIEVANCE_DESK_LOG_DIR``)."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_log_path

    return user_log_path(APP_ID, ORG_NAME)  # beside the data folder: same app id, same author


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


class _NoPersonalData(logging.Filter):
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


def install(folder: Path | None = None) -> Path:
    """Send the ``grievance_desk`` logger to a rotating, owner-only file; returns its path."""
    folder = folder or log_folder()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / LOG_NAME
    logger = logging.getLogger("grievance_desk")
    for handler in list(logger.handlers):
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    path.chmod(0o600)
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_NoPersonalData())
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path
