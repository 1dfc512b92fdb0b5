"""工作日历: the working-day calendar of a year at a glance, each day editable (administrators),
a year entered in one step, and the State Council's notice pasted in (ui.calendar.notice_dialog).

Everyone may look; only administrators change it (read-only otherwise, app.calendar checks too).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.calendar import (
    SOURCE_TABLE,
    CalendarYearView,
    DayChange,
    change_days,
    enter_year,
    year_view,
)
from app.clock import today
from app.roles import Permission
from db.database import Database
from ui.calendar.year_grid import YearGrid, legend
from ui.current_user import logged_in, permitted
from ui.operations import operation

FIRST_YEAR, LAST_YEAR = 2004, 2100


def acting_id() -> int | None:
    """Who changes the calendar, for the role check and the audit trail (None: no log-in)."""
    person = logged_in()
    return person.id if person else None


class CalendarDialog(QDialog):
    shown = Signal()  # the year on screen is the database's now
    saved = Signal()  # a change was written

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, year: int | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.editable = permitted(Permission.ADMINISTER)
        self.view: CalendarYearView | None = None
        self.setWindowTitle(self.tr("工作日历"))

        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR, LAST_YEAR)
        self.year_spin.setValue(year or today().year)
        self.year_spin.setSuffix(self.tr(" 年"))
        self.year_spin.setKeyboardTracking(False)
        self.year_spin.valueChanged.connect(self.load)
        year_label = QLabel(self.tr("年份(&N)："))
        year_label.setBuddy(self.year_spin)
        self.year_state = QLabel()
        self.year_state.setWordWrap(True)
        self.enter_year_button = QPushButton(self.tr("录入此年份(&Y)"))
        self.enter_year_button.setToolTip(
            self.tr("标记这一年的节假日已录入（按周一至周五上班，再加上本表中的日期）")
        )
        self.enter_year_button.clicked.connect(self.enter_shown_year)
        self.paste_button = QPushButton(self.tr("粘贴通知(&P)…"))
        self.paste_button.setToolTip(
            self.tr("粘贴《国务院办公厅关于某年部分节假日安排的通知》全文，预览后一次保存")
        )
        self.paste_button.clicked.connect(self.paste_notice)
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year_spin)
        top.addWidget(self.year_state, 1)
        top.addWidget(self.enter_year_button)
        top.addWidget(self.paste_button)

        self.grid = YearGrid()
        self.grid.day_chosen.connect(self.show_day)

        self.day_label = QLabel()
        font = self.day_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.day_label.setFont(font)
        self.day_state = QLabel()
        self.day_state.setWordWrap(True)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(100)
        self.note_edit.setPlaceholderText(self.tr("如 春节、国庆节、调休上班"))
        self.note_edit.returnPressed.connect(self.save_note)
        note_label = QLabel(self.tr("备注(&O)："))
        note_label.setBuddy(self.note_edit)
        self.rest_button = QPushButton(self.tr("设为休息日(&R)"))
        self.rest_button.clicked.connect(lambda: self.change_selected(False))
        self.work_button = QPushButton(self.tr("设为工作日(&W)"))
        self.work_button.clicked.connect(lambda: self.change_selected(True))
        self.default_button = QPushButton(self.tr("恢复默认(&D)"))
        self.default_button.setToolTip(self.tr("删除本地录入，按国家安排或周一至周五"))
        self.default_button.clicked.connect(lambda: self.change_selected(None))
        day_box = QGroupBox(self.tr("选中的日期"))
        day_layout = QVBoxLayout(day_box)
        day_layout.addWidget(self.day_label)
        day_layout.addWidget(self.day_state)
        note_form = QFormLayout()
        note_form.addRow(note_label, self.note_edit)
        day_layout.addLayout(note_form)
        for button in (self.rest_button, self.work_button, self.default_button):
            day_layout.addWidget(button)
        self.read_only_label = QLabel(self.tr("只读：仅管理员可以修改工作日历。"))
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setVisible(not self.editable)
        day_layout.addWidget(self.read_only_label)

        side = QVBoxLayout()
        side.addWidget(day_box)
        legend_box = QGroupBox(self.tr("图例"))
        QVBoxLayout(legend_box).addWidget(legend(self))
        side.addWidget(legend_box)
        side.addStretch(1)
        keys = QLabel(self.tr("方向键选日期，PageUp/PageDown 换月；鼠标停在日期上可看备注。"))
        keys.setWordWrap(True)
        side.addWidget(keys)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(250)

        middle = QHBoxLayout()
        middle.addWidget(self.grid, 0, Qt.AlignmentFlag.AlignTop)
        middle.addWidget(side_widget)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(buttons)
        self._edit_widgets = [
            self.enter_year_button,
            self.paste_button,
            self.note_edit,
            self.rest_button,
            self.work_button,
            self.default_button,
        ]
        for widget in self._edit_widgets:
            widget.setEnabled(self.editable)
            if not self.editable:
                widget.setToolTip(self.tr("仅限管理员"))
        self.grid.setFocus()
        self.load()

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(QSize(1100, 600))

    # Loading

    def load(self, *_args, selected: date | None = None) -> None:
        year = self.year_spin.value()
        operation(
            self, self.database, lambda session, _progress: year_view(session, year)
        ).on_success(lambda view: self._show_year(view, selected)).run()

    def _show_year(self, view: CalendarYearView, selected: date | None) -> None:
        if view.year != self.year_spin.value():
            return  # a later year was asked for meanwhile
        self.view = view
        if view.known:
            self.year_state.setText(self.tr("{year} 年已在日历中。").format(year=view.year))
            self.year_state.setStyleSheet("")
        else:
            self.year_state.setText(
                self.tr(
                    "{year} 年的节假日尚未录入：截止日期算到这一年时会被拒绝。"
                    "请粘贴国务院的通知，或逐日修改后点“录入此年份”。"
                ).format(year=view.year)
            )
            self.year_state.setStyleSheet("color: #b3261e;")
        self.enter_year_button.setEnabled(self.editable and not view.known)
        self.grid.show_year(view.year, view.days, selected)
        self.shown.emit()

    def show_day(self, day: date) -> None:
        info = self.grid.info(day)
        self.day_label.setText(
            self.tr("{month}月{day}日 星期{weekday}").format(
                month=day.month,
                day=day.day,
                weekday=self.tr("一,二,三,四,五,六,日").split(",")[day.weekday()],
            )
        )
        if info is None:
            self.day_state.clear()
            self.note_edit.clear()
            return
        state = self.tr("工作日") if info.is_working_day else self.tr("休息日")
        if info.source == SOURCE_TABLE:
            origin = self.tr("本地录入")
        elif self.view is not None and not self.view.known:
            origin = self.tr("未录入的年份，按周一至周五")
        else:
            origin = self.tr("国家安排") if info.note else self.tr("默认")
        self.day_state.setText(
            self.tr("{state} · {origin}").format(state=state, origin=origin)
            + (f"\n{info.note}" if info.note else "")
        )
        self.note_edit.setText(info.note or "")

    # Changing

    def change_selected(self, is_working_day: bool | None) -> None:
        day = self.grid.selected
        if day is None or not self.editable:
            return
        note = self.note_edit.text().strip() or None if is_working_day is not None else None
        change = DayChange(day, is_working_day, note)
        by_id = acting_id()
        operation(
            self,
            self.database,
            lambda session, _progress: change_days(session, [change], by_id=by_id),
        ).writing().on_success(lambda _count: self._changed(day)).busy(*self._edit_widgets).run()

    def save_note(self) -> None:
        """Enter in the note: the day keeps what it is, with this note."""
        info = self.grid.info(self.grid.selected) if self.grid.selected else None
        if info is not None:
            self.change_selected(info.is_working_day)

    def enter_shown_year(self) -> None:
        year, by_id = self.year_spin.value(), acting_id()
        operation(
            self, self.database, lambda session, _progress: enter_year(session, year, by_id=by_id)
        ).writing().on_success(lambda _none: self._changed(None)).busy(*self._edit_widgets).run()

    def _changed(self, day: date | None) -> None:
        self.saved.emit()
        self.load(selected=day)

    def paste_notice(self) -> None:
        from ui.calendar.notice_dialog import NoticeDialog

        dialog = NoticeDialog(self.database, self)
        dialog.notice_saved.connect(self._notice_saved)
        dialog.open()

    def _notice_saved(self, year: int) -> None:
        self.saved.emit()
        if self.year_spin.value() == year:
            self.load()
        else:
            self.year_spin.setValue(year)  # loads it


def open_calendar(window, year: int | None = None) -> None:
    """The editor over the main window (its menu entry, the November bar); everyone may look.
    Afterwards the window's November bar looks again at whether next year is entered."""
    dialog = CalendarDialog(window.database, window, year=year)
    dialog.exec()
    bar = getattr(window, "next_year_bar", None)
    if bar is not None:
        bar.check()
