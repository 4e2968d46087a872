"""When a case was received: one reading of a time without a zone, one check against "now".

Every way a case comes in (the new-case form, a spreadsheet import, a dropped e-mail) goes
through here, so a time written without a zone means the same instant on every path (the
officer's local time, not UTC), and a date after now is refused with the same message.
"Now" and the zone are parameters: the domain never reads the clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from grievance_desk.messages import _

__all__ = ["DAY_FIRST_HINT", "FUTURE_SLACK", "after_now_problem", "in_zone"]

#: How far past "now" a received time may lie before it is taken for a typo: one day, for a
#: sender's or another system's clock and zone (the import's rule since it was written).
FUTURE_SLACK = timedelta(days=1)

#: How numeric dates are read everywhere (as in India), said with every "future date" refusal.
DAY_FIRST_HINT = "day first: 03/04/2026 is 3 April"


def in_zone(moment: datetime, zone: tzinfo) -> datetime:
    """``moment`` as an aware time: without a zone it is the officer's local time in ``zone``;
    with one it is that instant (kept as given)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=zone)
    return moment


def after_now_problem(
    moment: datetime,
    *,
    now: datetime,
    zone: tzinfo,
    label: str | None = None,
    shown: str | None = None,
) -> str | None:
    """Why ``moment`` cannot be right (it lies more than `FUTURE_SLACK` after ``now``), or None.

    ``label`` names the date (default "received date"); ``shown`` is how the input was
    written (e.g. a spreadsheet cell), if not as a time.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(_("now has no time zone; pass an aware datetime"))
    if in_zone(moment, zone) <= now + FUTURE_SLACK:
        return None
    local, today = in_zone(moment, zone).astimezone(zone), now.astimezone(zone)
    written = shown if shown is not None else f"{local:%d/%m/%Y %H:%M}"
    # The words of DAY_FIRST_HINT, written out so the catalogue holds the whole sentence.
    return _(
        "{label} {written} is after now ({now}); check the date (day first: 03/04/2026 is 3 April)"
    ).format(
        label=_("received date") if label is None else label,
        written=written,
        now=f"{today:%d/%m/%Y %H:%M}",
    )
