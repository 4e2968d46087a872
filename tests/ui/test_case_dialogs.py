"""The case dialogs, pressed as the officer presses them: close, extend, reopen.

Closing and extending ask the real services about a real (fictitious) case in a register
in tmp_path: what closing still needs, and what an extension would give.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QMessageBox, QWidget

from grievance_desk.domain.case_types import Channel, Outcome, RefusalGround
from grievance_desk.domain.workflow import Action
from grievance_desk.services.cases import change_status, closing_problems_for, register_case
from grievance_desk.services.correspondence import record_correspondence
from grievance_desk.services.extensions import extension_preview
from grievance_desk.storage.register import Register
from grievance_desk.ui.case_dialogs import CloseCaseDialog, ExtendDialog, confirm_reopen
from tests.conftest import NOW
from tests.support.drafts import make_draft
from tests.ui.journeys.conftest import button_named, click, when_modal
from tests.ui.journeys.helpers import choose, type_into


def _indicator(box: QCheckBox) -> QPoint:
    """Where the tick box is drawn (a wide check box takes clicks only on its box and text)."""
    return QPoint(8, box.height() // 2)


def _close_dialog(qtbot, register: Register, reference: str) -> CloseCaseDialog:  # type: ignore[no-untyped-def]
    def check(outcome, grounds, done) -> None:  # type: ignore[no-untyped-def]
        done(closing_problems_for(register, reference, outcome=outcome, refusal_grounds=grounds))

    dialog = CloseCaseDialog(reference, check=check)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _responded(register: Register) -> str:
    reference = register_case(register, make_draft(), now=NOW)
    for step, action in enumerate(
        (Action.ACKNOWLEDGE, Action.START_WORK, Action.SEND_RESPONSE), start=1
    ):
        change_status(register, reference, action, now=NOW + timedelta(hours=step))
    record_correspondence(
        register,
        reference,
        direction="out",
        channel=Channel.EMAIL,
        at=NOW + timedelta(hours=4),
        now=NOW + timedelta(hours=4),
        subject="Your request (test)",
    )
    return reference


def test_refusing_needs_grounds_before_close_case_is_enabled(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    reference = _responded(register)
    dialog = _close_dialog(qtbot, register, reference)
    assert not dialog.grounds_box.isVisible()

    choose(qtbot, dialog.outcome, Outcome.REFUSED.label)
    assert dialog.grounds_box.isVisible()
    assert not dialog.ok_button.isEnabled()
    assert "grounds for refusal" in dialog.missing.text()

    box = dialog.grounds[RefusalGround.LEGAL_DUTY_TO_RETAIN]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=_indicator(box))
    assert box.isChecked()
    assert "grounds for refusal" not in dialog.missing.text()
    assert dialog.problems == []
    assert dialog.ok_button.isEnabled()

    type_into(qtbot, dialog.note, "Closed in a test.")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_outcome() is Outcome.REFUSED
    assert dialog.chosen_grounds() == [RefusalGround.LEGAL_DUTY_TO_RETAIN]
    assert dialog.note.toPlainText() == "Closed in a test."


def test_leaving_a_refusal_unticks_its_grounds(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    reference = _responded(register)
    dialog = _close_dialog(qtbot, register, reference)
    choose(qtbot, dialog.outcome, Outcome.REFUSED.label)
    box = dialog.grounds[RefusalGround.LEGAL_PRIVILEGE]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=_indicator(box))
    choose(qtbot, dialog.outcome, Outcome.WITHDRAWN.label)
    assert not dialog.grounds_box.isVisible()
    assert dialog.chosen_grounds() == []


def test_closing_before_the_reply_lists_what_is_missing(qtbot, register: Register) -> None:  # type: ignore[no-untyped-def]
    reference = register_case(register, make_draft(), now=NOW)
    dialog = _close_dialog(qtbot, register, reference)
    choose(qtbot, dialog.outcome, Outcome.FULFILLED.label)
    assert dialog.problems
    assert dialog.missing.text().startswith("Before closing:")
    assert not dialog.ok_button.isEnabled()
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    click(qtbot, cancel)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_extend_waits_for_a_reason_and_already_sent_unticks_the_letter(
    qtbot, register: Register
) -> None:  # type: ignore[no-untyped-def]
    reference = register_case(register, make_draft(), now=NOW)
    preview = extension_preview(register, reference, now=NOW + timedelta(days=1))
    dialog = ExtendDialog(reference, preview)
    qtbot.addWidget(dialog)
    dialog.show()
    extend = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dates = dialog.findChild(QWidget, "extend_dates")
    assert dates is not None and "Respond by now" in dates.text()  # type: ignore[attr-defined]
    assert preview.refusal is None  # the DPDP default allows one extension
    assert "Extended, respond by" in dates.text()  # type: ignore[attr-defined]
    assert not extend.isEnabled()
    assert dialog.write_notice.isChecked()

    type_into(qtbot, dialog.reason, "The records sit in three systems (test).")
    assert extend.isEnabled()
    sent = dialog.notice_sent
    qtbot.mouseClick(sent, Qt.MouseButton.LeftButton, pos=_indicator(sent))
    assert sent.isChecked() and not dialog.write_notice.isChecked()
    click(qtbot, extend)
    assert dialog.result() == QDialog.DialogCode.Accepted


def _answer(qtbot, text: str, shown: list[list[str]]):  # type: ignore[no-untyped-def]
    """Press the question's button named ``text``; note every button's text, default first."""

    def handler(modal: QWidget) -> None:
        assert isinstance(modal, QMessageBox)
        default = modal.defaultButton()
        shown.append([default.text() if default else ""] + [b.text() for b in modal.buttons()])
        click(qtbot, button_named(modal, text))

    return handler


def test_reopen_asks_first_and_keeping_it_closed_is_the_default(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[list[str]] = []
    seen = when_modal(_answer(qtbot, "Keep it closed", shown))
    assert confirm_reopen(parent, "GD-2026-0001") is False
    assert seen and "new response deadline" in seen[0].text()
    assert shown[0][0] == "Keep it closed"
    assert sorted(shown[0][1:]) == ["Keep it closed", "Reopen the case"]
    seen = when_modal(_answer(qtbot, "Reopen the case", shown))
    assert confirm_reopen(parent, "GD-2026-0001") is True
    assert seen


def test_escape_keeps_the_case_closed(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = when_modal(lambda modal: qtbot.keyClick(modal, Qt.Key.Key_Escape))
    assert confirm_reopen(parent, "GD-2026-0001") is False
    assert seen


def test_the_reopen_question_is_answered_in_hindi(hindi, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Qt ships no Hindi Yes/No: the buttons are our own texts, pressed by what they say."""
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[list[str]] = []
    seen = when_modal(_answer(qtbot, "मामला फिर से खोलें", shown))
    assert confirm_reopen(parent, "GD-2026-0001") is True
    assert seen
    assert sorted(shown[0][1:]) == ["मामला फिर से खोलें", "मामला बंद ही रहने दें"]
