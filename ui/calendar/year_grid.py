"""A year at a glance: twelve month grids, days off and make-up working days in their colours.

Drawn by one widget, so that the arrow keys walk from month to month as on a paper calendar:
←/→ a day, ↑/↓ a week, PageUp/PageDown a month, Home/End the year's ends. A click chooses a
day; hovering shows its note.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from datetime import date, timedelta
from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from app.calendar import SOURCE_TABLE, DayInfo
from app.clock import today

MONTH_COLUMNS = 4
MONTH_ROWS = 3
WEEK_ROWS = 6  # the most weeks a month touches
GAP = 14


class DayKind(Enum):
    WORKDAY = "workday"
    WEEKEND = "weekend"  # a Saturday or Sunday off as usual: drawn plain
    HOLIDAY = "holiday"  # a day off for a festival (also a weekend day inside one)
    MAKE_UP = "make_up"  # a weekend day worked (调休上班)


# Background and text of each kind; the legend shows the same.
COLOURS: dict[DayKind, tuple[QColor | None, QColor | None]] = {
    DayKind.WORKDAY: (None, None),
    DayKind.WEEKEND: (None, QColor("#6b6b6b")),
    DayKind.HOLIDAY: (QColor("#f6c7c1"), QColor("#8f1710")),
    DayKind.MAKE_UP: (QColor("#c6dbf5"), QColor("#0d427d")),
}


def day_kind(info: DayInfo) -> DayKind:
    weekend = info.day.weekday() >= 5
    if info.is_working_day:
        return DayKind.MAKE_UP if weekend else DayKind.WORKDAY
    return DayKind.HOLIDAY if not weekend or info.note else DayKind.WEEKEND


class YearGrid(QWidget):
    day_chosen = Signal(object)  # the date now selected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.year = today().year
        self._days: dict[date, DayInfo] = {}
        self.selected: date | None = None
        self._measure()

    def _measure(self) -> None:
        metrics = self.fontMetrics()
        self.cell = QSize(
            max(
                metrics.horizontalAdvance("88") + 14,
                metrics.horizontalAdvance(self._weekday(0)) + 10,
            ),
            metrics.height() + 6,
        )
        self.month_size = QSize(7 * self.cell.width(), (2 + WEEK_ROWS) * self.cell.height())
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(
            MONTH_COLUMNS * self.month_size.width() + (MONTH_COLUMNS - 1) * GAP + 2,
            MONTH_ROWS * self.month_size.height() + (MONTH_ROWS - 1) * GAP + 2,
        )

    # What it shows

    def show_year(self, year: int, days: list[DayInfo], selected: date | None = None) -> None:
        """Show `days` (every date of `year`) and select `selected`, else the day kept before."""
        self.year = year
        self._days = {info.day: info for info in days}
        keep = selected or self.selected
        if keep is None or keep.year != year:
            keep = date(year, 1, 1)
        self.selected = keep
        self.update()
        self.day_chosen.emit(keep)

    def info(self, day: date) -> DayInfo | None:
        return self._days.get(day)

    def kind(self, day: date) -> DayKind | None:
        info = self._days.get(day)
        return day_kind(info) if info else None

    def tooltip_text(self, day: date) -> str:
        info = self._days.get(day)
        if info is None:
            return ""
        kind = {
            DayKind.WORKDAY: self.tr("工作日"),
            DayKind.WEEKEND: self.tr("周末休息"),
            DayKind.HOLIDAY: self.tr("节假日（休息）"),
            DayKind.MAKE_UP: self.tr("调休上班"),
        }[day_kind(info)]
        lines = [
            self.tr("{date} 星期{weekday}").format(
                date=day.isoformat(), weekday=self._weekday(day.weekday())
            ),
            kind,
        ]
        if info.note:
            lines.append(self.tr("备注：{note}").format(note=info.note))
        if info.source == SOURCE_TABLE:
            lines.append(self.tr("本地录入"))
        return "\n".join(lines)

    def _weekday(self, number: int) -> str:
        return self.tr("一,二,三,四,五,六,日").split(",")[number]

    # Geometry

    def _month_origin(self, month: int) -> QPoint:
        column, row = (month - 1) % MONTH_COLUMNS, (month - 1) // MONTH_COLUMNS
        return QPoint(
            1 + column * (self.month_size.width() + GAP), 1 + row * (self.month_size.height() + GAP)
        )

    def day_rect(self, day: date) -> QRect:
        """Where a date of the shown year is drawn (for a click)."""
        origin = self._month_origin(day.month)
        first_weekday = date(day.year, day.month, 1).weekday()
        slot = first_weekday + day.day - 1
        return QRect(
            origin.x() + (slot % 7) * self.cell.width(),
            origin.y() + (2 + slot // 7) * self.cell.height(),
            self.cell.width(),
            self.cell.height(),
        )

    def day_at(self, point: QPoint) -> date | None:
        for month in range(1, 13):
            origin = self._month_origin(month)
            if not QRect(origin, self.month_size).contains(point):
                continue
            column = (point.x() - origin.x()) // self.cell.width()
            row = (point.y() - origin.y()) // self.cell.height() - 2
            if row < 0:
                return None
            number = row * 7 + column - date(self.year, month, 1).weekday() + 1
            if 1 <= number <= _stdlib_calendar.monthrange(self.year, month)[1]:
                return date(self.year, month, number)
        return None

    # Drawing

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        bold = QFont(self.font())
        bold.setBold(True)
        for month in range(1, 13):
            origin = self._month_origin(month)
            title = QRect(origin, QSize(self.month_size.width(), self.cell.height()))
            painter.setFont(bold)
            painter.setPen(palette.windowText().color())
            painter.drawText(
                title, Qt.AlignmentFlag.AlignCenter, self.tr("{month}月").format(month=month)
            )
            painter.setFont(self.font())
            for number in range(7):
                rect = QRect(
                    origin.x() + number * self.cell.width(),
                    origin.y() + self.cell.height(),
                    self.cell.width(),
                    self.cell.height(),
                )
                painter.setPen(
                    COLOURS[DayKind.WEEKEND][1] if number >= 5 else palette.windowText().color()
                )
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._weekday(number))
            days_in_month = _stdlib_calendar.monthrange(self.year, month)[1]
            for number in range(1, days_in_month + 1):
                self._paint_day(painter, date(self.year, month, number))

    def _paint_day(self, painter: QPainter, day: date) -> None:
        rect = self.day_rect(day).adjusted(1, 1, -1, -1)
        info = self._days.get(day)
        background, text = COLOURS[day_kind(info)] if info else (None, None)
        if background is not None:
            painter.fillRect(rect, background)
        painter.setPen(text or self.palette().windowText().color())
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(day.day))
        if info is not None and info.source == SOURCE_TABLE:
            # A small corner mark: entered here rather than shipped.
            corner = QRect(rect.right() - 4, rect.top() + 1, 4, 4)
            painter.fillRect(corner, text or self.palette().windowText().color())
        if day == self.selected:
            pen = QPen(self.palette().highlight().color(), 2 if self.hasFocus() else 1)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(0, 0, -1, -1))

    # Mouse and keys

    def choose(self, day: date) -> None:
        if day.year != self.year or day == self.selected:
            return
        self.selected = day
        self.update()
        self.day_chosen.emit(day)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.choose(day)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        day = self.selected or date(self.year, 1, 1)
        key = event.key()
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        if key in steps:
            target = day + timedelta(days=steps[key])
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            month = day.month + (1 if key == Qt.Key.Key_PageDown else -1)
            month = min(max(month, 1), 12)
            target = date(
                self.year, month, min(day.day, _stdlib_calendar.monthrange(self.year, month)[1])
            )
        elif key == Qt.Key.Key_Home:
            target = date(self.year, 1, 1)
        elif key == Qt.Key.Key_End:
            target = date(self.year, 12, 31)
        else:
            super().keyPressEvent(event)
            return
        self.choose(target)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(
                    event.globalPos(), self.tooltip_text(day), self, self.day_rect(day)
                )
            return True
        return super().event(event)

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)


def legend(parent: QWidget, *, entered_mark: bool = True) -> QWidget:
    """The colours of the grid, named (and the corner mark of a date entered here)."""
    translate = QCoreApplication.translate
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for kind, text in (
        (DayKind.HOLIDAY, translate("CalendarLegend", "节假日（休息）")),
        (DayKind.MAKE_UP, translate("CalendarLegend", "调休上班")),
        (DayKind.WEEKEND, translate("CalendarLegend", "周末（照常休息）")),
        (DayKind.WORKDAY, translate("CalendarLegend", "工作日")),
    ):
        background, foreground = COLOURS[kind]
        swatch = QPixmap(16, 16)
        swatch.fill(background or QColor("white"))
        row = QHBoxLayout()
        mark = QLabel()
        mark.setPixmap(swatch)
        mark.setFrameShape(QLabel.Shape.Box)
        mark.setFixedSize(20, 20)
        label = QLabel(text)
        if foreground is not None:
            label.setStyleSheet(f"color: {foreground.name()};")
        row.addWidget(mark)
        row.addWidget(label, 1)
        layout.addLayout(row)
    corner = QLabel(translate("CalendarLegend", "■ 右上角小方块：本地录入（覆盖国家安排）"))
    corner.setWordWrap(True)
    corner.setVisible(entered_mark)
    layout.addWidget(corner)
    layout.addStretch(1)
    return box
