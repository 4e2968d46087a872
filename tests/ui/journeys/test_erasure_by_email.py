"""Journey 2: an e-mailed erasure request with an attachment, from the inbox to closing.

From e-mail… → identity proof requested (the clock stops) → proof attached → Resume →
Extend (reason, new date, the notice letter pre-filled; issuing it records the notice) →
erasure-done letter → response sent → Close. Every step is a click, a key or typing.
"""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidget

from grievance_desk.domain.case_types import IdentityState, Outcome
from grievance_desk.domain.workflow import Action, Status
from grievance_desk.services.cases import find_case
from grievance_desk.services.clock import utc_now
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Extension
from grievance_desk.ui.main_window import MainWindow
from tests.ui.conftest import settle
from tests.ui.journeys.conftest import answer_box, button_named, click, when_modal
from tests.ui.journeys.helpers import (
    answer_file_dialog,
    case_file,
    choose,
    click_item,
    press_action,
    type_into,
    wait_status,
)

REASON = "Your data sits in three separate systems that we must each check (test)."


def _email(folder: Path) -> Path:
    message = EmailMessage()
    message["From"] = "Test Person Gamma <gamma@example.org>"
    message["To"] = "privacy@example.com"
    message["Subject"] = "Please delete my account"
    message["Date"] = format_datetime(utc_now() - timedelta(hours=2))
    message.set_content("Please delete my account and all my data. (Fictitious test message.)")
    message.add_attachment(
        b"%PDF-1.4 fictitious form (test)", maintype="application", subtype="pdf",
        filename="erasure-form.pdf",
    )  # fmt: skip
    path = folder / "erasure.eml"
    path.write_bytes(bytes(message))
    return path


def _case(register: Register, reference: str):  # type: ignore[no-untyped-def]
    with register.reading() as session:
        case, _ = find_case(session, reference)
        extensions = session.query(Extension).filter(Extension.case_id == case.id).all()
        return case.status, case.identity_state, [(e.reason, e.notice_sent_at) for e in extensions]


def _new_letter(qtbot, window: MainWindow, title: str, fields: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    letters = case_file(window).letters
    click(qtbot, letters.new_button)
    dialog = letters.last_dialog
    qtbot.waitUntil(lambda: dialog.templates.count() > 0, timeout=10_000)
    if not dialog.templates.findItems(
        title, __import__("PySide6").QtCore.Qt.MatchFlag.MatchExactly
    ):
        click(qtbot, dialog.show_all)
    click_item(qtbot, dialog.templates, title)
    qtbot.waitUntil(lambda: "Loading" not in dialog.about.text(), timeout=10_000)
    for name, text in fields.items():
        type_into(qtbot, dialog.inputs[name], text)
    click(qtbot, dialog.create_button)
    qtbot.waitUntil(lambda: dialog.drafted is not None or bool(dialog.error.text()), timeout=10_000)
    assert dialog.drafted is not None, dialog.error.text()


def _issue(qtbot, window: MainWindow, next_step: str | None) -> None:  # type: ignore[no-untyped-def]
    letters = case_file(window).letters
    qtbot.waitUntil(lambda: letters.issue_button.isEnabled(), timeout=10_000)
    issued_before = letters.last_issued
    confirmed = when_modal(answer_box(qtbot, "Issue the letter"))
    click(qtbot, letters.issue_button)
    qtbot.waitUntil(lambda: bool(confirmed), timeout=10_000)
    if next_step is not None:
        answered = when_modal(answer_box(qtbot, next_step))
        qtbot.waitUntil(lambda: bool(answered), timeout=10_000)
    qtbot.waitUntil(lambda: letters.last_issued is not issued_before, timeout=10_000)


def test_erasure_request_by_email_to_closing(  # type: ignore[no-untyped-def]
    qtbot, runner, desk: MainWindow, office_register: Register, tmp_path: Path
) -> None:
    window = desk
    email = _email(tmp_path)

    # From e-mail… (toolbar): the file dialog is answered by typing the file's name.
    picked = when_modal(answer_file_dialog(qtbot, [email]))
    window.import_action.trigger()
    assert picked, "the file dialog was shown"
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=10_000)  # read on the worker
    dialog = window.last_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog.form.email.text() == "gamma@example.org"
    assert dialog.files.count() == 2, "the e-mail and its attachment are offered"
    choose(qtbot, dialog.form.request_type, "Erasure")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    cf = case_file(window)
    qtbot.waitUntil(lambda: cf.reference is not None, timeout=15_000)
    reference = cf.reference
    assert reference is not None
    settle(qtbot, runner)
    assert cf.tabs.tabText(3).startswith("Files (2)"), "the e-mail and its attachment are kept"

    # Identity proof requested: the clock stops.
    press_action(qtbot, window, Action.REQUEST_IDENTITY_PROOF)
    wait_status(qtbot, window, Status.AWAITING_IDENTITY_PROOF)
    assert cf.action_tools[Action.RESUME].isVisible()
    assert not cf.action_tools[Action.REOPEN].isVisible(), "Reopen is for closed cases only"
    assert cf.actions_flow.itemAt(0).widget() is cf.action_tools[Action.RESUME], "next first"
    texts = " ".join(w.text() for w in cf.deadlines.findChildren(QLabel))
    assert "clock is stopped" in texts
    assert _case(office_register, reference)[1] is IdentityState.PENDING

    # The proof arrives: attach it from the Files tab.
    proof = tmp_path / "passport-scan.pdf"
    proof.write_bytes(b"%PDF-1.4 fictitious identity document (test)")
    cf.tabs.setCurrentIndex(3)
    attached = when_modal(answer_file_dialog(qtbot, [proof]))
    click(qtbot, button_named(cf.tabs.currentWidget(), "Add"))
    assert attached
    qtbot.waitUntil(lambda: cf.tabs.tabText(3) == "Files (3)", timeout=10_000)

    # Resume.
    press_action(qtbot, window, Action.RESUME)
    wait_status(qtbot, window, Status.IN_PROGRESS)
    assert _case(office_register, reference)[1] is IdentityState.VERIFIED

    # Extend: reason, the new date shown before confirming, the policy's limit.
    seen: dict[str, str] = {}

    def extend(modal) -> None:  # type: ignore[no-untyped-def]
        seen["dates"] = modal.findChild(QLabel, "extend_dates").text()
        seen["limit"] = modal.findChild(QLabel, "extend_limit").text()
        type_into(qtbot, modal.reason, REASON)
        click(qtbot, button_named(modal, "Extend"))

    extended = when_modal(extend)
    click(qtbot, cf.extend_tool)
    qtbot.waitUntil(lambda: bool(extended), timeout=10_000)
    assert "Extended, respond by:" in seen["dates"]
    assert "at most 1 extension" in seen["limit"] and "0 granted" in seen["limit"]

    # The notice letter opens next, pre-filled with the reason.
    letters = cf.letters
    qtbot.waitUntil(lambda: getattr(letters, "last_dialog", None) is not None, timeout=10_000)
    notice = letters.last_dialog
    qtbot.waitUntil(lambda: "letter.extension_reasons" in notice.inputs, timeout=10_000)
    assert notice.template is not None and notice.template.id == "extension_notice"
    assert notice.inputs["letter.extension_reasons"].toPlainText() == REASON
    click(qtbot, notice.create_button)
    qtbot.waitUntil(lambda: notice.drafted is not None, timeout=10_000)
    _issue(qtbot, window, next_step=None)  # no offer to record the extension again
    settle(qtbot, runner)
    (only,) = _case(office_register, reference)[2]
    assert only[0] == REASON and only[1] is not None, "the notice is recorded as sent"

    assert not cf.extend_tool.isVisible(), "the policy allows one extension: Extend is gone"

    # The original deadline reads "extended to …", never "met".
    cf.tabs.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: any("extended to" in w.text() for w in cf.deadlines.findChildren(QLabel)),
        timeout=10_000,
    )
    assert not [w for w in cf.deadlines.findChildren(QLabel) if w.text() == "met"]

    # The erasure-done letter, then "Mark the response sent" when offered.
    cf.tabs.setCurrentWidget(letters)
    _new_letter(
        qtbot,
        window,
        "Erasure done",
        {
            "letter.data_erased": "Your account, profile and order history (test).",
            "letter.data_retained": "Invoices, kept 8 years under the tax law (test).",
        },
    )
    _issue(qtbot, window, next_step="Do it now")
    wait_status(qtbot, window, Status.RESPONSE_SENT)
    assert cf.actions_flow.itemAt(0).widget() is cf.action_tools[Action.CLOSE], "next first"

    # Close: fulfilled, nothing missing.
    def close(modal) -> None:  # type: ignore[no-untyped-def]
        choose(qtbot, modal.outcome, Outcome.FULFILLED.label)
        qtbot.waitUntil(lambda: modal.ok_button.isEnabled(), timeout=10_000)
        assert modal.problems == []
        click(qtbot, modal.ok_button)

    closed = when_modal(close)
    press_action(qtbot, window, Action.CLOSE)
    assert closed
    wait_status(qtbot, window, Status.CLOSED)
    assert cf.action_tools[Action.REOPEN].isVisible()
    assert not cf.extend_tool.isVisible()
    assert isinstance(letters.last_dialog.templates, QListWidget)
