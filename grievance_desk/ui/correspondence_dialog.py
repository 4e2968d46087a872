"""Record a message in or out of a case: an e-mail, a letter received, a phone note.

The officer records it as it happened, so the dialog asks for the real date and time and
checks at each field what the service would refuse (a future time, a time before the case
was received, a message with neither subject nor text) before anything is saved.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.case_types import Channel
from grievance_desk.ui import dates
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.widgets import label, name_standard_buttons, set_invalid


class CorrespondenceDialog(QDialog):
    """Direction, channel, when, who, subject and text; ``values()`` once accepted."""

    def __init__(
        self,
        reference: str,
        received_at: datetime,
        zone: ZoneInfo,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Record correspondence — {reference}").format(reference=reference))
        self.setObjectName("correspondence_dialog")
        self.zone = zone
        self.received_at = received_at
        self.now = now

        self.incoming = QRadioButton(tr("&Received from the requester"))
        self.outgoing = QRadioButton(tr("&Sent to the requester"))
        self.incoming.setChecked(True)
        self.direction_group = QButtonGroup(self)
        self.direction_group.addButton(self.incoming)
        self.direction_group.addButton(self.outgoing)
        direction = QHBoxLayout()
        direction.addWidget(self.incoming)
        direction.addWidget(self.outgoing)
        direction.addStretch(1)

        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(tr(channel.label), channel.value)
        self.channel.setAccessibleName(tr("Channel"))

        qzone = QTimeZone(str(zone).encode())
        self.when = QDateTimeEdit()
        self.when.setTimeZone(qzone)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd MMM yyyy  HH:mm")
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(now.timestamp()), qzone))
        self.when.setAccessibleName(tr("Date and time of the message"))
        self.when_hint = label(tr("Your time zone: {zone}").format(zone=zone), "hint")

        self.counterpart = QLineEdit()
        self.counterpart.setPlaceholderText(
            tr("Who it was from or to, e.g. the requester's e-mail")
        )
        self.counterpart.setAccessibleName(tr("Counterpart"))
        self.subject = QLineEdit()
        self.subject.setAccessibleName(tr("Subject"))
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(tr("What the message said, or a note of the call"))
        self.body.setAccessibleName(tr("Text of the message"))
        self.problem = label("", "error", wrap=True)
        self.problem.setAccessibleName(tr("Problem"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("Record"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(tr("Direction:"), direction)
        form.addRow(tr("&Channel:"), self.channel)
        form.addRow(tr("&When:"), self.when)
        form.addRow("", self.when_hint)
        form.addRow(tr("&From / to:"), self.counterpart)
        form.addRow(tr("S&ubject:"), self.subject)
        form.addRow(tr("&Text:"), self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        name_standard_buttons(self.buttons)
        self.setMinimumWidth(520)
        self.resize(560, 460)

        self.incoming.toggled.connect(lambda _on: self.validate())
        self.when.dateTimeChanged.connect(lambda _d: self.validate())
        self.subject.textChanged.connect(lambda _t: self.validate())
        self.body.textChanged.connect(self.validate)
        self.validate()

    def at(self) -> datetime:
        seconds = self.when.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, self.zone)

    def validate(self) -> bool:
        """Mark each field with what is wrong; Record is enabled only when nothing is."""
        at = self.at()
        when_problem = ""
        if at > self.now:
            when_problem = tr("The message cannot be dated in the future; check the date and time.")
        elif at < self.received_at:
            received = self.received_at.astimezone(self.zone)
            when_problem = tr(
                "The case was received on {when}; a message about it cannot be earlier. Check "
                "the date."
            ).format(when=dates.day_time(received))
        empty = not (self.subject.text().strip() or self.body.toPlainText().strip())
        text_problem = (
            tr("Give the message a subject or some text, so the timeline says what it was.")
            if empty
            else ""
        )
        set_invalid(self.when, bool(when_problem), when_problem)
        set_invalid(self.subject, empty, text_problem)
        set_invalid(self.body, empty, text_problem)
        self.problem.setText(when_problem or text_problem)
        ok = not when_problem and not empty
        self.save_button.setEnabled(ok)
        return ok

    def values(self) -> dict[str, object]:
        return {
            "direction": "in" if self.incoming.isChecked() else "out",
            "channel": Channel(str(self.channel.currentData())),
            "at": self.at(),
            "counterpart": self.counterpart.text().strip(),
            "subject": self.subject.text().strip(),
            "body": self.body.toPlainText().strip(),
        }
