"""Small clickable charts drawn with QPainter: horizontal bars and the 12-month trend.

The report PDF has the proper charts; on screen the officer needs a quick picture whose
every bar opens the cases behind it. QtCharts could draw these, but a hundred lines of
QPainter give exact control over hit-testing, keyboard use and both palettes, with no extra
module to ship.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from grievance_desk.ui import theme
from grievance_desk.ui.i18n import tr


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    value: float
    text: str
    tooltip: str = ""


class BarChart(QWidget):
    """Labelled horizontal bars; click (or arrow keys and Enter) emits the bar's key."""

    sig_clicked = Signal(str)

    ROW = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.colour = theme.DUE_WEEK
        self._hover = -1
        self._focus = 0
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar], colour: QColor | None = None) -> None:
        self.bars = bars
        if colour is not None:
            self.colour = colour
        self._focus = 0
        self.setFixedHeight(max(1, len(bars)) * self.ROW + 8)
        self.setAccessibleDescription("; ".join(b.label + ": " + b.text for b in bars))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(360, len(self.bars) * self.ROW + 8)

    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        return min(170, max([metrics.horizontalAdvance(b.label) for b in self.bars] or [40]) + 12)

    def _row_at(self, y: float) -> int:
        row = int((y - 4) // self.ROW)
        return row if 0 <= row < len(self.bars) else -1

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        track = palette.color(QPalette.ColorRole.Midlight)
        metrics = QFontMetrics(self.font())
        label_w = self._label_width()
        value_w = max([metrics.horizontalAdvance(b.text) for b in self.bars] or [20]) + 12
        top = max([b.value for b in self.bars] or [0]) or 1
        width = max(20, self.width() - label_w - value_w - 8)
        for row, bar in enumerate(self.bars):
            y = 4 + row * self.ROW
            if row == self._hover or (self.hasFocus() and row == self._focus):
                painter.fillRect(
                    QRectF(0, y, self.width(), self.ROW),
                    palette.color(QPalette.ColorRole.AlternateBase),
                )
            painter.setPen(text)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.drawText(
                QRectF(0, y, label_w - 8, self.ROW),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                label,
            )
            rect = QRectF(label_w, y + 8, width, self.ROW - 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(rect, 3, 3)
            if bar.value > 0:
                painter.setBrush(self.colour)
                filled = QRectF(
                    rect.x(), rect.y(), max(4.0, width * bar.value / top), rect.height()
                )
                painter.drawRoundedRect(filled, 3, 3)
            painter.setPen(text if bar.value else muted)
            painter.drawText(
                QRectF(label_w + width + 8, y, value_w, self.ROW),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                bar.text,
            )
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        row = self._row_at(event.position().y())
        if row != self._hover:
            self._hover = row
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if row >= 0 else Qt.CursorShape.ArrowCursor
            )
            if row >= 0:
                bar = self.bars[row]
                QToolTip.showText(
                    event.globalPosition().toPoint(),
                    bar.tooltip
                    or tr("{label}: {text} — click to see the cases").format(
                        label=bar.label, text=bar.text
                    ),
                    self,
                )
            self.update()

    def leaveEvent(self, _event: object) -> None:  # noqa: N802 - Qt override
        self._hover = -1
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        row = self._row_at(event.position().y())
        if row >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self._focus = row
            self.sig_clicked.emit(self.bars[row].key)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not self.bars:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key == Qt.Key.Key_Down:
            self._focus = min(len(self.bars) - 1, self._focus + 1)
        elif key == Qt.Key.Key_Up:
            self._focus = max(0, self._focus - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.sig_clicked.emit(self.bars[self._focus].key)
        else:
            super().keyPressEvent(event)
            return
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.update()


@dataclass(frozen=True)
class TrendMonth:
    label: str
    received: int
    closed: int
    on_time: float | None
    received_key: str
    closed_key: str
    on_time_key: str


class TrendChart(QWidget):
    """Received and closed per month as paired bars, the on-time share as a line (0–100 %)."""

    sig_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[TrendMonth] = []
        self._hover: tuple[int, str] | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(230)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(240)
        self.setAccessibleName(tr("Twelve-month trend"))

    def set_months(self, months: list[TrendMonth]) -> None:
        self.months = months
        self.setAccessibleDescription(
            "; ".join(
                tr("{month}: {received} received, {closed} closed").format(
                    month=m.label, received=m.received, closed=m.closed
                )
                + (
                    tr(", {percent}% on time").format(percent=f"{m.on_time:.0f}")
                    if m.on_time is not None
                    else ""
                )
                for m in months
            )
        )
        self.update()

    @property
    def colours(self) -> tuple[QColor, QColor, QColor]:
        return (
            self.palette().color(QPalette.ColorRole.Highlight),
            theme.ON_TRACK,
            theme.DUE_SOON,
        )

    def _plot(self) -> QRectF:
        return QRectF(40, 30, max(60, self.width() - 90), max(60, self.height() - 60))

    def _bars(self) -> list[tuple[QRectF, int, str]]:
        """Every bar's rectangle with its month index and "received" / "closed"."""
        if not self.months:
            return []
        plot = self._plot()
        top = _nice_top(max(max(m.received, m.closed) for m in self.months))
        slot = plot.width() / len(self.months)
        bar_w = max(3.0, min(18.0, slot * 0.32))
        found: list[tuple[QRectF, int, str]] = []
        for index, month in enumerate(self.months):
            centre = plot.x() + slot * (index + 0.5)
            for offset, value, kind in (
                (-bar_w, month.received, "received"),
                (0.0, month.closed, "closed"),
            ):
                height = plot.height() * value / top
                found.append(
                    (
                        QRectF(centre + offset, plot.bottom() - height, bar_w, max(height, 1.0)),
                        index,
                        kind,
                    )
                )
        return found

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        grid = palette.color(QPalette.ColorRole.Midlight)
        received_c, closed_c, line_c = self.colours
        plot = self._plot()
        metrics = QFontMetrics(self.font())
        # legend
        x = plot.x()
        for colour, name in (
            (received_c, tr("Received")),
            (closed_c, tr("Closed")),
            (line_c, tr("On time %")),
        ):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, 8, 12, 12), 2, 2)
            painter.setPen(text)
            painter.drawText(QPointF(x + 17, 19), name)
            x += 17 + metrics.horizontalAdvance(name) + 18
        if not self.months:
            painter.end()
            return
        top = _nice_top(max(max(m.received, m.closed) for m in self.months))
        painter.setPen(QPen(grid, 1))
        for step in range(5):
            y = plot.bottom() - plot.height() * step / 4
            painter.drawLine(QPointF(plot.x(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(
                QRectF(0, y - 8, plot.x() - 6, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{top * step / 4:.0f}",
            )
            painter.drawText(
                QRectF(plot.right() + 6, y - 8, 44, 16),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{25 * step}%",
            )
            painter.setPen(QPen(grid, 1))
        for rect, index, kind in self._bars():
            colour = received_c if kind == "received" else closed_c
            if self._hover == (index, kind):
                colour = colour.lighter(125)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(rect)
        slot = plot.width() / len(self.months)
        painter.setPen(muted)
        axis = _axis_labels([m.label for m in self.months], metrics, int(slot) - 2)
        for index, _month in enumerate(self.months):
            centre = plot.x() + slot * (index + 0.5)
            painter.drawText(
                QRectF(centre - slot / 2, plot.bottom() + 4, slot, 18),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                axis[index],
            )
        path = QPainterPath()
        points: list[QPointF] = []
        for index, month in enumerate(self.months):
            if month.on_time is None:
                continue
            point = QPointF(
                plot.x() + slot * (index + 0.5), plot.bottom() - plot.height() * month.on_time / 100
            )
            if not points:
                path.moveTo(point)
            else:
                path.lineTo(point)
            points.append(point)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(line_c, 2))
        painter.drawPath(path)
        painter.setBrush(line_c)
        for point in points:
            painter.drawEllipse(point, 3, 3)
        painter.end()

    def _hit(self, point: QPointF) -> tuple[int, str] | None:
        for rect, index, kind in self._bars():
            if rect.adjusted(-2, -6, 2, 0).contains(point):
                return index, kind
        return None

    def key_at(self, index: int, kind: str) -> str:
        month = self.months[index]
        return month.received_key if kind == "received" else month.closed_key

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hit = self._hit(event.position())
        if hit != self._hover:
            self._hover = hit
            self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
            if hit is not None:
                month = self.months[hit[0]]
                value = month.received if hit[1] == "received" else month.closed
                QToolTip.showText(
                    event.globalPosition().toPoint(),
                    (
                        tr("{month}: {count} received — click to see the cases")
                        if hit[1] == "received"
                        else tr("{month}: {count} closed — click to see the cases")
                    ).format(month=month.label, count=value),
                    self,
                )
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        hit = self._hit(event.position())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit(self.key_at(*hit))


def _axis_labels(labels: list[str], metrics: QFontMetrics, width: int) -> list[str]:
    """One style for every month: "Nov 2025" if all fit, else "Nov ’25", else "Nov".

    Never a cut-off "Nov 2…", and never "Jul 2026" beside "Jun ’26".
    """

    def styles(label: str) -> list[str]:
        parts = label.split()
        if len(parts) == 2 and parts[1].isdigit():
            return [label, f"{parts[0]} ’{parts[1][-2:]}", parts[0]]
        return [label, label, label]

    options = [styles(label) for label in labels]
    for level in range(3):
        chosen = [option[level] for option in options]
        if all(metrics.horizontalAdvance(text) <= width for text in chosen):
            return chosen
    return [option[2] for option in options]


def _nice_top(peak: int) -> int:
    """The axis top for four gridlines at whole, round steps (17 → 20: 0, 5, 10, 15, 20)."""
    needed = max(1, -(-peak // 4))  # ceil(peak / 4), at least 1
    magnitude = 1
    while True:
        for factor in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8):
            step = factor * magnitude
            if step == int(step) and step >= needed:
                return 4 * int(step)
        magnitude *= 10
