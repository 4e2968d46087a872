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


def _only_case(register: Path) -> tuple[str, str]:
    with (
        Register.open(register, Unlock(passphrase=PASSPHRASE)) as opened,
        opened.reading() as session,
    ):
        ((reference, policy_id),) = session.execute(select(Case.reference, Case.policy_id)).all()
    return reference, str(policy_id)


def test_a_register_set_up_only_by_settings_applies_its_default_policy_and_issues_a_letter(
    register: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """init + settings alone: organisation, officer, time zone, profile and a default policy."""
    pairs = [
        "organisation.name=Example Widgets Pvt Ltd",
        "officer.name=Test Officer",
        "officer.email=grievance@example.org",
        "officer.timezone=Asia/Kolkata",
        "policy.profile.jurisdictions=IN",
        "policy.profile.intermediary=yes",
        "policy.default.erasure=spdi-2011",
    ]
    assert main(["settings", "--register", str(register), *pairs]) == 0
    capsys.readouterr()
    assert main(["settings", "--register", str(register), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["policy.profile.jurisdictions"] == "IN"
    assert shown["policy.profile.intermediary"] == "yes"
    assert shown["policy.default.erasure"] == "spdi-2011"
    assert shown["policy.default.access"] == ""  # not set: the law's applies
    assert shown["effective_policy"]["erasure"] == "spdi-2011"

    sample = tmp_path / "cases.csv"
    sample.write_text(
        "received,request_type,requester_name\n01/12/2026,erasure,Asha Example\n",
        encoding="utf-8",
    )
    assert main(["import", str(sample), "--register", str(register)]) == 0
    reference, _stored = _only_case(register)
    capsys.readouterr()
    assert main(["due", "--json", "--register", str(register)]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["reference"] == reference
    assert listed["policy"] == "spdi-2011"  # the default set through `settings`
    letter = tmp_path / "ack.pdf"
    args = ["letter", reference, "acknowledgement", "--output", str(letter)]
    assert main([*args, "--register", str(register)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(letter).pages)
    assert "Test Officer" in text and "Example Widgets" in text


def test_show_names_the_policy_that_applies_when_no_default_is_set(
    register: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["settings", "--register", str(register), "policy.member_state=DE"]) == 0
    capsys.readouterr()
    assert main(["settings", "--register", str(register)]) == 0
    out = capsys.readouterr().out
    assert "policy.member_state" in out and "DE" in out
    assert "policy.default.access" in out and "(not set: org-default" in out
    assert main(["settings", "--register", str(register), "policy.member_state="]) == 0
    capsys.readouterr()
    assert main(["settings", "--register", str(register), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["policy.member_state"] == ""


@pytest.mark.parametrize(
    ("pair", "says"),
    [
        ("policy.default.access=no-such-policy", "There is no policy 'no-such-policy'"),
        ("policy.default.sneezing=gdpr", "is not a setting"),
        ("policy.profile.jurisdictions=IN,XX", "XX is not a jurisdiction"),
        ("policy.profile.intermediary=maybe", "write yes or no"),
        ("policy.member_state=Atlantis", "is not a Member State calendar"),
        # the law (GDPR, one month) is stricter than CCPA's 45 days: refused, naming both
        ("policy.default.access=ccpa", "may be stricter than the law, never looser"),
        ("officer.timezone=Mars/Olympus", "not a time zone"),
    ],
)
def test_a_refused_policy_choice_saves_nothing_of_the_command(
    register: Path, pair: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["settings", "--register", str(register)]
    assert main([*base, "organisation.name=Kept Ltd", "policy.profile.jurisdictions=IN"]) == 0
    capsys.readouterr()
    changed = [
        "organisation.name=Lost",
        "policy.profile.jurisdictions=EU",
        "policy.default.erasure=gdpr",
        pair,
    ]
    assert main([*base, *changed]) == 1
    err = capsys.readouterr().err
    assert says in err and "othing was saved" in err, err
    assert main([*base, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["organisation.name"] == "Kept Ltd"
    assert shown["policy.profile.jurisdictions"] == "IN"
    assert shown["policy.default.erasure"] == ""


def test_a_default_policy_set_by_the_command_moves_the_stored_next_deadline(
    register: Path, tmp_path: Path
) -> None:
    """The lists (due, Today, the cases table) read each case's stored next deadline: a
    default changed from the terminal moves it in the same transaction, as the window does."""
    sample = tmp_path / "cases.csv"
    sample.write_text(
        "received,request_type,requester_name\n01/12/2026,erasure,Asha Example\n",
        encoding="utf-8",
    )
    assert main(["import", str(sample), "--register", str(register)]) == 0

    def stored() -> tuple[object, object]:
        with (
            Register.open(register, Unlock(passphrase=PASSPHRASE)) as opened,
            opened.reading() as session,
        ):
            ((due_at, kind),) = session.execute(select(Case.next_due_at, Case.next_due_kind)).all()
        return due_at, kind

    before = stored()
    assert before[1] == "acknowledge"  # the law's default (DPDP) asks for an acknowledgement
    settings = ["settings", "--register", str(register), "policy.default.erasure=gdpr"]
    assert main(settings) == 0
    after = stored()
    assert after != before and after[1] == "respond"  # GDPR: one month, no acknowledgement
