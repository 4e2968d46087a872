"""The letters tab's "Compose e-mail…" button: a draft in the officer's own mail client.

The issued letter's draft (``services.email_compose``) is written to a private temporary
folder (0700, the file 0600, removed when the window locks or the app quits) and handed to
the desktop, which opens it in the mail client. Where nothing opens an .eml, a ``mailto:``
link carries the address, subject and text, and the officer attaches the saved PDF. The app
sends nothing; once the officer confirms it went out, it is recorded on the case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton

from grievance_desk.services.clock import utc_now
from grievance_desk.services.email_compose import (
    LetterEmail,
    eml_bytes,
    letter_email,
    mailto_url,
    record_sent,
)
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.ops import Op
from grievance_desk.ui.private_files import PrivateFiles
from grievance_desk.ui.resources import icon

if TYPE_CHECKING:
    from grievance_desk.ui.letters_tab import LettersTab


class ComposeEmailButton(QPushButton):
    """Enabled for an issued letter; opens the draft, then asks whether it was sent."""

    def __init__(self, tab: LettersTab) -> None:
        super().__init__(icon("email"), tr("Compose e-mail…"), tab)
        self.tab = tab
        self.setObjectName("compose_email_button")
        self.setAccessibleName(tr("Compose e-mail"))
        self.setToolTip(
            tr(
                "Open a draft in your mail client: to the requester, with the subject, a covering "
                "note and the letter's PDF attached. Nothing is sent from here."
            )
        )
        self.clicked.connect(lambda _c=False: self.compose())
        self.last_mail: LetterEmail | None = None
        self.last_question: QMessageBox | None = None
        self.opened_with = ""  # "eml" or "mailto", for the status line and the tests
        self._own_files: PrivateFiles | None = None

    def _files(self) -> PrivateFiles:
        files = getattr(self.window(), "files", None)
        if isinstance(files, PrivateFiles):
            return files
        if self._own_files is None:
            self._own_files = PrivateFiles()
        return self._own_files

    def compose(self) -> None:
        letter = self.tab.current
        if letter is None or not letter.is_issued:
            return
        letter_id = letter.letter_id
        Op.on_register(
            self.tab.runner, lambda register: letter_email(register, letter_id), parent=self
        ).success(self._open).failure(
            lambda e: show_error(self, tr("No e-mail draft"), e)
        ).with_progress(tr("Preparing the e-mail…")).run_in_background()

    def _open(self, mail: LetterEmail) -> None:
        self.last_mail = mail
        name = f"{mail.reference}-letter-{mail.letter_id}.eml"
        try:
            path = self._files().write(name, eml_bytes(mail))
        except OSError as error:
            show_error(
                self,
                tr("No e-mail draft"),
                tr("The draft could not be written ({error}).").format(error=error),
            )
            return
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.opened_with = "eml"
            text = tr(
                "Your mail client shows a draft to {to_address} with {pdf_name} attached. "
                "Check it and send it from there."
            ).format(to_address=mail.to_address, pdf_name=mail.pdf_name)
        elif QDesktopServices.openUrl(QUrl(mailto_url(mail))):
            self.opened_with = "mailto"
            text = tr(
                "Your mail client shows a new message to {to_address}. A link cannot "
                "carry the PDF: attach it yourself (Save as PDF… writes {pdf_name})."
            ).format(to_address=mail.to_address, pdf_name=mail.pdf_name)
        else:
            show_error(
                self,
                tr("No mail client"),
                tr(
                    "No program on this computer opens e-mail drafts. Save the letter as PDF and "
                    "attach it to a message to {to_address} in your mail program."
                ).format(to_address=mail.to_address),
            )
            return
        self._ask_sent(mail, text)

    def _ask_sent(self, mail: LetterEmail, text: str) -> None:
        box = QMessageBox(self)
        box.setObjectName("email_sent_question")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Was the e-mail sent?"))
        box.setText(text)
        box.setInformativeText(
            tr(
                "Once you have sent it, record it here: the case's correspondence then shows the "
                "letter went out by e-mail, and when."
            )
        )
        record = box.addButton(tr("Record as sent"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Not sent"), QMessageBox.ButtonRole.RejectRole)
        record.setObjectName("record_as_sent")
        record.clicked.connect(lambda _c=False: self._record(mail))
        self.last_question = box
        box.open()

    def _record(self, mail: LetterEmail) -> None:
        now = utc_now()
        window = self.window()

        def done(_item: object) -> None:
            bar = getattr(window, "statusBar", None)
            if callable(bar):
                bar().showMessage(
                    tr("Recorded: letter e-mailed to {to_address}.").format(
                        to_address=mail.to_address
                    ),
                    8000,
                )
            self.tab.sig_case_changed.emit()

        Op.on_register(
            self.tab.runner,
            lambda register: record_sent(register, mail, at=now, now=now),
            parent=self,
        ).success(done).failure(lambda e: show_error(self, tr("Not recorded"), e)).changes(
            self.tab.letter_changes()
        ).with_progress(tr("Recording the e-mail…")).run_in_background()
