"""Guard the Qt binding against a reference-count bug that aborts the interpreter.

PySide6 6.12.0 drops one reference to True on every signal emit. Python 3.11's True is not
immortal, so a session (or a test run) that emits enough signals ends in "Fatal Python
error: bool_dealloc". pyproject.toml caps PySide6 below 6.12 for this reason; this test
fails on any binding that has the bug, before it can reach an officer.
"""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QObject, Signal

# From Python 3.12, True is immortal (PEP 683): its count never changes, so this check would
# pass on any binding and prove nothing. The cap it guards applies to 3.11 only (pyproject).
pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="True is immortal from Python 3.12 (PEP 683)"
)


class _Emitter(QObject):
    sig_value = Signal(int)
    sig_plain = Signal()


def _true_references() -> int:
    gc.collect()
    return sys.getrefcount(True)


def test_emitting_signals_keeps_true_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    emitter = _Emitter()
    received: list[int] = []
    emitter.sig_value.connect(received.append)
    before = _true_references()
    for value in range(1000):
        emitter.sig_value.emit(value)
        emitter.sig_plain.emit()
    assert len(received) == 1000
    assert abs(_true_references() - before) < 50
