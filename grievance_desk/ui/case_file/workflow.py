"""What the case file's workflow steps run: status changes, closing, reopening, extending,
recording correspondence, and the next step a letter proposes.

Steps that need more than a click ask through ``ui.case_dialogs`` first. Everything that
touches the register runs through the op helper; ``sig_changed`` after each change so the
case file reloads from the register and shows what was saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from grievance_desk.domain.case_types import Outcome, RefusalGround
from grievance_desk.domain.workflow import Action
from grievance_desk.services.case_deadlines import extend_case
from grievance_desk.services.case_snapshot import CaseSnapshot
from grievance_desk.services.cases import change_status, closing_problems_for
from grievance_desk.services.clock import utc_now
from grievance_desk.services.correspondence import record_correspondence
from grievance_desk.services.extensions import ExtensionPreview, extension_preview
from grievance_desk.services.letter_issue import NextStep
from grievance_desk.services.register_access import Register
from grievance_desk.ui.case_dialogs import CloseCaseDialog, ExtendDialog, confirm_reopen
from grievance_desk.ui.case_file.action_bar import ACTION_TEXT
from grievance_desk.ui.correspondence_dialog import CorrespondenceDialog
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.ops import Op, OpChanges, OpRunner


class CaseWorkflow(QObject):
    """Runs the case file's steps for the case ``snapshot()`` returns; dialogs on ``host``."""

    sig_changed = Signal()
    sig_write_notice = Signal()  # extended: the extension notice letter comes next

    def __init__(
        self,
        runner: OpRunner,
        host: QWidget,
        snapshot: Callable[[], CaseSnapshot | None],
        allowed: Callable[[Action], bool],
    ) -> None:
        super().__init__(host)
        self.runner = runner
        self.host = host
        self.snapshot = snapshot
        self.allowed = allowed
        self.last_close_dialog: CloseCaseDialog | None = None
        self.last_extend_dialog: ExtendDialog | None = None
        self.last_correspondence_dialog: CorrespondenceDialog | None = None

    def run_action(self, action: Action) -> None:
        """The officer pressed ``action``: ask first where it needs it, then apply it."""
        snap = self.snapshot()
        if snap is None or not self.allowed(action):
            return
        kwargs: dict[str, Any] = {}
        if action is Action.REOPEN and not confirm_reopen(self.host, snap.reference):
            return
        if action is Action.CLOSE:
            dialog = CloseCaseDialog(snap.reference, self.host, check=self._closing_check)
            self.last_close_dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            kwargs = {
                "outcome": dialog.chosen_outcome(),
                "refusal_grounds": dialog.chosen_grounds(),
                "note": dialog.note.toPlainText().strip(),
            }
        self.apply_action(action, **kwargs)

    def _closing_check(
        self, outcome: Outcome, grounds: list[RefusalGround], done: Callable[[list[str]], None]
    ) -> None:
        """What closing still needs, read off the GUI thread (the service checks it again)."""
        snap = self.snapshot()
        if snap is None:
            return
        reference = snap.reference
        Op.on_register(
            self.runner,
            lambda register: closing_problems_for(
                register, reference, outcome=outcome, refusal_grounds=grounds
            ),
            parent=self.host,
        ).success(done).failure(lambda e: done([str(e)])).run_in_background()

    def apply_action(self, action: Action, **kwargs: Any) -> None:
        """Change the status by ``action`` (with the close dialog's answers, if any)."""
        snap = self.snapshot()
        assert snap is not None
        reference = snap.reference

        def work(register: Register) -> None:
            change_status(register, reference, action, now=utc_now(), **kwargs)

        Op.on_register(self.runner, work, parent=self.host).success(
            lambda _r: self.sig_changed.emit()
        ).failure(lambda e: show_error(self.host, tr("Not done"), e)).changes(
            OpChanges.case(reference, deadlines=True)
        ).with_progress(ACTION_TEXT[action][0].rstrip("…") + "…").run_in_background()

    def extend(self) -> None:
        """Show the new date and the policy's limit, then extend with the reason given."""
        snap = self.snapshot()
        if snap is None:
            return
        reference = snap.reference
        Op.on_register(
            self.runner,
            lambda register: extension_preview(register, reference, now=utc_now()),
            parent=self.host,
        ).success(self._ask_extension).failure(
            lambda e: show_error(self.host, tr("Cannot extend"), e)
        ).run_in_background()

    def _ask_extension(self, preview: ExtensionPreview) -> None:
        snap = self.snapshot()
        if snap is None or snap.reference != preview.reference:
            return
        dialog = ExtendDialog(preview.reference, preview, self.host)
        self.last_extend_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.apply_extension(
            dialog.reason.toPlainText().strip(),
            dialog.notice_sent.isChecked(),
            write_notice=dialog.write_notice.isChecked(),
        )

    def apply_extension(
        self, reason: str, notice_sent: bool = False, *, write_notice: bool = False
    ) -> None:
        """Extend the response deadline for ``reason``; the notice letter next if asked."""
        snap = self.snapshot()
        assert snap is not None
        reference = snap.reference

        def work(register: Register) -> None:
            now = utc_now()
            extend_case(
                register,
                reference,
                now=now,
                reason=reason,
                notice_sent_at=now if notice_sent else None,
            )

        def done(_result: object) -> None:
            self.sig_changed.emit()
            if write_notice:
                self.sig_write_notice.emit()

        Op.on_register(self.runner, work, parent=self.host).success(done).failure(
            lambda e: show_error(self.host, tr("Not extended"), e)
        ).changes(OpChanges.case(reference, deadlines=True)).with_progress(
            tr("Extending…")
        ).run_in_background()

    def take_next_step(self, step: NextStep) -> None:
        """The step the officer accepted after issuing a letter."""
        if self.snapshot() is None:
            return
        if step.kind == "extension":
            self.apply_extension(step.reason or "See the extension notice issued.", True)
        elif step.action is Action.CLOSE:
            self.run_action(Action.CLOSE)
        elif step.action is not None:
            self.apply_action(step.action)

    def record_correspondence(self) -> CorrespondenceDialog | None:
        """Open the dialog for a message received from or sent to the requester."""
        snap = self.snapshot()
        if snap is None:
            return None
        dialog = CorrespondenceDialog(
            snap.reference, snap.draft.received_at, snap.zone, utc_now(), self.host
        )
        self.last_correspondence_dialog = dialog
        dialog.accepted.connect(lambda: self.save_correspondence(dialog.values()))
        dialog.open()
        return dialog

    def save_correspondence(self, values: dict[str, Any]) -> None:
        snap = self.snapshot()
        if snap is None:
            return
        reference = snap.reference

        def work(register: Register) -> None:
            record_correspondence(register, reference, now=utc_now(), **values)

        Op.on_register(self.runner, work, parent=self.host).success(
            lambda _r: self.sig_changed.emit()
        ).failure(lambda e: show_error(self.host, tr("Not recorded"), e)).changes(
            OpChanges.case(reference, deadlines=True)
        ).with_progress(tr("Recording…")).run_in_background()
