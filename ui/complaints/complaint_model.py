"""The complaints of the complaints tab as a table: number, kind, when, who, unit, class,
status, the deadline (time left, red when late) and the supervision orders."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.complaints.clocks import ComplaintRow
from ui.desk.display import ERROR_COLOR, local_time
from ui.rows_model import RowsModel

COL_NUMBER = 0
COL_KIND = 1
COL_RECEIVED = 2
COL_COMPLAINANT = 3
COL_UNIT = 4
COL_CATEGORY = 5
COL_CHANNEL = 6
COL_STATUS = 7
COL_DEADLINE = 8
COL_ORDERS = 9
COL_CONTENT = 10

CONTEXT = "ComplaintModel"
HEADERS = {
    COL_NUMBER: QT_TRANSLATE_NOOP("ComplaintModel", "编号"),
    COL_KIND: QT_TRANSLATE_NOOP("ComplaintModel", "类型"),
    COL_RECEIVED: QT_TRANSLATE_NOOP("ComplaintModel", "受理时间"),
    COL_COMPLAINANT: QT_TRANSLATE_NOOP("ComplaintModel", "投诉人"),
    COL_UNIT: QT_TRANSLATE_NOOP("ComplaintModel", "被投诉网点"),
    COL_CATEGORY: QT_TRANSLATE_NOOP("ComplaintModel", "分类"),
    COL_CHANNEL: QT_TRANSLATE_NOOP("ComplaintModel", "方式"),
    COL_STATUS: QT_TRANSLATE_NOOP("ComplaintModel", "状态"),
    COL_DEADLINE: QT_TRANSLATE_NOOP("ComplaintModel", "期限"),
    COL_ORDERS: QT_TRANSLATE_NOOP("ComplaintModel", "督办"),
    COL_CONTENT: QT_TRANSLATE_NOOP("ComplaintModel", "内容"),
}
DONE_COLOR = "#2e7d32"
LATE_BACKGROUND = "#fde7e5"


class ComplaintModel(RowsModel):
    CONTEXT = CONTEXT
    HEADERS = HEADERS

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row: ComplaintRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column)
        if column == COL_DEADLINE:
            if role == Qt.ItemDataRole.ForegroundRole:
                if row.needs_attention:
                    return QColor(ERROR_COLOR)
                done = row.clocks.pending is None and row.order_clock is None
                return QColor(DONE_COLOR) if done else None
            if role == Qt.ItemDataRole.BackgroundRole and row.needs_attention:
                return QColor(LATE_BACKGROUND)
            if role == Qt.ItemDataRole.FontRole and row.needs_attention:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def _text(self, row: ComplaintRow, column: int) -> str:
        if column == COL_NUMBER:
            return row.number or ""
        if column == COL_KIND:
            return row.kind_label
        if column == COL_RECEIVED:
            return local_time(row.received_at)
        if column == COL_COMPLAINANT:
            return row.complainant or ""
        if column == COL_UNIT:
            return row.unit_name or ""
        if column == COL_CATEGORY:
            return row.category_label
        if column == COL_CHANNEL:
            return row.channel_label
        if column == COL_STATUS:
            return row.status_label
        if column == COL_DEADLINE:
            return row.deadline_label
        if column == COL_ORDERS:
            if not row.orders:
                return ""
            if row.orders_waiting:
                return self.tr("{count} 次（待回复）").format(count=row.orders)
            return self.tr("{count} 次").format(count=row.orders)
        return " ".join(row.content.split())

    def _tip(self, row: ComplaintRow, column: int) -> str:
        if column == COL_CONTENT:
            return row.content
        first, reply = row.clocks.first_contact, row.clocks.reply
        lines = [
            self.tr("首次联系：期限 {due}，{state}").format(
                due=first.due.isoformat() if first.due else "—", state=first.label
            ),
            self.tr("答复：期限 {due}，{state}").format(
                due=reply.due.isoformat() if reply.due else "—", state=reply.label
            ),
        ]
        if row.order_clock is not None and row.order_clock.due is not None:
            lines.append(
                self.tr("督办回复：期限 {due}，{state}").format(
                    due=row.order_clock.due.isoformat(), state=row.order_clock.label
                )
            )
        return "\n".join(lines)
