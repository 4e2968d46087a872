"""What the app is built from and under which licences, read from the installed distributions.

Grievance Desk is GPL-3.0-or-later; what it bundles must be lawful to ship with it, and every
copy must carry each part's licence text. Reading the list from the installed distributions
(not a hand-kept file) means the frozen bundle, the About dialog and the licence test all see
what is really there. Qt, SQLCipher and the fonts are named too: they are not Python
distributions, or their wheels carry no licence file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata

from grievance_desk import APP_ID, APP_NAME, __version__
from grievance_desk.resources_path import resource_path

APP_LICENCE = "GPL-3.0-or-later"

#: Licences whose code may be distributed inside a GPL-3.0-or-later program.
GPL3_COMPATIBLE = frozenset(
    {
        "0BSD",
        "Apache-2.0",
        "BSD-2-Clause",
        "BSD-3-Clause",
        "CC0-1.0",
        "GPL-3.0-only",
        "GPL-3.0-or-later",
        "HPND",
        "ISC",
        "LGPL-2.1-or-later",
        "LGPL-3.0-only",
        "LGPL-3.0-or-later",
        "MIT",
        "MIT-0",
        "MIT-CMU",
        "MPL-2.0",
        "OFL-1.1",
        "PSF-2.0",
        "Python-2.0",
        "Unlicense",
        "Zlib",
    }
)

#: SPDX ids we recognise but may not ship inside a GPL-3.0-or-later program (only as one choice
#: of an ``OR``, as PySide6's ``LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only``).
KNOWN_INCOMPATIBLE = frozenset(
    {"GPL-2.0-only", "AGPL-1.0-only", "CDDL-1.0", "EPL-1.0", "SSPL-1.0", "BUSL-1.1"}
)

#: Distributions whose metadata names no SPDX licence; each value was read from the project's
#: own licence file or classifiers, and is checked again whenever the version changes.
DECLARED: dict[str, str] = {
    "beautifulsoup4": "MIT",
    "easygui": "BSD-3-Clause",
    "extract-msg": "GPL-3.0-only",
    "olefile": "BSD-2-Clause",
    "oletools": "BSD-2-Clause",
    "pcodedmp": "GPL-3.0-or-later",
    # "BSD, Public Domain": its LICENSE.rst is BSD-2-Clause, with public-domain parts.
    "pycryptodomex": "BSD-2-Clause",
    # PDFium's own licences as its wheel lists them; its bundled dependencies are BSD/MIT-like.
    "pypdfium2": "(Apache-2.0 OR BSD-3-Clause) AND BSD-3-Clause",
    "python-dateutil": "Apache-2.0 AND BSD-3-Clause",
    "reportlab": "BSD-3-Clause",
    "rtfde": "LGPL-3.0-or-later",
    "sqlcipher3-wheels": "Zlib",
    "uharfbuzz": "Apache-2.0",
}

#: Plain names and classifiers that map to one SPDX id.
_ALIASES: dict[str, str] = {
    "mit license": "MIT",
    "license :: osi approved :: mit license": "MIT",
    "license :: osi approved :: bsd license": "BSD-3-Clause",
    "license :: osi approved :: apache software license": "Apache-2.0",
    "license :: osi approved :: isc license (iscl)": "ISC",
    "license :: osi approved :: mozilla public license 2.0 (mpl 2.0)": "MPL-2.0",
    "license :: osi approved :: python software foundation license": "PSF-2.0",
    "license :: osi approved :: gnu lesser general public license v3 (lgplv3)": "LGPL-3.0-only",
    "license :: osi approved :: gnu general public license v3 (gplv3)": "GPL-3.0-only",
}

#: Bundled parts that are not Python distributions, with where their licence text lives.
NON_PYTHON: tuple[tuple[str, str, str, str], ...] = (
    ("Qt 6 (through PySide6)", "LGPL-3.0-only", "licenses/LGPL-3.0.txt", "https://www.qt.io"),
    ("SQLCipher (in sqlcipher3-wheels)", "BSD-3-Clause", "", "https://www.zetetic.net/sqlcipher"),
    ("Noto fonts", "OFL-1.1", "fonts/OFL.txt", "https://notofonts.github.io"),
)

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
#: ``extra == 'outlook'`` as wheel metadata writes it (either quote).
_EXTRA = re.compile(r"""extra\s*==\s*['"]([A-Za-z0-9._-]+)['"]""")


@dataclass(frozen=True)
class Component:
    """One part of the app as shipped: its name, version, SPDX licence and licence texts."""

    name: str
    version: str
    licence: str
    homepage: str
    texts: tuple[str, ...]

    @property
    def compatible(self) -> bool:
        return is_compatible(self.licence)


def is_compatible(expression: str) -> bool:
    """Whether an SPDX expression allows shipping inside a GPL-3.0-or-later program.

    ``A OR B`` needs one of them, ``A AND B`` both (AND binds tighter, parentheses group);
    "unknown" is never compatible, so a new dependency with an unreadable licence fails the
    licence test until someone reads it.
    """
    tokens = re.findall(r"\(|\)|[^\s()]+", expression)
    position = 0

    def term() -> bool:
        nonlocal position
        if position >= len(tokens):
            return False
        word = tokens[position]
        position += 1
        if word == "(":
            allowed = either()
            position += 1  # the closing parenthesis
            return allowed
        return word in GPL3_COMPATIBLE

    def both() -> bool:
        nonlocal position
        allowed = term()
        while position < len(tokens) and tokens[position] == "AND":
            position += 1
            allowed = term() and allowed
        return allowed

    def either() -> bool:
        nonlocal position
        allowed = both()
        while position < len(tokens) and tokens[position] == "OR":
            position += 1
            allowed = both() or allowed
        return allowed

    return bool(tokens) and either() and position >= len(tokens)


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    """A metadata field, or "" when absent (PackageMetadata has no typed ``get``)."""
    value = meta[name] if name in meta else None  # noqa: SIM401 (no .get in the protocol)
    return str(value) if value else ""


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_of(distribution: metadata.Distribution) -> str:
    """The SPDX expression for a distribution, or "unknown"."""
    declared = DECLARED.get(_key(distribution.metadata["Name"]))
    if declared:
        return declared
    meta = distribution.metadata
    expression = (_field(meta, "License-Expression")).strip()
    if expression:
        return expression
    plain = _field(meta, "License").strip()
    if plain and "\n" not in plain:
        alias = _ALIASES.get(plain.lower(), plain)
        known = GPL3_COMPATIBLE | KNOWN_INCOMPATIBLE
        if all(token.strip("()") in known for token in re.split(r"\s+(?:AND|OR)\s+", alias)):
            return alias
    for classifier in meta.get_all("Classifier") or []:
        classified = _ALIASES.get(str(classifier).lower())
        if classified:
            return classified
    return "unknown"


def _homepage(distribution: metadata.Distribution) -> str:
    meta = distribution.metadata
    if _field(meta, "Home-page"):
        return _field(meta, "Home-page")
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository"}:
            return url.strip()
    return ""


def _licence_texts(distribution: metadata.Distribution) -> tuple[str, ...]:
    texts: list[str] = []
    for file in distribution.files or []:
        path = str(file).replace("\\", "/")
        named = file.name.upper().startswith(("LICEN", "COPYING", "NOTICE"))
        if ".dist-info/" in path and (named or "/licenses/" in path.lower()):
            try:
                texts.append(file.read_text(encoding="utf-8").strip())
            except (OSError, UnicodeDecodeError):
                continue
    return tuple(texts)


#: Licence texts shipped in resources for distributions whose wheel carries none (taken
#: from their source distribution): pyuca's MIT licence and its DUCET table's Unicode licence.
SHIPPED_TEXTS: dict[str, tuple[str, ...]] = {
    "pyuca": ("licenses/pyuca-LICENSE.txt", "licenses/pyuca-LICENSE-allkeys.txt"),
}


def _shipped_texts(name: str) -> tuple[str, ...]:
    files = (resource_path(path) for path in SHIPPED_TEXTS.get(_key(name), ()))
    return tuple(file.read_text(encoding="utf-8").strip() for file in files if file.is_file())


def _fallback_text(licence: str) -> tuple[str, ...]:
    for spdx, path in (("LGPL-3.0", "licenses/LGPL-3.0.txt"), ("GPL-3.0", "licenses/GPL-3.0.txt")):
        if licence.startswith(spdx):
            file = resource_path(path)
            if file.is_file():
                return (file.read_text(encoding="utf-8"),)
    return ()


#: The app's optional extras that are run-time code when installed (not the test tools).
SHIPPED_EXTRAS = ("outlook",)


def runtime_distributions(root: str = APP_ID) -> list[metadata.Distribution]:
    """The app's distribution and everything it needs at run time (test extras left out).

    A requirement behind an ``extra`` marker is left out, except the app's own optional
    extras that ship when installed (``SHIPPED_EXTRAS``: the frozen build has the Outlook
    reader); one behind a platform marker is followed only if it is installed, which is the
    same answer without a marker evaluator.
    """
    seen: dict[str, metadata.Distribution] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        if _key(name) in seen:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a platform-only dependency (pywin32-ctypes on Windows)
        seen[_key(name)] = distribution
        for line in distribution.requires or []:
            requirement, _, marker = line.partition(";")
            name_match = _NAME.match(requirement.strip())
            extra = _EXTRA.search(marker)
            shipped_extra = (
                _key(name) == _key(root) and extra is not None and extra[1] in SHIPPED_EXTRAS
            )
            if name_match and ("extra" not in marker or shipped_extra):
                pending.append(name_match.group(0))
    return sorted(seen.values(), key=lambda item: _key(item.metadata["Name"]))


def components(distributions: Iterable[metadata.Distribution] | None = None) -> list[Component]:
    """Every shipped part, the app first, then Python distributions, then the rest."""
    found: list[Component] = []
    for distribution in distributions or runtime_distributions():
        name = distribution.metadata["Name"]
        licence = APP_LICENCE if _key(name) == APP_ID else licence_of(distribution)
        texts = _licence_texts(distribution) or _shipped_texts(name) or _fallback_text(licence)
        found.append(Component(name, distribution.version, licence, _homepage(distribution), texts))
    for name, licence, path, homepage in NON_PYTHON:
        file = resource_path(path) if path else None
        text = (file.read_text(encoding="utf-8"),) if file is not None and file.is_file() else ()
        found.append(Component(name, "", licence, homepage, text))
    return found


def notices_text(parts: Iterable[Component] | None = None, *, versions: bool = True) -> str:
    """The third-party notices file: a summary table, then each part's licence text.

    ``versions=False`` for the copy kept in the repository and the wheel, where the versions
    are whatever the installer picks; the frozen bundle and the About dialog show them.
    """
    listed = [
        part if versions else Component(part.name, "", part.licence, part.homepage, part.texts)
        for part in (parts or components())
        if part.name != APP_ID  # the app's own licence is the header, not a third party's
    ]
    lines = [
        f"{APP_NAME} {__version__ if versions else ''}".strip()
        + f" is free software under the {APP_LICENCE} licence.",
        "It is built from the parts below, each under its own licence.",
        "",
    ]
    lines += [f"{part.name} {part.version}".strip() + f"  —  {part.licence}" for part in listed]
    for part in listed:
        lines += ["", "=" * 78, f"{part.name} {part.version}".strip(), f"Licence: {part.licence}"]
        if part.homepage:
            lines.append(f"Home: {part.homepage}")
        lines += ["-" * 78, *_texts_or_note(part)]
    return "\n".join(lines) + "\n"


def _texts_or_note(part: Component) -> Iterator[str]:
    if not part.texts:
        yield f"(No licence file is shipped by this part; the {part.licence} text applies.)"
    for text in part.texts:
        yield text
        yield ""


def notices_file_text() -> str:
    """What the About dialog shows: the frozen bundle's file when metadata is missing there."""
    shipped = resource_path("THIRD_PARTY_NOTICES.txt")
    parts = components()
    if len(parts) > len(NON_PYTHON) + 1 or not shipped.is_file():
        return notices_text(parts)
    return shipped.read_text(encoding="utf-8")


if __name__ == "__main__":  # ``python -m grievance_desk.third_party OUT``: the build writes it
    import sys
    from pathlib import Path

    text = notices_text(versions="--no-versions" not in sys.argv)
    Path(sys.argv[1]).write_text(text, encoding="utf-8", newline="\n")
