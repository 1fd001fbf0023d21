"""A small bar chart of counts per month, drawn with QPainter (no QtCharts)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from clientvault.ui.i18n import format_number

BAR = QColor("#4a7ab5")
AXIS = QColor("#9aa5b1")
TEXT = QColor("#333333")
_TITLE_H = 20.0
_LABEL_H = 16.0
_PAD = 6.0


class TrendChart(QWidget):
    """A title, one bar per month (the newest on the right), the first and last month under the axis."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.months: tuple[str, ...] = ()
        self.counts: tuple[int, ...] = ()
        self.setMinimumSize(180, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(240, 130)

    def set_data(self, months: Sequence[str], counts: Sequence[int]) -> None:
        """Show these counts (one per month, oldest first)."""
        self.months = tuple(months)
        self.counts = tuple(int(c) for c in counts)
        total = sum(self.counts)
        self.setToolTip("\n".join(f"{m}: {format_number(c)}" for m, c in zip(self.months, self.counts, strict=True)))
        self.setAccessibleName(f"{self.title}: {format_number(total)}")
        self.update()

    def plot_area(self) -> QRectF:
        """Where the bars stand (widget coordinates)."""
        return QRectF(_PAD, _TITLE_H + _PAD, self.width() - 2 * _PAD, self.height() - _TITLE_H - _LABEL_H - 2 * _PAD)

    def bar_rect(self, index: int) -> QRectF:
        """The rectangle of bar ``index`` (empty height for a zero count)."""
        area = self.plot_area()
        n = max(len(self.counts), 1)
        slot = area.width() / n
        top = max(self.counts, default=0) or 1
        h = area.height() * self.counts[index] / top
        return QRectF(area.left() + index * slot + slot * 0.15, area.bottom() - h, slot * 0.7, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(TEXT)
        total = sum(self.counts)
        painter.drawText(
            QRectF(_PAD, 0, self.width() - 2 * _PAD, _TITLE_H),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.title,
        )
        painter.drawText(
            QRectF(_PAD, 0, self.width() - 2 * _PAD, _TITLE_H),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            format_number(total),
        )
        area = self.plot_area()
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        for i, count in enumerate(self.counts):
            if count:
                painter.fillRect(self.bar_rect(i), BAR)
        if self.months:
            painter.setPen(TEXT)
            labels = QRectF(_PAD, area.bottom() + 2, self.width() - 2 * _PAD, _LABEL_H)
            painter.drawText(labels, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self.months[0])
            painter.drawText(labels, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, self.months[-1])
        painter.end()
