"""Export the case list (as filtered and searched) or a selection to Excel or CSV.

Says before writing, in the CLI's words, that the file will not be encrypted; writes on the
worker thread; the file is owner-only and a failed write leaves nothing behind.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.services.case_export import ExportFormat, export_list
from grievance_desk.services.case_queries import CaseFilter, SortKey
from grievance_desk.services.clock import utc_now
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.widgets import label

FORMATS: tuple[tuple[str, ExportFormat], ...] = (
    (QT_TR_NOOP("Excel workbook (.xlsx)"), "xlsx"),
    (QT_TR_NOOP("CSV, UTF-8 (.csv)"), "csv"),
)


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class ExportDialog(QDialog):
    """``sig_exported(path, count)`` once the file is written."""

    sig_exported = Signal(object, int)

    def __init__(
        self,
        runner: OpRunner,
        filters: CaseFilter,
        *,
        what: str,
        count: int,
        sort: SortKey = SortKey.RECEIVED,
        descending: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.filters = filters
        self.sort = sort
        self.descending = descending
        self.written: Path | None = None
        self.setWindowTitle(tr("Export cases"))
        self.setObjectName("export_dialog")

        self.what = label(what, "", wrap=True)
        self.format = QComboBox()
        self.format.setAccessibleName(tr("File format"))
        for text, value in FORMATS:
            self.format.addItem(tr(text), value)
        self.format.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.path = QLineEdit(str(documents_folder() / f"grievance-cases-{date.today()}.xlsx"))
        self.path.setObjectName("export_path")
        self.path.setAccessibleName(tr("Export to file"))
        self.path.textChanged.connect(lambda _t: self._path_changed())
        self.choose_button = QPushButton(tr("Choose…"))
        self.choose_button.setAccessibleName(tr("Choose where to save"))
        self.choose_button.clicked.connect(lambda _c=False: self.choose())
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.choose_button)

        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        warning_icon = label("")
        warning_icon.setPixmap(icon.pixmap(24, 24))
        warning_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.warning = label(
            tr(
                "<b>{not_encrypted}</b><br>It holds names, contact details and descriptions. "
                "Save it on an encrypted disk and share it only with people entitled to see it."
            ).format(
                not_encrypted=tr(
                    "The exported file is NOT encrypted. Keep it safe and delete it when done."
                )
            ),
            "warning",
            wrap=True,
        )
        self.warning.setObjectName("export_warning")
        warning_row = QHBoxLayout()
        warning_row.addWidget(warning_icon)
        warning_row.addWidget(self.warning, 1)

        self.error = label("", "error", wrap=True)
        self.error.hide()
        self.export_button = QPushButton(tr("Export") if count else tr("Nothing to export"))
        self.export_button.setObjectName("export_button")
        self.export_button.setProperty("role", "primary")
        self.export_button.setEnabled(count > 0)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(lambda _c=False: self.run_export())
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(lambda _c=False: self.reject())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)

        form = QFormLayout()
        form.addRow(tr("Cases:"), self.what)
        form.addRow(tr("&Format:"), self.format)
        form.addRow(tr("Save to:"), where)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(warning_row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(620, 260)

    @property
    def chosen_format(self) -> ExportFormat:
        value: ExportFormat = self.format.currentData()
        return value

    def _format_changed(self) -> None:
        text = self.path.text().strip()
        if text:
            wanted = f".{self.chosen_format}"
            current = Path(text)
            if current.suffix.lower() != wanted:
                self.path.setText(str(current.with_suffix(wanted)))

    def _path_changed(self) -> None:
        suffix = Path(self.path.text().strip()).suffix.lower().lstrip(".")
        index = self.format.findData(suffix)
        if index >= 0 and index != self.format.currentIndex():
            self.format.blockSignals(True)
            self.format.setCurrentIndex(index)
            self.format.blockSignals(False)
        self.error.hide()

    def choose(self) -> None:
        start = self.path.text().strip() or str(documents_folder())
        chosen, _ = QFileDialog.getSaveFileName(
            self, tr("Export cases"), start, tr("Excel workbook (*.xlsx);;CSV (*.csv)")
        )
        if chosen:
            self.path.setText(chosen)

    def target(self) -> Path:
        path = Path(self.path.text().strip()).expanduser()
        wanted = f".{self.chosen_format}"
        return path if path.suffix.lower() == wanted else path.with_suffix(wanted)

    def run_export(self) -> None:
        if not self.path.text().strip():
            self._failed(ValueError(tr("Choose where to save the file.")))
            return
        target = self.target()
        if not target.parent.is_dir():
            self._failed(
                ValueError(
                    tr("The folder {parent} does not exist. Choose another one.").format(
                        parent=target.parent
                    )
                )
            )
            return
        filters, fmt = self.filters, self.chosen_format
        sort, descending = self.sort, self.descending
        self.export_button.setEnabled(False)
        self.error.hide()
        Op.on_register(
            self.runner,
            lambda register: export_list(
                register, filters, target, fmt, sort=sort, descending=descending, now=utc_now()
            ),
            parent=self,
        ).success(lambda count: self._done(target, count)).failure(self._failed).with_progress(
            tr("Exporting to {name}…").format(name=target.name)
        ).run_in_background()

    def _done(self, target: Path, count: int) -> None:
        self.written = target
        self.sig_exported.emit(target, count)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.export_button.setEnabled(True)
        self.error.setText(tr("Not exported. {error}").format(error=error))
        self.error.show()
