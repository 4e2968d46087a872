"""The letter language in the New letter dialog: the case's reply language, or English.

The case's reply language is chosen first; where the chosen template does not ship in it,
the picker says so and the letter is drafted in English (the officer can also pick English
on purpose). Kept apart from ``letters.new_letter_dialog`` so that file only wires it in
(issue 17). Language names stay in their own script; the rest goes through ``tr``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from grievance_desk.domain.languages import ENGLISH, language_name
from grievance_desk.services.letter_languages import has_template
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.widgets import label


class LetterLanguagePicker(QWidget):
    """A combo of the case's reply language and English, and a note on what will be used.

    ``sig_changed`` fires when the officer picks another language (the fields reload).
    """

    sig_changed = Signal()

    def __init__(self, reply_language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reply_language = reply_language or ENGLISH
        self.template_id = ""
        self.combo = QComboBox()
        self.combo.setObjectName("letter_language")
        self.combo.setAccessibleName(tr("Letter language"))
        self.combo.addItem(language_name(self.reply_language), self.reply_language)
        if self.reply_language != ENGLISH:
            self.combo.addItem(language_name(ENGLISH), ENGLISH)
        self.combo.setToolTip(tr("The case's reply language comes first (set it in the case form)"))
        self.note = label("", "hint", wrap=True)
        self.note.setObjectName("letter_language_note")
        self.note.setAccessibleName(tr("Letter language note"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(tr("Language"), "section"))
        layout.addWidget(self.combo)
        layout.addWidget(self.note)
        self.combo.currentIndexChanged.connect(lambda _i: self._changed())

    def _changed(self) -> None:
        self._update_note()
        self.sig_changed.emit()

    def chosen(self) -> str:
        """The language picked in the combo (before falling back to English)."""
        return str(self.combo.currentData() or ENGLISH)

    def language(self) -> str:
        """The language the letter will be drafted in: the chosen one if the template ships
        in it, else English."""
        chosen = self.chosen()
        if self.template_id and not has_template(self.template_id, chosen):
            return ENGLISH
        return chosen

    def show_template(self, template_id: str) -> None:
        """The template now selected: the note says whether it ships in the language."""
        self.template_id = template_id
        self._update_note()

    def marker(self, template_id: str) -> str:
        """What the template list shows beside a title: "English only" where the template
        does not ship in the language chosen (where it does, the title is in that language)."""
        chosen = self.chosen()
        if chosen == ENGLISH or has_template(template_id, chosen):
            return ""
        return " · " + tr("English only")

    def _update_note(self) -> None:
        chosen = self.chosen()
        if self.template_id and not has_template(self.template_id, chosen):
            self.note.setText(
                tr(
                    "There is no {language} template for this letter; "
                    "it will be drafted in English."
                ).format(language=language_name(chosen))
            )
        elif chosen != self.reply_language:
            self.note.setText(
                tr(
                    "The case's reply language is {reply}; this letter will be in {language}."
                ).format(reply=language_name(self.reply_language), language=language_name(chosen))
            )
        else:
            self.note.setText(
                tr("The letter will be in {language}.").format(language=language_name(chosen))
            )
