"""Every domain enum label is in ui/vocabulary.py, so lupdate puts it in the catalogue."""

from __future__ import annotations

import importlib
import pkgutil

import grievance_desk.domain as domain
from grievance_desk.domain.case_types import LabelledEnum
from grievance_desk.ui.vocabulary import ALL_LABELS


def _labelled_enums() -> list[type[LabelledEnum]]:
    for module in pkgutil.iter_modules(domain.__path__):
        importlib.import_module(f"{domain.__name__}.{module.name}")
    found: list[type[LabelledEnum]] = []
    pending: list[type[LabelledEnum]] = list(LabelledEnum.__subclasses__())
    while pending:
        enum = pending.pop()
        found.append(enum)
        pending += enum.__subclasses__()
    return found


def test_every_label_of_every_domain_enum_is_listed() -> None:
    enums = _labelled_enums()
    assert {e.__name__ for e in enums} >= {"RequestType", "CaseKind", "Status", "Priority"}
    missing = sorted(
        f"{enum.__name__}.{member.name}: {member.label!r}"
        for enum in enums
        for member in enum
        if member.label not in ALL_LABELS
    )
    assert not missing, "add these labels to grievance_desk/ui/vocabulary.py:\n" + "\n".join(
        missing
    )


def test_every_jurisdiction_the_set_up_offers_is_listed() -> None:
    from grievance_desk.domain.policy_defaults import JURISDICTIONS
    from grievance_desk.ui.vocabulary import JURISDICTION_NAMES

    assert set(JURISDICTIONS.values()) <= set(JURISDICTION_NAMES)


def test_every_audit_action_label_is_listed() -> None:
    from grievance_desk.services.case_queries import _ACTION_LABELS
    from grievance_desk.ui.vocabulary import ACTION_LABELS

    assert set(_ACTION_LABELS.values()) <= set(ACTION_LABELS)


def test_every_workflow_step_and_attachment_purpose_is_listed() -> None:
    from grievance_desk.domain.workflow import ACTION_LABELS
    from grievance_desk.services.attachments import PURPOSES
    from grievance_desk.ui.vocabulary import ATTACHMENT_PURPOSES, WORKFLOW_ACTIONS

    assert set(ACTION_LABELS.values()) <= set(WORKFLOW_ACTIONS)
    assert {p.replace("_", " ") for p in PURPOSES} <= set(ATTACHMENT_PURPOSES)
