"""The board's table: one row per unresolved item, overdue ones in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.callbacks.board import COMPLAINT, BoardRow
from ui.desk.display import ERROR_COLOR
from ui.rows_model import RowsModel

CONTEXT = "BoardModel"
(
    COL_KIND,
    COL_REFERENCE,
    COL_UNIT,
    COL_REASON,
    COL_OWNER,
    COL_STATUS,
    COL_OPENED,
    COL_AGE,
    COL_DEADLINE,
    COL_LEFT,
    COL_WORDS,
) = range(11)
OVERDUE_BACKGROUND = "#fdecea"
CALENDAR_BACKGROUND = "#fff4d6"


def age_text(row: BoardRow) -> str:
    return (
        QCoreApplication.translate("BoardModel", "日历未录入") if row.age is None else str(row.age)
    )


def left_text(row: BoardRow) -> str:
    """Working days to the deadline in words: 超期 3, 今日到期, 2 — or why it is not known."""
    if row.days_left is None:
        return (
            QCoreApplication.translate("BoardModel", "日历未录入") if row.calendar_missing else ""
        )
    if row.overdue:
        return QCoreApplication.translate("BoardModel", "超期 {days}").format(days=-row.days_left)
    if row.days_left == 0:
        return QCoreApplication.translate("BoardModel", "今日到期")
    return str(row.days_left)


def deadline_text(row: BoardRow) -> str:
    if row.deadline is None:
        return ""
    text = row.deadline.isoformat()
    if not row.deadline_label:
        return text
    return QCoreApplication.translate("BoardModel", "{date}（{what}）").format(
        date=text, what=row.deadline_label
    )


class BoardModel(RowsModel):
    CONTEXT = CONTEXT
    HEADERS = {
        COL_KIND: QT_TRANSLATE_NOOP("BoardModel", "类型"),
        COL_REFERENCE: QT_TRANSLATE_NOOP("BoardModel", "编号"),
        COL_UNIT: QT_TRANSLATE_NOOP("BoardModel", "受理单位"),
        COL_REASON: QT_TRANSLATE_NOOP("BoardModel", "原因"),
        COL_OWNER: QT_TRANSLATE_NOOP("BoardModel", "负责人"),
        COL_STATUS: QT_TRANSLATE_NOOP("BoardModel", "状态"),
        COL_OPENED: QT_TRANSLATE_NOOP("BoardModel", "登记日期"),
        COL_AGE: QT_TRANSLATE_NOOP("BoardModel", "已过(工作日)"),
        COL_DEADLINE: QT_TRANSLATE_NOOP("BoardModel", "期限"),
        COL_LEFT: QT_TRANSLATE_NOOP("BoardModel", "剩余(工作日)"),
        COL_WORDS: QT_TRANSLATE_NOOP("BoardModel", "反映内容"),
    }
    HEADER_TIPS = {
        COL_AGE: QT_TRANSLATE_NOOP("BoardModel", "登记以来已过的工作日"),
        COL_LEFT: QT_TRANSLATE_NOOP("BoardModel", "距期限还剩的工作日"),
    }

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: BoardRow = self.row_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_WORDS and row.words:
                return row.words
            if column == COL_REFERENCE and row.kind == COMPLAINT and row.case_no:
                return QCoreApplication.translate("BoardModel", "关联业务件：{case_no}").format(
                    case_no=row.case_no
                )
            if column in (COL_UNIT, COL_OWNER, COL_REASON, COL_STATUS):
                return self._text(row, column)  # may be cut short on a small screen
            if row.calendar_missing and column in (COL_AGE, COL_DEADLINE, COL_LEFT):
                return QCoreApplication.translate(
                    "BoardModel", "工作日历中缺少相关年份的节假日安排，请管理员录入后再计算工作日。"
                )
            if row.overdue:
                return QCoreApplication.translate("BoardModel", "已超过期限")
            if column == COL_DEADLINE:
                return self._text(row, column)  # may be cut short on a small screen
            return None
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(QColor(ERROR_COLOR))
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.overdue:
                return QBrush(QColor(OVERDUE_BACKGROUND))
            if row.calendar_missing and column in (COL_AGE, COL_LEFT):
                return QBrush(QColor(CALENDAR_BACKGROUND))
            return None
        if role == Qt.ItemDataRole.FontRole and row.overdue and column == COL_LEFT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_AGE, COL_LEFT):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: BoardRow, column: int) -> str:
        if column == COL_KIND:
            return row.kind_label
        if column == COL_REFERENCE:
            return row.reference
        if column == COL_UNIT:
            return row.unit
        if column == COL_REASON:
            return row.reason_label
        if column == COL_OWNER:
            return row.owner
        if column == COL_STATUS:
            return row.status_label
        if column == COL_OPENED:
            return row.opened_on.isoformat()
        if column == COL_AGE:
            return age_text(row)
        if column == COL_DEADLINE:
            return deadline_text(row)
        if column == COL_LEFT:
            return left_text(row)
        return row.words
