"""我的质检: the calls of the operator at the seat that a team lead scored, with the points and
the notes. Alt+L the list (the selected call's scores show below), F5 refresh."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.quality.scoring import ReviewDetail, ReviewRow, my_scores, review_detail
from app.staff import StaffMember
from app.zone import LOCAL_ZONE
from db.database import Database
from ui.operations import Progress, operation
from ui.shortcuts import shortcuts


def _time(moment) -> str:
    return moment.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M") if moment else ""


class MyScoresTab(QWidget):
    listed = Signal()
    opened = Signal()

    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.rows: list[ReviewRow] = []
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("业务编号"),
                self.tr("通话时间"),
                self.tr("得分"),
                self.tr("得分率 %"),
                self.tr("关键项"),
                self.tr("评分人"),
                self.tr("总评"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.open_selected)
        self.title = QLabel(self.tr("我被质检评分的通话(&L)："))
        self.title.setBuddy(self.table)
        self.detail_edit = QPlainTextEdit()
        self.detail_edit.setReadOnly(True)
        detail_label = QLabel(self.tr("逐项得分与说明(&D)："))
        detail_label.setBuddy(self.detail_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 2)
        layout.addWidget(detail_label)
        layout.addWidget(self.detail_edit, 1)
        shortcuts(self, [("F5", self.refresh)])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def staff_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def _viewer(self) -> int | None:
        staff = self.current_staff()
        return staff.id if staff is not None else None

    def refresh(self) -> None:
        viewer_id = self._viewer()

        def load(session: Session, _progress: Progress) -> list[ReviewRow]:
            return my_scores(session, viewer_id=viewer_id)

        operation(self, self.database, load).on_success(self._show_rows).on_failure(
            self._refused
        ).run()

    def _refused(self, error: Exception) -> None:
        self.detail_edit.setPlainText(str(error))

    def _show_rows(self, rows: list[ReviewRow]) -> None:
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            percent = row.percent
            values = [
                row.case_no,
                _time(row.attempted_at),
                f"{row.points}/{row.max_points}",
                "" if percent is None else f"{percent:.1f}",
                self.tr("不合格") if row.critical_failed else self.tr("合格"),
                row.reviewer or "",
                row.note or "",
            ]
            for column, value in enumerate(values):
                self.table.setItem(number, column, QTableWidgetItem(value))
        self.table.blockSignals(False)
        self.detail_edit.setPlainText(
            self.tr("选择一通电话（↑↓）查看逐项得分与说明。")
            if rows
            else self.tr("还没有被评分的通话。")
        )
        self.listed.emit()

    def open_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        review_id, viewer_id = self.rows[row].review_id, self._viewer()

        def load(session: Session, _progress: Progress) -> ReviewDetail:
            return review_detail(session, review_id, viewer_id=viewer_id)

        operation(self, self.database, load).on_success(self._show_detail).on_failure(
            self._refused
        ).run()

    def _show_detail(self, detail: ReviewDetail) -> None:
        lines = [
            self.tr("{case}　{points}/{maximum}").format(
                case=detail.row.case_no, points=detail.row.points, maximum=detail.row.max_points
            )
        ]
        for line in detail.lines:
            mark = "★ " if line.critical else ""
            text = f"{mark}{line.label}：{line.points}/{line.weight}"
            if line.note:
                text += f"　— {line.note}"
            lines.append(text)
        if detail.row.note:
            lines.append(self.tr("总评：{0}").format(detail.row.note))
        self.detail_edit.setPlainText("\n".join(lines))
        self.opened.emit()
