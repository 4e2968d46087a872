"""Regenerate the app icons under packaging/icons/ from one SVG, with Qt only.

    python packaging/make_icons.py            # writes packaging/icons/
    python packaging/make_icons.py --check    # exits 1 if the committed icons are stale

Why: every platform wants its own icon format (PNG sizes for the Linux desktop, ICO for the
Windows .exe, an iconset and ICNS for the macOS bundle). Drawing them all from the one SVG the
app already uses keeps them identical, and Qt (already a dependency) does the drawing, so no
image tool has to be installed. The outputs are committed so a build needs nothing extra.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = Path(__file__).resolve().parent / "icons"
APP_SVG = ROOT / "resources" / "icons" / "app.svg"
NAME = "grievance-desk"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS iconset: the names `iconutil -c icns` expects, and the pixel size of each.
ICONSET = {
    f"icon_{size}x{size}{suffix}.png": size * scale
    for size in (16, 32, 128, 256, 512)
    for suffix, scale in (("", 1), ("@2x", 2))
}


def source_svg() -> Path:
    """The app's own window icon, so the desktop, taskbar and window show the same picture."""
    if not APP_SVG.is_file():
        raise SystemExit(f"{APP_SVG} is missing: the icons are drawn from the app's own SVG")
    return APP_SVG


def render_png(svg: Path, size: int) -> bytes:
    """One square PNG of the SVG, transparent background, antialiased."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows ICO holding PNG images (Vista and later read these; Qt writes only one size)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries = b""
    payload = b""
    offset = 6 + 16 * len(pngs)
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack(
            "<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload)
        )
        payload += png
    return header + entries + payload


def icns_bytes(pngs: dict[str, bytes]) -> bytes:
    """A macOS ICNS of PNG chunks, so a build on any OS can use it without `iconutil`."""
    # OSType of each PNG-bearing chunk, by the iconset file it comes from.
    types = {
        "icon_16x16.png": b"icp4",
        "icon_32x32.png": b"icp5",
        "icon_16x16@2x.png": b"ic11",
        "icon_32x32@2x.png": b"ic12",
        "icon_128x128.png": b"ic07",
        "icon_128x128@2x.png": b"ic13",
        "icon_256x256.png": b"ic08",
        "icon_256x256@2x.png": b"ic14",
        "icon_512x512.png": b"ic09",
        "icon_512x512@2x.png": b"ic10",
    }
    chunks = b"".join(
        types[name] + struct.pack(">I", 8 + len(png)) + png for name, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def generate(out: Path) -> list[Path]:
    """Write every icon file into ``out``; returns the paths written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    svg = source_svg()
    written: list[Path] = []

    def write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)

    write(out / f"{NAME}.svg", svg.read_bytes())
    cache: dict[int, bytes] = {}

    def png(size: int) -> bytes:
        if size not in cache:
            cache[size] = render_png(svg, size)
        return cache[size]

    for size in PNG_SIZES:
        write(out / "png" / f"{NAME}-{size}.png", png(size))
    write(out / f"{NAME}.ico", ico_bytes({size: png(size) for size in ICO_SIZES}))
    iconset = {name: png(pixels) for name, pixels in ICONSET.items()}
    for name, data in iconset.items():
        write(out / f"{NAME}.iconset" / name, data)
    write(out / f"{NAME}.icns", icns_bytes(iconset))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if committed icons are stale")
    args = parser.parse_args(argv)
    if not args.check:
        for path in generate(ICONS):
            print(path.relative_to(ROOT))
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        fresh = generate(Path(scratch))
        stale = [
            p.relative_to(scratch)
            for p in fresh
            if not (ICONS / p.relative_to(scratch)).is_file()
            or (ICONS / p.relative_to(scratch)).read_bytes() != p.read_bytes()
        ]
    for path in stale:
        print(f"stale: packaging/icons/{path}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
