"""Reports drill-down, correspondence in the timeline, and holidays moving due dates."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate

from grievance_desk.domain.case_types import Channel
from grievance_desk.services.case_queries import case_row
from grievance_desk.services.cases import register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.services.demo_data import fill_demo_register
from grievance_desk.services.policy_settings import copy_preset
from grievance_desk.ui.cases_table_model import REFERENCE_ROLE
from tests.support.drafts import make_draft
from tests.ui.conftest import settle


def model_references(qtbot, cases) -> set[str]:  # type: ignore[no-untyped-def]
    model = cases.model
    refs: set[str] = set()
    for row in range(model.rowCount()):
        value = model.data(model.index(row, 0), REFERENCE_ROLE)
        if value is None:
            qtbot.waitUntil(
                lambda r=row: model.data(model.index(r, 0), REFERENCE_ROLE) is not None,
                timeout=10_000,
            )
            value = model.data(model.index(row, 0), REFERENCE_ROLE)
        refs.add(str(value))
    return refs


def test_a_report_figure_opens_exactly_its_cases(qtbot, runner, window, ui_register) -> None:  # type: ignore[no-untyped-def]
    runner.call(lambda: fill_demo_register(ui_register, now=utc_now(), count=80))
    workspace = window.workspace
    workspace.show_page(2)
    reports = workspace.reports
    today = utc_now().date()
    reports.kind.setCurrentIndex(1)  # the year: enough cases in every figure
    reports.year.setValue(today.year)
    reports.build()
    qtbot.waitUntil(lambda: reports.report is not None, timeout=20_000)
    assert reports.last_build_seconds is not None
    report = reports.report
    received = report.figure("received")
    assert received.references, "the demo register has cases received this year"
    assert reports.tiles.count() == len(report.headline)

    found = reports.open_figure("received")
    assert found is not None and found.references == received.references
    cases = workspace.cases
    assert workspace.nav.currentRow() == 1
    assert cases.drill_chip.isVisible() and "Received" in cases.drill_chip.text()
    qtbot.waitUntil(lambda: cases.model.rowCount() == len(received.references), timeout=10_000)
    assert model_references(qtbot, cases) == set(received.references)

    open_figure = report.figure("open_at_end")
    workspace.show_page(2)
    reports.open_figure("open_at_end")
    qtbot.waitUntil(lambda: cases.model.rowCount() == len(open_figure.references), timeout=10_000)
    assert model_references(qtbot, cases) == set(open_figure.references)

    cases.drill_chip.click()
    assert not cases.drill_chip.isVisible()
    qtbot.waitUntil(lambda: cases.model.rowCount() == 80, timeout=10_000)

    reports.warn_before_export = False
    for fmt in ("csv", "json"):
        target = Path(window.register_path).parent / f"report.{fmt}"
        reports.export_to(fmt, target)  # type: ignore[arg-type]
        qtbot.waitUntil(target.exists, timeout=10_000)


def test_recorded_correspondence_appears_in_the_timeline(
    qtbot, runner, window, ui_register
) -> None:  # type: ignore[no-untyped-def]
    reference = register_case(
        ui_register, make_draft(received_at=utc_now() - timedelta(days=2)), now=utc_now()
    )
    window.open_case(reference)
    case_file = window.workspace.cases.case_file
    qtbot.waitUntil(lambda: case_file.reference == reference, timeout=10_000)
    assert case_file.correspondence_action.isEnabled()
    dialog = case_file.record_correspondence()
    assert dialog is not None
    assert not dialog.save_button.isEnabled(), "an empty message is refused at the field"
    assert dialog.subject.property("invalid") == "true"
    dialog.subject.setText("Copy of passport sent (test)")
    dialog.counterpart.setText("alpha@example.org")
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.EMAIL.value))
    future = dialog.when.dateTime().addDays(2)
    dialog.when.setDateTime(future)
    assert not dialog.save_button.isEnabled(), "a message dated in the future is refused"
    assert dialog.when.property("invalid") == "true"
    dialog.when.setDateTime(future.addDays(-3))
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    qtbot.waitUntil(
        lambda: any(
            "Copy of passport sent (test)" in case_file.timeline.topLevelItem(i).text(2)
            for i in range(case_file.timeline.topLevelItemCount())
        ),
        timeout=10_000,
    )
    titles = [
        case_file.timeline.topLevelItem(i).text(1)
        for i in range(case_file.timeline.topLevelItemCount())
    ]
    assert any(t.startswith("Received from alpha@example.org") for t in titles)


def _business_day_after(start: date, count: int) -> date:
    day = start
    while count:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def test_a_holiday_moves_due_dates_and_the_list_follows(qtbot, runner, window, ui_register) -> None:  # type: ignore[no-untyped-def]
    # Office closures count only under a policy whose law counts them (issue 14): a copy of
    # ccpa-opt-out that says so; the preset itself counts California's statutory holidays only.
    copy_preset(
        ui_register, "ccpa-opt-out", "opt-out-ours", now=utc_now(),
        changes={"office_closures_count": True},
    )  # fmt: skip
    reference = register_case(
        ui_register,
        make_draft(received_at=utc_now() - timedelta(hours=1), policy_id="opt-out-ours"),
        now=utc_now(),
    )

    def next_due():  # type: ignore[no-untyped-def]
        with ui_register.reading() as session:
            row = case_row(session, reference, now=utc_now())
        assert row is not None
        return row.next_due_at

    before = next_due()
    assert before is not None
    workspace = window.workspace
    workspace.show_page(3)
    section = workspace.settings.deadline_settings
    qtbot.waitUntil(lambda: section.settings is not None, timeout=10_000)
    holiday = _business_day_after(utc_now().date(), 3)
    section.new_day.setDate(QDate(holiday.year, holiday.month, holiday.day))
    changed: list[bool] = []
    section.sig_deadlines_changed.connect(lambda: changed.append(True))
    section.add_day.click()
    qtbot.waitUntil(lambda: bool(changed), timeout=15_000)
    qtbot.waitUntil(
        lambda: section.settings is not None and holiday in section.settings.days_off,
        timeout=10_000,
    )
    after = next_due()
    assert after is not None and after > before, "one business day later: the holiday is skipped"
    settle(qtbot, runner)

    # removing it moves the date back
    item = section.holidays.item(0)
    item.setSelected(True)
    changed.clear()
    section.remove_day.click()
    qtbot.waitUntil(lambda: bool(changed), timeout=15_000)
    assert next_due() == before


def test_what_the_law_applies_is_saved_from_the_settings_page(  # type: ignore[no-untyped-def]
    qtbot, runner, window, ui_register, tmp_path
) -> None:
    """Issue 14: the organisation's profile (defect 4), the GDPR Member State (Reg 1182/71
    art 3(4)) and California's statutory holiday list (Cal. Gov. Code §6700) on show."""
    from PySide6.QtCore import QPoint, Qt

    from grievance_desk.services.policy_settings import load_policy_settings

    workspace = window.workspace
    workspace.show_page(3)
    section = workspace.settings.deadline_settings
    qtbot.waitUntil(lambda: section.settings is not None, timeout=10_000)
    settle(qtbot, runner)  # every refresh has landed before the officer starts clicking
    shown = [section.ca_holidays.item(i).text() for i in range(section.ca_holidays.count())]
    assert any("Lincoln Day" in t for t in shown) and not any("Susan" in t for t in shown)
    qtbot.mouseClick(
        section.intermediary,
        Qt.MouseButton.LeftButton,
        pos=QPoint(8, section.intermediary.height() // 2),
    )  # on the tick box itself
    section.home.setCurrentIndex(section.home.findData("IN"))
    qtbot.mouseClick(section.also["EU"], Qt.MouseButton.LeftButton)
    changed: list[bool] = []
    section.sig_deadlines_changed.connect(lambda: changed.append(True))
    qtbot.mouseClick(section.save_profile, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(changed), timeout=15_000)
    section.member_state.clear()
    qtbot.keyClicks(section.member_state, "DE")
    changed.clear()
    qtbot.mouseClick(section.save_member_state, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(changed), timeout=15_000)
    with ui_register.reading() as session:
        settings = load_policy_settings(session)
    assert settings.profile is not None
    assert settings.profile.intermediary and settings.profile.jurisdictions == ("IN", "EU")
    assert settings.member_state is not None and settings.member_state.label() == "DE"
    qtbot.waitUntil(lambda: section.member_state.text() == "DE", timeout=10_000)
    section.law_box.grab().save(str(Path(os.environ.get("GD_GRAB_DIR", tmp_path)) / "law-box.png"))
    settle(qtbot, runner)


def test_a_copy_of_a_preset_keeps_its_route_and_the_officer_can_edit_it(  # type: ignore[no-untyped-def]
    qtbot, runner, window, ui_register
) -> None:
    """Issue 14 defect 1: a copied CCPA policy names the CPPA / Attorney General route; the
    officer edits the route in the dialog and the letters use the edited words."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from grievance_desk.services.policy_settings import custom_policies

    workspace = window.workspace
    workspace.show_page(3)
    section = workspace.settings.deadline_settings
    qtbot.waitUntil(lambda: section.settings is not None, timeout=10_000)
    settle(qtbot, runner)
    qtbot.mouseClick(section.copy_button, Qt.MouseButton.LeftButton)
    dialog = section.last_dialog
    dialog.source.setCurrentIndex(dialog.source.findData("ccpa"))
    assert "California Privacy Protection Agency" in dialog.route.toPlainText()
    qtbot.keyClicks(dialog.new_id, "ccpa-ours")
    dialog.route.selectAll()
    qtbot.keyClicks(dialog.route, "Write to the Test Ombudsman (test).")
    saved: list[bool] = []
    section.sig_deadlines_changed.connect(lambda: saved.append(True))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(
        lambda: section.settings is not None and "ccpa-ours" in section.settings.custom_ids,
        timeout=15_000,
    )
    with ui_register.reading() as session:
        (ours,) = custom_policies(session)
    assert [r.text for r in ours.escalation] == ["Write to the Test Ombudsman (test)."]
    settle(qtbot, runner)
