"""Every domain enum's label, marked for the window's catalogue (issue 17).

The domain names its vocabulary in English (``LabelledEnum.label``), as letters, exports and
the CLI print it; the window shows a label through ``tr(member.label)``. This list gives
``lupdate`` the same words; ``tests/ui/test_vocabulary.py`` fails when a member's label is
missing here, so a new enum member is translated before it ships.
"""

from __future__ import annotations

from grievance_desk.ui.i18n import QT_TR_NOOP, tr

CASE_KINDS = (QT_TR_NOOP("Complaint"), QT_TR_NOOP("Rights request"))
REQUEST_TYPES = (
    QT_TR_NOOP("Access"),
    QT_TR_NOOP("Correction"),
    QT_TR_NOOP("Completion / updating"),
    QT_TR_NOOP("Erasure"),
    QT_TR_NOOP("Objection / restriction"),
    QT_TR_NOOP("Withdrawal of consent"),
    QT_TR_NOOP("Nomination"),
    QT_TR_NOOP("Marketing opt-out"),
    QT_TR_NOOP("Cookie consent"),
    QT_TR_NOOP("Minor's data"),
    QT_TR_NOOP("Security concern"),
    QT_TR_NOOP("Other"),
)
CHANNELS = (
    QT_TR_NOOP("E-mail"),
    QT_TR_NOOP("Post"),
    QT_TR_NOOP("Web form"),
    QT_TR_NOOP("Phone"),
    QT_TR_NOOP("In person"),
    QT_TR_NOOP("Data Protection Board / regulator"),
)
RELATIONSHIPS = (
    QT_TR_NOOP("Customer"),
    QT_TR_NOOP("Employee"),
    QT_TR_NOOP("Job applicant"),
    QT_TR_NOOP("Vendor"),
    QT_TR_NOOP("Website visitor"),
)
REPRESENTATIVES = (
    QT_TR_NOOP("None"),
    QT_TR_NOOP("Guardian"),
    QT_TR_NOOP("Nominee"),
    QT_TR_NOOP("Authorised agent"),
)
DATA_CATEGORIES = (
    QT_TR_NOOP("Registration"),
    QT_TR_NOOP("Profile"),
    QT_TR_NOOP("KYC"),
    QT_TR_NOOP("Billing"),
    QT_TR_NOOP("Technical support"),
    QT_TR_NOOP("Cookies and analytics"),
    QT_TR_NOOP("Marketing"),
    QT_TR_NOOP("Employment / recruitment"),
    QT_TR_NOOP("Third-party sources"),
)
IDENTITY_STATES = (
    QT_TR_NOOP("Not required"),
    QT_TR_NOOP("Pending"),
    QT_TR_NOOP("Verified"),
    QT_TR_NOOP("Failed"),
)
PRIORITIES = (QT_TR_NOOP("Low"), QT_TR_NOOP("Normal"), QT_TR_NOOP("High"), QT_TR_NOOP("Urgent"))
OUTCOMES = (
    QT_TR_NOOP("Fulfilled"),
    QT_TR_NOOP("Partly fulfilled"),
    QT_TR_NOOP("Refused"),
    QT_TR_NOOP("Withdrawn"),
    QT_TR_NOOP("No data held"),
    QT_TR_NOOP("Transferred"),
)
REFUSAL_GROUNDS = (
    QT_TR_NOOP("Legal privilege"),
    QT_TR_NOOP("Legal duty to retain"),
    QT_TR_NOOP("Identity not verified"),
    QT_TR_NOOP("Manifestly unfounded or excessive"),
)
STATUSES = (
    QT_TR_NOOP("New"),
    QT_TR_NOOP("Acknowledged"),
    QT_TR_NOOP("Awaiting identity proof"),
    QT_TR_NOOP("Awaiting clarification"),
    QT_TR_NOOP("In progress"),
    QT_TR_NOOP("Response sent"),
    QT_TR_NOOP("Closed"),
)

#: Every label above, for the test that keeps this list whole.
ALL_LABELS: frozenset[str] = frozenset(
    CASE_KINDS
    + REQUEST_TYPES
    + CHANNELS
    + RELATIONSHIPS
    + REPRESENTATIVES
    + DATA_CATEGORIES
    + IDENTITY_STATES
    + PRIORITIES
    + OUTCOMES
    + REFUSAL_GROUNDS
    + STATUSES
)

#: The jurisdictions the set-up offers (domain/policy_defaults.py JURISDICTIONS).
JURISDICTION_NAMES = (
    QT_TR_NOOP("India"),
    QT_TR_NOOP("European Union / EEA"),
    QT_TR_NOOP("United Kingdom"),
    QT_TR_NOOP("California (USA)"),
    QT_TR_NOOP("Brazil"),
)


def deadline_name(kind: str) -> str:
    """A deadline (domain DeadlineKind) named as a thing, as the Today page lists it.

    English says "Acknowledge" for the deadline and for the workflow button; Hindi does not
    (पावती / पावती दें), so the deadline's words carry the "deadline" disambiguation and get
    their own catalogue entries. An unknown kind is shown as the domain spells it.
    """
    names = {
        "acknowledge": tr("Acknowledge", "deadline"),
        "respond": tr("Respond", "deadline"),
        "extension_notice": tr("Extension notice", "deadline"),
        "extended_respond": tr("Extended respond", "deadline"),
    }
    return names.get(kind, kind.replace("_", " ").capitalize())


#: What the timelines and the Today page call an audit action (services/case_queries.py).
ACTION_LABELS = (
    QT_TR_NOOP("Case registered"),
    QT_TR_NOOP("Details edited"),
    QT_TR_NOOP("Reply language set"),
    QT_TR_NOOP("Acknowledged"),
    QT_TR_NOOP("Identity proof requested (clock stopped)"),
    QT_TR_NOOP("Clarification requested (clock stopped)"),
    QT_TR_NOOP("Resumed (clock running)"),
    QT_TR_NOOP("Work started"),
    QT_TR_NOOP("Response sent"),
    QT_TR_NOOP("Closed"),
    QT_TR_NOOP("Reopened"),
    QT_TR_NOOP("Response period extended"),
    QT_TR_NOOP("File attached"),
)
#: The workflow's steps (domain/workflow.py ACTION_LABELS), the case file's buttons.
WORKFLOW_ACTIONS = (
    QT_TR_NOOP("Acknowledge"),
    QT_TR_NOOP("Request identity proof"),
    QT_TR_NOOP("Request clarification"),
    QT_TR_NOOP("Resume"),
    QT_TR_NOOP("Start work"),
    QT_TR_NOOP("Response sent"),
    QT_TR_NOOP("Close"),
    QT_TR_NOOP("Reopen"),
)
#: What a file was attached as (services/attachments.py PURPOSES, underscores as spaces).
ATTACHMENT_PURPOSES = (
    QT_TR_NOOP("evidence"),
    QT_TR_NOOP("identity proof"),
    QT_TR_NOOP("email"),
    QT_TR_NOOP("correspondence"),
    QT_TR_NOOP("other"),
)
