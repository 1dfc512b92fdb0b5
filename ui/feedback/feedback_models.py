"""The units' feedback as tables: one row per unit with its counts, and one unit's list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.reports.unit_feedback import (
    COMPLAINT,
    DISSATISFIED,
    REGISTERED_SUGGESTION,
    SUGGESTION,
    FeedbackEntry,
    UnitFeedback,
)
from ui.rows_model import RowsModel

PENDING = QColor("#b3261e")
SORT_ROLE = Qt.ItemDataRole.UserRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

SUMMARY_CONTEXT = "UnitSummaryModel"
COL_UNIT = 0
COL_DISTRICT = 1
COL_SUGGESTIONS = 2
COL_COMPLAINTS = 3
COL_REGISTERED = 4
COL_DISSATISFIED = 5
COL_TOTAL = 6
COL_PENDING = 7
SUMMARY_HEADERS = {
    COL_UNIT: QT_TRANSLATE_NOOP("UnitSummaryModel", "受理单位（登记大厅）"),
    COL_DISTRICT: QT_TRANSLATE_NOOP("UnitSummaryModel", "所属区县"),
    COL_SUGGESTIONS: QT_TRANSLATE_NOOP("UnitSummaryModel", "评价建议"),
    COL_COMPLAINTS: QT_TRANSLATE_NOOP("UnitSummaryModel", "投诉"),
    COL_REGISTERED: QT_TRANSLATE_NOOP("UnitSummaryModel", "意见建议"),
    COL_DISSATISFIED: QT_TRANSLATE_NOOP("UnitSummaryModel", "不满意回访"),
    COL_TOTAL: QT_TRANSLATE_NOOP("UnitSummaryModel", "合计"),
    COL_PENDING: QT_TRANSLATE_NOOP("UnitSummaryModel", "尚在办理"),
}


class UnitSummaryModel(RowsModel):
    CONTEXT = SUMMARY_CONTEXT
    HEADERS = SUMMARY_HEADERS

    def unit_at(self, row: int) -> UnitFeedback:
        return self.row_at(row)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        unit: UnitFeedback = self._rows[index.row()]
        column = index.column()
        value = self._value(unit, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            return value if value is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= COL_SUGGESTIONS:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_PENDING and unit.pending:
            return PENDING
        return None

    @staticmethod
    def _value(unit: UnitFeedback, column: int) -> Any:
        return (
            unit.unit,
            unit.district,
            unit.suggestions,
            unit.complaints,
            unit.registered_suggestions,
            unit.dissatisfied,
            unit.total,
            unit.pending,
        )[column]


ENTRIES_CONTEXT = "FeedbackEntriesModel"
COL_SOURCE = 0
COL_DATE = 1
COL_CASE_NO = 2
COL_CHANNEL = 3
COL_CONTENT = 4
COL_CATEGORY = 5
COL_STAFF = 6
COL_STATUS = 7
COL_ACTION = 8
ENTRY_HEADERS = {
    COL_SOURCE: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "类别"),
    COL_DATE: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "日期"),
    COL_CASE_NO: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "业务编号"),
    COL_CHANNEL: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "渠道"),
    COL_CONTENT: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "内容"),
    COL_CATEGORY: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "原因/分类"),
    COL_STAFF: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "经办人/被投诉人员"),
    COL_STATUS: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "处理状态"),
    COL_ACTION: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "处理情况"),
}
SOURCES = {
    SUGGESTION: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "评价建议"),
    COMPLAINT: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "投诉"),
    REGISTERED_SUGGESTION: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "意见建议"),
    DISSATISFIED: QT_TRANSLATE_NOOP("FeedbackEntriesModel", "不满意回访"),
}
# Columns whose text may be cut: the whole of it is in the cell's tool tip.
LONG_TEXT = (COL_CONTENT, COL_CATEGORY, COL_ACTION, COL_CHANNEL)


class FeedbackEntriesModel(RowsModel):
    CONTEXT = ENTRIES_CONTEXT
    HEADERS = ENTRY_HEADERS

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        entry: FeedbackEntry = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in LONG_TEXT:
            return self._text(entry, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS and entry.pending:
            return PENDING
        return None

    @staticmethod
    def _text(entry: FeedbackEntry, column: int) -> str:
        if column == COL_SOURCE:
            return QCoreApplication.translate(ENTRIES_CONTEXT, SOURCES[entry.source])
        if column == COL_DATE:
            return entry.on.isoformat()
        if column == COL_CASE_NO:
            return entry.case_no or entry.reference or ""
        return {
            COL_CHANNEL: entry.channel,
            COL_CONTENT: entry.content,
            COL_CATEGORY: entry.category,
            COL_STAFF: entry.staff or "",
            COL_STATUS: entry.status,
            COL_ACTION: entry.action,
        }[column]
