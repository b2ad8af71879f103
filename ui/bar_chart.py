"""A small horizontal bar chart drawn with QPainter: a few series (e.g. received and returned) per category.

Qt Charts is deprecated from Qt 6.10 on, and the day page needs little: a legend, one row per category with
its (elided) label, a bar per series with its value written at the end, a light scale, and tooltips. The
data is set and read through a small API (:meth:`BarChartWidget.set_data`, :meth:`groups`), which is what
tests check; the pixels are not.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

SERIES_COLOURS = (QColor("#1565c0"), QColor("#2e7d32"), QColor("#c62828"), QColor("#6a1b9a"))
BAR_HEIGHT = 11
BAR_GAP = 2
ROW_GAP = 9
MARGIN = 10
LEGEND_SWATCH = 12


@dataclass(frozen=True)
class BarGroup:
    """One category: its label, one value per series, and an optional detail for the tooltip (a code)."""

    label: str
    values: tuple[int, ...]
    detail: str | None = None


def nice_step(largest: int, ticks: int = 4) -> int:
    """A round scale step (1, 2, 5 × 10ⁿ) giving about ``ticks`` steps up to ``largest``."""
    if largest <= 0:
        return 1
    raw = largest / ticks
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return max(1, int(factor * power))
    return int(10 * power)


class BarChartWidget(QWidget):
    """Horizontal grouped bars; grows in height with its categories (put it in a scroll area)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: tuple[str, ...] = ()
        self._groups: tuple[BarGroup, ...] = ()
        self._empty_text = ""
        self._title = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    # -- data ---------------------------------------------------------------------------------------------

    def set_data(self, series: Sequence[str], groups: Sequence[BarGroup]) -> None:
        """Show ``groups`` (in the order given), each with one value per name in ``series``."""
        for group in groups:
            if len(group.values) != len(series):
                raise ValueError(f"{group.label!r} has {len(group.values)} values for {len(series)} series")
        self._series = tuple(series)
        self._groups = tuple(groups)
        self.setAccessibleDescription(self.summary())
        self.updateGeometry()
        self.update()

    def set_title(self, title: str) -> None:
        """What the chart shows (its accessible name)."""
        self._title = title
        self.setAccessibleName(title)

    def set_empty_text(self, text: str) -> None:
        """What to say when there is nothing to draw."""
        self._empty_text = text
        self.update()

    def series(self) -> tuple[str, ...]:
        """The series' names, in legend order."""
        return self._series

    def groups(self) -> tuple[BarGroup, ...]:
        """The categories shown, in drawing order."""
        return self._groups

    def summary(self) -> str:
        """The whole chart as text: one line per category (screen readers and tooltips read it)."""
        lines = [self._title] if self._title else []
        for group in self._groups:
            values = ", ".join(
                f"{name} {value}" for name, value in zip(self._series, group.values, strict=True)
            )
            lines.append(f"{group.label}: {values}")
        return "\n".join(lines)

    # -- geometry -----------------------------------------------------------------------------------------

    def _preferred_row_height(self) -> int:
        bars = max(1, len(self._series))
        return max(bars * BAR_HEIGHT + (bars - 1) * BAR_GAP, self.fontMetrics().height()) + ROW_GAP

    def _minimum_row_height(self) -> int:
        return self.fontMetrics().height() + 3

    def _row_height(self) -> int:
        """Rows shrink (down to a line of text) to fit the height the widget was given."""
        if not self._groups:
            return self._preferred_row_height()
        room = self.height() - 2 * MARGIN - self._legend_height() - self._scale_height()
        fitting = room // len(self._groups)
        return max(self._minimum_row_height(), min(self._preferred_row_height(), fitting))

    def _bar_height(self, row_height: int) -> int:
        bars = max(1, len(self._series))
        room = row_height - max(3, ROW_GAP * row_height // self._preferred_row_height())
        return max(4, min(BAR_HEIGHT, (room - (bars - 1) * BAR_GAP) // bars))

    def _legend_height(self) -> int:
        return self.fontMetrics().height() + 8

    def _scale_height(self) -> int:
        return self.fontMetrics().height() + 6

    def _chrome_height(self) -> int:
        return 2 * MARGIN + self._legend_height() + self._scale_height()

    def sizeHint(self) -> QSize:
        rows = max(3, len(self._groups))
        return QSize(480, self._chrome_height() + rows * self._preferred_row_height())

    def minimumSizeHint(self) -> QSize:
        rows = max(3, len(self._groups))
        return QSize(240, self._chrome_height() + rows * self._minimum_row_height())

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(g.label) for g in self._groups), default=0)
        return min(widest + 8, int(self.width() * 0.42))

    def _plot_rect(self) -> QRect:
        left = MARGIN + self._label_width()
        top = MARGIN + self._legend_height()
        value_room = self.fontMetrics().horizontalAdvance("00000") + 6
        width = max(10, self.width() - left - MARGIN - value_room)
        height = len(self._groups) * self._row_height()
        return QRect(left, top, width, height)

    def group_at(self, point: QPoint) -> int | None:
        """The index of the category drawn at ``point`` (``None`` outside the rows)."""
        plot = self._plot_rect()
        if point.y() < plot.top() or point.y() >= plot.bottom() + 1 or not self._groups:
            return None
        index = (point.y() - plot.top()) // self._row_height()
        return index if 0 <= index < len(self._groups) else None

    # -- drawing ------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        if not self._groups:
            painter.setPen(muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        metrics = self.fontMetrics()
        self._draw_legend(painter, metrics, text_colour)
        plot = self._plot_rect()
        largest = max((max(g.values, default=0) for g in self._groups), default=0)
        step = nice_step(largest)
        top_value = max(step, math.ceil(largest / step) * step)
        self._draw_scale(painter, metrics, plot, step, top_value, muted)
        row_height = self._row_height()
        bar_height = self._bar_height(row_height)
        value_font = QFont(self.font())
        if bar_height < BAR_HEIGHT:
            value_font.setPointSizeF(value_font.pointSizeF() * 0.85)
        for index, group in enumerate(self._groups):
            row_top = plot.top() + index * row_height
            bars = len(group.values)
            block = bars * bar_height + (bars - 1) * BAR_GAP
            label_rect = QRect(MARGIN, row_top, self._label_width() - 8, block)
            painter.setFont(self.font())
            painter.setPen(text_colour)
            elided = metrics.elidedText(group.label, Qt.TextElideMode.ElideRight, label_rect.width())
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, elided)
            painter.setFont(value_font)
            y = row_top
            for serie, value in enumerate(group.values):
                length = round(plot.width() * value / top_value) if top_value else 0
                colour = SERIES_COLOURS[serie % len(SERIES_COLOURS)]
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                if length:
                    painter.drawRoundedRect(QRect(plot.left(), y, length, bar_height), 2, 2)
                painter.setPen(text_colour)
                value_rect = QRect(plot.left() + length + 4, y - 4, 60, bar_height + 8)
                painter.drawText(
                    value_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, str(value)
                )
                y += bar_height + BAR_GAP
        painter.end()

    def _draw_legend(self, painter: QPainter, metrics: QFontMetrics, colour: QColor) -> None:
        x = MARGIN + self._label_width()
        y = MARGIN
        for serie, name in enumerate(self._series):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(SERIES_COLOURS[serie % len(SERIES_COLOURS)])
            swatch_top = y + (metrics.height() - LEGEND_SWATCH) // 2
            painter.drawRoundedRect(QRect(x, swatch_top, LEGEND_SWATCH, LEGEND_SWATCH), 2, 2)
            painter.setPen(colour)
            x += LEGEND_SWATCH + 6
            painter.drawText(QRect(x, y, metrics.horizontalAdvance(name) + 2, metrics.height()), 0, name)
            x += metrics.horizontalAdvance(name) + 18

    def _draw_scale(
        self, painter: QPainter, metrics: QFontMetrics, plot: QRect, step: int, top_value: int, colour: QColor
    ) -> None:
        grid = QColor(colour)
        grid.setAlpha(70)
        bottom = plot.top() + plot.height()
        for value in range(0, top_value + 1, step):
            x = plot.left() + round(plot.width() * value / top_value)
            painter.setPen(grid)
            painter.drawLine(x, plot.top() - 2, x, bottom)
            painter.setPen(colour)
            text = str(value)
            width = metrics.horizontalAdvance(text)
            painter.drawText(QRect(x - width // 2 - 2, bottom + 3, width + 4, metrics.height()), 0, text)

    # -- tooltips -----------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.group_at(event.pos())
            if index is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), self.tooltip(index), self)
            return True
        return super().event(event)

    def tooltip(self, index: int) -> str:
        """The text shown when the pointer rests on category ``index``: its whole name and every value."""
        group = self._groups[index]
        head = f"{group.detail} — {group.label}" if group.detail else group.label
        values = "\n".join(f"{name}: {value}" for name, value in zip(self._series, group.values, strict=True))
        return f"{head}\n{values}"
