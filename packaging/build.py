"""Build the one-folder desktop app with PyInstaller, in a build venv of its own.

    python packaging/build.py              # venv + install + freeze + check -> packaging/dist/
    python packaging/build.py --no-install # reuse the build venv as it is (no registry needed)

Why a separate venv: PyInstaller is a build tool, not something the app needs at run time, and
freezing must see the app exactly as a user's ``pip install .`` would (the wheel, with its
resources mapped into the package), not the source tree. The venv is packaging/.build-venv
(git-ignored); the outputs are packaging/build/ and packaging/dist/ (git-ignored too).

Works on Linux, Windows and macOS with Python 3.11+; see packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = HERE / ".build-venv"
WORK = HERE / "build"
DIST = HERE / "dist"
SPEC = HERE / "grievance-desk.spec"
REQUIREMENTS = HERE / "build-requirements.txt"
#: Every run-time dependency at one version with its hashes (``make lock`` writes it), so two
#: builds of one commit bundle the same code, and a changed file on the index stops the build.
LOCK = HERE / "requirements-lock.txt"
APP_ID = "grievance-desk"

# What the frozen app reads or loads by name; a build missing any of these is broken even if
# PyInstaller was happy. Globs match at any depth (Qt's plugin folder differs by OS).
REQUIRED = {
    "migrations env.py": "grievance_desk/storage/migrations/env.py",
    "migrations template": "grievance_desk/storage/migrations/script.py.mako",
    "first migration": "grievance_desk/storage/migrations/versions/0001_initial.py",
    "letter templates": "grievance_desk/resources/templates/catalogue.json",
    "fonts": "grievance_desk/resources/fonts/NotoSansDevanagari-Regular.ttf",
    "font licence": "grievance_desk/resources/fonts/OFL.txt",
    "app licence": "grievance_desk-*.dist-info/licenses/LICENSE",
    "third-party notices": "grievance_desk/resources/THIRD_PARTY_NOTICES.txt",
    "Qt licence (LGPL-3.0)": "grievance_desk/resources/licenses/LGPL-3.0.txt",
    "app icon": "grievance_desk/resources/icons/app.svg",
    "Hindi window catalogue": "grievance_desk/resources/translations/grievance_desk_hi.qm",
    "Hindi messages catalogue": "grievance_desk/resources/locale/hi/LC_MESSAGES/grievance_desk.mo",
    "SQLCipher extension": "sqlcipher3/_sqlite3*",
    "Qt offscreen platform": "platforms/*qoffscreen*",
    "Qt SVG image format": "imageformats/*qsvg*",
    "Qt SVG icon engine": "iconengines/*qsvgicon*",
    "PDFium (letter preview and print)": "pypdfium2_raw/*pdfium*",
    "QtPrintSupport module": "PySide6/QtPrintSupport.*",
}
if sys.platform.startswith("linux"):
    REQUIRED["Qt X11 platform"] = "platforms/*qxcb*"
    REQUIRED["Qt Wayland platform"] = "platforms/*qwayland*"
elif sys.platform == "win32":
    REQUIRED["Qt Windows platform"] = "platforms/qwindows*"
elif sys.platform == "darwin":
    REQUIRED["Qt Cocoa platform"] = "platforms/*qcocoa*"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def run(
    command: list[str | Path], env: dict[str, str] | None = None, cwd: Path | None = None
) -> None:
    """Echo and run one build step; any failure stops the build with its exit code."""
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run(  # noqa: S603  (our own fixed commands, no shell)
        [str(part) for part in command], check=False, env=env, cwd=cwd
    )
    if result.returncode != 0:
        raise SystemExit(result.returncode)


def install() -> None:
    """Make the build venv afresh: PyInstaller pinned, then the app from a freshly built wheel.

    Afresh, because pip only adds: a dependency the app dropped (as PySide6-Addons, once the
    preview moved to PDFium) would otherwise stay in the venv and could end up in the frozen app.
    """
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    python = venv_python()
    run([python, "-m", "pip", "install", "--quiet", "-r", REQUIREMENTS])
    run([python, "-m", "pip", "install", "--quiet", "--require-hashes", "--no-deps", "-r", LOCK])
    wheels = WORK / "wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    run([python, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", wheels, ROOT])
    (wheel,) = wheels.glob("grievance_desk-*.whl")
    # The app itself without its dependencies: those came from the lock, hashes checked.
    # Same version number as last time does not mean the same code: always replace it.
    run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", wheel])
    run([python, "-m", "pip", "check"])  # the lock satisfies every requirement of the app


def network_isolation() -> list[str]:
    """A prefix that runs a command with no network (Linux ``unshare``), if this OS allows it."""
    unshare = shutil.which("unshare")
    if not unshare:
        return []
    for flags in (["-n"], ["-r", "-n"]):
        probe = subprocess.run(  # noqa: S603
            [unshare, *flags, "true"], capture_output=True, check=False
        )
        if probe.returncode == 0:
            return [unshare, *flags]
    return []


def freeze(isolate: bool) -> None:
    """Run PyInstaller on the spec; offline where the OS lets us prove it."""
    prefix = network_isolation() if isolate else []
    print(
        "freezing with no network (unshare)"
        if prefix
        else "freezing (network isolation not available here)",
        flush=True,
    )
    env = dict(os.environ, PYTHONNOUSERSITE="1")
    env.pop("PYTHONPATH", None)  # freeze the installed app, never the source tree
    run(
        [
            *prefix,
            venv_python(),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            DIST,
            "--workpath",
            WORK / "pyinstaller",
            SPEC,
        ],
        env=env,
        cwd=WORK.parent,
    )


def write_notices(folder: Path) -> None:
    """Third-party notices with the exact versions frozen, where the About dialog reads them."""
    resources = next(folder.rglob("grievance_desk/resources"), None)
    if resources is None:
        return  # check() names what is missing
    run([venv_python(), "-m", "grievance_desk.third_party", resources / "THIRD_PARTY_NOTICES.txt"])


def lrelease_tool() -> Path:
    """PySide6's lrelease from the build venv (the same Qt as the frozen app)."""
    scripts = venv_python().parent
    name = "pyside6-lrelease.exe" if sys.platform == "win32" else "pyside6-lrelease"
    return scripts / name


def compile_translations(sources: Path, target: Path, tool: Path) -> list[Path]:
    """Every ``sources/*.ts`` compiled to ``target/*.qm``: the frozen app never compiles.

    ``ui/i18n.compiled_catalogue`` prefers a packaged ``.qm``; without one it would compile
    the ``.ts`` into the user's cache at the first start in that language.
    """
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(sources.glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        run([tool, "-silent", ts, "-qm", qm])
        written.append(qm)
    return written


def write_translations(folder: Path) -> None:
    """The window's catalogues, compiled into the bundle's resources/translations."""
    resources = next(folder.rglob("grievance_desk/resources"), None)
    if resources is None:
        return  # check() names what is missing
    compile_translations(
        ROOT / "resources" / "translations", resources / "translations", lrelease_tool()
    )


def write_build_info(folder: Path, max_glibc: str | None) -> bool:
    """BUILD-INFO.txt in the bundle: version, platform, and on Linux the glibc floor.

    Returns False when the floor is newer than ``max_glibc`` (the build then fails).
    """
    sys.path.insert(0, str(HERE))
    from glibc_floor import floor

    lines = [f"{APP_ID} built on {sys.platform} with Python {sys.version.split()[0]}"]
    within = True
    if sys.platform.startswith("linux"):
        (major, minor), culprit = floor(folder)
        lines.append(f"glibc floor: {major}.{minor} (runs where the system glibc is this or newer)")
        print(f"glibc floor {major}.{minor}, set by {culprit}")
        if max_glibc is not None:
            within = (major, minor) <= tuple(int(part) for part in max_glibc.split("."))
            if not within:
                print(f"glibc floor above {max_glibc}: build on an older system", file=sys.stderr)
    (folder / "BUILD-INFO.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return within


def output_folder() -> Path:
    """The folder to ship: the .app bundle on macOS, else the one-folder app."""
    bundle = DIST / "Grievance Desk.app"
    return bundle if sys.platform == "darwin" and bundle.exists() else DIST / APP_ID


def check(folder: Path) -> list[str]:
    """What the frozen app needs but the output lacks (empty when the build is complete)."""
    return [
        f"{what} ({pattern})"
        for what, pattern in REQUIRED.items()
        if not any(folder.rglob(pattern))
    ]


def measure(folder: Path) -> tuple[int, int]:
    """Bytes and files in the output (links counted once, as an installer would copy them)."""
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Grievance Desk desktop app.")
    parser.add_argument(
        "--no-install", action="store_true", help="reuse packaging/.build-venv as it is"
    )
    parser.add_argument(
        "--allow-network", action="store_true", help="do not isolate the freeze from the network"
    )
    parser.add_argument(
        "--max-glibc",
        metavar="X.Y",
        help="Linux: fail when the build needs a glibc newer than this (the README's promise)",
    )
    args = parser.parse_args(argv)
    if sys.version_info < (3, 11):  # noqa: UP036  (the build may be started by an old python3)
        raise SystemExit("Building Grievance Desk needs Python 3.11 or newer")
    started = time.monotonic()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.no_install:
        if not venv_python().exists():
            raise SystemExit(f"{VENV} does not exist yet: run without --no-install once")
    else:
        install()
    installed = time.monotonic()
    freeze(isolate=not args.allow_network)
    frozen = time.monotonic()
    folder = output_folder()
    write_notices(folder)
    write_translations(folder)
    glibc_ok = write_build_info(folder, args.max_glibc)
    missing = check(folder)
    size, count = measure(folder)
    print(f"\nbuilt {folder.relative_to(ROOT)}: {size / 2**20:.1f} MiB in {count} files")
    print(f"venv and install {installed - started:.0f} s, freeze {frozen - installed:.0f} s")
    if missing:
        print("MISSING from the build:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    if not glibc_ok:
        return 1
    print("all required files present; smoke test: python tests/packaging/smoke_frozen.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
