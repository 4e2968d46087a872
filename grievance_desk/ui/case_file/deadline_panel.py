"""The Deadlines tab: due dates, days left, a progress bar each and the engine's explanation."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from grievance_desk.domain.reminders import days_phrase, due_phrase
from grievance_desk.services.case_deadlines import CaseDeadlines
from grievance_desk.ui import dates, theme
from grievance_desk.ui.cases_table_model import urgency_colour
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.widgets import label, thin_bar_style

_KIND_TEXT = {
    "acknowledge": QT_TR_NOOP("Acknowledge by"),
    "respond": QT_TR_NOOP("Respond by"),
    "extension_notice": QT_TR_NOOP("Notice of extension by"),
    "extended_respond": QT_TR_NOOP("Respond by (extended)"),
}


class DeadlinePanel(QWidget):
    """One card per deadline; a string in place of the deadlines is shown as the problem."""

    def __init__(self) -> None:
        super().__init__()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(12, 12, 12, 12)
        self.layout_.setSpacing(10)

    def clear(self) -> None:
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def show_deadlines(self, info: CaseDeadlines | str, zone: ZoneInfo, now: datetime) -> None:
        """Replace the cards with ``info``'s deadlines as seen at ``now`` in ``zone``."""
        self.clear()
        if isinstance(info, str):
            self.layout_.addWidget(label(info, "error", wrap=True))
            self.layout_.addStretch(1)
            return
        policy = label(
            tr("Policy: {policy}").format(policy=info.policy_label), "section", wrap=True
        )
        self.layout_.addWidget(policy)
        if info.legal_source:
            source = label(info.legal_source, "hint", wrap=True)
            source.setObjectName("deadline_source")  # the policy's citation, as the law has it
            self.layout_.addWidget(source)
        if info.problem:
            self.layout_.addWidget(label(info.problem, "error", wrap=True))
        result = info.deadlines
        if result is None:
            self.layout_.addStretch(1)
            return
        if result.clock_stopped:
            self.layout_.addWidget(
                label(
                    tr(
                        "The clock is stopped while we wait for the requester ({days} paused so "
                        "far)."
                    ).format(days=days_phrase(result.days_paused)),
                    "muted",
                    wrap=True,
                )
            )
        open_kinds = {d.kind: d for d in info.open_deadlines}
        start = result.clock_started_at
        for deadline in result.all():
            card = QFrame()
            card.setProperty("role", "card")
            grid = QGridLayout(card)
            grid.setContentsMargins(12, 10, 12, 10)
            kind = str(deadline.kind)
            title = label(tr(_KIND_TEXT[kind]) if kind in _KIND_TEXT else kind, "section")
            due = deadline.due.astimezone(zone)
            when = label(dates.weekday_day(due), "")
            when.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(title, 0, 0)
            grid.addWidget(when, 0, 1)
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setFixedHeight(6)
            bar.setMinimumWidth(120)
            bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            bar.setRange(0, 1000)
            total = max(1.0, (deadline.due - start).total_seconds())
            elapsed = min(total, max(0.0, (now - start).total_seconds()))
            bar.setValue(int(1000 * elapsed / total))
            opened = open_kinds.get(deadline.kind)
            extended = result.extended_respond_by
            if str(deadline.kind) == "respond" and extended is not None:
                # Superseded, not met: the extended date is the one that counts now.
                state = tr("extended to {date}").format(date=dates.day(extended.due, zone))
                colour = theme.DUE_WEEK.darker(140)
                bar.setValue(0)
            elif opened is not None:
                state = due_phrase(opened.days_left)
                colour = urgency_colour(opened.days_left)
            elif str(deadline.kind) == "extension_notice":
                state = tr("extension granted") if extended is not None else tr("only if extending")
                colour = theme.DUE_WEEK.darker(140)
                bar.setValue(0)
            else:
                state, colour = tr("met"), theme.ON_TRACK
                bar.setValue(1000)
            bar.setStyleSheet(thin_bar_style(colour.name()))
            bar.setAccessibleName(
                tr("{deadline}: {state}").format(deadline=title.text(), state=state)
            )
            status = label(state, "")
            status.setStyleSheet(f"color: {colour.name()}; font-weight: 600;")
            grid.addWidget(bar, 1, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(status, 1, 1, Qt.AlignmentFlag.AlignRight)
            explanation = label(deadline.explanation, "hint", wrap=True)
            explanation.setObjectName("deadline_explanation")  # the engine's English reasoning
            grid.addWidget(explanation, 2, 0, 1, 2)
            grid.setColumnStretch(0, 1)
            self.layout_.addWidget(card)
        for note in result.notes:
            note_label = label(note, "hint", wrap=True)
            note_label.setObjectName("deadline_note")
            self.layout_.addWidget(note_label)
        self.layout_.addStretch(1)
