"""The new-case form takes data categories and tags; the list sorts by priority's urgency."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from grievance_desk.domain.case_record import CaseDraft, Requester
from grievance_desk.domain.case_types import CaseKind, Channel, DataCategory, Priority, RequestType
from grievance_desk.services.case_queries import CaseFilter, SortKey, fetch_page
from grievance_desk.services.cases import find_case, register_case, to_draft
from grievance_desk.services.clock import utc_now
from grievance_desk.storage.register import Register
from grievance_desk.ui.case_form import parse_tags
from grievance_desk.ui.main_window import MainWindow
from tests.ui.conftest import settle


def test_parse_tags() -> None:
    assert parse_tags(" vip; escalated,media\n ;; ") == ("vip", "escalated", "media")
    assert parse_tags("") == ()


def test_a_phone_complaint_with_categories_and_tags(
    qtbot, runner, window: MainWindow, ui_register: Register
) -> None:  # type: ignore[no-untyped-def]
    window.new_action.trigger()  # Ctrl+N
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=10_000)  # read on the worker
    dialog = window.last_dialog
    form = dialog.form
    qtbot.keyClicks(form.name, "Test Person Foxtrot")
    form.kind.setCurrentIndex(form.kind.findData(CaseKind.COMPLAINT.value))
    form.channel.setCurrentIndex(form.channel.findData(Channel.PHONE.value))
    for category in (DataCategory.BILLING, DataCategory.KYC):
        box = form.categories[category]
        # On the box itself: the check box widget is wider than its label in the grid.
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    qtbot.keyClicks(form.tags, "callback; escalated")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    case_file = window.workspace.cases.case_file  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: case_file.reference is not None, timeout=15_000)
    settle(qtbot, runner)

    def saved() -> CaseDraft:
        with ui_register.reading() as session:
            return to_draft(*find_case(session, str(case_file.reference)))

    draft = runner.call(saved)
    assert set(draft.data_categories) == {DataCategory.BILLING, DataCategory.KYC}
    assert draft.tags == ("callback", "escalated")
    # The case file shows them, and an edit is a change like any other.
    assert case_file.form.categories[DataCategory.KYC].isChecked()
    assert case_file.form.tags.text() == "callback; escalated"
    assert not case_file.form.is_dirty
    qtbot.keyClicks(case_file.form.tags, "; media")
    assert case_file.form.changes() == {"tags": ("callback", "escalated", "media")}
    for _ in "; media":  # typed back out, so locking at the end has nothing to ask
        qtbot.keyClick(case_file.form.tags, Qt.Key.Key_Backspace)
    assert not case_file.form.is_dirty


def test_priority_sorts_by_urgency(register: Register) -> None:
    now = utc_now()
    for n, priority in enumerate([Priority.NORMAL, Priority.URGENT, Priority.LOW, Priority.HIGH]):
        register_case(
            register,
            CaseDraft(
                kind=CaseKind.RIGHTS_REQUEST,
                request_type=RequestType.ACCESS,
                channel=Channel.EMAIL,
                received_at=now - timedelta(hours=n + 1),
                requester=Requester(name=f"Test Person {n}"),
                priority=priority,
            ),
            now=now,
        )
    with register.reading() as session:
        rows = fetch_page(session, CaseFilter(), sort=SortKey.PRIORITY, descending=True, now=now)
    assert [r.priority for r in rows] == [
        Priority.URGENT,
        Priority.HIGH,
        Priority.NORMAL,
        Priority.LOW,
    ]
    assert all(r.kind is CaseKind.RIGHTS_REQUEST for r in rows)
