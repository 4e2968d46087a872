"""Files the window writes with personal data are owner-only (issue 13: letters were 0644)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from grievance_desk.documents.letter_pdf import (
    LetterDocument,
    Letterhead,
    SignatureBlock,
    render_letter_pdf,
)
from grievance_desk.ui.pdf_tools import print_pdf
from grievance_desk.ui.private_files import PrivateFiles, write_private

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _letter_pdf() -> bytes:
    return render_letter_pdf(
        LetterDocument(
            Letterhead("Example Org (TEST)"),
            "GRV-2026-00001",
            "1 December 2026",
            ("Test Person Alpha",),
            "Your request",
            "Dear Test Person Alpha,",
            "We received your request.",
            "Yours sincerely,",
            SignatureBlock("Test Officer"),
        )
    )


def test_write_private_creates_owner_only_and_tightens_an_existing_file(tmp_path: Path) -> None:
    fresh = write_private(tmp_path / "letter.pdf", b"%PDF-1.4 test")
    assert _mode(fresh) == 0o600
    old = tmp_path / "old.pdf"
    old.write_bytes(b"old")
    old.chmod(0o644)
    write_private(old, b"%PDF-1.4 new")
    assert _mode(old) == 0o600
    assert old.read_bytes() == b"%PDF-1.4 new"


def test_a_letter_printed_to_a_file_is_owner_only(app: QApplication, tmp_path: Path) -> None:
    previous = os.umask(0o022)
    os.umask(previous)
    try:
        os.umask(0o022)  # what a desktop session starts us with
        from grievance_desk.ui.main import application

        application()  # the app start sets the process's file mode mask
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        target = tmp_path / "printed.pdf"
        printer.setOutputFileName(str(target))
        assert print_pdf(_letter_pdf(), printer, max_dpi=72) == 1
        assert _mode(target) == 0o600
        assert len(PdfReader(target).pages) == 1
    finally:
        os.umask(previous)


def test_an_opened_attachment_copy_is_owner_only_and_removed(tmp_path: Path) -> None:
    files = PrivateFiles()
    path = files.write("scan.pdf", b"%PDF-1.4 x")
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    files.remove_all()
    assert not path.exists()
