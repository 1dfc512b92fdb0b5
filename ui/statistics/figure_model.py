"""A read-only table over a list of result rows, its columns declared as data (the monthly tables).

Each column names its header (translated in the context "FigureTables"), how to get the value
from a row, and how to show it; the value itself is the sort key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

CONTEXT = "FigureTables"
SORT_ROLE = Qt.ItemDataRole.UserRole
NOT_APPLICABLE = "—"  # a rate whose denominator is 0


@dataclass(frozen=True)
class Column:
    title: str  # declared with QT_TRANSLATE_NOOP("FigureTables", …)
    value: Callable[[Any], Any]
    kind: str = "text"  # text / count / percent (a share 0–1) / seconds

    def text(self, value: Any) -> str:
        if self.kind == "text":
            return "" if value is None else str(value)
        if value is None:
            return NOT_APPLICABLE
        if self.kind == "percent":
            return f"{value * 100:.1f}"
        if self.kind == "seconds":
            return f"{value:.0f}"
        return str(value)


class FigureTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[Any] = []

    def show_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        column = self.columns[index.column()]
        value = column.value(self._rows[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(value)
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == "text" and value:
            return str(value)  # long words of a respondent
        if role == SORT_ROLE:
            return -1 if value is None and column.kind != "text" else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind != "text":
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, self.columns[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].kind != "text":
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None
