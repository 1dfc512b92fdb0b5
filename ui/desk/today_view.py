"""The operator's own day: the calls made today and the appointments ahead, by time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import local_date, local_now
from app.desk.today import TodayRow
from ui.desk.display import local_time

APPOINTMENT_KIND = "appointment"
APPOINTMENT_COLOR = QColor("#1a5fb4")


class TodayView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary_label = QLabel()
        self.summary_label.setStyleSheet("font-weight: bold;")
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("申请人"), self.tr("结果"), self.tr("业务编号")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The case number is never cut (it is read out and searched for): its column takes its
        # width, the applicant's name gives way; a name too long is cut in the middle.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)

    def show_rows(self, rows: list[TodayRow]) -> None:
        calls = sum(1 for row in rows if row.kind != APPOINTMENT_KIND)
        self.summary_label.setText(
            self.tr("今天已拨 {calls} 通 · 预约 {appointments} 个").format(
                calls=calls, appointments=len(rows) - calls
            )
        )
        today = local_date(local_now())
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            appointment = row.kind == APPOINTMENT_KIND
            # An appointment may be on another day: then the day is shown too.
            pattern = "%H:%M" if local_date(row.at) == today else "%m-%d %H:%M"
            cells = [
                local_time(row.at, pattern),
                row.applicant or "",
                row.outcome_label,
                row.case_no,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if appointment:
                    item.setForeground(APPOINTMENT_COLOR)
                    item.setToolTip(self.tr("预约回访：{at}").format(at=local_time(row.at)))
                self.table.setItem(number, column, item)
