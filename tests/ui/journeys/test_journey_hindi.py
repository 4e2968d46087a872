"""Journey: a Hindi e-mail answered in Hindi from a Hindi window (issue 17, "done when").

The window is in Hindi; the officer takes a Hindi e-mail in with "From e-mail…", confirms the
proposed reply language, issues the acknowledgement and the access response, and each issued
PDF extracts to exactly what was typed ("अनिता शर्मा"), read back with pypdf and, where
poppler is installed, with ``pdftotext``. Every step is a click, a key or typing; the buttons
are found by their Hindi text.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from grievance_desk.domain.case_types import RequestType
from grievance_desk.domain.workflow import Status
from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_integrity import letter_pdf
from grievance_desk.services.letter_records import list_letters
from grievance_desk.services.reply_language import get_reply_language
from grievance_desk.storage.register import Register
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.main_window import MainWindow
from tests.ui.conftest import settle
from tests.ui.journeys.conftest import answer_box, click, when_modal
from tests.ui.journeys.helpers import answer_file_dialog, case_file, choose, type_into

NAME = "अनिता शर्मा"


def _hindi_email(folder: Path) -> Path:
    message = EmailMessage()
    message["From"] = f"{NAME} <anita.test@example.org>"
    message["To"] = "privacy@example.com"
    message["Subject"] = "मेरे व्यक्तिगत डेटा की प्रति"
    message["Date"] = format_datetime(utc_now() - timedelta(hours=3))
    message.set_content(
        "नमस्ते,\n\nकृपया मेरे खाते का सारा व्यक्तिगत डेटा और उसके उपयोग का विवरण मुझे भेजें।\n\n"
        f"{NAME}\n(यह एक काल्पनिक परीक्षण संदेश है।)"
    )
    path = folder / "anita.eml"
    path.write_bytes(bytes(message))
    return path


def _choose_data(qtbot, combo: QComboBox, value: str) -> None:  # type: ignore[no-untyped-def]
    """Pick the item holding ``value`` by typing its visible (Hindi) text, as the officer does."""
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is not offered"
    choose(qtbot, combo, combo.itemText(index))
    assert combo.currentData() == value, combo.currentText()


def _new_letter(qtbot, window: MainWindow, template_id: str, fields: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    letters = case_file(window).letters
    click(qtbot, letters.new_button)
    dialog = letters.last_dialog
    qtbot.waitUntil(lambda: bool(dialog.template_ids()), timeout=10_000)
    if template_id not in dialog.template_ids():
        click(qtbot, dialog.show_all)
    qtbot.waitUntil(lambda: template_id in dialog.template_ids(), timeout=10_000)
    item = dialog.templates.item(dialog.template_ids().index(template_id))
    dialog.templates.scrollToItem(item)
    qtbot.mouseClick(
        dialog.templates.viewport(),
        __import__("PySide6").QtCore.Qt.MouseButton.LeftButton,
        pos=dialog.templates.visualItemRect(item).center(),
    )
    assert dialog.template is not None and dialog.template.id == template_id
    qtbot.waitUntil(lambda: all(name in dialog.inputs for name in fields), timeout=10_000)
    assert dialog.language.combo.currentData() == "hi", "the case's reply language is offered"
    for name, text in fields.items():
        type_into(qtbot, dialog.inputs[name], text)
    if os.environ.get("GD_GRAB_DIR"):  # to look at: GD_GRAB_DIR=/tmp/shots pytest …
        dialog.grab().save(f"{os.environ['GD_GRAB_DIR']}/hindi-{template_id}.png")
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.drafted is not None or bool(dialog.error.text()), timeout=10_000)
    assert dialog.drafted is not None, dialog.error.text()


def _issue(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    letters = case_file(window).letters
    qtbot.waitUntil(lambda: letters.issue_button.isEnabled(), timeout=10_000)
    issued_before = letters.last_issued
    confirmed = when_modal(answer_box(qtbot, tr("Issue the letter")))
    click(qtbot, letters.issue_button)
    qtbot.waitUntil(lambda: bool(confirmed), timeout=10_000)
    answered = when_modal(answer_box(qtbot, tr("Do it now")))
    qtbot.waitUntil(lambda: bool(answered), timeout=10_000)
    qtbot.waitUntil(lambda: letters.last_issued is not issued_before, timeout=10_000)


def _extracted(pdf: bytes, tmp_path: Path) -> list[str]:
    """The issued PDF's text as pypdf and (when installed) pdftotext read it, spaces squeezed."""
    texts = ["".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)]
    tool = shutil.which("pdftotext")
    if tool is not None:
        path = tmp_path / "letter.pdf"
        path.write_bytes(pdf)
        done = subprocess.run(
            [tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
        )
        texts.append(done.stdout.decode("utf-8"))
    return [" ".join(text.split()) for text in texts]


def test_a_hindi_email_is_answered_in_hindi_from_the_hindi_window(  # type: ignore[no-untyped-def]
    hindi, qtbot, runner, desk: MainWindow, office_register: Register, tmp_path: Path
) -> None:
    window = desk
    assert window.import_action.text() != "From e-mail…", "the window is in Hindi"

    picked = when_modal(answer_file_dialog(qtbot, [_hindi_email(tmp_path)]))
    window.import_action.trigger()
    assert picked, "the file dialog was shown"
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=10_000)
    dialog = window.last_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog.form.name.text() == NAME
    _choose_data(qtbot, dialog.form.request_type, RequestType.ACCESS.value)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    cf = case_file(window)
    qtbot.waitUntil(lambda: cf.reference is not None, timeout=15_000)
    reference = cf.reference
    assert reference is not None
    settle(qtbot, runner)

    # Hindi is proposed from the e-mail's script; the officer confirms it and saves.
    combo = cf.form.reply_language
    qtbot.waitUntil(lambda: combo.count() > 0, timeout=10_000)
    assert combo.currentData() is None, "proposed, not yet confirmed"
    _choose_data(qtbot, combo, "hi")
    click(qtbot, cf.save_button)
    qtbot.waitUntil(
        lambda: runner.call(lambda: get_reply_language(office_register, reference).confirmed),
        timeout=10_000,
    )

    cf.tabs.setCurrentWidget(cf.letters)
    _new_letter(qtbot, window, "acknowledgement", {})
    _issue(qtbot, window)
    qtbot.waitUntil(lambda: cf.badge.text() == tr(Status.ACKNOWLEDGED.label), timeout=10_000)
    _new_letter(
        qtbot,
        window,
        "access_response",
        {
            "letter.data_summary": "नाम, ई-मेल पता और बिलिंग इतिहास (परीक्षण)",
            "letter.processing_activities": "खाता चलाना और बिल बनाना (परीक्षण)",
            "letter.recipients": "भुगतान प्रसंस्करणकर्ता: केवल बिलिंग विवरण (परीक्षण)",
        },
    )
    _issue(qtbot, window)
    qtbot.waitUntil(lambda: cf.badge.text() == tr(Status.RESPONSE_SENT.label), timeout=10_000)

    letters = runner.call(lambda: list_letters(office_register, reference))
    issued = [letter for letter in letters if letter.is_issued]
    assert [letter.template_id for letter in issued] == ["acknowledgement", "access_response"]
    for letter in issued:
        assert "@hi-" in letter.template_version, letter.template_version
        pdf = runner.call(lambda lid=letter.letter_id: letter_pdf(office_register, lid))
        if os.environ.get("GD_GRAB_DIR"):
            Path(os.environ["GD_GRAB_DIR"], f"hindi-{letter.template_id}.pdf").write_bytes(pdf)
        for text in _extracted(pdf, tmp_path):
            assert NAME in text, text[:400]
            assert reference in text
