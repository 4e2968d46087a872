"""Devanagari names show in the window with the bundled Noto fonts, with no system font.

Issue 13: on a machine without a Devanagari system font, names showed as empty boxes.
The application registers resources/fonts with Qt and puts the Noto faces behind the
window's own font, so each character finds a face that has it.
"""

from __future__ import annotations

from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from grievance_desk.ui.resources import FALLBACK_FAMILIES


def _families_used(text: str, label: QLabel) -> set[str]:
    layout = QTextLayout(text, label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def test_the_application_font_falls_back_to_the_bundled_noto_faces(app: QApplication) -> None:
    families = app.font().families()
    for family in FALLBACK_FAMILIES:
        assert family in families


def test_a_devanagari_name_is_set_in_noto_sans_devanagari(qtbot, app: QApplication) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("अनिता शर्मा")
    qtbot.addWidget(label)
    used = _families_used(label.text(), label)
    assert "Noto Sans Devanagari" in used
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    for run in layout.glyphRuns():
        assert 0 not in list(run.glyphIndexes())  # glyph 0 is the empty box
