"""Proposing a case's reply language from the script of the requester's own words, and
dates in the letter's language (issue 17)."""

from __future__ import annotations

from datetime import date

from grievance_desk.domain.languages import (
    CODES,
    ENGLISH,
    HINDI,
    language_name,
    propose_reply_language,
)
from grievance_desk.domain.locale_format import indian_number, letter_date


def test_devanagari_text_proposes_hindi() -> None:
    assert propose_reply_language(["मेरा डेटा हटाइए। धन्यवाद, अनिता शर्मा"]) == HINDI


def test_english_text_with_a_hindi_name_stays_english() -> None:
    body = "Please delete my account and all the data you hold. Regards, अनिता शर्मा"
    assert propose_reply_language([body]) == ENGLISH


def test_a_hindi_e_mail_with_an_english_signature_is_hindi() -> None:
    body = "कृपया मेरे खाते का पूरा विवरण भेजें, जो आपके पास है।\n--\nSent from my phone"
    assert propose_reply_language(["", body]) == HINDI


def test_other_scripts_and_nothing_at_all() -> None:
    assert propose_reply_language(["আমার তথ্য মুছে ফেলুন"]) == "bn"
    assert propose_reply_language(["எனது தரவை நீக்கவும்"]) == "ta"
    assert propose_reply_language([]) == ENGLISH
    assert propose_reply_language(["12345 !!!", ""]) == ENGLISH


def test_every_proposal_is_a_language_the_officer_can_choose() -> None:
    for sample in (
        "abc",
        "अनिता",
        "আমার",
        "ਮੇਰਾ",
        "મારો",
        "ଓଡ଼ିଆ",
        "தமிழ்",
        "తెలుగు",
        "ಕನ್ನಡ",
        "മലയാളം",
        "اردو",
    ):
        assert propose_reply_language([sample]) in CODES
    assert language_name("hi") == "Hindi (हिन्दी)"
    assert language_name("en") == "English"
    assert language_name("ta") == "Tamil"  # no Tamil font ships: no boxes in the window
    assert language_name("mr") == "Marathi (मराठी)"


def test_letter_dates_follow_the_language() -> None:
    assert letter_date(date(2026, 12, 6), "hi") == "6 दिसंबर 2026"
    assert letter_date(date(2026, 12, 6), "en") == "6 December 2026"
    assert indian_number(100000, "en") == "1,00,000"
