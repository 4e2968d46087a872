"""The places the deadline settings offer, marked for the window's catalogue (issue 17).

``domain/policy_defaults.JURISDICTIONS`` names them in English for the CLI and the policy
files; the window shows ``tr(name)``. A place added there and not here stays English.
"""

from __future__ import annotations

from grievance_desk.ui.i18n import QT_TR_NOOP

PLACE_NAMES = (
    QT_TR_NOOP("India"),
    QT_TR_NOOP("European Union / EEA"),
    QT_TR_NOOP("United Kingdom"),
    QT_TR_NOOP("California (USA)"),
    QT_TR_NOOP("Brazil"),
)
