"""Text below the window is translatable and the shipped gettext catalogues are whole (issue 17).

`grievance_desk/messages.py` says how the code marks a text. These tests fail when a message
written for a person reaches them unmarked (an exception's message, a command's output or
help), when a marked text cannot be extracted (an f-string or a variable inside ``_()``),
when a catalogue lacks a translation, loses a ``{placeholder}``, or when the committed ``.mo``
or ``.po`` lags the code (`make translations` brings both up to date).
"""

from __future__ import annotations

import ast
import gettext
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from grievance_desk import messages

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "grievance_desk"
#: Layers whose texts go through gettext; ui/ has Qt's catalogues, documents/ prints letters in
#: the letter's own language (services/letter_languages.py).
LAYERS = ("domain", "storage", "services", "cli")
#: Exceptions that report a programming mistake, never shown to an officer as advice.
PROGRAMMER_ERRORS = {
    "AssertionError",
    "AttributeError",
    "IndexError",
    "KeyError",
    "NotImplementedError",
    "TypeError",
}
#: Calls whose text a person reads on a terminal (cli/ only).
CLI_TEXT_KEYWORDS = {"help", "description", "epilog"}
MARKERS = {"_", "N_", "ngettext"}
HAS_WORD = re.compile(r"[A-Za-z]{2}")


def _catalogue(code: str) -> Catalog:
    path = messages.locale_folder() / code / "LC_MESSAGES" / f"{messages.DOMAIN}.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=code)


def _is_prose(node: ast.AST | None) -> bool:
    """A literal (or f-string, or literal.format / %) with words in it: text for a person."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(HAS_WORD.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_is_prose(part) for part in node.values)
    if isinstance(node, ast.BinOp):
        return _is_prose(node.left) or _is_prose(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and _is_prose(node.func.value)
    return False


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _name(node.func)
    return ""


def _modules(layer: str) -> Iterator[Path]:
    yield from sorted((PACKAGE / layer).rglob("*.py"))


def _unmarked(path: Path, layer: str) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT)
    for node in ast.walk(tree):
        raised = node.exc if isinstance(node, ast.Raise) else None
        if (
            isinstance(raised, ast.Call)
            and _name(raised) not in PROGRAMMER_ERRORS
            and raised.args
            and _is_prose(raised.args[0])
        ):
            yield f"{where}:{node.lineno} raise {_name(raised)}(…) with an unmarked text"
        if not isinstance(node, ast.Call):
            continue
        called = _name(node.func)
        is_super_init = (
            called == "__init__"
            and isinstance(node.func, ast.Attribute)
            and _name(node.func.value) == "super"
        )
        if is_super_init and node.args and _is_prose(node.args[0]):
            yield f"{where}:{node.lineno} super().__init__(…) with an unmarked text"
        if called in MARKERS and node.args:
            first = node.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            # _(CONSTANT) translates a text marked with N_ where the constant is defined
            marked_elsewhere = called == "_" and isinstance(first, ast.Name | ast.Attribute)
            if not (literal or marked_elsewhere):
                yield f"{where}:{node.lineno} {called}() of something pybabel cannot extract"
        if layer != "cli":
            continue
        if called in {"print", "write", "error", "exit"} and node.args and _is_prose(node.args[0]):
            yield f"{where}:{node.lineno} {called}(…) of an unmarked text"
        for keyword in node.keywords:
            if keyword.arg in CLI_TEXT_KEYWORDS and _is_prose(keyword.value):
                yield f"{where}:{node.lineno} {keyword.arg}= with an unmarked text"


@pytest.mark.parametrize("layer", LAYERS)
def test_texts_for_people_are_marked_for_translation(layer: str) -> None:
    found = [line for path in _modules(layer) for line in _unmarked(path, layer)]
    assert not found, "mark these with _() from grievance_desk.messages:\n" + "\n".join(found)


@pytest.mark.parametrize("code", messages.SHIPPED)
def test_every_shipped_catalogue_is_complete(code: str) -> None:
    unfinished = [
        str(message.id)
        for message in _catalogue(code)
        if message.id
        and (
            message.fuzzy
            or not message.string
            or (isinstance(message.string, tuple) and not all(message.string))
        )
    ]
    assert not unfinished, f"{code}: {len(unfinished)} unfinished, first: {unfinished[:5]}"


PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


@pytest.mark.parametrize("code", messages.SHIPPED)
def test_translations_keep_every_placeholder(code: str) -> None:
    wrong = []
    for message in _catalogue(code):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            if string and set(PLACEHOLDER.findall(string)) != wanted:
                wrong.append(f"{ids[0]!r} → {string!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("code", messages.SHIPPED)
def test_the_committed_mo_is_compiled_from_the_po(code: str) -> None:
    folder = messages.locale_folder() / code / "LC_MESSAGES"
    with (folder / f"{messages.DOMAIN}.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    expected = {
        message.id: message.string
        for message in _catalogue(code)
        if message.id and not message.fuzzy and message.string
    }
    for msgid, string in expected.items():
        if isinstance(msgid, tuple):
            forms = tuple(compiled.ngettext(msgid[0], msgid[1], n) for n in (1, 2))
            assert forms == tuple(string), f"{msgid[0]!r}: run `make translations`"
        else:
            assert compiled.gettext(msgid) == string, f"{msgid!r}: run `make translations`"


def test_the_catalogues_hold_every_text_the_code_marks(tmp_path: Path) -> None:
    template = tmp_path / "grievance_desk.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "--quiet",
            "extract",
            "-F",
            str(ROOT / "resources" / "locale" / "babel.cfg"),
            "-o",
            str(template),
            str(ROOT),
        ],
        check=True,
        cwd=ROOT,
    )
    with template.open("rb") as handle:
        marked = {message.id for message in read_po(handle) if message.id}
    for code in messages.SHIPPED:
        held = {message.id for message in _catalogue(code) if message.id}
        missing = sorted(str(m) for m in marked - held)
        assert not missing, f"{code}: run `make translations`; missing {missing[:5]}"


def test_a_service_message_follows_the_chosen_language() -> None:
    from grievance_desk.storage.errors import RegisterMissing

    assert messages.use_language("hi") == "hi"
    assert str(RegisterMissing("/tmp/r.gdreg")).startswith("/tmp/r.gdreg पर कोई रजिस्टर नहीं है")
    assert messages.use_language("en") == "en"
    assert str(RegisterMissing("/tmp/r.gdreg")).startswith("There is no register at /tmp/r.gdreg")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "hi_IN.UTF-8"}, "hi"),
        ({"LANGUAGE": "ta:hi", "LANG": "en_IN.UTF-8"}, "hi"),
        ({"LC_ALL": "C", "LANG": "hi_IN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "hi_IN"}, "en"),
        # the first variable set decides, as Python's gettext (and so argparse) reads it
        ({"LANGUAGE": "fr", "LANG": "hi_IN.UTF-8"}, "en"),
        ({"LANGUAGE": "", "LANG": "hi_IN.UTF-8"}, "hi"),
        ({}, "en"),
    ],
)
def test_a_terminal_asks_for_its_language_as_gettext_does(
    environ: dict[str, str], expected: str
) -> None:
    assert messages.language_from_environment(environ) == expected


def test_an_unshipped_language_leaves_english() -> None:
    assert messages.use_language("ta_IN") == "en"
    assert messages.active_language() == "en"
