"""Dialogs for the case actions that need more than a click: close, extend, reopen.

Each shows what the step will do before the officer confirms it: closing lists what the
record still needs (the rule is `domain.closing`, checked again by the service), extending
shows the new date and the policy's limit, reopening says a new clock starts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.case_types import Outcome, RefusalGround
from grievance_desk.domain.closing import NEEDS_GROUNDS
from grievance_desk.services.extensions import ExtensionPreview
from grievance_desk.ui import dates
from grievance_desk.ui.dialogs import ask
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.widgets import label, name_standard_buttons

#: Asks, off the GUI thread, what closing with (outcome, grounds) still needs; calls back.
ClosingCheck = Callable[[Outcome, list[RefusalGround], Callable[[list[str]], None]], None]


class CloseCaseDialog(QDialog):
    """Outcome, grounds when refusing, and what the record still needs before closing."""

    def __init__(
        self,
        reference: str,
        parent: QWidget | None = None,
        *,
        check: ClosingCheck | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Close {reference}").format(reference=reference))
        self.check = check
        self.problems: list[str] = []
        self.outcome = QComboBox()
        for outcome in Outcome:
            self.outcome.addItem(tr(outcome.label), outcome.value)
        self.outcome.setAccessibleName(tr("Outcome"))
        self.grounds_box = QGroupBox(tr("Grounds for refusal"))
        grounds_layout = QVBoxLayout(self.grounds_box)
        self.grounds: dict[RefusalGround, QCheckBox] = {}
        for ground in RefusalGround:
            box = QCheckBox(tr(ground.label))
            box.setAccessibleName(tr(ground.label))
            box.toggled.connect(lambda _on: self._recheck())
            self.grounds[ground] = box
            grounds_layout.addWidget(box)
        self.missing = label("", "error", wrap=True)
        self.missing.setObjectName("close_missing")
        self.missing.setAccessibleName(tr("What the record still needs"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(tr("Optional note for the timeline"))
        self.note.setFixedHeight(70)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(tr("Note"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Close case"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("&Outcome:"), self.outcome)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.grounds_box)
        layout.addWidget(self.missing)
        layout.addWidget(label(tr("Note:"), ""))
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        name_standard_buttons(self.buttons)
        self.outcome.currentIndexChanged.connect(lambda _i: self._outcome_changed())
        self._outcome_changed()
        self.setMinimumWidth(460)

    def chosen_outcome(self) -> Outcome:
        return Outcome(self.outcome.currentData())

    def _outcome_changed(self) -> None:
        refusing = self.chosen_outcome() in NEEDS_GROUNDS
        self.grounds_box.setVisible(refusing)
        if not refusing:
            for box in self.grounds.values():
                box.setChecked(False)
        self._recheck()
        self.adjustSize()

    def _recheck(self) -> None:
        if self.check is None:
            return
        self.ok_button.setEnabled(False)
        self.missing.setText(tr("Checking the record…"))
        self.check(self.chosen_outcome(), self.chosen_grounds(), self.show_problems)

    def show_problems(self, problems: list[str]) -> None:
        """What closing still needs: listed, and "Close case" waits until there is nothing."""
        self.problems = problems
        self.missing.setText(
            tr("Before closing:") + "\n" + "\n".join("• " + p for p in problems) if problems else ""
        )
        self.missing.setVisible(bool(problems))
        self.ok_button.setEnabled(not problems)
        self.ok_button.setToolTip(
            tr("Supply what is listed above first.") if problems else tr("Close the case")
        )

    def chosen_grounds(self) -> list[RefusalGround]:
        return [ground for ground, box in self.grounds.items() if box.isChecked()]


class ExtendDialog(QDialog):
    """The reason the requester is told, the date the extension gives and the policy's limit.

    ``write_notice`` (ticked by default) opens the extension-notice letter next, pre-filled
    with the reason; issuing it records the notice as sent.
    """

    def __init__(
        self, reference: str, preview: ExtensionPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Extend {reference}").format(reference=reference))
        self.preview = preview
        dates = label(_dates_text(preview), "", wrap=True)
        dates.setObjectName("extend_dates")
        limit = label(preview.limit, "hint", wrap=True)
        limit.setObjectName("extend_limit")
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            tr(
                "Why more time is needed, as the requester will be told (e.g. the records are "
                "spread over several systems)."
            )
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(tr("Reason for the extension"))
        self.write_notice = QCheckBox(tr("Write the extension notice letter next (pre-filled)"))
        self.write_notice.setChecked(True)
        self.notice_sent = QCheckBox(tr("Notice has already been sent another way"))
        self.notice_sent.toggled.connect(
            lambda on: self.write_notice.setChecked(False) if on else None
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Extend"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(dates)
        layout.addWidget(limit)
        layout.addWidget(label(tr("Reason (required; the requester is told it):"), ""))
        layout.addWidget(self.reason)
        layout.addWidget(self.write_notice)
        layout.addWidget(self.notice_sent)
        layout.addWidget(self.buttons)
        name_standard_buttons(self.buttons)
        self.reason.textChanged.connect(self._changed)
        self._changed()
        self.setMinimumWidth(460)

    def _changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.preview.refusal is None and bool(self.reason.toPlainText().strip())
        )


def _day(moment: date) -> str:
    """A due day with its weekday, in the window's language ("Sun 20 Dec 2026")."""
    return dates.weekday_day(moment)


def _dates_text(preview: ExtensionPreview) -> str:
    now = tr("Respond by now: {date}.").format(date=_day(preview.respond_by))
    if preview.new_respond_by is None:
        return now + "\n" + (preview.refusal or tr("No extension is possible."))
    notice = (
        " " + tr("Tell the requester by {date}.").format(date=dates.day(preview.notice_by))
        if preview.notice_by
        else ""
    )
    extended = tr("Extended, respond by: {date}.").format(date=_day(preview.new_respond_by))
    return now + "\n" + extended + notice


def confirm_reopen(parent: QWidget, reference: str) -> bool:
    """Reopening starts a new statutory clock from today: ask before doing it."""
    return ask(
        parent,
        tr("Reopen {reference}?").format(reference=reference),
        tr(
            "Reopen {reference}? It becomes “in progress” again and a new response deadline "
            "runs from today under its policy. The closing stays in the case's history."
        ).format(reference=reference),
        tr("Reopen the case"),
        tr("Keep it closed"),
    )
