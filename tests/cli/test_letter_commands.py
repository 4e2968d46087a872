"""``letter`` and ``templates`` from the command line, through a parser built here."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from grievance_desk.cli import letter_commands
from grievance_desk.cli.common import UserError
from grievance_desk.services import letter_integrity, letter_records
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import PASSPHRASE
from tests.services.test_letters import fill


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="grievance-desk")
    letter_commands.add_parsers(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    result: int = args.func(args)
    return result


@pytest.fixture
def filled(register: Register, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    reference = fill(register)
    path = register.path
    register.close()
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    return path, reference


def test_letter_renders_without_storing(
    filled: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, reference = filled
    out = tmp_path / "ack.pdf"
    assert (
        _run("letter", reference, "acknowledgement", "-o", str(out), "--register", str(path)) == 0
    )
    assert reference in PdfReader(out).pages[0].extract_text()
    assert out.stat().st_mode & 0o077 == 0
    assert "not stored" in capsys.readouterr().out
    with Register.open(path, _unlock()) as register:
        assert letter_records.list_letters(register, reference) == []


def _unlock() -> Unlock:
    return Unlock(passphrase=PASSPHRASE)


def test_letter_issue_stores_it_and_names_the_next_step(
    filled: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, reference = filled
    out = tmp_path / "refusal.pdf"
    code = _run(
        "letter", reference, "refusal", "-o", str(out), "--issue", "--register", str(path),
        "--set", "letter.reasons=The information is privileged (test).",
    )  # fmt: skip
    assert code == 0
    printed = capsys.readouterr().out
    assert "Issued letter" in printed and "Next step: Mark the response sent" in printed
    with Register.open(path, _unlock()) as register:
        [letter] = letter_records.list_letters(register, reference)
        assert letter.is_issued
        assert letter_integrity.letter_pdf(register, letter.letter_id) == out.read_bytes()


def test_letter_with_a_missing_field_says_which(filled: tuple[Path, str], tmp_path: Path) -> None:
    path, reference = filled
    with pytest.raises(UserError, match=r"letter\.reasons"):
        _run("letter", reference, "refusal", "-o", str(tmp_path / "r.pdf"), "--register", str(path))
    with pytest.raises(UserError, match="no letter template 'nope'"):
        _run("letter", reference, "nope", "-o", str(tmp_path / "r.pdf"), "--register", str(path))


def test_templates_lists_fields_and_required_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("templates", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 13
    refusal = next(t for t in data if t["id"] == "refusal")
    assert {"escalation_route", "reasons", "officer_contact"} <= {
        i["id"] for i in refusal["required_content"]
    }
    assert _run("templates") == 0
    assert "required: The reasons for refusing" in capsys.readouterr().out


def test_templates_lists_one_languages_set(capsys: pytest.CaptureFixture[str]) -> None:
    """issue 17: the Hindi set, with its own titles and the law's items worded in Hindi."""
    assert _run("templates", "--language", "hi", "--json") == 0
    data = {t["id"]: t for t in json.loads(capsys.readouterr().out)}
    assert len(data) == 13 and data["acknowledgement"]["title"] == "पावती"
    assert data["acknowledgement"]["version"].startswith("hi-")
    with pytest.raises(SystemExit) as refused:  # not shipped: a usage mistake
        _run("templates", "--language", "ta")
    assert refused.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_letter_follows_the_case_reply_language_or_language(
    filled: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """issue 17: a case whose reply language is Hindi gets a Hindi letter; --language en
    overrides it; a language without templates says so and uses English."""
    from grievance_desk.services.clock import utc_now
    from grievance_desk.services.reply_language import set_reply_language

    path, reference = filled
    with Register.open(path, _unlock()) as register:
        set_reply_language(register, reference, "hi", now=utc_now())
    hindi, english = tmp_path / "hi.pdf", tmp_path / "en.pdf"
    _run("letter", reference, "acknowledgement", "-o", str(hindi), "--register", str(path))
    assert "हमारा संदर्भ" in PdfReader(hindi).pages[0].extract_text()
    _run("letter", reference, "acknowledgement", "-o", str(english), "--register", str(path),
         "--language", "en")  # fmt: skip
    assert "Our reference" in PdfReader(english).pages[0].extract_text()
    with Register.open(path, _unlock()) as register:
        set_reply_language(register, reference, "ta", now=utc_now())
    capsys.readouterr()
    _run("letter", reference, "acknowledgement", "-o", str(english), "--register", str(path))
    assert "no Tamil template" in capsys.readouterr().err
    with pytest.raises(UserError, match="no Tamil template"):
        _run("letter", reference, "acknowledgement", "-o", str(english), "--register", str(path),
             "--language", "ta")  # fmt: skip
