"""The case file, the reading pane of the Cases page, split by job.

``view.CaseFile`` composes the parts (what it shows is read by ``services.case_snapshot``,
off the GUI thread): ``header`` (reference, status, requester, copy actions), ``action_bar`` (the
workflow steps the status allows), ``workflow`` (what those steps run, with their dialogs),
``details_tab`` (the edit form host), ``deadline_panel``, ``timeline_view`` and
``files_tab``. The letters tab is ``ui.letters_tab``.
"""

from __future__ import annotations

from grievance_desk.services.case_snapshot import CaseSnapshot, load_snapshot
from grievance_desk.ui.case_file.action_bar import ACTION_TEXT, ACTION_TIPS
from grievance_desk.ui.case_file.view import CaseFile

__all__ = ["ACTION_TEXT", "ACTION_TIPS", "CaseFile", "CaseSnapshot", "load_snapshot"]
