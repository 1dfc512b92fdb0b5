"""From November on, while next year's holidays are not in the calendar, a bar at the top of the
window says so (deadlines reaching into that year are refused), with the way to the editor."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from app.calendar import WorkingCalendar
from app.clock import today
from db.database import Database
from ui.operations import operation

WARN_FROM_MONTH = 11  # the State Council publishes next year's notice in November or so

# Dismissed for this run: the bar says it once, not again after a rebuild of the window.
_dismissed: set[int] = set()


def next_year_missing(session) -> int | None:
    """Next year, when it is November or later and next year is not in the calendar."""
    now = today()
    if now.month < WARN_FROM_MONTH:
        return None
    year = now.year + 1
    return None if year in WorkingCalendar.load(session).known_years() else year


class NextYearBar(QFrame):
    open_calendar = Signal(int)  # the year to show

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.year: int | None = None
        self.setObjectName("nextYearBar")
        self.setStyleSheet(
            "#nextYearBar { background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("打开日历(&K)"))
        self.open_button.clicked.connect(lambda: self.open_calendar.emit(self.year))
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("本次不再提示"))
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(close)
        self.hide()

    def check(self) -> None:
        operation(
            self, self.database, lambda session, _progress: next_year_missing(session)
        ).on_success(self._show_for).run()

    def _show_for(self, year: int | None) -> None:
        self.year = year
        if year is None or year in _dismissed:
            self.hide()
            return
        self.label.setText(
            self.tr(
                "{year} 年的节假日安排尚未录入工作日历：算到 {year} 年的回访期限、重拨和办理时限"
                "都会被拒绝。请管理员粘贴国务院的放假通知。"
            ).format(year=year)
        )
        self.show()

    def dismiss(self) -> None:
        if self.year is not None:
            _dismissed.add(self.year)
        self.hide()
