"""Where a register and its key file live, without loading the register code (start-up)."""

from __future__ import annotations

from grievance_desk.storage.paths import default_register_path, key_file_for

__all__ = ["default_register_path", "key_file_for"]
