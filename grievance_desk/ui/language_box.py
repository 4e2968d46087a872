"""Settings › Language: the window's language, chosen once per computer (issue 17).

Each language is named in its own script ("English", "हिन्दी"), so an officer who cannot read
the current one still finds theirs. The choice is stored with `i18n.set_chosen_language` and
applies from the next start (see `ui.i18n`: a live switch would re-translate every widget).
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QGroupBox, QRadioButton, QVBoxLayout, QWidget

from grievance_desk.ui import i18n
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.widgets import label


class LanguageBox(QGroupBox):
    """System / English / हिन्दी; ``buttons`` maps each language code ("" = system) to its radio."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Language"), parent)
        self.setObjectName("language_box")
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        choices = {"": tr("The computer's language"), **i18n.LANGUAGES}
        chosen = i18n.chosen_language()
        for code, name in choices.items():
            button = QRadioButton(name)
            button.setObjectName(f"language_{code or 'system'}")
            button.setChecked(code == chosen)
            button.toggled.connect(lambda on, c=code: self._chosen(c) if on else None)
            self.group.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
        self.note = label(
            tr("The window shows the language you choose from the next start."), "hint", wrap=True
        )
        layout.addWidget(self.note)

    def _chosen(self, code: str) -> None:
        i18n.set_chosen_language(code)
        self.note.setText(
            tr("Saved. Close Grievance Desk and open it again to see the window in {name}.").format(
                name=self.buttons[code].text()
            )
            if code
            else tr("Saved. From the next start the window follows the computer's language.")
        )
