"""The Hindi glossary fixes each legal term once: templates and letter sentences take terms
from it, never type them (issue 17)."""

from __future__ import annotations

import re

import pytest

from grievance_desk.domain.locale_format import indian_number
from grievance_desk.domain.policy_presets import PRESETS
from grievance_desk.services.glossary import (
    GlossaryError,
    phrase,
    route_citations,
    route_text,
    term,
    term_problems,
    terms,
)
from grievance_desk.services.letter_languages import language_templates
from grievance_desk.services.letter_templates import PARTS

_TERM_KEY = re.compile(r"'(\w+)'\s*\|\s*term")


def test_the_dpdp_terms_are_those_of_the_official_hindi_text() -> None:
    assert term("data_principal", "hi") == "डेटा प्रधान"
    assert term("data_fiduciary", "hi") == "डेटा न्यासी"
    assert term("consent_manager", "hi") == "सहमति प्रबंधक"
    assert term("board", "hi") == "भारतीय डेटा संरक्षण बोर्ड"
    assert term("grievance_officer", "hi") == "शिकायत अधिकारी"
    assert term("data_principal", "en") == "Data Principal"
    for entry in terms("hi").values():
        assert entry.source, entry.key  # every term says where it comes from


@pytest.mark.parametrize("template", language_templates("hi"), ids=lambda t: t.id)
def test_a_hindi_template_takes_every_legal_term_from_the_glossary(template: object) -> None:
    for part in PARTS:
        text = getattr(template, part)
        assert term_problems(text, "hi") == [], (part, term_problems(text, "hi"))
        for key in _TERM_KEY.findall(text):
            term(key, "hi")  # every key used exists


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("आपके Data Principal अधिकार", "English 'Data Principal'"),
        ("आपके डाटा प्रधान अधिकार", "'डाटा प्रधान'"),
        ("हमारे शिकायत निवारण अधिकारी से", "'शिकायत निवारण अधिकारी'"),
        ("हमारे शिकायत अधिकारी से", "types 'शिकायत अधिकारी'"),
    ],
)
def test_a_typed_term_or_variant_is_caught(text: str, found: str) -> None:
    problems = term_problems(text, "hi")
    assert any(found in p for p in problems), problems


def test_the_glossary_sentences_use_the_terms_too() -> None:
    import tomllib

    from grievance_desk.resources_path import resource_path

    data = tomllib.loads((resource_path("glossary") / "hi.toml").read_text(encoding="utf-8"))
    for section in ("routes", "phrases", "what", "channels", "refused_action", "refusal_reasons"):
        for key, text in data[section].items():
            assert term_problems(text, "hi", template=False) == [], (section, key)


def test_every_route_of_every_shipped_policy_has_its_hindi_text() -> None:
    citations = {route.citation for policy in PRESETS for route in policy.escalation}
    assert citations <= route_citations("hi"), citations - route_citations("hi")
    board = route_text("DPDP Act 2023 s.13(3) and s.27", "hi")
    assert board is not None
    assert "भारतीय डेटा संरक्षण बोर्ड" in board and "धारा 27" in board and "13(3)" in board


def test_a_missing_term_or_phrase_names_the_file() -> None:
    with pytest.raises(GlossaryError, match="data_principle"):
        term("data_principle", "hi")
    with pytest.raises(GlossaryError, match=r"resources/glossary/hi.toml"):
        phrase("phrases", "nothing_here", "hi")


def test_figures_use_indian_grouping() -> None:
    assert indian_number(100000) == "1,00,000"
    assert indian_number(12345678, "hi") == "1,23,45,678"
