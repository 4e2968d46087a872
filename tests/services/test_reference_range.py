"""References are range-checked: an enormous number is refused at import with the line,
and a counter already at the limit says so instead of an OverflowError traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from grievance_desk.domain.reference import (
    MAX_SEQUENCE,
    ReferenceOutOfRange,
    format_reference,
    parse_reference,
)
from grievance_desk.services.cases import ReferencesExhausted, register_case
from grievance_desk.services.import_export import ImportRejected, import_file
from grievance_desk.storage.register import Register
from tests.conftest import NOW
from tests.support.drafts import make_draft

HEADER = "Ref No,Date Received,Complainant,Email ID,Type of Request,Mode,Status,Remarks\n"


def _csv(tmp_path: Path, reference: str) -> Path:
    source = tmp_path / "refs.csv"
    source.write_text(
        HEADER
        + ",20/11/2026,Test Person One,one@example.org,Access,Email,Open,fine\n"
        + f"{reference},20/11/2026,Test Person Two,two@example.org,Access,Email,Open,big\n",
        encoding="utf-8",
    )
    return source


def test_parse_refuses_a_number_beyond_the_limit() -> None:
    with pytest.raises(ReferenceOutOfRange, match="1 to 999,999,999"):
        parse_reference("GRV-2026-9223372036854775807")
    with pytest.raises(ReferenceOutOfRange):
        format_reference("GRV", 2026, MAX_SEQUENCE + 1)
    assert parse_reference(f"GRV-2026-{MAX_SEQUENCE}").sequence == MAX_SEQUENCE


def test_an_import_row_with_an_overflowing_reference_is_named(
    register: Register, tmp_path: Path
) -> None:
    with pytest.raises(ImportRejected) as rejected:
        import_file(register, _csv(tmp_path, "GRV-2026-9223372036854775807"), now=NOW)
    message = str(rejected.value)
    assert "Line 3, column 'Ref No': The number 9223372036854775807 is outside" in message
    assert "Clear the reference" in message
    # Nothing was saved, and new cases of the year still get numbers.
    assert register_case(register, make_draft(), now=NOW) == "GRV-2026-00001"


def test_a_counter_at_the_limit_says_so_instead_of_overflowing(
    register: Register, tmp_path: Path
) -> None:
    import_file(register, _csv(tmp_path, f"GRV-2026-{MAX_SEQUENCE}"), now=NOW)
    with pytest.raises(ReferencesExhausted, match="No new 2026 case can be numbered"):
        register_case(register, make_draft(), now=NOW)
    # A case of another year is still numbered.
    from datetime import UTC, datetime

    other = make_draft(received_at=datetime(2025, 6, 1, 10, 0, tzinfo=UTC))
    assert register_case(register, other, now=NOW) == "GRV-2025-00001"
