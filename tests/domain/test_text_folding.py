"""Search folding: a Devanagari name typed with or without nukta and joiners is one word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from grievance_desk.domain.text_folding import fold_for_search

ANITA = "अनिता"


def test_the_same_name_typed_four_ways_folds_to_one() -> None:
    precomposed = "\u095bरीना"  # ज़ as one code point
    decomposed = "ज\u093cरीना"  # ज + nukta
    without = "जरीना"
    assert fold_for_search(precomposed) == fold_for_search(decomposed) == without


def test_joiners_are_dropped() -> None:
    assert fold_for_search("अनि\u200dता") == ANITA
    assert fold_for_search("क्\u200cष") == "क्ष"


def test_latin_is_case_folded_and_left_alone_otherwise() -> None:
    assert fold_for_search("Anita SHARMA") == "anita sharma"
    assert fold_for_search("Müller") == "müller"  # diacritics stay: FTS5 handles Latin ones


@given(st.text())
def test_folding_is_idempotent(text: str) -> None:
    once = fold_for_search(text)
    assert fold_for_search(once) == once
