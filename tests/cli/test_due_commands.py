"""`due`, `calendar` and `extend` end to end through main(), on a real register file."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from grievance_desk import cli as cli_package
from grievance_desk.cli import due_commands, main
from grievance_desk.cli.common import UserError
from grievance_desk.cli.due_commands import own_policies_from_default_register, parse_within
from grievance_desk.domain.case_record import Requester
from grievance_desk.domain.workflow import Action
from grievance_desk.services.cases import change_status, register_case
from grievance_desk.services.policy_settings import copy_preset
from grievance_desk.storage.paths import REGISTER_ENV
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import PASSPHRASE
from tests.support.drafts import make_draft

IST = ZoneInfo("Asia/Kolkata")
NOW = datetime(2026, 2, 25, 10, 0, tzinfo=IST)

Run = Callable[..., tuple[int, str, str]]


def at(day: str, hour: int = 10) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), tzinfo=IST).replace(
        hour=hour
    )


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """main() with the due commands registered (once the lead wires them, nothing changes)."""
    original: Callable[[], list[ModuleType]] = cli_package._command_modules

    def modules() -> list[ModuleType]:
        found = original()
        return found if due_commands in found else [*found, due_commands]

    monkeypatch.setattr(cli_package, "_command_modules", modules)
    monkeypatch.setattr(due_commands, "utc_now", lambda: NOW.astimezone(UTC))
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("grievance_desk.cli.common._stdin_secret", None)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def filled(register: Register, register_path: Path) -> dict[str, str]:
    """Four org-default cases with known dates, then the register is closed for the CLI."""
    person = Requester(name="Zeta Fictional", email="zeta.fictional@example.org")
    refs = {}
    for name, received in (
        ("late", "2026-01-01"),  # respond by 01-31: 25 days overdue on 02-25
        ("later", "2026-01-10"),  # respond by 02-09: 16 days overdue
        ("soon", "2026-02-01"),  # respond by 03-03: 6 days left
        ("far", "2026-02-20"),  # respond by 03-22: 25 days left
    ):
        draft = make_draft(received_at=at(received), policy_id="org-default", requester=person)
        refs[name] = register_case(register, draft, now=at(received, 11))
        change_status(register, refs[name], Action.ACKNOWLEDGE, now=at(received, 12))
    gdpr = make_draft(received_at=at("2026-02-20"), policy_id="gdpr", requester=person)
    refs["gdpr"] = register_case(register, gdpr, now=at("2026-02-20", 11))
    dpdp = make_draft(received_at=at("2026-02-20"), policy_id="dpdp-2025", requester=person)
    refs["dpdp"] = register_case(register, dpdp, now=at("2026-02-20", 11))
    register.close()
    return refs


def test_parse_within() -> None:
    assert parse_within("14d") == timedelta(days=14)
    assert parse_within("2w") == timedelta(weeks=2)
    assert parse_within("36h") == timedelta(hours=36)
    assert parse_within(" 3D ") == timedelta(days=3)
    for bad in ("14", "d", "2 months", "-3d", "1.5d", ""):
        with pytest.raises(UserError, match="36h, 14d or 2w"):
            parse_within(bad)


def test_due_json_lists_overdue_first_then_nearest(
    cli: Run, filled: dict[str, str], register_path: Path
) -> None:
    code, out, err = cli("due", "--within", "14d", "--json", "--register", str(register_path))
    assert code == 0, err
    rows = json.loads(out)
    # The dpdp-2025 case cannot be worked out before 2027-05-13: a problem, listed first.
    assert [r["reference"] for r in rows] == [
        filled["dpdp"],
        filled["late"],
        filled["later"],
        filled["soon"],
    ]
    assert set(rows[1]) == {
        "reference",
        "status",
        "policy",
        "policy_label",
        "kind",
        "due",
        "due_date",
        "days_left",
        "overdue",
        "explanation",
        "problem",
    }
    assert [r["days_left"] for r in rows[1:]] == [-25, -16, 6]
    assert [r["overdue"] for r in rows[1:]] == [True, True, False]
    assert rows[1]["kind"] == "respond" and rows[1]["due_date"] == "2026-01-31"
    assert rows[1]["due"] == "2026-01-31T23:59:59.999999+05:30"
    assert rows[1]["policy"] == "org-default"
    assert rows[0]["problem"] and "no version is in force" in rows[0]["problem"]
    assert "Zeta" not in out and "example.org" not in out


def test_due_table_and_bad_within(
    cli: Run, filled: dict[str, str], register_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli("due", "--register", str(register_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["REFERENCE", "DEADLINE", "DUE", "DAYS", "LEFT", "POLICY"]
    assert lines[2].startswith(filled["late"]) and "OVERDUE" in lines[2]
    assert "2026-01-31" in lines[2] and " -25 " in lines[2]
    assert filled["far"] in out and filled["gdpr"] in out
    assert "6 cases, 2 overdue." in out
    assert "Zeta" not in out

    with pytest.raises(SystemExit) as exit_info:  # a usage mistake: argparse refuses it
        cli("due", "--within", "fortnight", "--register", str(register_path))
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "not a period" in err and "14d" in err


def test_calendar_parses_and_carries_references_only(
    cli: Run, filled: dict[str, str], register_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "deadlines.ics"
    code, out, err = cli("calendar", "--output", str(target), "--register", str(register_path))
    assert code == 0, err
    assert "Wrote" in out
    raw = target.read_bytes()
    assert target.stat().st_mode & 0o077 == 0
    calendar = Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    summaries = [str(e.get("summary")) for e in events]
    for name in ("late", "later", "soon", "far", "gdpr"):
        assert any(filled[name] in s for s in summaries)
    assert not any(filled["dpdp"] in s for s in summaries)
    assert all(e.walk("VALARM") for e in events)
    text = raw.decode("utf-8")
    assert "Zeta" not in text and "Fictional" not in text and "example.org" not in text

    code, out, _ = cli("calendar", "--register", str(register_path))
    assert code == 0
    assert out.startswith("BEGIN:VCALENDAR")


def test_extend_accepts_then_refuses_with_the_reason(
    cli: Run, filled: dict[str, str], register_path: Path
) -> None:
    code, out, err = cli(
        "extend", filled["gdpr"], "--reason", "Complex request (test)",
        "--register", str(register_path),
    )  # fmt: skip
    assert code == 0, err
    assert "extended under gdpr" in out
    code, _, err = cli(
        "extend", filled["gdpr"], "--reason", "Again (test)", "--register", str(register_path)
    )
    assert code == 1
    assert "allows at most 1 extension" in err
    code, _, err = cli(
        "extend", filled["soon"], "--reason", "Test", "--notice-sent", "yesterday",
        "--register", str(register_path),
    )  # fmt: skip
    assert code == 1 and "--notice-sent" in err
    code, _, err = cli(
        "extend", "GRV-2026-09999", "--reason", "x", "--register", str(register_path)
    )
    assert code == 4 and "no case GRV-2026-09999" in err  # not found


def test_own_policies_from_default_register(
    register: Register, register_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    copy_preset(register, "org-default", "acme-15-days", now=NOW)
    register.close()
    monkeypatch.setenv(REGISTER_ENV, str(register_path))
    monkeypatch.delenv("GRIEVANCE_DESK_PASSPHRASE", raising=False)
    # No way to unlock without asking: nothing, and no prompt.
    assert own_policies_from_default_register() == []
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    assert [p.id for p in own_policies_from_default_register()] == ["acme-15-days"]
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", "not the passphrase")
    assert own_policies_from_default_register() == []
    assert own_policies_from_default_register(tmp_path / "absent.db") == []
    # The register is not left locked.
    Register.open(register_path, Unlock(passphrase=PASSPHRASE)).close()


def test_due_table_shows_a_moment_with_its_time_and_a_whole_day_as_a_date(
    cli: Run, register: Register, register_path: Path
) -> None:
    """The deadline says what it is: IT Rules' 24-hour acknowledgement is a moment, org-default's
    30 days a whole day."""
    person = Requester(name="Eta Fictional", email="eta.fictional@example.org")
    hourly = make_draft(
        received_at=at("2026-02-25", 8), policy_id="it-rules-2021", requester=person
    )
    moment_ref = register_case(register, hourly, now=at("2026-02-25", 9))
    daily = make_draft(received_at=at("2026-02-20"), policy_id="org-default", requester=person)
    day_ref = register_case(register, daily, now=at("2026-02-20", 11))
    change_status(register, day_ref, Action.ACKNOWLEDGE, now=at("2026-02-20", 12))
    register.close()
    code, out, err = cli("due", "--register", str(register_path))
    assert code == 0, err
    lines = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert "acknowledge" in lines[moment_ref] and "2026-02-26 08:00" in lines[moment_ref]
    assert "2026-03-22" in lines[day_ref] and "23:59" not in lines[day_ref]
