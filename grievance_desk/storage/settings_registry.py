"""Every register-wide setting, typed: its key once, its default, and how its value is read.

Settings are JSON values by key in the register's ``setting`` table (``settings_store``).
Code names a setting by one of these objects (``OFFICER_TIMEZONE.read(session)``) instead
of spelling its key, so a typo is an import error, a default lives in one place, and a test
can list them all. The keys are the ones registers have always stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from grievance_desk.storage.settings_store import get_setting, put_setting

T = TypeVar("T")


def as_is(value: Any) -> Any:
    """The stored JSON value unchanged: for structured settings their service validates."""
    return value


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its key, its value when unset (or stored as null), and its reader."""

    key: str
    default: T
    parse: Callable[[Any], T]

    def read(self, session: Session) -> T:
        """The stored value parsed, or the default when the register has none."""
        value = get_setting(session, self.key, None)
        return self.default if value is None else self.parse(value)

    def write(self, session: Session, value: T) -> None:
        """Store ``value`` (as JSON) in the caller's transaction."""
        put_setting(session, self.key, value)


def _text(value: Any) -> str:
    return str(value)


# The register itself.
REGISTER_ID: Setting[str] = Setting("register.id", "", _text)
#: The resolved path the unlock-attempt record was last tracked at (storage/unlock_attempts).
UNLOCK_TRACKED_AT: Setting[str | None] = Setting("unlock_attempts.tracked_at", None, _text)
REFERENCE_PREFIX: Setting[str] = Setting("reference.prefix", "GRV", _text)
ATTACHMENTS_MAX_BYTES: Setting[int] = Setting("attachments.max_bytes", 50 * 1000 * 1000, int)
BACKUPS_FOLDER: Setting[str | None] = Setting("backups.folder", None, _text)
BACKUPS_KEEP: Setting[Any] = Setting("backups.keep", 14, as_is)
EVIDENCE_SIGNING_KEY: Setting[Any] = Setting("evidence.signing_key", None, as_is)
RETENTION_RULES: Setting[Any] = Setting("retention.rules", None, as_is)

# The organisation and its officer, as letters print them (services/organisation.py).
ORGANISATION_NAME: Setting[str] = Setting("organisation.name", "", _text)
ORGANISATION_ADDRESS: Setting[str] = Setting("organisation.address", "", _text)
ORGANISATION_WEBSITE: Setting[str] = Setting("organisation.website", "", _text)
ORGANISATION_LOGO_PNG: Setting[str] = Setting("organisation.logo_png", "", _text)
OFFICER_NAME: Setting[str] = Setting("officer.name", "", _text)
OFFICER_TITLE: Setting[str] = Setting("officer.title", "", _text)
OFFICER_EMAIL: Setting[str] = Setting("officer.email", "", _text)
OFFICER_PHONE: Setting[str] = Setting("officer.phone", "", _text)
OFFICER_ADDRESS: Setting[str] = Setting("officer.address", "", _text)
#: An IANA zone name; unset means the zone the deadline code defaults to.
OFFICER_TIMEZONE: Setting[str | None] = Setting("officer.timezone", None, _text)
OFFICER_SIGNATURE_PNG: Setting[str] = Setting("officer.signature_png", "", _text)

# Deadlines and reminders (services/policy_settings.py validates their shapes).
POLICIES_CUSTOM: Setting[Any] = Setting("policies.custom", [], as_is)
POLICIES_DEFAULTS: Setting[Any] = Setting("policies.defaults", {}, as_is)
CALENDAR_DAYS_OFF: Setting[Any] = Setting("calendar.days_off", [], as_is)
CALENDAR_MEMBER_STATE: Setting[Any] = Setting("calendar.member_state", None, as_is)
REMINDERS_SCHEDULE: Setting[Any] = Setting("reminders.schedule", None, as_is)
ORGANISATION_PROFILE: Setting[Any] = Setting("organisation.profile", None, as_is)

# Letters.
LETTERS_DATE_FORMAT: Setting[str] = Setting("letters.date_format", "%-d %B %Y", _text)
#: Each customised letter template is stored under this prefix and its template id (another
#: language's copy under the prefix, the language and the id: "templates.custom.hi.refusal").
CUSTOM_TEMPLATE_PREFIX = "templates.custom."


def custom_template(template_id: str, language: str = "en") -> Setting[Any]:
    """The setting holding the officer's versions of one letter template in ``language``
    (English under the key it always had, so existing registers keep their copies)."""
    where = template_id if language == "en" else f"{language}.{template_id}"
    return Setting(CUSTOM_TEMPLATE_PREFIX + where, None, as_is)


#: Every fixed setting, for listings and the test that keys are spelt only here.
ALL_SETTINGS: tuple[Setting[Any], ...] = tuple(
    value for value in list(globals().values()) if isinstance(value, Setting)
)
