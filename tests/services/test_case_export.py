"""Exporting the cases a list shows: its filter and order, owner-only, nothing left on failure."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

import pytest

from grievance_desk.domain.case_record import CaseDraft, Requester
from grievance_desk.domain.case_types import CaseKind, Channel, RequestType
from grievance_desk.services import case_export
from grievance_desk.services.case_export import export_list, listed_rows
from grievance_desk.services.case_queries import CaseFilter, SortKey
from grievance_desk.services.cases import register_case
from grievance_desk.services.spreadsheet_io import SpreadsheetError, read_rows
from grievance_desk.storage.register import Register
from tests.conftest import NOW


def _fill(register: Register) -> list[str]:
    references = []
    for n, kind in enumerate([RequestType.ERASURE, RequestType.ACCESS, RequestType.ERASURE]):
        draft = CaseDraft(
            kind=CaseKind.RIGHTS_REQUEST,
            request_type=kind,
            channel=Channel.EMAIL,
            received_at=NOW - timedelta(days=3 - n),
            requester=Requester(name=f"Test Person {n}", email=f"p{n}@example.org"),
        )
        references.append(register_case(register, draft, now=NOW))
    return references


def test_only_the_filtered_cases_in_the_lists_order(register: Register) -> None:
    refs = _fill(register)
    rows = list(
        listed_rows(
            register,
            CaseFilter(request_types=frozenset({RequestType.ERASURE})),
            sort=SortKey.REFERENCE,
            descending=True,
            now=NOW,
        )
    )
    assert [r["reference"] for r in rows] == [refs[2], refs[0]]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_file_is_owner_only_and_reimports(register: Register, tmp_path: Path, fmt: str) -> None:
    refs = _fill(register)
    target = tmp_path / f"cases.{fmt}"
    count = export_list(register, CaseFilter(), target, fmt, now=NOW)  # type: ignore[arg-type]
    assert count == 3
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(str(row["reference"]) for _line, row in read_rows(target)) == sorted(refs)


def test_a_failed_write_leaves_no_file(
    register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(register)

    def broken(*_args: object, **_kwargs: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(case_export, "write_csv", broken)
    target = tmp_path / "cases.csv"
    with pytest.raises(SpreadsheetError, match="No space left"):
        export_list(register, CaseFilter(), target, "csv", now=NOW)
    assert not target.exists()
