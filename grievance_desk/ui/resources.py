"""Icons and style sheets from resources/, found the same way in a wheel and a checkout.

Line icons are drawn in ``currentColor`` and tinted here with the palette's text colour, so
one SVG serves the light and the dark theme and stays crisp on HiDPI screens.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from grievance_desk.resources_path import resource_path


def _text_colour() -> str:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return "#333333"
    return app.palette().color(QPalette.ColorRole.WindowText).name()


#: Pixel sizes rendered for every icon: toolbar, navigation and inline glyphs are 14-22
#: points, so these cover them at 1x and 2x. Rendering 64 and 128 for all of them cost
#: ~10 ms of the unlock screen's cold start; only ``large`` icons get those.
SIZES = (16, 24, 32, 48)
LARGE_SIZES = (*SIZES, 64, 128)


@cache
def _tinted(name: str, colour: str, large: bool = False) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    if not path.exists():
        return QIcon()
    data = path.read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    result = QIcon()
    for size in LARGE_SIZES if large else SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def icon(name: str, colour: str | None = None, *, large: bool = False) -> QIcon:
    """An icon from resources/icons, tinted for the current theme unless a colour is given.

    ``large`` for one shown above ~24 points (an empty page's picture), so it stays sharp.
    """
    return _tinted(name, colour or _text_colour(), large)


def app_icon() -> QIcon:
    path = resource_path("icons", "app.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


def style_sheet(name: str) -> str:
    path = resource_path("styles", name)
    return path.read_text(encoding="utf-8") if path.exists() else ""


#: The bundled faces the window falls back to, in order: Latin and the rupee sign, then
#: Devanagari. A laptop without a Devanagari system font showed Hindi names as empty boxes.
FALLBACK_FAMILIES = ("Noto Sans", "Noto Sans Devanagari")


def install_fonts(app: QGuiApplication) -> list[str]:
    """Register resources/fonts with Qt and make them the fallback of the window's font.

    Qt tries a font's ``families()`` in order for each character, so the system font still
    sets Latin text and the bundled Noto faces fill in what it lacks. Returns the families
    registered (empty if the font folder is missing: the window still opens).
    """
    folder = resource_path("fonts")
    registered: list[str] = []
    for path in sorted(folder.glob("*.ttf")) if folder.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    bundled = [family for family in FALLBACK_FAMILIES if family in registered]
    if not bundled:
        return registered
    font = app.font()
    families = [family for family in font.families() if family not in bundled]
    font.setFamilies([*(families or [font.family()]), *bundled])
    app.setFont(font)
    for family in {*families, font.family(), "Sans Serif", "sans-serif"}:
        QFont.insertSubstitutions(family, bundled)
    return registered
