"""HTML e-mails become readable text; hostile markup is bounded (18.9).

Speed is measured in tests/benchmarks/test_bench_email_html.py; here, what comes out.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage

from grievance_desk.services import html_text
from grievance_desk.services.email_intake import read_email_bytes
from grievance_desk.services.html_text import html_to_text

NOW = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def test_paragraphs_breaks_lists_and_entities() -> None:
    text, cut = html_to_text(
        "<html><head><title>Ignored</title><style>p { color: red }</style></head><body>"
        "<p>Dear   Officer,</p><p>Please <b>delete</b> my account &amp; data.<br>Thanks</p>"
        "<ul><li>one</li><li>two</li></ul><!-- a comment <p>hidden</p> -->"
        "<script>alert('x')</script><div>Test&nbsp;Person &lt;test@example.org&gt;</div>"
        "</body></html>"
    )
    assert not cut
    assert text == (
        "Dear Officer,\n\nPlease delete my account & data.\nThanks\n\n• one\n\n• two\n\n"
        "Test Person <test@example.org>"
    )


def test_lone_angle_brackets_and_unclosed_tags_are_kept_as_text() -> None:
    text, _cut = html_to_text("<p>if a < b and c <d then <script>never closed")
    assert text == "if a < b and c <d then"


def test_devanagari_survives() -> None:
    text, _cut = html_to_text("<p>नमस्ते, कृपया मेरा <i>खाता</i> हटाएँ।</p>")
    assert text == "नमस्ते, कृपया मेरा खाता हटाएँ।"


def test_a_body_over_the_cap_is_cut_with_a_note() -> None:
    markup = "<p>" + "word " * 400 + "</p>"
    text, cut = html_to_text(markup, limit=200)
    assert cut
    assert text.startswith("word word")
    assert "was not converted to text; the original message is attached" in text


def test_an_html_only_email_reads_through_the_linear_converter(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(html_text, "MAX_HTML_CHARS", 1_000)
    message = EmailMessage()
    message["From"] = "Test Person <test.person@example.org>"
    message["Subject"] = "Account"
    message["Date"] = "Tue, 01 Dec 2026 10:00:00 +0530"
    message.set_content("<p>Please delete my account.</p>" + "<p>filler</p>" * 500, subtype="html")
    intake = read_email_bytes("request.eml", message.as_bytes(), now=NOW)
    assert intake.body.startswith("Please delete my account.")
    assert "was not converted to text" in intake.body
    # The original stays with the case, so the cut loses nothing.
    assert intake.attachments[0].purpose == "email"
