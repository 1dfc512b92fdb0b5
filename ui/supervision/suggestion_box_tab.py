"""意见箱、意见簿: the day's check of an outlet's box or book and each slip found (W 7.1.3.2).

    Alt+U / Alt+D / Alt+S   the outlet, the day, box or book
    Ctrl+0                  the check done, no slips found (two keys)
    Ctrl+Enter              save what the focus is in: the check, or the slip (then the next)
    Ctrl+T                  record the talk about the open criticism selected (the hall's head)
    Ctrl+P                  the Wednesday notice of the week (PDF)
    F5                      refresh

A problem becomes a suggestion record handled on the complaints tab; praise naming someone is a
commendation; criticism waits in the list below until the talk is recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.complaints.registry import Choices, choices
from app.complaints.registry import status_label as complaint_status_label
from app.printing.wednesday_notice import wednesday_notice_pdf
from app.roles import Permission
from app.staff import StaffMember
from app.suggestion_box import (
    BOOK,
    BOX,
    CRITICISM,
    KINDS,
    MAX_SLIPS,
    PRAISE,
    PROBLEM,
    SOURCES,
    DayView,
    MonthDay,
    SlipRow,
    acknowledge_slip,
    day_view,
    kind_label,
    may_acknowledge,
    month_checks,
    notice_wednesday,
    notice_week,
    open_criticisms,
    record_check,
    record_slip,
    source_label,
)
from app.zone import LOCAL_ZONE
from db.database import Database
from ui.complaints.pdf_saving import save_pdf
from ui.desk.display import ERROR_COLOR
from ui.error_dialog import show_refusal
from ui.name_combo import name_combo
from ui.operations import Progress, delete_when_idle, operation
from ui.shortcuts import shortcuts
from ui.supervision.talk_dialog import TalkDialog

SUCCESS_STYLE = "color: #2e7d32; font-weight: bold;"
WARNING_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"


@dataclass
class Loaded:
    choices: Choices
    day: DayView | None
    month: list[MonthDay]
    month_problem: str | None
    criticisms: list[SlipRow]


class SuggestionBoxTab(QWidget):
    data_changed = Signal()  # a check, slip or talk was stored
    loaded = Signal()  # what the screen shows is the database's now
    notice_saved = Signal(object)  # the path of the notice written
    talk_opened = Signal(object)  # the TalkDialog opened

    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.choices = Choices([], [])
        self.view: DayView | None = None
        self.criticisms: list[SlipRow] = []
        self.talk_dialog: TalkDialog | None = None
        self._build()
        self._add_shortcuts()
        self._update_enabled()

    # Building

    def _build(self) -> None:
        self.unit_combo = name_combo(16)
        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setDate(_qdate(clock.today()))
        self.source_combo = QComboBox()
        for code in SOURCES:
            self.source_combo.addItem(source_label(code), code)
        top = QHBoxLayout()
        for text, widget in (
            (self.tr("网点(&U)："), self.unit_combo),
            (self.tr("日期(&D)："), self.day_edit),
            (self.tr("来源(&B)："), self.source_combo),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
            top.addSpacing(6)
        top.addStretch(1)
        self.unit_combo.currentIndexChanged.connect(self.refresh)
        self.day_edit.dateChanged.connect(self.refresh)
        self.source_combo.currentIndexChanged.connect(self._show_day)

        # The check
        self.checker_combo = name_combo(8)
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.count_spin = QSpinBox()
        self.count_spin.setRange(0, MAX_SLIPS)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(1000)
        self.check_button = QPushButton(self.tr("记录检查 (Ctrl+Enter)"))
        self.check_button.clicked.connect(self.save_check)
        self.none_button = QPushButton(self.tr("已检查，无意见 (Ctrl+0)"))
        self.none_button.clicked.connect(self.save_no_slips)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        check_form = QFormLayout()
        check_form.addRow(
            self._buddy(self.tr("检查人(&W)："), self.checker_combo), self.checker_combo
        )
        check_form.addRow(self._buddy(self.tr("检查时间(&T)："), self.time_edit), self.time_edit)
        check_form.addRow(self._buddy(self.tr("意见条数(&N)："), self.count_spin), self.count_spin)
        check_form.addRow(self._buddy(self.tr("备注(&O)："), self.note_edit), self.note_edit)
        check_buttons = QHBoxLayout()
        check_buttons.addWidget(self.check_button)
        check_buttons.addWidget(self.none_button)
        check_box = QGroupBox(self.tr("当天检查"))
        check_layout = QVBoxLayout(check_box)
        check_layout.addLayout(check_form)
        check_layout.addLayout(check_buttons)
        check_layout.addWidget(self.check_label)
        self.check_group = check_box

        # A slip
        self.kind_combo = QComboBox()
        for code in KINDS:
            self.kind_combo.addItem(kind_label(code), code)
        self.content_edit = QPlainTextEdit()
        self.content_edit.setTabChangesFocus(True)
        self.content_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.staff_combo = name_combo(8)
        self.writer_edit = QLineEdit()
        self.writer_edit.setMaxLength(100)
        self.contact_edit = QLineEdit()
        self.contact_edit.setMaxLength(100)
        self.slip_button = QPushButton(self.tr("保存这条意见 (Ctrl+Enter)"))
        self.slip_button.clicked.connect(self.save_slip)
        slip_form = QFormLayout()
        slip_form.addRow(self._buddy(self.tr("类型(&K)："), self.kind_combo), self.kind_combo)
        slip_form.addRow(self._buddy(self.tr("内容(&C)："), self.content_edit), self.content_edit)
        slip_form.addRow(self._buddy(self.tr("涉及人员(&P)："), self.staff_combo), self.staff_combo)
        slip_form.addRow(self._buddy(self.tr("留言人(&R)："), self.writer_edit), self.writer_edit)
        slip_form.addRow(
            self._buddy(self.tr("联系方式(&L)："), self.contact_edit), self.contact_edit
        )
        slip_box = QGroupBox(self.tr("录入意见"))
        slip_layout = QVBoxLayout(slip_box)
        slip_layout.addLayout(slip_form)
        slip_layout.addWidget(self.slip_button)
        self.slip_group = slip_box

        forms = QHBoxLayout()
        forms.addWidget(check_box, 2)
        forms.addWidget(slip_box, 3)

        self.slip_table = self._table(
            [
                self.tr("来源"),
                self.tr("类型"),
                self.tr("内容"),
                self.tr("涉及人员"),
                self.tr("去向"),
            ]
        )
        self.criticism_table = self._table(
            [self.tr("日期"), self.tr("来源"), self.tr("批评内容"), self.tr("涉及人员")]
        )
        self.talk_button = QPushButton(self.tr("记录谈话 (Ctrl+T)"))
        self.talk_button.clicked.connect(self.record_talk)
        self.month_label = QLabel()
        self.month_label.setWordWrap(True)
        self.notice_button = QPushButton(self.tr("周三公告 (Ctrl+P)"))
        self.notice_button.clicked.connect(self.print_notice)
        self.notice_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        for button in (
            self.check_button,
            self.none_button,
            self.slip_button,
            self.talk_button,
            self.notice_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        talk_row = QHBoxLayout()
        talk_row.addWidget(QLabel(self.tr("待谈话的批评：")))
        talk_row.addStretch(1)
        talk_row.addWidget(self.talk_button)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice_button)
        notice_row.addWidget(self.notice_label, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(forms)
        layout.addWidget(QLabel(self.tr("当天录入的意见：")))
        layout.addWidget(self.slip_table, 2)
        layout.addLayout(talk_row)
        layout.addWidget(self.criticism_table, 1)
        layout.addWidget(self.month_label)
        layout.addLayout(notice_row)
        layout.addWidget(self.message_label)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _add_shortcuts(self) -> None:
        self.shortcuts = shortcuts(
            self,
            [
                ("Ctrl+0", self.save_no_slips),
                ("Ctrl+Return", self.save_focused),
                ("Ctrl+Enter", self.save_focused),
                ("Ctrl+T", self.record_talk),
                ("Ctrl+P", self.print_notice),
                ("F5", self.refresh),
            ],
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def staff_changed(self) -> None:
        self._update_enabled()

    def _update_enabled(self) -> None:
        staff = self.current_staff()
        records = staff is not None and staff.may(Permission.RECORD_FEEDBACK)
        for widget in (self.check_button, self.none_button, self.slip_button):
            widget.setEnabled(records)
        self.talk_button.setEnabled(
            staff is not None and may_acknowledge(staff.role) and bool(self.criticisms)
        )
        self.notice_button.setEnabled(records)

    # Reading

    def unit_id(self) -> int | None:
        return self.unit_combo.currentData()

    def day(self) -> date:
        return self.day_edit.date().toPython()

    def source(self) -> str:
        return self.source_combo.currentData() or BOX

    def _viewer(self) -> int | None:
        staff = self.current_staff()
        return staff.id if staff is not None else None

    def refresh(self) -> None:
        unit_id, day, viewer = self.unit_id(), self.day(), self._viewer()
        today = clock.today()

        def load(session: Session, _progress: Progress) -> Loaded:
            found = choices(session)
            chosen = (
                unit_id if unit_id is not None else (found.units[0][0] if found.units else None)
            )
            if chosen is None:
                return Loaded(found, None, [], None, [])
            month: list[MonthDay] = []
            problem = None
            try:
                month = month_checks(
                    session, chosen, day.year, day.month, viewer_id=viewer, today=today
                )
            except ValueError as refused:  # a year the working-day calendar does not know
                problem = str(refused)
            return Loaded(
                found,
                day_view(session, chosen, day, viewer_id=viewer),
                month,
                problem,
                open_criticisms(session, chosen, viewer_id=viewer),
            )

        operation(self, self.database, load).on_success(self._show).on_failure(
            self._show_problem
        ).run()

    def _show(self, loaded: Loaded) -> None:
        self.choices = loaded.choices
        self.unit_combo.blockSignals(True)
        wanted = loaded.day.unit_id if loaded.day is not None else self.unit_id()
        self.unit_combo.clear()
        for each_id, name in loaded.choices.units:
            self.unit_combo.addItem(name, each_id)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(wanted)))
        self.unit_combo.blockSignals(False)
        self.view = loaded.day
        self.criticisms = loaded.criticisms
        self._fill_staff()
        self._show_day()
        self._show_month(loaded.month, loaded.month_problem)
        self._show_criticisms()
        wednesday = notice_wednesday(self.day())
        start, end = notice_week(wednesday)
        self.notice_label.setText(
            self.tr("{wednesday} 的公告：{start} 至 {end} 收到的问题").format(
                wednesday=wednesday.isoformat(), start=start.isoformat(), end=end.isoformat()
            )
        )
        self._update_enabled()
        self.loaded.emit()

    def _fill_staff(self) -> None:
        unit_id = self.unit_id()
        people = [(i, n) for i, n, u in self.choices.staff if u == unit_id]
        staff = self.current_staff()
        for combo, first in (
            (self.checker_combo, (None, self.tr("本人"))),
            (self.staff_combo, (None, self.tr("（未指名）"))),
        ):
            kept = combo.currentData()
            combo.clear()
            combo.addItem(first[1], first[0])
            for each_id, name in people:
                if combo is self.checker_combo and staff is not None and each_id == staff.id:
                    continue
                combo.addItem(name, each_id)
            combo.setCurrentIndex(max(0, combo.findData(kept)))

    def _show_day(self) -> None:
        view = self.view
        parts = []
        for code in (BOX, BOOK):
            check = view.check(code) if view is not None else None
            if check is None:
                parts.append(self.tr("{source}：未检查").format(source=source_label(code)))
                continue
            text = self.tr("{source}：{time} {who} 检查，{count} 条").format(
                source=source_label(code),
                time=check.checked_at.astimezone(LOCAL_ZONE).strftime("%H:%M"),
                who=check.checked_by or "",
                count=check.slip_count,
            )
            if check.recorded < check.slip_count:
                text += self.tr("（已录入 {recorded} 条，待录入 {left} 条）").format(
                    recorded=check.recorded, left=check.slip_count - check.recorded
                )
            parts.append(text)
        self.check_label.setText("\n".join(parts))  # one line per source, in any language
        current = view.check(self.source()) if view is not None else None
        if current is not None:
            local = current.checked_at.astimezone(LOCAL_ZONE)
            self.time_edit.setTime(QTime(local.hour, local.minute))
            self.count_spin.setValue(current.slip_count)
            self.note_edit.setText(current.note or "")
        else:
            now = clock.local_now()
            moment = now if self.day() == now.date() else now.replace(hour=12, minute=0)
            self.time_edit.setTime(QTime(moment.hour, moment.minute))
            self.count_spin.setValue(0)
            self.note_edit.clear()
        slips = view.slips if view is not None else []
        self.slip_table.setRowCount(len(slips))
        for row, slip in enumerate(slips):
            for column, text in enumerate(
                (
                    source_label(slip.source),
                    kind_label(slip.kind),
                    slip.content.replace("\n", " "),
                    slip.staff_name or "",
                    self._where(slip),
                )
            ):
                self.slip_table.setItem(row, column, QTableWidgetItem(text))

    def _where(self, slip: SlipRow) -> str:
        if slip.kind == PROBLEM:
            return self.tr("建议 {number}（{status}）").format(
                number=slip.complaint_number or "",
                status=complaint_status_label(slip.complaint_status),
            )
        if slip.kind == PRAISE:
            return self.tr("已记为表扬") if slip.staff_id is not None else self.tr("表扬（未指名）")
        return self.tr("已谈话") if slip.acknowledged else self.tr("待谈话")

    def _show_month(self, month: list[MonthDay], problem: str | None) -> None:
        if problem is not None:
            self.month_label.setText(problem)
            self.month_label.setStyleSheet(WARNING_STYLE)
            return
        missed = [str(d.day.day) for d in month if d.missed]
        checked = sum(1 for d in month if d.box or d.book)
        day = self.day()
        text = self.tr("{year} 年 {month} 月：已检查 {checked} 天").format(
            year=day.year, month=day.month, checked=checked
        )
        if missed:
            text += self.tr("；漏查的工作日：{days} 日").format(days=self.tr("、").join(missed))
            self.month_label.setStyleSheet(WARNING_STYLE)
        else:
            text += self.tr("；没有漏查的工作日")
            self.month_label.setStyleSheet("")
        self.month_label.setText(text)

    def _show_criticisms(self) -> None:
        self.criticism_table.setRowCount(len(self.criticisms))
        for row, slip in enumerate(self.criticisms):
            for column, text in enumerate(
                (
                    slip.checked_on.isoformat(),
                    source_label(slip.source),
                    slip.content.replace("\n", " "),
                    slip.staff_name or self.tr("（未指名）"),
                )
            ):
                self.criticism_table.setItem(row, column, QTableWidgetItem(text))
        if self.criticisms and self.criticism_table.currentRow() < 0:
            self.criticism_table.selectRow(0)

    # Storing

    def _acting(self) -> StaffMember | None:
        staff = self.current_staff()
        if staff is None:
            show_refusal(self, self.tr("请先登录。"))
            return None
        if not staff.may(Permission.RECORD_FEEDBACK):
            show_refusal(self, self.tr("您的角色不能记录意见箱检查和意见。"))
            return None
        return staff

    def save_focused(self) -> None:
        focus = self.focusWidget()
        if focus is not None and self.slip_group.isAncestorOf(focus):
            self.save_slip()
        else:
            self.save_check()

    def save_no_slips(self) -> None:
        self.count_spin.setValue(0)
        self.save_check()

    def save_check(self) -> None:
        staff = self._acting()
        unit_id = self.unit_id()
        if staff is None or unit_id is None:
            return
        day, source = self.day(), self.source()
        count, note = self.count_spin.value(), self.note_edit.text()
        checked_by = self.checker_combo.currentData()
        at = self.time_edit.time().toPython()
        now = clock.now()

        def store(session: Session, _progress: Progress):
            return record_check(
                session,
                unit_id=unit_id,
                source=source,
                day=day,
                slip_count=count,
                checked_by_id=checked_by,
                checked_at=time(at.hour, at.minute),
                note=note,
                by_id=staff.id,
                now=now,
            )

        def stored(result) -> None:
            words = (
                self.tr("已更新 {day} {source}的检查：{count} 条意见。")
                if result.updated
                else self.tr("已记录 {day} {source}的检查：{count} 条意见。")
            )
            self.show_message(
                words.format(day=day.isoformat(), source=source_label(source), count=count),
                SUCCESS_STYLE,
            )
            self.data_changed.emit()
            self.refresh()
            if count:
                self.kind_combo.setFocus()

        operation(self, self.database, store).writing().on_success(stored).on_failure(
            self._show_problem
        ).run()

    def save_slip(self) -> None:
        staff = self._acting()
        if staff is None:
            return
        check = self.view.check(self.source()) if self.view is not None else None
        if check is None:
            self.show_message(
                self.tr("请先记录当天{source}的检查（Ctrl+Enter）。").format(
                    source=source_label(self.source())
                ),
                WARNING_STYLE,
            )
            return
        kind = self.kind_combo.currentData()
        content = self.content_edit.toPlainText()
        staff_id = self.staff_combo.currentData()
        writer, contact = self.writer_edit.text(), self.contact_edit.text()
        now = clock.now()

        def store(session: Session, _progress: Progress):
            return record_slip(
                session,
                check.id,
                kind=kind,
                content=content,
                staff_id=staff_id,
                writer=writer,
                contact=contact,
                by_id=staff.id,
                now=now,
            )

        def stored(result) -> None:
            if result.complaint_number:
                text = self.tr("已登记为建议 {number}，请在“投诉”页跟踪处理。").format(
                    number=result.complaint_number
                )
            elif result.commendation_id:
                text = self.tr("已记为表扬。")
            elif result.kind == CRITICISM:
                text = self.tr("已记录批评，待负责人谈话。")
            else:
                text = self.tr("已记录。")
            if result.count_raised:
                text += self.tr(" 检查的意见条数已改为 {count} 条。").format(
                    count=result.slip_count
                )
            self.show_message(text, SUCCESS_STYLE)
            self.content_edit.clear()
            self.writer_edit.clear()
            self.contact_edit.clear()
            self.staff_combo.setCurrentIndex(0)
            self.kind_combo.setFocus()
            self.data_changed.emit()
            self.refresh()

        operation(self, self.database, store).writing().on_success(stored).on_failure(
            self._show_problem
        ).run()

    # The talk about a criticism

    def record_talk(self) -> None:
        staff = self.current_staff()
        if staff is None or not may_acknowledge(staff.role):
            show_refusal(self, self.tr("只有负责人（组长、管理员）可以记录谈话。"))
            return
        row = self.criticism_table.currentRow()
        if not 0 <= row < len(self.criticisms):
            self.show_message(self.tr("没有待谈话的批评。"), WARNING_STYLE)
            return
        slip = self.criticisms[row]
        if self.talk_dialog is not None:
            self.talk_dialog.close()
            delete_when_idle(self.talk_dialog)
        dialog = TalkDialog(slip.content, slip.staff_name, self)
        dialog.submitted.connect(lambda text: self._store_talk(dialog, staff, slip.id, text))
        self.talk_dialog = dialog
        dialog.open()
        self.talk_opened.emit(dialog)

    def _store_talk(self, dialog: TalkDialog, staff: StaffMember, slip_id: int, text: str) -> None:
        now = clock.now()

        def store(session: Session, _progress: Progress) -> None:
            acknowledge_slip(session, slip_id, text=text, by_id=staff.id, now=now)

        def stored(_none) -> None:
            dialog.accept()
            self.show_message(self.tr("已记录谈话。"), SUCCESS_STYLE)
            self.data_changed.emit()
            self.refresh()

        operation(self, self.database, store).writing().on_success(stored).on_failure(
            dialog.show_refusal
        ).run()

    # The Wednesday notice

    def print_notice(self) -> None:
        staff = self._acting()
        unit_id = self.unit_id()
        if staff is None or unit_id is None:
            return
        wednesday = notice_wednesday(self.day())
        now = clock.now()

        def write(session: Session, path: Path) -> None:
            wednesday_notice_pdf(session, unit_id, wednesday, path, by_id=staff.id, now=now)

        save_pdf(
            self,
            self.database,
            write,
            f"意见公告-{wednesday.isoformat()}",
            self.notice_saved.emit,
        )

    # Messages

    def _show_problem(self, problem: Exception) -> None:
        self.show_message(str(problem), WARNING_STYLE)

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
