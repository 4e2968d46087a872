"""The key file and the OS keyring, for the unlock screen and the CLI, without SQLAlchemy."""

from __future__ import annotations

from grievance_desk.storage.keyfile import KeyFile
from grievance_desk.storage.keyring_store import keyring_status

__all__ = ["KeyFile", "keyring_status"]
