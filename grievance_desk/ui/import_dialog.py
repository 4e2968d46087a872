"""Import an existing Excel/CSV register from the window, checked before anything is saved.

The officer picks the file; every row is checked on the worker thread (the same checks and
messages as the CLI's ``import``), with progress; the rows that would fail are listed with
their line, column and fix. Then the good rows go in, in one transaction, or nothing does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.services.clock import utc_now
from grievance_desk.services.import_export import ImportReport, check_file, import_file
from grievance_desk.services.register_access import Register
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.ops import Op, OpChanges, OpProgress, OpRunner
from grievance_desk.ui.widgets import label

FILE_FILTER = QT_TR_NOOP(
    "Spreadsheets (*.xlsx *.csv *.txt);;Excel workbook (*.xlsx);;CSV (*.csv);;Unicode Text (*.txt)"
)
PROBLEM_HEADERS = (
    QT_TR_NOOP("Line"),
    QT_TR_NOOP("Column"),
    QT_TR_NOOP("Value"),
    QT_TR_NOOP("Problem and fix"),
)


class ImportDialog(QDialog):
    """Pick → check (dry run) → import the good rows or none. ``sig_imported(report)``."""

    sig_imported = Signal(object)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self._op: Op[ImportReport] | None = None
        self._op_label = ""
        self.checked: ImportReport | None = None
        self.checked_path: Path | None = None
        self.imported: ImportReport | None = None
        self._busy = False
        self.setWindowTitle(tr("Import a spreadsheet register"))
        self.setObjectName("import_dialog")

        intro = label(
            tr(
                "Bring cases in from an Excel workbook (.xlsx) or a CSV file. Every row is checked "
                "first; nothing is saved until you choose to import."
            ),
            "hint",
            wrap=True,
        )
        self.path = QLineEdit()
        self.path.setObjectName("import_path")
        self.path.setAccessibleName(tr("Spreadsheet file"))
        self.path.setPlaceholderText(tr("Choose a .xlsx or .csv file…"))
        self.path.textChanged.connect(lambda _t: self._path_changed())
        self.path.returnPressed.connect(self.check)
        self.choose_button = QPushButton(tr("Choose…"))
        self.choose_button.setAccessibleName(tr("Choose the spreadsheet file"))
        self.choose_button.clicked.connect(lambda _c=False: self.choose())
        self.check_button = QPushButton(tr("Check"))
        self.check_button.setAccessibleName(tr("Check the file"))
        self.check_button.setToolTip(tr("Read every row and list the ones that cannot be imported"))
        self.check_button.clicked.connect(lambda _c=False: self.check())
        pick = QHBoxLayout()
        pick.addWidget(self.path, 1)
        pick.addWidget(self.choose_button)
        pick.addWidget(self.check_button)

        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.progress.setAccessibleName(tr("Progress"))
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(10)
        self.progress.hide()
        runner.sig_progress.connect(self._runner_progress)

        self.summary = label("", "", wrap=True)
        self.summary.setObjectName("import_summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QTableWidget(0, len(PROBLEM_HEADERS))
        self.problems.setObjectName("import_problems")
        self.problems.setAccessibleName(tr("Rows that cannot be imported"))
        self.problems.setHorizontalHeaderLabels([tr(h) for h in PROBLEM_HEADERS])
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setWordWrap(True)
        self.problems.setAlternatingRowColors(True)
        header = self.problems.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problems.hide()

        self.import_button = QPushButton(tr("Import"))
        self.import_button.setObjectName("import_good_rows")
        self.import_button.setProperty("role", "primary")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(lambda _c=False: self.run_import())
        self.close_button = QPushButton(tr("Import nothing"))
        self.close_button.setAccessibleName(tr("Close without importing"))
        self.close_button.clicked.connect(lambda _c=False: self.reject())
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("import_cancel")
        self.cancel_button.setAccessibleName(tr("Cancel the check or import"))
        self.cancel_button.setToolTip(tr("Stop now; nothing is saved"))
        self.cancel_button.clicked.connect(lambda _c=False: self.cancel())
        self.cancel_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.import_button)

        # Return in the path field checks the file; it must not press a dialog button too
        # (the first auto-default one would open the file picker).
        for button in (
            self.choose_button,
            self.check_button,
            self.close_button,
            self.cancel_button,
        ):
            button.setAutoDefault(False)
        self.import_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(pick)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addLayout(buttons)
        self.resize(760, 460)
        self._path_changed()

    # -- picking -------------------------------------------------------------------------

    def choose(self) -> None:
        start = self.path.text().strip() or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self, tr("Import a register"), start, tr(FILE_FILTER)
        )
        if chosen:
            self.path.setText(chosen)
            self.check()

    def _path_changed(self) -> None:
        if self._busy:
            return
        self.check_button.setEnabled(bool(self.path.text().strip()))
        if self.checked_path is not None and Path(self.path.text().strip()) != self.checked_path:
            self.checked = None
            self.checked_path = None
            self.import_button.setEnabled(False)
            self.import_button.setText(tr("Import"))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if not busy:
            self._op, self._op_label = None, ""
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        for widget in (self.path, self.choose_button, self.check_button):
            widget.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self._good_rows() > 0)
        if not busy:
            self._path_changed()

    def _good_rows(self) -> int:
        report = self.checked
        return 0 if report is None else report.rows - len(report.bad_lines)

    # -- checking (dry run) --------------------------------------------------------------

    def check(self) -> None:
        text = self.path.text().strip()
        if not text or self._busy:
            return
        source = Path(text).expanduser()
        self.checked = None
        self.summary.setText(tr("Checking {name}…").format(name=source.name))
        self.summary.setProperty("role", "")
        self.problems.hide()
        self._set_busy(True)

        def work(register: Register, progress: OpProgress) -> ImportReport:
            progress.check()  # cancelled while queued: read nothing
            return check_file(register, source, now=utc_now(), progress=progress.update)

        op = Op.on_register_with_progress(self.runner, work, parent=self)
        op.success(lambda report: self._checked(source, report)).failure(
            self._unreadable
        ).on_cancelled(lambda: self._cancelled(tr("Check cancelled.")))
        self._start(op, tr("Checking {name}…").format(name=source.name))

    def _start(self, op: Op[ImportReport], label_text: str) -> None:
        self._op, self._op_label = op, label_text
        op.with_progress(label_text).run_in_background()

    def cancel(self) -> None:
        """Cancel: the work stops at its next progress report; nothing is saved."""
        if self._op is not None:
            self._op.cancel()
            self.cancel_button.setEnabled(False)

    def _cancelled(self, text: str) -> None:
        self._set_busy(False)
        self.summary.setText(text)

    def _runner_progress(self, label_text: str, done: int, total: int) -> None:
        if self._op is None or label_text != self._op_label:
            return
        if total <= 0:
            self.progress.setRange(0, 0)  # busy, size unknown
            return
        self.progress.setRange(0, 1000)
        self.progress.setValue(min(1000, done * 1000 // total))

    def _checked(self, source: Path, report: ImportReport) -> None:
        self._set_busy(False)
        self.checked, self.checked_path = report, source
        bad = len(report.bad_lines)
        good = report.rows - bad
        rows_read = (
            tr("{name}: {count} row read.")
            if report.rows == 1
            else tr("{name}: {count} rows read.")
        )
        lines = [rows_read.format(name=source.name, count=f"{report.rows:,}")]
        if report.rows == 0:
            lines.append(tr("There are no cases in it below the header row."))
        elif bad == 0:
            lines.append(tr("All {count} can be imported.").format(count=f"{good:,}"))
        else:
            lines.append(
                (
                    tr("{good} can be imported; {bad} row cannot, listed below with the fix.")
                    if bad == 1
                    else tr("{good} can be imported; {bad} rows cannot, listed below with the fix.")
                ).format(good=f"{good:,}", bad=f"{bad:,}")
                + " "
                + tr(
                    "Correct them in the spreadsheet and check again, or import the good rows "
                    "now and enter the others by hand."
                )
            )
        if report.ignored_columns:
            lines.append(
                tr("Ignored columns (not recognised): {columns}").format(
                    columns=", ".join(report.ignored_columns)
                )
            )
        self.summary.setText("\n".join(lines))
        self._show_problems(report)
        self.import_button.setEnabled(good > 0)
        self.import_button.setText(
            (
                (tr("Import {count} good row") if good == 1 else tr("Import {count} good rows"))
                if bad
                else (tr("Import {count} case") if good == 1 else tr("Import {count} cases"))
            ).format(count=f"{good:,}")
        )
        if good > 0:
            self.import_button.setFocus()

    def _show_problems(self, report: ImportReport) -> None:
        self.problems.setRowCount(len(report.problems))
        for row, problem in enumerate(report.problems):
            cells = (str(problem.line), problem.header, problem.value, _sentence(problem.message))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.problems.setItem(row, column, item)
        self.problems.resizeRowsToContents()
        self.problems.setVisible(bool(report.problems))

    def _unreadable(self, error: Exception) -> None:
        self._set_busy(False)
        self.summary.setProperty("role", "error")
        self.summary.setText(
            tr("Nothing can be imported from this file.\n{error}").format(error=error)
        )
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    # -- importing -----------------------------------------------------------------------

    def run_import(self) -> None:
        source = self.checked_path
        if source is None or self.checked is None or self._busy:
            return
        self.summary.setText(tr("Importing from {name}…").format(name=source.name))
        self._set_busy(True)

        def work(register: Register, progress: OpProgress) -> ImportReport:
            # One transaction: a Cancel raised from progress.update rolls every row back.
            progress.check()
            return import_file(
                register, source, now=utc_now(), skip_invalid=True, progress=progress.update
            )

        op = Op.on_register_with_progress(self.runner, work, parent=self)
        op.success(self._imported).failure(self._import_failed).on_cancelled(
            lambda: self._cancelled(tr("Import cancelled: nothing was saved."))
        ).changes(OpChanges.everything())
        self._start(op, tr("Importing {name}…").format(name=source.name))

    def _imported(self, report: ImportReport) -> None:
        self._set_busy(False)
        self.imported = report
        self.checked = None
        self.import_button.setEnabled(False)
        self.import_button.setText(tr("Imported"))
        self.close_button.setText(tr("Close"))
        self.close_button.setAccessibleName(tr("Close"))
        self.close_button.setFocus()
        refs = report.references
        skipped = len(report.bad_lines)
        if len(refs) > 1:
            text = tr("Imported {count} cases ({first} to {last}).").format(
                count=f"{report.imported:,}", first=refs[0], last=refs[-1]
            )
        elif refs:
            text = (
                tr("Imported {count} case ({first}).")
                if report.imported == 1
                else tr("Imported {count} cases ({first}).")
            ).format(count=f"{report.imported:,}", first=refs[0])
        else:
            text = (
                tr("Imported {count} case.")
                if report.imported == 1
                else tr("Imported {count} cases.")
            ).format(count=f"{report.imported:,}")
        if skipped:
            text += " " + (
                tr("{count} row with problems was not imported (below).")
                if skipped == 1
                else tr("{count} rows with problems were not imported (below).")
            ).format(count=f"{skipped:,}")
        self.summary.setText(text)
        self._show_problems(report)
        self.sig_imported.emit(report)

    def _import_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._unreadable(error)
        self.summary.setText(
            tr("Nothing was imported: the register is as it was.\n{error}").format(error=error)
        )


def _sentence(message: str) -> str:
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."
