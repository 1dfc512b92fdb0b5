"""满意度调查: a day's paper survey forms (群众满意度调查表, 附录 E) typed in, one key per answer.

网点 (Alt+U) and 日期 (Alt+D) are chosen once; then for each sheet:
年龄              1 25岁以下 · 2 25岁-35岁 · 3 36岁-50岁 · 4 51岁以上
服务环境 … 总体印象 1 满意 · 2 一般 · 3 不满意   (the focus moves on by itself)
了解渠道          1–5 tick or untick 社区 · 政府部门 · 电视报刊 · 网络 · 其他, Enter moves on
需要改善的方面     text, Enter moves on;   编号  the sheet's own number, if any
Backspace clears an answer (a question left blank stays blank).
Ctrl+Enter        save the sheet and clear the form for the next one
Delete            in the list below: delete a mistyped sheet (asks first)
Alt+P  print blank forms      Alt+I  import a file of results (.xlsx, .csv …)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.roles import Permission
from app.staff import StaffMember
from app.surveys import AGE_BANDS, AVERAGE, CHANNELS, DISSATISFIED, ITEMS, SATISFIED
from app.surveys.entry import (
    IMPROVEMENT_LIMIT,
    SHEET_NO_LIMIT,
    SurveyAnswers,
    SurveyError,
    SurveyRow,
    day_surveys,
    delete_survey,
    record_survey,
)
from app.units import unit_choices
from db.database import Database
from ui import file_dialogs
from ui.desk.display import ACCENT, ERROR_COLOR
from ui.desk.form_a import STYLE, Choice, ChoiceRow, MovingLineEdit
from ui.operations import Progress, operation
from ui.shortcuts import shortcuts

SUCCESS_STYLE = "color: #2e7d32; font-weight: bold;"
WARNING_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"
AGE_TITLES = {
    "under_25": QT_TRANSLATE_NOOP("SurveysTab", "25岁以下"),
    "25_35": QT_TRANSLATE_NOOP("SurveysTab", "25岁-35岁"),
    "36_50": QT_TRANSLATE_NOOP("SurveysTab", "36岁-50岁"),
    "51_up": QT_TRANSLATE_NOOP("SurveysTab", "51岁以上"),
}
RATING_TITLES = {
    SATISFIED: QT_TRANSLATE_NOOP("SurveysTab", "满意"),
    AVERAGE: QT_TRANSLATE_NOOP("SurveysTab", "一般"),
    DISSATISFIED: QT_TRANSLATE_NOOP("SurveysTab", "不满意"),
}
ITEM_TITLES = {
    "environment": QT_TRANSLATE_NOOP("SurveysTab", "服务环境"),
    "attitude": QT_TRANSLATE_NOOP("SurveysTab", "服务态度"),
    "efficiency": QT_TRANSLATE_NOOP("SurveysTab", "办事效率"),
    "consultation": QT_TRANSLATE_NOOP("SurveysTab", "咨询答复"),
    "discipline": QT_TRANSLATE_NOOP("SurveysTab", "上班纪律"),
    "facilities": QT_TRANSLATE_NOOP("SurveysTab", "便民设施"),
    "overall": QT_TRANSLATE_NOOP("SurveysTab", "总体印象"),
}
CHANNEL_TITLES = {
    "community": QT_TRANSLATE_NOOP("SurveysTab", "社区"),
    "government": QT_TRANSLATE_NOOP("SurveysTab", "政府部门"),
    "media": QT_TRANSLATE_NOOP("SurveysTab", "电视报刊"),
    "internet": QT_TRANSLATE_NOOP("SurveysTab", "网络"),
    "other": QT_TRANSLATE_NOOP("SurveysTab", "其他"),
}
assert set(AGE_TITLES) == set(AGE_BANDS) and set(CHANNEL_TITLES) == set(CHANNELS)
assert list(ITEM_TITLES) == [column for column, _zh, _en in ITEMS]
CHANNEL_STYLE = f"""
ChannelsRow {{ border: 2px solid transparent; border-radius: 6px; }}
ChannelsRow:focus {{ border: 2px solid {ACCENT}; background: #e3edfb; }}
ChannelsRow QLabel#title {{ font-weight: bold; }}
ChannelsRow QPushButton {{
    border: 1px solid #9a9a9a; border-radius: 4px; padding: 4px 5px; background: #fafafa;
}}
ChannelsRow QPushButton:checked {{ background: {ACCENT}; border-color: {ACCENT}; color: white; }}
"""
# Columns of the day's list.
COLUMNS = 4 + len(ITEMS)


class ChannelsRow(QFrame):
    """Question 9: several channels may be ticked. A digit key ticks or unticks one; Enter or
    Down moves on, Up back, Backspace unticks them all."""

    answered = Signal()

    def __init__(self, title: str, choices: list[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        self.codes = [code for code, _title in choices]
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(title)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("title")
        self.buttons: list[QPushButton] = []
        grid = QGridLayout()
        grid.setSpacing(4)
        for number, (_code, text) in enumerate(choices):
            button = QPushButton(f"{number + 1} {text}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.toggled.connect(self.answered)
            self.buttons.append(button)
            grid.addWidget(button, 0, number)
            grid.setColumnStretch(number, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.title_label)
        layout.addLayout(grid, 1)

    def value(self) -> tuple[str, ...]:
        return tuple(
            code for code, b in zip(self.codes, self.buttons, strict=True) if b.isChecked()
        )

    def set_value(self, codes: tuple[str, ...]) -> None:
        for code, button in zip(self.codes, self.buttons, strict=True):
            button.setChecked(code in codes)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if text.isdigit() and modifiers == Qt.KeyboardModifier.NoModifier:
            number = int(text) - 1
            if 0 <= number < len(self.buttons):
                self.buttons[number].toggle()
            return
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.focusNextChild()
        elif key == Qt.Key.Key_Up:
            self.focusPreviousChild()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_value(())
        else:
            super().keyPressEvent(event)


class DayList(QTableWidget):
    """The day's sheets; Delete asks to delete the one selected."""

    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class SurveysTab(QWidget):
    data_changed = Signal()  # a sheet was stored (or deleted, or a file imported)
    listed = Signal()  # the day's list on screen is up to date
    finished = Signal()  # a print or an import ended, whatever its outcome

    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.rows: list[SurveyRow] = []
        self.confirmation: QMessageBox | None = None
        self._units_loaded = False
        self._build()
        self._add_shortcuts()
        self._update_enabled()

    # Building

    def _build(self) -> None:
        self.setStyleSheet(STYLE + CHANNEL_STYLE)
        self.unit_combo = QComboBox()
        self.unit_combo.setMinimumContentsLength(16)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today = clock.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        top = QHBoxLayout()
        for text, widget in (
            (self.tr("网点(&U)："), self.unit_combo),
            (self.tr("调查日期(&D)："), self.date_edit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
            top.addSpacing(8)
        top.addStretch(1)
        self.print_button = QPushButton(self.tr("打印空白调查表(&P)…"))
        self.import_button = QPushButton(self.tr("导入调查结果(&I)…"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(140)
        self.progress_bar.hide()
        top.addWidget(self.progress_bar)
        top.addWidget(self.print_button)
        top.addWidget(self.import_button)

        self.age_row = ChoiceRow(
            self.tr("1 年龄"),
            [
                Choice((str(n),), self.tr(AGE_TITLES[code]), code)
                for n, code in enumerate(AGE_BANDS, 1)
            ],
        )
        ratings = [
            Choice((str(n),), self.tr(RATING_TITLES[code]), code, code == DISSATISFIED)
            for n, code in enumerate((SATISFIED, AVERAGE, DISSATISFIED), 1)
        ]
        self.item_rows = {
            column: ChoiceRow(f"{number} {self.tr(ITEM_TITLES[column])}", ratings)
            for number, column in enumerate(ITEM_TITLES, start=2)
        }
        self.channels_row = ChannelsRow(
            self.tr("9 了解渠道"),
            [(code, self.tr(title)) for code, title in CHANNEL_TITLES.items()],
        )
        self.improvement_edit = MovingLineEdit()
        self.improvement_edit.setMaxLength(IMPROVEMENT_LIMIT)
        self.improvement_edit.setPlaceholderText(self.tr("需要改善的方面（没有可不填）"))
        self.sheet_edit = MovingLineEdit()
        self.sheet_edit.setMaxLength(SHEET_NO_LIMIT)
        self.sheet_edit.setMaximumWidth(160)
        improvement_label = QLabel(self.tr("10 需要改善(&W)："))
        improvement_label.setBuddy(self.improvement_edit)
        sheet_label = QLabel(self.tr("编号(&N)："))
        sheet_label.setBuddy(self.sheet_edit)
        text_line = QHBoxLayout()
        text_line.addWidget(improvement_label)
        text_line.addWidget(self.improvement_edit, 1)
        text_line.addWidget(sheet_label)
        text_line.addWidget(self.sheet_edit)

        self.save_button = QPushButton(self.tr("保存本表 (Ctrl+Enter)"))
        self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button = QPushButton(self.tr("清空(&L)"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.clear_button)
        actions.addWidget(self.message_label, 1)

        form = QVBoxLayout()
        form.setSpacing(2)
        for row in (self.age_row, *self.item_rows.values(), self.channels_row):
            form.addWidget(row)
        form.addLayout(text_line)
        form.addLayout(actions)

        self.report_edit = QPlainTextEdit()  # the rows an import refused
        self.report_edit.setReadOnly(True)
        self.report_edit.setMaximumHeight(110)
        self.report_edit.hide()

        self.count_label = QLabel()
        self.delete_button = QPushButton(self.tr("删除所选(&X)"))
        self.delete_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        list_line = QHBoxLayout()
        list_title = QLabel(self.tr("当日已录入(&T)："))
        list_line.addWidget(list_title)
        list_line.addWidget(self.count_label, 1)
        list_line.addWidget(self.delete_button)
        self.table = DayList(0, COLUMNS)
        list_title.setBuddy(self.table)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("年龄"),
                *[self.tr(title) for title in ITEM_TITLES.values()],
                self.tr("渠道"),
                self.tr("需要改善的方面"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_enabled)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.report_edit)
        layout.addLayout(list_line)
        layout.addWidget(self.table, 1)

        order = [
            self.unit_combo,
            self.date_edit,
            self.age_row,
            *self.item_rows.values(),
            self.channels_row,
            self.improvement_edit,
            self.sheet_edit,
            self.table,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.unit_combo.currentIndexChanged.connect(self.refresh)
        self.date_edit.dateChanged.connect(self.refresh)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear_form)
        self.delete_button.clicked.connect(self.confirm_delete)
        self.table.delete_requested.connect(self.confirm_delete)
        self.print_button.clicked.connect(self.print_blank)
        self.import_button.clicked.connect(self.import_file)

    def _add_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.shortcuts = shortcuts(
            self,
            [("Ctrl+Return", self.save), ("Ctrl+Enter", self.save), ("F5", self.refresh)],
            context,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._units_loaded:
            self.load_units()
        else:
            self.refresh()

    def staff_changed(self) -> None:
        self._update_enabled()

    # The outlet and the day

    def load_units(self) -> None:
        def load(session: Session, _progress: Progress) -> list[tuple[int, str]]:
            return unit_choices(session)

        operation(self, self.database, load).on_success(self._show_units).run()

    def _show_units(self, units: list[tuple[int, str]]) -> None:
        self._units_loaded = True
        current = self.unit_combo.currentData()
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for unit_id, name in units:
            self.unit_combo.addItem(name, unit_id)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(current)))
        self.unit_combo.blockSignals(False)
        self.refresh()

    def unit_id(self) -> int | None:
        return self.unit_combo.currentData()

    def day(self) -> date:
        return self.date_edit.date().toPython()

    # The day's list

    def refresh(self) -> None:
        unit_id, day = self.unit_id(), self.day()
        if unit_id is None:
            self._show_rows([])
            return

        def load(session: Session, _progress: Progress) -> list[SurveyRow]:
            return day_surveys(session, unit_id, day)

        operation(self, self.database, load).on_success(self._show_rows).run()

    def _show_rows(self, rows: list[SurveyRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            values = [
                row.sheet_no or "",
                self.tr(AGE_TITLES[row.age_band]) if row.age_band in AGE_TITLES else "",
                *[
                    self.tr(RATING_TITLES[value]) if value in RATING_TITLES else ""
                    for value in (row.ratings.get(column) for column in ITEM_TITLES)
                ],
                self.tr("、").join(
                    self.tr(CHANNEL_TITLES[c]) for c in row.channels if c in CHANNEL_TITLES
                ),
                " ".join((row.improvement or "").split()),
            ]
            for column, text in enumerate(values):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.count_label.setText(self.tr("共 {count} 份").format(count=len(rows)))
        self._update_enabled()
        self.listed.emit()

    def _update_enabled(self) -> None:
        staff = self.current_staff()
        may = staff is None or staff.may(Permission.RECORD_FEEDBACK)
        for widget in (self.save_button, self.import_button):
            widget.setEnabled(may)
        self.delete_button.setEnabled(may and self.selected_row() is not None)

    def selected_row(self) -> SurveyRow | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected or selected[0].row() >= len(self.rows):
            return None
        return self.rows[selected[0].row()]

    # The form

    def answers(self) -> SurveyAnswers:
        return SurveyAnswers(
            age_band=self.age_row.value(),
            ratings={column: row.value() for column, row in self.item_rows.items()},
            channels=self.channels_row.value(),
            improvement=self.improvement_edit.text() or None,
            sheet_no=self.sheet_edit.text() or None,
        )

    def clear_form(self) -> None:
        self.age_row.set_value(None)
        for row in self.item_rows.values():
            row.set_value(None)
        self.channels_row.set_value(())
        self.improvement_edit.clear()
        self.sheet_edit.clear()
        self.age_row.setFocus()

    def start(self) -> None:
        """Put the focus on the first question (after choosing the outlet and the day)."""
        self.age_row.setFocus()

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        staff = self.current_staff()
        by_id = staff.id if staff is not None else None
        unit_id, day, answers = self.unit_id(), self.day(), self.answers()

        def store(session: Session, _progress: Progress) -> SurveyRow:
            return record_survey(session, unit_id, day, answers, by_id=by_id)

        (
            operation(self, self.database, store)
            .writing()
            .on_success(self._stored)
            .on_failure(self._refused)
            .busy(self.save_button)
            .run()
        )

    def _stored(self, _row: SurveyRow) -> None:
        self.clear_form()
        self.show_message(
            self.tr("已保存，当日第 {count} 份。请录入下一份。").format(count=len(self.rows) + 1),
            SUCCESS_STYLE,
        )
        self.data_changed.emit()
        self.refresh()

    def _refused(self, error: Exception) -> None:
        self.show_message(str(error), WARNING_STYLE)
        field = getattr(error, "field", None) if isinstance(error, SurveyError) else None
        widget = {
            "unit": self.unit_combo,
            "day": self.date_edit,
            "age_band": self.age_row,
            "channels": self.channels_row,
            "improvement": self.improvement_edit,
            "sheet_no": self.sheet_edit,
            **self.item_rows,
        }.get(field or "")
        if widget is not None:
            widget.setFocus()

    # Deleting a mistyped sheet

    def confirm_delete(self) -> None:
        row = self.selected_row()
        if row is None or not self.delete_button.isEnabled():
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("删除调查表"),
            self.tr("删除所选的这份调查表吗？删除会记入审计日志。"),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        remove = box.addButton(self.tr("删除(&D)"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _result: self._answered(box.clickedButton() is remove, row.id))
        self.confirmation = box
        box.open()

    def _answered(self, yes: bool, survey_id: int) -> None:
        self.confirmation = None
        if yes:
            self.delete(survey_id)

    def delete(self, survey_id: int) -> None:
        staff = self.current_staff()
        by_id = staff.id if staff is not None else None

        def remove(session: Session, _progress: Progress) -> None:
            delete_survey(session, survey_id, by_id=by_id)

        operation(self, self.database, remove).writing().on_success(self._deleted).on_failure(
            self._refused
        ).run()

    def _deleted(self, _result: None) -> None:
        self.show_message(self.tr("已删除。"), SUCCESS_STYLE)
        self.data_changed.emit()
        self.refresh()

    # Printing and importing

    def print_blank(self) -> None:
        outlet = self.unit_combo.currentText() or None
        path = file_dialogs.save_path(
            self,
            self.tr("保存空白调查表"),
            "pdf",
            self.tr("群众满意度调查表.pdf"),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if path is not None:
            self.write_blank(path, outlet)

    def write_blank(self, path: Path, outlet: str | None) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_name(f"{path.name}.pdf")

        def write(_progress: Progress) -> Path:
            from app.printing.survey_form import write_blank_survey_form

            write_blank_survey_form(path, outlet)
            return path

        (
            operation(self, None, write)
            .on_success(self._printed)
            .on_failure(self._refused)
            .on_finish(self.finished.emit)
            .busy(self.print_button)
            .run()
        )

    def _printed(self, path: Path) -> None:
        self.show_message(self.tr("空白调查表已保存到 {path}").format(path=path), SUCCESS_STYLE)

    def import_file(self) -> None:
        if not self.import_button.isEnabled():
            return
        path = file_dialogs.open_path(
            self,
            self.tr("导入调查结果"),
            "report",
            self.tr("表格文件 (*.xlsx *.xls *.ods *.csv *.txt)"),
        )
        if path is not None:
            self.import_path(path)

    def import_path(self, path: Path) -> None:
        staff = self.current_staff()
        by_id = staff.id if staff is not None else None

        def work(session: Session, progress: Progress):
            from app.surveys.importing import import_surveys

            return import_surveys(session, path, by_id=by_id, progress=progress)

        self.report_edit.hide()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.show_message(self.tr("正在导入 {name}…").format(name=path.name))
        (
            operation(self, self.database, work)
            .writing()
            .with_progress(self._progressed)
            .on_success(self._imported)
            .on_failure(self._import_refused)
            .on_finish(self._import_done)
            .busy(self.import_button)
            .run()
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 0))
        self.progress_bar.setValue(done)

    def _imported(self, result) -> None:
        self.show_message(
            self.tr(
                "已导入 {file}：{rows} 份，新增 {added} 份，已导入过的 {unchanged} 份未重复录入。"
            ).format(
                file=result.file, rows=result.rows, added=result.added, unchanged=result.unchanged
            ),
            SUCCESS_STYLE,
        )
        self.data_changed.emit()
        self.refresh()

    def _import_refused(self, error: Exception) -> None:
        rejected = getattr(error, "rejected", None)
        if rejected:
            self.show_message(
                self.tr("文件没有导入：有错误的行如下，请改正后重新导入。"), WARNING_STYLE
            )
            self.report_edit.setPlainText("\n".join(row.text() for row in rejected))
            self.report_edit.show()
        else:
            self.show_message(str(error), WARNING_STYLE)

    def _import_done(self) -> None:
        self.progress_bar.hide()
        self.finished.emit()

    # Messages

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
