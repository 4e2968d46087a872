"""Text from below the window in the officer's language: GNU gettext, one catalogue per language.

The window's own widgets go through Qt's catalogues (`ui/i18n.py`); everything written for a
person by the domain, storage, services and the command line goes through this module: error
messages that name the problem and the fix, deadline explanations, progress and summaries.
Mark a text with `_` where it is used, with `N_` where it sits in a constant (translate it with
`_` where it is shown), and counts with `ngettext`. Placeholders are named and filled with
``str.format`` after translation (``_("Case {number} was not found.").format(number=…)``), so
a translator can move them; `tests/test_messages.py` checks that every translation keeps them.

The catalogue is ``resources/locale/<lang>/LC_MESSAGES/grievance_desk.po``, compiled to the
``.mo`` beside it by ``make translations`` (pybabel, a development tool only); both are
committed, as Django does, so a checkout, a wheel and the frozen app read the same file and
nothing runs at start-up. The log stays English: it is read by whoever supports the app.

The language is process-wide and set once at start: the window sets it to the language it
shows (Settings › Language), the command line to the one its environment asks for
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as every gettext program does). Only text
depends on it; no date, deadline or stored value does, so the domain stays deterministic.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

from grievance_desk.resources_path import resource_path

__all__ = [
    "DOMAIN",
    "N_",
    "SHIPPED",
    "SOURCE_LANGUAGE",
    "_",
    "active_language",
    "language_from_environment",
    "locale_folder",
    "ngettext",
    "use_language",
]

DOMAIN = "grievance_desk"
SOURCE_LANGUAGE = "en"
#: Languages with a catalogue, besides English (the source texts).
SHIPPED = ("hi",)
_ENVIRONMENT_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def locale_folder() -> Path:
    """The folder that holds ``<lang>/LC_MESSAGES/grievance_desk.mo``."""
    return resource_path("locale")


def use_language(code: str) -> str:
    """Translate into ``code`` from now on; return the language in effect (English if unshipped)."""
    global _translations, _language
    base = code.replace("_", "-").split("-")[0].lower()
    if base not in SHIPPED:
        _translations, _language = gettext.NullTranslations(), SOURCE_LANGUAGE
        return _language
    try:
        _translations = gettext.translation(DOMAIN, locale_folder(), languages=[base])
    except OSError:  # the .mo is missing: English, as an untranslated app would be
        _translations, _language = gettext.NullTranslations(), SOURCE_LANGUAGE
        return _language
    _language = base
    return _language


def active_language() -> str:
    """The language messages are translated into now."""
    return _language


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The shipped language a terminal asks for; English when it asks for none we ship.

    Python's gettext rule, which argparse follows for its own texts, so both agree: the first
    of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set decides, as a list
    (``hi:en``) read in order; ``C`` and ``POSIX`` mean English.
    """
    values = os.environ if environ is None else environ
    chosen = next((values[v] for v in _ENVIRONMENT_VARIABLES if values.get(v)), "")
    for entry in chosen.split(":"):
        base = entry.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
        if base in SHIPPED or base == SOURCE_LANGUAGE:
            return base
        if base in {"c", "posix"}:
            return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def _(message: str) -> str:
    """``message`` in the active language (itself when untranslated)."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted message the active language uses for ``count``."""
    return _translations.ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 (gettext's conventional name)
    """Mark a constant for the catalogue; translate it with `_` where it is shown."""
    return message
