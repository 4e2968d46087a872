"""Opening an attachment: the copy's name comes from the sniffed type, programs are refused.

Issue 18 item 11 / issue 13: requester-chosen names ("invoice\u202efdp.exe", "scan.pdf.exe")
went to the operating system, which picks the program to run from the extension.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from grievance_desk.services.attachments import NotViewable, viewing_filename

PDF = b"%PDF-1.7\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("filename", "data", "expected"),
    [
        ("id-proof.pdf", PDF, "id-proof.pdf"),
        ("scan.pdf.exe", PDF, "scan_pdf.pdf"),  # a PDF named .exe opens as a PDF
        ("invoice\u202efdp.exe", PDF, "invoicefdp.pdf"),  # right-to-left override dropped
        ("photo.pdf", PNG, "photo.png"),
        ("notes.bat", b"echo hello\r\n", "notes.txt"),  # a script in text opens as text
        ("page.html", b"<html><script>x</script></html>", "page.txt"),
        ("mail.eml", b"From: a@example.org\r\nSubject: x\r\n\r\nbody", "mail.eml"),
        ("letter.zip", _zip("word/document.xml"), "letter.docx"),
        ("sheet.bin", _zip("xl/workbook.xml"), "sheet.xlsx"),
        ("../../etc/passwd", b"root:x:0:0\n", "passwd.txt"),
        ("\u202e.pdf", PDF, "attachment.pdf"),
    ],
)
def test_the_viewing_copy_is_named_by_its_bytes(filename: str, data: bytes, expected: str) -> None:
    assert viewing_filename(filename, data) == expected


@pytest.mark.parametrize(
    ("filename", "data", "what"),
    [
        ("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 60, "Windows program"),
        ("report\u202efdp.exe", b"MZ\x90\x00", "Windows program"),
        ("tool", b"\x7fELF\x02\x01\x01", "Linux program"),
        ("run.txt", b"#!/bin/sh\nrm -rf ~\n", "script"),
    ],
)
def test_programs_are_refused_with_a_message(filename: str, data: bytes, what: str) -> None:
    with pytest.raises(NotViewable) as caught:
        viewing_filename(filename, data)
    message = str(caught.value)
    assert what in message and "Save as" in message
    assert "\u202e" not in message


def test_an_unknown_binary_is_refused() -> None:
    with pytest.raises(NotViewable, match="not a kind of file"):
        viewing_filename("data.bin", b"\x00\x01\x02\x03" * 10)
