"""The command-line tests read English, whatever the machine's locale.

The CLI speaks the language its environment asks for (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``), and a developer's or CI's ``LANG=hi_IN.UTF-8`` would turn every
English assertion here into a failure. Each test starts with ``LANGUAGE=en`` (children started
with ``run_cli`` inherit it); a test that wants Hindi sets the variables itself. Afterwards
argparse's text domain goes back to gettext's default, as `messages` goes back to English.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator

import pytest

from grievance_desk import messages


@pytest.fixture(autouse=True)
def english_terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    domain = gettext.textdomain()
    monkeypatch.setenv("LANGUAGE", "en")
    yield
    gettext.textdomain(domain)
    messages.use_language(messages.SOURCE_LANGUAGE)
