"""The first rows of a file under its header, as the operator will recognise them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.importing.values import clean_text
from ui.importing.column_choice import Row, column_letter

PREVIEW_ROWS = 20
LEFT_OUT_COLOUR = QColor("#9e9e9e")  # header of a column that no field takes


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._header: list[str] = []
        self._rows: list[Row] = []
        self._columns = 0
        self._fields_by_column: dict[int, str] = {}

    def show_rows(self, header: list[str], rows: list[Row]) -> None:
        """Show the first rows of `rows` (line, cells) under `header`."""
        self.beginResetModel()
        self._header = header
        self._rows = rows[:PREVIEW_ROWS]
        self._columns = max([len(header), *(len(cells) for _, cells in self._rows)])
        self.endResetModel()

    def show_fields(self, fields_by_column: dict[int, str]) -> None:
        """Name the field each column is imported as; the other columns are greyed out."""
        self._fields_by_column = fields_by_column
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._columns - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        cells = self._rows[index.row()][1]
        return clean_text(cells[index.column()]) if index.column() < len(cells) else ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            # The line number in the file, as a text editor or Excel shows it.
            return str(self._rows[section][0]) if role == Qt.ItemDataRole.DisplayRole else None
        field = self._fields_by_column.get(section)
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._header[section] if section < len(self._header) else ""
            return f"{column_letter(section)}\n{text}" if text else column_letter(section)
        if role == Qt.ItemDataRole.ForegroundRole and field is None:
            return LEFT_OUT_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("导入为“{field}”").format(field=field) if field else self.tr("不导入")
        return None
