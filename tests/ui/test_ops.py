"""The op helper: work on the runner's register, progress, cancel, and "what changed".

These drive `Op` the way pages do and watch the signals a page listens to; the work runs on
the real worker thread against a real SQCipher register.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from grievance_desk.services.case_queries import CaseFilter, count_cases
from grievance_desk.services.register_access import Register
from grievance_desk.ui import ops
from grievance_desk.ui.ops import Op, OpChanges, OpProgress, OpRunner

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


def _count(register: Register) -> int:
    with register.reading() as session:
        return count_cases(session, CaseFilter(), now=NOW)


@pytest.fixture
def held(runner: OpRunner, ui_register: Register) -> Register:
    runner.register = ui_register
    return ui_register


def test_work_receives_the_register_the_runner_holds(
    qtbot, runner: OpRunner, held: Register
) -> None:  # type: ignore[no-untyped-def]
    seen: list[Any] = []
    with qtbot.waitCallback() as done:
        Op.on_register(runner, lambda register: (register, _count(register))).success(
            done
        ).run_in_background()
    seen.extend(done.args[0])
    assert seen == [held, 0]


def test_work_queued_before_a_lock_is_dropped_without_a_dialog(
    qtbot, runner: OpRunner, held: Register, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    unhandled: list[Exception] = []
    monkeypatch.setattr(
        ops, "unhandled_failure", lambda _what, error, _parent: unhandled.append(error)
    )
    gate = threading.Event()
    runner.submit(Op(runner, lambda: gate.wait(5)))  # the worker is busy while we lock
    results: list[int] = []
    Op.on_register(runner, _count).success(results.append).run_in_background()
    runner.register = None  # locked
    gate.set()
    runner.wait_idle()
    qtbot.wait(50)  # let the queued deliveries arrive
    assert results == [] and unhandled == []


def test_progress_reaches_the_gui_thread_and_cancel_stops_the_work(
    qtbot, runner: OpRunner, held: Register
) -> None:  # type: ignore[no-untyped-def]
    reached = threading.Event()
    go_on = threading.Event()
    after_cancel: list[int] = []

    def long_work(register: Register, progress: OpProgress) -> int:
        progress.update(1, 4)
        reached.set()
        go_on.wait(5)
        progress.update(2, 4)  # raises: the officer cancelled meanwhile
        after_cancel.append(2)
        return _count(register)

    succeeded: list[int] = []
    cancelled: list[bool] = []
    op = Op.on_register_with_progress(runner, long_work)
    op.with_progress("Exporting…").success(succeeded.append).on_cancelled(
        lambda: cancelled.append(True)
    )
    with qtbot.waitSignal(runner.sig_progress, timeout=3000) as progress:
        op.run_in_background()
    assert progress.args == ["Exporting…", 1, 4]
    assert reached.wait(3)
    op.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=3000)
    assert succeeded == [] and after_cancel == []


def test_changes_are_announced_after_success_only(qtbot, runner: OpRunner, held: Register) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    announced: list[tuple[OpChanges, Any]] = []
    runner.sig_changed.connect(lambda changes, initiator: announced.append((changes, initiator)))
    order: list[str] = []

    with qtbot.waitSignal(runner.sig_changed, timeout=3000):
        Op.on_register(runner, _count, parent=page).success(
            lambda _n: order.append("success")
        ).changes(OpChanges.case("GRV-2026-00001", deadlines=True)).run_in_background()
    order.append("announced")
    assert order == ["success", "announced"]
    assert announced == [(OpChanges.case("GRV-2026-00001", deadlines=True), page)]
    assert announced[0][0].references == frozenset({"GRV-2026-00001"})

    def fails(_register: Register) -> int:
        raise ValueError("no")

    with qtbot.waitCallback() as failed:
        Op.on_register(runner, fails, parent=page).failure(failed).changes(
            OpChanges.everything()
        ).run_in_background()
    qtbot.wait(50)
    assert len(announced) == 1


def test_changes_combine() -> None:
    merged = OpChanges.case("A") | OpChanges(settings=True) | OpChanges.case("B", letters=True)
    assert merged == OpChanges(
        cases=True, settings=True, letters=True, references=frozenset({"A", "B"})
    )
    everything = OpChanges.everything()
    assert everything.cases and everything.deadlines and everything.settings


def test_progress_object_alone() -> None:
    progress = OpProgress()
    progress.update(3, 10)
    assert (progress.done, progress.total, progress.cancelled) == (3, 10, False)
    progress.cancel()
    with pytest.raises(ops.OpCancelled):
        progress.update(4, 10)
