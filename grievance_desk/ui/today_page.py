"""Today: what needs the officer now. Counts that open their cases, nearest deadlines
coloured by urgency, reminders due (open, dismiss, snooze) and what changed recently."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.reminders import Reminder, due_phrase, hours_phrase
from grievance_desk.services import case_deadlines
from grievance_desk.services.case_queries import (
    CaseFilter,
    action_label,
)
from grievance_desk.services.clock import utc_now
from grievance_desk.services.register_access import Register
from grievance_desk.services.today import TodayData, load_today
from grievance_desk.ui import dates
from grievance_desk.ui.cases_table_model import days_text, urgency_colour
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.resources import icon
from grievance_desk.ui.vocabulary import deadline_name
from grievance_desk.ui.widgets import label

COUNT_VIEWS: list[tuple[str, str, CaseFilter, str]] = [
    ("open", QT_TR_NOOP("Open cases"), CaseFilter(open_only=True), "cases"),
    ("due_soon", QT_TR_NOOP("Due in 7 days"), CaseFilter(due_within_days=7), "clock"),
    ("overdue", QT_TR_NOOP("Overdue"), CaseFilter(overdue_only=True), "overdue"),
    (
        "awaiting_requester",
        QT_TR_NOOP("Awaiting requester"),
        CaseFilter(awaiting_requester_only=True),
        "pause",
    ),
]


def reminder_text(reminder: Reminder, zone: ZoneInfo) -> str:
    """The reminder's sentence in the window's language, without its reference (the Case
    column shows it); the same words as ``domain.reminders`` in English."""
    what = deadline_name(reminder.kind)
    due = dates.day_time(reminder.due, zone)
    if reminder.overdue and reminder.days_left >= 0:  # due earlier today
        return tr("{what} overdue since {due}").format(what=what, due=due)
    if reminder.overdue:
        return tr("{what} overdue since {due} ({distance})").format(
            what=what, due=due, distance=due_phrase(reminder.days_left)
        )
    if reminder.days_left == 0:
        return tr("{what} due today ({due})").format(what=what, due=due)
    return tr("{what} due {due}, {distance}").format(
        what=what, due=due, distance=due_phrase(reminder.days_left)
    )


def _empty_line(tree: QTreeWidget, text: str) -> None:
    """A muted line across the whole list saying why it is empty (it opens nothing)."""
    item = QTreeWidgetItem([text])
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    tree.addTopLevelItem(item)
    item.setFirstColumnSpanned(True)


class CountTile(QPushButton):
    """A count the officer reads at a glance: icon, the number large, its name below."""

    def __init__(self, text: str, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = tr(text)
        self.text_label = text
        self.setProperty("role", "count")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(72)
        glyph = QLabel()
        glyph.setPixmap(icon(icon_name).pixmap(22, 22))
        self.value = QLabel("\u2014")
        self.value.setStyleSheet("font-size: 18pt; font-weight: 600; background: transparent;")
        self.name = QLabel(text)
        self.name.setStyleSheet("background: transparent;")
        glyph.setStyleSheet("background: transparent;")
        for part in (glyph, self.value, self.name):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.value)
        words.addWidget(self.name)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(12)
        row.addWidget(glyph, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(words, 1)
        self.setAccessibleName(text)
        self.setToolTip(tr("Click to list the cases: {view}.").format(view=text.lower()))

    def set_value(self, value: int) -> None:
        self.value.setText(QLocale().toString(value))
        self.setAccessibleName(
            tr("{view}: {count}").format(view=self.text_label, count=QLocale().toString(value))
        )


class TodayPage(QWidget):
    sig_open_filter = Signal(object, str)
    sig_open_case = Signal(str)
    sig_reminders = Signal(list)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.data: TodayData | None = None

        self.greeting = label(tr("Today"), "page_title")
        self.date_label = label("", "muted")
        self.count_buttons: dict[str, CountTile] = {}
        counts = QGridLayout()
        counts.setSpacing(12)
        for column, (key, text, filters, icon_name) in enumerate(COUNT_VIEWS):
            button = CountTile(text, icon_name)
            button.clicked.connect(
                lambda _c=False, f=filters, t=text: self.sig_open_filter.emit(f, t)
            )
            self.count_buttons[key] = button
            counts.addWidget(button, 0, column)

        self.deadlines = self._tree(
            [tr("Days left"), tr("Case"), tr("Requester"), tr("Deadline"), tr("Due")]
        )
        self.deadlines.setAccessibleName(tr("Next deadlines"))
        self.reminders = self._tree([tr("Days left"), tr("Case"), tr("Reminder")])
        self.reminders.setAccessibleName(tr("Reminders due now"))
        self.changes = self._tree([tr("When"), tr("Case"), tr("What"), tr("By")])
        self.changes.setAccessibleName(tr("Recent changes"))
        for tree in (self.deadlines, self.reminders, self.changes):
            tree.itemActivated.connect(self._activated)

        self.dismiss_button = QPushButton(tr("Dismiss"))
        self.snooze_button = QPushButton(tr("Snooze 1 day"))
        self.open_button = QPushButton(tr("Open case"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.snooze_button.clicked.connect(lambda: self.snooze_selected())
        self.open_button.clicked.connect(lambda: self._activated(self.reminders.currentItem(), 0))
        reminder_buttons = QHBoxLayout()
        reminder_buttons.addStretch(1)
        for push in (self.open_button, self.snooze_button, self.dismiss_button):
            reminder_buttons.addWidget(push)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        head = QHBoxLayout()
        head.addWidget(self.greeting)
        head.addSpacing(12)
        head.addWidget(self.date_label)
        head.addStretch(1)
        layout.addLayout(head)
        layout.addLayout(counts)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left = QVBoxLayout()
        left.addWidget(label(tr("Next deadlines"), "section"))
        left.addWidget(self.deadlines, 1)
        right = QVBoxLayout()
        right.addWidget(label(tr("Reminders due now"), "section"))
        right.addWidget(self.reminders, 1)
        right.addLayout(reminder_buttons)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout.addLayout(columns, 3)
        layout.addWidget(label(tr("Recent changes"), "section"))
        layout.addWidget(self.changes, 2)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @staticmethod
    def _tree(headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setMinimumHeight(150)
        tree.header().setStretchLastSection(True)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return tree

    def refresh(self) -> None:
        Op.on_register(self.runner, load_today, parent=self).success(self._show).failure(
            lambda _e: None
        ).run_in_background()

    def _show(self, data: TodayData) -> None:
        self.data = data
        now = utc_now().astimezone(data.zone)
        self.date_label.setText(dates.long_day(now))
        for key, _text, _filters, _icon in COUNT_VIEWS:
            self.count_buttons[key].set_value(getattr(data.counts, key))
        self.deadlines.clear()
        for row in data.deadlines:
            due = row.next_due_at.astimezone(data.zone) if row.next_due_at else None
            # Within a day, hours: an IT Rules 2-hour deadline must not read "today".
            hours = hours_phrase(due, now) if due is not None else None
            item = QTreeWidgetItem(
                [
                    hours or days_text(row.days_left),
                    row.reference,
                    row.requester_name,
                    deadline_name(row.next_due_kind or ""),
                    (dates.day_time(due) if hours else dates.day(due)) if due else "—",
                ]
            )
            colour = urgency_colour(row.days_left)
            if colour is not None:
                item.setForeground(0, colour)
            item.setData(0, Qt.ItemDataRole.UserRole, row.reference)
            self.deadlines.addTopLevelItem(item)
        if not data.deadlines:
            _empty_line(self.deadlines, tr("Nothing due. Well done."))
        self.reminders.clear()
        for reminder in data.reminders:
            item = QTreeWidgetItem(
                [
                    days_text(reminder.days_left),  # as the deadline list beside it
                    reminder.reference,
                    reminder_text(reminder, data.zone),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, reminder.reference)
            item.setData(1, Qt.ItemDataRole.UserRole, reminder.key)
            item.setToolTip(2, reminder.reference + ": " + reminder_text(reminder, data.zone))
            if reminder.overdue:
                item.setForeground(0, urgency_colour(-1))
            self.reminders.addTopLevelItem(item)
        if not data.reminders:
            _empty_line(self.reminders, tr("No reminders due now."))
        for button in (self.open_button, self.snooze_button, self.dismiss_button):
            button.setEnabled(bool(data.reminders))
        self.changes.clear()
        for change in data.changes:
            item = QTreeWidgetItem(
                [
                    dates.short_day_time(change.at, data.zone),
                    change.reference,
                    tr(action_label(change.action)),
                    change.actor,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, change.reference)
            self.changes.addTopLevelItem(item)
        if not data.changes:
            _empty_line(self.changes, tr("No changes to cases yet."))
        for tree in (self.deadlines, self.reminders, self.changes):
            for column in range(tree.columnCount() - 1):
                tree.resizeColumnToContents(column)
        self.sig_reminders.emit(list(data.reminders))

    def _activated(self, item: QTreeWidgetItem | None, _column: int) -> None:
        if item is None:
            return
        reference = item.data(0, Qt.ItemDataRole.UserRole)
        if reference:
            self.sig_open_case.emit(str(reference))

    def _selected_key(self) -> str | None:
        item = self.reminders.currentItem()
        key = item.data(1, Qt.ItemDataRole.UserRole) if item is not None else None
        return str(key) if key else None

    def dismiss_selected(self) -> None:
        key = self._selected_key()
        if key is None or case_deadlines is None:
            return
        Op.on_register(
            self.runner,
            lambda register: case_deadlines.dismiss_reminder(register, key, now=utc_now()),
            parent=self,
        ).success(lambda _r: self.refresh()).run_in_background()

    def snooze_selected(self, days: int = 1) -> None:
        key = self._selected_key()
        if key is None or case_deadlines is None:
            return

        def work(register: Register) -> None:
            now = utc_now()
            case_deadlines.snooze_reminder(register, key, until=now + timedelta(days=days), now=now)

        Op.on_register(self.runner, work, parent=self).success(
            lambda _r: self.refresh()
        ).run_in_background()

    def clear(self) -> None:
        for tree in (self.deadlines, self.reminders, self.changes):
            tree.clear()
        self.data = None
