"""verify covers the record: state digests, the old import gap and its recorded repair,
the 0007 state baseline, and a printed chain head."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from grievance_desk.domain.workflow import Action
from grievance_desk.services.cases import BulkContext, change_status, insert_case, update_case
from grievance_desk.services.demo_data import demo_drafts
from grievance_desk.services.integrity import (
    BadHead,
    parse_head,
    repair_import_gaps,
    verify_register,
)
from grievance_desk.services.retention import redacted_payload
from grievance_desk.storage.audit import chain_head, verify_chain
from grievance_desk.storage.engine import make_engine
from grievance_desk.storage.keyfile import new_data_key
from grievance_desk.storage.migrate import migrate
from grievance_desk.storage.record_check import check_record
from grievance_desk.storage.register import Register
from tests.conftest import NOW
from tests.support.drafts import make_draft


def _import_the_old_way(register: Register, rows: int) -> list[str]:
    """The import loop of versions before 0007: every 250 rows it let go of the session's
    objects without writing them, so the pending audit event of every 250th case was lost."""
    references = []
    drafts = demo_drafts(rows, NOW - timedelta(days=2), seed=3)
    with register.writing() as session:
        bulk = BulkContext.for_session(session)
        for index, draft in enumerate(drafts, start=1):
            references.append(
                insert_case(session, draft, now=NOW, actor="officer", bulk=bulk).reference
            )
            if index % 250 == 0:
                session.expunge_all()
        bulk.save_counters(session)
    return references


def test_a_register_broken_by_the_old_import_is_named_then_repaired_on_record(
    register: Register,
) -> None:
    references = _import_the_old_way(register, 500)
    # Case 250's event fell in the middle (a hole in the chain); case 500's was the import's
    # last, so the next event reuses its number and only the case shows the loss.
    update_case(register, references[0], {"priority": "high"}, now=NOW + timedelta(hours=1))

    broken = verify_register(register)
    assert not broken.ok
    text_out = "\n".join(broken.lines())
    assert "Audit chain broken at event 250: it is missing" in text_out
    assert f"creation event of {references[249]}" in text_out
    assert "Import defect: 2 case(s)" in text_out
    assert references[249] in text_out and references[499] in text_out
    assert "grievance-desk repair" in text_out

    with register.reading() as session:
        events_before = session.execute(
            text("SELECT id, hash, payload FROM audit_event ORDER BY id")
        ).all()
    done = repair_import_gaps(register, now=NOW + timedelta(days=1))
    assert [(d.reference, d.missing_event) for d in done] == [
        (references[249], 250),
        (references[499], None),
    ]
    repaired = verify_register(register)
    assert repaired.ok, repaired.lines()
    lines = "\n".join(repaired.lines())
    assert "1 event(s) lost by the import defect" in lines and "missing event 250" in lines
    assert "Repairs on record: 2 case(s)" in lines and references[249] in lines
    # History is never rewritten: every earlier event is exactly as it was.
    with register.reading() as session:
        after = session.execute(text("SELECT id, hash, payload FROM audit_event ORDER BY id")).all()
        repair = json.loads(after[-2][2])
    assert after[: len(events_before)] == events_before
    assert repair["missing_event"] == 250 and "every 250th imported case" in repair["reason"]
    # A second run finds nothing to do.
    assert repair_import_gaps(register, now=NOW + timedelta(days=2)) == []
    # The repair's record survives a retention purge's redaction of its payload.
    kept = redacted_payload(after[-2][2], "chain.repair")
    assert kept["missing_event"] == 250 and kept["lost_hash"] == repair["lost_hash"]


def test_a_case_inserted_without_any_event_is_not_taken_for_the_import_defect(
    register: Register,
) -> None:
    with register.writing() as session:
        bulk = BulkContext.for_session(session)
        insert_case(session, make_draft(), now=NOW, actor="officer", bulk=bulk)
        session.expunge_all()  # its event is dropped, and it has no import neighbours
        bulk.save_counters(session)
    report = verify_register(register)
    assert not report.ok
    assert "GRV-2026-00001: has no audit event at all" in "\n".join(report.lines())
    assert repair_import_gaps(register, now=NOW) == []
    assert not verify_register(register).ok


def test_every_change_records_the_state_that_verify_compares(register: Register) -> None:
    reference = insert_and_work(register)
    report = verify_register(register)
    assert report.ok, report.lines()
    assert "Case records: ok (1 cases match" in "\n".join(report.lines())
    with register.writing() as session:
        session.execute(text("UPDATE grievance_case SET description = 'edited behind the app'"))
    report = verify_register(register)
    assert not report.ok
    assert f"{reference}: differs from the state its latest audit event" in "\n".join(
        report.lines()
    )


def insert_and_work(register: Register) -> str:
    from grievance_desk.services.cases import register_case

    reference = register_case(register, make_draft(), now=NOW)
    change_status(register, reference, Action.ACKNOWLEDGE, now=NOW + timedelta(hours=1))
    return reference


def test_a_printed_head_is_extended_or_the_cut_is_named(register: Register) -> None:
    reference = insert_and_work(register)
    with register.reading() as session:
        printed = chain_head(session)
    assert str(printed).startswith("2:")
    change_status(register, reference, Action.START_WORK, now=NOW + timedelta(hours=2))
    later = verify_register(register, parse_head(str(printed)))
    assert later.ok and "(the history still extends it)" in "\n".join(later.lines())
    forged = parse_head(f"2:{'ab' * 32}")
    rewritten = verify_register(register, forged)
    assert not rewritten.ok and "re-chained" in "\n".join(rewritten.lines())
    beyond = verify_register(register, parse_head(f"9:{printed.hash}"))
    assert not beyond.ok and "events were cut from the end" in "\n".join(beyond.lines())
    with pytest.raises(BadHead, match="not a chain head"):
        parse_head("2:xyz")


def test_the_upgrade_to_0007_records_a_state_baseline_per_case(tmp_path: Path) -> None:
    """A register made before state digests: every case gets one recorded baseline event,
    and verify says the cases are attested from it, never that nothing was checked."""
    from grievance_desk.storage.audit import GENESIS, _header, canonical_json, chain_hash, digest

    path = tmp_path / "old.db"
    engine = make_engine(path, new_data_key())
    migrate(engine, path, target="0006")
    stamp = "2026-11-20T10:00:00.000000Z"
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO requester (id, name, email, phone, postal_address, relationship, "
                "organisation) VALUES (1, 'Test Person Old', '', '', '', 'customer', '')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO grievance_case (id, reference, ref_year, ref_sequence, kind, "
                "request_type, channel, received_at, requester_id, representative, "
                "representative_name, data_categories, description, identity_state, priority, "
                "status, refusal_grounds, tags, legal_hold, created_at, updated_at) VALUES "
                "(1, 'GRV-2026-00001', 2026, 1, 'complaint', 'access', 'email', :t, 1, "
                "'none', '', '[]', 'old case (test)', 'not_required', 'normal', 'new', "
                "'[]', '[]', 0, :t, :t)"
            ),
            {"t": stamp},
        )
        connection.execute(text("INSERT INTO reference_counter VALUES (2026, 1)"))
        payload = canonical_json({"after": {"reference": "GRV-2026-00001"}}).decode()
        header = _header(1, 1, NOW, "officer", "case.created", digest(payload.encode()))
        connection.execute(
            text(
                "INSERT INTO audit_event (id, case_id, at, actor, action, payload, "
                "payload_digest, prev_hash, hash) VALUES (1, 1, :at, 'officer', "
                "'case.created', :p, :d, :g, :h)"
            ),
            {
                "at": header["at"],
                "p": payload,
                "d": header["payload_sha256"],
                "g": GENESIS,
                "h": chain_hash(GENESIS, header),
            },
        )
    migrate(engine, path)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, case_id, action, payload FROM audit_event ORDER BY id")
        ).all()
    with Session(engine) as session:
        record = check_record(session)
        chain = verify_chain(session)
    engine.dispose()
    assert chain.ok and record.ok and record.baseline_only == 1, record.problems
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (1, 1, "case.created"),
        (2, 1, "case.state_baseline"),
    ]
    assert "attested by the audit chain from this event on" in json.loads(rows[1][3])["note"]
