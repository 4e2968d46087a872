"""Reply languages: which language a case is answered in, and proposing it from the script.

Requesters write to an Indian grievance officer in Hindi and other scheduled languages; the
DPDP Act s.5(3) expects notices in English or a language of the Eighth Schedule. The officer
confirms the language; this module only proposes one, from the script of the requester's
own words (their e-mail, the description), and names the languages for the case form.
Pure and deterministic: no I/O, no locale of the computer.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

from grievance_desk.messages import _

ENGLISH = "en"
HINDI = "hi"

#: Reply languages the officer may choose, as (code, name in English, name in itself).
#: English and the Eighth Schedule languages whose scripts are told apart below; a language
#: without a shipped template set falls back to English letters, and the letters tab says so.
LANGUAGES: tuple[tuple[str, str, str], ...] = (
    (ENGLISH, "English", "English"),
    (HINDI, "Hindi", "हिन्दी"),
    # Native names only where the app ships a font for the script (Noto Sans Devanagari):
    # elsewhere they would show as empty boxes on a computer without that font.
    ("bn", "Bengali", "Bengali"),
    ("gu", "Gujarati", "Gujarati"),
    ("kn", "Kannada", "Kannada"),
    ("ml", "Malayalam", "Malayalam"),
    ("mr", "Marathi", "मराठी"),
    ("or", "Odia", "Odia"),
    ("pa", "Punjabi", "Punjabi"),
    ("ta", "Tamil", "Tamil"),
    ("te", "Telugu", "Telugu"),
    ("ur", "Urdu", "Urdu"),
)
CODES = frozenset(code for code, _name, _native in LANGUAGES)

#: Unicode block → the language a reply in that script most likely wants. Devanagari is
#: proposed as Hindi (Marathi, Nepali and others share it: the officer changes it).
_SCRIPT_BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x0900, 0x097F, HINDI),
    (0xA8E0, 0xA8FF, HINDI),
    (0x0980, 0x09FF, "bn"),
    (0x0A00, 0x0A7F, "pa"),
    (0x0A80, 0x0AFF, "gu"),
    (0x0B00, 0x0B7F, "or"),
    (0x0B80, 0x0BFF, "ta"),
    (0x0C00, 0x0C7F, "te"),
    (0x0C80, 0x0CFF, "kn"),
    (0x0D00, 0x0D7F, "ml"),
    (0x0600, 0x06FF, "ur"),
)


def _names() -> dict[str, str]:
    """Each language's name in the officer's language ("Hindi", or "हिन्दी" in Hindi)."""
    return {
        ENGLISH: _("English"),
        HINDI: _("Hindi"),
        "bn": _("Bengali"),
        "gu": _("Gujarati"),
        "kn": _("Kannada"),
        "ml": _("Malayalam"),
        "mr": _("Marathi"),
        "or": _("Odia"),
        "pa": _("Punjabi"),
        "ta": _("Tamil"),
        "te": _("Telugu"),
        "ur": _("Urdu"),
    }


def language_name(code: str) -> str:
    """ "Hindi (हिन्दी)" for the case form and the letter picker; the code if unknown.

    The name is in the officer's language; the language's own name follows it where the app
    ships a font for its script and it differs ("हिन्दी" alone in a Hindi window).
    """
    for known, english, native in LANGUAGES:
        if known == code:
            name = _names().get(code, english)
            return name if native in (name, english) else f"{name} ({native})"
    return code


def _script_language(char: str) -> str | None:
    code = ord(char)
    for low, high, language in _SCRIPT_BLOCKS:
        if low <= code <= high:
            return language
    if char.isalpha() and unicodedata.name(char, "").startswith("LATIN"):
        return ENGLISH
    return None


def propose_reply_language(texts: Iterable[str]) -> str:
    """The language to propose for a reply, from the requester's own texts.

    Letters are counted by script over all texts together: the script with most letters
    wins, so an English e-mail quoting a Hindi name stays English and a Hindi e-mail with an
    English signature is Hindi. Nothing to go on (no letters at all) proposes English.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        for char in unicodedata.normalize("NFC", text or ""):
            language = _script_language(char)
            if language is not None:
                counts[language] += 1
    if not counts:
        return ENGLISH
    best = max(counts.values())
    # Ties go to an Indian script over Latin (a short Hindi note in an English template).
    winners = [language for language, count in counts.items() if count == best]
    return next((w for w in winners if w != ENGLISH), ENGLISH)
