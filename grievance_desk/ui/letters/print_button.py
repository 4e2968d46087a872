""" "Print…": the print dialog for the letter on screen, printed from the PDF in memory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QPushButton

from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.letters.buttons import style_action_button
from grievance_desk.ui.pdf_tools import print_pdf
from grievance_desk.ui.resources import icon

if TYPE_CHECKING:
    from grievance_desk.ui.letters_tab import LettersTab


class PrintButton(QPushButton):
    """Enabled once the letter's preview is laid out (Ctrl+P does the same)."""

    def __init__(self, tab: LettersTab) -> None:
        super().__init__(icon("print"), tr("Print…"), tab)
        style_action_button(self, tr("Print the letter (Ctrl+P)"), tr("Print…"))
        self.tab = tab
        self.clicked.connect(lambda _c=False: self.print_letter())

    def make_printer(self) -> QPrinter:
        """An A4 portrait printer named after the case and letter."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        case, letter = self.tab.case, self.tab.current
        if case is not None and letter is not None:
            printer.setDocName(f"{case.reference} letter {letter.letter_id}")
        return printer

    def print_letter(self) -> None:
        """The print dialog for the letter on screen."""
        if self.tab.current is None or self.tab.pdf_bytes is None:
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self.tab)
        dialog.setWindowTitle(tr("Print letter"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the previewed letter on ``printer``; returns the pages printed (0 on error)."""
        data = self.tab.pdf_bytes
        if data is None:
            return 0
        try:
            return print_pdf(data, printer)
        except ValueError as error:
            show_error(self.tab, tr("Not printed"), error)
            return 0
