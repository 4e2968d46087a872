"""The ``report`` command through its own parser: formats, files, periods and bad input."""

from __future__ import annotations

import argparse
import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from grievance_desk.cli import report_commands
from grievance_desk.cli.common import UserError
from grievance_desk.domain.case_types import Outcome
from grievance_desk.services.cases import register_case
from grievance_desk.storage.register import Register
from tests.conftest import PASSPHRASE
from tests.support.closing import close_with_reply
from tests.support.drafts import make_draft

DEMO_NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="grievance-desk")
    report_commands.add_parsers(top.add_subparsers(dest="command"))
    return top


@pytest.fixture(scope="module")
def demo_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "register.db"
    register, _recovery = Register.create(path, PASSPHRASE)
    try:
        for day in range(1, 29, 3):
            received = datetime(2026, 10, day, 6, 0, tzinfo=UTC)
            ref = register_case(register, make_draft(received_at=received), now=received)
            if day % 2:
                close_with_reply(
                    register, ref, now=received.replace(day=day + 2), outcome=Outcome.FULFILLED
                )
    finally:
        register.close()
    return path


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("grievance_desk.cli.common._stdin_secret", None)
    monkeypatch.setattr("grievance_desk.cli.report_commands.utc_now", lambda: DEMO_NOW)
    return None


def call(*argv: str) -> int:
    args = parser().parse_args(list(argv))
    result: int = args.func(args)
    return result


@pytest.mark.usefixtures("run")
def test_every_format_to_a_file(demo_register: Path, tmp_path: Path) -> None:
    outputs = {}
    for fmt in ("pdf", "csv", "xlsx", "json"):
        target = tmp_path / f"october.{fmt}"
        assert call("report", "--register", str(demo_register), "--month", "2026-10",
                    "--format", fmt, "--output", str(target)) == 0  # fmt: skip
        outputs[fmt] = target.read_bytes()
        assert target.stat().st_mode & 0o077 == 0
    assert outputs["pdf"].startswith(b"%PDF")
    data = json.loads(outputs["json"])
    assert data["period"]["key"] == "2026-10"
    book = openpyxl.load_workbook(io.BytesIO(outputs["xlsx"]))
    summary = {r[0]: r[2] for r in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["received"] == data["headline"]["received"]["value"]
    assert f"2026-10,received,,{data['headline']['received']['value']}" in outputs["csv"].decode(
        "utf-8-sig"
    )
    for blob in (outputs["json"], outputs["csv"]):
        assert b"@example.org" not in blob and b"Test Person" not in blob


@pytest.mark.usefixtures("run")
def test_format_from_the_suffix_year_and_stdout(
    demo_register: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    target = tmp_path / "year.xlsx"
    assert call("report", "--register", str(demo_register), "--year", "2026",
                "--output", str(target)) == 0  # fmt: skip
    assert openpyxl.load_workbook(target)["Summary"]["C3"].value == "Year 2026"
    capsysbinary.readouterr()
    assert call("report", "--register", str(demo_register), "--month", "2026-10") == 0
    out = capsysbinary.readouterr().out
    assert json.loads(out)["period"]["label"] == "October 2026"


@pytest.mark.usefixtures("run")
def test_csv_keeps_its_bom_in_a_file_and_not_on_a_pipe(
    demo_register: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """Excel needs the BOM to read UTF-8; `report | cut` and other tools do not want it."""
    target = tmp_path / "october.csv"
    assert call("report", "--register", str(demo_register), "--month", "2026-10",
                "--output", str(target)) == 0  # fmt: skip
    assert target.read_bytes().startswith(b"\xef\xbb\xbfperiod")
    capsysbinary.readouterr()
    assert call("report", "--register", str(demo_register), "--month", "2026-10",
                "--format", "csv") == 0  # fmt: skip
    assert capsysbinary.readouterr().out.startswith(b"period")
    capsysbinary.readouterr()
    from grievance_desk.cli import main

    assert main(["export", "--register", str(demo_register), "--format", "csv"]) == 0
    piped = capsysbinary.readouterr().out
    assert piped.startswith(b"reference,") and b"\xef\xbb\xbf" not in piped


@pytest.mark.usefixtures("run")
def test_a_pdf_is_not_sent_to_a_terminal(
    demo_register: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(UserError, match=r"--output FILE\.pdf"):
        call("report", "--register", str(demo_register), "--format", "pdf")


@pytest.mark.usefixtures("run")
def test_a_month_not_yet_begun_is_a_clear_error(demo_register: Path) -> None:
    with pytest.raises(UserError, match="has not begun"):
        call("report", "--register", str(demo_register), "--month", "2027-03")


@pytest.mark.parametrize("bad", ["2026-13", "10-2026", "Oct 2026", "2026/10"])
def test_bad_month_text_names_the_format(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parser().parse_args(["report", "--month", bad])
    assert exit_info.value.code == 2
    assert "YYYY-MM" in capsys.readouterr().err


def test_month_and_year_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parser().parse_args(["report", "--month", "2026-10", "--year", "2026"])
    assert "not allowed with" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parser().parse_args(["report", "--year", "26"])
    assert "YYYY" in capsys.readouterr().err
