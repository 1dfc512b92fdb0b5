"""The rows an import rejected: line number, reason and the row as the file had it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.importing import RejectedRow

COL_LINE = 0
COL_REASON = 1
COL_CELLS = 2

HEADERS = {
    COL_LINE: QT_TRANSLATE_NOOP("RejectedRowsModel", "行号"),
    COL_REASON: QT_TRANSLATE_NOOP("RejectedRowsModel", "原因"),
    COL_CELLS: QT_TRANSLATE_NOOP("RejectedRowsModel", "原始内容"),
}
CELL_SEPARATOR = " | "


class RejectedRowsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[RejectedRow] = []

    def show_rows(self, rows: list[RejectedRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("RejectedRowsModel", HEADERS[section])
        return None
