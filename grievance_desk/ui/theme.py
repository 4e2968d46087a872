"""Light or dark, following the system: Fusion with our own palettes and one style sheet.

Fusion looks the same on Windows, macOS and Linux, so the screenshots we check are what the
officer sees; the palette follows the system colour scheme (Qt 6.5+) and changes with it.
The style sheet only uses ``palette(...)`` colours, so it suits both schemes.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from grievance_desk.ui.resources import style_sheet

Scheme = Literal["system", "light", "dark"]

# Urgency colours, readable on both schemes.
OVERDUE = QColor("#d64545")
DUE_SOON = QColor("#d9822b")
DUE_WEEK = QColor("#b8950a")
ON_TRACK = QColor("#3c9a5f")


def _light() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    p.setColor(roles.Window, QColor("#f4f5f7"))
    p.setColor(roles.WindowText, QColor("#1f2328"))
    p.setColor(roles.Base, QColor("#ffffff"))
    p.setColor(roles.AlternateBase, QColor("#f6f8fa"))
    p.setColor(roles.Text, QColor("#1f2328"))
    p.setColor(roles.Button, QColor("#f6f7f9"))
    p.setColor(roles.ButtonText, QColor("#1f2328"))
    p.setColor(roles.Highlight, QColor("#2f6fd1"))
    p.setColor(roles.HighlightedText, QColor("#ffffff"))
    p.setColor(roles.ToolTipBase, QColor("#ffffff"))
    p.setColor(roles.ToolTipText, QColor("#1f2328"))
    p.setColor(roles.PlaceholderText, QColor("#7a828c"))
    p.setColor(roles.Link, QColor("#2f6fd1"))
    p.setColor(roles.Mid, QColor("#d0d4da"))
    p.setColor(roles.Midlight, QColor("#e4e7eb"))
    p.setColor(roles.Dark, QColor("#a0a6ae"))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9aa1a9"))
    return p


def _dark() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    p.setColor(roles.Window, QColor("#202225"))
    p.setColor(roles.WindowText, QColor("#e6e8eb"))
    p.setColor(roles.Base, QColor("#17181a"))
    p.setColor(roles.AlternateBase, QColor("#1d1f22"))
    p.setColor(roles.Text, QColor("#e6e8eb"))
    p.setColor(roles.Button, QColor("#2b2e33"))
    p.setColor(roles.ButtonText, QColor("#e6e8eb"))
    p.setColor(roles.Highlight, QColor("#4a86e8"))
    p.setColor(roles.HighlightedText, QColor("#ffffff"))
    p.setColor(roles.ToolTipBase, QColor("#2b2e33"))
    p.setColor(roles.ToolTipText, QColor("#e6e8eb"))
    p.setColor(roles.PlaceholderText, QColor("#8b929b"))
    p.setColor(roles.Link, QColor("#7aa7f0"))
    p.setColor(roles.Mid, QColor("#3a3e44"))
    p.setColor(roles.Midlight, QColor("#33363b"))
    p.setColor(roles.Dark, QColor("#111214"))
    p.setColor(roles.Light, QColor("#3d4147"))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b7178"))
    return p


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, scheme: Scheme = "system") -> None:
    """Set Fusion, the palette for ``scheme`` and the app style sheet; safe to call again."""
    app.setStyle("Fusion")
    dark = system_is_dark() if scheme == "system" else scheme == "dark"
    app.setPalette(_dark() if dark else _light())
    app.setStyleSheet(style_sheet("app.qss"))


def follow_system(app: QApplication) -> None:
    """Re-apply the palette whenever the desktop switches between light and dark."""
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: apply_theme(app))
