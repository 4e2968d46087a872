"""The `deadline` calculator and `policies` listing, through a real argparse parser."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from grievance_desk.cli import deadline_commands
from grievance_desk.cli.deadline_commands import add_parsers
from grievance_desk.domain.policy import Policy
from grievance_desk.domain.policy_presets import ORG_DEFAULT, policy_ids


def build(own: Sequence[Policy] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grievance-desk")
    subparsers = parser.add_subparsers(dest="command")
    if own is None:
        add_parsers(subparsers)
    else:
        add_parsers(subparsers, own_policies=lambda: own)
    return parser


def run(argv: list[str], capsys: pytest.CaptureFixture[str], **kw: Any) -> tuple[int, str, str]:
    args = build(**kw).parse_args(argv)
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def run_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code, out, err = run([*argv, "--json"], capsys)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


@pytest.mark.parametrize(
    ("policy", "received", "respond_by"),
    [
        ("gdpr", "2025-01-31", "2025-02-28"),
        ("gdpr", "2025-08-31", "2025-09-30"),
        ("gdpr", "2025-03-05", "2025-04-07"),
        ("uk-gdpr", "2025-03-31", "2025-04-30"),
        ("dpdp-2025", "2027-05-13", "2027-08-11"),
        ("it-rules-2021", "2026-03-02T10:00", "2026-03-09"),
        ("it-rules-2021", "2026-02-10", "2026-02-25"),
        ("ccpa", "2026-03-02", "2026-04-16"),
    ],
)
def test_worked_examples_through_the_cli(
    policy: str, received: str, respond_by: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_json(["deadline", "--policy", policy, "--received", received], capsys)
    assert data["respond_by"] == f"{respond_by}T23:59:59.999999+05:30"
    assert set(data) >= {
        "acknowledge_by",
        "respond_by",
        "extension_notice_by",
        "extended_respond_by",
        "explanation",
    }
    assert all(isinstance(line, str) for line in data["explanation"])


def test_it_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        ["deadline", "--policy", "it-rules-2021", "--received", "2026-03-02 10:00"], capsys
    )
    assert data["acknowledge_by"] == "2026-03-03T10:00:00+05:30"
    assert data["extension_notice_by"] is None
    assert data["extended_respond_by"] is None


def test_ccpa_extend(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        ["deadline", "--policy", "ccpa", "--received", "2026-03-02", "--extend"], capsys
    )
    assert data["acknowledge_by"] == "2026-03-16T23:59:59.999999+05:30"
    assert data["respond_by"] == "2026-04-16T23:59:59.999999+05:30"
    assert data["extension_notice_by"] == "2026-04-16T23:59:59.999999+05:30"
    assert data["extended_respond_by"] == "2026-05-31T23:59:59.999999+05:30"


def test_pauses_are_repeatable_and_count_both_dates(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(
        [
            "deadline",
            "--policy",
            "gdpr",
            "--received",
            "2025-03-05",
            "--pause",
            "2025-03-10:2025-03-20",
            "--pause",
            "2025-03-25..2025-03-25",
        ],
        capsys,
    )
    assert data["respond_by"].startswith("2025-04-17")
    assert any("+11 days" in line for line in data["explanation"])


def test_open_pause_counts_to_as_of(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", "--policy", "gdpr", "--received", "2025-03-05"]
    data = run_json([*argv, "--pause", "2025-03-10:", "--as-of", "2025-03-20"], capsys)
    assert data["respond_by"].startswith("2025-04-16")


def test_clock_starts_moves_uk_gdpr(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", "--policy", "uk-gdpr", "--received", "2025-03-03"]
    data = run_json([*argv, "--clock-starts", "2025-03-10"], capsys)
    assert data["respond_by"].startswith("2025-04-10")


def test_tz_option_and_explicit_offsets(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", "--policy", "it-rules-2021", "--received", "2026-03-02T10:00"]
    data = run_json([*argv, "--tz", "Europe/London"], capsys)
    assert data["acknowledge_by"] == "2026-03-03T10:00:00+00:00"
    # An explicit offset wins over --tz for the moment; the days are still the officer's.
    late = ["deadline", "--policy", "it-rules-2021", "--received", "2026-03-01T23:30+00:00"]
    data = run_json(late, capsys)
    assert data["respond_by"] == "2026-03-09T23:59:59.999999+05:30"


def test_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["deadline", "--policy", "gdpr", "--received", "2025-03-05"], capsys)
    assert code == 0
    assert err == ""
    assert "Respond by:          2025-04-07 (end of day, IST)" in out
    assert "GDPR Art. 12(3)" in out
    assert "Saturday" in out


def test_human_output_shows_a_moment_and_a_whole_day(capsys: pytest.CaptureFixture[str]) -> None:
    """IT Rules: acknowledge within 24 hours (a moment), resolve within 7 days (a whole day)."""
    code, out, err = run(
        ["deadline", "--policy", "it-rules-2021", "--received", "2026-03-02 10:00"], capsys
    )
    assert code == 0, err
    assert "Acknowledge by:      2026-03-03 10:00 IST" in out
    assert "Respond by:          2026-03-09 (end of day, IST)" in out


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--policy", "gdrp", "--received", "2025-03-05"], "known policies: dpdp-2025"),
        (["--policy", "gdpr", "--received", "05/03/2025"], "YYYY-MM-DD"),
        (["--policy", "gdpr", "--received", "2025-02-30"], "YYYY-MM-DD"),
        (["--policy", "gdpr", "--received", "2025-03-05", "--tz", "Mars/Base"], "Asia/Kolkata"),
        (["--policy", "gdpr", "--received", "2025-03-05", "--pause", "2025-03-10"], "START:END"),
        (
            ["--policy", "gdpr", "--received", "2025-03-05", "--pause", "2025-03-20:2025-03-10"],
            "ends before it starts",
        ),
        (["--policy", "dpdp-2025", "--received", "2026-01-01"], "2027-05-13"),
        (["--policy", "lgpd", "--received", "2026-03-02", "--extend"], "allows no extension"),
        (["--policy", "it-rules-2021", "--received", "2026-03-02", "--extend"], "no extension"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_1(
    argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["deadline", *argv], capsys)
    assert code == 1
    assert out == ""
    assert needle in err
    assert err.count("\n") == 1


def test_unknown_policy_lists_every_id(capsys: pytest.CaptureFixture[str]) -> None:
    _code, _out, err = run(["deadline", "--policy", "nope", "--received", "2026-01-01"], capsys)
    for pid in policy_ids():
        assert pid in err


def test_missing_required_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        build().parse_args(["deadline", "--received", "2026-01-01"])
    assert caught.value.code == 2


def test_policies_lists_presets_with_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(["policies"], capsys)
    assert code == 0
    for pid in policy_ids():
        assert pid in out
    assert "source: GDPR Art. 12(3)" in out
    assert "it-rules-2021 (as amended 2026-02-20)" in out


def test_policies_json_includes_own_policies(capsys: pytest.CaptureFixture[str]) -> None:
    mine = replace(ORG_DEFAULT, id="acme-45", name="Acme", legal_source="Acme privacy notice §9")
    code, out, _err = run(["policies", "--json"], capsys, own=[mine])
    assert code == 0
    data = json.loads(out)
    origins = {(d["id"], d["origin"]) for d in data}
    assert ("acme-45", "own") in origins
    assert ("gdpr", "preset") in origins
    assert all(d["legal_source"] for d in data)


def test_module_exposes_add_parsers() -> None:
    assert callable(deadline_commands.add_parsers)


def test_explain_prints_the_calendar_and_pause_rules(capsys: pytest.CaptureFixture[str]) -> None:
    """Cal. Gov. Code §6700 holidays in the period; 11 CCR §7021(b): the clock runs."""
    code, out, _err = run(
        ["deadline", "--policy", "ccpa", "--received", "2026-11-20", "--explain"], capsys
    )
    assert code == 0
    assert "Cal. Gov. Code §6700" in out
    assert "2026-11-26 Thanksgiving Day" in out and "2026-11-27" not in out
    assert "identity: clock runs — 11 CCR §7021(b)" in out


def test_explain_uk_clarification_scope_and_member_state(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """UK GDPR Art 12A: clarification stops the clock for access only; Reg 1182/71 art 3(4)."""
    data = run_json(
        ["deadline", "--policy", "uk-gdpr", "--received", "2026-03-02", "--pause",
         "2026-03-10:2026-03-20", "--request-type", "access", "--explain", "--json"],
        capsys,
    )  # fmt: skip
    assert data["respond_by"].startswith("2026-04-13")
    assert any("clarification: clock stops (only access)" in line for line in
               data["calendar_and_pauses"])  # fmt: skip
    data = run_json(
        ["deadline", "--policy", "gdpr", "--received", "2026-03-03", "--member-state", "DE",
         "--explain", "--json"],
        capsys,
    )  # fmt: skip
    assert data["respond_by"].startswith("2026-04-07")
    code, _out, err = run(
        ["deadline", "--policy", "gdpr", "--received", "2026-03-03", "--member-state", "XX"],
        capsys,
    )
    assert code == 1 and "--member-state" in err


def test_policies_json_shows_routes_pauses_calendar_and_the_6700_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _err = run(["policies", "--json"], capsys)
    assert code == 0
    listing = json.loads(out)
    spdi = next(p for p in listing if p["id"] == "spdi-2011")
    assert spdi["in_force_until"] == "2027-05-13" and "s.44(2)" in spdi["in_force_note"]
    assert spdi["escalation"][0]["in_force_until"] == "2027-05-13"
    ccpa = next(p for p in listing if p["id"] == "ccpa")
    assert ccpa["pause_rules"][0]["effect"] == "runs"
    year = next(iter(ccpa["statutory_holidays"]))
    assert any(name == "Lincoln Day" for name in ccpa["statutory_holidays"][year].values())
    uk = [p for p in listing if p["id"] == "uk-gdpr"]
    assert any("Art 12A" in p["legal_source"] for p in uk)


@pytest.mark.parametrize(
    "extra",
    [
        ["--pause", "2026-03-05:", "--as-of", "9999-12-31"],  # an open pause up to year 9999
        ["--as-of", "0001-01-01"],
        ["--pause", "2026-03-05:9999-12-30"],
    ],
)
def test_a_year_far_outside_any_case_is_refused_not_a_crash(
    extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by the fuzz test: an open pause counted to 9999-12-31 overflowed the date type.
    code, out, err = run(
        ["deadline", "--policy", "gdpr", "--received", "2026-03-02", *extra], capsys
    )
    assert code == 1 and out == ""
    assert "outside the years 1900–2999" in err and "check the year" in err
