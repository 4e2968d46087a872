"""The parts of the case file's Letters tab, one job each; `ui.letters_tab` composes them.

The letter list, the editor, the preview, the new-letter dialog, and one button per action
(issue, re-issue, discard, print, save as PDF, compose e-mail), each owning its flow, as
Vorta's ``views/archive/`` keeps one action per file.
"""
