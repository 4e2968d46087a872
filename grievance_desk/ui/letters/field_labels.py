"""Short labels for the fields the officer types into a letter, in the window's language.

The New letter dialog asks for the ``letter.*`` fields a template uses ("Data summary *:");
the label was the field's code name made readable, so it stayed English in the Hindi window.
Each field has a short label here, marked for the window's catalogue; what the field holds
(its meaning, from the services in the officer's language) stays the placeholder and tooltip.
A field without a label here (one added later) falls back to its readable code name.
"""

from __future__ import annotations

from grievance_desk.ui.i18n import QT_TR_NOOP, tr

FIELD_LABELS: dict[str, str] = {
    "letter.identity_documents": QT_TR_NOOP("Identity documents"),
    "letter.clarification_needed": QT_TR_NOOP("Clarification needed"),
    "letter.extension_reasons": QT_TR_NOOP("Extension reasons"),
    "letter.data_summary": QT_TR_NOOP("Data summary"),
    "letter.processing_activities": QT_TR_NOOP("Processing activities"),
    "letter.recipients": QT_TR_NOOP("Recipients"),
    "letter.how_provided": QT_TR_NOOP("How provided"),
    "letter.corrections_made": QT_TR_NOOP("Corrections made"),
    "letter.recipients_informed": QT_TR_NOOP("Recipients informed"),
    "letter.data_erased": QT_TR_NOOP("Data erased"),
    "letter.data_retained": QT_TR_NOOP("Data retained"),
    "letter.retention_period": QT_TR_NOOP("Retention period"),
    "letter.data_source": QT_TR_NOOP("Data source"),
    "letter.automated_decisions": QT_TR_NOOP("Automated decisions"),
    "letter.transfer_safeguards": QT_TR_NOOP("Transfer safeguards"),
    "letter.retention_law": QT_TR_NOOP("Retention law"),
    "letter.ccpa_statement": QT_TR_NOOP("CCPA statement"),
    "letter.objection_outcome": QT_TR_NOOP("Objection outcome"),
    "letter.consent_purposes": QT_TR_NOOP("Consent purposes"),
    "letter.continued_processing": QT_TR_NOOP("Continued processing"),
    "letter.nominee_name": QT_TR_NOOP("Nominee name"),
    "letter.resolution": QT_TR_NOOP("Resolution"),
    "letter.refused_action": QT_TR_NOOP("Refused action"),
    "letter.reasons": QT_TR_NOOP("Reasons"),
    "letter.closure_summary": QT_TR_NOOP("Closure summary"),
}


def field_label(name: str) -> str:
    """The short label of field ``name`` ("letter.data_summary" → "Data summary")."""
    marked = FIELD_LABELS.get(name)
    if marked is not None:
        return tr(marked)
    readable = name.split(".", 1)[-1].replace("_", " ")
    return readable[:1].upper() + readable[1:]
