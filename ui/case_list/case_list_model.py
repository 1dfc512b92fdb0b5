"""The cases a search finds, as a table that loads a page of a few hundred rows at a time, when the
view scrolls near its end (canFetchMore/fetchMore, after Anki's browser table): a city's million
cases are never all loaded. Pages and the total count come from app.case_list, off the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from sqlalchemy.orm import Session

from app.case_list import PAGE_SIZE, CaseListRow, CasePage, CaseSearch, case_page, count_cases
from app.ratings import Rating
from db.database import Database
from ui.desk.display import ERROR_COLOR, channel_title, local_time, rating_title
from ui.operations import Operation, Progress, operation

COL_CASE_NO = 0
COL_TYPE = 1
COL_UNIT = 2
COL_COMPLETED = 3
COL_APPLICANT = 4
COL_PHONE = 5
COL_REVISIT = 6
COL_QUEUE = 7

CONTEXT = "CaseListModel"
HEADERS = {
    COL_CASE_NO: QT_TRANSLATE_NOOP("CaseListModel", "业务编号"),
    COL_TYPE: QT_TRANSLATE_NOOP("CaseListModel", "办理事项类型"),
    COL_UNIT: QT_TRANSLATE_NOOP("CaseListModel", "受理网点"),
    COL_COMPLETED: QT_TRANSLATE_NOOP("CaseListModel", "办结日期"),
    COL_APPLICANT: QT_TRANSLATE_NOOP("CaseListModel", "申请人"),
    COL_PHONE: QT_TRANSLATE_NOOP("CaseListModel", "联系电话"),
    COL_REVISIT: QT_TRANSLATE_NOOP("CaseListModel", "回访情况"),
    COL_QUEUE: QT_TRANSLATE_NOOP("CaseListModel", "回访队列"),
}
QUEUE_RESULTS = {
    "completed": QT_TRANSLATE_NOOP("CaseListModel", "已回访"),
    "evaluated": QT_TRANSLATE_NOOP("CaseListModel", "已网上评价"),
    "unreachable": QT_TRANSLATE_NOOP("CaseListModel", "无法联系"),
}
CASE_ID_ROLE = Qt.ItemDataRole.UserRole
NOT_REVISITED_COLOR = QColor("#777777")


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class CaseListModel(QAbstractTableModel):
    searching = Signal()  # a new search started: the table is empty until its first page
    page_loaded = Signal()  # a page of rows arrived and is in the table
    counted = Signal(int)  # how many cases the search finds in all

    def __init__(
        self, database: Database, parent: QObject | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._page_size = page_size
        self._rows: list[CaseListRow] = []
        self._search = CaseSearch()
        self._generation = 0  # which search a page or a count belongs to
        self._page: CasePage | None = None  # the last page loaded: where the next one starts
        self._loader: Operation | None = None
        self._counter: Operation | None = None
        self.total: int | None = None  # None until counted

    # What is shown

    def search(self, search: CaseSearch) -> None:
        """Show what `search` finds, from its first page; the previous search's work is dropped."""
        for running in (self._loader, self._counter):
            if running is not None:
                running.cancel()  # it stops before its query if it has not started yet
        self.beginResetModel()
        self._generation += 1
        self._search = search
        self._rows = []
        self._page = None
        self._loader = self._counter = None
        self.total = None
        self.endResetModel()
        self.searching.emit()
        self._load_page()

    def current_search(self) -> CaseSearch:
        return self._search

    def row_at(self, row: int) -> CaseListRow:
        return self._rows[row]

    def loading(self) -> bool:
        return self._loader is not None or self._counter is not None

    # Loading, a page at a time

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        more = self._page is not None and self._page.next_key is not None
        return not parent.isValid() and more and self._loader is None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load_page()

    def _load_page(self) -> None:
        generation, search, size = self._generation, self._search, self._page_size
        after = self._page.next_key if self._page is not None else None

        def load(session: Session, progress: Progress) -> tuple[int, CasePage]:
            progress(0, 1)  # raises when a newer search replaced this one while it waited
            return generation, case_page(session, search, after, limit=size)

        self._loader = (
            operation(self, self._database, load)
            .on_success(self._page_arrived)
            .on_finish(self._operation_finished)
            .run()
        )

    def _page_arrived(self, result: tuple[int, CasePage]) -> None:
        generation, page = result
        if generation != self._generation:
            return
        self._loader = None
        first = self._page is None
        self._page = page
        if page.rows:
            self.beginInsertRows(
                QModelIndex(), len(self._rows), len(self._rows) + len(page.rows) - 1
            )
            self._rows.extend(page.rows)
            self.endInsertRows()
        if first and page.next_key is None:
            self._set_total(len(page.rows))
        elif first:
            self._count()  # after the first page is on screen: a count may scan a million rows
        self.page_loaded.emit()

    def _count(self) -> None:
        generation, search = self._generation, self._search

        def count(session: Session, progress: Progress) -> tuple[int, int]:
            progress(0, 1)
            return generation, count_cases(session, search)

        self._counter = (
            operation(self, self._database, count)
            .on_success(self._count_arrived)
            .on_finish(self._operation_finished)
            .run()
        )

    def _count_arrived(self, result: tuple[int, int]) -> None:
        generation, total = result
        if generation == self._generation:
            self._counter = None
            self._set_total(total)

    def _set_total(self, total: int) -> None:
        self.total = total
        self.counted.emit(total)

    def _operation_finished(self) -> None:
        """After a failure too: the list may load again (F5, scrolling) instead of waiting."""
        finished = self.sender()
        if finished is self._loader:
            self._loader = None
        elif finished is self._counter:
            self._counter = None

    # The table

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate(HEADERS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_PHONE and len(row.phones) > 1:
            return "\n".join(row.phones)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_REVISIT:
            if row.evaluation_channel is None:
                return NOT_REVISITED_COLOR
            if row.evaluation_rating == Rating.DISSATISFIED:
                return QColor(ERROR_COLOR)
        if role == CASE_ID_ROLE:
            return row.case_id
        return None

    def _text(self, row: CaseListRow, column: int) -> str:
        if column == COL_CASE_NO:
            return row.case_no
        if column == COL_TYPE:
            return row.business_type or ""
        if column == COL_UNIT:
            return row.unit
        if column == COL_COMPLETED:
            return row.completed_on.isoformat()
        if column == COL_APPLICANT:
            return row.applicant or ""
        if column == COL_PHONE:
            if len(row.phones) > 1:
                return f"{row.phones[0]} (+{len(row.phones) - 1})"
            return row.phones[0] if row.phones else ""
        if column == COL_REVISIT:
            if row.evaluation_channel is None:
                return translate(QT_TRANSLATE_NOOP("CaseListModel", "未回访"))
            return (
                f"{channel_title(row.evaluation_channel)} · {rating_title(row.evaluation_rating)}"
            )
        if column == COL_QUEUE:
            return self._queue_text(row)
        return ""

    @staticmethod
    def _queue_text(row: CaseListRow) -> str:
        queue = row.queue
        if queue is None:
            return ""
        if queue.status == "open":
            if queue.in_call:
                return translate(QT_TRANSLATE_NOOP("CaseListModel", "回访中"))
            if queue.appointment_at is not None:
                return translate(QT_TRANSLATE_NOOP("CaseListModel", "预约 {at}")).format(
                    at=local_time(queue.appointment_at, "%m-%d %H:%M")
                )
            if queue.kind == "callback":
                return translate(QT_TRANSLATE_NOOP("CaseListModel", "待二次回访"))
            return translate(QT_TRANSLATE_NOOP("CaseListModel", "待回访"))
        if queue.result in QUEUE_RESULTS:
            return translate(QUEUE_RESULTS[queue.result])
        return queue.result_title or ""
