"""Kept only for ``ui/case_file.py``, which another change owns: import `NextStep` from
`services.letter_issue` there and delete this module.

The letters service is split by job: `letter_context` (what a template is rendered with),
`letter_requirements` (what the law requires a letter to say), `letter_drafts` (create, edit,
preview, discard), `letter_issue` (issue, re-issue), `letter_integrity` (the kept PDF and
its proof), `letter_records` (statuses and stored rows), `letter_layout` (the page content).
"""

from __future__ import annotations

from grievance_desk.services.letter_issue import NextStep

__all__ = ["NextStep"]
