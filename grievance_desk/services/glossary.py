"""The letter glossary: each legal term fixed once per language, in ``resources/glossary``.

Templates never type a legal term; they write ``{{ 'data_principal' | term }}`` and get the
glossary's wording for the letter's language (the official Hindi text of the DPDP Act 2023
for Hindi), so every letter says "डेटा प्रधान" and none drifts to "डाटा प्रधान". The same file
holds the Hindi wording of the escalation routes (keyed by the policy's citation) and of the
other sentences the letter code fills in, with ``{term}`` placeholders.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from grievance_desk.messages import _
from grievance_desk.resources_path import resource_path


class GlossaryError(LookupError):
    """A glossary key or language is missing; the message names it and the file."""


@dataclass(frozen=True)
class Term:
    """One legal term: its English, its wording in the language, spellings to avoid, source."""

    key: str
    en: str
    text: str
    avoid: tuple[str, ...]
    source: str


@cache
def _load(language: str) -> dict[str, Any]:
    path = resource_path("glossary") / f"{language}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


def has_glossary(language: str) -> bool:
    """Whether a glossary ships for ``language`` (English needs none: terms are its own)."""
    return bool(_load(language))


@cache
def terms(language: str) -> dict[str, Term]:
    """Every term of a language's glossary, by key. English terms come from any glossary."""
    source_language = language if has_glossary(language) else "hi"
    found: dict[str, Term] = {}
    for key, entry in _load(source_language).get("terms", {}).items():
        found[key] = Term(
            key=key,
            en=str(entry["en"]),
            text=str(entry["en"] if language == "en" else entry["hi"]),
            avoid=tuple(str(a) for a in entry.get("avoid", ())),
            source=str(entry.get("source", "")),
        )
    return found


def term(key: str, language: str) -> str:
    """A term in a language: what ``| term`` prints in a template."""
    known = terms(language)
    if key not in known:
        raise GlossaryError(
            _(
                "The glossary has no term {key}. Terms: {names} "
                "(resources/glossary/{language}.toml)."
            ).format(key=repr(key), names=", ".join(sorted(known)), language=language)
        )
    return known[key].text


def _fill(text: str, language: str, **values: Any) -> str:
    words = {key: t.text for key, t in terms(language).items()}
    return text.format(**{**words, **values})


def phrase(section: str, key: str, language: str, **values: Any) -> str:
    """A sentence or label of the glossary's ``[section]``, its terms and ``values`` filled in."""
    table = _load(language).get(section, {})
    if key not in table:
        raise GlossaryError(
            _("resources/glossary/{language}.toml has no [{section}] entry {key}; add it.").format(
                language=language, section=section, key=repr(key)
            )
        )
    return _fill(str(table[key]), language, **values)


def has_phrase(section: str, key: str, language: str) -> bool:
    """Whether the glossary has that sentence or label (for optional wording)."""
    return key in _load(language).get(section, {})


def route_text(citation: str, language: str) -> str | None:
    """An escalation route's text in ``language``, by the policy's citation; None if absent."""
    table = _load(language).get("routes", {})
    return _fill(str(table[citation]), language) if citation in table else None


def route_citations(language: str) -> frozenset[str]:
    """The citations of the routes the glossary words (a test checks every policy's)."""
    return frozenset(_load(language).get("routes", {}))


_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def term_problems(text: str, language: str, *, template: bool = True) -> list[str]:
    """Where ``text`` types a legal term instead of taking it from the glossary.

    Flags a term's English, a spelling the glossary says to avoid, and (in a template, whose
    Jinja tags are left out of the search) the term itself typed rather than written
    ``{{ 'key' | term }}``; glossary sentences use ``{key}`` placeholders, so the same holds.
    """
    plain = _JINJA.sub(" ", text) if template else re.sub(r"\{\w+\}", " ", text)
    lowered = plain.casefold()
    problems: list[str] = []
    for key, entry in terms(language).items():
        if re.search(rf"\b{re.escape(entry.en.casefold())}\b", lowered):
            problems.append(
                _("types the English {en}: write {{{{ '{key}' | term }}}}").format(
                    en=repr(entry.en), key=key
                )
            )
        for variant in entry.avoid:
            if variant in plain:
                problems.append(
                    _("uses {variant}, not the glossary's {text} ({source})").format(
                        variant=repr(variant), text=repr(entry.text), source=entry.source
                    )
                )
        if entry.text in plain:
            problems.append(f"types {entry.text!r}: write {{{{ '{key}' | term }}}}")
    return problems
