"""The tray menu's Show, Lock and Quit emit what the window listens for; a reminder's
notification, when clicked, opens its case."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from grievance_desk.ui.tray import Tray


@dataclass
class _Reminder:
    key: str
    reference: str
    message: str


def test_menu_actions_emit_show_lock_quit(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    tray = Tray(available=False)
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
    assert texts == ["Show Grievance Desk", "Lock", "Quit"]
    for action, signal in (
        (tray.show_action, tray.sig_show),
        (tray.lock_action, tray.sig_lock),
        (tray.quit_action, tray.sig_quit),
    ):
        with qtbot.waitSignal(signal, timeout=1_000):
            action.trigger()


def test_reminders_are_shown_once_and_a_click_opens_the_case(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    tray = Tray(available=True)
    assert tray.icon is not None
    assert tray.icon.contextMenu() is tray.menu
    first = _Reminder("c1:respond", "GD-2026-0001", "Respond to GD-2026-0001 in 2 days")
    second = _Reminder("c2:respond", "GD-2026-0002", "Respond to GD-2026-0002 today")
    assert tray.notify([first]) == 1
    assert tray.notify([first, second]) == 1  # the first was shown already
    assert tray.notify([first, second]) == 0
    with qtbot.waitSignal(tray.sig_open_case, timeout=1_000) as opened:
        tray.icon.messageClicked.emit()  # what the desktop sends when the message is clicked
    assert opened.args == ["GD-2026-0002"]
    with qtbot.waitSignal(tray.sig_show, timeout=1_000):
        tray.icon.activated.emit(tray.icon.ActivationReason.Trigger)
    tray.icon.hide()


def test_without_a_tray_reminders_are_counted_not_shown(qapp: QApplication) -> None:
    tray = Tray(available=False)
    assert tray.icon is None
    assert tray.notify([_Reminder("k", "GD-2026-0003", "Acknowledge today")]) == 1
