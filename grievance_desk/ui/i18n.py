"""The window in the officer's language: Qt's translation machinery, one catalogue per language.

Every visible string in ui/ goes through `tr` (or is marked with `QT_TR_NOOP` where it sits in a
constant and is translated where shown). `tr` uses one unnamed context, so "Cancel" is
translated once for the whole window, and `pyside6-lupdate` finds every call: it reads a
function named ``tr`` as the unnamed context. The catalogues are Qt Linguist sources in
``resources/translations/grievance_desk_<lang>.ts``, edited with Qt Linguist or by hand.
Plurals are written as two whole English sentences chosen in code: English loads no
catalogue, so a ``%n case(s)`` text would show as such, and lupdate marks a text plural only
when the count is passed by position.

The compiled ``.qm`` is built at packaging time (``packaging/build.py``, ``make
translations``). A checkout or a plain ``pip install`` has no ``.qm``: the first start in
that language compiles the ``.ts`` with the ``lrelease`` that ships in PySide6 into the user
cache folder, keyed by the source's digest, so an edited catalogue is picked up. Nothing is
fetched from the network.

The language is a preference of this computer (QSettings ``ui/language``): "" follows the
system, else a language code. It applies from the next start, as in most desktop apps: a live
switch would have to re-translate every open widget.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from grievance_desk.resources_path import resource_path

LANGUAGE_KEY = "ui/language"
CATALOGUE = "grievance_desk"
#: The languages the window ships in, by code, each named in its own script.
LANGUAGES: dict[str, str] = {"en": "English", "hi": "हिन्दी"}
SOURCE_LANGUAGE = "en"
log = logging.getLogger(__name__)


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language; ``n`` picks the plural form of a ``%n`` text."""
    return QCoreApplication.translate("", text, disambiguation, n)


def chosen_language() -> str:
    """The language code set in Settings, or "" to follow the system."""
    value = QSettings().value(LANGUAGE_KEY, "")
    return value if isinstance(value, str) and value in LANGUAGES else ""


def set_chosen_language(code: str) -> None:
    """Remember the window's language for the next start ("" follows the system)."""
    QSettings().setValue(LANGUAGE_KEY, code if code in LANGUAGES else "")


def effective_language(chosen: str | None = None, system: QLocale | None = None) -> str:
    """The language the window shows: the chosen one, else the system's if shipped, else English."""
    code = chosen_language() if chosen is None else chosen
    if code in LANGUAGES:
        return code
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages():
        base = name.replace("_", "-").split("-")[0].lower()
        if base in LANGUAGES:
            return base
    return SOURCE_LANGUAGE


def catalogue_source(code: str) -> Path:
    """The Qt Linguist source of one language's catalogue."""
    return resource_path("translations", f"{CATALOGUE}_{code}.ts")


def _lrelease() -> str | None:
    """PySide6's own lrelease: beside the interpreter, on PATH, or inside the package."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    on_path = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if on_path:
        return on_path
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    inside = Path(PySide6.__file__).parent / name
    return str(inside) if inside.exists() else None


def compiled_catalogue(code: str, cache: Path) -> Path | None:
    """The ``.qm`` for ``code``: the packaged one, else compiled once into ``cache``."""
    packaged = resource_path("translations", f"{CATALOGUE}_{code}.qm")
    if packaged.is_file():
        return packaged
    source = catalogue_source(code)
    if not source.is_file():
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = cache / f"{CATALOGUE}_{code}-{digest}.qm"
    if target.is_file():
        return target
    tool = _lrelease()
    if tool is None:
        log.warning("No lrelease found: the window stays in English.")
        return None
    cache.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    done = subprocess.run(  # noqa: S603 (PySide6's own lrelease, our own file)
        [tool, "-silent", str(source), "-qm", str(partial)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if done.returncode != 0 or not partial.is_file():
        log.warning("The %s catalogue did not compile: %s", code, done.stderr.strip()[:500])
        return None
    partial.replace(target)
    for stale in cache.glob(f"{CATALOGUE}_{code}-*.qm"):
        if stale != target:
            stale.unlink(missing_ok=True)
    return target


def install_translators(app: QCoreApplication, cache: Path, code: str | None = None) -> str:
    """Install the window's catalogue and Qt's own (standard buttons, dialogs); return the code.

    English needs no catalogue: the source texts are English.
    """
    language = effective_language(code)
    if language == SOURCE_LANGUAGE:
        return language
    ours = compiled_catalogue(language, cache)
    if ours is None:
        return SOURCE_LANGUAGE
    installed: list[QTranslator] = []
    translator = QTranslator(app)
    if translator.load(str(ours)):
        app.installTranslator(translator)
        installed.append(translator)
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(QLocale(language), "qtbase", "_", folder):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    app.setProperty("gd_translators", installed)
    return language if installed else SOURCE_LANGUAGE


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name pyside6-lupdate looks for)
    """Mark a constant for the catalogue and translate it with `tr` where it is shown.

    ``pyside6-lupdate`` finds ``QT_TR_NOOP("…")`` by that name (in the unnamed context, as
    `tr`); a marker under any other name never reaches the catalogue.
    """
    return text
