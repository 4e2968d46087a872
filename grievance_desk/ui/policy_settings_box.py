"""Settings for deadlines: default policy per request type, holidays, reminders, own policies,
and the letter templates.

A changed rule moves every date it governs, so a change that moves dates is saved with the
recomputed stored next deadlines in one transaction (``services.settings_moving_dates``), and
``sig_deadlines_changed`` tells the window to reload its lists. Every change is also an audit
event (the service records it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.california_holidays import CITATION as CA_CITATION
from grievance_desk.domain.california_holidays import statutory_holidays
from grievance_desk.domain.case_types import RequestType
from grievance_desk.domain.policy import (
    Period,
    PeriodUnit,
    Policy,
    describe_period,
    policy_from_dict,
    policy_to_dict,
)
from grievance_desk.domain.policy_defaults import JURISDICTIONS, OrganisationProfile
from grievance_desk.domain.policy_presets import PRESETS
from grievance_desk.domain.reminders import ReminderSchedule
from grievance_desk.services import policy_settings as ps
from grievance_desk.services import settings_moving_dates as moving
from grievance_desk.services.clock import utc_now
from grievance_desk.services.deadline_settings import DeadlineSettings, read_settings
from grievance_desk.services.register_access import Register
from grievance_desk.ui import dates
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.ops import Op, OpChanges, OpRunner
from grievance_desk.ui.resources import icon
from grievance_desk.ui.template_editor import TemplateEditorDialog
from grievance_desk.ui.widgets import label, set_invalid

UNITS = [
    (PeriodUnit.CALENDAR_DAYS, QT_TR_NOOP("calendar days")),
    (PeriodUnit.BUSINESS_DAYS, QT_TR_NOOP("business days")),
    (PeriodUnit.CALENDAR_MONTHS, QT_TR_NOOP("calendar months")),
    (PeriodUnit.HOURS, QT_TR_NOOP("hours")),
]


def california_holidays_text(year: int) -> str:
    """The Cal. Gov. Code §6700 list for ``year``, one per line, as the officer sees it."""
    days = statutory_holidays(year)
    return "\n".join(f"{dates.weekday_day(d)} — {name}" for d, name in days.items())


def parse_offsets(text: str) -> tuple[int, ...]:
    """ "7, 3, 1, 0" → (7, 3, 1, 0); raises ValueError naming the bad part."""
    found: list[int] = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            raise ValueError(
                tr(
                    "“{part}” is not a number of days. Write whole days before the deadline, "
                    "separated by commas, e.g. 7, 3, 1, 0."
                ).format(part=part)
            )
        found.append(int(part))
    if not found:
        raise ValueError(tr("Give at least one day, e.g. 0 for the day itself."))
    return tuple(sorted(set(found), reverse=True))


class PeriodEdit(QWidget):
    """An amount and a unit, e.g. 30 calendar days."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = QSpinBox()
        self.amount.setRange(1, 999)
        self.amount.setAccessibleName(tr("{name}: amount").format(name=name))
        self.unit = QComboBox()
        for unit, text in UNITS:
            self.unit.addItem(text, unit.value)
        self.unit.setAccessibleName(tr("{name}: unit").format(name=name))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.amount)
        layout.addWidget(self.unit, 1)

    def set_period(self, period: Period | None) -> None:
        if period is None:
            return
        self.amount.setValue(period.amount)
        self.unit.setCurrentIndex(max(0, self.unit.findData(period.unit.value)))

    def period_dict(self) -> dict[str, Any]:
        return {"amount": int(self.amount.value()), "unit": str(self.unit.currentData())}


class PolicyDialog(QDialog):
    """The common fields of one of the officer's own policies; ``changes()`` for the service."""

    def __init__(self, policy: Policy | None, presets: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            tr("Own policy") if policy is None else tr("Policy {id}").format(id=policy.id)
        )
        self.setObjectName("policy_dialog")
        self.is_copy = policy is None
        self.source = QComboBox()
        for preset in presets:
            self.source.addItem(preset, preset)
        self.source.setAccessibleName(tr("Copy of preset"))
        self.new_id = QLineEdit()
        self.new_id.setPlaceholderText(tr("e.g. our-30-days"))
        self.new_id.setAccessibleName(tr("New policy id"))
        self.name = QLineEdit(policy.name if policy else "")
        self.name.setAccessibleName(tr("Name"))
        self.respond = PeriodEdit(tr("Respond within"))
        self.has_ack = QCheckBox(tr("Acknowledge within"))
        self.acknowledge = PeriodEdit(tr("Acknowledge within"))
        self.extension_allowed = QCheckBox(tr("Extension allowed, by"))
        self.extension = PeriodEdit(tr("Extension length"))
        # The route a dissatisfied requester is told about: kept from the preset, editable.
        self.route = QPlainTextEdit()
        self.route.setAccessibleName(tr("Escalation route printed in letters"))
        self.route.setTabChangesFocus(True)
        self.route.setFixedHeight(80)
        self._route_shown = ""
        self.problem = label("", "error", wrap=True)
        form = QFormLayout()
        if policy is None:
            form.addRow(tr("Copy of &preset:"), self.source)
            form.addRow(tr("New &id:"), self.new_id)
        form.addRow(tr("&Name:"), self.name)
        form.addRow(tr("&Respond within:"), self.respond)
        form.addRow(self.has_ack, self.acknowledge)
        form.addRow(self.extension_allowed, self.extension)
        form.addRow(tr("Escalation &route:"), self.route)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            label(
                tr(
                    "Other rules (counting start, working week, clock stops) follow the preset "
                    "this policy was copied from."
                ),
                "hint",
                wrap=True,
            )
        )
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.has_ack.toggled.connect(self.acknowledge.setEnabled)
        self.extension_allowed.toggled.connect(self.extension.setEnabled)
        self.source.currentIndexChanged.connect(lambda _i: self._from_source())
        self.new_id.textChanged.connect(lambda _t: self._validate())
        if policy is not None:
            self._show(policy)
        else:
            self._from_source()
        self.setMinimumWidth(460)

    def _from_source(self) -> None:
        preset_id = self.source.currentData()
        versions = [p for p in PRESETS if p.id == preset_id]
        if versions:
            latest = max(versions, key=lambda p: p.in_force_from or date.min)
            self._show(latest)
            self.name.setText(tr("{name} (own copy)").format(name=latest.name))
        self._validate()

    def _show(self, policy: Policy) -> None:
        self.respond.set_period(policy.respond)
        self.has_ack.setChecked(policy.acknowledge is not None)
        self.acknowledge.set_period(policy.acknowledge)
        self.acknowledge.setEnabled(policy.acknowledge is not None)
        self.extension_allowed.setChecked(policy.extension.allowed)
        self.extension.set_period(policy.extension.length)
        self.extension.setEnabled(policy.extension.allowed)
        self._route_shown = " ".join(r.text for r in policy.escalation)
        self.route.setPlainText(self._route_shown)
        self.route.setToolTip(
            "; ".join(
                r.authority
                + " ("
                + r.citation
                + (", " + tr("from {date}").format(date=r.in_force_from) if r.in_force_from else "")
                + (
                    ", " + tr("until {date}").format(date=r.in_force_until)
                    if r.in_force_until
                    else ""
                )
                + ")"
                for r in policy.escalation
            )
            or tr("No route: letters name no regulator.")
        )

    def _validate(self) -> bool:
        text = self.new_id.text().strip()
        problem = ""
        if self.is_copy:
            if not text:
                problem = tr("Give the policy an id (letters, digits and dashes).")
            elif not all(c.isalnum() or c in "-_" for c in text):
                problem = tr("Use only letters, digits, dashes and underscores in the id.")
            elif text in {p.id for p in PRESETS}:
                problem = tr("“{id}” is a preset's id; choose another.").format(id=text)
        set_invalid(self.new_id, bool(problem), problem)
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)
        return not problem

    def _accept(self) -> None:
        if self._validate():
            self.accept()

    def changes(self) -> dict[str, Any]:
        extension: dict[str, Any] = {
            "allowed": self.extension_allowed.isChecked(),
            "length": self.extension.period_dict() if self.extension_allowed.isChecked() else None,
            "max_count": 1 if self.extension_allowed.isChecked() else 0,
            "notice_within": None,
        }
        found: dict[str, Any] = {
            "name": self.name.text().strip(),
            "respond": self.respond.period_dict(),
            "acknowledge": self.acknowledge.period_dict() if self.has_ack.isChecked() else None,
            "extension": extension,
        }
        route = " ".join(self.route.toPlainText().split())
        if route != " ".join(self._route_shown.split()):  # edited: the officer's own words
            found["escalation"] = (
                [
                    {
                        "authority": "the route in the organisation's policy",
                        "citation": "the organisation's policy",
                        "text": route,
                    }
                ]
                if route
                else []
            )
        return found


class DeadlineSettingsSection(QWidget):
    """The group boxes for policies, holidays, reminders and templates on the Settings page."""

    sig_deadlines_changed = Signal()

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings: DeadlineSettings | None = None
        self._filling = False

        # what the organisation is: the law picks each case's policy by its received date
        self.law_box = QGroupBox(tr("What the law applies"))
        self.intermediary = QCheckBox(tr("We are an intermediary (IT Act 2000 s.2(1)(w))"))
        self.significant = QCheckBox(
            tr(
                "…a significant social media intermediary (IT Rules r.2(1)(v)): monthly "
                "r.4(1)(d) compliance figures in the report"
            )
        )
        self.home = QComboBox()
        self.home.setAccessibleName(tr("Established in"))
        self.home.addItem(tr("Not set (the organisation's own policy for every case)"), None)
        for code, name in JURISDICTIONS.items():
            self.home.addItem(tr(name), code)
        self.also: dict[str, QCheckBox] = {}
        also_row = QGridLayout()
        for index, (code, name) in enumerate(JURISDICTIONS.items()):
            check = QCheckBox(tr(name))
            check.setAccessibleName(tr("Also serves {name}").format(name=tr(name)))
            self.also[code] = check
            also_row.addWidget(check, index // 3, index % 3)
        self.save_profile = QPushButton(tr("Save"))
        self.save_profile.setAccessibleName(tr("Save what the organisation is"))
        self.save_profile.clicked.connect(lambda _c=False: self.apply_profile())
        self.member_state = QLineEdit()
        self.member_state.setPlaceholderText(tr("e.g. DE, IE or ES-MD"))
        self.member_state.setAccessibleName(tr("Controller's Member State"))
        self.save_member_state = QPushButton(tr("Save"))
        self.save_member_state.setAccessibleName(tr("Save Member State"))
        self.save_member_state.clicked.connect(lambda _c=False: self.apply_member_state())
        member_row = QHBoxLayout()
        member_row.addWidget(self.member_state, 1)
        member_row.addWidget(self.save_member_state)
        self.ca_holidays = QListWidget()
        self.ca_holidays.setAccessibleName(tr("California statutory holidays"))
        self.ca_holidays.setMaximumHeight(110)
        self.looser_warning = label("", "error", wrap=True)
        law_form = QFormLayout(self.law_box)
        law_form.addRow(
            label(
                tr(
                    "Each new case gets the policy its law applies on the day it was received; "
                    "a policy you choose per request type may be stricter, never looser."
                ),
                "hint",
                wrap=True,
            )
        )
        law_form.addRow(self.intermediary)
        law_form.addRow(self.significant)
        law_form.addRow(tr("Established in:"), self.home)
        law_form.addRow(tr("Also serves:"), also_row)
        profile_row = QHBoxLayout()
        profile_row.addStretch(1)
        profile_row.addWidget(self.save_profile)
        law_form.addRow(profile_row)
        law_form.addRow(tr("GDPR Member State:"), member_row)
        law_form.addRow(
            label(
                tr(
                    "Reg 1182/71 art 3(4): a GDPR period ending on a public holiday of the "
                    "controller's Member State ends on the next working day."
                ),
                "hint",
                wrap=True,
            )
        )
        law_form.addRow(
            label(
                tr("California's statutory holidays ({citation}), for CCPA business days:").format(
                    citation=CA_CITATION
                )
            )
        )
        law_form.addRow(self.ca_holidays)
        law_form.addRow(self.looser_warning)

        # default policy per request type
        self.defaults_box = QGroupBox(tr("Default policy per request type"))
        defaults_form = QFormLayout(self.defaults_box)
        defaults_form.addRow(
            label(
                tr(
                    "New cases of each type follow this policy unless you choose another on the "
                    "case. Cases already on the default move with it. \u201cBy law\u201d picks "
                    "the policy in force on each case's received date."
                ),
                "hint",
                wrap=True,
            )
        )
        self.default_combos: dict[str, QComboBox] = {}
        for kind in RequestType:
            combo = QComboBox()
            combo.setAccessibleName(tr("Default policy for {label}").format(label=tr(kind.label)))
            combo.currentIndexChanged.connect(lambda _i, k=kind.value: self._default_changed(k))
            self.default_combos[kind.value] = combo
            defaults_form.addRow(tr("{label}:").format(label=tr(kind.label)), combo)

        # holidays
        self.holidays_box = QGroupBox(tr("Holidays and days off"))
        self.holidays = QListWidget()
        self.holidays.setAccessibleName(tr("Your days off"))
        self.holidays.setMaximumHeight(110)
        self.holidays.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.new_day = QDateEdit(QDate.currentDate())
        self.new_day.setCalendarPopup(True)
        self.new_day.setDisplayFormat("ddd dd MMM yyyy")
        self.new_day.setAccessibleName(tr("Day off to add"))
        self.add_day = QPushButton(tr("Add"))
        self.add_day.setAccessibleName(tr("Add day off"))
        self.add_day.clicked.connect(lambda _c=False: self.add_holiday())
        self.remove_day = QPushButton(icon("trash"), tr("Remove selected"))
        self.remove_day.clicked.connect(self.remove_selected_holidays)
        day_row = QHBoxLayout()
        day_row.addWidget(self.new_day)
        day_row.addWidget(self.add_day)
        day_row.addStretch(1)
        day_row.addWidget(self.remove_day)
        holidays_layout = QVBoxLayout(self.holidays_box)
        holidays_layout.addWidget(
            label(
                tr(
                    "Office closures: business-day counting and roll-forward skip them only under "
                    "policies whose law counts them (your own policy); GDPR and CCPA dates count "
                    "public holidays only."
                ),
                "hint",
                wrap=True,
            )
        )
        holidays_layout.addWidget(self.holidays)
        holidays_layout.addLayout(day_row)

        # reminders
        self.reminders_box = QGroupBox(tr("Reminder schedule"))
        self.per_policy = QRadioButton(tr("Each policy's own reminders"))
        self.one_schedule = QRadioButton(tr("One schedule for every policy:"))
        self.offsets = QLineEdit()
        self.offsets.setPlaceholderText("7, 3, 1, 0")
        self.offsets.setAccessibleName(tr("Days before a deadline to remind"))
        self.offsets.setToolTip(
            tr("Days before each deadline, separated by commas (0 = on the day)")
        )
        self.daily = QCheckBox(tr("Remind daily while overdue"))
        self.save_reminders = QPushButton(tr("Save schedule"))
        self.save_reminders.clicked.connect(self.apply_schedule)
        self.reminder_problem = label("", "error", wrap=True)
        reminders_form = QFormLayout(self.reminders_box)
        reminders_form.addRow(self.per_policy)
        one_row = QHBoxLayout()
        one_row.addWidget(self.one_schedule)
        one_row.addWidget(self.offsets, 1)
        one_row.addWidget(label(tr("days before"), "muted"))
        reminders_form.addRow(one_row)
        reminders_form.addRow(self.daily)
        reminders_form.addRow(self.reminder_problem)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_reminders)
        reminders_form.addRow(save_row)
        self.one_schedule.toggled.connect(self._schedule_mode)
        self.offsets.textChanged.connect(lambda _t: self._check_offsets())

        # own policies
        self.policies_box = QGroupBox(tr("Your own policies"))
        self.own = QListWidget()
        self.own.setAccessibleName(tr("Your own policies"))
        self.own.setMaximumHeight(120)
        self.copy_button = QPushButton(tr("Copy a preset…"))
        self.copy_button.clicked.connect(self.copy_preset_dialog)
        self.edit_button = QPushButton(icon("edit"), tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_policy_dialog)
        self.delete_button = QPushButton(icon("trash"), tr("Delete"))
        self.delete_button.clicked.connect(self.delete_policy)
        own_buttons = QHBoxLayout()
        own_buttons.addWidget(self.copy_button)
        own_buttons.addStretch(1)
        own_buttons.addWidget(self.edit_button)
        own_buttons.addWidget(self.delete_button)
        own_layout = QVBoxLayout(self.policies_box)
        own_layout.addWidget(self.own)
        own_layout.addLayout(own_buttons)
        self.own.currentRowChanged.connect(lambda _r: self._own_buttons())

        # templates
        self.templates_box = QGroupBox(tr("Letter templates"))
        self.templates = QListWidget()
        self.templates.setAccessibleName(tr("Letter templates"))
        self.templates.setMaximumHeight(170)
        self.templates.itemActivated.connect(lambda _i: self.edit_template())
        self.edit_template_button = QPushButton(icon("edit"), tr("Edit template…"))
        self.edit_template_button.clicked.connect(self.edit_template)
        tpl_layout = QVBoxLayout(self.templates_box)
        tpl_layout.addWidget(
            label(
                tr(
                    "The shipped templates never change; editing makes your own copy, with "
                    "versions. Each issued letter records the version that made it."
                ),
                "hint",
                wrap=True,
            )
        )
        tpl_layout.addWidget(self.templates)
        tpl_row = QHBoxLayout()
        tpl_row.addStretch(1)
        tpl_row.addWidget(self.edit_template_button)
        tpl_layout.addLayout(tpl_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = (
            self.law_box,
            self.defaults_box,
            self.holidays_box,
            self.reminders_box,
            self.policies_box,
            self.templates_box,
        )
        for box in self.boxes:
            layout.addWidget(box)

    # -- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        Op.on_register(self.runner, read_settings, parent=self).success(self._show).failure(
            lambda _e: None
        ).run_in_background()

    def _show(self, settings: DeadlineSettings) -> None:
        self.settings = settings
        self._filling = True
        ids = list(dict.fromkeys(p.id for p in settings.policies))
        for kind, combo in self.default_combos.items():
            combo.clear()
            combo.addItem(
                tr("By law (else {policy})").format(policy=ps.BUILT_IN_DEFAULT_POLICY),
                None,
            )
            for policy_id in ids:
                if policy_id != ps.BUILT_IN_DEFAULT_POLICY:
                    combo.addItem(policy_id, policy_id)
            chosen = settings.defaults.get(kind)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
        profile = settings.profile
        self.intermediary.setChecked(bool(profile and profile.intermediary))
        self.significant.setChecked(bool(profile and profile.significant))
        self.home.setCurrentIndex(max(0, self.home.findData(profile.home)) if profile else 0)
        for code, box in self.also.items():
            box.setChecked(bool(profile and code in profile.jurisdictions[1:]))
        self.member_state.setText(settings.member_state)
        self.ca_holidays.clear()
        self.ca_holidays.addItems(california_holidays_text(utc_now().year).split("\n"))
        self.looser_warning.setText(" ".join(settings.looser))
        self.holidays.clear()
        for day in settings.days_off:
            item = QListWidgetItem(dates.weekday_day(day))
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.holidays.addItem(item)
        if not settings.days_off:
            empty = QListWidgetItem(tr("No days off yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.holidays.addItem(empty)
        schedule = settings.schedule
        self.one_schedule.setChecked(schedule is not None)
        self.per_policy.setChecked(schedule is None)
        shown = schedule or ReminderSchedule()
        self.offsets.setText(", ".join(str(d) for d in sorted(shown.offsets_days, reverse=True)))
        self.daily.setChecked(shown.daily_when_overdue)
        self._schedule_mode(schedule is not None)
        self.own.clear()
        for policy_id in settings.custom_ids:
            policy = next(p for p in settings.policies if p.id == policy_id)
            text = tr("{id} — respond in {period}").format(
                id=policy.id, period=describe_period(policy.respond)
            )
            if policy.acknowledge:
                text += ", " + tr("acknowledge in {period}").format(
                    period=describe_period(policy.acknowledge)
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, policy.id)
            self.own.addItem(item)
        self._own_buttons()
        self.templates.clear()
        for template in settings.templates:
            text = template.title + (
                ""
                if template.shipped
                else "  — " + tr("your {version}").format(version=template.version)
            )
            item = QListWidgetItem(icon("letter"), text)
            item.setData(Qt.ItemDataRole.UserRole, template.id)
            self.templates.addItem(item)
        self._filling = False

    def _own_buttons(self) -> None:
        chosen = self.own.currentItem() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # -- changes -------------------------------------------------------------------------

    def _change(
        self, label_text: str, work: Callable[[Register], object], *, moves_dates: bool
    ) -> None:
        def run(register: Register) -> None:
            work(register)  # a change that moves dates refreshes them in its own transaction

        def done(_r: None) -> None:
            self.refresh()
            if moves_dates:
                self.sig_deadlines_changed.emit()

        def failed(error: Exception) -> None:
            show_error(self, tr("Not changed"), error)
            self.refresh()

        # Dates moved: every case's next deadline may differ (Today, the list, the case file).
        changes = (
            OpChanges(cases=True, deadlines=True, settings=True)
            if moves_dates
            else OpChanges(settings=True)
        )
        Op.on_register(self.runner, run, parent=self).success(done).failure(failed).changes(
            changes
        ).with_progress(label_text).run_in_background()

    def apply_profile(self) -> None:
        """Save what the organisation is; every case without its own policy may move."""
        home = self.home.currentData()
        if home is None:
            show_error(
                self,
                tr("Not saved"),
                ValueError(tr("Choose where the organisation is established.")),
            )
            return
        others = [c for c, box in self.also.items() if box.isChecked() and c != home]
        profile = OrganisationProfile(
            self.intermediary.isChecked() or self.significant.isChecked(),
            (str(home), *others),
            self.significant.isChecked(),
        )
        self._change(
            tr("Saving what the organisation is…"),
            lambda register: moving.set_profile(register, profile, now=utc_now()),
            moves_dates=True,
        )

    def apply_member_state(self) -> None:
        code = self.member_state.text().strip() or None
        self._change(
            tr("Saving the Member State…"),
            lambda register: moving.set_member_state(register, code, now=utc_now()),
            moves_dates=True,
        )

    def _default_changed(self, kind: str) -> None:
        if self._filling:
            return
        policy_id = self.default_combos[kind].currentData()
        self._change(
            tr("Changing the default policy…"),
            lambda register: moving.set_default_policy(register, kind, policy_id, now=utc_now()),
            moves_dates=True,
        )

    def add_holiday(self, day: date | None = None) -> None:
        if day is None:
            chosen = self.new_day.date()
            day = date(chosen.year(), chosen.month(), chosen.day())
        when = day
        self._change(
            tr("Adding the day off and moving due dates…"),
            lambda register: moving.add_days_off(register, [when], now=utc_now()),
            moves_dates=True,
        )

    def remove_selected_holidays(self) -> None:
        days = [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in self.holidays.selectedItems()
            if item.data(Qt.ItemDataRole.UserRole)
        ]
        if not days:
            return
        self._change(
            tr("Removing days off and moving due dates…"),
            lambda register: moving.remove_days_off(register, days, now=utc_now()),
            moves_dates=True,
        )

    def _schedule_mode(self, one: bool) -> None:
        self.offsets.setEnabled(one)
        self.daily.setEnabled(one)
        self._check_offsets()

    def _check_offsets(self) -> tuple[int, ...] | None:
        if not self.one_schedule.isChecked():
            set_invalid(self.offsets, False)
            self.reminder_problem.clear()
            self.save_reminders.setEnabled(True)
            return None
        try:
            offsets = parse_offsets(self.offsets.text())
        except ValueError as error:
            set_invalid(self.offsets, True, str(error))
            self.reminder_problem.setText(str(error))
            self.save_reminders.setEnabled(False)
            return None
        set_invalid(self.offsets, False)
        self.reminder_problem.clear()
        self.save_reminders.setEnabled(True)
        return offsets

    def apply_schedule(self) -> None:
        schedule: ReminderSchedule | None = None
        if self.one_schedule.isChecked():
            offsets = self._check_offsets()
            if offsets is None:
                return
            schedule = ReminderSchedule(offsets, self.daily.isChecked())
        self._change(
            tr("Saving the reminder schedule…"),
            lambda register: ps.set_reminder_schedule(register, schedule, now=utc_now()),
            moves_dates=False,
        )

    def copy_preset_dialog(self) -> PolicyDialog:
        presets = list(dict.fromkeys(p.id for p in PRESETS))
        dialog = PolicyDialog(None, presets, self)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self._copy(dialog))
        dialog.open()
        return dialog

    def _copy(self, dialog: PolicyDialog) -> None:
        source = str(dialog.source.currentData())
        new_id = dialog.new_id.text().strip()
        changes = dialog.changes()
        self._change(
            tr("Saving the policy…"),
            lambda register: ps.copy_preset(
                register, source, new_id, now=utc_now(), changes=changes
            ),
            moves_dates=False,
        )

    def edit_policy_dialog(self) -> PolicyDialog | None:
        item = self.own.currentItem()
        if item is None or self.settings is None:
            return None
        policy_id = str(item.data(Qt.ItemDataRole.UserRole))
        versions = [p for p in self.settings.policies if p.id == policy_id]
        policy = max(versions, key=lambda p: p.in_force_from or date.min)
        dialog = PolicyDialog(policy, [], self)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self._save_edit(policy, dialog))
        dialog.open()
        return dialog

    def _save_edit(self, policy: Policy, dialog: PolicyDialog) -> None:
        data = policy_to_dict(policy)
        data.update(dialog.changes())

        def work(register: Register) -> None:
            try:
                edited = policy_from_dict(data)
            except ValueError as error:
                raise ValueError(
                    tr("The policy is not valid: {error}. Correct that field.").format(error=error)
                ) from None
            moving.save_custom_policy(register, edited, now=utc_now())

        self._change(tr("Saving the policy…"), work, moves_dates=True)

    def delete_policy(self) -> None:
        item = self.own.currentItem()
        if item is None:
            return
        policy_id = str(item.data(Qt.ItemDataRole.UserRole))
        self._change(
            tr("Deleting the policy…"),
            lambda register: ps.delete_custom_policy(register, policy_id, now=utc_now()),
            moves_dates=False,
        )

    def edit_template(self) -> None:
        item = self.templates.currentItem()
        template_id = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        dialog = TemplateEditorDialog(self.runner, template_id, self)
        self.last_template_editor = dialog
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
