"""The register as a table model over paged SQL: a window of pages, never every row.

``rowCount`` is the SQL count; ``data`` looks the row up in a small cache of pages and, when
the page is missing, asks its page source for it and shows a placeholder until it arrives.
Scrolling to the end of 100,000 cases therefore fetches two pages, not 100,000 rows;
sorting, filtering and search change the query and start a fresh window. The model does no
I/O itself: its `PageSource` (``ui/case_pages.py``) reads the register on the worker thread.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from grievance_desk.services.case_queries import (
    PAGE_SIZE,
    SEARCH_COUNT_CAP,
    CaseFilter,
    CaseRow,
    SortKey,
)
from grievance_desk.ui import dates, theme
from grievance_desk.ui.case_pages import FirstPage, PageQuery, PageSource
from grievance_desk.ui.i18n import QT_TR_NOOP, tr

REFERENCE_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
# Roles as plain ints: ``data`` runs ~1,100 times per repaint, and each enum member lookup
# costs as much as the answer itself.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_REFERENCE = int(REFERENCE_ROLE)
_ROW = int(ROW_ROLE)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: The roles ``data`` answers; every other role is None without touching the rows.
_ROLES = frozenset((_DISPLAY, _FOREGROUND, _ALIGNMENT, _TOOLTIP, _ACCESSIBLE, _REFERENCE, _ROW))
MAX_PAGES = 12
PLACEHOLDER = "…"

COLUMNS: list[tuple[str, SortKey]] = [
    (QT_TR_NOOP("Reference"), SortKey.REFERENCE),
    (QT_TR_NOOP("Received"), SortKey.RECEIVED),
    (QT_TR_NOOP("Requester"), SortKey.REQUESTER),
    (QT_TR_NOOP("Type"), SortKey.TYPE),
    (QT_TR_NOOP("Status"), SortKey.STATUS),
    (QT_TR_NOOP("Next deadline"), SortKey.NEXT_DUE),
    (QT_TR_NOOP("Days left"), SortKey.NEXT_DUE),
    (QT_TR_NOOP("Policy"), SortKey.POLICY),
    # Added later, so saved column choices (by index) keep meaning what they meant; the
    # Cases page shows them next to Type.
    (QT_TR_NOOP("Priority"), SortKey.PRIORITY),
    (QT_TR_NOOP("Kind"), SortKey.KIND),
]
PRIORITY_COLUMN, KIND_COLUMN = 8, 9


def _due_kind(kind: str | None) -> str:
    """The next deadline named in full, for the tooltip ("Acknowledge by 06 Dec 2026").

    A deadline, not the workflow's "Acknowledge" button: Hindi names the two differently,
    hence the "deadline" disambiguation (see ``vocabulary.deadline_name``).
    """
    names = {
        "acknowledge": tr("Acknowledge", "deadline"),
        "respond": tr("Respond", "deadline"),
        "extension_notice": tr("Extension notice", "deadline"),
        "extended_respond": tr("Respond (extended)", "deadline"),
    }
    return names.get(kind or "", tr("Due"))


def _due_short(kind: str | None) -> str:
    """A short form for the list (the tooltip says it in full), so the column stays narrow."""
    names = {
        "acknowledge": tr("Ack.", "deadline"),
        "respond": tr("Respond", "deadline"),
        "extension_notice": tr("Ext. notice", "deadline"),
        "extended_respond": tr("Respond (ext.)", "deadline"),
    }
    return names.get(kind or "", "")


_Index = QModelIndex | QPersistentModelIndex
#: One row as the list paints it: the column texts, then the deadline colour.
_Line = tuple[Any, ...]
_COLOUR = len(COLUMNS)


def days_text(days: int | None) -> str:
    if days is None:
        return "—"
    if days < 0:
        return tr("{days} overdue").format(days=-days)
    if days == 0:
        return tr("today")
    return str(days)


def urgency_colour(days: int | None) -> Any:
    if days is None:
        return None
    if days < 0:
        return theme.OVERDUE
    if days <= 2:
        return theme.DUE_SOON
    if days <= 7:
        return theme.DUE_WEEK
    return theme.ON_TRACK


class CasesTableModel(QAbstractTableModel):
    """Rows of the register for one filter and sort; pages load in the background."""

    sig_count_changed = Signal(int)
    sig_page_loaded = Signal(int)

    def __init__(self, source: PageSource) -> None:
        super().__init__()
        self.source = source
        self.filters = CaseFilter()
        self.sort_key = SortKey.RECEIVED
        self.descending = True
        self._count = 0
        self._pages: OrderedDict[int, list[CaseRow]] = OrderedDict()
        # Per page, each row's texts once formatted (None until first painted): a repaint
        # then only indexes tuples instead of formatting dates for every cell again.
        self._lines: dict[int, list[_Line | None]] = {}
        self._last_page = -1
        self._pending: set[int] = set()
        self._generation = 0
        self._zone: ZoneInfo | None = None
        self.pages_fetched = 0  # for tests and the benchmark: how much SQL paging ran
        self.loaded = False
        #: True while the count stopped at SEARCH_COUNT_CAP: rowCount is the cap, and
        #: fetchMore (the view scrolled to the end) asks for the exact count.
        self.count_capped = False
        self._counting = False

    # -- what the view shows -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][0])
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.TextAlignmentRole and section == 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_at(self, row: int) -> CaseRow | None:
        """The row if its page is loaded; otherwise None and the page is requested."""
        page, offset = divmod(row, PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            self._request(page)
            return None
        self._pages.move_to_end(page)
        self._last_page = page
        return rows[offset] if offset < len(rows) else None

    def line_at(self, row: int) -> _Line | None:
        """``row``'s column texts, then its deadline colour, formatted on first use;
        None (and the page is requested) while its page is not loaded."""
        page, offset = divmod(row, PAGE_SIZE)
        lines = self._lines.get(page)
        if lines is None:
            if row >= 0:
                self._request(page)
            return None
        if page != self._last_page:  # keep the page in the window (LRU), once per page
            self._pages.move_to_end(page)
            self._last_page = page
        if offset >= len(lines):
            return None
        line = lines[offset]
        if line is None:
            case = self._pages[page][offset]
            line = (
                *(self._display(case, column) for column in range(len(COLUMNS))),
                urgency_colour(case.days_left),
            )
            lines[offset] = line
        return line

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        # The view asks 7 roles per visible cell on every repaint; most are not ours, so
        # they are answered before looking up the row, and the painted ones read a tuple.
        if role not in _ROLES:
            return None
        line = self.line_at(index.row())
        column = index.column()
        if line is None:
            return PLACEHOLDER if role == _DISPLAY and column == 0 else None
        if role == _DISPLAY:
            return line[column]
        if role == _FOREGROUND:
            return line[_COLOUR] if column in (5, 6) else None
        if role == _ALIGNMENT:
            return _RIGHT if column == 6 else None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == _TOOLTIP and column == 2:
            return row.requester_name
        if role == _TOOLTIP and column in (5, 6) and row.next_due_at:
            return tr("{deadline} by {date}").format(
                deadline=_due_kind(row.next_due_kind),
                date=self._date(row.next_due_at),
            )
        if role == _REFERENCE:
            return row.reference
        if role == _ROW:
            return row
        if role == _ACCESSIBLE:
            return tr("{column}: {value}").format(column=tr(COLUMNS[column][0]), value=line[column])
        return None

    def _date(self, moment: datetime) -> str:
        return dates.day(moment, self._zone)

    def _display(self, row: CaseRow, column: int) -> str:
        if column == 0:
            return row.reference
        if column == 1:
            return self._date(row.received_at)
        if column == 2:
            return row.requester_name
        if column == 3:
            return tr(row.request_type.label)
        if column == 4:
            return tr(row.status.label)
        if column == 5:
            if row.next_due_at is None:
                return "—"
            kind = _due_short(row.next_due_kind)
            return (
                f"{self._date(row.next_due_at)} · {kind}" if kind else self._date(row.next_due_at)
            )
        if column == 6:
            return days_text(row.days_left)
        if column == 7:
            return row.policy_id or tr("default")
        if column == PRIORITY_COLUMN:
            return tr(row.priority.label)
        if column == KIND_COLUMN:
            return tr(row.kind.label)
        return ""

    # -- what the officer asks for -------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column][1]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def set_filters(self, filters: CaseFilter) -> None:
        if filters != self.filters:
            self.filters = filters
            self.reload()

    def reload(self) -> None:
        """Throw the window away and count again (a filter, sort or the data changed)."""
        self._generation += 1
        generation = self._generation
        query = self._query()
        # Counting every match of a short search costs more than the page itself.
        at_most = SEARCH_COUNT_CAP + 1 if query.filters.text.strip() else None

        def done(first: FirstPage) -> None:
            if generation != self._generation:
                return
            capped = at_most is not None and first.total > SEARCH_COUNT_CAP
            self.beginResetModel()
            self._zone = first.zone
            self._count = SEARCH_COUNT_CAP if capped else first.total
            self.count_capped = capped
            self._counting = False
            self._forget_pages()
            self._pending.clear()
            self._keep_page(0, first.rows)
            self.pages_fetched += 1
            self.endResetModel()
            self.loaded = True
            self.sig_count_changed.emit(self._count)
            self.sig_page_loaded.emit(0)

        self.source.first_page(query, at_most, done, self._failed, self)

    def _query(self) -> PageQuery:
        return PageQuery(self.filters, self.sort_key, self.descending)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt API
        return not parent.isValid() and self.count_capped and not self._counting

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: N802, B008 - Qt API
        """The view reached the end of a capped search: count every match, show them all."""
        if not self.canFetchMore(parent):
            return
        self._counting = True
        generation = self._generation

        def done(total: int) -> None:
            if generation != self._generation:
                return
            self._counting = False
            self.count_capped = False
            if total > self._count:
                self.beginInsertRows(QModelIndex(), self._count, total - 1)
                self._count = total
                self.endInsertRows()
            self.sig_count_changed.emit(self._count)

        def failed(_error: Exception) -> None:
            if generation == self._generation:
                self._counting = False

        self.source.count(self.filters, done, failed, self)

    def _request(self, page: int) -> None:
        if page in self._pending or page * PAGE_SIZE >= self._count:
            return
        self._pending.add(page)
        generation = self._generation

        def done(rows: list[CaseRow]) -> None:
            if generation != self._generation:
                return
            self._pending.discard(page)
            self._keep_page(page, rows)
            self.pages_fetched += 1
            first = page * PAGE_SIZE
            last = min(self._count, first + len(rows)) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
            self.sig_page_loaded.emit(page)

        self.source.page(self._query(), page, done, lambda _e: self._pending.discard(page), self)

    def _keep_page(self, page: int, rows: list[CaseRow]) -> None:
        """Cache ``page``, dropping the least recently shown beyond MAX_PAGES."""
        self._pages[page] = rows
        self._pages.move_to_end(page)
        self._lines[page] = [None] * len(rows)
        self._last_page = page
        while len(self._pages) > MAX_PAGES:
            dropped, _rows = self._pages.popitem(last=False)
            self._lines.pop(dropped, None)

    def _forget_pages(self) -> None:
        self._pages.clear()
        self._lines.clear()
        self._last_page = -1

    def _failed(self, error: Exception) -> None:
        """A query failed (most often: the register was locked meanwhile); show nothing."""
        self.loaded = True
        self.sig_count_changed.emit(self._count)

    @property
    def cached_rows(self) -> int:
        return sum(len(rows) for rows in self._pages.values())

    def clear(self) -> None:
        """Forget every row (the window is being locked)."""
        self._generation += 1
        self.beginResetModel()
        self._forget_pages()
        self._pending.clear()
        self._count = 0
        self.count_capped = False
        self._counting = False
        self.endResetModel()
