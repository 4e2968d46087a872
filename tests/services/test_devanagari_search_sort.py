"""Search and the name sort handle Devanagari as an officer types and reads it (issue 17).

A name reaches the register typed one way ("ज़" precomposed, a joiner inside "अनि‍ता") and is
looked up another (no nukta, a decomposed nukta, no joiner); search folds both sides the same
way. Sorting by requester follows Unicode collation through the stored, indexed key. All on
real registers through the services the Cases list calls; every name here is fictitious.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from grievance_desk.domain.case_record import Requester
from grievance_desk.services import case_queries as q
from grievance_desk.services.cases import register_case, update_case
from grievance_desk.storage.case_state import case_state_digest
from grievance_desk.storage.register import Register
from tests.conftest import NOW
from tests.support.drafts import make_draft

ZARINA = "\u095bरीना शेख"  # "ज़" as the one code point U+095B
ANITA_ZWJ = "अनि\u200dता शर्मा"  # a zero-width joiner inside
ANIL = "अनिल तिवारी"


def _register(register: Register, name: str, email: str = "person@example.org") -> str:
    person = Requester(name=name, email=email, phone="+91 00000 00001")
    return register_case(register, make_draft(requester=person), now=NOW)


def _found(register: Register, typed: str) -> list[str]:
    with register.reading() as session:
        rows = q.fetch_page(session, q.CaseFilter(text=typed), sort=q.SortKey.REFERENCE, now=NOW)
        assert q.count_cases(session, q.CaseFilter(text=typed), now=NOW) == len(rows)
    return [row.reference for row in rows]


@pytest.fixture
def people(register: Register) -> dict[str, str]:
    return {
        "zarina": _register(register, ZARINA, "z.shaikh@example.org"),
        "anita": _register(register, ANITA_ZWJ, "anita.s@example.org"),
        "anil": _register(register, ANIL, "anil.t@example.org"),
    }


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("\u095bरीना", "zarina"),  # as registered
        ("ज\u093cरीना", "zarina"),  # nukta as a separate mark
        ("जरीना", "zarina"),  # no nukta at all
        ("जरी", "zarina"),  # a prefix, as typed so far
        ("अनिता", "anita"),  # no joiner
        ("अनि\u200dता", "anita"),  # the joiner, as registered
        ("अनि\u200cता", "anita"),  # a non-joiner instead
        ("अनिता शर्मा", "anita"),
        ("तिवारी", "anil"),
    ],
)
def test_a_devanagari_name_is_found_however_it_is_typed(
    register: Register, people: dict[str, str], typed: str, who: str
) -> None:
    assert _found(register, typed) == [people[who]]


def test_a_devanagari_word_is_searched_whole_not_split_at_its_vowel_signs(
    register: Register, people: dict[str, str]
) -> None:
    # Split at its matras, "अनिता" was "अन"* AND "त"*: अनिल तिवारी matched both.
    assert people["anil"] not in _found(register, "अनिता")


def test_references_and_email_addresses_stay_matchable(
    register: Register, people: dict[str, str]
) -> None:
    assert _found(register, "anita.s@example.org") == [people["anita"]]
    assert _found(register, people["zarina"]) == [people["zarina"]]
    assert _found(register, people["anil"].lower()) == [people["anil"]]


# The order the Unicode Collation Algorithm (DUCET) defines: Latin before Devanagari, Latin
# case-insensitive, Devanagari alphabetical (त before ल), the nukta no primary weight.
COLLATED = ["anil", "Anita", "Zoe", "zubair", "अनिता", "अनिल", "\u095bरीना"]


@pytest.mark.parametrize("descending", [False, True])
def test_sorting_by_requester_follows_unicode_collation(
    register: Register, descending: bool
) -> None:
    for name in ["zubair", "अनिल", "Anita", "\u095bरीना", "anil", "Zoe", "अनिता"]:
        _register(register, name)
    with register.reading() as session:
        rows = q.fetch_page(
            session, q.CaseFilter(), sort=q.SortKey.REQUESTER, descending=descending, now=NOW
        )
    expected = list(reversed(COLLATED)) if descending else COLLATED
    assert [row.requester_name for row in rows] == expected


def test_a_renamed_requester_moves_in_the_sort(register: Register) -> None:
    first = _register(register, "Bina")
    _register(register, "Chitra")
    update_case(register, first, {"requester.name": "दीपा"}, now=NOW)
    with register.reading() as session:
        rows = q.fetch_page(
            session, q.CaseFilter(), sort=q.SortKey.REQUESTER, now=NOW, descending=False
        )
    assert [row.requester_name for row in rows] == ["Chitra", "दीपा"]


def test_the_sort_key_is_not_part_of_the_audited_state(register: Register) -> None:
    _register(register, ANITA_ZWJ)
    with register.writing() as session:
        before = case_state_digest(session, 1)
        session.execute(text("UPDATE grievance_case SET requester_sort_key = x'00' WHERE id = 1"))
        assert case_state_digest(session, 1) == before
