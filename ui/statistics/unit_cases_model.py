"""One unit's cases in a period with their first evaluation, as a sortable table."""

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

from app.ratings import Channel, Rating
from app.reports.unit_cases import UnitCaseRow
from app.zone import LOCAL_ZONE
from ui.rows_model import RowsModel

COL_CASE_NO = 0
COL_BUSINESS_TYPE = 1
COL_COMPLETED_ON = 2
COL_APPLICANT = 3
COL_ENTERPRISE = 4
COL_CHANNEL = 5
COL_EVALUATED_AT = 6
COL_OVERALL = 7
COL_SCORE = 8

CONTEXT = "UnitCasesModel"
HEADERS = {
    COL_CASE_NO: QT_TRANSLATE_NOOP("UnitCasesModel", "业务编号"),
    COL_BUSINESS_TYPE: QT_TRANSLATE_NOOP("UnitCasesModel", "办理事项类型"),
    COL_COMPLETED_ON: QT_TRANSLATE_NOOP("UnitCasesModel", "办结日期"),
    COL_APPLICANT: QT_TRANSLATE_NOOP("UnitCasesModel", "申请人"),
    COL_ENTERPRISE: QT_TRANSLATE_NOOP("UnitCasesModel", "企业"),
    COL_CHANNEL: QT_TRANSLATE_NOOP("UnitCasesModel", "首次评价渠道"),
    COL_EVALUATED_AT: QT_TRANSLATE_NOOP("UnitCasesModel", "评价时间"),
    COL_OVERALL: QT_TRANSLATE_NOOP("UnitCasesModel", "总体情况"),
    COL_SCORE: QT_TRANSLATE_NOOP("UnitCasesModel", "得分"),
}
CHANNELS = {
    Channel.QR: QT_TRANSLATE_NOOP("UnitCasesModel", "扫码"),
    Channel.PLATFORM: QT_TRANSLATE_NOOP("UnitCasesModel", "好差评平台"),
    Channel.PHONE: QT_TRANSLATE_NOOP("UnitCasesModel", "电话"),
    Channel.ENTERPRISE: QT_TRANSLATE_NOOP("UnitCasesModel", "企业"),
}
RATINGS = {
    Rating.VERY_SATISFIED: QT_TRANSLATE_NOOP("UnitCasesModel", "非常满意"),
    Rating.SATISFIED: QT_TRANSLATE_NOOP("UnitCasesModel", "满意"),
    Rating.AVERAGE: QT_TRANSLATE_NOOP("UnitCasesModel", "一般"),
    Rating.DISSATISFIED: QT_TRANSLATE_NOOP("UnitCasesModel", "不满意"),
}
UNREPORTED = QT_TRANSLATE_NOOP("UnitCasesModel", "未填报")
LOW = QColor("#b3261e")
SORT_ROLE = Qt.ItemDataRole.UserRole


def translate(text: str) -> str:
    """One of the texts declared above with QT_TRANSLATE_NOOP, in the interface's language."""
    return QCoreApplication.translate(CONTEXT, text)


class UnitCasesModel(RowsModel):
    CONTEXT = CONTEXT
    HEADERS = HEADERS

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_BUSINESS_TYPE:
            return row.business_type  # the column may be too narrow for the longest types
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_OVERALL, COL_SCORE):
            low = row.overall == Rating.DISSATISFIED or row.unreported
            return LOW if low else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _text(self, row: UnitCaseRow, column: int) -> str:
        if column == COL_CASE_NO:
            return row.case_no
        if column == COL_BUSINESS_TYPE:
            return row.business_type or ""
        if column == COL_COMPLETED_ON:
            return row.completed_on.isoformat()
        if column == COL_APPLICANT:
            return row.applicant or ""
        if column == COL_ENTERPRISE:
            return self.tr("是") if row.is_enterprise else ""
        if column == COL_CHANNEL:
            return translate(CHANNELS[row.channel]) if row.channel else ""
        if column == COL_EVALUATED_AT:
            if row.evaluated_at is None:
                return ""
            return row.evaluated_at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M")
        if column == COL_OVERALL:
            if row.overall is not None:
                return translate(RATINGS[row.overall])
            return translate(UNREPORTED) if row.unreported else ""
        return "" if row.score is None else str(row.score)

    def _sort_value(self, row: UnitCaseRow, column: int) -> Any:
        # Rows without a value sort first, whatever the column's type.
        if column == COL_EVALUATED_AT:
            return row.evaluated_at.timestamp() if row.evaluated_at else -1.0
        if column == COL_SCORE:
            return -1 if row.score is None else row.score
        if column == COL_OVERALL:
            return -1 if row.overall is None else row.overall.score
        return self._text(row, column)
