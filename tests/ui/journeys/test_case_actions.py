"""The case file shows the actions that apply, the usual next one first, and hides the rest."""

from __future__ import annotations

from datetime import timedelta

from grievance_desk.domain.case_types import RequestType
from grievance_desk.domain.workflow import Action
from grievance_desk.services.cases import register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.storage.register import Register
from grievance_desk.ui.main_window import CASES, MainWindow
from tests.support.drafts import make_draft
from tests.ui.conftest import settle
from tests.ui.journeys.helpers import case_file
from tests.ui.journeys.test_idle_lock_and_pane import _click_row, _nav


def test_extend_shows_only_where_the_policy_allows_an_extension(  # type: ignore[no-untyped-def]
    qtbot, runner, desk: MainWindow, office_register: Register
) -> None:
    now = utc_now() - timedelta(hours=1)

    def cases() -> tuple[str, str]:
        lgpd = make_draft(received_at=now, request_type=RequestType.ACCESS, policy_id="lgpd")
        ours = make_draft(received_at=now, request_type=RequestType.ERASURE)
        return register_case(office_register, lgpd, now=now), register_case(
            office_register, ours, now=now
        )

    no_extension, extendable = runner.call(cases)
    window = desk
    _nav(qtbot, window, CASES)
    window.workspace.load_pages()
    settle(qtbot, runner)
    cf = case_file(window)
    for reference, shown in ((no_extension, False), (extendable, True)):
        _click_row(qtbot, window, reference)
        qtbot.waitUntil(lambda r=reference: cf.reference == r, timeout=10_000)
        assert cf.extend_tool.isVisible() is shown, reference
        assert cf.actions_flow.itemAt(0).widget() is cf.action_tools[Action.ACKNOWLEDGE]
        assert cf.action_tools[Action.ACKNOWLEDGE].property("role") == "primary"
        hidden = [a for a, t in cf.action_tools.items() if not t.isVisible()]
        assert set(hidden) == {Action.RESUME, Action.REOPEN}
        assert all(t.isEnabled() for t in cf.action_tools.values() if t.isVisible())
