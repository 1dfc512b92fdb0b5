"""The quarter's satisfaction survey analysis on the statistics page (W 7.1.3.1.2): an outlet a row
(responses, each question's satisfaction rate, the overall rate and the four quarters before),
and below it the outlet chosen in the table — its questions with 满意 / 一般 / 不满意, the age
bands and channels, and the improvement wishes grouped (app.surveys.analysis)."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.surveys import AGE_BANDS, CHANNELS
from app.surveys.analysis import OutletAnalysis, SurveyAnalysis, percent

ITEM_TITLES = (
    QT_TRANSLATE_NOOP("SurveyView", "服务环境"),
    QT_TRANSLATE_NOOP("SurveyView", "服务态度"),
    QT_TRANSLATE_NOOP("SurveyView", "办事效率"),
    QT_TRANSLATE_NOOP("SurveyView", "咨询答复"),
    QT_TRANSLATE_NOOP("SurveyView", "上班纪律"),
    QT_TRANSLATE_NOOP("SurveyView", "便民设施"),
    QT_TRANSLATE_NOOP("SurveyView", "总体印象"),
)
AGE_TITLES = {
    "under_25": QT_TRANSLATE_NOOP("SurveyView", "25岁以下"),
    "25_35": QT_TRANSLATE_NOOP("SurveyView", "25岁-35岁"),
    "36_50": QT_TRANSLATE_NOOP("SurveyView", "36岁-50岁"),
    "51_up": QT_TRANSLATE_NOOP("SurveyView", "51岁以上"),
}
CHANNEL_TITLES = {
    "community": QT_TRANSLATE_NOOP("SurveyView", "社区"),
    "government": QT_TRANSLATE_NOOP("SurveyView", "政府部门"),
    "media": QT_TRANSLATE_NOOP("SurveyView", "电视报刊"),
    "internet": QT_TRANSLATE_NOOP("SurveyView", "网络"),
    "other": QT_TRANSLATE_NOOP("SurveyView", "其他"),
}
assert set(AGE_TITLES) == set(AGE_BANDS) and set(CHANNEL_TITLES) == set(CHANNELS)


def _table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list]) -> None:
    table.setRowCount(len(rows))
    for number, values in enumerate(rows):
        for column, value in enumerate(values):
            text = percent(value) if isinstance(value, Fraction) or value is None else str(value)
            item = QTableWidgetItem(text)
            if column > 0 and not isinstance(value, str):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(number, column, item)


class SurveyView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outlets: list[OutletAnalysis] = []
        self.summary_table = _table([])
        self.summary_table.itemSelectionChanged.connect(self._show_selected)
        self.detail_title = QLabel()
        self.detail_title.setStyleSheet("font-weight: bold;")
        self.items_table = _table(
            [
                self.tr("项目"),
                self.tr("满意"),
                self.tr("一般"),
                self.tr("不满意"),
                self.tr("作答"),
                self.tr("满意率"),
                self.tr("一般占比"),
                self.tr("不满意占比"),
            ]
        )
        self.people_label = QLabel()
        self.people_label.setWordWrap(True)
        self.people_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.wishes_table = _table([self.tr("人数"), self.tr("需要改善的方面")])
        detail = QWidget()
        left = QVBoxLayout()
        left.addWidget(self.detail_title)
        left.addWidget(self.items_table, 1)
        left.addWidget(self.people_label)
        columns = QHBoxLayout(detail)
        columns.setContentsMargins(0, 4, 0, 0)
        columns.addLayout(left, 3)
        columns.addWidget(self.wishes_table, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.summary_table)
        splitter.addWidget(detail)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def outlet_name(self, outlet: OutletAnalysis) -> str:
        return outlet.name if outlet.unit_id is not None else self.tr("全部网点")

    def show_analysis(self, analysis: SurveyAnalysis, shows: Callable[[str], bool]) -> None:
        """The outlets the filter lets through, then all outlets together."""
        self.outlets = [o for o in analysis.outlets if shows(o.name)]
        if analysis.total is not None and analysis.outlets:
            self.outlets.append(analysis.total)
        trend = analysis.total.trend if analysis.total is not None else []
        if not trend and analysis.outlets:
            trend = analysis.outlets[0].trend
        headers = [
            self.tr("网点"),
            self.tr("调查表数"),
            *[self.tr(title) for title in ITEM_TITLES],
            self.tr("总体满意率"),
            *[self.tr("{year}年Q{quarter}").format(year=q.year, quarter=q.quarter) for q in trend],
        ]
        self.summary_table.clear()
        self.summary_table.setColumnCount(len(headers))
        self.summary_table.setHorizontalHeaderLabels(headers)
        _fill(
            self.summary_table,
            [
                [
                    self.outlet_name(o),
                    o.responses,
                    *[item.rate for item in o.items],
                    o.overall.rate,
                    *[q.rate.rate for q in o.trend],
                ]
                for o in self.outlets
            ],
        )
        self.summary_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.summary_table.horizontalHeader().setStretchLastSection(False)
        if self.outlets:
            self.summary_table.selectRow(0)
        else:
            self._show_outlet(None)

    def _show_selected(self) -> None:
        rows = self.summary_table.selectionModel().selectedRows()
        self._show_outlet(
            self.outlets[rows[0].row()] if rows and rows[0].row() < len(self.outlets) else None
        )

    def _show_outlet(self, outlet: OutletAnalysis | None) -> None:
        if outlet is None:
            self.detail_title.setText(self.tr("本季度没有调查表。"))
            _fill(self.items_table, [])
            _fill(self.wishes_table, [])
            self.people_label.clear()
            return
        self.detail_title.setText(
            self.tr("{name}：调查表 {count} 份，总体满意率 {rate}").format(
                name=self.outlet_name(outlet),
                count=outlet.responses,
                rate=percent(outlet.overall.rate),
            )
        )
        _fill(
            self.items_table,
            [
                [
                    self.tr(title),
                    f.satisfied,
                    f.average,
                    f.dissatisfied,
                    f.answered,
                    f.rate,
                    f.share(f.average),
                    f.share(f.dissatisfied),
                ]
                for title, f in zip(ITEM_TITLES, outlet.items, strict=True)
            ],
        )
        separator = self.tr("，")
        ages = separator.join(
            f"{self.tr(AGE_TITLES[code])} {outlet.age_bands[code]}" for code in AGE_TITLES
        )
        channels = separator.join(
            f"{self.tr(CHANNEL_TITLES[code])} {outlet.channels[code]}" for code in CHANNEL_TITLES
        )
        self.people_label.setText(
            self.tr(
                "年龄：{ages}，未填 {age_blank}\n了解渠道（可多选）：{channels}，未填 {channel_blank}"
            ).format(
                ages=ages,
                age_blank=outlet.age_unanswered,
                channels=channels,
                channel_blank=outlet.channels_unanswered,
            )
        )
        rows = [[str(w.count), w.text] for w in outlet.wishes]
        if outlet.no_wish:
            rows.append([str(outlet.no_wish), self.tr("（填写“无”等，无意见）")])
        _fill(self.wishes_table, rows)
