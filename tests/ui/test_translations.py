"""The window is translatable and every shipped translation is complete (issue 17).

Three checks, from the source to the screen:
* no Qt text setter or text widget in ui/, nor one of our helpers that ends in a Qt widget
  (``show_error``'s title, a question's buttons, ``label``), is handed a bare string literal
  or an f-string: visible text goes through ``tr`` (an f-string cannot be looked up in a
  catalogue);
* ``pyside6-lupdate`` run over the code finds no text that a shipped catalogue lacks or
  leaves unfinished;
* a catalogue compiles with PySide6's own lrelease and changes what ``tr`` returns.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from grievance_desk.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "grievance_desk" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"

# Methods whose string arguments are shown to the officer (or read out by a screen reader).
TEXT_METHODS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setTitle",
    "setSubTitle",
    "setLabelText",
    "setTabText",
    "setTabToolTip",
    "addTab",
    "setButtonText",
    "setInformativeText",
    "setDetailedText",
    "setAccessibleName",
    "setAccessibleDescription",
    "addItem",
    "addAction",
    "addMenu",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "showMessage",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "addRow",
    "with_progress",  # the status bar's busy label (ui/ops.py)
}
# QMessageBox's static dialogs: title and text are visible.
MESSAGE_BOX_METHODS = {"information", "warning", "critical", "question", "about"}
# Widgets whose constructor's string argument is visible text.
TEXT_WIDGETS = {
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QCommandLinkButton",
}
# Our own helpers that put their text into a Qt widget: the argument positions that are
# visible text (None: every argument; the others are a parent, a flag or an error).
HELPER_ARGUMENTS: dict[str, tuple[int, ...] | None] = {
    "show_error": None,  # (parent, title, error): the message box's title and text
    "ask": None,  # (parent, title, text, yes, no): ui/dialogs.py
    "confirm": None,  # the Letters tab's ask
    "ask_unsaved": None,
    "set_invalid": None,  # (widget, invalid, message): the tooltip saying what is wrong
    "label": (0,),  # (text, role): the role is a style name
    "_chip": (0,),
    "MenuChip": (0,),  # (text, choices): a choice's value is data
}


def _is_visible_literal(node: ast.expr) -> bool:
    """A string a person would read: letters in a literal, or any f-string."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.List | ast.Tuple):
        return any(_is_visible_literal(item) for item in node.elts)
    if isinstance(node, ast.BinOp):  # "Cases: " + x
        return _is_visible_literal(node.left) or _is_visible_literal(node.right)
    return False


def _untranslated(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = (
            func.attr
            if isinstance(func, ast.Attribute)
            else func.id
            if isinstance(func, ast.Name)
            else ""
        )
        message_box = (
            name in MESSAGE_BOX_METHODS
            and isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "QMessageBox"
        )
        if name in HELPER_ARGUMENTS:
            positions = HELPER_ARGUMENTS[name]
            arguments = (
                [*node.args, *(k.value for k in node.keywords)]
                if positions is None
                else [a for i, a in enumerate(node.args) if i in positions]
            )
        elif name in TEXT_METHODS or name in TEXT_WIDGETS or message_box:
            arguments = [*node.args, *(k.value for k in node.keywords if k.arg != "objectName")]
        else:
            continue
        for argument in arguments:
            if _is_visible_literal(argument):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}(…)")
                break
    return found


def _ui_modules() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if p.name != "__init__.py")


# Modules whose literals are not the window's text, each with the reason. Every other ui
# module, new ones included, is checked.
EXEMPT: dict[str, str] = {
    "smoke_test.py": "types fictitious set-up answers into the wizard's fields",
}


@pytest.mark.parametrize("path", _ui_modules(), ids=lambda p: p.relative_to(UI).as_posix())
def test_visible_text_goes_through_tr(path: Path) -> None:
    if path.relative_to(UI).as_posix() in EXEMPT:
        pytest.skip(EXEMPT[path.relative_to(UI).as_posix()])
    problems = _untranslated(path)
    assert not problems, (
        "visible text handed to Qt without tr(): wrap it as tr('…') (or QT_TR_NOOP in a "
        "constant, translated where shown); use tr('{name} …').format(name=…), not an "
        "f-string:\n" + "\n".join(problems)
    )


def test_the_scanner_catches_a_bare_literal_and_an_f_string(tmp_path: Path) -> None:
    sample = ROOT / "grievance_desk" / "ui" / "_scanner_sample.py"
    sample.write_text(
        "from grievance_desk.ui.i18n import tr\n"
        "QLabel('Hello')\n"
        "button.setToolTip(f'Open {reference}')\n"
        "QPushButton(tr('Fine'))\n"
        "box.setText(variable)\n"
        "QLabel('—')\n"
        "show_error(self, 'Not attached', error)\n"
        "show_error(self, tr('Not attached'), error)\n"
        "label('', 'error')\n"
        "ask(self, tr('Reopen?'), text, 'Reopen', tr('Keep it closed'))\n",
        encoding="utf-8",
    )
    try:
        found = _untranslated(sample)
    finally:
        sample.unlink()
    assert [line.split(" ")[0].rsplit(":", 1)[1] for line in found] == ["2", "3", "7", "10"]


Key = tuple[str, str]  # (source, disambiguation): "Acknowledge" the deadline ≠ the button


def _lupdate_sources(tmp_path: Path) -> dict[Key, bool]:
    """Every (context-free) source text lupdate finds in ui/, with "is it plural"."""
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    target = tmp_path / "scan.ts"
    sources = [str(p) for p in _ui_modules()]
    done = subprocess.run(
        [str(tool), "-silent", "-no-obsolete", *sources, "-ts", str(target)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found: dict[Key, bool] = {}
    root = ET.parse(target).getroot()  # noqa: S314 (lupdate's output, our own file)
    for message in root.iter("message"):
        key = (message.findtext("source") or "", message.findtext("comment") or "")
        found[key] = message.get("numerus") == "yes"
    return found


def _catalogue(path: Path) -> dict[Key, list[str]]:
    """(Source, disambiguation) → its translation (or plural forms); unfinished ones → []."""
    entries: dict[Key, list[str]] = {}
    root = ET.parse(path).getroot()  # noqa: S314 (the shipped catalogue)
    for message in root.iter("message"):
        source = (message.findtext("source") or "", message.findtext("comment") or "")
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            entries[source] = []
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")]
        entries[source] = forms if forms else [translation.text or ""]
    return entries


@pytest.mark.parametrize("code", [c for c in i18n.LANGUAGES if c != i18n.SOURCE_LANGUAGE])
def test_every_text_in_the_code_is_translated(code: str, tmp_path: Path) -> None:
    catalogue = _catalogue(TRANSLATIONS / f"grievance_desk_{code}.ts")
    in_code = _lupdate_sources(tmp_path)
    missing = sorted(s for s in in_code if s not in catalogue)
    unfinished = sorted(s for s in in_code if s in catalogue and not all(catalogue[s]))
    assert not missing and not unfinished, (
        f"the {code} catalogue lacks {len(missing)} and leaves {len(unfinished)} unfinished; "
        "run `make translations`, then translate in resources/translations "
        f"(first few: {(missing + unfinished)[:10]})"
    )


def test_a_catalogue_compiles_and_translates(
    tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "grievance_desk_xx.ts"
    source.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="hi_IN">'
        "<context><name></name><message><source>Unlock</source>"
        "<translation>अनलॉक करें</translation></message>"
        '<message numerus="yes"><source>%n case(s)</source><translation>'
        "<numerusform>%n मामला</numerusform><numerusform>%n मामले</numerusform>"
        "</translation></message></context></TS>",
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "catalogue_source", lambda _code: source)
    qm = i18n.compiled_catalogue("xx", tmp_path / "cache")
    assert qm is not None and qm.parent == tmp_path / "cache"
    assert i18n.compiled_catalogue("xx", tmp_path / "cache") == qm  # compiled once, kept
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert i18n.tr("Unlock") == "अनलॉक करें"
        assert i18n.tr("%n case(s)", n=1) == "1 मामला"
        assert i18n.tr("%n case(s)", n=3) == "3 मामले"
        assert i18n.tr("Not in the catalogue") == "Not in the catalogue"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_language_follows_the_choice_then_the_system() -> None:
    assert i18n.effective_language("hi", QLocale("en_GB")) == "hi"
    assert i18n.effective_language("", QLocale("hi_IN")) == "hi"
    assert i18n.effective_language("", QLocale("ta_IN")) == "en"  # not shipped: English
    assert i18n.effective_language("", QLocale("en_IN")) == "en"


# Qt ships no Hindi for its standard Yes/No buttons (nor a static question box we could name):
# a question goes through ui/dialogs.ask with buttons that say what they do.
QT_YES_NO = re.compile(r"QMessageBox\.question\(|StandardButton\.(Yes|No)\b")


def test_no_question_uses_qt_yes_no() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _ui_modules()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if QT_YES_NO.search(line)
    ]
    assert not found, "ask with ui/dialogs.ask (buttons named for what they do): " + str(found)
