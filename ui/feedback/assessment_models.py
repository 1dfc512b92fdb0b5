"""The staff assessment as tables: the quarter's ranking with each person's commendations and
criticism beside, one person's work orders, and their commendations and criticism."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.commendations import SOURCES
from app.reports.staff_assessment import (
    COMMENDATION,
    COMPLAINT,
    CRITICISM,
    DISSATISFIED,
    HANDLED,
    NAMED,
    AssessedPerson,
    PraiseEntry,
    StaffFigures,
    WorkOrder,
)
from ui.feedback.feedback_models import PENDING, RIGHT, SORT_ROLE
from ui.rows_model import RowsModel

STAFF_CONTEXT = "StaffFiguresModel"
COL_RANK = 0
COL_NAME = 1
COL_UNIT = 2
COL_DISSATISFIED = 3
COL_COMPLAINTS = 4
COL_TOTAL = 5
COL_COMMENDATIONS = 6
COL_CRITICISMS = 7
STAFF_HEADERS = {
    COL_RANK: QT_TRANSLATE_NOOP("StaffFiguresModel", "排名"),
    COL_NAME: QT_TRANSLATE_NOOP("StaffFiguresModel", "经办人"),
    COL_UNIT: QT_TRANSLATE_NOOP("StaffFiguresModel", "所属单位"),
    COL_DISSATISFIED: QT_TRANSLATE_NOOP("StaffFiguresModel", "不满意工单"),
    COL_COMPLAINTS: QT_TRANSLATE_NOOP("StaffFiguresModel", "投诉工单"),
    COL_TOTAL: QT_TRANSLATE_NOOP("StaffFiguresModel", "合计"),
    COL_COMMENDATIONS: QT_TRANSLATE_NOOP("StaffFiguresModel", "表扬"),
    COL_CRITICISMS: QT_TRANSLATE_NOOP("StaffFiguresModel", "批评"),
}


class StaffFiguresModel(RowsModel):
    CONTEXT = STAFF_CONTEXT
    HEADERS = STAFF_HEADERS

    def person_at(self, row: int) -> StaffFigures:
        return self.row_at(row).figures

    def line_at(self, row: int) -> AssessedPerson:
        return self.row_at(row)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        line: AssessedPerson = self._rows[index.row()]
        person = line.figures
        column = index.column()
        value = (
            person.rank,
            person.name,
            person.unit or "",
            person.dissatisfied,
            person.complaints,
            person.total,
            line.commendations,
            line.criticisms,
        )[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (COL_NAME, COL_UNIT):
            return RIGHT
        return None


ORDERS_CONTEXT = "WorkOrdersModel"
COL_CASE_NO = 0
COL_BUSINESS_TYPE = 1
COL_COMPLETED_ON = 2
COL_KIND = 3
COL_ON = 4
COL_REFERENCE = 5
COL_REASON = 6
COL_WHY = 7
COL_STATUS = 8
ORDER_HEADERS = {
    COL_CASE_NO: QT_TRANSLATE_NOOP("WorkOrdersModel", "业务编号"),
    COL_BUSINESS_TYPE: QT_TRANSLATE_NOOP("WorkOrdersModel", "办理事项类型"),
    COL_COMPLETED_ON: QT_TRANSLATE_NOOP("WorkOrdersModel", "办结日期"),
    COL_KIND: QT_TRANSLATE_NOOP("WorkOrdersModel", "工单"),
    COL_ON: QT_TRANSLATE_NOOP("WorkOrdersModel", "工单日期"),
    COL_REFERENCE: QT_TRANSLATE_NOOP("WorkOrdersModel", "投诉编号"),
    COL_REASON: QT_TRANSLATE_NOOP("WorkOrdersModel", "原因/分类"),
    COL_WHY: QT_TRANSLATE_NOOP("WorkOrdersModel", "计入原因"),
    COL_STATUS: QT_TRANSLATE_NOOP("WorkOrdersModel", "办理状态"),
}
KINDS = {
    DISSATISFIED: QT_TRANSLATE_NOOP("WorkOrdersModel", "不满意工单"),
    COMPLAINT: QT_TRANSLATE_NOOP("WorkOrdersModel", "投诉工单"),
}
WHY = {
    HANDLED: QT_TRANSLATE_NOOP("WorkOrdersModel", "经办"),
    NAMED: QT_TRANSLATE_NOOP("WorkOrdersModel", "被投诉人员"),
}
NO_CASE = QT_TRANSLATE_NOOP("WorkOrdersModel", "（无业务件）")
LIST_SEPARATOR = QT_TRANSLATE_NOOP("WorkOrdersModel", "、")


def translate(text: str) -> str:
    return QCoreApplication.translate(ORDERS_CONTEXT, text)


class WorkOrdersModel(RowsModel):
    CONTEXT = ORDERS_CONTEXT
    HEADERS = ORDER_HEADERS

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        order: WorkOrder = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._text(order, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_BUSINESS_TYPE:
            return order.business_type
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS and order.pending:
            return PENDING
        return None

    @staticmethod
    def _text(order: WorkOrder, column: int) -> str:
        if column == COL_CASE_NO:
            return order.case_no or translate(NO_CASE)
        if column == COL_BUSINESS_TYPE:
            return order.business_type or ""
        if column == COL_COMPLETED_ON:
            return order.completed_on.isoformat() if order.completed_on else ""
        if column == COL_KIND:
            return translate(KINDS[order.kind])
        if column == COL_ON:
            return order.on.isoformat()
        if column == COL_REFERENCE:
            return order.reference or ""
        if column == COL_REASON:
            return order.reason
        if column == COL_WHY:
            return translate(LIST_SEPARATOR).join(translate(WHY[why]) for why in order.why)
        return order.status


PRAISE_CONTEXT = "PraiseModel"
COL_PRAISE_KIND = 0
COL_PRAISE_ON = 1
COL_PRAISE_SOURCE = 2
COL_PRAISE_CASE = 3
COL_PRAISE_CONTENT = 4
COL_PRAISE_EXEMPLARY = 5
PRAISE_HEADERS = {
    COL_PRAISE_KIND: QT_TRANSLATE_NOOP("PraiseModel", "类别"),
    COL_PRAISE_ON: QT_TRANSLATE_NOOP("PraiseModel", "日期"),
    COL_PRAISE_SOURCE: QT_TRANSLATE_NOOP("PraiseModel", "来源"),
    COL_PRAISE_CASE: QT_TRANSLATE_NOOP("PraiseModel", "业务编号"),
    COL_PRAISE_CONTENT: QT_TRANSLATE_NOOP("PraiseModel", "内容"),
    COL_PRAISE_EXEMPLARY: QT_TRANSLATE_NOOP("PraiseModel", "典型"),
}
PRAISE_KINDS = {
    COMMENDATION: QT_TRANSLATE_NOOP("PraiseModel", "表扬"),
    CRITICISM: QT_TRANSLATE_NOOP("PraiseModel", "批评"),
}
PRAISE_SOURCES = {
    "revisit": QT_TRANSLATE_NOOP("PraiseModel", "电话回访"),
    "slip": QT_TRANSLATE_NOOP("PraiseModel", "意见箱（簿）"),
    "complaint": QT_TRANSLATE_NOOP("PraiseModel", "投诉建议"),
    "other": QT_TRANSLATE_NOOP("PraiseModel", "其他"),
}
EXEMPLARY_MARK = QT_TRANSLATE_NOOP("PraiseModel", "典型")


def praise_text(text: str) -> str:
    return QCoreApplication.translate(PRAISE_CONTEXT, text)


class PraiseModel(RowsModel):
    """A person's commendations and criticism slips of the quarter."""

    CONTEXT = PRAISE_CONTEXT
    HEADERS = PRAISE_HEADERS

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        entry: PraiseEntry = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_PRAISE_CONTENT:
            return entry.content
        if role == Qt.ItemDataRole.ForegroundRole and entry.kind == CRITICISM:
            return PENDING
        return None

    @staticmethod
    def _text(entry: PraiseEntry, column: int) -> str:
        if column == COL_PRAISE_KIND:
            return praise_text(PRAISE_KINDS[entry.kind])
        if column == COL_PRAISE_ON:
            return entry.on.isoformat()
        if column == COL_PRAISE_SOURCE:
            known = PRAISE_SOURCES.get(entry.source)
            return praise_text(known) if known else SOURCES.get(entry.source, ("", ""))[0]
        if column == COL_PRAISE_CASE:
            return entry.case_no or ""
        if column == COL_PRAISE_CONTENT:
            return " ".join(entry.content.split())
        return praise_text(EXEMPLARY_MARK) if entry.exemplary else ""
