"""``settings`` sets a register up without the window, so a scripted register can sign letters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from grievance_desk.cli import main
from grievance_desk.services.organisation import load_organisation
from grievance_desk.storage.register import Register, Unlock
from grievance_desk.storage.tables import Case
from tests.conftest import PASSPHRASE


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("grievance_desk.cli.common._stdin_secret", None)
    path = tmp_path / "r.db"
    assert main(["init", "--register", str(path)]) == 0
    return path


def test_set_then_show_then_issue_a_letter(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "settings",
            "--register",
            str(register),
            "organisation.name=Example Widgets Pvt Ltd",
            "officer.name=Test Officer",
            "officer.email=grievance@example.org",
            "officer.timezone=Asia/Kolkata",
        ]
    )
    assert code == 0
    capsys.readouterr()
    assert main(["settings", "--register", str(register), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["organisation.name"] == "Example Widgets Pvt Ltd"
    assert shown["complete"] is True

    sample = tmp_path / "cases.csv"
    sample.write_text(
        "received,request_type,requester_name\n01/12/2026,access,Asha Example\n",
        encoding="utf-8",
    )
    assert main(["import", str(sample), "--register", str(register)]) == 0
    capsys.readouterr()
    with (
        Register.open(register, Unlock(passphrase=PASSPHRASE)) as opened,
        opened.reading() as session,
    ):
        (reference,) = session.scalars(select(Case.reference)).all()
    letter = tmp_path / "ack.pdf"
    args = ["letter", reference, "acknowledgement", "--output", str(letter)]
    assert main([*args, "--register", str(register)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(letter).pages)
    assert "Test Officer" in text and "Example Widgets" in text


@pytest.mark.parametrize(
    ("pair", "says"),
    [
        ("officer.email=not-an-address", "not an e-mail address"),
        ("officer.phone=call me", "not a phone number"),
        ("officer.timezone=Mars/Olympus", "not a time zone"),
        ("officer.shoe_size=9", "is not a setting"),
        ("organisation.logo_png=/no/such.png", "is not a file"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_saved(
    register: Path, pair: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["settings", "--register", str(register), "organisation.name=Kept Ltd"])
    capsys.readouterr()
    assert main(["settings", "--register", str(register), "organisation.name=Lost", pair]) == 1
    assert says in capsys.readouterr().err
    with Register.open(register, Unlock(passphrase=PASSPHRASE)) as opened:
        assert load_organisation(opened).name == "Kept Ltd"


def test_a_png_logo_is_stored(register: Path, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    assert main(["settings", "--register", str(register), f"organisation.logo_png={logo}"]) == 0
    with Register.open(register, Unlock(passphrase=PASSPHRASE)) as opened:
        assert load_organisation(opened).logo_png
