"""The register: search as you type, filter chips, saved views, and the case file beside it.

Like a mail client: the list on the left, the selected case in a reading pane on the right.
Every filter becomes SQL through `CaseFilter`; the view never sees more than a page window.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QGuiApplication,
    QPainter,
    QPalette,
    QStaticText,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.case_types import RequestType
from grievance_desk.domain.workflow import Status
from grievance_desk.services.case_queries import CaseFilter, policies_in_use
from grievance_desk.ui.case_file import CaseFile
from grievance_desk.ui.case_pages import RegisterPages
from grievance_desk.ui.cases_table_model import (
    COLUMNS,
    KIND_COLUMN,
    PRIORITY_COLUMN,
    REFERENCE_ROLE,
    CasesTableModel,
)
from grievance_desk.ui.dialogs import UnsavedChoice, ask_unsaved
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.private_files import PrivateFiles
from grievance_desk.ui.resources import icon
from grievance_desk.ui.widgets import label

HIDDEN_COLUMNS_KEY = "cases/hidden_columns"
#: Shown by default: reference, requester, type, status, next deadline, days left. Received,
#: policy, priority and kind are one right-click away (header menu), so the requester's name
#: and the deadline columns fit beside the case file on a 1366-pixel laptop screen.
DEFAULT_HIDDEN = (1, 7, PRIORITY_COLUMN, KIND_COLUMN)
COLUMN_WIDTHS = (118, 92, 140, 106, 142, 144, 70, 96, 72, 104)
STRETCH_COLUMN = 2  # the requester's name takes what is left, elided

SAVED_VIEW_ALL = QT_TR_NOOP("All cases")
#: Saved views by their English name (QT_TR_NOOP), shown through tr().
SAVED_VIEWS: dict[str, CaseFilter] = {
    SAVED_VIEW_ALL: CaseFilter(),
    QT_TR_NOOP("Open cases"): CaseFilter(open_only=True),
    QT_TR_NOOP("My overdue"): CaseFilter(overdue_only=True),
    QT_TR_NOOP("Due in 7 days"): CaseFilter(due_within_days=7),
    QT_TR_NOOP("Awaiting requester"): CaseFilter(awaiting_requester_only=True),
}


# Flag tests on plain ints: PySide6's enum flags are Python enums, and ``&`` on them cost as
# much as drawing the text (three per cell, 160 cells per repaint).
_QT_PAINTS = (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus).value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_TEXTS_KEPT = 4000
_RIGHT_ALIGNED = 6  # "Days left", as the model's TextAlignmentRole says


class CellTextDelegate(QStyledItemDelegate):
    """Paints a plain cell's text from laid-out text kept between repaints.

    Qt lays each cell's text out twice on every repaint (to elide it, then to draw it),
    about 40% of repainting the list. A cell that is neither selected nor focused is drawn
    here from a cached QStaticText with Qt's margins, eliding, centring and colours (the
    same pixels as Qt's own painting); any other cell, and a row whose page
    is still loading, is painted by Qt as before. What every cell of a repaint shares (the
    font's key, the text colour of a state) is worked out once and kept until the font or
    palette changes; state flags are tested as ints (tests/ui/test_cases_cell_painting.py).
    """

    def __init__(self, view: QTableView, model: CasesTableModel) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        self._margin = -1  # Qt's text margin, read at the first paint (the view is styled)
        # (text, width, font key) -> the elided text laid out, its width and its height
        self._texts: dict[tuple[str, int, str], tuple[QStaticText, float, float]] = {}
        self._font = QFont()
        self._font_key = ""
        self._palette_key = -1
        self._colours: dict[int, QColor] = {}  # text colour by enabled/active state bits

    def _font_key_of(self, font: QFont) -> str:
        if self._font_key == "" or font != self._font:
            self._font = QFont(font)
            self._font_key = font.key()
        return self._font_key

    def _text_colour(self, palette: QPalette, state: int) -> QColor:
        if palette.cacheKey() != self._palette_key:
            self._palette_key = palette.cacheKey()
            self._colours.clear()
        bits = state & (_ENABLED | _ACTIVE)
        colour = self._colours.get(bits)
        if colour is None:
            group = (
                QPalette.ColorGroup.Disabled
                if not bits & _ENABLED
                else QPalette.ColorGroup.Active
                if bits & _ACTIVE
                else QPalette.ColorGroup.Inactive
            )
            colour = self._colours[bits] = palette.color(group, QPalette.ColorRole.Text)
        return colour

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        state = option.state.value
        line = None if state & _QT_PAINTS else self._model.line_at(index.row())
        if line is None:
            super().paint(painter, option, index)
            return
        if self._margin < 0:
            style = self._view.style()
            self._margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        column = index.column()
        rect = option.rect
        width = rect.width() - 2 * self._margin
        font = option.font
        font_key = self._font_key_of(font)
        key = (line[column], width, font_key)
        laid_out = self._texts.get(key)
        if laid_out is None:
            text = option.fontMetrics.elidedText(line[column], Qt.TextElideMode.ElideRight, width)
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(painter.transform(), font)
            # Centred on the laid-out line's height: a Devanagari name takes the fallback
            # font's ascent and descent, as Qt's own text layout does.
            laid_out = (static, static.size().width(), static.size().height())
            if len(self._texts) >= _TEXTS_KEPT:
                self._texts.clear()
            self._texts[key] = laid_out
        static, text_width, line_height = laid_out
        colour = line[-1] if column in (5, 6) else None
        painter.setPen(colour if colour is not None else self._text_colour(option.palette, state))
        painter.setFont(font)  # drawStaticText draws in the painter's font, not the prepared one
        x: float = rect.x() + self._margin
        if column == _RIGHT_ALIGNED:
            x += width - text_width
        # Centred as Qt does it: QStyle::alignedRect halves the cell's and the line's whole
        # pixel heights separately (rect.height/2 - height/2).
        top = rect.y() + rect.height() // 2 - int(line_height) // 2
        painter.drawStaticText(QPointF(x, top), static)


def _chip(text: str, *, checkable: bool = True) -> QToolButton:
    chip = QToolButton()
    chip.setText(text)
    chip.setCheckable(checkable)
    chip.setProperty("role", "chip")
    chip.setAccessibleName(tr("Filter: {name}").format(name=text))
    chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return chip


class MenuChip(QToolButton):
    """A chip with a menu of checkable choices (status, type, policy)."""

    sig_changed = Signal()

    def __init__(self, title: str, choices: list[tuple[str, object]]) -> None:
        super().__init__()
        self.title = title
        self.setProperty("role", "chip")
        self.setCheckable(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName(tr("Filter by {what}").format(what=title.lower()))
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.actions_: list[QAction] = []
        self.set_choices(choices)

    def set_choices(self, choices: list[tuple[str, object]]) -> None:
        self.menu_.clear()
        self.actions_ = []
        for text, value in choices:
            action = self.menu_.addAction(text)
            action.setCheckable(True)
            action.setData(value)
            action.toggled.connect(self._toggled)
            self.actions_.append(action)
        self.menu_.addSeparator()
        self.menu_.addAction(tr("Clear"), self.clear_choices)
        self._toggled()

    def chosen(self) -> list[object]:
        return [a.data() for a in self.actions_ if a.isChecked()]

    def clear_choices(self) -> None:
        for action in self.actions_:
            action.blockSignals(True)
            action.setChecked(False)
            action.blockSignals(False)
        self._toggled()

    def _toggled(self) -> None:
        chosen = [a.text() for a in self.actions_ if a.isChecked()]
        if not chosen:
            self.setText(self.title + " ▾")
        elif len(chosen) == 1:
            self.setText(tr("{filter}: {choice} ▾").format(filter=self.title, choice=chosen[0]))
        else:
            self.setText(tr("{filter}: {count} ▾").format(filter=self.title, count=len(chosen)))
        self.setChecked(bool(chosen))
        self.sig_changed.emit()


class EmptyState(QFrame):
    """What to do when the list is empty: the first case, an import, or a wider search."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("cases_empty_state")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.title = label("", "section", wrap=True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = label("", "muted", wrap=True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_button = QPushButton()
        self.second_button = QPushButton()
        self.first_button.setProperty("role", "primary")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.first_button)
        buttons.addWidget(self.second_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def show_register_empty(self) -> None:
        self.title.setText(tr("No cases yet"))
        self.text.setText(
            tr(
                "Create your first case (Ctrl+N) or import your spreadsheet (Ctrl+I). "
                "You can also drop an e-mail saved as .eml or .msg on the window."
            )
        )
        self.first_button.setText(tr("New case"))
        self.first_button.setAccessibleName(tr("Create your first case"))
        self.second_button.setText(tr("Import spreadsheet…"))
        self.second_button.setAccessibleName(tr("Import your spreadsheet"))
        self.second_button.show()
        self.show()
        self.raise_()

    def show_nothing_matches(self) -> None:
        self.title.setText(tr("No cases match"))
        self.text.setText(
            tr(
                "Nothing in the register matches this view, filter or search. Clear the "
                "search box or the filters, or show all cases."
            )
        )
        self.first_button.setText(tr("Show all cases"))
        self.first_button.setAccessibleName(tr("Show all cases"))
        self.second_button.hide()
        self.show()
        self.raise_()


class CasesPage(QWidget):
    """The register list and the case file. ``sig_new_case_requested`` and
    ``sig_import_requested`` come from the empty state's buttons (the window acts)."""

    sig_dirty_changed = Signal(bool)
    sig_new_case_requested = Signal()
    sig_import_requested = Signal()

    def __init__(
        self,
        runner: OpRunner,
        files: PrivateFiles,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.model = CasesTableModel(RegisterPages(runner))
        self._applying_view = False
        self._current_reference: str | None = None

        title = label(tr("Cases"), "page_title")
        self.count_label = label("", "muted")
        self.search = QLineEdit()
        self.search.setObjectName("search_box")
        self.search.setPlaceholderText(
            tr("Search reference, name, e-mail or description  (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setAccessibleName(tr("Search cases"))
        self.search.setMinimumWidth(320)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(220)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())

        self.view_button = QToolButton()
        self._view_name = SAVED_VIEW_ALL
        self.view_button.setText(tr("View: {name} ▾").format(name=tr(SAVED_VIEW_ALL)))
        self.view_button.setProperty("role", "chip")
        self.view_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.view_button.setAccessibleName(tr("Saved views"))
        views = QMenu(self.view_button)
        for name in SAVED_VIEWS:
            views.addAction(tr(name), partial(self.apply_view, name))
        self.view_button.setMenu(views)

        self.overdue_chip = _chip(tr("Overdue"))
        self.awaiting_chip = _chip(tr("Awaiting requester"))
        self.open_chip = _chip(tr("Open only"))
        self.status_chip = MenuChip(tr("Status"), [(tr(s.label), s.value) for s in Status])
        self.type_chip = MenuChip(tr("Type"), [(tr(t.label), t.value) for t in RequestType])
        self.policy_chip = MenuChip(tr("Policy"), [])
        for chip in (self.overdue_chip, self.awaiting_chip, self.open_chip):
            chip.toggled.connect(lambda _c: self.apply_filters())
        for menu_chip in (self.status_chip, self.type_chip, self.policy_chip):
            menu_chip.sig_changed.connect(self.apply_filters)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.search, 2)
        chips = QHBoxLayout()
        chips.setSpacing(6)
        chips.addWidget(self.view_button)
        chips.addSpacing(8)
        for widget in (
            self.overdue_chip,
            self.awaiting_chip,
            self.open_chip,
            self.status_chip,
            self.type_chip,
            self.policy_chip,
        ):
            chips.addWidget(widget)
        chips.addStretch(1)
        self.drill_chip = QToolButton()
        self.drill_chip.setProperty("role", "filter_chip")
        self.drill_chip.setIcon(icon("filter", "#ffffff"))
        self.drill_chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.drill_chip.setAccessibleName(tr("Clear the report filter"))
        self.drill_chip.clicked.connect(self.clear_references)
        self.drill_chip.hide()
        chips.addWidget(self.drill_chip)
        self._references: frozenset[str] | None = None
        self._references_title = ""

        self.table = QTableView()
        self.table.setObjectName("cases_table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellTextDelegate(self.table, self.model))
        self.model.modelReset.connect(self._lay_out_rows)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        # Newest first, on the column that always shows, so its arrow says how it is sorted.
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        # Kind and priority were added at the end (saved choices are by index); show them
        # beside the type they qualify: … Requester, Kind, Type, Priority, Status …
        header.moveSection(header.visualIndex(KIND_COLUMN), header.visualIndex(3))
        header.moveSection(header.visualIndex(PRIORITY_COLUMN), header.visualIndex(3) + 1)
        header.setSectionResizeMode(STRETCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setToolTip(tr("Right-click to show or hide columns"))
        for column in self.hidden_columns():
            self.table.setColumnHidden(column, True)
        self.table.setAccessibleName(tr("Cases"))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.empty_state = EmptyState(self.table)
        self.empty_state.hide()
        self.empty_state.first_button.clicked.connect(lambda _c=False: self._empty_first())
        self.empty_state.second_button.clicked.connect(
            lambda _c=False: self.sig_import_requested.emit()
        )
        self.table.installEventFilter(self)
        self.last_menu: QMenu | None = None

        self.case_file = CaseFile(runner, files)
        self.case_file.sig_dirty_changed.connect(self.sig_dirty_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.case_file)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([760, 430])
        self.case_file.setMinimumWidth(420)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addLayout(chips)
        layout.addWidget(self.splitter, 1)

        self.model.sig_count_changed.connect(self._count_changed)
        self.setTabOrder(self.search, self.table)

    # -- filters -------------------------------------------------------------------------

    # -- columns -------------------------------------------------------------------------

    def hidden_columns(self) -> list[int]:
        raw = QSettings().value(HIDDEN_COLUMNS_KEY, None)
        if raw is None:
            return list(DEFAULT_HIDDEN)
        values = raw if isinstance(raw, list) else str(raw).split(",")
        found = [int(v) for v in values if str(v).strip().isdigit()]
        return [c for c in found if 0 < c < len(COLUMNS)]

    def set_column_visible(self, column: int, visible: bool) -> None:
        if column == 0:
            return  # the reference always shows
        self.table.setColumnHidden(column, not visible)
        hidden = [c for c in range(len(COLUMNS)) if self.table.isColumnHidden(c)]
        QSettings().setValue(HIDDEN_COLUMNS_KEY, ",".join(str(c) for c in hidden) or "none")

    def _header_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        for column, (name, _key) in enumerate(COLUMNS):
            action = menu.addAction(tr(name))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(column != 0)
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
        menu.exec(self.table.horizontalHeader().mapToGlobal(point))

    # -- filters -------------------------------------------------------------------------

    def show_references(self, references: frozenset[str] | tuple[str, ...], title: str) -> None:
        """Exactly these cases (a report figure's drill-down), with a chip to clear it."""
        if not self.confirm_leave():
            return
        self._references = frozenset(references)
        self._references_title = title
        count = len(self._references)
        self.drill_chip.setText(tr("Filtered: {figure}  ✕").format(figure=title))
        self.drill_chip.setToolTip(
            tr("Showing the 1 case behind this report figure. Click to clear.")
            if count == 1
            else tr("Showing the {count} cases behind this report figure. Click to clear.").format(
                count=count
            )
        )
        self.drill_chip.show()
        self.show_filter(CaseFilter(references=self._references), QT_TR_NOOP("Report figure"))

    def clear_references(self) -> None:
        self._references = None
        self._references_title = ""
        self.drill_chip.hide()
        self.show_filter(CaseFilter(), SAVED_VIEW_ALL)

    def current_filters(self) -> CaseFilter:
        return CaseFilter(
            references=self._references,
            text=self.search.text(),
            statuses=frozenset(Status(str(s)) for s in self.status_chip.chosen()),
            request_types=frozenset(RequestType(str(t)) for t in self.type_chip.chosen()),
            policy_ids=frozenset(str(p) for p in self.policy_chip.chosen()),
            overdue_only=self.overdue_chip.isChecked(),
            awaiting_requester_only=self.awaiting_chip.isChecked(),
            open_only=self.open_chip.isChecked(),
            due_within_days=self._due_within,
        )

    _due_within: int | None = None

    def apply_filters(self) -> None:
        if self._applying_view:
            return
        self.model.set_filters(self.current_filters())

    def apply_view(self, name: str) -> None:
        self._references = None
        self.drill_chip.hide()
        self.show_filter(SAVED_VIEWS[name], name)

    def show_filter(self, filters: CaseFilter, name: str = QT_TR_NOOP("Custom")) -> None:
        """Set every control from a filter (saved views, Today page counts)."""
        self._applying_view = True
        self._references = filters.references
        if filters.references is None:
            self.drill_chip.hide()
        self.search.setText(filters.text)
        self.overdue_chip.setChecked(filters.overdue_only)
        self.awaiting_chip.setChecked(filters.awaiting_requester_only)
        self.open_chip.setChecked(filters.open_only)
        self.status_chip.clear_choices()
        self.type_chip.clear_choices()
        self.policy_chip.clear_choices()
        self._due_within = filters.due_within_days
        self._view_name = name
        self.view_button.setText(tr("View: {name} ▾").format(name=tr(name)))
        self._applying_view = False
        if filters.overdue_only or filters.due_within_days is not None:
            self.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
        self.model.set_filters(self.current_filters())

    def refresh(self) -> None:
        """Reload the list and the policy filter's choices (read on the worker)."""
        Op.on_register(self.runner, policies_in_use, parent=self).success(
            lambda ids: self.policy_chip.set_choices([(p, p) for p in ids])
        ).failure(lambda _e: None).run_in_background()
        self.model.reload()

    # -- empty state -----------------------------------------------------------------------

    def _update_empty_state(self, total: int) -> None:
        if total > 0 or not self.model.loaded:
            self.empty_state.hide()
            return
        if self.current_filters().is_empty:
            self.empty_state.show_register_empty()
        else:
            self.empty_state.show_nothing_matches()
        self._place_empty_state()

    def _place_empty_state(self) -> None:
        header = self.table.horizontalHeader().height()
        rect = self.table.rect().adjusted(1, header + 1, -1, -1)
        self.empty_state.setGeometry(rect)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._place_empty_state()
        return super().eventFilter(watched, event)

    def _empty_first(self) -> None:
        if self.current_filters().is_empty:
            self.sig_new_case_requested.emit()
        else:
            self.clear_references() if self._references is not None else self.apply_view(
                SAVED_VIEW_ALL
            )

    # -- row menu and export -------------------------------------------------------------

    def selected_references(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        found = [self.model.data(index, REFERENCE_ROLE) for index in rows]
        return [str(r) for r in found if r]

    def _row_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        reference = self.model.data(index, REFERENCE_ROLE)
        if not reference:
            return
        reference = str(reference)
        if reference not in self.selected_references():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.setObjectName("case_row_menu")
        menu.addAction(icon("open"), tr("Open"), lambda: self.open_case(reference))
        menu.addAction(tr("Copy reference"), lambda: self.copy_reference(reference))
        menu.addAction(icon("letter"), tr("New letter…"), lambda: self.new_letter_for(reference))
        menu.addSeparator()
        chosen = self.selected_references() or [reference]
        text = (
            tr("Export this case…")
            if len(chosen) == 1
            else tr("Export {count} cases…").format(count=len(chosen))
        )
        menu.addAction(icon("save"), text, lambda: self.export_references(chosen))
        self.last_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(point))

    def copy_reference(self, reference: str) -> None:
        """A reference is not personal data: a plain copy, for e-mails and notes."""
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(reference)
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(tr("Copied {reference}.").format(reference=reference), 4000)

    def new_letter_for(self, reference: str) -> None:
        self.open_case(reference)
        if self.case_file.reference != reference and self.case_file.has_unsaved():
            return  # the officer chose to stay on the case with unsaved edits
        letters = self.case_file.letters
        self.case_file.tabs.setCurrentWidget(letters)
        tries = [0]

        def when_open() -> None:
            if letters.case is not None and letters.case.reference == reference:
                letters.new()
            elif tries[0] < 100:
                tries[0] += 1
                QTimer.singleShot(50, when_open)

        when_open()

    def export_list(self) -> None:
        """Export what the list shows: its view, filters, search and order."""
        filters = self.current_filters()
        count = self.model.rowCount()
        view = tr(self._view_name)
        search = filters.text.strip()
        if search:
            what = (
                tr("The 1 case in the list ({view}, search “{search}”), in the list's order.")
                if count == 1
                else tr(
                    "The {count} cases in the list ({view}, search “{search}”), in the list's "
                    "order."
                )
            ).format(count=f"{count:,}", view=view, search=search)
        else:
            what = (
                tr("The 1 case in the list ({view}), in the list's order.")
                if count == 1
                else tr("The {count} cases in the list ({view}), in the list's order.")
            ).format(count=f"{count:,}", view=view)
        self._open_export(filters, what, count)

    def export_references(self, references: list[str]) -> None:
        count = len(references)
        what = (
            tr("The selected case {reference}.").format(reference=references[0])
            if count == 1
            else tr("The {count} selected cases.").format(count=count)
        )
        self._open_export(CaseFilter(references=frozenset(references)), what, count)

    def _open_export(self, filters: CaseFilter, what: str, count: int) -> None:
        from grievance_desk.ui.export_dialog import ExportDialog

        dialog = ExportDialog(
            self.runner,
            filters,
            what=what,
            count=count,
            sort=self.model.sort_key,
            descending=self.model.descending,
            parent=self,
        )
        dialog.sig_exported.connect(self._exported)
        self.last_export_dialog = dialog
        dialog.open()

    def _exported(self, path: object, count: int) -> None:
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            name = getattr(path, "name", path)
            bar().showMessage(
                (
                    tr("Exported 1 case to {name}.")
                    if count == 1
                    else tr("Exported {count} cases to {name}.")
                ).format(count=f"{count:,}", name=name),
                8000,
            )

    def _count_changed(self, total: int) -> None:
        self._update_empty_state(total)
        if self.model.count_capped:
            # A search still being typed: the exact number comes if the officer scrolls on.
            self.count_label.setText(tr("{count}+ cases").format(count=f"{total:,}"))
        else:
            self.count_label.setText(
                tr("1 case") if total == 1 else tr("{count} cases").format(count=f"{total:,}")
            )
        self._sync_pane()

    def _lay_out_rows(self) -> None:
        """Lay the new rows out as the model resets (a search, a sort, a filter).

        Qt does both steps later, on a timer and on a queued call: by then the new rows
        were painted, and the layout, or the scroll bar appearing for a longer list,
        painted every row once more (a second full repaint per keystroke, 7-14 ms).
        """
        if not self.table.isVisible():
            return  # as Qt does: a hidden view is laid out when it is shown
        self.table.executeDelayedItemsLayout()
        # Re-setting the policy shows or hides the scroll bar for the new range now.
        self.table.setVerticalScrollBarPolicy(self.table.verticalScrollBarPolicy())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- selection -----------------------------------------------------------------------

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        reference = self.model.data(indexes[0], REFERENCE_ROLE)
        if not reference or reference == self.case_file.reference:
            return
        if not self.confirm_leave():
            self._reselect(deselected)
            return
        self._current_reference = str(reference)
        self.case_file.show_case(str(reference))

    def _reselect(self, deselected: QItemSelection) -> None:
        indexes = deselected.indexes()
        if indexes:
            model = self.table.selectionModel()
            model.blockSignals(True)
            self.table.selectRow(indexes[0].row())
            model.blockSignals(False)

    def _select_reference(self, reference: str) -> bool:
        for row in range(min(self.model.rowCount(), 400)):
            if self.model.data(self.model.index(row, 0), REFERENCE_ROLE) == reference:
                model = self.table.selectionModel()
                model.blockSignals(True)
                self.table.selectRow(row)
                model.blockSignals(False)
                return True
        return False

    def _sync_pane(self) -> None:
        """After the list changed: select the open case's row, or, when the list no longer
        holds it, empty the pane, so the pane never shows a case the list does not."""
        reference = self._current_reference
        if not reference or self._select_reference(reference):
            return
        self.table.selectionModel().clearSelection()
        whole_list_loaded = self.model.cached_rows >= self.model.rowCount()
        if whole_list_loaded and self.confirm_leave():
            self._current_reference = None
            self.case_file.clear()

    def open_case(self, reference: str) -> None:
        if not self.confirm_leave():
            return
        self._current_reference = reference
        self.case_file.show_case(reference)
        self._select_reference(reference)

    def confirm_leave(self) -> bool:
        """Ask before unsaved edits in the case file would be lost; False means stay."""
        if not self.case_file.has_unsaved():
            return True
        choice = ask_unsaved(self, self.case_file.reference or tr("this case"))
        if choice is UnsavedChoice.SAVE:
            return self.case_file.save()
        if choice is UnsavedChoice.DISCARD:
            self.case_file.revert()
            return True
        return False

    def clear(self) -> None:
        self.model.clear()
        self.case_file.clear()
