"""The quarter's charts: units ranked by score total, and coverage against the target."""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.reports.quarterly import UnitQuarter

BAR = QColor("#3f6fb5")
BELOW_TARGET = QColor("#c0392b")
TARGET_LINE = QColor("#e08a00")
LABEL = QColor("#202020")


class _BarChart(QChartView):
    """A horizontal bar chart of one value per unit, the first unit on top.

    The axes are made once and kept: axes removed from a chart linger on screen until the
    event loop deletes them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(300, 200)
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 12, 4))
        chart.setBackgroundRoundness(0)
        title_font = self.font()
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setFont(self.font())
        self.names = QBarCategoryAxis()
        self.names.setLabelsFont(self.font())
        self.names.setGridLineVisible(False)
        chart.addAxis(self.names, Qt.AlignmentFlag.AlignLeft)
        self.amounts = QValueAxis()
        self.amounts.setLabelsFont(self.font())
        self.amounts.setLabelFormat("%d")
        chart.addAxis(self.amounts, Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)

    def _bars(
        self, title: str, label: str, units: list[UnitQuarter], values: list[float]
    ) -> tuple[QHorizontalBarSeries, QBarSet]:
        """Show the bars of `values` (one per unit, in the units' order from the top)."""
        chart = self.chart()
        chart.removeAllSeries()
        chart.setTitle(title)
        bars = QBarSet(label)
        bars.setColor(BAR)
        bars.setBorderColor(BAR)
        bars.setSelectedColor(BELOW_TARGET)
        bars.setLabelColor(LABEL)
        bars.setLabelFont(self.font())
        bars.append(list(reversed(values)))  # categories run from the bottom up
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        self.names.clear()
        self.names.append([u.unit for u in reversed(units)])
        series.attachAxis(self.names)
        series.attachAxis(self.amounts)
        self._fit_amounts(max(values, default=0))
        return series, bars

    def _fit_amounts(self, top: float) -> None:
        """From 0 to past `top`, with room for the value written after the longest bar."""
        self.amounts.setTickCount(5)  # nice numbers change it: start from the same each time
        self.amounts.setRange(0, max(top * 1.15, 10.0))
        self.amounts.applyNiceNumbers()


class ScoreChart(_BarChart):
    def show_units(self, units: list[UnitQuarter]) -> None:
        self._bars(
            self.tr("得分合计排名"), self.tr("得分合计"), units, [u.score_total for u in units]
        )
        self.chart().legend().hide()


class CoverageChart(_BarChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The bars' positions (0 at the bottom), for the target line across them.
        self.positions = QValueAxis()
        self.positions.setVisible(False)
        self.chart().addAxis(self.positions, Qt.AlignmentFlag.AlignRight)

    def show_units(self, units: list[UnitQuarter], target: float) -> None:
        target_percent = target * 100
        coverages = [round(u.coverage * 100, 1) for u in units]
        series, bars = self._bars(
            self.tr("回访覆盖率 %（红色：低于目标）"),
            self.tr("覆盖率 %"),
            units,
            coverages,
        )
        series.setLabelsFormat("@value%")
        bars.selectBars(
            [len(units) - 1 - i for i, unit in enumerate(units) if not unit.meets_target]
        )
        self._fit_amounts(max([target_percent, *coverages]))  # the target line inside too

        line = QLineSeries()
        line.setName(self.tr("目标 {target:g}%").format(target=target_percent))
        line.setPen(QPen(TARGET_LINE, 2, Qt.PenStyle.DashLine))
        line.append([QPointF(target_percent, -0.5), QPointF(target_percent, len(units) - 0.5)])
        chart = self.chart()
        chart.addSeries(line)
        self.positions.setRange(-0.5, max(len(units), 1) - 0.5)
        line.attachAxis(self.amounts)
        line.attachAxis(self.positions)
        chart.legend().show()
        chart.legend().markers(series)[0].setVisible(False)
