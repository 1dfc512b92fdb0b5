"""The dialogs of the outlet assessment tab: a new assessment, the item-by-item entry of one,
the ranking of outlets, and (administrators) the score sheet editor.

The entry, keyboard first:

    Ctrl+↓ / Ctrl+↑      the next / previous item (↓ ↑ too, in the list of items)
    Alt+P  points, Tab, Alt+R reason, Enter      a deduction added to the item and stored
    Alt+O  the reason to override an item the system computed (needed before a deduction)
    Delete               the deduction selected in the item's list taken off
    Ctrl+Backspace       the item back to full points
    F6                   the item computed again (服务礼仪)
    Ctrl+S               the assessors, day and note stored
    Ctrl+Enter           signed off (final: no more changes)
    Ctrl+P               the sheet printed (PDF)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.assessment import (
    GRADES,
    KINDS,
    STATUSES,
    AssessmentError,
    format_points,
    label,
    parse_points,
)
from app.assessment.rules import RULES, rule_label
from app.assessment.service import (
    AssessmentDetail,
    assessment_detail,
    finalize,
    ranking,
    recompute_item,
    score_item,
    update_details,
)
from app.assessment.sheet import (
    ItemInput,
    Sheet,
    add_item,
    ensure_default_sheet,
    move_item,
    score_sheet,
    set_item_active,
    sheet_warning,
    update_item,
)
from app.printing.assessment_sheet import save_assessment_sheet, save_ranking_pdf
from app.reports.assessment_xlsx import export_ranking_xlsx
from app.roles import Permission
from app.staff import StaffMember, require_permission
from db.database import Database
from ui import file_dialogs
from ui.complaints.pdf_saving import save_pdf
from ui.desk.display import ERROR_COLOR
from ui.operations import Progress, operation
from ui.shortcuts import shortcuts

WARNING_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"
SUCCESS_STYLE = "color: #2e7d32; font-weight: bold;"
WidgetContext = Qt.ShortcutContext.WidgetWithChildrenShortcut


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def last_half_year(today: date) -> tuple[date, date]:
    """The half year before the one `today` is in (W 7.2.1: at least every half year)."""
    if today.month <= 6:
        return date(today.year - 1, 7, 1), date(today.year - 1, 12, 31)
    return date(today.year, 1, 1), date(today.year, 6, 30)


def table_cell(text: str, align_center: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if align_center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def read_only_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


class NewAssessmentDialog(QDialog):
    """The outlet, the kind, the period, the day and the assessors of a new assessment."""

    submitted = Signal(dict)

    def __init__(self, units: list[tuple[int, str]], assessor: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建网点考核"))
        today = clock.today()
        start, end = last_half_year(today)
        self.unit_combo = QComboBox()
        for unit_id, name in units:
            self.unit_combo.addItem(name, unit_id)
        self.kind_combo = QComboBox()
        for code in KINDS:
            self.kind_combo.addItem(label(KINDS, code), code)
        self.start_edit = date_edit(start)
        self.end_edit = date_edit(end)
        self.day_edit = date_edit(today)
        self.assessors_edit = QLineEdit(assessor)
        self.assessors_edit.setMaxLength(200)
        self.note_edit = QLineEdit()
        form = QFormLayout()
        for text, widget in (
            (self.tr("网点(&U)："), self.unit_combo),
            (self.tr("考核类别(&K)："), self.kind_combo),
            (self.tr("考核期自(&S)："), self.start_edit),
            (self.tr("至(&E)："), self.end_edit),
            (self.tr("考核日期(&D)："), self.day_edit),
            (self.tr("考核人(&A)："), self.assessors_edit),
            (self.tr("备注(&N)："), self.note_edit),
        ):
            form.addRow(text, widget)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("建立 (Ctrl+Enter)"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        shortcuts(self, [("Ctrl+Return", self.submit), ("Ctrl+Enter", self.submit)])

    def submit(self) -> None:
        if self.unit_combo.currentData() is None:
            self.show_refusal(self.tr("没有网点可以考核。"))
            return
        self.submitted.emit(
            {
                "unit_id": self.unit_combo.currentData(),
                "kind": self.kind_combo.currentData(),
                "period_start": self.start_edit.date().toPython(),
                "period_end": self.end_edit.date().toPython(),
                "assessed_on": self.day_edit.date().toPython(),
                "assessors": self.assessors_edit.text(),
                "note": self.note_edit.text(),
            }
        )

    def show_refusal(self, problem: Exception | str) -> None:
        self.message_label.setText(str(problem))
        self.message_label.setStyleSheet(WARNING_STYLE)


class AssessmentDialog(QDialog):
    """One assessment, item by item (see the module's keys)."""

    loaded = Signal()  # the screen shows the assessment as stored
    data_changed = Signal()

    def __init__(
        self,
        database: Database,
        assessment_id: int,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.assessment_id = assessment_id
        self.current_staff = current_staff
        self.detail: AssessmentDetail | None = None
        self.setWindowTitle(self.tr("网点考核计分"))
        self.resize(1000, 680)
        self._build()
        self.reload()

    def _build(self) -> None:
        self.header_label = QLabel()
        self.header_label.setWordWrap(True)
        self.total_label = QLabel()
        self.total_label.setStyleSheet("font-weight: bold;")
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.comparison_label = QLabel()
        self.comparison_label.setWordWrap(True)
        self.items = read_only_table(
            [self.tr("序号"), self.tr("评估项目"), self.tr("项目"), self.tr("标准分"),
             self.tr("得分"), self.tr("计算"), self.tr("考核记录")]
        )  # fmt: skip
        self.items.currentCellChanged.connect(lambda *_: self._show_item())
        self.standard_label = QLabel()
        self.standard_label.setWordWrap(True)
        self.standard_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.evidence_label = QLabel()
        self.evidence_label.setWordWrap(True)
        self.deductions_list = QListWidget()
        self.deductions_list.setMaximumHeight(90)
        self.points_edit = QLineEdit()
        self.points_edit.setMaximumWidth(70)
        self.points_edit.setPlaceholderText("1")
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(500)
        self.override_edit = QLineEdit()
        self.override_edit.setMaxLength(500)
        self.reason_edit.returnPressed.connect(self.add_deduction)
        self.points_edit.returnPressed.connect(self.reason_edit.setFocus)
        entry = QHBoxLayout()
        for text, widget in (
            (self.tr("扣分(&P)："), self.points_edit),
            (self.tr("原因(&R)："), self.reason_edit),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            entry.addWidget(caption)
            entry.addWidget(widget, 0 if widget is self.points_edit else 1)
        override = QHBoxLayout()
        self.override_caption = QLabel(self.tr("改判原因(&O)："))
        self.override_caption.setBuddy(self.override_edit)
        override.addWidget(self.override_caption)
        override.addWidget(self.override_edit, 1)
        self.assessors_edit = QLineEdit()
        self.assessors_edit.setMaxLength(200)
        self.day_edit = date_edit(clock.today())
        self.note_edit = QLineEdit()
        details = QHBoxLayout()
        for text, widget in (
            (self.tr("考核人(&A)："), self.assessors_edit),
            (self.tr("考核日期(&D)："), self.day_edit),
            (self.tr("备注(&N)："), self.note_edit),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            details.addWidget(caption)
            details.addWidget(widget, 1)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.add_button = QPushButton(self.tr("记扣分 (Enter)"))
        self.add_button.clicked.connect(self.add_deduction)
        self.clear_button = QPushButton(self.tr("本项满分 (Ctrl+Backspace)"))
        self.clear_button.clicked.connect(self.clear_item)
        self.recompute_button = QPushButton(self.tr("重新计算 (F6)"))
        self.recompute_button.clicked.connect(self.recompute)
        self.details_button = QPushButton(self.tr("保存考核人 (Ctrl+S)"))
        self.details_button.clicked.connect(self.save_details)
        self.finalize_button = QPushButton(self.tr("签定 (Ctrl+Enter)"))
        self.finalize_button.clicked.connect(self.sign_off)
        self.print_button = QPushButton(self.tr("打印 (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_sheet)
        close_button = QPushButton(self.tr("关闭 (Esc)"))
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (
            self.add_button, self.clear_button, self.recompute_button, self.details_button,
            self.finalize_button, self.print_button, close_button,
        ):  # fmt: skip
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header_label)
        layout.addWidget(self.total_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.comparison_label)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.standard_label)
        layout.addWidget(self.evidence_label)
        layout.addWidget(self.deductions_list)
        layout.addLayout(entry)
        layout.addLayout(override)
        layout.addLayout(details)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        shortcuts(
            self,
            [
                ("Ctrl+Down", lambda: self.move(1)),
                ("Ctrl+Up", lambda: self.move(-1)),
                ("Ctrl+Backspace", self.clear_item),
                ("F6", self.recompute),
                ("Ctrl+S", self.save_details),
                ("Ctrl+Return", self.sign_off),
                ("Ctrl+Enter", self.sign_off),
                ("Ctrl+P", self.print_sheet),
            ],
        )
        shortcuts(self.deductions_list, [("Delete", self.remove_deduction)], WidgetContext)

    # Showing

    def reload(self) -> None:
        staff = self.current_staff()

        def load(session: Session, _progress: Progress) -> AssessmentDetail:
            return assessment_detail(session, staff, self.assessment_id)

        operation(self, self.database, load).on_success(self._show).on_failure(
            self.show_refusal
        ).run()

    def _show(self, detail: AssessmentDetail) -> None:
        keep = max(0, self.items.currentRow())
        first = self.detail is None
        self.detail = detail
        row = detail.row
        self.header_label.setText(
            self.tr("{unit}　{kind}　考核期 {start} 至 {end}　{status}").format(
                unit=row.unit_name, kind=label(KINDS, row.kind), start=row.period_start,
                end=row.period_end, status=label(STATUSES, row.status),
            )
        )  # fmt: skip
        self.total_label.setText(
            self.tr("总分 {total} 分（标准分合计 {standard} 分）　等次：{grade}").format(
                total=format_points(row.total_tenths),
                standard=format_points(row.standard_total_tenths),
                grade=label(GRADES, row.grade),
            )
        )
        self.warning_label.setText(detail.warning or "")
        self.warning_label.setVisible(bool(detail.warning))
        self.comparison_label.setText(self._comparison_text(detail))
        self.items.setRowCount(len(detail.scores))
        for n, score in enumerate(detail.scores):
            cells = [
                table_cell(str(score.item_number), True), table_cell(score.group_name), table_cell(score.item_name),
                table_cell(format_points(score.points_tenths), True),
                table_cell(format_points(score.score_tenths), True),
                table_cell(self.tr("系统") if score.computed else "", True), table_cell(score.record or ""),
            ]  # fmt: skip
            for column, cell in enumerate(cells):
                self.items.setItem(n, column, cell)
        self.items.resizeColumnsToContents()
        self.items.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        if detail.scores:
            self.items.setCurrentCell(min(keep, len(detail.scores) - 1), 0)
        if first:
            self.assessors_edit.setText(row.assessors or "")
            self.day_edit.setDate(QDate(row.assessed_on))
            self.note_edit.setText(detail.note or "")
            self.points_edit.setFocus()
        draft = row.status == "draft"
        for widget in (
            self.points_edit, self.reason_edit, self.override_edit, self.add_button,
            self.clear_button, self.recompute_button, self.details_button, self.finalize_button,
            self.assessors_edit, self.day_edit, self.note_edit,
        ):  # fmt: skip
            widget.setEnabled(draft)
        self._show_item()
        self.loaded.emit()

    def _comparison_text(self, detail: AssessmentDetail) -> str:
        c = detail.comparison
        if c is None:
            return self.tr("此网点此前没有已签定的考核。")
        change = detail.row.total_tenths - c.total_tenths
        moved = "；".join(
            f"{i.item_number} {i.item_name} "
            f"{format_points(i.before_tenths) if i.before_tenths is not None else '—'}→"
            f"{format_points(i.after_tenths) if i.after_tenths is not None else '—'}"
            for i in c.items
            if i.before_tenths != i.after_tenths
        )
        return self.tr("上次（{start} 至 {end}）{total} 分、{grade}；本次比上次 {change} 分。{moved}").format(
            start=c.period_start, end=c.period_end, total=format_points(c.total_tenths),
            grade=label(GRADES, c.grade), change=("+" if change > 0 else "") + format_points(change),
            moved=moved,
        )  # fmt: skip

    def current_score(self):
        row = self.items.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.scores):
            return None
        return self.detail.scores[row]

    def _show_item(self) -> None:
        score = self.current_score()
        self.deductions_list.clear()
        if score is None:
            return
        self.standard_label.setText(
            self.tr("{number}. {name}（标准分 {points}）　考评内容：{content}\n考评标准：{standard}").format(
                number=score.item_number, name=score.item_name,
                points=format_points(score.points_tenths), content=score.content or "",
                standard=score.standard,
            )
        )  # fmt: skip
        self.evidence_label.setText(
            self.tr("依据：{record}").format(record=score.record) if score.computed else ""
        )
        self.evidence_label.setVisible(score.computed)
        for d in score.deductions:
            self.deductions_list.addItem(f"-{format_points(d['points_tenths'])}　{d['reason']}")
        computed = score.computed
        self.override_caption.setVisible(computed)
        self.override_edit.setVisible(computed)

    def move(self, step: int) -> None:
        row = self.items.currentRow() + step
        if 0 <= row < self.items.rowCount():
            self.items.setCurrentCell(row, 0)
        self.points_edit.setFocus()
        self.points_edit.selectAll()

    # Changing

    def _store(
        self, work: Callable[[Session], object], done: str, after: Callable[[], None] | None = None
    ) -> None:
        def run(session: Session, _progress: Progress):
            work(session)
            return assessment_detail(session, self.current_staff(), self.assessment_id)

        def stored(detail: AssessmentDetail) -> None:
            self.show_message(done, SUCCESS_STYLE)
            self.data_changed.emit()
            self._show(detail)
            if after is not None:
                after()

        operation(self, self.database, run).writing().on_success(stored).on_failure(
            self.show_refusal
        ).run()

    def _deductions(self, score) -> list[tuple[int, str]]:
        return (
            [(d["points_tenths"], d["reason"]) for d in score.deductions]
            if not score.computed
            else []
        )

    def add_deduction(self) -> None:
        score = self.current_score()
        if score is None:
            return
        try:
            points = parse_points(self.points_edit.text() or "1")
        except AssessmentError as refused:
            self.show_refusal(refused)
            self.points_edit.setFocus()
            return
        entered = [*self._deductions(score), (points, self.reason_edit.text())]
        override = self.override_edit.text() if score.computed else None
        staff, number = self.current_staff(), score.item_number

        def work(session: Session) -> None:
            score_item(
                session, staff, self.assessment_id, number, entered, override_reason=override
            )

        def cleared() -> None:
            self.points_edit.clear()
            self.reason_edit.clear()
            self.override_edit.clear()
            self.points_edit.setFocus()

        self._store(work, self.tr("第 {number} 项已记扣分。").format(number=number), cleared)

    def remove_deduction(self) -> None:
        score = self.current_score()
        row = self.deductions_list.currentRow()
        if score is None or score.computed or not 0 <= row < len(score.deductions):
            return
        kept = self._deductions(score)
        del kept[row]
        staff, number = self.current_staff(), score.item_number
        self._store(
            lambda session: score_item(session, staff, self.assessment_id, number, kept),
            self.tr("已删去一次扣分。"),
        )

    def clear_item(self) -> None:
        score = self.current_score()
        if score is None:
            return
        staff, number = self.current_staff(), score.item_number
        override = self.override_edit.text() if score.computed else None
        self._store(
            lambda session: score_item(
                session, staff, self.assessment_id, number, [], override_reason=override
            ),
            self.tr("第 {number} 项为满分。").format(number=number),
        )

    def recompute(self) -> None:
        score = self.current_score()
        if score is None:
            return
        staff, number = self.current_staff(), score.item_number
        self._store(
            lambda session: recompute_item(session, staff, self.assessment_id, number),
            self.tr("第 {number} 项已重新计算。").format(number=number),
        )

    def save_details(self) -> None:
        staff = self.current_staff()
        day, assessors, note = (
            self.day_edit.date().toPython(),
            self.assessors_edit.text(),
            self.note_edit.text(),
        )
        self._store(
            lambda session: update_details(
                session, staff, self.assessment_id, assessed_on=day, assessors=assessors, note=note
            ),
            self.tr("考核人、日期和备注已保存。"),
        )

    def sign_off(self) -> None:
        if self.detail is None or self.detail.row.status != "draft":
            return
        answer = QMessageBox.question(
            self,
            self.tr("签定考核"),
            self.tr("签定后不能再修改。总分 {total} 分，等次 {grade}。确定签定吗？").format(
                total=format_points(self.detail.row.total_tenths),
                grade=label(GRADES, self.detail.row.grade),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        staff = self.current_staff()
        self._store(
            lambda session: finalize(session, staff, self.assessment_id), self.tr("已签定。")
        )

    def print_sheet(self) -> None:
        if self.detail is None:
            return
        staff = self.current_staff()
        name = f"考核计分表-{self.detail.row.unit_name}-{self.detail.row.period_end:%Y%m%d}"
        save_pdf(
            self, self.database,
            lambda session, path: save_assessment_sheet(session, staff, self.assessment_id, path),
            name, audited=True,
        )  # fmt: skip

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)

    def show_refusal(self, problem: Exception | str) -> None:
        self.show_message(str(problem), WARNING_STYLE)


class RankingDialog(QDialog):
    """The circulated ranking of outlets for a period (W 7.2.3.2), to Excel or PDF."""

    loaded = Signal()

    def __init__(self, database: Database, current_staff, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.setWindowTitle(self.tr("网点考核排名通报"))
        self.resize(720, 460)
        today = clock.today()
        self.start_edit = date_edit(date(today.year, 1, 1))
        self.end_edit = date_edit(date(today.year, 12, 31))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("全部类别"), None)
        for code in KINDS:
            self.kind_combo.addItem(label(KINDS, code), code)
        top = QHBoxLayout()
        for text, widget in (
            (self.tr("考核期截止自(&S)："), self.start_edit),
            (self.tr("至(&E)："), self.end_edit),
            (self.tr("类别(&K)："), self.kind_combo),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget)
        top.addStretch(1)
        for widget in (self.start_edit, self.end_edit):
            widget.dateChanged.connect(self.refresh)
        self.kind_combo.currentIndexChanged.connect(self.refresh)
        self.table = read_only_table([self.tr("名次"), self.tr("网点"), self.tr("类别"), self.tr("考核期"),
                             self.tr("总分"), self.tr("等次")])  # fmt: skip
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        excel = QPushButton(self.tr("导出 Excel (Ctrl+E)"))
        excel.clicked.connect(self.export_excel)
        pdf = QPushButton(self.tr("打印 PDF (Ctrl+P)"))
        pdf.clicked.connect(self.export_pdf)
        close_button = QPushButton(self.tr("关闭 (Esc)"))
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (excel, pdf):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        shortcuts(self, [("Ctrl+E", self.export_excel), ("Ctrl+P", self.export_pdf)])
        self.refresh()

    def _query(self):
        return (
            self.start_edit.date().toPython(),
            self.end_edit.date().toPython(),
            self.kind_combo.currentData(),
        )

    def refresh(self) -> None:
        start, end, kind = self._query()
        staff = self.current_staff()

        def load(session: Session, _progress: Progress):
            return ranking(session, staff, start, end, kind=kind)

        operation(self, self.database, load).on_success(self._show).on_failure(self._refused).run()

    def _show(self, result) -> None:
        self.table.setRowCount(len(result.rows))
        for n, r in enumerate(result.rows):
            for column, text in enumerate(
                (str(r.rank), r.unit_name, label(KINDS, r.kind), f"{r.period_start} – {r.period_end}",
                 format_points(r.total_tenths), label(GRADES, r.grade))
            ):  # fmt: skip
                self.table.setItem(n, column, table_cell(text, column != 1))
        self.table.resizeColumnsToContents()
        text = self.tr("共 {count} 个网点。").format(count=len(result.rows))
        if result.warning:
            text += " " + self.tr("所用计分表合计不是 100 分，等次仅供参考。")
        self.message_label.setText(text)
        self.message_label.setStyleSheet(WARNING_STYLE if result.warning else "")
        self.loaded.emit()

    def _refused(self, problem: Exception) -> None:
        self.table.setRowCount(0)
        self.message_label.setText(str(problem))
        self.message_label.setStyleSheet(WARNING_STYLE)
        self.loaded.emit()

    def export_excel(self) -> None:
        start, end, kind = self._query()
        path = file_dialogs.save_path(
            self, self.tr("导出考核排名"), "xlsx", f"网点考核排名-{start:%Y%m%d}-{end:%Y%m%d}.xlsx",
            self.tr("Excel 文件 (*.xlsx)"),
        )  # fmt: skip
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        staff = self.current_staff()

        def write(session: Session, _progress: Progress) -> Path:
            export_ranking_xlsx(session, staff, start, end, path, kind=kind)
            return path

        operation(self, self.database, write).writing().on_success(
            lambda saved: self.message_label.setText(self.tr("已导出到 {path}").format(path=saved))
        ).run()

    def export_pdf(self) -> None:
        start, end, kind = self._query()
        staff = self.current_staff()
        save_pdf(
            self, self.database,
            lambda session, path: save_ranking_pdf(session, staff, start, end, path, kind=kind),
            f"网点考核通报-{start:%Y%m%d}-{end:%Y%m%d}", audited=True,
        )  # fmt: skip


class SheetEditorDialog(QDialog):
    """The score sheet, for administrators: add, change, deactivate and renumber items.

    Ctrl+N a new item    Ctrl+S store the form    Ctrl+D deactivate / activate
    Ctrl+↑ / Ctrl+↓ move the item up / down
    """

    loaded = Signal()

    def __init__(self, database: Database, current_staff, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.sheet: Sheet | None = None
        self.editing = None  # the SheetItem in the form; None: a new item
        self.setWindowTitle(self.tr("考核计分表"))
        self.resize(900, 640)
        self.table = read_only_table([self.tr("序号"), self.tr("评估项目"), self.tr("项目"),
                             self.tr("标准分"), self.tr("计算"), self.tr("状态")])  # fmt: skip
        self.table.currentCellChanged.connect(lambda *_: self._fill_form())
        self.total_label = QLabel()
        self.total_label.setWordWrap(True)
        self.number_spin = QSpinBox()
        self.number_spin.setRange(1, 999)
        self.group_edit = QLineEdit()
        self.group_edit.setMaxLength(50)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.content_edit = QPlainTextEdit()
        self.content_edit.setTabChangesFocus(True)
        self.content_edit.setMaximumHeight(60)
        self.standard_edit = QPlainTextEdit()
        self.standard_edit.setTabChangesFocus(True)
        self.standard_edit.setMaximumHeight(70)
        self.points_edit = QLineEdit()
        self.rule_combo = QComboBox()
        self.rule_combo.addItem(rule_label(None), None)
        for code in RULES:
            self.rule_combo.addItem(rule_label(code), code)
        form = QFormLayout()
        for text, widget in (
            (self.tr("序号(&M)："), self.number_spin),
            (self.tr("评估项目(&G)："), self.group_edit),
            (self.tr("项目名称(&I)："), self.name_edit),
            (self.tr("考评内容(&C)："), self.content_edit),
            (self.tr("考评标准(&T)："), self.standard_edit),
            (self.tr("标准分数(&P)："), self.points_edit),
            (self.tr("计算规则(&R)："), self.rule_combo),
        ):
            form.addRow(text, widget)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("新项目 (Ctrl+N)"), self.new_item),
            (self.tr("保存 (Ctrl+S)"), self.save),
            (self.tr("停用/启用 (Ctrl+D)"), self.toggle_active),
            (self.tr("上移 (Ctrl+↑)"), lambda: self.move(-1)),
            (self.tr("下移 (Ctrl+↓)"), lambda: self.move(1)),
            (self.tr("关闭 (Esc)"), self.reject),
        ):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total_label)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        shortcuts(
            self,
            [
                ("Ctrl+N", self.new_item),
                ("Ctrl+S", self.save),
                ("Ctrl+D", self.toggle_active),
                ("Ctrl+Up", lambda: self.move(-1)),
                ("Ctrl+Down", lambda: self.move(1)),
            ],
        )
        self._run(lambda session: None)

    def _run(
        self, work: Callable[[Session], object], done: str = "", select: int | None = None
    ) -> None:
        def run(session: Session, _progress: Progress) -> Sheet:
            work(session)
            return score_sheet(session)

        def shown(sheet: Sheet) -> None:
            if done:
                self.message_label.setText(done)
                self.message_label.setStyleSheet(SUCCESS_STYLE)
            self._show(sheet, select)

        op = operation(self, self.database, run).on_success(shown).on_failure(self._refused)
        (op.writing() if done else op).run()

    def _show(self, sheet: Sheet, select: int | None) -> None:
        keep = self.table.currentRow()
        self.sheet = sheet
        self.table.setRowCount(len(sheet.items))
        for n, item in enumerate(sheet.items):
            for column, text in enumerate(
                (str(item.number), item.group_name, item.name, format_points(item.points_tenths),
                 self.tr("系统") if item.rule else "",
                 self.tr("启用") if item.active else self.tr("停用"))
            ):  # fmt: skip
                self.table.setItem(n, column, table_cell(text, column in (0, 3, 4, 5)))
        self.table.resizeColumnsToContents()
        row = next((n for n, i in enumerate(sheet.items) if i.number == select), None)
        if row is None:
            row = min(max(keep, 0), len(sheet.items) - 1)
        if sheet.items:
            self.table.setCurrentCell(row, 0)
        self._fill_form()
        total = format_points(sheet.total_tenths)
        warning = sheet_warning(sheet.total_tenths)
        self.total_label.setText(
            self.tr("启用项目的标准分合计 {total} 分。").format(total=total)
            + (" " + warning if warning else "")
        )
        self.total_label.setStyleSheet("" if warning is None else WARNING_STYLE)
        self.loaded.emit()

    def current_item(self):
        row = self.table.currentRow()
        if self.sheet is None or not 0 <= row < len(self.sheet.items):
            return None
        return self.sheet.items[row]

    def _fill_form(self) -> None:
        item = self.current_item()
        if item is None:
            return
        self.editing = item
        self.number_spin.setValue(item.number)
        self.group_edit.setText(item.group_name)
        self.name_edit.setText(item.name)
        self.content_edit.setPlainText(item.content)
        self.standard_edit.setPlainText(item.standard)
        self.points_edit.setText(format_points(item.points_tenths))
        self.rule_combo.setCurrentIndex(max(0, self.rule_combo.findData(item.rule)))

    def new_item(self) -> None:
        self.editing = None
        last = max((i.number for i in self.sheet.items), default=0) if self.sheet else 0
        self.number_spin.setValue(last + 1)
        for edit in (self.name_edit, self.points_edit):
            edit.clear()
        self.content_edit.clear()
        self.standard_edit.clear()
        self.rule_combo.setCurrentIndex(0)
        self.message_label.setText(self.tr("新项目：填好后按 Ctrl+S 保存。"))
        self.message_label.setStyleSheet("")
        self.number_spin.setFocus()

    def _input(self) -> ItemInput:
        return ItemInput(
            self.number_spin.value(), self.group_edit.text(), self.name_edit.text(),
            self.content_edit.toPlainText(), self.standard_edit.toPlainText(),
            parse_points(self.points_edit.text(), field="points"), self.rule_combo.currentData(),
        )  # fmt: skip

    def save(self) -> None:
        try:
            data = self._input()
        except AssessmentError as refused:
            self._refused(refused)
            return
        staff, editing = self.current_staff(), self.editing
        if editing is None:
            self._run(
                lambda session: add_item(session, staff, data),
                self.tr("已新增第 {n} 项。").format(n=data.number),
                data.number,
            )
            return
        self._run(
            lambda session: update_item(
                session, staff, self._seeded_id(session, staff, editing.number), data
            ),
            self.tr("已保存第 {n} 项。").format(n=data.number),
            data.number,
        )

    @staticmethod
    def _seeded_id(session: Session, staff: StaffMember | None, number: int) -> int:
        """The id of the item of this number; an administrator's first change writes the
        default sheet first (the service refuses anyone else before anything is written)."""
        require_permission(session, staff.id if staff else None, Permission.ADMINISTER)
        ensure_default_sheet(session, staff.id if staff else None)
        found = next((i.id for i in score_sheet(session).items if i.number == number), None)
        if found is None:
            raise AssessmentError(
                QCoreApplication.translate("SheetEditor", "此项目已不存在，请刷新")
            )
        return found

    def toggle_active(self) -> None:
        item = self.current_item()
        if item is None:
            return
        staff = self.current_staff()
        self._run(
            lambda session: set_item_active(session, staff, self._seeded_id(session, staff, item.number), not item.active),
            self.tr("第 {n} 项已{what}。").format(n=item.number, what=self.tr("启用") if not item.active else self.tr("停用")),
            item.number,
        )  # fmt: skip

    def move(self, step: int) -> None:
        item = self.current_item()
        if item is None:
            return
        staff = self.current_staff()

        def work(session: Session) -> None:
            move_item(session, staff, self._seeded_id(session, staff, item.number), step)

        self._run(work, self.tr("已调整顺序。"), item.number + step)

    def _refused(self, problem: Exception | str) -> None:
        self.message_label.setText(str(problem))
        self.message_label.setStyleSheet(WARNING_STYLE)
