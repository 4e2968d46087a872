"""Reports: the monthly (or yearly) summary on screen, every figure a door to its cases.

The numbers come from `services.reports` exactly as the PDF and spreadsheets do, so the page
never counts anything itself. Building takes a second or two on a large register, so it runs
on the worker with a progress bar. Clicking a tile, a table row or a bar opens the Cases page
filtered to exactly the references behind that figure. Exports go to files the officer
chooses, with a warning that they leave the encrypted register.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.report_model import Breakdown, Figure, Report
from grievance_desk.domain.report_period import ReportPeriod
from grievance_desk.services.clock import utc_now
from grievance_desk.services.file_output import save_private
from grievance_desk.services.register_access import Register
from grievance_desk.services.report_export import FORMATS, ReportFormat, export_report
from grievance_desk.services.reports import DrillDown, drill_down, monthly_report
from grievance_desk.ui import dates, theme
from grievance_desk.ui.charts import Bar, BarChart, TrendChart, TrendMonth
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.file_dialogs import save_file_name
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.ops import Op, OpProgress, OpRunner
from grievance_desk.ui.resources import icon
from grievance_desk.ui.widgets import label, thin_bar_style

EXPORT_WARNING_KEY = "reports/export_warning_shown"
_FILTERS: dict[str, str] = {
    "pdf": "PDF (*.pdf)",
    "csv": "CSV (*.csv)",
    "xlsx": QT_TR_NOOP("Excel workbook (*.xlsx)"),
    "json": "JSON (*.json)",
}
KEY_ROLE = Qt.ItemDataRole.UserRole + 10
#: How many months back the month picker offers (a report for an older month: the CLI).
MONTHS_OFFERED = 60
#: The status-bar label of a report build; ``runner.sig_progress`` names its op by it.
BUILDING = QT_TR_NOOP("Building the report…")


def _recent_months(today: date, count: int) -> list[date]:
    """The first day of this month and of the ``count - 1`` months before it, newest first."""
    first = today.replace(day=1)
    months = []
    for _ in range(count):
        months.append(first)
        first = (first - timedelta(days=1)).replace(day=1)
    return months


def figure_text(figure: Figure) -> str:
    """A figure as the officer reads it: "12", "83.3 %", "14 days", or "—"."""
    if figure.value is None:
        return "—"
    if figure.unit == "%":
        return f"{figure.value:.1f} %".replace(".0 %", " %")
    if figure.unit == "days":
        value = figure.value
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        return (tr("{days} day") if value == 1 else tr("{days} days")).format(days=shown)
    return f"{figure.value:,}" if isinstance(figure.value, int) else f"{figure.value:g}"


class PeriodKind:
    """What the period combo holds: a month or a whole year."""

    MONTH = "month"
    YEAR = "year"


def period_name(period: ReportPeriod) -> str:
    """ "November 2026" or "Year 2026" in the window's language (the domain's label is English)."""
    first = period.first_day
    if len(period.key) == 4:
        return tr("Year {year}").format(year=first.year)
    return dates.month_year(first)


def figure_detail(figure: Figure) -> str:
    if figure.unit == "%" and figure.of is not None:
        return tr("{count} of {total}").format(count=figure.count or 0, total=figure.of)
    if figure.unit == "days" and figure.of:
        return (
            tr("over {count} closed case") if figure.of == 1 else tr("over {count} closed cases")
        ).format(count=figure.of)
    if figure.of:
        return tr("of {total}").format(total=figure.of)
    return ""


class FigureTile(QPushButton):
    """One headline figure: the number large, its name below; click for the cases."""

    def __init__(self, figure: Figure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = figure.key
        self.setProperty("role", "tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Room for a name that wraps to two lines in a 1024-pixel window, with its detail
        # line (a button does not grow with its layout; at 88 pixels the lines overlapped).
        self.setMinimumHeight(104)
        self.value = QLabel(figure_text(figure))
        self.value.setProperty("role", "tile_value")
        self.value.setStyleSheet("font-size: 17pt; font-weight: 600; background: transparent;")
        self.name = QLabel(tr(figure.label))
        self.name.setWordWrap(True)
        self.name.setStyleSheet("background: transparent;")
        detail = figure_detail(figure)
        self.detail = QLabel(detail)
        self.detail.setProperty("role", "hint")
        self.detail.setStyleSheet("background: transparent;")
        for part in (self.value, self.name, self.detail):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.name)
        if detail:
            layout.addWidget(self.detail)
        count = len(figure.references)
        self.opens_cases = count > 0
        if not count:
            self.setToolTip(tr("No cases behind this figure."))
            self.setCursor(Qt.CursorShape.ArrowCursor)
        else:
            self.setToolTip(
                (
                    tr("{drill_down} — {count} case. Click to list them.")
                    if count == 1
                    else tr("{drill_down} — {count} cases. Click to list them.")
                ).format(drill_down=figure.drill_down, count=count)
                if figure.drill_down
                else tr("Click to list the cases.")
            )
        self.setAccessibleName(
            tr("{label}: {value}").format(label=tr(figure.label), value=figure_text(figure))
        )
        self.setAccessibleDescription(tr("Opens the cases behind this figure"))
        if figure.key == "overdue_at_end" and figure.value:
            self.value.setStyleSheet(
                f"font-size: 17pt; font-weight: 600; color: {theme.OVERDUE.name()}; "
                "background: transparent;"
            )


class BreakdownTable(QTableWidget):
    """A breakdown (by type, channel …): label, count, share; a row opens its cases."""

    sig_clicked = Signal(str)

    def __init__(self, breakdown: Breakdown, parent: QWidget | None = None) -> None:
        super().__init__(len(breakdown.rows), 3, parent)
        self.setHorizontalHeaderLabels(
            [tr(breakdown.dimension.capitalize()), tr("Cases"), tr("Share")]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setAccessibleName(tr(breakdown.label))
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, figure in enumerate(breakdown.rows):
            share = "" if figure.share is None else f"{figure.share:.1f} %"
            for column, text in enumerate((tr(figure.label), str(figure.count or 0), share)):
                item = QTableWidgetItem(text)
                if figure.references:
                    item.setData(KEY_ROLE, figure.key)
                    item.setToolTip(
                        tr("{drill_down} — click to list the cases").format(
                            drill_down=figure.drill_down
                        )
                    )
                else:
                    # Nothing to open: a click must not jump to an empty case list.
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    item.setToolTip(tr("No cases in this row"))
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(row, column, item)
        self.verticalHeader().setDefaultSectionSize(24)
        height = self.horizontalHeader().sizeHint().height() + 24 * max(1, len(breakdown.rows)) + 4
        self.setFixedHeight(height)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cellClicked.connect(self._clicked)
        self.cellActivated.connect(self._clicked)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def _clicked(self, row: int, _column: int) -> None:
        item = self.item(row, 0)
        key = None if item is None else item.data(KEY_ROLE)
        if key:
            self.sig_clicked.emit(str(key))


class ReportsPage(QWidget):
    """``sig_open_drill_down(DrillDown)`` asks the window to show those cases."""

    sig_open_drill_down = Signal(object)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.report: Report | None = None
        self.last_build_seconds: float | None = None
        self.warn_before_export = True
        self.stale = False
        self._building: Op[tuple[Report, float]] | None = None
        runner.sig_progress.connect(self._runner_progress)

        today = utc_now().date()
        self.kind = QComboBox()
        for text, kind in ((tr("Month"), PeriodKind.MONTH), (tr("Year"), PeriodKind.YEAR)):
            self.kind.addItem(text, kind)
        self.kind.setAccessibleName(tr("Report period kind"))
        self.month = QComboBox()
        self.month.setAccessibleName(tr("Month"))
        self.month.setMaxVisibleItems(13)
        for first in _recent_months(today, MONTHS_OFFERED):
            name = dates.month_year(first)
            if (first.year, first.month) == (today.year, today.month):
                name = tr("{month} (to date)").format(month=name)
            self.month.addItem(name, first)
        self.month.setCurrentIndex(1 if self.month.count() > 1 else 0)  # last month
        self.year = QSpinBox()
        self.year.setRange(2000, today.year)
        self.year.setValue(today.year)
        self.year.setAccessibleName(tr("Year"))
        self.period_stack = QStackedWidget()
        self.period_stack.addWidget(self.month)
        self.period_stack.addWidget(self.year)
        self.period_stack.setSizePolicy(self.month.sizePolicy())
        self.kind.currentIndexChanged.connect(self.period_stack.setCurrentIndex)
        self.build_button = QPushButton(icon("reports"), tr("Build report"))
        self.build_button.setProperty("role", "primary")
        self.build_button.setShortcut("Ctrl+Return")
        self.build_button.setToolTip(tr("Build the summary for the chosen period (Ctrl+Enter)"))
        self.build_button.clicked.connect(self.build)
        self.export_buttons: dict[str, QPushButton] = {}
        exports = QHBoxLayout()
        exports.setSpacing(4)
        exports.addWidget(label(tr("Export:"), "muted"))
        for fmt in FORMATS:
            button = QPushButton(icon("export"), fmt.upper())
            button.setToolTip(
                tr("Save the report as {format} (not encrypted)").format(format=fmt.upper())
            )
            button.setAccessibleName(tr("Export {format}").format(format=fmt.upper()))
            button.setEnabled(False)
            button.clicked.connect(lambda _c=False, f=fmt: self.choose_export(f))
            self.export_buttons[fmt] = button
            exports.addWidget(button)

        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(160)
        self.progress.setStyleSheet(thin_bar_style("palette(highlight)"))
        self.progress.hide()
        self.progress_text = label("", "muted")
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setAccessibleName(tr("Cancel building the report"))
        self.cancel_button.clicked.connect(lambda _c=False: self.cancel_build())
        self.cancel_button.hide()

        self.progress_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(label(tr("Reports"), "page_title"))
        top.addSpacing(16)
        top.addWidget(self.kind)
        top.addWidget(self.period_stack)
        top.addWidget(self.build_button)
        top.addSpacing(8)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress_text, 1)
        # The exports sit on their own row, so the page fits a 1024-pixel-wide window.
        exports.addStretch(1)

        self.heading = label("", "section", wrap=True)
        self.subheading = label("", "muted", wrap=True)
        self.tiles = QGridLayout()
        self.tiles.setSpacing(10)
        self.timing_tiles = QGridLayout()
        self.timing_tiles.setSpacing(10)
        self.breakdowns = QGridLayout()
        self.breakdowns.setHorizontalSpacing(16)
        self.breakdowns.setVerticalSpacing(8)
        self.ageing = BarChart()
        self.ageing.setAccessibleName(tr("Ageing of open cases"))
        self.ageing.sig_clicked.connect(self.open_figure)
        self.trend = TrendChart()
        self.trend.sig_clicked.connect(self.open_figure)

        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 4, 8, 8)
        self.body_layout.setSpacing(8)
        self.body_layout.addWidget(self.heading)
        self.body_layout.addWidget(self.subheading)
        self.body_layout.addLayout(self.tiles)
        self.body_layout.addWidget(label(tr("Days to respond"), "section"))
        self.body_layout.addLayout(self.timing_tiles)
        self.body_layout.addWidget(label(tr("Breakdowns"), "section"))
        self.body_layout.addLayout(self.breakdowns)
        charts = QHBoxLayout()
        charts.setSpacing(16)
        left = QVBoxLayout()
        left.addWidget(label(tr("Ageing of open cases at the period's end"), "section"))
        left.addWidget(self.ageing)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(label(tr("Twelve-month trend"), "section"))
        right.addWidget(self.trend)
        charts.addLayout(left, 2)
        charts.addLayout(right, 3)
        self.body_layout.addLayout(charts)
        self.body_layout.addWidget(
            label(
                tr(
                    "Click any figure, row or bar to open exactly those cases. Definitions of "
                    "every figure are in the PDF's appendix. Reports name cases by reference only."
                ),
                "hint",
                wrap=True,
            )
        )
        self.body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.placeholder = label(
            tr(
                "Choose a month or a year and build the summary: received, closed, open and "
                "overdue cases, on-time rates, days to respond, breakdowns, ageing and the "
                "twelve-month trend."
            ),
            "muted",
            wrap=True,
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A fixed width lets the layout ask the wrapped text for its height (an aligned,
        # merely width-capped label got one line's height and was cut off).
        self.placeholder.setFixedWidth(480)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        picture = QLabel()
        picture.setPixmap(icon("reports", large=True).pixmap(56, 56))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        holder_layout.addStretch(1)
        holder_layout.addWidget(picture)
        # Centred by stretches, not by an alignment flag: an aligned item gets its one-line
        # size hint, not the height its wrapped text needs, and the text was cut off.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.placeholder)
        centred.addStretch(1)
        holder_layout.addLayout(centred)
        holder_layout.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(holder)
        self.stack.addWidget(scroll)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addLayout(exports)
        layout.addWidget(self.stack, 1)
        self.setTabOrder(self.kind, self.period_stack)
        self.setTabOrder(self.period_stack, self.build_button)

    def refresh(self) -> None:
        """Reports are built on request; nothing to reload."""

    def clear(self) -> None:
        if self._building is not None:
            self._building.cancel()
        self._building = None
        self.report = None
        self.stack.setCurrentIndex(0)
        for fmt in self.export_buttons.values():
            fmt.setEnabled(False)

    # -- building ------------------------------------------------------------------------

    def chosen_period(self) -> tuple[date | None, int | None]:
        if self.kind.currentData() == PeriodKind.YEAR:
            return None, int(self.year.value())
        chosen = self.month.currentData()
        return (chosen if isinstance(chosen, date) else None), None

    def build(self) -> None:
        month, year = self.chosen_period()
        self.build_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.progress_text.setText(tr("Reading the register…"))

        def work(register: Register, progress: OpProgress) -> tuple[Report, float]:
            progress.check()  # cancelled while queued: read nothing
            started = time.perf_counter()
            # progress.update raises OpCancelled after Cancel; the cache is written only
            # after every case was worked through, so a cancelled build saves nothing.
            report = monthly_report(
                register, month=month, year=year, now=utc_now(), progress=progress.update
            )
            return report, time.perf_counter() - started

        def failed(error: Exception) -> None:
            self._finish()
            show_error(self, tr("Report not built"), error)

        def cancelled() -> None:
            self._finish()
            self.progress_text.setText(tr("Report cancelled."))

        op = Op.on_register_with_progress(self.runner, work, parent=self)
        self._building = op
        op.success(self._built).failure(failed).on_cancelled(cancelled).with_progress(
            tr(BUILDING)
        ).run_in_background()

    def cancel_build(self) -> None:
        """Cancel: the build stops at its next progress report and shows nothing."""
        if self._building is not None:
            self._building.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_text.setText(tr("Cancelling…"))

    def _runner_progress(self, label_text: str, done: int, total: int) -> None:
        if self._building is not None and label_text == tr(BUILDING) and total:
            self._progress(done, total)

    def mark_stale(self) -> None:
        """The register changed: a report on screen may no longer match it."""
        if self.report is None or self.stale:
            return
        self.stale = True
        self.progress_text.setText(tr("The register changed since this report was built."))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress_text.setText(tr("{done:,} of {total:,} cases").format(done=done, total=total))

    def _finish(self) -> None:
        self._building = None
        self.build_button.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()
        self.cancel_button.setEnabled(True)
        self.progress_text.setText("")

    def _built(self, result: tuple[Report, float]) -> None:
        report, seconds = result
        self.last_build_seconds = seconds
        self._finish()
        self.show_report(report)
        self.progress_text.setText(tr("Built in {seconds:.1f} s").format(seconds=seconds))

    def show_report(self, report: Report) -> None:
        self.report = report
        self.stale = False
        tz = report.period.tz
        self.heading.setText(
            (
                period_name(report.period)
                if report.complete
                else tr("{month} (to date)").format(month=period_name(report.period))
            )
            + (" — " + report.organisation if report.organisation else "")
        )
        self.subheading.setText(
            tr("Generated {generated} ({zone}); statuses as at {as_at}.").format(
                generated=dates.day_time(report.generated_at, tz),
                zone=tz,
                as_at=dates.day_time(report.as_at, tz),
            )
            + (
                ""
                if report.complete
                else " " + tr("The period is still running; figures are to date.")
            )
        )
        _clear_layout(self.tiles)
        for index, figure in enumerate(report.headline):
            tile = FigureTile(figure)
            if tile.opens_cases:
                tile.clicked.connect(lambda _c=False, k=figure.key: self.open_figure(k))
            self.tiles.addWidget(tile, index // 5, index % 5)
        _clear_layout(self.timing_tiles)
        for index, figure in enumerate(report.days_to_respond):
            tile = FigureTile(figure)
            if tile.opens_cases:
                tile.clicked.connect(lambda _c=False, k=figure.key: self.open_figure(k))
            self.timing_tiles.addWidget(tile, 0, index)
        for column in range(5):
            self.timing_tiles.setColumnStretch(column, 1)
            self.tiles.setColumnStretch(column, 1)
        _clear_layout(self.breakdowns)
        for index, breakdown in enumerate(report.breakdowns):
            box = QVBoxLayout()
            box.setSpacing(4)
            box.addWidget(
                label(
                    tr("{label} ({total})").format(
                        label=tr(breakdown.label), total=breakdown.total
                    ),
                    "",
                )
            )
            table = BreakdownTable(breakdown)
            table.sig_clicked.connect(self.open_figure)
            box.addWidget(table)
            box.addStretch(1)
            self.breakdowns.addLayout(box, index // 2, index % 2)
        self.breakdowns.setColumnStretch(0, 1)
        self.breakdowns.setColumnStretch(1, 1)
        self.ageing.set_bars(
            [
                Bar(
                    f.key,
                    tr(f.label),
                    float(f.count or 0),
                    f"{f.count or 0}" + (f"  ({f.share:.0f} %)" if f.share is not None else ""),
                    tr("{drill_down} — click to list the cases").format(drill_down=f.drill_down),
                )
                for f in report.ageing
            ],
            theme.DUE_WEEK,
        )
        self.trend.set_months(
            [
                TrendMonth(
                    dates.short_month_year(dates.month_of_key(p.period_key)),
                    int(p.received.value or 0),
                    int(p.closed.value or 0),
                    None if p.on_time.value is None else float(p.on_time.value),
                    p.received.key,
                    p.closed.key,
                    p.on_time.key,
                )
                for p in report.trend
            ]
        )
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.stack.setCurrentIndex(1)

    # -- drill-down ----------------------------------------------------------------------

    def open_figure(self, key: str) -> DrillDown | None:
        if self.report is None:
            return None
        try:
            found = drill_down(self.report, key)
        except KeyError as error:
            show_error(self, tr("No such figure"), str(error))
            return None
        if not found.references:
            # An empty case list would only lose the officer's place in the report.
            self.progress_text.setText(tr("No cases behind “{title}”.").format(title=found.title))
            return found
        self.sig_open_drill_down.emit(found)
        return found

    # -- export --------------------------------------------------------------------------

    def _confirm_export(self) -> bool:
        settings = QSettings()
        if not self.warn_before_export or settings.value(EXPORT_WARNING_KEY, False) in (
            True,
            "true",
        ):
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Exports are not encrypted"))
        box.setText(tr("The exported file is not encrypted."))
        box.setInformativeText(
            tr(
                "It lists case references, dates and statuses (no names or e-mail addresses). "
                "Keep it on an encrypted disk and share it only with people entitled to see it."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText(tr("Export"))
        box.button(QMessageBox.StandardButton.Cancel).setText(tr("Cancel"))
        from PySide6.QtWidgets import QCheckBox

        again = QCheckBox(tr("Don't warn me again on this computer"))
        box.setCheckBox(again)
        if box.exec() != QMessageBox.StandardButton.Ok:
            return False
        if again.isChecked():
            settings.setValue(EXPORT_WARNING_KEY, True)
        return True

    def choose_export(self, fmt: ReportFormat) -> None:
        report = self.report
        if report is None or not self._confirm_export():
            return
        suggested = f"grievance-report-{report.period.key}.{fmt}"
        target = save_file_name(
            self,
            tr("Export report as {format}").format(format=fmt.upper()),
            suggested,
            tr(_FILTERS[fmt]),
        )
        if target is not None:
            self.export_to(fmt, target)

    def export_to(self, fmt: ReportFormat, target: Path) -> None:
        report = self.report
        if report is None:
            return
        path = target if target.suffix.lower() == f".{fmt}" else target.with_suffix(f".{fmt}")

        def work() -> Path:
            data = export_report(report, fmt)
            try:
                # Whole or not at all: never a cut-short report under the chosen name.
                save_private(path, data, "the report")
            except OSError as error:
                raise ValueError(
                    tr("{path} could not be written ({error}). Choose another folder.").format(
                        path=path, error=error.strerror or error
                    )
                ) from None
            return path

        Op(self.runner, work, parent=self).success(
            lambda p: self.progress_text.setText(tr("Exported {name}").format(name=p.name))
        ).failure(lambda e: show_error(self, tr("Not exported"), e)).with_progress(
            tr("Exporting {format}…").format(format=fmt.upper())
        ).run_in_background()


def _clear_layout(layout: QGridLayout | QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
        child = item.layout()
        if child is not None:
            _clear_layout(child)  # type: ignore[arg-type]
            child.deleteLater()
