"""Settings are named through one typed registry, never by a key spelt in place.

Each setting's key is written once (``storage/settings_registry.py``) with its default and
its reader; the rest of the package refers to the object. The keys are the ones registers
have always stored, so an existing register reads the same values.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import text

from grievance_desk.storage import settings_registry as settings
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting

PACKAGE = Path(__file__).resolve().parents[2] / "grievance_desk"
REGISTRY = PACKAGE / "storage" / "settings_registry.py"


def _package_files() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts]


def test_every_key_is_listed_once() -> None:
    keys = [s.key for s in settings.ALL_SETTINGS]
    assert len(keys) == len(set(keys)) >= 25
    assert settings.OFFICER_TIMEZONE in settings.ALL_SETTINGS


def test_no_module_spells_a_setting_key_itself() -> None:
    keys = "|".join(re.escape(s.key) for s in settings.ALL_SETTINGS)
    quoted = re.compile(rf"""["']({keys}|{re.escape(settings.CUSTOM_TEMPLATE_PREFIX)})["']""")
    found = []
    for path in _package_files():
        if path == REGISTRY:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            # The letter placeholders ("organisation.name" in a template) are Jinja names
            # that happen to read like keys; they are not settings (their meanings are N_-marked).
            placeholder = path.name == "letter_templates.py" and re.search(
                r"""["']: (N_\()?["']""", line
            )
            if quoted.search(line) and not placeholder:
                found.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert found == []


def test_no_module_writes_sql_against_the_setting_table() -> None:
    raw = re.compile(r"(FROM|INTO|UPDATE)\s+setting\b", re.IGNORECASE)
    found = [
        str(p.relative_to(PACKAGE))
        for p in _package_files()
        if raw.search(p.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_unset_settings_read_as_their_default_and_written_ones_round_trip(
    register: Register,
) -> None:
    with register.reading() as session:
        assert settings.ATTACHMENTS_MAX_BYTES.read(session) == 50_000_000
        assert settings.REFERENCE_PREFIX.read(session) == "GRV"
        assert settings.OFFICER_TIMEZONE.read(session) is None
    with register.writing() as session:
        settings.OFFICER_TIMEZONE.write(session, "Asia/Kolkata")
        settings.ATTACHMENTS_MAX_BYTES.write(session, 1234)
        # A value stored as JSON null (an older or hand-edited register) reads as unset.
        put_setting(session, settings.REFERENCE_PREFIX.key, None)
    with register.reading() as session:
        assert settings.OFFICER_TIMEZONE.read(session) == "Asia/Kolkata"
        assert settings.ATTACHMENTS_MAX_BYTES.read(session) == 1234
        assert settings.REFERENCE_PREFIX.read(session) == "GRV"
        stored = dict(session.execute(text("SELECT key, value FROM setting")).all())
    # Stored as they always were: JSON text under the same key.
    assert stored["officer.timezone"] == '"Asia/Kolkata"'


def test_a_new_register_records_its_id_and_where_it_is_tracked(register: Register) -> None:
    with register.reading() as session:
        assert settings.REGISTER_ID.read(session) == register.keyfile.register_id
        assert settings.UNLOCK_TRACKED_AT.read(session) == str(register.path.resolve())
