"""The names of audit events, typed: one enum instead of strings spread over the services.

The values are the action strings the audit chain has always stored (and hashed), so a
register written before this enum reads and verifies unchanged. Services append events with
these members, reports and the evidence checks read them, and the report cache's triggers
(migration 0004) name the ones in ``REPORT_ACTIONS``; a test checks that SQL against it.
"""

from __future__ import annotations

from enum import StrEnum

from grievance_desk.domain.workflow import Action


class AuditAction(StrEnum):
    """Every action an audit event can record."""

    # A case's life: registered, edited, and each workflow step (``case.<Action>``).
    CASE_CREATED = "case.created"
    CASE_UPDATED = "case.updated"
    CASE_REPLY_LANGUAGE_SET = "case.reply_language_set"
    CASE_ACKNOWLEDGE = "case.acknowledge"
    CASE_REQUEST_IDENTITY_PROOF = "case.request_identity_proof"
    CASE_REQUEST_CLARIFICATION = "case.request_clarification"
    CASE_RESUME = "case.resume"
    CASE_START_WORK = "case.start_work"
    CASE_SEND_RESPONSE = "case.send_response"
    CASE_CLOSE = "case.close"
    CASE_REOPEN = "case.reopen"
    CASE_EXTENDED = "case.extended"
    CASE_EXTENSION_NOTICE_SENT = "case.extension_notice_sent"
    CASE_EVIDENCE_EXPORTED = "case.evidence_exported"
    CASE_PURGED = "case.purged"
    CASE_LEGAL_HOLD = "case.legal_hold"
    CASE_IDENTITY_DOCUMENTS_DESTROYED = "case.identity_documents_destroyed"
    CASE_STATE_BASELINE = "case.state_baseline"
    # What else is kept on a case.
    ATTACHMENT_ADDED = "attachment.added"
    CORRESPONDENCE_IN = "correspondence.in"
    CORRESPONDENCE_OUT = "correspondence.out"
    LETTER_DRAFTED = "letter.drafted"
    LETTER_EDITED = "letter.edited"
    LETTER_DISCARDED = "letter.discarded"
    LETTER_ISSUED = "letter.issued"
    REMINDER_DISMISSED = "reminder.dismissed"
    REMINDER_SNOOZED = "reminder.snoozed"
    # The register as a whole.
    TEMPLATE_SAVED = "template.saved"
    TEMPLATE_REVERTED = "template.reverted"
    SETTINGS_CHANGED = "settings.changed"
    SETTINGS_ORGANISATION = "settings.organisation"
    REGISTER_BACKUP = "register.backup"
    REGISTER_RESTORED = "register.restored"
    REGISTER_SIGNING_KEY_CREATED = "register.signing_key_created"
    REGISTER_KEY_EXPORTED = "register.key_exported"
    REGISTER_KEY_ROTATED = "register.key_rotated"
    REGISTER_RECOVERY_KEY_REPLACED = "register.recovery_key_replaced"
    REGISTER_UNLOCK_FAILED = "register.unlock_failed"
    REGISTER_UNLOCK_RECORD_MISSING = "register.unlock_record_missing"
    CHAIN_REPAIR = "chain.repair"

    @classmethod
    def of_step(cls, action: Action) -> AuditAction:
        """The event recording a workflow step (``case.acknowledge`` for acknowledge)."""
        return cls(f"case.{action.value}")

    @classmethod
    def of_correspondence(cls, direction: str) -> AuditAction:
        """The event recording a message in (``"in"``) or out (``"out"``)."""
        return cls(f"correspondence.{direction}")


#: The events a monthly report reads from a case's history (responses, closings,
#: reopenings); the report cache drops a case's periods when one of them is appended.
REPORT_ACTIONS: tuple[AuditAction, ...] = (
    AuditAction.CASE_SEND_RESPONSE,
    AuditAction.CASE_CLOSE,
    AuditAction.CASE_REOPEN,
)


def sql_list(actions: tuple[AuditAction, ...] | frozenset[AuditAction]) -> str:
    """Actions as an SQL list literal (``'case.close', 'case.reopen'``), for trigger text.

    The values are this enum's constants (letters, dots and underscores), never user input.
    """
    return ", ".join(f"'{a.value}'" for a in sorted(actions, key=list(AuditAction).index))
