"""Small dialogs every page uses: errors that name the fix, "save your changes?", and a
question whose buttons say what they do.

Errors from the register already speak to a person (``str(error)`` names the problem and the
fix), so they are shown as they are, never as a traceback.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from grievance_desk.domain.case_record import InvalidCase
from grievance_desk.services.errors import RegisterError, database_failure_text
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.widgets import name_standard_buttons


def error_text(error: BaseException) -> str:
    """What to tell the officer about an error: its own message when it has one for people."""
    if isinstance(error, RegisterError | InvalidCase | ValueError):
        return str(error)
    failure = database_failure_text(error)
    if failure is not None:
        return failure
    return tr(
        "An unexpected problem occurred ({error}). Nothing else was changed. Try again; if "
        "it keeps happening, run `grievance-desk verify` and report it."
    ).format(error=f"{type(error).__name__}: {error}")


def show_error(parent: QWidget | None, title: str, error: BaseException | str) -> None:
    text = error if isinstance(error, str) else error_text(error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_box")
    name_standard_buttons(box)
    box.open() if parent is not None else box.exec()


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget | None, what: str) -> UnsavedChoice:
    """Ask before edits would be lost; Cancel keeps the officer where they were."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Unsaved changes"))
    box.setText(tr("You have unsaved changes to {what}.").format(what=what))
    box.setInformativeText(tr("Save them before leaving?"))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    name_standard_buttons(box)
    answer = box.exec()
    if answer == buttons.Save:
        return UnsavedChoice.SAVE
    if answer == buttons.Discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    yes: str,
    no: str,
    *,
    default_yes: bool = False,
) -> bool:
    """Ask a question with two buttons that name what each does ("Reopen" / "Keep closed");
    True when the officer pressed ``yes``.

    Never Qt's Yes/No: Qt ships no Hindi for its standard buttons, and a descriptive button
    is read correctly without the question. ``yes`` and ``no`` are translated texts.
    Escape and the window's close button answer ``no``.
    """
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName("question_box")
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    reject = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(accept if default_yes else reject)
    box.setEscapeButton(reject)
    box.exec()
    return box.clickedButton() is accept
