"""The command line speaks the terminal's language: Hindi help, errors and results (issue 17).

Each test runs the real ``main`` (or ``python -m grievance_desk``) with the environment a Hindi
terminal has; tests/cli/conftest.py gives every other test ``LANGUAGE=en``.
"""

from __future__ import annotations

import argparse
import ast
import gettext
import re
from pathlib import Path

import pytest

from grievance_desk import messages
from grievance_desk.cli import main
from grievance_desk.cli.argparse_texts import ARGPARSE_TEXTS
from grievance_desk.cli.exit_codes import ExitCode
from grievance_desk.cli.language import columns, ljust
from grievance_desk.storage.register import Register
from tests.conftest import PASSPHRASE
from tests.support.kill_points import run_cli

#: argparse texts only a programmer meets, building a parser (never an officer), and the
#: counted ones for ``nargs=N``, which no command uses: not in our catalogue.
PROGRAMMER_ONLY = {
    "%r is not callable",
    "'required' is an invalid argument for positionals",
    ".__call__() not defined",
    'argument "-" with mode %r',
    "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r",
    "conflicting subparser alias: %s",
    "conflicting subparser: %s",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional",
    "conflicting option string: %s",
    "expected %s argument",
}


@pytest.fixture
def hindi(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal whose locale is Hindi, as `LANG=hi_IN.UTF-8` sets it."""
    monkeypatch.setenv("LANGUAGE", "hi")


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    code = exit_info.value.code
    assert isinstance(code, int)
    return code, capsys.readouterr().err


def test_help_is_in_hindi(hindi: None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("उपयोग: grievance-desk ")  # argparse's own "usage: "
    assert "\nविकल्प:\n" in out and "यह सहायता संदेश दिखाएँ और बाहर निकलें" in out
    assert "प्रोग्राम का संस्करण दिखाएँ और बाहर निकलें" in out
    assert "शिकायतों और डेटा प्रधान के अधिकार-अनुरोधों का एन्क्रिप्टेड" in out  # description
    assert "    due             खुले मामले निकटतम समय-सीमा के क्रम में" in out  # command names stay
    assert "\n  12  गलत पासफ़्रेज़ या रिकवरी कुंजी" in out  # the exit codes keep their numbers
    assert "usage" not in out and "show this help" not in out


def test_a_commands_help_is_in_hindi(hindi: None, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["due", "--help"])
    out = capsys.readouterr().out
    assert "--within PERIOD" in out and "--json" in out  # options and metavars stay
    assert "केवल इस अवधि के भीतर की समय-सीमाएँ" in out
    assert "पासफ़्रेज़ मानक इनपुट की पहली पंक्ति से पढ़ें" in out  # the shared options too


def test_a_usage_mistake_is_in_hindi_with_the_same_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    english = _usage_error(["due", "--within", "2x"], capsys)
    monkeypatch.setenv("LANGUAGE", "hi")
    hindi = _usage_error(["due", "--within", "2x"], capsys)
    assert english[0] == hindi[0] == ExitCode.USAGE
    assert "grievance-desk due: error: argument --within:" in english[1]
    assert "grievance-desk due: त्रुटि: तर्क --within: --within '2x' कोई अवधि नहीं है" in hindi[1]
    code, err = _usage_error(["extend"], capsys)
    assert code == ExitCode.USAGE
    assert "त्रुटि: ये तर्क आवश्यक हैं: reference, --reason" in err
    code, err = _usage_error(["report", "--format", "doc"], capsys)
    assert code == ExitCode.USAGE and "अमान्य विकल्प: 'doc' (इनमें से चुनें: 'pdf'" in err


def test_expected_errors_are_in_hindi(
    hindi: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = tmp_path / "none.db"
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    assert main(["due", "--register", str(missing)]) == ExitCode.REGISTER_MISSING
    assert f"grievance-desk: {missing} पर कोई रजिस्टर नहीं है।" in capsys.readouterr().err

    path = tmp_path / "r.db"
    Register.create(path, PASSPHRASE)[0].close()
    assert main(["due", "--register", str(path)]) == ExitCode.OK
    assert capsys.readouterr().out == "रजिस्टर में कोई खुली समय-सीमा नहीं है।\n"

    assert main(["import", str(tmp_path / "cases.doc"), "--register", str(path)]) == 1
    assert "cases.doc CSV, Unicode Text या XLSX फ़ाइल नहीं है।" in capsys.readouterr().err

    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", "not the passphrase at all")
    assert main(["due", "--register", str(path)]) == ExitCode.WRONG_SECRET
    assert "इस रजिस्टर के लिए पासफ़्रेज़ सही नहीं है।" in capsys.readouterr().err


def test_the_environment_of_a_fresh_process_chooses_hindi() -> None:
    hindi = run_cli(
        ["extend"], env={"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "hi_IN.UTF-8"}
    )
    assert hindi.returncode == ExitCode.USAGE
    assert hindi.stderr.startswith("उपयोग: grievance-desk extend")
    assert "त्रुटि: ये तर्क आवश्यक हैं" in hindi.stderr
    english = run_cli(["extend"], env={"LANGUAGE": "", "LC_ALL": "C", "LANG": "hi_IN.UTF-8"})
    assert english.returncode == ExitCode.USAGE
    assert "error: the following arguments are required" in english.stderr


def test_english_first_keeps_argparse_english(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``LANGUAGE=en:hi`` asks for English; argparse must not fall through to Hindi."""
    monkeypatch.setenv("LANGUAGE", "hi")
    _usage_error(["extend"], capsys)
    monkeypatch.setenv("LANGUAGE", "en:hi")
    code, err = _usage_error(["extend"], capsys)
    assert code == ExitCode.USAGE
    assert err.startswith("usage: grievance-desk extend")
    assert "error: the following arguments are required: reference, --reason" in err


def _argparse_msgids() -> set[str]:
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"_", "ngettext"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


PERCENT = re.compile(r"%(?:\([a-z_]+\))?[sr]")


def test_argparse_texts_of_this_python_are_all_translated() -> None:
    """The list in cli/argparse_texts.py covers this Python's argparse (3.11, 3.12, 3.13)."""
    msgids = _argparse_msgids()
    assert "usage: " in msgids and "options" in msgids
    assert msgids - PROGRAMMER_ONLY <= set(ARGPARSE_TEXTS)
    folder = messages.locale_folder() / "hi" / "LC_MESSAGES"
    with (folder / f"{messages.DOMAIN}.mo").open("rb") as handle:
        hindi = gettext.GNUTranslations(handle)
    for text in ARGPARSE_TEXTS:
        translated = hindi.gettext(text)
        assert translated != text or text == "%(heading)s:", text
        assert sorted(PERCENT.findall(translated)) == sorted(PERCENT.findall(text)), text


def test_columns_count_what_a_terminal_shows() -> None:
    assert columns("DAYS LEFT") == 9
    assert columns("शेष दिन") == 6  # the sign े takes no column of its own, ि takes one
    assert columns("संदर्भ") == 4  # anusvara and virama take none: सं द र्भ
    assert ljust("संदर्भ", 6) == "संदर्भ  "


def test_the_window_starts_in_its_own_language_not_the_terminals(
    hindi: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window sets messages to its Settings language only when that is not English, so
    the terminal's Hindi must not reach a window the officer set to English."""
    seen: list[str] = []
    monkeypatch.setattr(
        "grievance_desk.app.run_gui",
        lambda register, smoke_test: seen.append(messages.active_language()) or 0,
    )
    assert main(["gui"]) == 0
    assert seen == [messages.SOURCE_LANGUAGE]
