"""The case details form, shared by the case file and the new-case dialog.

Validation is the domain's (`problems_in`), run on every edit so a bad e-mail, phone or
missing name is marked at the field with the fix, and the Save button stays disabled until
every problem is gone: nothing half-valid ever reaches the register.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.case_record import CaseDraft, FieldProblem, Requester, problems_in
from grievance_desk.domain.case_types import (
    CaseKind,
    Channel,
    DataCategory,
    IdentityState,
    Priority,
    Relationship,
    Representative,
    RequestType,
)
from grievance_desk.domain.languages import LANGUAGES, language_name
from grievance_desk.domain.received_time import in_zone
from grievance_desk.services.clock import utc_now
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.widgets import label, set_invalid

DEFAULT_POLICY_TEXT = QT_TR_NOOP("Default for the request type")
_TAG_SPLIT = re.compile(r"[;,\n\r]")
CATEGORY_COLUMNS = 3


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as typed ("vip; escalated, 2026"): split on ; , or line breaks, blanks dropped."""
    return tuple(part.strip() for part in _TAG_SPLIT.split(text) if part.strip())


def _enum_combo(enum: type[Enum], name: str) -> QComboBox:
    combo = QComboBox()
    for member in enum:
        combo.addItem(tr(getattr(member, "label", str(member.value))), str(member.value))
    combo.setProperty("enum_name", enum.__name__)
    combo.setAccessibleName(name)
    return combo


def _select(combo: QComboBox, value: Any) -> None:
    index = combo.findData(str(value))
    combo.setCurrentIndex(max(0, index))


class CaseForm(QWidget):
    """Edits a CaseDraft; ``sig_state_changed(dirty, valid)`` drives Save buttons."""

    sig_state_changed = Signal(bool, bool)

    def __init__(self, policy_ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original: CaseDraft | None = None
        self._zone = ZoneInfo("Asia/Kolkata")
        self._loading = False
        self._touched: set[str] = set()
        self._show_all = False

        self.kind = _enum_combo(CaseKind, tr("Kind of case"))
        self.request_type = _enum_combo(RequestType, tr("Request type"))
        self.channel = _enum_combo(Channel, tr("Received by"))
        self.received_at = QDateTimeEdit()
        self.received_at.setCalendarPopup(True)
        self.received_at.setDisplayFormat("dd MMM yyyy  HH:mm")
        self.received_at.setAccessibleName(tr("Received at"))
        self.received_at.setTimeZone(QTimeZone.utc())
        self.priority = _enum_combo(Priority, tr("Priority"))
        self.identity_state = _enum_combo(IdentityState, tr("Identity check"))
        self.policy = QComboBox()
        self.policy.addItem(tr(DEFAULT_POLICY_TEXT), None)
        for policy_id in policy_ids:
            self.policy.addItem(policy_id, policy_id)
        self.policy.setAccessibleName(tr("Deadline policy"))
        self.categories: dict[DataCategory, QCheckBox] = {}
        self.categories_box = QWidget()
        self.categories_box.setAccessibleName(tr("Data categories concerned"))
        grid = QGridLayout(self.categories_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for index, category in enumerate(DataCategory):
            check = QCheckBox(tr(category.label))
            check.setAccessibleName(tr("Data category: {name}").format(name=tr(category.label)))
            self.categories[category] = check
            grid.addWidget(check, index // CATEGORY_COLUMNS, index % CATEGORY_COLUMNS)
        self.tags = QLineEdit()
        self.tags.setAccessibleName(tr("Tags"))
        self.tags.setPlaceholderText(tr("e.g. escalated; media  (separate with ; or ,)"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(90)
        self.description.setAccessibleName(tr("Description"))
        self.name = QLineEdit()
        self.name.setAccessibleName(tr("Requester's name"))
        self.email = QLineEdit()
        self.email.setAccessibleName(tr("Requester's e-mail"))
        example_address = "name@example.org"  # an address, the same in every language
        self.email.setPlaceholderText(example_address)
        self.phone = QLineEdit()
        self.phone.setAccessibleName(tr("Requester's phone"))
        self.phone.setPlaceholderText("+91 …")
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(58)
        self.address.setAccessibleName(tr("Requester's postal address"))
        self.relationship = _enum_combo(Relationship, tr("Relationship to us"))
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(tr("Requester's account or organisation"))
        self.representative = _enum_combo(Representative, tr("Represented by"))
        self.representative_name = QLineEdit()
        self.representative_name.setAccessibleName(tr("Representative's name"))
        # issue 17: the language letters go out in; proposed from the requester's script.
        self.reply_language = QComboBox()
        self.reply_language.setAccessibleName(tr("Reply language"))
        self.reply_language.setObjectName("reply_language")
        self._stored_language: str | None = None
        self._language_loaded = False

        self._errors: dict[str, tuple[QWidget, Any]] = {}

        request = QGroupBox(tr("Request"))
        form = QFormLayout(request)
        form.addRow(tr("&Kind:"), self.kind)
        form.addRow(tr("&Type:"), self.request_type)
        form.addRow(tr("Received &by:"), self.channel)
        form.addRow(tr("Received &at:"), self._field("received_at", self.received_at))
        form.addRow(tr("Priorit&y:"), self.priority)
        form.addRow(tr("Identity check:"), self.identity_state)
        form.addRow(tr("&Policy:"), self.policy)
        form.addRow(tr("&Description:"), self._field("description", self.description))
        form.addRow(tr("Data cate&gories:"), self.categories_box)
        form.addRow(tr("Ta&gs:"), self._field("tags", self.tags))

        person = QGroupBox(tr("Requester"))
        pform = QFormLayout(person)
        pform.addRow(tr("&Name:"), self._field("requester.name", self.name))
        pform.addRow(tr("&E-mail:"), self._field("requester.email", self.email))
        pform.addRow(tr("P&hone:"), self._field("requester.phone", self.phone))
        pform.addRow(tr("Add&ress:"), self.address)
        pform.addRow(tr("Reply &language:"), self.reply_language)
        self._person_form = pform
        pform.addRow(tr("Relationship:"), self.relationship)
        pform.addRow(tr("Account / org.:"), self.organisation)
        pform.addRow(tr("Represented by:"), self.representative)
        pform.addRow(
            tr("Representative:"), self._field("representative_name", self.representative_name)
        )
        for box in (form, pform):
            box.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(request)
        layout.addWidget(person)
        layout.addStretch(1)

        for widget, key in (
            (self.name, "requester.name"),
            (self.email, "requester.email"),
            (self.phone, "requester.phone"),
            (self.organisation, "requester.organisation"),
            (self.representative_name, "representative_name"),
            (self.tags, "tags"),
        ):
            widget.textChanged.connect(lambda _t, k=key: self._edited(k))
        for check in self.categories.values():
            check.toggled.connect(lambda _on: self._edited("data_categories"))
        for text_edit, key in (
            (self.description, "description"),
            (self.address, "requester.postal_address"),
        ):
            text_edit.textChanged.connect(lambda k=key: self._edited(k))
        for combo, key in (
            (self.kind, "kind"),
            (self.request_type, "request_type"),
            (self.channel, "channel"),
            (self.priority, "priority"),
            (self.identity_state, "identity_state"),
            (self.policy, "policy_id"),
            (self.relationship, "requester.relationship"),
            (self.representative, "representative"),
        ):
            combo.currentIndexChanged.connect(lambda _i, k=key: self._edited(k))
        self.received_at.dateTimeChanged.connect(lambda _d: self._edited("received_at"))
        self.reply_language.currentIndexChanged.connect(lambda _i: self._edited("reply_language"))
        pform.setRowVisible(self.reply_language, False)  # shown once a case's language loads

    def _field(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = label("", "error", wrap=True)
        error.setObjectName(f"error_{key}")
        error.hide()
        column.addWidget(error)
        self._errors[key] = (widget, error)
        return box

    # -- loading and reading -------------------------------------------------------------

    def load(self, draft: CaseDraft, zone: ZoneInfo, *, reply_language: Any | None = None) -> None:
        """Show ``draft``; ``reply_language`` (a services ReplyLanguage) fills the language
        combo; without it the combo keeps what it shows, taken as saved."""
        self._loading = True
        if reply_language is not None:
            self._load_reply_language(reply_language.code, reply_language.confirmed)
        elif self._language_loaded:
            self._stored_language = self.reply_language.currentData()
        self._original = draft
        self._zone = zone
        self._touched.clear()
        self._show_all = False
        _select(self.kind, draft.kind)
        _select(self.request_type, draft.request_type)
        _select(self.channel, draft.channel)
        local = draft.received_at.astimezone(zone)
        # Wall-clock values in a UTC QDateTime: the officer's zone is applied by us, not Qt.
        self.received_at.setDateTime(
            QDateTime(
                QDate(local.year, local.month, local.day),
                QTime(local.hour, local.minute, local.second),
                QTimeZone.utc(),
            )
        )
        _select(self.priority, draft.priority)
        _select(self.identity_state, draft.identity_state)
        index = self.policy.findData(draft.policy_id)
        if index < 0 and draft.policy_id:
            self.policy.addItem(draft.policy_id, draft.policy_id)
            index = self.policy.count() - 1
        self.policy.setCurrentIndex(max(0, index))
        self.description.setPlainText(draft.description)
        for category, check in self.categories.items():
            check.setChecked(category in draft.data_categories)
        self.tags.setText("; ".join(draft.tags))
        person = draft.requester
        self.name.setText(person.name)
        self.email.setText(person.email)
        self.phone.setText(person.phone)
        self.address.setPlainText(person.postal_address)
        _select(self.relationship, person.relationship)
        self.organisation.setText(person.organisation)
        _select(self.representative, draft.representative)
        self.representative_name.setText(draft.representative_name)
        self._loading = False
        self._refresh()

    def _load_reply_language(self, code: str, confirmed: bool) -> None:
        """The officer's language, or the proposal as a first item that saves nothing."""
        combo = self.reply_language
        combo.blockSignals(True)
        combo.clear()
        if not confirmed:
            combo.addItem(
                tr("{language} — proposed from the requester's text").format(
                    language=language_name(code)
                ),
                None,
            )
        for known, _name, _native in LANGUAGES:
            combo.addItem(language_name(known), known)
        combo.setCurrentIndex(0 if not confirmed else max(0, combo.findData(code)))
        combo.setToolTip(
            tr(
                "Proposed from the script of the requester's own text: choose a language to "
                "confirm it or change it"
            )
            if not confirmed
            else tr("The language this case's letters are written in")
        )
        combo.blockSignals(False)
        self._stored_language = code if confirmed else None
        self._language_loaded = True
        self._person_form.setRowVisible(combo, True)

    def reply_language_choice(self) -> str | None:
        """The language the officer chose in the combo, or None while only proposed."""
        value = self.reply_language.currentData() if self._language_loaded else None
        return None if value is None else str(value)

    def _received(self) -> datetime:
        value = self.received_at.dateTime()
        naive = datetime(
            value.date().year(),
            value.date().month(),
            value.date().day(),
            value.time().hour(),
            value.time().minute(),
        )
        return in_zone(naive, self._zone)

    def draft(self) -> CaseDraft:
        """The draft as the form shows it now (fields the form lacks come from the original)."""
        base = self._original
        assert base is not None
        received = self._received()
        if base.received_at.astimezone(self._zone).replace(second=0, microsecond=0) == received:
            received = base.received_at
        categories = tuple(c for c, check in self.categories.items() if check.isChecked())
        if set(categories) == set(base.data_categories):
            categories = base.data_categories  # same choice: keep the stored order
        tags = parse_tags(self.tags.text())
        if tags == tuple(t.strip() for t in base.tags):
            tags = base.tags
        return replace(
            base,
            kind=CaseKind(self.kind.currentData()),
            request_type=RequestType(self.request_type.currentData()),
            channel=Channel(self.channel.currentData()),
            received_at=received,
            priority=Priority(self.priority.currentData()),
            identity_state=IdentityState(self.identity_state.currentData()),
            policy_id=self.policy.currentData(),
            description=self.description.toPlainText(),
            data_categories=categories,
            tags=tags,
            representative=Representative(self.representative.currentData()),
            representative_name=self.representative_name.text().strip(),
            requester=Requester(
                name=self.name.text(),
                email=self.email.text().strip(),
                phone=self.phone.text().strip(),
                postal_address=self.address.toPlainText().strip(),
                relationship=Relationship(self.relationship.currentData()),
                organisation=self.organisation.text().strip(),
            ),
        )

    def use_suggestion(self, field: str, value: str) -> None:
        """Put a value the officer accepted into its field, as if typed or chosen there."""
        combos = {"kind": self.kind, "request_type": self.request_type, "channel": self.channel}
        if field in combos:
            _select(combos[field], value)
        elif field == "requester.phone":
            self.phone.setText(value)
        elif field == "requester.email":
            self.email.setText(value)
        else:
            raise ValueError(f"No form field {field!r} takes suggestions.")

    def changes(self) -> dict[str, Any]:
        """Only what changed, as ``update_case`` takes it."""
        base = self._original
        assert base is not None
        now = self.draft()
        found: dict[str, Any] = {}
        for name in (
            "kind",
            "request_type",
            "channel",
            "received_at",
            "priority",
            "identity_state",
            "policy_id",
            "description",
            "data_categories",
            "tags",
            "representative",
            "representative_name",
        ):
            if getattr(now, name) != getattr(base, name):
                found[name] = getattr(now, name)
        for name in ("name", "email", "phone", "postal_address", "relationship", "organisation"):
            if getattr(now.requester, name) != getattr(base.requester, name):
                found[f"requester.{name}"] = getattr(now.requester, name)
        if "requester.name" in found:
            found["requester.name"] = str(found["requester.name"]).strip()
        choice = self.reply_language_choice()
        if choice is not None and choice != self._stored_language:
            found["reply_language"] = choice  # issue 17: saved by save_case_details
        return found

    @property
    def is_dirty(self) -> bool:
        return self._original is not None and bool(self.changes())

    def problems(self) -> list[FieldProblem]:
        if self._original is None:
            return []
        return problems_in(self.draft(), now=utc_now(), zone=self._zone)

    @property
    def is_valid(self) -> bool:
        return not self.problems()

    def show_all_problems(self) -> None:
        """After a save attempt, mark every bad field, touched or not."""
        self._show_all = True
        self._refresh()

    # -- live validation -----------------------------------------------------------------

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        self._refresh()

    def _refresh(self) -> None:
        problems = {p.field: p.message for p in self.problems()}
        for key, (widget, error) in self._errors.items():
            shown = key in problems and (self._show_all or key in self._touched)
            message = problems.get(key, "") if shown else ""
            set_invalid(widget, shown, message)
            error.setText(message[:1].upper() + message[1:] + "." if message else "")
            error.setVisible(shown)
        self.sig_state_changed.emit(self.is_dirty, not problems)
