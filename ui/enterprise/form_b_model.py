"""The Form B records of the enterprise page as a table: case, enterprise, outlet, status, steps.

A city has a hundred thousand: the table holds the pages loaded so far and asks for the next one
(`more_wanted`) when the view scrolls near its end.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from app.enterprise.forms import ARCHIVED, TO_DO, VERIFIED, FormBRow
from ui.desk.display import local_time, rating_title
from ui.rows_model import RowsModel

COL_CASE_NO = 0
COL_ENTERPRISE = 1
COL_TYPE = 2
COL_COMPLETED = 3
COL_UNIT = 4
COL_STATUS = 5
COL_SATISFACTION = 6
COL_PRINTED = 7
COL_VERIFIED_BY = 8
COL_LOCATION = 9

CONTEXT = "FormBModel"
HEADERS = {
    COL_CASE_NO: QT_TRANSLATE_NOOP("FormBModel", "业务编号"),
    COL_ENTERPRISE: QT_TRANSLATE_NOOP("FormBModel", "企业名称"),
    COL_TYPE: QT_TRANSLATE_NOOP("FormBModel", "登记类型"),
    COL_COMPLETED: QT_TRANSLATE_NOOP("FormBModel", "办结日期"),
    COL_UNIT: QT_TRANSLATE_NOOP("FormBModel", "负责网点"),
    COL_STATUS: QT_TRANSLATE_NOOP("FormBModel", "状态"),
    COL_SATISFACTION: QT_TRANSLATE_NOOP("FormBModel", "满意度"),
    COL_PRINTED: QT_TRANSLATE_NOOP("FormBModel", "打印时间"),
    COL_VERIFIED_BY: QT_TRANSLATE_NOOP("FormBModel", "核验人"),
    COL_LOCATION: QT_TRANSLATE_NOOP("FormBModel", "存档位置"),
}
STATUS_COLORS = {TO_DO: "#b3261e", VERIFIED: "#2e7d32", ARCHIVED: "#555555"}


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class FormBModel(RowsModel):
    CONTEXT = CONTEXT
    HEADERS = HEADERS

    more_wanted = Signal()  # the view reached the last row loaded, and there are more

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.total = 0  # the forms the list has in all, loaded or not
        self._waiting = False  # for the page asked for

    def show_rows(self, rows: Iterable[FormBRow], total: int | None = None) -> None:
        """The list's first page, and how many forms the whole list has."""
        super().show_rows(rows)
        self.total = total if total is not None and self._rows else len(self._rows)
        self._waiting = False

    def append_rows(self, rows: list[FormBRow]) -> None:
        """The next page, asked for by `more_wanted`."""
        self._waiting = False
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        else:
            self.total = len(self._rows)  # forms left the list meanwhile

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._waiting and len(self._rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._waiting = True
            self.more_wanted.emit()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            color = STATUS_COLORS.get(row.status)
            return QColor(color) if color else None
        return None

    def _text(self, row: FormBRow, column: int) -> str:
        if column == COL_CASE_NO:
            return row.case_no
        if column == COL_ENTERPRISE:
            return row.enterprise_name or ""
        if column == COL_TYPE:
            return row.registration_type or ""
        if column == COL_COMPLETED:
            return row.completed_on.isoformat()
        if column == COL_UNIT:
            return row.assigned_unit or row.accepting_unit
        if column == COL_STATUS:
            return row.status_label
        if column == COL_SATISFACTION:
            return rating_title(row.satisfaction) if row.satisfaction else ""
        if column == COL_PRINTED:
            return local_time(row.printed_at)
        if column == COL_VERIFIED_BY:
            return row.verified_by or ""
        return row.archive_location or ""

    def _tip(self, row: FormBRow) -> str:
        lines = [
            self.tr("受理单位 {unit}").format(unit=row.accepting_unit),
        ]
        if row.online:
            lines.append(self.tr("全程网办：由企业所在区县的登记机构回访"))
        for title, at in (
            (self.tr("打印"), row.printed_at),
            (self.tr("交回"), row.returned_at),
            (self.tr("扫描"), row.scanned_at),
            (self.tr("录入"), row.answered_at),
            (self.tr("核验"), row.verified_at),
            (self.tr("归档"), row.archived_at),
        ):
            if at is not None:
                lines.append(f"{title} {local_time(at)}")
        return "\n".join(lines)
