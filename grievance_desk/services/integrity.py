"""``verify``: is the register sound, is its history intact, and does the history cover it?

Independent checks, all required: SQLCipher's page authentication plus SQLite's integrity
check (the file); the recomputed audit chain (the history); every case, attachment and
trigger against what the chain recorded (the record); issued letters against their digests;
and, given a chain head printed earlier (``--head SEQ:HASH``), that the history still
extends it, which is the only check a full re-chain by someone holding the raw key fails.

``repair_import_gaps`` appends one recorded ``chain.repair`` event per case whose creation
event the import of versions before schema 0007 dropped; nothing earlier is rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from grievance_desk.messages import _, ngettext
from grievance_desk.services.letter_integrity import verify_issued_letters
from grievance_desk.storage.audit import (
    REPAIR_ACTION,
    ChainHead,
    ChainReport,
    append_event,
    chain_head,
    verify_chain,
)
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.record_check import (
    CREATED_ACTION,
    ImportGap,
    RecordReport,
    check_record,
)
from grievance_desk.storage.register import Register

_SHOWN = 10
_HEAD_PATTERN = re.compile(r"^\s*(\d+)\s*:\s*([0-9a-fA-F]{64})\s*$")


class BadHead(RegisterError):
    """A ``--head`` value that is not SEQ:HASH."""


def parse_head(value: str) -> ChainHead:
    """Read a chain head as printed on a report or bundle: ``SEQ:HASH`` (64 hex digits)."""
    match = _HEAD_PATTERN.match(value)
    if not match:
        raise BadHead(
            _(
                "{value} is not a chain head. Copy it as printed on a monthly report or "
                "evidence bundle: the event number, a colon and the 64-character hash, e.g. "
                "1234:9f86d0…"
            ).format(value=repr(value))
        )
    return ChainHead(int(match[1]), match[2].lower())


def head_problem(session: Session, head: ChainHead) -> str:
    """Why the register does not extend ``head`` ("" when it does)."""
    current = chain_head(session)
    if head.sequence > current.sequence:
        return _(
            "the printed head is event {sequence}, but the register's history ends at "
            "event {sequence2}: events were cut from the end"
        ).format(sequence=head.sequence, sequence2=current.sequence)
    stored = session.execute(
        text("SELECT hash FROM audit_event WHERE id = :id"), {"id": head.sequence}
    ).scalar()
    if stored is None and head.sequence > 0:
        return _("event {sequence} of the printed head is no longer in the register").format(
            sequence=head.sequence
        )
    if (stored or "0" * 64) != head.hash:
        return _(
            "event {sequence} has a different hash from the printed head: the history up "
            "to it was rewritten (re-chained)"
        ).format(sequence=head.sequence)
    return ""


@dataclass(frozen=True)
class VerifyReport:
    file_problems: list[str]
    chain: ChainReport
    letter_problems: list[str] = field(default_factory=list)
    history_checked: bool = True
    record: RecordReport | None = None
    head: ChainHead | None = None
    checked_head: ChainHead | None = None
    head_problem: str = ""

    @property
    def ok(self) -> bool:
        return (
            not self.file_problems
            and self.chain.ok
            and not self.letter_problems
            and (self.record is None or self.record.ok)
            and not self.head_problem
        )

    def as_json(self) -> dict[str, object]:
        """The findings for scripts (``verify --json``): the verdict, each part, the lines."""
        record = self.record
        return {
            "ok": self.ok,
            "file_problems": list(self.file_problems),
            "chain": {
                "ok": self.chain.ok,
                "events": self.chain.events,
                "redacted": self.chain.redacted,
                "broken_at": self.chain.broken_at,
                "problem": self.chain.problem,
                "repaired_gaps": list(self.chain.repaired_gaps),
            },
            "history_checked": self.history_checked,
            "record": None
            if record is None
            else {
                "ok": record.ok,
                "cases": record.cases,
                "problems": list(record.problems),
                "import_gaps": len(record.import_gaps),
                "baseline_only": record.baseline_only,
            },
            "letter_problems": list(self.letter_problems),
            "head": None if self.head is None else str(self.head),
            "checked_head": None if self.checked_head is None else str(self.checked_head),
            "head_problem": self.head_problem,
            "lines": self.lines(),
        }

    def lines(self) -> list[str]:
        """What to tell the officer, one finding per line."""
        if self.file_problems:
            first = self.file_problems[:5]
            file_line = _("Database integrity: FAILED: {problems}").format(
                problems="; ".join(first)
            )
        else:
            file_line = _("Database integrity: ok (encryption and structure checked).")
        if self.letter_problems:
            letters_line = _("Issued letters: ALTERED: {problems}").format(
                problems="; ".join(self.letter_problems[:5])
            )
        else:
            letters_line = _("Issued letters: ok (each matches the digest recorded when issued).")
        if not self.history_checked:
            return [
                file_line,
                _(
                    "Audit chain and issued letters: not checked, because damaged pages cannot be "
                    "read. Restore the latest backup (grievance-desk backups, then restore; or "
                    "“Restore from a backup…” on the unlock screen)."
                ),
            ]
        lines = [file_line, self._chain_line(), *self._record_lines(), letters_line]
        if self.checked_head is not None:
            if self.head_problem:
                lines.append(
                    _("Printed chain head {checked_head}: FAILED: {head_problem}").format(
                        checked_head=self.checked_head, head_problem=self.head_problem
                    )
                )
            else:
                lines.append(
                    _(
                        "Printed chain head {checked_head}: ok (the history still extends it)."
                    ).format(checked_head=self.checked_head)
                )
        if self.head is not None:
            lines.append(
                _("Chain head now: {head} (compare with the last one you printed).").format(
                    head=self.head
                )
            )
        return lines

    def _chain_line(self) -> str:
        gaps = {g.missing_event: g for g in self.record.import_gaps} if self.record else {}
        gap = gaps.get(self.chain.broken_at) if self.chain.broken_at else None
        if gap is None:
            return str(self.chain)
        return _(
            "Audit chain broken at event {missing_event}: it is missing. It was the "
            "creation event of {reference}, dropped by the import defect of versions "
            "before schema 0007. Run `grievance-desk repair` to record the gap (nothing is "
            "rewritten)."
        ).format(missing_event=gap.missing_event, reference=gap.reference)

    def _record_lines(self) -> list[str]:
        record = self.record
        if record is None:
            return []
        lines = []
        if record.import_gaps:
            names = ", ".join(g.reference for g in record.import_gaps[:_SHOWN])
            lines.append(
                ngettext(
                    "Import defect: {count} case(s) lost their creation event in an import of 250 "
                    "rows or more before schema 0007 ({names}). Run `grievance-desk repair` to "
                    "append a recorded repair event for each.",
                    "Import defect: {count} case(s) lost their creation event in an import of 250 "
                    "rows or more before schema 0007 ({names}). Run `grievance-desk repair` to "
                    "append a recorded repair event for each.",
                    len(record.import_gaps),
                ).format(count=len(record.import_gaps), names=names)
            )
        if record.problems:
            more = len(record.problems) - _SHOWN
            lines.append(
                ngettext(
                    "Case records: FAILED: {count} problem(s): {problems}",
                    "Case records: FAILED: {count} problem(s): {problems}",
                    len(record.problems),
                ).format(count=len(record.problems), problems="; ".join(record.problems[:_SHOWN]))
                + (_("; and {more} more").format(more=more) if more > 0 else "")
            )
        else:
            line = _(
                "Case records: ok ({cases} cases match the state their latest audit event "
                "recorded; attachments match their SHA-256; audit triggers in place)."
            ).format(cases=record.cases)
            if record.baseline_only:
                line += _(
                    " {baseline_only} of them are attested only since the state baseline recorded "
                    "at the upgrade to schema 0007."
                ).format(baseline_only=record.baseline_only)
            lines.append(line)
        if record.repaired:
            shown = ", ".join(
                _("{reference} (event {event})").format(reference=ref, event=e)
                for ref, e in record.repaired[:_SHOWN]
            )
            lines.append(
                ngettext(
                    "Repairs on record: {count} case(s) whose creation event an old import dropped "
                    "are documented by repair events: {shown}.",
                    "Repairs on record: {count} case(s) whose creation event an old import dropped "
                    "are documented by repair events: {shown}.",
                    len(record.repaired),
                ).format(count=len(record.repaired), shown=shown)
            )
        return lines


def verify_register(register: Register, head: ChainHead | None = None) -> VerifyReport:
    """Run every check; read-only, safe while the app is open in the same process."""
    problems = register.integrity_problems()
    if problems:
        # Damaged pages cannot be read back, so the history cannot be recomputed either:
        # say so rather than fail half-way through with a database error.
        unchecked = ChainReport(
            events=0,
            redacted=0,
            broken_at=0,
            problem=_("not checked: the file is damaged"),
        )
        return VerifyReport(problems, unchecked, [], history_checked=False)
    with register.reading() as session:
        chain = verify_chain(session)
        letters = verify_issued_letters(session)
        record = check_record(session)
        now_head = chain_head(session)
        printed = head_problem(session, head) if head is not None else ""
    return VerifyReport(problems, chain, letters, True, record, now_head, head, printed)


@dataclass(frozen=True)
class RepairDone:
    """One repair event appended: for which case, and which lost event it documents."""

    reference: str
    event_id: int
    missing_event: int | None


def _reason(gap: ImportGap) -> str:
    where = (
        f"Event {gap.missing_event} is missing from the chain; the event after it links to "
        f"the lost event's hash {gap.lost_hash}."
        if gap.missing_event is not None
        else "The lost event was the import's last, so its number was reused by the next "
        "event and the chain shows no hole."
    )
    return (
        f"Case {gap.reference} was saved by an import at {gap.imported_at}, but its "
        f"'{CREATED_ACTION}' audit event was dropped before it was written: versions before "
        "schema 0007 let go of the pending audit event of every 250th imported case. Its "
        f"neighbour's creation event {gap.neighbour_event} was written at the same moment by "
        f"the same import. {where} This repair records the case's state as found now; no "
        "earlier event was changed."
    )


def repair_import_gaps(register: Register, *, now: datetime) -> list[RepairDone]:
    """Append one recorded repair event per case the old import left without its creation
    event (and only for those: any other finding is left for the officer to see)."""
    actor = register.actor
    done: list[RepairDone] = []
    with register.writing() as session:
        gaps = check_record(session).import_gaps
        for gap in gaps:
            event = append_event(
                session,
                action=REPAIR_ACTION,
                actor=actor,
                at=now,
                case_id=gap.case_id,
                payload={
                    "reference": gap.reference,
                    "missing_event": gap.missing_event,
                    "lost_hash": gap.lost_hash,
                    "neighbour_event": gap.neighbour_event,
                    "imported_at": gap.imported_at,
                    "reason": _reason(gap),
                },
            )
            done.append(RepairDone(gap.reference, event.id, gap.missing_event))
    return done
