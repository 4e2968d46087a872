"""Output files written whole or not at all, and the kill points tests walk through them."""

from __future__ import annotations

from grievance_desk.storage.fault_points import fault_point
from grievance_desk.storage.file_safety import (
    atomic_output,
    require_regular_file,
    require_regular_or_absent,
)

__all__ = ["atomic_output", "fault_point", "require_regular_file", "require_regular_or_absent"]
