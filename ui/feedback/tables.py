"""A read-only, sortable table of rows, as every list on the feedback tabs shows them."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.feedback.feedback_models import SORT_ROLE
from ui.rows_model import RowsModel


def rows_table(
    model: RowsModel, stretch: tuple[int, ...], parent: QWidget | None = None
) -> QTableView:
    """`model` behind a sort proxy; `stretch` columns share the width, the others fit their text."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    table = QTableView(parent)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as the report orders them
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table


def source_row(table: QTableView, row: int) -> int:
    """The model's row behind the table's (sorted) row `row`."""
    proxy = table.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    return proxy.mapToSource(proxy.index(row, 0)).row()
