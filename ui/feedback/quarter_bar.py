"""The row above a quarter's report: year, quarter, which units, refresh and export to Excel."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app import clock
from ui.pages.statistics_page import QUARTER_NAMES
from ui.statistics.unit_filter import UnitFilter


def current_quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_name(quarter: int) -> str:
    # Declared (and translated) with the statistics page's quarter picker.
    return QCoreApplication.translate("StatisticsPage", QUARTER_NAMES[quarter - 1])


class QuarterBar(QWidget):
    # The year or the quarter was changed.
    period_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        year, quarter = current_quarter(clock.today())
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year)
        self.year_spin.setKeyboardTracking(False)  # one computation per year typed, not per digit
        year_label = QLabel(self.tr("年份(&Y)："))
        year_label.setBuddy(self.year_spin)
        self.quarter_combo = QComboBox()
        for number in range(1, 5):
            self.quarter_combo.addItem(quarter_name(number), number)
        self.quarter_combo.setCurrentIndex(quarter - 1)
        quarter_label = QLabel(self.tr("季度(&Q)："))
        quarter_label.setBuddy(self.quarter_combo)
        self.unit_filter = UnitFilter()
        self.unit_filter.setToolTip(self.tr("选择要显示的受理单位"))
        self.refresh_button = QPushButton(self.tr("刷新(&R)"))
        self.refresh_button.setToolTip(self.tr("重新计算（F5）"))
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.export_button = QPushButton(self.tr("导出 Excel(&E)…"))
        self.export_button.setToolTip(self.tr("导出当前显示的单位（Ctrl+E）"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (year_label, self.year_spin, quarter_label, self.quarter_combo):
            layout.addWidget(widget)
        layout.addSpacing(12)
        for widget in (self.unit_filter, self.refresh_button, self.busy_bar):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.export_button)

        self.year_spin.valueChanged.connect(self.period_changed)
        self.quarter_combo.currentIndexChanged.connect(self.period_changed)

    def period(self) -> tuple[int, int]:
        return self.year_spin.value(), self.quarter_combo.currentData()

    def title(self, year: int, quarter: int) -> str:
        return self.tr("{year}年{quarter}").format(year=year, quarter=quarter_name(quarter))

    def set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
