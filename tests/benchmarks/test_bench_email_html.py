"""An HTML e-mail of 2 MB reads in time proportional to its size (issue 18.9).

The old regular-expression stripper, and Python 3.11's html.parser, rescan the rest of the
text at each unclosed ``<``: a 200 KB message froze the window for 12–22 s. Linear means a
ten-times larger body takes about ten times as long; quadratic would be a hundred. Each shape
below is timed at 200 KB and 2 MB and the ratio asserted well below quadratic. Needs no
register (it does not use the shared ``results`` fixture, which builds one).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from grievance_desk.services.email_intake import read_email_bytes
from grievance_desk.services.html_text import html_to_text

SMALL, LARGE = 200_000, 2_000_000
#: 10 for linear; 100 for quadratic. Generous for a noisy 2-core machine.
MAX_RATIO = 25.0

SHAPES = {
    "ordinary newsletter": '<div class="x"><p>Dear officer, <b>please</b> delete my data &amp; '
    "stop mailing me.</p><br></div>\n",
    "unclosed angle brackets": "a <b c < d <e ",
    "unclosed scripts": "<script>var x = 1; <style>",
    "unclosed comments": "<!-- note <p>",
    "entity soup": "&amp;&lt;&#39;&#x27;&nbsp;&unknown; ",
}


def _best_of(markup: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        html_to_text(markup, limit=len(markup) + 1)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("shape", list(SHAPES))
def test_html_to_text_is_linear(shape: str) -> None:
    unit = SHAPES[shape]
    small = unit * (SMALL // len(unit))
    large = unit * (LARGE // len(unit))
    small_seconds = _best_of(small)
    large_seconds = _best_of(large)
    ratio = large_seconds / max(small_seconds, 1e-6)
    print(
        f"\n[bench] html_to_text {shape}: 200 KB {small_seconds * 1000:.1f} ms, "
        f"2 MB {large_seconds * 1000:.1f} ms, ratio {ratio:.1f} (linear 10, quadratic 100)"
    )
    assert ratio < MAX_RATIO
    assert large_seconds < 5.0


def test_a_2_mb_html_email_reads_quickly() -> None:
    message = EmailMessage()
    message["From"] = "Test Person <test.person@example.org>"
    message["Subject"] = "Please delete my account"
    message["Date"] = "Tue, 01 Dec 2026 10:00:00 +0530"
    body = "<p>Please delete my account.</p>" + SHAPES["unclosed angle brackets"] * (
        LARGE // len(SHAPES["unclosed angle brackets"])
    )
    message.set_content(body, subtype="html")
    data = message.as_bytes()
    started = time.perf_counter()
    intake = read_email_bytes("big.eml", data, now=datetime(2026, 12, 1, tzinfo=UTC))
    seconds = time.perf_counter() - started
    print(f"\n[bench] read a {len(data) / 1e6:.1f} MB HTML e-mail: {seconds * 1000:.0f} ms")
    assert intake.body.startswith("Please delete my account.")
    assert seconds < 10.0
