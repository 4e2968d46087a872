"""Turn one spreadsheet row into a checked ``CaseDraft``, or say everything wrong with it.

The officer's file is the source of truth for cases kept before Grievance Desk; a row either
becomes exactly the case it describes or is refused with every bad cell named. A bare
``acknowledged``/``closed`` date means the start of the day, except on the day of receipt,
where it means the received time (it cannot precede it). Pure: ``now`` and the time zone
are parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo

from grievance_desk.domain.case_record import CaseDraft, Requester, problems_in
from grievance_desk.domain.case_types import (
    CaseKind,
    Channel,
    DataCategory,
    IdentityState,
    Outcome,
    Priority,
    RefusalGround,
    Relationship,
    Representative,
    RequestType,
)
from grievance_desk.domain.reference import (
    InvalidReference,
    ReferenceOutOfRange,
    legacy_reference_tag,
    parse_reference,
)
from grievance_desk.domain.row_cells import cell_text, split_list
from grievance_desk.domain.row_columns import COLUMNS, match_headers, squash
from grievance_desk.domain.row_dates import When
from grievance_desk.domain.row_reader import RowCells, RowError
from grievance_desk.domain.row_values import accepted_values, match_value, unknown_value
from grievance_desk.domain.workflow import Status
from grievance_desk.messages import _

_COMPLAINT_WORDS = frozenset({"complaint", "grievance", "complaints", "grievances"})

# Column a case_record FieldProblem belongs to.
_FIELD_COLUMNS: dict[str, str] = {
    "requester.name": "requester_name",
    "requester.email": "requester_email",
    "requester.phone": "requester_phone",
    "requester.postal_address": "requester_address",
    "received_at": "received",
    "acknowledged_at": "acknowledged",
    "closed_at": "closed",
    "description": "description",
    "representative_name": "representative_name",
    "refusal_grounds": "refusal_grounds",
    "outcome": "outcome",
    "policy_id": "policy",
}


def _fix_for(column: str) -> str:
    """What to do about a case_record problem in ``column`` ("" when the problem says it)."""
    fixes = {
        "requester_email": _("Correct the address or leave the cell empty."),
        "requester_phone": _("Correct the number or leave the cell empty."),
        "representative_name": _(
            "Fill in the representative's name, or set representative to none."
        ),
        "refusal_grounds": _("Clear the refusal grounds or set the outcome to refused."),
        "outcome": _(
            "Fill in the outcome (fulfilled, partly_fulfilled, refused, withdrawn, "
            "no_data_held, transferred)."
        ),
    }
    return fixes.get(column, "")


def row_to_draft(row: Mapping[str, object], *, line: int, tz: tzinfo, now: datetime) -> CaseDraft:
    """Turn one spreadsheet row into a checked draft, or say everything wrong with it.

    Keys are the file's headers as written (any accepted spelling). Raises ``HeaderError``
    if the headers themselves are unusable (call ``match_headers`` first to fail early) and
    ``RowError`` listing every bad cell of the row, each with its line number and fix.
    """
    cells = RowCells(row, match_headers(row.keys()), line)

    reference, legacy_tags = _reference(cells)
    received = cells.when("received", tz, now)
    if received is None and not cells.has_problem("received"):
        cells.problem(
            "received", _("this cell is empty; every case needs the date it was received.")
        )
    acknowledged = cells.when("acknowledged", tz, now)
    closed = cells.when("closed", tz, now)
    acknowledged_at = _after_receipt(cells, "acknowledged", acknowledged, received, tz)
    closed_at = _after_receipt(cells, "closed", closed, received, tz)
    kind, request_type = _kind_and_type(cells)

    name = cells.text("requester_name")
    if not name:
        cells.problem(
            "requester_name", _("this cell is empty; every case needs the requester's name.")
        )
    status = _status(cells, acknowledged=acknowledged, closed=closed)
    outcome = _outcome(cells)

    draft = CaseDraft(
        kind=kind,
        request_type=request_type,
        channel=cells.enum("channel", Channel, Channel.EMAIL),
        received_at=received.moment if received else now,
        requester=Requester(
            name=name,
            email=cells.coded("requester_email"),
            phone=cells.coded("requester_phone"),
            postal_address=cells.text("requester_address"),
            relationship=cells.enum("relationship", Relationship, Relationship.CUSTOMER),
            organisation=cells.text("organisation"),
        ),
        description=cells.text("description"),
        representative=cells.enum("representative", Representative, Representative.NONE),
        representative_name=cells.text("representative_name"),
        data_categories=cells.enums("data_categories", DataCategory),
        identity_state=cells.enum("identity", IdentityState, IdentityState.NOT_REQUIRED),
        priority=cells.enum("priority", Priority, Priority.NORMAL),
        status=status,
        outcome=outcome,
        refusal_grounds=cells.enums("refusal_grounds", RefusalGround),
        tags=(*split_list(cells.text("tags")), *legacy_tags),
        policy_id=cells.text("policy") or None,
        reference=reference,
        acknowledged_at=acknowledged_at,
        closed_at=closed_at,
    )
    _add_record_problems(cells, draft)
    if cells.problems:
        order = {c: i for i, c in enumerate(COLUMNS)}
        cells.problems.sort(key=lambda p: order.get(p.column, len(order)))
        raise RowError(line, cells.problems)
    return draft


def _reference(cells: RowCells) -> tuple[str | None, list[str]]:
    """The case's reference, or none plus an old-ref tag for an older numbering."""
    text = cells.coded("reference")
    if not text:
        return None, []
    try:
        return str(parse_reference(text)), []
    except ReferenceOutOfRange as error:
        cells.problem("reference", str(error))
    except InvalidReference:
        # An older numbering: the case gets a new reference and keeps this one as a tag.
        return None, [legacy_reference_tag(text)]
    return None, []


def _kind_and_type(cells: RowCells) -> tuple[CaseKind, RequestType]:
    """Kind and request type; a request type saying "Complaint" makes a complaint."""
    type_text = cells.coded("request_type")
    named_complaint = squash(type_text) in _COMPLAINT_WORDS
    kind_default = CaseKind.COMPLAINT if named_complaint else CaseKind.RIGHTS_REQUEST
    kind = cells.enum("kind", CaseKind, kind_default)
    request_type = RequestType.OTHER  # a "Complaint" request type names no right
    if type_text and not named_complaint:
        request_type = cells.enum("request_type", RequestType, RequestType.OTHER)
    elif kind is not CaseKind.COMPLAINT:
        cells.problem(
            "request_type",
            _("this cell is empty; say what was requested ({values}).").format(
                values=", ".join(accepted_values(RequestType))
            ),
        )
    return kind, request_type


def _status(cells: RowCells, *, acknowledged: When | None, closed: When | None) -> Status:
    """The status as written, else the furthest one the row's dates show."""
    if cells.coded("status"):
        return cells.enum("status", Status, Status.NEW)
    if closed is not None:
        return Status.CLOSED
    if acknowledged is not None:
        return Status.ACKNOWLEDGED
    return Status.NEW


def _outcome(cells: RowCells) -> Outcome | None:
    outcome_text = cells.coded("outcome")
    outcome = match_value(Outcome, outcome_text) if outcome_text else None
    if outcome_text and outcome is None:
        cells.problem("outcome", unknown_value(outcome_text, Outcome))
    return outcome


def _add_record_problems(cells: RowCells, draft: CaseDraft) -> None:
    """The case record's own checks, told by column with the fix."""
    for found in problems_in(draft):
        column = _FIELD_COLUMNS.get(found.field, found.field)
        # Our own checks already said it better (empty cells, dates against receipt).
        if cells.has_problem(column) or column in ("received", "acknowledged", "closed"):
            continue
        fix = _fix_for(column)
        cells.problem(column, f"{_sentence(found.message)} {fix}".strip())


def _after_receipt(
    cells: RowCells, column: str, found: When | None, received: When | None, tz: tzinfo
) -> datetime | None:
    """Check a later date against receipt; a bare date on the day of receipt means then."""
    if found is None or received is None:
        return None if found is None else found.moment
    moment = found.moment
    same_day = moment.astimezone(tz).date() == received.moment.astimezone(tz).date()
    if found.bare_date and same_day and moment < received.moment:
        return received.moment
    if moment < received.moment:
        if column == "acknowledged":
            problem = _(
                "the acknowledgement date {date} is before the received date {received}. "
                "Correct whichever of the two is wrong."
            )
        else:
            problem = _(
                "the closure date {date} is before the received date {received}. Correct "
                "whichever of the two is wrong."
            )
        cells.problem(
            column,
            problem.format(
                date=repr(cell_text(cells.raw(column))),
                received=repr(cell_text(cells.raw("received"))),
            ),
        )
        return None
    return moment


def _sentence(message: str) -> str:
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith(".") else message + "."
