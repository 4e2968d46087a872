"""Real failures of the register and the services come out in the officer's language (issue 17).

With the window in Hindi (`messages.use_language("hi")`) a refusal reads in Hindi with its
placeholders filled (the path, the file name, the problem), and the same call after
`use_language("en")` reads in English again. What is stored (audit payloads, case fields) never
follows the language: a register written in a Hindi session holds the same text as one written
in an English session.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from grievance_desk import messages
from grievance_desk.services.attachments import EmptyAttachment, add_attachment
from grievance_desk.services.backups import restore
from grievance_desk.services.case_queries import case_timeline
from grievance_desk.services.cases import register_case
from grievance_desk.services.import_export import ImportRejected, import_file
from grievance_desk.services.integrity import verify_register
from grievance_desk.services.letter_templates import FIELDS, template_fields
from grievance_desk.services.spreadsheet_io import SpreadsheetError
from grievance_desk.storage import unlock_attempts
from grievance_desk.storage.errors import (
    AttachmentTooLarge,
    NotARegister,
    RegisterMissing,
    WrongPassphrase,
)
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import Register, Unlock
from grievance_desk.storage.settings_store import put_setting
from tests.conftest import NOW, PASSPHRASE
from tests.support.drafts import make_draft

DEVANAGARI = range(0x0900, 0x0980)


def _hindi(message: str) -> bool:
    return any(ord(c) in DEVANAGARI for c in message)


def test_a_missing_register_is_named_in_hindi_then_in_english(tmp_path: Path) -> None:
    missing = tmp_path / "elsewhere" / "register.db"
    messages.use_language("hi")
    with pytest.raises(RegisterMissing) as hindi:
        Register.open(missing, Unlock(passphrase=PASSPHRASE))
    assert str(hindi.value).startswith(f"{missing} पर कोई रजिस्टर नहीं है।")
    assert "`grievance-desk init`" in str(hindi.value)  # the command stays as typed
    messages.use_language("en")
    with pytest.raises(RegisterMissing) as english:
        Register.open(missing, Unlock(passphrase=PASSPHRASE))
    assert str(english.value).startswith(f"There is no register at {missing}.")


def test_a_wrong_passphrase_is_refused_in_hindi_and_the_register_still_opens(
    register_path: Path,
) -> None:
    Register.create(register_path, PASSPHRASE)[0].close()
    messages.use_language("hi")
    with pytest.raises(WrongPassphrase) as hindi:
        Register.open(register_path, Unlock(passphrase="not the passphrase"))
    assert "पासफ़्रेज़ सही नहीं है" in str(hindi.value)
    assert "रिकवरी कुंजी" in str(hindi.value)
    messages.use_language("en")
    with pytest.raises(WrongPassphrase, match="The passphrase is not correct"):
        Register.open(register_path, Unlock(passphrase="not the passphrase"))
    with Register.open(register_path, Unlock(passphrase=PASSPHRASE)) as opened:
        assert opened.path == register_path


def test_an_import_of_a_file_it_cannot_read_names_the_file_in_hindi(
    register: Register, tmp_path: Path
) -> None:
    old = tmp_path / "purana-register.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    messages.use_language("hi")
    with pytest.raises(SpreadsheetError) as hindi:
        import_file(register, old, now=NOW)
    assert str(hindi.value).startswith("purana-register.xls एक .xls है, जिसका आयात नहीं हो सकता।")
    assert "'Excel Workbook (.xlsx)'" in str(hindi.value)  # the menu entry stays as Excel shows it
    messages.use_language("en")
    with pytest.raises(SpreadsheetError) as english:
        import_file(register, old, now=NOW)
    assert str(english.value).startswith("purana-register.xls is a .xls, which cannot be imported.")


def test_an_import_with_bad_rows_says_in_hindi_that_nothing_was_imported(
    register: Register, tmp_path: Path
) -> None:
    source = tmp_path / "old.csv"
    source.write_text(
        "reference,received,requester_name,requester_email,request_type,channel,status,"
        "description\n"
        ",25/11/2026,Test Person One,one@example.org,Access,Email,Open,fine row\n"
        ",31/02/2026,Test Person Two,two@example.org,Access,Email,Open,impossible date\n",
        encoding="utf-8",
    )
    messages.use_language("hi")
    with pytest.raises(ImportRejected) as hindi:
        import_file(register, source, now=NOW)
    first_line = str(hindi.value).splitlines()[0]
    assert first_line.startswith("old.csv: 2 में से 1 पंक्तियों में समस्याएँ हैं")
    assert "--skip-invalid" in first_line
    with register.reading() as session:
        assert session.execute(text("SELECT count(*) FROM grievance_case")).scalar() == 0
    messages.use_language("en")
    with pytest.raises(ImportRejected, match=r"old\.csv: 1 of 2 rows have problems"):
        import_file(register, source, now=NOW)


def test_a_refused_attachment_names_the_file_and_the_limit_in_hindi(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    with register.writing() as session:
        put_setting(session, "attachments.max_bytes", 2_000_000)
    messages.use_language("hi")
    with pytest.raises(EmptyAttachment) as empty:
        add_attachment(register, reference, "pehchan.pdf", b"", now=NOW)
    assert str(empty.value).startswith("pehchan.pdf खाली है (0 बाइट)")
    with pytest.raises(AttachmentTooLarge) as large:
        add_attachment(register, reference, "scan.png", b"\x89PNG" + b"\x00" * 2_500_000, now=NOW)
    assert str(large.value).startswith("scan.png 2.5 MB का है, जो संलग्नकों की 2 MB की सीमा")
    messages.use_language("en")
    with pytest.raises(EmptyAttachment, match=r"^pehchan\.pdf is empty \(0 bytes\)"):
        add_attachment(register, reference, "pehchan.pdf", b"", now=NOW)


def test_restoring_a_file_that_is_not_a_register_is_refused_in_hindi(
    register: Register, register_path: Path, tmp_path: Path
) -> None:
    register_case(register, make_draft(), now=NOW)
    register.close()
    plain = tmp_path / "notes.db"
    with sqlite3.connect(plain) as connection:
        connection.execute("CREATE TABLE notes (line TEXT)")
    shutil.copy(key_file_for(register_path), key_file_for(plain))
    unlock = Unlock(passphrase=PASSPHRASE)
    messages.use_language("hi")
    with pytest.raises(NotARegister) as hindi:
        restore(plain, register_path, unlock, force=True, now=NOW)
    # The frame and the detail inside it are both Hindi, and the path is filled in.
    assert str(hindi.value).startswith(
        f"{plain} Grievance Desk रजिस्टर नहीं है या क्षतिग्रस्त है (यह बिना एन्क्रिप्शन वाला SQLite डेटाबेस है)।"
    )
    messages.use_language("en")
    with pytest.raises(NotARegister, match="it is an unencrypted SQLite database"):
        restore(plain, register_path, unlock, force=True, now=NOW)
    with Register.open(register_path, unlock) as kept, kept.reading() as session:
        # Nothing was lost: the register still opens with its case.
        assert session.execute(text("SELECT count(*) FROM grievance_case")).scalar() == 1


def test_the_verify_report_reads_in_hindi(register: Register) -> None:
    register_case(register, make_draft(), now=NOW)
    messages.use_language("hi")
    hindi = verify_register(register).lines()
    assert hindi[0] == "डेटाबेस की अखंडता: ठीक (एन्क्रिप्शन और संरचना जाँची गई)।"
    assert "ऑडिट श्रृंखला अखंड: 1 इवेंट (0 संशोधित)।" in hindi
    messages.use_language("en")
    assert "Audit chain intact: 1 events (0 redacted)." in verify_register(register).lines()


def _stored(path: Path, language: str) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    """Create a register, add a case and an attachment, lose the attempts record, reopen:
    all while ``language`` is chosen. Returns the notices and what the register holds."""
    messages.use_language(language)
    created, _recovery = Register.create(path, PASSPHRASE)
    with created:
        reference = register_case(created, make_draft(), now=NOW)
        add_attachment(created, reference, "letter.pdf", b"%PDF-1.7\n%%EOF\n", now=NOW)
    unlock_attempts.attempts_file_for(path).unlink()
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as reopened:
        notices = list(reopened.notices)
        with reopened.reading() as session:
            events = [
                (str(action), str(payload))
                for action, payload in session.execute(
                    text("SELECT action, payload FROM audit_event ORDER BY id")
                )
            ]
            case = session.execute(
                text(
                    "SELECT reference, status, description, channel, request_type "
                    "FROM grievance_case"
                )
            ).one()
    return notices, events, [str(value) for value in case]


def test_what_is_stored_is_the_same_whichever_language_is_chosen(tmp_path: Path) -> None:
    hindi_notices, hindi_events, hindi_case = _stored(tmp_path / "hi" / "register.db", "hi")
    english_notices, english_events, english_case = _stored(tmp_path / "en" / "register.db", "en")
    # What the officer is told follows the language...
    assert len(hindi_notices) == 1 and _hindi(hindi_notices[0])
    assert str(tmp_path / "hi" / "register.db") in hindi_notices[0]
    assert english_notices[0].startswith("The record of failed unlock attempts beside")
    # ...what the register holds does not.
    assert hindi_case == english_case
    assert [action for action, _payload in hindi_events] == [
        action for action, _payload in english_events
    ]
    missing = dict(hindi_events)["register.unlock_record_missing"]
    assert json.loads(missing) == {"noticed": "at this unlock"}
    assert hindi_events == english_events
    assert not any(_hindi(payload) for _action, payload in hindi_events)


def test_the_timeline_and_the_template_fields_read_in_hindi(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    add_attachment(register, reference, "letter.pdf", b"%PDF-1.7\n%%EOF\n", now=NOW)
    messages.use_language("hi")
    with register.reading() as session:
        case_id = session.execute(text("SELECT id FROM grievance_case")).scalar_one()
        titles = [item.title for item in case_timeline(session, case_id)]
    assert "फ़ाइल संलग्न: letter.pdf" in titles
    assert template_fields()["requester.name"] == "अनुरोधकर्ता का नाम"
    # The JSON for scripts keeps the English the catalogue was made from.
    assert FIELDS["requester.name"] == "the requester's name"
    messages.use_language("en")
    with register.reading() as session:
        assert "File attached: letter.pdf" in [i.title for i in case_timeline(session, case_id)]
    assert template_fields()["requester.name"] == "the requester's name"


def test_a_case_changed_behind_the_app_is_named_in_hindi_by_verify(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    with register.writing() as session:
        session.execute(text("UPDATE grievance_case SET description = 'edited behind the app'"))
    messages.use_language("hi")
    lines = verify_register(register).lines()
    finding = next(line for line in lines if line.startswith("मामलों के रिकॉर्ड: विफल: 1 समस्या: "))
    # The frame, the finding inside it and its placeholders are all filled in Hindi.
    assert f"{reference}: इसके नवीनतम ऑडिट इवेंट (1, case.created) में दर्ज स्थिति से अलग है" in finding
    messages.use_language("en")
    english = "\n".join(verify_register(register).lines())
    assert (
        f"{reference}: differs from the state its latest audit event (1, case.created)" in english
    )
