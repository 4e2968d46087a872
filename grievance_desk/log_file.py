"""The app's log file: rotating, owner-only, in the user log folder, with no personal data.

What may be written is ``error_log``'s rule (``NoPersonalData`` scrubs every record); this
module only places the file. It is installed after the window's first paint (``ui/late_start``).
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

from grievance_desk import APP_ID, ORG_NAME
from grievance_desk.error_log import BACKUPS, LOG_DIR_ENV, LOG_NAME, MAX_BYTES, NoPersonalData


def log_folder() -> Path:
    """Where the log lives: the platform's user log folder (or ``$GRIEVANCE_DESK_LOG_DIR``)."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    return user_log_path(APP_ID, ORG_NAME)  # beside the data folder: same app id, same author


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
    handler.addFilter(NoPersonalData())
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path
