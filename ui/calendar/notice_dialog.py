"""粘贴通知: the State Council's holiday notice pasted in, its days previewed on the calendar, and
saved in one transaction once the administrator has checked them (app.calendar_notice)."""

from __future__ import annotations

import calendar as _stdlib_calendar
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.calendar import SOURCE_OFFICIAL, SOURCE_WEEKDAY, DayInfo
from app.calendar_notice import HolidayNotice, NoticeUnreadable, read_notice, save_notice
from db.database import Database
from ui.calendar.year_grid import YearGrid, legend
from ui.current_user import logged_in
from ui.operations import operation

ERROR_STYLE = "color: #b3261e; font-weight: bold;"


def preview_days(notice: HolidayNotice) -> list[DayInfo]:
    """Every date of the notice's year as it will be: Mon–Fri, then what the notice sets."""
    year = notice.year
    setting = {day.day: day for day in notice.days}
    days = []
    for month in range(1, 13):
        for number in range(1, _stdlib_calendar.monthrange(year, month)[1] + 1):
            day = date(year, month, number)
            if day in setting:
                days.append(
                    DayInfo(day, setting[day].is_working_day, setting[day].note, SOURCE_OFFICIAL)
                )
            else:
                days.append(DayInfo(day, day.weekday() < 5, None, SOURCE_WEEKDAY))
    return days


class NoticeDialog(QDialog):
    notice_saved = Signal(int)  # the year saved

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.notice: HolidayNotice | None = None
        self.setWindowTitle(self.tr("粘贴节假日安排通知"))
        self.pages = QStackedWidget()

        # 1. The text
        intro = QLabel(
            self.tr(
                "每年十一月前后，国务院办公厅发布《关于下一年部分节假日安排的通知》。"
                "请从中国政府网等处复制通知全文（从标题到落款），粘贴在下面，再点“读取”。"
            )
        )
        intro.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(
            self.tr("国务院办公厅关于2027年部分节假日安排的通知\n……\n一、元旦：……")
        )
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.read_button = QPushButton(self.tr("读取(&R)"))
        self.read_button.setDefault(True)
        self.read_button.clicked.connect(self.read)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)
        text_page = QWidget()
        text_layout = QVBoxLayout(text_page)
        text_layout.addWidget(intro)
        text_layout.addWidget(self.text_edit, 1)
        text_layout.addWidget(self.error_label)
        text_layout.addLayout(_buttons(self.read_button, cancel))
        self.pages.addWidget(text_page)

        # 2. The preview
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.grid = YearGrid()
        self.back_button = QPushButton(self.tr("返回修改(&B)"))
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.save_button = QPushButton(self.tr("确认保存(&S)"))
        self.save_button.clicked.connect(self.save)
        preview_page = QWidget()
        preview_layout = QVBoxLayout(preview_page)
        preview_layout.addWidget(self.summary_label)
        middle = QHBoxLayout()
        middle.addWidget(self.grid)
        middle.addWidget(legend(self, entered_mark=False))
        preview_layout.addLayout(middle, 1)
        preview_layout.addLayout(_buttons(self.save_button, self.back_button))
        self.pages.addWidget(preview_page)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(760, 520)

    def read(self) -> None:
        try:
            notice = read_notice(self.text_edit.toPlainText())
        except NoticeUnreadable as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.error_label.hide()
        self.notice = notice
        before = [day for day in notice.days if day.day.year < notice.year]
        summary = self.tr(
            "读到 {year} 年：放假 {holidays} 天，调休上班 {worked} 天，如下图。"
            "请与通知核对；保存后这一年即录入日历，通知覆盖的日期以通知为准。"
        ).format(year=notice.year, holidays=len(notice.holidays), worked=len(notice.working_days))
        if before:
            summary += self.tr("另含上一年的：{days}。").format(
                days="、".join(
                    f"{day.day.isoformat()} {self.tr('上班') if day.is_working_day else self.tr('休息')}"
                    for day in before
                )
            )
        self.summary_label.setText(summary)
        self.grid.show_year(notice.year, preview_days(notice), notice.days[-1].day)
        self.pages.setCurrentIndex(1)
        self.resize(self.sizeHint().expandedTo(self.size()))
        self.save_button.setFocus()

    def save(self) -> None:
        notice, me = self.notice, logged_in()
        by_id = me.id if me else None
        if notice is None:
            return
        operation(
            self,
            self.database,
            lambda session, _progress: save_notice(session, notice, by_id=by_id),
        ).writing().on_success(self._saved).busy(self.save_button, self.back_button).run()

    def _saved(self, _saved) -> None:
        self.notice_saved.emit(self.notice.year)
        self.accept()


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row
