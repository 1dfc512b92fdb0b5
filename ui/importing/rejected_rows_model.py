"""The rows an import rejected: line number, reason and the row as the file had it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ui.rows_model import RowsModel

COL_LINE = 0
COL_REASON = 1
COL_CELLS = 2

HEADERS = {
    COL_LINE: QT_TRANSLATE_NOOP("RejectedRowsModel", "行号"),
    COL_REASON: QT_TRANSLATE_NOOP("RejectedRowsModel", "原因"),
    COL_CELLS: QT_TRANSLATE_NOOP("RejectedRowsModel", "原始内容"),
}
CELL_SEPARATOR = " | "


class RejectedRowsModel(RowsModel):
    CONTEXT = "RejectedRowsModel"
    HEADERS = HEADERS

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == COL_LINE:
            return None if role == Qt.ItemDataRole.ToolTipRole else str(row.line)
        if column == COL_REASON:
            return row.reason()
        return CELL_SEPARATOR.join(row.cells)
