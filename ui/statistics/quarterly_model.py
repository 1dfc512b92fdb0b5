"""The quarterly report as a table: one row per accepting unit, ranked by score total."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.reports.quarterly import AWAITING_SUPPLEMENT, FAIL, IN_PROGRESS, PASS, UnitQuarter

COL_RANK = 0
COL_UNIT = 1
COL_CASES = 2
COL_REVISITED = 3
COL_ONLINE = 4
COL_PHONE = 5
COL_ENTERPRISE = 6
COL_COVERAGE = 7
COL_MEETS_TARGET = 8
COL_SCORE_TOTAL = 9
COL_SCORE_AVERAGE = 10
COL_UNREPORTED = 11
COL_GRADE = 12

CONTEXT = "QuarterlyTableModel"
HEADERS = {
    COL_RANK: QT_TRANSLATE_NOOP("QuarterlyTableModel", "排名"),
    COL_UNIT: QT_TRANSLATE_NOOP("QuarterlyTableModel", "受理单位"),
    COL_CASES: QT_TRANSLATE_NOOP("QuarterlyTableModel", "办结业务量"),
    COL_REVISITED: QT_TRANSLATE_NOOP("QuarterlyTableModel", "有效回访量"),
    COL_ONLINE: QT_TRANSLATE_NOOP("QuarterlyTableModel", "网上"),
    COL_PHONE: QT_TRANSLATE_NOOP("QuarterlyTableModel", "电话"),
    COL_ENTERPRISE: QT_TRANSLATE_NOOP("QuarterlyTableModel", "企业"),
    COL_COVERAGE: QT_TRANSLATE_NOOP("QuarterlyTableModel", "覆盖率 %"),
    COL_MEETS_TARGET: QT_TRANSLATE_NOOP("QuarterlyTableModel", "达标"),
    COL_SCORE_TOTAL: QT_TRANSLATE_NOOP("QuarterlyTableModel", "得分合计"),
    COL_SCORE_AVERAGE: QT_TRANSLATE_NOOP("QuarterlyTableModel", "平均分"),
    COL_UNREPORTED: QT_TRANSLATE_NOOP("QuarterlyTableModel", "未填报"),
    COL_GRADE: QT_TRANSLATE_NOOP("QuarterlyTableModel", "等次"),
}
GRADES = {
    PASS: QT_TRANSLATE_NOOP("QuarterlyTableModel", "合格"),
    FAIL: QT_TRANSLATE_NOOP("QuarterlyTableModel", "不合格"),
    AWAITING_SUPPLEMENT: QT_TRANSLATE_NOOP("QuarterlyTableModel", "待补报"),
    IN_PROGRESS: QT_TRANSLATE_NOOP("QuarterlyTableModel", "统计中"),
}
FAILING = QColor("#b3261e")
WARNING = QColor("#8a5300")
NUMERIC = (
    COL_RANK,
    COL_CASES,
    COL_REVISITED,
    COL_ONLINE,
    COL_PHONE,
    COL_ENTERPRISE,
    COL_COVERAGE,
    COL_SCORE_TOTAL,
    COL_SCORE_AVERAGE,
    COL_UNREPORTED,
)
# The value a column sorts by (numbers as numbers), for a QSortFilterProxyModel.
SORT_ROLE = Qt.ItemDataRole.UserRole


def translate(text: str) -> str:
    """One of the texts declared above with QT_TRANSLATE_NOOP, in the interface's language."""
    return QCoreApplication.translate(CONTEXT, text)


def grade_label(grade: str) -> str:
    return translate(GRADES[grade]) if grade in GRADES else grade


def shortfall(unit: UnitQuarter, target: float) -> int:
    """Revisits the unit still needs to reach the target (0 when it has)."""
    return max(0, math.ceil(round(target * unit.cases, 9)) - unit.revisited)


class QuarterlyTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._units: list[UnitQuarter] = []
        self._target = 0.0

    def show_units(self, units: list[UnitQuarter], target: float) -> None:
        self.beginResetModel()
        self._units = units
        self._target = target
        self.endResetModel()

    def unit_at(self, row: int) -> UnitQuarter:
        return self._units[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._units)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        unit = self._units[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(unit, column)
        if role == SORT_ROLE:
            return self._value(unit, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(unit, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_COVERAGE:
            return self._coverage_tip(unit)
        return None

    def _value(self, unit: UnitQuarter, column: int) -> Any:
        return {
            COL_RANK: unit.rank,
            COL_UNIT: unit.unit,
            COL_CASES: unit.cases,
            COL_REVISITED: unit.revisited,
            COL_ONLINE: unit.online,
            COL_PHONE: unit.phone,
            COL_ENTERPRISE: unit.enterprise,
            COL_COVERAGE: unit.coverage,
            COL_MEETS_TARGET: unit.meets_target,
            COL_SCORE_TOTAL: unit.score_total,
            COL_SCORE_AVERAGE: unit.score_average,
            COL_UNREPORTED: unit.unreported_enterprise,
            COL_GRADE: unit.grade,
        }[column]

    def _text(self, unit: UnitQuarter, column: int) -> str:
        if column == COL_COVERAGE:
            return f"{unit.coverage * 100:.1f}"
        if column == COL_SCORE_AVERAGE:
            return f"{unit.score_average:.2f}"
        if column == COL_MEETS_TARGET:
            return self.tr("是") if unit.meets_target else self.tr("否")
        if column == COL_GRADE:
            return grade_label(unit.grade)
        return str(self._value(unit, column))

    def _colour(self, unit: UnitQuarter, column: int) -> QColor | None:
        if column in (COL_COVERAGE, COL_MEETS_TARGET) and not unit.meets_target:
            return FAILING
        if column == COL_GRADE:
            return {FAIL: FAILING, AWAITING_SUPPLEMENT: WARNING}.get(unit.grade)
        return None

    def _coverage_tip(self, unit: UnitQuarter) -> str:
        text = self.tr("有效回访 {revisited} / 办结 {cases}，目标 {target:g}%").format(
            revisited=unit.revisited, cases=unit.cases, target=self._target * 100
        )
        missing = shortfall(unit, self._target)
        if missing:
            text += self.tr("，还差 {missing} 件").format(missing=missing)
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate(HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMERIC:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
