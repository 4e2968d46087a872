"""The report's fixed figure names, marked for the window's catalogue (issue 17).

The domain (``domain/report_figures.py``) names its figures in English, as the PDF report and
the CLI print them; the Reports page shows them through ``tr``. This list gives ``lupdate``
the same words: a figure name added in the domain and not here simply stays English.
Drill-down descriptions ("Cases received in November 2026") stay English: they are built
from dates in the domain.
"""

from __future__ import annotations

from grievance_desk.ui.i18n import QT_TR_NOOP

FIGURE_NAMES = (
    QT_TR_NOOP("Received"),
    QT_TR_NOOP("Closed"),
    QT_TR_NOOP("Open at end"),
    QT_TR_NOOP("Overdue at end"),
    QT_TR_NOOP("Awaiting requester at end"),
    QT_TR_NOOP("Responses on time"),
    QT_TR_NOOP("Responses late"),
    QT_TR_NOOP("Acknowledgements on time"),
    QT_TR_NOOP("Acknowledgements late"),
    QT_TR_NOOP("No deadline (policy not applicable)"),
    QT_TR_NOOP("Median days to respond"),
    QT_TR_NOOP("90th percentile days to respond"),
    QT_TR_NOOP("Longest days to respond"),
    QT_TR_NOOP("Median days on the law's clock"),
    QT_TR_NOOP("Received by request type"),
    QT_TR_NOOP("Request type"),
    QT_TR_NOOP("Received by channel"),
    QT_TR_NOOP("Channel"),
    QT_TR_NOOP("Closed by outcome"),
    QT_TR_NOOP("Outcome"),
    QT_TR_NOOP("Received by policy"),
    QT_TR_NOOP("Policy"),
    QT_TR_NOOP("Received by kind"),
    QT_TR_NOOP("Kind"),
    QT_TR_NOOP("Redressed by kind"),
    QT_TR_NOOP("Category"),
    QT_TR_NOOP("Action taken"),
    QT_TR_NOOP("IT Rules r.4(1)(d): complaints received by category"),
    QT_TR_NOOP("IT Rules r.4(1)(d): action taken on complaints"),
    QT_TR_NOOP("Complaints"),
    QT_TR_NOOP("Rights requests"),
    QT_TR_NOOP("Not recorded"),
    QT_TR_NOOP("0–7 days"),
    QT_TR_NOOP("8–15 days"),
    QT_TR_NOOP("16–30 days"),
    QT_TR_NOOP("31–60 days"),
    QT_TR_NOOP("61–90 days"),
    QT_TR_NOOP("over 90 days"),
)
