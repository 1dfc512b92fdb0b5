"""The team lead's list of records changed in two places, both versions side by side.

Choosing a conflict shows every field of the record here and of the incoming version, the fields
that differ first and marked; the lead keeps one of the two. Reading and deciding run on the
database thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.staff import StaffMember
from app.sync import (
    ConflictDetails,
    ConflictRow,
    conflict_details,
    decide_conflict,
    list_conflicts,
)
from app.zone import LOCAL_ZONE
from db.database import Database
from ui.operations import Progress, delete_when_idle, operation
from ui.rows_model import RowsModel

COL_KIND, COL_RECORD, COL_SITE, COL_DETECTED = range(4)
DIFFERS_BACKGROUND = QColor("#fff1c2")


@dataclass
class Listing:
    rows: list[ConflictRow]
    details: dict[int, ConflictDetails]


def read_listing(session: Session, viewer_id: int) -> Listing:
    rows = list_conflicts(session, viewer_id=viewer_id)
    details = {row.id: conflict_details(session, row.id, viewer_id=viewer_id) for row in rows}
    return Listing(rows, details)


class ConflictListModel(RowsModel):
    CONTEXT = "ConflictListModel"
    HEADERS = {
        COL_KIND: QT_TRANSLATE_NOOP("ConflictListModel", "类别"),
        COL_RECORD: QT_TRANSLATE_NOOP("ConflictListModel", "记录"),
        COL_SITE: QT_TRANSLATE_NOOP("ConflictListModel", "传入自"),
        COL_DETECTED: QT_TRANSLATE_NOOP("ConflictListModel", "发现时间"),
    }

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row: ConflictRow = self.row_at(index.row())
        return {
            COL_KIND: row.entity_label,
            COL_RECORD: row.title,
            COL_SITE: row.site,
            COL_DETECTED: row.detected_at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M"),
        }[index.column()]


class ConflictsDialog(QDialog):
    loaded = Signal()  # the list is on screen (again)
    decided = Signal(object)  # ConflictRow, after a decision was stored

    def __init__(self, database: Database, staff: StaffMember, parent: QWidget) -> None:
        super().__init__(parent)
        self.database = database
        self.staff = staff
        self.listing = Listing([], {})
        self.setWindowTitle(self.tr("同步冲突"))
        # Deleted once closed and its reading or deciding has reported.
        self.finished.connect(lambda _result: delete_when_idle(self))
        self.resize(1100, 600)

        title = QLabel(self.tr("同一条记录在两处都被修改过"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        explanation = QLabel(
            self.tr(
                "导入同步文件时，这些记录在本库和传入的文件中都有改动。本库的记录在您决定之前保持不变。"
                "请比较两个版本（不同之处排在前面并标出），决定保留哪一个；决定会记入审计日志。"
            )
        )
        explanation.setWordWrap(True)

        self.model = ConflictListModel(self)
        self.list_view = QTableView()
        self.list_view.setModel(self.model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.verticalHeader().hide()
        self.list_view.setWordWrap(False)
        self.list_view.horizontalHeader().setStretchLastSection(True)
        self.list_view.selectionModel().currentRowChanged.connect(self._show_current)

        self.versions = QTableWidget(0, 3)
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.versions.verticalHeader().hide()
        self.versions.setWordWrap(True)
        header = self.versions.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.times_label = QLabel()
        self.times_label.setWordWrap(True)

        self.keep_local_button = QPushButton(self.tr("保留本库版本(&L)"))
        self.keep_local_button.clicked.connect(lambda: self._decide("local"))
        # No default button: Enter must never decide a conflict by accident.
        self.keep_local_button.setAutoDefault(False)
        self.take_incoming_button = QPushButton(self.tr("采用传入版本(&I)"))
        self.take_incoming_button.clicked.connect(lambda: self._decide("incoming"))
        self.take_incoming_button.setAutoDefault(False)
        close_button = QPushButton(self.tr("关闭"))
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        self.status_label = QLabel(self.tr("正在读取…"))

        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.versions, 1)
        details_layout.addWidget(self.times_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list_view)
        splitter.addWidget(details)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 680])

        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.keep_local_button)
        buttons.addWidget(self.take_incoming_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explanation)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._set_versions_header(None)
        self._enable_decisions(False)
        self.reload()

    def reload(self) -> None:
        viewer_id = self.staff.id
        (
            operation(self, self.database, lambda session, _p: read_listing(session, viewer_id))
            .on_success(self._show_listing)
            .on_failure(self._show_problem)
            .run()
        )

    def current(self) -> ConflictRow | None:
        index = self.list_view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_problem(self, error: Exception) -> None:
        self.status_label.setText(str(error))
        self._enable_decisions(self.current() is not None)

    def _show_listing(self, listing: Listing) -> None:
        self.listing = listing
        self.model.show_rows(listing.rows)
        self.list_view.resizeColumnsToContents()
        if listing.rows:
            self.status_label.setText(self.tr("共 {n} 处冲突待处理").format(n=len(listing.rows)))
            self.list_view.selectRow(0)
        else:
            self.status_label.setText(self.tr("没有待处理的同步冲突。"))
            self._show_details(None)
        self.loaded.emit()

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        self._show_details(self.listing.details.get(row.id) if row else None)

    def _set_versions_header(self, site: str | None) -> None:
        self.versions.setHorizontalHeaderLabels(
            [
                self.tr("字段"),
                self.tr("本库的版本"),
                self.tr("传入的版本（{site}）").format(site=site)
                if site
                else self.tr("传入的版本"),
            ]
        )

    def _show_details(self, details: ConflictDetails | None) -> None:
        self.versions.setRowCount(0)
        self._enable_decisions(details is not None)
        if details is None:
            self._set_versions_header(None)
            self.times_label.clear()
            return
        self._set_versions_header(details.conflict.site)
        self.versions.setRowCount(len(details.fields))
        bold = QFont(self.versions.font())
        bold.setBold(True)
        for number, field in enumerate(details.fields):
            for column, text in enumerate((field.label, field.local, field.incoming)):
                item = QTableWidgetItem(text)
                if field.differs:
                    item.setBackground(QBrush(DIFFERS_BACKGROUND))
                    item.setFont(bold)
                self.versions.setItem(number, column, item)
        self.versions.resizeRowsToContents()
        times = self.tr("本库版本最后修改于 {local}；传入版本修改于 {incoming}。").format(
            local=_local(details.local_updated_at), incoming=_local(details.incoming_updated_at)
        )
        if details.local_changed_since:
            times += self.tr(" 发现冲突之后本库的记录又改过，上面显示的是它现在的内容。")
        differing = len(details.differing())
        times += " " + self.tr("有 {n} 个字段不同。").format(n=differing)
        self.times_label.setText(times)

    def _enable_decisions(self, enabled: bool) -> None:
        self.keep_local_button.setEnabled(enabled)
        self.take_incoming_button.setEnabled(enabled)

    def _decide(self, decision: str) -> None:
        row = self.current()
        if row is None:
            return
        self._enable_decisions(False)
        staff_id = self.staff.id

        def decide(session: Session, _progress: Progress) -> ConflictRow:
            return decide_conflict(session, row.id, decision, staff_id)

        (
            operation(self, self.database, decide)
            .on_success(self._after_decision)
            .on_failure(self._show_problem)
            .run()
        )

    def _after_decision(self, row: ConflictRow) -> None:
        self.decided.emit(row)
        self.reload()


def _local(moment) -> str:
    return moment.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M:%S")
