"""The monthly (or yearly) summary as an A4 PDF: headline figures, charts, tables, definitions.

Input is a plain `Report` from ``domain.report_figures``; output is PDF bytes. The database is
never touched and no clock is read (the report carries when it was generated), so the same
report always gives the same bytes (reportlab's invariant mode). Charts are reportlab
graphics, drawn large enough to read when printed. Cases appear by reference only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from grievance_desk.documents.page_frame import (
    ACCENT,
    INK,
    MUTED,
    PAGE_WIDTH,
    RULE,
    PageFrame,
    render_pdf,
)
from grievance_desk.domain.report_figures import Breakdown, Figure, Report

__all__ = ["render_report_pdf"]

MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
TILE = colors.HexColor("#eef2f6")
RECEIVED = colors.HexColor("#1f77b4")
CLOSED = colors.HexColor("#2ca02c")
ON_TIME = colors.HexColor("#9467bd")
WARN = colors.HexColor("#b22222")
MAX_REFERENCES_LISTED = 120


def _fonts() -> tuple[str, str]:
    """The shipped Noto Sans faces where present (₹ and Devanagari), else Helvetica."""
    try:
        from grievance_desk.documents.fonts import LATIN, LATIN_BOLD, register_fonts

        register_fonts()
        return LATIN, LATIN_BOLD
    except Exception:  # fonts missing or unreadable: the report still prints, in Helvetica
        return "Helvetica", "Helvetica-Bold"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Styles:
    def __init__(self, regular: str, bold: str) -> None:
        self.regular, self.bold = regular, bold
        base = {"fontName": regular, "textColor": INK, "fontSize": 9, "leading": 12}
        self.body = ParagraphStyle("body", **base)
        self.small = ParagraphStyle("small", **{**base, "fontSize": 7.5, "leading": 9.5})
        self.muted = ParagraphStyle("muted", **{**base, "textColor": MUTED})
        self.title = ParagraphStyle(
            "title", **{**base, "fontName": bold, "fontSize": 16, "leading": 20}
        )
        self.h2 = ParagraphStyle(
            "h2",
            **{**base, "fontName": bold, "fontSize": 11.5, "leading": 15, "textColor": ACCENT},
            spaceBefore=8,
            spaceAfter=4,
        )
        self.tile_value = ParagraphStyle(
            "tile_value", **{**base, "fontName": bold, "fontSize": 17, "leading": 20}
        )
        self.tile_label = ParagraphStyle(
            "tile_label", **{**base, "fontSize": 7.5, "leading": 9, "textColor": MUTED}
        )
        self.cell = ParagraphStyle("cell", **{**base, "fontSize": 8, "leading": 10})
        self.cell_bold = ParagraphStyle(
            "cell_bold", **{**base, "fontName": bold, "fontSize": 8, "leading": 10}
        )


# --------------------------------------------------------------------------- numbers


def _number(value: int | float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    if unit == "%" or (isinstance(value, float) and not value.is_integer()):
        text = f"{value:,.1f}"
    else:
        text = f"{int(value):,}"
    return f"{text}%" if unit == "%" else text


def _cases(count: int) -> str:
    return "1 case" if count == 1 else f"{count:,} cases"


def _of(figure: Figure) -> str:
    if figure.count is None or figure.of is None:
        return ""
    return f"{figure.count:,} of {figure.of:,}"


def _nice_max(largest: float) -> tuple[float, float]:
    """An axis top and step that read well (5 steps or fewer, steps of 1, 2 or 5 × 10ⁿ)."""
    if largest <= 0:
        return 5, 1
    raw = largest / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1)
    return step * math.ceil(largest / step), step


# --------------------------------------------------------------------------- page parts


def _cover(report: Report, styles: _Styles) -> list[Flowable]:
    tz = report.period.tz
    generated = report.generated_at.astimezone(tz).strftime("%d %b %Y %H:%M %Z")
    organisation = _escape(report.organisation or "Organisation not set")
    cover = f"{organisation} · {report.period.label} · generated {generated}"
    parts: list[Flowable] = [
        Paragraph("Complaints and rights requests: summary", styles.title),
        Spacer(0, 2 * mm),
        Paragraph(cover, styles.muted),
    ]
    if not report.complete:
        as_at = report.as_at.astimezone(tz).strftime("%d %b %Y %H:%M")
        parts.append(
            Paragraph(
                f"The period is still running: statuses are as at {as_at}, figures to date.",
                styles.muted,
            )
        )
    parts.append(
        Paragraph(
            f"Time zone {tz}. Cases are named by reference only. Definitions are in the appendix.",
            styles.muted,
        )
    )
    if report.chain_head:
        # The register's audit-chain head when this was made: paper the officer holds, which
        # a rewritten history contradicts (grievance-desk verify --head SEQ:HASH).
        parts.append(
            Paragraph(
                f"Audit chain head when generated: {_escape(report.chain_head)}. To prove the "
                "register still extends it: grievance-desk verify --head followed by this value.",
                styles.small,
            )
        )
    parts.append(Spacer(0, 4 * mm))
    return parts


def _tiles(report: Report, styles: _Styles) -> Table:
    by_key = {f.key: f for f in (*report.headline, *report.days_to_respond)}

    def tile(key: str, note: str = "") -> list[Paragraph]:
        figure = by_key[key]
        colour = "#b22222" if key == "overdue_at_end" and figure.value else "#1a1a1a"
        value = f'<font color="{colour}">{_number(figure.value, figure.unit)}</font>'
        label = _escape(figure.label) + (f"<br/>{_escape(note)}" if note else "")
        return [Paragraph(value, styles.tile_value), Paragraph(label, styles.tile_label)]

    median = by_key["days_to_respond.median"]
    p90 = by_key["days_to_respond.p90"]
    longest = by_key["days_to_respond.max"]
    days = [
        Paragraph(
            f"{_number(median.value)} / {_number(p90.value)} / {_number(longest.value)}",
            styles.tile_value,
        ),
        Paragraph("Days to respond<br/>median / 90th pct / max", styles.tile_label),
    ]
    cells = [
        [
            tile("received"),
            tile("closed"),
            tile("open_at_end"),
            tile("overdue_at_end"),
        ],
        [
            tile("awaiting_requester_at_end"),
            tile("on_time_response", _of(by_key["on_time_response"])),
            tile("on_time_acknowledgement", _of(by_key["on_time_acknowledgement"])),
            days,
        ],
    ]
    width = TEXT_WIDTH / 4
    table = Table(cells, colWidths=[width] * 4, rowHeights=[17 * mm, 17 * mm])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TILE),
                ("GRID", (0, 0), (-1, -1), 2, colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _chart_title(drawing: Drawing, text: str, bold: str) -> None:
    drawing.add(String(0, drawing.height - 11, text, fontName=bold, fontSize=10, fillColor=ACCENT))


def _type_chart(breakdown: Breakdown, regular: str, bold: str) -> Drawing:
    rows = list(breakdown.rows)
    bar_space = 13
    height = 22 + bar_space * len(rows) + 18
    drawing = Drawing(TEXT_WIDTH, height)
    _chart_title(drawing, f"{breakdown.label} ({_cases(breakdown.total)})", bold)
    chart = HorizontalBarChart()
    chart.x = 128
    chart.y = 16
    chart.width = TEXT_WIDTH - chart.x - 40
    chart.height = bar_space * len(rows)
    chart.data = [[f.count or 0 for f in rows]]
    chart.categoryAxis.categoryNames = [f.label for f in rows]
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    top, step = _nice_max(max((f.count or 0 for f in rows), default=0) * 1.08)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e3e8ee")
    chart.valueAxis.labelTextFormat = "%d"
    chart.bars[0].fillColor = RECEIVED
    chart.bars[0].strokeColor = None
    chart.barWidth = 8
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = regular
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _trend_chart(report: Report, regular: str, bold: str) -> Drawing:
    points = report.trend
    height = 170
    drawing = Drawing(TEXT_WIDTH, height)
    _chart_title(drawing, "12-month trend", bold)
    names = _month_names([p.period_key for p in points])
    half = (TEXT_WIDTH - 20) / 2

    counts = HorizontalLineChart()
    counts.x, counts.y = 28, 42
    counts.width, counts.height = half - 40, height - 80
    received = [float(p.received.value or 0) for p in points]
    closed = [float(p.closed.value or 0) for p in points]
    counts.data = [received, closed]
    top, step = _nice_max(max([*received, *closed], default=0))
    _line_axes(counts, names, regular, 0, top, step)
    for index, colour in enumerate((RECEIVED, CLOSED)):
        counts.lines[index].strokeColor = colour
        counts.lines[index].strokeWidth = 1.8
        counts.lines[index].symbol = makeMarker("FilledCircle", size=3.5, fillColor=colour)
    drawing.add(counts)
    drawing.add(String(counts.x, height - 26, "Cases per month", fontName=regular, fontSize=8,
                       fillColor=MUTED))  # fmt: skip

    share = HorizontalLineChart()
    share.x, share.y = half + 40, 42
    share.width, share.height = half - 40, height - 80
    runs = _runs([p.on_time.value for p in points])
    share.data = runs or [[0.0] * len(points)]
    _line_axes(share, names, regular, 0, 100, 25)
    share.joinedLines = 0
    share.valueAxis.labelTextFormat = "%d%%"
    for index, run in enumerate(runs):
        share.lines[index].strokeColor = ON_TIME
        share.lines[index].strokeWidth = 1.8
        share.lines[index].symbol = makeMarker("FilledCircle", size=3.5, fillColor=ON_TIME)
        if sum(v is not None for v in run) > 1:
            share.lines[index].lineStyle = "joinedLine"
    if not runs:
        share.lines[0].strokeColor = None
    drawing.add(share)
    drawing.add(String(share.x, height - 26, "Responses on time (% of cases closed)",
                       fontName=regular, fontSize=8, fillColor=MUTED))  # fmt: skip

    legend = Legend()
    legend.x, legend.y = counts.x, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = regular
    legend.fontSize = 8
    legend.dxTextSpace = 4
    legend.deltax = 70
    legend.colorNamePairs = [(RECEIVED, "Received"), (CLOSED, "Closed"), (ON_TIME, "On time %")]
    drawing.add(legend)
    return drawing


def _runs(values: Sequence[float | None]) -> list[list[float | None]]:
    """Split a series at its gaps: one series per unbroken run, None elsewhere.

    A month with no closed cases has no on-time share; the line breaks there instead of
    bridging the gap, and a lone month shows as a point.
    """
    runs: list[list[float | None]] = []
    current: list[float | None] | None = None
    for index, value in enumerate(values):
        if value is None:
            current = None
            continue
        if current is None:
            current = [None] * len(values)
            runs.append(current)
        current[index] = float(value)
    return runs


def _month_names(keys: Sequence[str]) -> list[str]:
    """Short month names, with the year under the first month and under each January."""
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    names = []
    for index, key in enumerate(keys):
        year, month = key.split("-")
        name = months[int(month) - 1]
        first_shown = index == 0 and not (len(keys) > 1 and keys[1].endswith("-01"))
        names.append(f"{name}\n{year}" if first_shown or month == "01" else name)
    return names


def _line_axes(
    chart: HorizontalLineChart, names: Sequence[str], regular: str, low: float, top: float,
    step: float,
) -> None:  # fmt: skip
    chart.categoryAxis.categoryNames = list(names)
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = low
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e3e8ee")
    chart.valueAxis.labelTextFormat = "%d"
    chart.joinedLines = 1


def _ageing_chart(report: Report, regular: str, bold: str) -> Drawing:
    figures = report.ageing
    total = sum(f.count or 0 for f in figures)
    height = 128
    drawing = Drawing(TEXT_WIDTH, height)
    _chart_title(drawing, f"Ageing of cases open at the period's end ({_cases(total)})", bold)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 20
    chart.width, chart.height = TEXT_WIDTH - 60, height - 46
    chart.data = [[f.count or 0 for f in figures]]
    chart.categoryAxis.categoryNames = [f.label for f in figures]
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.strokeColor = RULE
    top, step = _nice_max(max((f.count or 0 for f in figures), default=0) * 1.15)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e3e8ee")
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    for index in (4, 5):  # older than 60 days stands out
        chart.bars[(0, index)].fillColor = WARN
    chart.barWidth = 10
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = regular
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = 2
    drawing.add(chart)
    return drawing


# --------------------------------------------------------------------------- tables


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    styles: _Styles,
    *,
    numeric_from: int = 1,
) -> Table:
    data = [[Paragraph(_escape(h), styles.cell_bold) for h in header]]
    for row in rows:
        data.append([Paragraph(_escape(cell), styles.cell) for cell in row])
    table = Table(data, colWidths=list(widths), repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for index in range(len(data)):
        if index % 2 == 0 and index:
            commands.append(("BACKGROUND", (0, index), (-1, index), colors.HexColor("#f6f8fa")))
    table.setStyle(TableStyle(commands))
    for row_cells in data:
        for cell in row_cells[numeric_from:]:
            cell.style = ParagraphStyle("num", parent=cell.style, alignment=2)
    return table


def _summary_table(report: Report, styles: _Styles) -> Table:
    rows = [
        [f.label, _number(f.value, f.unit), _of(f) if f.unit == "%" else ""]
        for f in (*report.headline, *report.days_to_respond)
    ]
    widths = (TEXT_WIDTH * 0.55, TEXT_WIDTH * 0.2, TEXT_WIDTH * 0.25)
    return _table(("Figure", "Value", "Cases"), rows, widths, styles)


def _breakdown_table(breakdown: Breakdown, styles: _Styles) -> list[Flowable]:
    rows = [
        [f.label, _number(f.count), _number(f.share, "%")]
        for f in breakdown.rows
        if f.count or breakdown.key != "by_policy"
    ]
    rows.append(["Total", _number(breakdown.total), "100.0%" if breakdown.total else "–"])
    table = _table(
        (breakdown.dimension, "Cases", "Share"),
        rows,
        (TEXT_WIDTH * 0.55, TEXT_WIDTH * 0.2, TEXT_WIDTH * 0.25),
        styles,
    )
    return [KeepTogether([Paragraph(_escape(breakdown.label), styles.h2), table])]


def _trend_table(report: Report, styles: _Styles) -> Table:
    rows = [
        [
            p.label,
            _number(p.received.value),
            _number(p.closed.value),
            _number(p.on_time.value, "%"),
            _of(p.on_time),
        ]
        for p in report.trend
    ]
    width = TEXT_WIDTH / 5
    return _table(
        ("Month", "Received", "Closed", "On time", "On time of closed"),
        rows,
        [width] * 5,
        styles,
    )


def _references(report: Report, styles: _Styles) -> list[Flowable]:
    parts: list[Flowable] = []
    for key in ("overdue_at_end", "late_response", "no_deadline"):
        figure = report.figure(key)
        if not figure.references:
            continue
        listed = figure.references[:MAX_REFERENCES_LISTED]
        more = len(figure.references) - len(listed)
        text = ", ".join(listed) + (
            f" … and {more:,} more (see the XLSX Cases sheet)" if more else ""
        )
        parts.append(Paragraph(f"<b>{_escape(figure.drill_down)}</b> ({len(figure.references):,})",
                               styles.body))  # fmt: skip
        parts.append(Paragraph(_escape(text), styles.small))
        parts.append(Spacer(0, 2 * mm))
    if parts:
        parts.insert(0, Paragraph("Cases needing attention", styles.h2))
    return parts


def _definitions(report: Report, styles: _Styles) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph("Appendix: definitions", styles.h2)]
    for definition in report.definitions:
        parts.append(
            Paragraph(f"<b>{_escape(definition.term)}.</b> {_escape(definition.text)}", styles.body)
        )
        parts.append(Spacer(0, 1.5 * mm))
    return parts


def _story(report: Report, styles: _Styles) -> list[Flowable]:
    by_key = {b.key: b for b in report.breakdowns}
    story: list[Flowable] = [
        *_cover(report, styles),
        _tiles(report, styles),
        Spacer(0, 5 * mm),
        _type_chart(by_key["by_request_type"], styles.regular, styles.bold),
        Spacer(0, 4 * mm),
        _trend_chart(report, styles.regular, styles.bold),
        Spacer(0, 5 * mm),
        CondPageBreak(130),
        _ageing_chart(report, styles.regular, styles.bold),
        PageBreak(),
        Paragraph("Figures", styles.h2),
        _summary_table(report, styles),
    ]
    # The kind splits (complaints vs rights requests) always; the IT Rules r.4(1)(d)
    # compliance tables only when the report carries them (significant intermediaries).
    for key in (
        "received_by_kind",
        "closed_by_kind",
        "by_request_type",
        "by_channel",
        "by_outcome",
        "by_policy",
        "it_rules_received_by_category",
        "it_rules_action_taken",
    ):
        if key in by_key:
            story.extend(_breakdown_table(by_key[key], styles))
    ageing_rows = [[f.label, _number(f.count), _number(f.share, "%")] for f in report.ageing]
    story.append(
        KeepTogether(
            [
                Paragraph("Ageing of open cases", styles.h2),
                _table(
                    ("Age", "Cases", "Share"),
                    ageing_rows,
                    (TEXT_WIDTH * 0.55, TEXT_WIDTH * 0.2, TEXT_WIDTH * 0.25),
                    styles,
                ),
            ]
        )
    )
    story.append(
        KeepTogether([Paragraph("12-month trend", styles.h2), _trend_table(report, styles)])
    )
    story.extend(_references(report, styles))
    story.append(CondPageBreak(60 * mm))
    story.extend(_definitions(report, styles))
    return story


def render_report_pdf(report: Report) -> bytes:
    """The summary as PDF bytes (A4), for management, printing or the Reports page's export."""
    regular, bold = _fonts()
    styles = _Styles(regular, bold)
    page = PageFrame(
        margin_x=MARGIN_X,
        margin_top=MARGIN_TOP,
        margin_bottom=MARGIN_BOTTOM,
        font=regular,
        font_size=7.5,
        left=f"{report.organisation} · summary {report.period.label}".strip(" ·")[:110],
        footer_drop=10 * mm,
    )
    return render_pdf(
        _story(report, styles),
        page,
        title=f"Complaints and rights requests: summary {report.period.label}",
        author=report.organisation,
    )
