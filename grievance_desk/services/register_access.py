"""The one door to a register for the window and the command line: open, unlock, create.

ui/ and cli/ import what they need from services, never from storage/
(tests/test_architecture.py enforces it), so the storage layer can change behind one
surface, as Anki's GUI reaches its collection only through ``anki``. Light neighbours keep
start-up fast: ``register_paths`` (where a register and its key file are), ``key_files``
(the key file and the keyring, without SQLAlchemy) and ``file_writing`` (whole-or-nothing
output files).
"""

from __future__ import annotations

from grievance_desk.storage.read_only import open_read_only
from grievance_desk.storage.register import Register, Unlock

__all__ = ["Register", "Unlock", "open_read_only"]
