"""The case summary at the front of an evidence bundle: one readable A4 account of a case.

A regulator or the Data Protection Board reads this first: who asked what and when, what the
organisation did and by when it had to, every letter and file on record with its SHA-256
(the same digests the bundle's manifest lists), the timeline, and the audit chain's
fingerprint at export. Input is a plain `CaseSummary`; output is PDF bytes (reproducible,
reportlab's invariant mode). Nothing here touches the database or the disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from grievance_desk.documents.fonts import LATIN, LATIN_BOLD, font_markup, register_fonts
from grievance_desk.documents.page_frame import (
    ACCENT,
    INK,
    MUTED,
    PAGE_WIDTH,
    RULE,
    PageFrame,
    render_pdf,
)

MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
SHADE = colors.HexColor("#eef2f6")
MONO = "Courier"


@dataclass(frozen=True)
class FileEntry:
    """A letter or attachment on record: its name in the bundle, what it is, its digest."""

    name: str
    detail: str
    sha256: str


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened, as the officer's time zone shows it."""

    when: str
    what: str
    detail: str = ""
    by: str = ""


@dataclass(frozen=True)
class CaseSummary:
    """Everything the summary prints, already formatted as text by the service."""

    organisation: str
    reference: str
    exported_at: str
    exported_by: str
    facts: tuple[tuple[str, str], ...]
    requester: tuple[tuple[str, str], ...]
    description: str
    deadlines: tuple[tuple[str, str], ...]
    letters: tuple[FileEntry, ...]
    attachments: tuple[FileEntry, ...]
    timeline: tuple[TimelineEntry, ...]
    chain: tuple[tuple[str, str], ...]
    notice: str = ""
    signer_fingerprint: str = ""  # grouped hex of the register's Ed25519 key; "" when unsigned


def _style(name: str, **values: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": LATIN,
        "fontSize": 9,
        "leading": 12,
        "textColor": INK,
        "shaping": 1,
    }
    base.update(values)
    return ParagraphStyle(name, **base)


_STYLES = {
    "title": _style("title", fontName=LATIN_BOLD, fontSize=16, leading=20, textColor=ACCENT),
    "subtitle": _style("subtitle", fontSize=9.5, leading=13, textColor=MUTED),
    "heading": _style(
        "heading", fontName=LATIN_BOLD, fontSize=11, leading=14, textColor=ACCENT, spaceBefore=8
    ),
    "label": _style("label", fontName=LATIN_BOLD, textColor=MUTED),
    "cell": _style("cell"),
    "small": _style("small", fontSize=8, leading=10.5),
    "mono": _style("mono", fontName=MONO, fontSize=7, leading=9),
    "fingerprint": _style("fingerprint", fontName="Courier-Bold", fontSize=10, leading=13),
    "notice": _style("notice", fontName=LATIN_BOLD, textColor=colors.HexColor("#8a4b00")),
    "body": _style("body", fontSize=9.5, leading=13),
}


def _p(text: str, style: str = "cell") -> Paragraph:
    if style == "mono":
        return Paragraph(text, _STYLES[style])
    lines = text.splitlines() or [""]
    return Paragraph("<br/>".join(font_markup(line) for line in lines), _STYLES[style])


def _grid(rows: list[list[Flowable]], widths: Sequence[float], *, header: bool) -> Table:
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    return Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, style=commands)


def _pairs(pairs: Sequence[tuple[str, str]]) -> Flowable:
    """Label/value pairs in two columns of pairs, so a short list does not run down a page."""
    if not pairs:
        return _p("—")
    cells = [[_p(label, "label"), _p(value or "—")] for label, value in pairs]
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:]
    rows = [[*left[i], *(right[i] if i < len(right) else [_p(""), _p("")])] for i in range(half)]
    quarter = TEXT_WIDTH / 2
    return _grid(rows, [quarter * 0.38, quarter * 0.62] * 2, header=False)


def _rows(pairs: Sequence[tuple[str, str]]) -> Flowable:
    """Label/value pairs one per row, for long values such as hashes (set in a fixed font)."""
    if not pairs:
        return _p("—")
    rows = [
        [_p(label, "label"), _p(value, "mono" if _is_hex(value) else "cell")]
        for label, value in pairs
    ]
    return _grid(rows, [TEXT_WIDTH * 0.25, TEXT_WIDTH * 0.75], header=False)


def _is_hex(value: str) -> bool:
    return len(value) >= 32 and all(c in "0123456789abcdef" for c in value)


def _files(entries: Sequence[FileEntry], empty: str) -> Flowable:
    if not entries:
        return _p(empty, "small")
    rows: list[list[Flowable]] = [
        [_p("File in the bundle", "label"), _p("What", "label"), _p("SHA-256", "label")]
    ]
    for entry in entries:
        digest = entry.sha256
        rows.append(
            [
                _p(entry.name, "small"),
                _p(entry.detail, "small"),
                _p(f"{digest[:32]}<br/>{digest[32:]}" if digest else "—", "mono"),
            ]
        )
    return _grid(rows, [TEXT_WIDTH * 0.36, TEXT_WIDTH * 0.32, TEXT_WIDTH * 0.32], header=True)


def _timeline(entries: Sequence[TimelineEntry]) -> Flowable:
    if not entries:
        return _p("Nothing recorded.", "small")
    rows: list[list[Flowable]] = [
        [_p("When", "label"), _p("What", "label"), _p("Detail", "label"), _p("By", "label")]
    ]
    for entry in entries:
        rows.append(
            [_p(text, "small") for text in (entry.when, entry.what, entry.detail, entry.by)]
        )
    widths = [TEXT_WIDTH * 0.17, TEXT_WIDTH * 0.3, TEXT_WIDTH * 0.38, TEXT_WIDTH * 0.15]
    return _grid(rows, widths, header=True)


def _section(title: str, *content: Flowable) -> list[Flowable]:
    return [KeepTogether([_p(title, "heading"), Spacer(1, 1.5 * mm), content[0]]), *content[1:]]


def _signature_box(fingerprint: str) -> Table:
    """Where the bundle came from: the key fingerprint to compare with the one given on paper."""
    groups = fingerprint.split()
    half = (len(groups) + 1) // 2
    lines = f"{' '.join(groups[:half])}<br/>{' '.join(groups[half:])}"
    rows = [
        [
            _p("Signed by the register key", "label"),
            Paragraph(lines, _STYLES["fingerprint"]),
        ],
        [
            _p("", "small"),
            _p(
                "SHA-256 fingerprint of the Ed25519 key that signed this bundle (SHA256SUMS.sig). "
                "It must match the fingerprint the organisation gave you separately; "
                "grievance-desk verify-bundle or openssl (see README.txt) checks the signature.",
                "small",
            ),
        ],
    ]
    table = _grid(rows, [TEXT_WIDTH * 0.25, TEXT_WIDTH * 0.75], header=False)
    table.setStyle([("BACKGROUND", (0, 0), (-1, -1), SHADE), ("BOX", (0, 0), (-1, -1), 0.5, RULE)])
    return table


def _story(summary: CaseSummary) -> list[Flowable]:
    story: list[Flowable] = [
        _p(f"Case summary — {summary.reference}", "title"),
        _p(
            f"{summary.organisation} · evidence bundle exported {summary.exported_at} "
            f"by {summary.exported_by}",
            "subtitle",
        ),
        Spacer(1, 2 * mm),
        HRFlowable(width="100%", thickness=0.8, color=ACCENT, spaceAfter=3 * mm),
    ]
    if summary.notice:
        story += [_p(summary.notice, "notice"), Spacer(1, 2 * mm)]
    if summary.signer_fingerprint:
        story += [_signature_box(summary.signer_fingerprint), Spacer(1, 2 * mm)]
    story += _section("The case", _pairs(summary.facts))
    story += _section("Requester", _pairs(summary.requester))
    story += _section("What was asked", _p(summary.description or "—", "body"))
    if summary.deadlines:
        story += _section("Deadlines", _pairs(summary.deadlines))
    story += _section("Letters issued", _files(summary.letters, "No letter was issued."))
    story += _section("Attachments", _files(summary.attachments, "No file is attached."))
    story += _section("Timeline (oldest first)", _timeline(summary.timeline))
    story += _section(
        "Audit chain",
        _rows(summary.chain),
        Spacer(1, 1.5 * mm),
        _p(
            "Each event's hash is SHA-256 of the previous hash followed by the canonical JSON "
            "of its header (id, case, time, actor, action and the SHA-256 of its recorded "
            "values). audit/chain_segment.json holds every link needed to recompute them. "
            "The chain head is the register's last event at export: the organisation's "
            "register must still extend it (grievance-desk verify --head SEQUENCE:HASH). "
            "SHA256SUMS lists the digest of every file in this bundle (sha256sum -c SHA256SUMS).",
            "small",
        ),
    )
    return story


def render_case_summary_pdf(summary: CaseSummary) -> bytes:
    """The summary as A4 PDF bytes (the same input always gives the same bytes)."""
    register_fonts()
    page = PageFrame(
        margin_x=MARGIN_X,
        margin_top=MARGIN_TOP,
        margin_bottom=MARGIN_BOTTOM,
        font=LATIN,
        font_size=8,
        left="Confidential: personal data",
        left_font=LATIN_BOLD,
        centre=f"Case summary {summary.reference}",
    )
    return render_pdf(
        _story(summary),
        page,
        title=f"Case summary {summary.reference}",
        author=summary.organisation,
        subject=summary.reference,
    )
