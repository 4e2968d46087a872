"""The Files tab: a case's attachments, added by button or drop, opened or saved as a copy.

Reading and writing the register runs through the op helper; ``sig_changed`` after files
were attached, so the case file reloads. Copies opened for viewing go through PrivateFiles
(owner-only, removed at lock and quit); "Save as" writes owner-only too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.services.attachments import (
    AttachmentInfo,
    FileToAttach,
    add_attachments,
    attachment_bytes,
)
from grievance_desk.services.case_snapshot import CaseSnapshot
from grievance_desk.services.clock import utc_now
from grievance_desk.services.register_access import Register
from grievance_desk.ui import dates
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.ops import Op, OpChanges, OpRunner
from grievance_desk.ui.private_files import PrivateFiles, write_private
from grievance_desk.ui.resources import icon
from grievance_desk.ui.widgets import label


class FilesTab(QWidget):
    """The attachment list and its Add / Open / Save as buttons."""

    sig_changed = Signal()

    def __init__(
        self,
        runner: OpRunner,
        files: PrivateFiles,
        reference: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.files = files
        self.reference = reference
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("File"), tr("Kind"), tr("Size"), tr("Added")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(tr("Attachments"))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(lambda _i, _c: self.open_attachment())
        self.add_button = QPushButton(icon("attach"), tr("Add…"))
        self.add_button.clicked.connect(lambda: self.choose_attachments())
        self.open_button = QPushButton(icon("open"), tr("Open"))
        self.open_button.clicked.connect(lambda: self.open_attachment())
        self.save_as_button = QPushButton(icon("save"), tr("Save as…"))
        self.save_as_button.clicked.connect(lambda: self.save_attachment_as())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        buttons = QHBoxLayout()
        buttons.addWidget(label(tr("Drop files here to attach them."), "hint"), 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_as_button)
        layout.addLayout(buttons)

    def show_case(self, snap: CaseSnapshot) -> None:
        """Replace the rows with ``snap``'s attachments."""
        self.tree.clear()
        for info in snap.attachments:
            row = QTreeWidgetItem(
                [
                    info.filename,
                    tr(info.purpose.replace("_", " ")),
                    size_text(info.size),
                    dates.day(info.added_at, snap.zone),
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, info.id)
            row.setToolTip(
                0,
                tr("{media_type}, SHA-256 {digest}…").format(
                    media_type=info.media_type, digest=info.sha256[:16]
                ),
            )
            self.tree.addTopLevelItem(row)
        for column in (1, 2, 3):
            self.tree.resizeColumnToContents(column)

    def choose_attachments(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Attach files"))
        self.attach_files([Path(p) for p in paths])

    def attach_files(self, paths: list[Path]) -> None:
        """Add ``paths`` to the case shown, in the background, in one transaction: a file the
        register refuses leaves none of them attached, and the message names it."""
        reference = self.reference()
        if reference is None or not paths:
            return

        def work(register: Register) -> int:
            chosen = [FileToAttach(path.name, path.read_bytes()) for path in paths]
            return len(add_attachments(register, reference, chosen, now=utc_now()))

        Op.on_register(self.runner, work, parent=self).success(
            lambda _n: self.sig_changed.emit()
        ).failure(lambda e: show_error(self, tr("Not attached"), e)).changes(
            OpChanges.case(reference)
        ).with_progress(tr("Attaching…")).run_in_background()

    def _selected(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def open_attachment(self) -> None:
        attachment_id = self._selected()
        if attachment_id is not None:
            self.open_copy(attachment_id)

    def open_copy(self, attachment_id: int) -> None:
        """Open a private copy of the attachment in the desktop's viewer."""

        def opened(result: tuple[AttachmentInfo, bytes]) -> None:
            info, data = result
            self.files.open_copy(info.filename, data, self)

        Op.on_register(
            self.runner, lambda register: attachment_bytes(register, attachment_id), parent=self
        ).success(opened).failure(
            lambda e: show_error(self, tr("Could not open"), e)
        ).run_in_background()

    def save_attachment_as(self) -> None:
        attachment_id = self._selected()
        if attachment_id is None:
            return

        def got(result: tuple[AttachmentInfo, bytes]) -> None:
            info, data = result
            target, _ = QFileDialog.getSaveFileName(self, tr("Save attachment as"), info.filename)
            if target:
                try:
                    write_private(Path(target), data)
                except OSError as error:
                    show_error(
                        self,
                        tr("Not saved"),
                        tr("{path} could not be written: {error}.").format(
                            path=target, error=error
                        ),
                    )

        Op.on_register(
            self.runner, lambda register: attachment_bytes(register, attachment_id), parent=self
        ).success(got).failure(
            lambda e: show_error(self, tr("Could not read"), e)
        ).run_in_background()


def size_text(size: int) -> str:
    """A file size for people: bytes, KB or MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
