"""Hypothesis fuzzing of everything a person or a file can feed in, bounded in time.

For each input path: no crash (only the documented error classes), a clear message, and
nothing saved half-way (the case and audit-event counts are unchanged after an error).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import text

from grievance_desk.cli.deadline_commands import deadline_command
from grievance_desk.domain.case_record import InvalidCase, Requester
from grievance_desk.domain.row_columns import HeaderError
from grievance_desk.services.attachments import (
    EmptyAttachment,
    add_attachment,
    attachment_bytes,
)
from grievance_desk.services.cases import find_case, register_case
from grievance_desk.services.email_intake import EmailIntakeError, read_email_bytes
from grievance_desk.services.import_export import ImportRejected, import_file
from grievance_desk.services.letter_templates import (
    LetterTemplateError,
    check_template,
    get_template,
    save_template_copy,
)
from grievance_desk.services.spreadsheet_io import SpreadsheetError
from grievance_desk.storage.errors import AttachmentTooLarge
from grievance_desk.storage.register import Register
from grievance_desk.storage.search import search_case_ids
from tests.conftest import NOW, PASSPHRASE
from tests.support.drafts import make_draft

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a person might paste: control characters, right-to-left scripts and marks, emoji,
# Devanagari, and now and then something very long.
TRICKY = st.sampled_from(
    [
        "\x00",
        "\x07",
        "\x1b[31m",
        "\u202e",  # right-to-left override
        "\u200f",
        "مرحبا بالعالم",
        "שלום",
        "😀👩‍👩‍👧",
        "श्रीमती अनन्या",
        "=cmd|' /C calc'!A0",
        "\r\n",
        '"',
        ",",
        ";",
        "{{ x }}",
        "<b>",
        "'; DROP TABLE grievance_case; --",
        "x" * 5000,
    ]
)
FUZZ_TEXT = st.lists(st.one_of(st.text(max_size=40), TRICKY), max_size=4).map("".join)


@pytest.fixture(scope="module")
def fuzz_register(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Register]:
    """One register for the whole module: hypothesis runs many examples against it."""
    path = tmp_path_factory.mktemp("fuzz") / "register.db"
    register, _recovery = Register.create(path, PASSPHRASE)
    yield register
    register.close()


def _counts(register: Register) -> tuple[int, int]:
    with register.reading() as session:
        cases = session.execute(text("SELECT count(*) FROM grievance_case")).scalar_one()
        events = session.execute(text("SELECT count(*) FROM audit_event")).scalar_one()
    return int(cases), int(events)


@contextlib.contextmanager
def _unchanged_on_error(register: Register, *errors: type[BaseException]) -> Iterator[None]:
    """Allow only the documented errors, each with a message, and check nothing was saved."""
    before = _counts(register)
    try:
        yield
    except errors as error:
        assert str(error).strip(), f"{type(error).__name__} without a message"
        assert _counts(register) == before, "an error left part of the work saved"


# --------------------------------------------------------------------------- case fields


@FUZZ
@given(
    name=FUZZ_TEXT,
    email=st.one_of(st.just(""), st.emails(), FUZZ_TEXT),
    phone=st.one_of(st.just(""), st.from_regex(r"\+?[0-9][0-9 ]{6,14}", fullmatch=True), FUZZ_TEXT),
    description=st.one_of(FUZZ_TEXT, st.just("d" * 20_001)),
    organisation=FUZZ_TEXT,
    address=FUZZ_TEXT,
)
def test_case_fields(
    fuzz_register: Register,
    name: str,
    email: str,
    phone: str,
    description: str,
    organisation: str,
    address: str,
) -> None:
    draft = make_draft(
        requester=Requester(
            name=name, email=email, phone=phone, postal_address=address, organisation=organisation
        ),
        description=description,
    )
    before = _counts(fuzz_register)
    with _unchanged_on_error(fuzz_register, InvalidCase):
        reference = register_case(fuzz_register, draft, now=NOW)
        assert _counts(fuzz_register) == (before[0] + 1, before[1] + 1)
        with fuzz_register.reading() as session:
            case, person = find_case(session, reference)
            assert case.description == description and person.name == name.strip()
            assert case.id in search_case_ids(session, reference)


# --------------------------------------------------------------------------- import


CSV_HEADER = ["Date Received", "Complainant", "Email ID", "Type of Request", "Mode", "Remarks"]
DATES = st.one_of(
    st.dates(min_value=datetime(2000, 1, 1).date(), max_value=datetime(2030, 1, 1).date()).map(str),
    FUZZ_TEXT,
)
TYPES = st.one_of(st.sampled_from(["access", "Erasure", "correction", "complaint"]), FUZZ_TEXT)
ROW = st.tuples(
    DATES, FUZZ_TEXT, FUZZ_TEXT, TYPES, st.sampled_from(["email", "post", ""]), FUZZ_TEXT
)


def _write_csv(path: Path, header: list[str], rows: list[tuple[str, ...]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))


@FUZZ
@given(rows=st.lists(ROW, min_size=1, max_size=4), header_noise=st.booleans())
def test_csv_import(
    fuzz_register: Register, tmp_path: Path, rows: list[tuple[str, ...]], header_noise: bool
) -> None:
    source = tmp_path / "fuzz.csv"
    header = [*CSV_HEADER[:-1], "Remarks\u202e"] if header_noise else CSV_HEADER
    _write_csv(source, header, rows)
    before = _counts(fuzz_register)
    with _unchanged_on_error(fuzz_register, ImportRejected, HeaderError, SpreadsheetError):
        report = import_file(fuzz_register, source, now=NOW)
        assert _counts(fuzz_register)[0] == before[0] + report.imported


@FUZZ
@given(data=st.binary(max_size=2000))
def test_csv_import_of_random_bytes(fuzz_register: Register, tmp_path: Path, data: bytes) -> None:
    source = tmp_path / "random.csv"
    source.write_bytes(data)
    with _unchanged_on_error(fuzz_register, ImportRejected, HeaderError, SpreadsheetError):
        import_file(fuzz_register, source, now=NOW)


@settings(FUZZ, max_examples=25)
@given(rows=st.lists(ROW, min_size=1, max_size=3))
def test_xlsx_import(fuzz_register: Register, tmp_path: Path, rows: list[tuple[str, ...]]) -> None:
    source = tmp_path / "fuzz.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(CSV_HEADER)
    for row in rows:  # Excel itself cannot hold these characters in a cell
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell)[:32_000] for cell in row])
    book.save(source)
    with _unchanged_on_error(fuzz_register, ImportRejected, HeaderError, SpreadsheetError):
        import_file(fuzz_register, source, now=NOW)


# --------------------------------------------------------------------------- e-mail intake


@FUZZ
@given(data=st.binary(max_size=4000), name=st.sampled_from(["m.eml", "m.msg", "m.EML"]))
def test_email_bytes(data: bytes, name: str) -> None:
    try:
        intake = read_email_bytes(name, data, now=NOW)
    except EmailIntakeError as error:
        assert str(error).strip()
        return
    assert intake.received_at.tzinfo is not None


def _raw_email(sender: str, address: str, subject: str, body: str, date: str | None) -> bytes:
    def one_line(value: str) -> str:
        return " ".join(value.splitlines())

    headers = [f"From: {one_line(sender)} <{one_line(address)}>", f"Subject: {one_line(subject)}"]
    if date is not None:
        headers.append(f"Date: {one_line(date)}")
    headers += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8"]
    return ("\r\n".join(headers) + "\r\n\r\n" + body).encode("utf-8", "surrogatepass")


@FUZZ
@given(
    sender=FUZZ_TEXT,
    address=st.one_of(st.emails(), FUZZ_TEXT),
    subject=FUZZ_TEXT,
    body=FUZZ_TEXT,
    date=st.one_of(st.just(None), st.just("Tue, 24 Nov 2026 10:00:00 +0530"), FUZZ_TEXT),
)
def test_email_messages_become_valid_drafts_or_clear_errors(
    fuzz_register: Register,
    sender: str,
    address: str,
    subject: str,
    body: str,
    date: str | None,
) -> None:
    raw = _raw_email(sender, address, subject, body, date)
    try:
        intake = read_email_bytes("fuzz.eml", raw, now=NOW)
    except EmailIntakeError as error:
        assert str(error).strip()
        return
    with _unchanged_on_error(fuzz_register, InvalidCase):
        register_case(fuzz_register, intake.draft, now=NOW)


def test_email_sender_that_crashes_the_stdlib_parser() -> None:
    """CPython's header parser raises AttributeError on this sender; intake must not."""
    raw = b"From: . <>\r\nSubject: test\r\n\r\nA fictitious request.\r\n"
    intake = read_email_bytes("odd.eml", raw, now=NOW)
    assert "A fictitious request." in intake.draft.description


# --------------------------------------------------------------------------- attachments


@pytest.fixture(scope="module")
def fuzz_reference(fuzz_register: Register) -> str:
    return register_case(fuzz_register, make_draft(), now=NOW)


@FUZZ
@given(
    filename=st.one_of(
        FUZZ_TEXT.filter(bool), st.sampled_from(["scan.pdf", "photo.jpg", "x.exe", "a.eml"])
    ),
    data=st.one_of(
        st.binary(max_size=3000),
        st.sampled_from([b"%PDF-1.7 test", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04zip", b"MZ\x90"]),
    ),
    purpose=st.sampled_from(["evidence", "identity_proof", "email", "bogus"]),
)
def test_attachments(
    fuzz_register: Register, fuzz_reference: str, filename: str, data: bytes, purpose: str
) -> None:
    with _unchanged_on_error(fuzz_register, EmptyAttachment, AttachmentTooLarge, ValueError):
        info = add_attachment(
            fuzz_register, fuzz_reference, filename, data, now=NOW, purpose=purpose
        )
        assert attachment_bytes(fuzz_register, info.id)[1] == data
        if data.startswith(b"%PDF-"):
            assert info.media_type == "application/pdf"  # the bytes decide, not the name


def test_attachment_limits(fuzz_register: Register, fuzz_reference: str) -> None:
    before = _counts(fuzz_register)
    with pytest.raises(EmptyAttachment, match="0 bytes"):
        add_attachment(fuzz_register, fuzz_reference, "empty.pdf", b"", now=NOW)
    with pytest.raises(AttachmentTooLarge):
        add_attachment(
            fuzz_register, fuzz_reference, "big.pdf", b"%PDF-" + bytes(50_000_000 - 4), now=NOW
        )
    assert _counts(fuzz_register) == before
    info = add_attachment(
        fuzz_register, fuzz_reference, "scan.docx", b"%PDF-1.4 really a pdf", now=NOW
    )
    assert info.media_type == "application/pdf"


# --------------------------------------------------------------------------- letter templates

ESCAPES = st.sampled_from(
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ requester.name.__class__ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ lipsum.__globals__ }}",
        "{% include '/etc/passwd' %}",
        "{% import 'os' as os %}",
        "{{ self._TemplateReference__context }}",
        "{{ config }}",
        "{% for x in range(10**9) %}{% endfor %}",
        "{{ case.reference|attr('__class__') }}",
        "{{",
        "{% if %}",
        "{% endfor %}",
        "{{ case.reference }",
        "{# unterminated",
        "{{ no_such.field }}",
        "{{ case.reference }}",
        "{{ requester.name }}",
    ]
)


@FUZZ
@given(parts=st.lists(st.one_of(ESCAPES, FUZZ_TEXT), min_size=1, max_size=5))
def test_letter_templates(fuzz_register: Register, parts: list[str]) -> None:
    body = "\n".join(parts)
    with fuzz_register.reading() as session:
        base = get_template(session, "acknowledgement")
    from dataclasses import replace

    problems = check_template(replace(base, body=body, shipped=False))
    assert all(p.message.strip() for p in problems)
    before = _counts(fuzz_register)
    try:
        saved = save_template_copy(
            fuzz_register,
            "acknowledgement",
            now=NOW,
            subject=base.subject,
            salutation=base.salutation,
            body=body,
            closing=base.closing,
        )
    except LetterTemplateError as error:
        assert str(error).strip() and _counts(fuzz_register) == before
        assert [p for p in problems if p.kind != "missing_content"]
        return
    assert saved.body == body
    assert not [p for p in problems if p.kind != "missing_content"]


# --------------------------------------------------------------------------- deadline calculator


@FUZZ
@given(
    policy=st.one_of(st.sampled_from(["dpdp-2023", "uk-gdpr", "eu-gdpr", "ccpa"]), FUZZ_TEXT),
    received=st.one_of(
        st.datetimes(
            min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
        ).map(lambda d: d.isoformat(timespec="minutes")),
        FUZZ_TEXT,
    ),
    clock_starts=st.one_of(st.none(), FUZZ_TEXT, st.just("2026-02-30")),
    pauses=st.lists(
        st.one_of(FUZZ_TEXT, st.just("2026-01-10:2026-01-01"), st.just("2026-01-01:")),
        max_size=3,
    ),
    extend=st.booleans(),
    tz=st.one_of(st.sampled_from(["Asia/Kolkata", "Europe/London", "UTC"]), FUZZ_TEXT),
    as_of=st.one_of(st.none(), FUZZ_TEXT, st.just("9999-12-31")),
    as_json=st.booleans(),
)
def test_deadline_calculator(
    policy: str,
    received: str,
    clock_starts: str | None,
    pauses: list[str],
    extend: bool,
    tz: str,
    as_of: str | None,
    as_json: bool,
) -> None:
    args = argparse.Namespace(
        policy=policy,
        received=received,
        clock_starts=clock_starts,
        pause=pauses,
        extend=extend,
        tz=tz,
        as_of=as_of,
        json=as_json,
    )
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = deadline_command(args)
    assert code in (0, 1)
    if code:
        assert err.getvalue().startswith("grievance-desk: error: ") and out.getvalue() == ""
    else:
        assert out.getvalue()


@pytest.mark.parametrize("name", ["Asia", "x" * 300])
def test_time_zone_that_is_a_folder_or_too_long(name: str) -> None:
    args = argparse.Namespace(
        policy="dpdp-2023", received="2026-01-05", clock_starts=None, pause=[], extend=False,
        tz=name, as_of=None, json=False,
    )  # fmt: skip
    with contextlib.redirect_stderr(io.StringIO()):
        assert deadline_command(args) == 1


def test_fuzz_register_still_verifies(fuzz_register: Register) -> None:
    from grievance_desk.services.integrity import verify_register

    report = verify_register(fuzz_register)
    assert report.ok, report.lines()
