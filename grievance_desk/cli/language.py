"""The command line speaks the language its terminal asks for, argparse's own texts included.

Our texts go through `grievance_desk.messages`; argparse translates its own ("usage: ",
"options", "the following arguments are required: %s", "invalid choice: …") with
`gettext.gettext`, that is in the process's default text domain, looked up by the same
``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG`` variables. Making our catalogue that domain
(`gettext.textdomain`, the documented way to choose a program's catalogue) translates them
without touching argparse; `argparse_texts` lists its msgids so pybabel puts them in our
catalogue. Only the command line does this: the window never calls it.
"""

from __future__ import annotations

import gettext
import sys
import unicodedata

from grievance_desk import messages

PROG = "grievance-desk"
#: gettext's own default domain: no catalogue, so argparse stays English.
_DEFAULT_DOMAIN = "messages"


def speak_the_terminals_language() -> str:
    """Translate our messages and argparse's into the terminal's language; return it."""
    language = messages.use_language(messages.language_from_environment())
    if language == messages.SOURCE_LANGUAGE:
        # ``LANGUAGE=en:hi`` means English here; argparse must not find the Hindi catalogue.
        gettext.textdomain(_DEFAULT_DOMAIN)
    else:
        gettext.bindtextdomain(messages.DOMAIN, str(messages.locale_folder()))
        gettext.textdomain(messages.DOMAIN)
    return language


def tell(message: str) -> None:
    """One line on standard error, after the program's name, as argparse's own errors read."""
    print(f"{PROG}: {message}", file=sys.stderr)


def columns(text: str) -> int:
    """How many columns a terminal gives ``text``: combining marks (a Devanagari virama or
    anusvara) and format characters (ZWJ) take none, so Hindi table headings line up."""
    return sum(
        0 if unicodedata.combining(char) or unicodedata.category(char) in {"Mn", "Me", "Cf"} else 1
        for char in text
    )


def ljust(text: str, width: int) -> str:
    """``text`` padded on the right to ``width`` terminal columns."""
    return text + " " * max(0, width - columns(text))


def rjust(text: str, width: int) -> str:
    """``text`` padded on the left to ``width`` terminal columns."""
    return " " * max(0, width - columns(text)) + text
