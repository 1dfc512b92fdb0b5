"""整改措施: corrective and preventive actions (W 7.4, 附录 I), and the dissatisfaction that keeps
recurring at a unit for one reason, quarter by quarter.

    Ctrl+N                new action              Enter / double click  edit the action
    F6                    mark it carried out     F7                    verify (team leads)
    Ctrl+P                print 附录 I             F5                    refresh
    Ctrl+R                new action for the chosen recurring row (in the lower panel)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.complaints.corrective import (
    FROM_DISSATISFACTION,
    SOURCES,
    STATUSES,
    CapaInput,
    CapaRow,
    RecurringReport,
    RecurringRow,
    capa_list,
    complete_capa,
    create_capa,
    recurring_dissatisfaction,
    source_label,
    status_label,
    update_capa,
    verify_capa,
)
from app.complaints.registry import Choices, choices
from app.printing.complaint_forms import capa_form_pdf
from app.roles import Permission
from app.staff import StaffMember
from db.database import Database
from ui.complaints.capa_dialog import CapaDialog, VerifyDialog
from ui.complaints.pdf_saving import save_pdf
from ui.complaints.step_dialogs import StepDialog, open_form
from ui.desk.display import ERROR_COLOR, local_time
from ui.error_dialog import refusal_text, show_refusal
from ui.name_combo import name_combo
from ui.operations import Progress, operation
from ui.rows_model import RowsModel
from ui.shortcuts import enter_activates, shortcuts

SUCCESS_STYLE = "color: #2e7d32; font-weight: bold;"
WARNING_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"
STATUS_COLORS = {"verified": "#2e7d32", "ineffective": ERROR_COLOR, "completed": "#1a5fb4"}


class CapaModel(RowsModel):
    CONTEXT = "CapaModel"
    HEADERS = {
        0: QT_TRANSLATE_NOOP("CapaModel", "编号"),
        1: QT_TRANSLATE_NOOP("CapaModel", "信息来源"),
        2: QT_TRANSLATE_NOOP("CapaModel", "网点"),
        3: QT_TRANSLATE_NOOP("CapaModel", "关联"),
        4: QT_TRANSLATE_NOOP("CapaModel", "责任人"),
        5: QT_TRANSLATE_NOOP("CapaModel", "完成期限"),
        6: QT_TRANSLATE_NOOP("CapaModel", "状态"),
        7: QT_TRANSLATE_NOOP("CapaModel", "验证"),
        8: QT_TRANSLATE_NOOP("CapaModel", "问题描述"),
    }
    COL_DUE = 5
    COL_STATUS = 6
    COL_PROBLEM = 8

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row: CapaRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_PROBLEM:
            return row.problem
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.COL_DUE and row.overdue and row.status != "verified":
                return QColor(ERROR_COLOR)
            if column == self.COL_STATUS and row.status in STATUS_COLORS:
                return QColor(STATUS_COLORS[row.status])
        return None

    def _text(self, row: CapaRow, column: int) -> str:
        if column == 0:
            return row.number or ""
        if column == 1:
            return row.source_label
        if column == 2:
            return row.unit_name or ""
        if column == 3:
            return row.complaint_number or row.reason_label or ""
        if column == 4:
            return row.owner or ""
        if column == 5:
            if row.due_on is None:
                return ""
            late = self.tr("（逾期）") if row.overdue and row.status != "verified" else ""
            return row.due_on.isoformat() + late
        if column == 6:
            return row.status_label
        if column == 7:
            if row.verified_at is None:
                return ""
            return f"{row.verified_by or ''} {local_time(row.verified_at, '%Y-%m-%d')}".strip()
        return " ".join(row.problem.split())


class RecurringModel(RowsModel):
    CONTEXT = "RecurringModel"
    HEADERS = {
        0: QT_TRANSLATE_NOOP("RecurringModel", "网点"),
        1: QT_TRANSLATE_NOOP("RecurringModel", "不满意原因"),
        2: QT_TRANSLATE_NOOP("RecurringModel", "本季度次数"),
        3: QT_TRANSLATE_NOOP("RecurringModel", "反复出现"),
        4: QT_TRANSLATE_NOOP("RecurringModel", "已有措施"),
    }

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row: RecurringRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.unit_name,
                row.reason_label,
                str(row.count),
                self.tr("是") if row.recurring else "",
                "、".join(row.capa_numbers) or (self.tr("尚无（需制定）") if row.recurring else ""),
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and row.recurring:
            return QColor("#2e7d32" if row.covered else ERROR_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass
class Listing:
    rows: list[CapaRow]
    recurring: RecurringReport
    choices: Choices


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


class CapaTab(QWidget):
    data_changed = Signal()  # an action was stored
    listed = Signal()  # the rows on screen are up to date
    step_opened = Signal(object)  # a form opened (CapaDialog or VerifyDialog)
    pdf_saved = Signal(object)  # Path

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
        self.step_dialog: StepDialog | None = None
        self._build()
        self._add_shortcuts()
        self._update_enabled()

    # Building

    def _build(self) -> None:
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("全部状态"), None)
        for code in STATUSES:
            self.status_combo.addItem(status_label(code), code)
        self.unit_combo = name_combo()
        self.unit_combo.addItem(self.tr("全部网点"), None)
        self.source_combo = QComboBox()
        self.source_combo.addItem(self.tr("全部来源"), None)
        for code in SOURCES:
            self.source_combo.addItem(source_label(code), code)
        for combo in (self.status_combo, self.unit_combo, self.source_combo):
            combo.currentIndexChanged.connect(self.refresh)
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("状态(&T)："), self.status_combo),
            (self.tr("网点(&U)："), self.unit_combo),
            (self.tr("来源(&O)："), self.source_combo),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
            filters.addSpacing(6)
        filters.addStretch(1)
        self.count_label = QLabel()
        filters.addWidget(self.count_label)

        self.model = CapaModel(self)
        self.table = self._table(self.model)
        self.table.doubleClicked.connect(self.edit_current)
        self.table.selectionModel().selectionChanged.connect(self._update_enabled)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for name, text, slot in (
            ("new", self.tr("新建措施 (Ctrl+N)"), self.new_capa),
            ("edit", self.tr("编辑 (Enter)"), self.edit_current),
            ("complete", self.tr("已落实 (F6)"), self.complete_current),
            ("verify", self.tr("验证 (F7)"), self.verify_current),
            ("print", self.tr("打印附录 I (Ctrl+P)"), self.print_current),
        ):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            self.buttons[name] = button
            actions.addWidget(button)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        actions.addWidget(self.message_label, 1)
        refresh_button = QPushButton(self.tr("刷新 (F5)"))
        refresh_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        refresh_button.clicked.connect(self.refresh)
        actions.addWidget(refresh_button)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(actions)

        today = clock.local_now().date()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        self.quarter_combo = QComboBox()
        for quarter in (1, 2, 3, 4):
            self.quarter_combo.addItem(self.tr("第 {q} 季度").format(q=quarter), quarter)
        self.quarter_combo.setCurrentIndex(_quarter_of(today) - 1)
        self.year_spin.valueChanged.connect(self.refresh)
        self.quarter_combo.currentIndexChanged.connect(self.refresh)
        self.threshold_label = QLabel()
        self.threshold_label.setStyleSheet("color: #555555;")
        self.recurring_model = RecurringModel(self)
        self.recurring_table = self._table(self.recurring_model)
        self.recurring_table.selectionModel().selectionChanged.connect(self._update_enabled)
        self.recurring_table.doubleClicked.connect(self.new_for_recurring)
        self.recurring_button = QPushButton(self.tr("为所选行新建措施 (Ctrl+R)"))
        self.recurring_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recurring_button.clicked.connect(self.new_for_recurring)
        period = QHBoxLayout()
        year_label = QLabel(self.tr("年份(&Y)："))
        year_label.setBuddy(self.year_spin)
        quarter_label = QLabel(self.tr("季度(&Q)："))
        quarter_label.setBuddy(self.quarter_combo)
        for widget in (year_label, self.year_spin, quarter_label, self.quarter_combo):
            period.addWidget(widget)
        period.addSpacing(12)
        period.addWidget(self.threshold_label, 1)
        period.addWidget(self.recurring_button)
        recurring_box = QGroupBox(self.tr("反复出现的不满意（同一网点、同一原因的二次回访）"))
        recurring_layout = QVBoxLayout(recurring_box)
        recurring_layout.addLayout(period)
        recurring_layout.addWidget(self.recurring_table, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(recurring_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _table(self, model: RowsModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _add_shortcuts(self) -> None:
        self.shortcuts: list[QShortcut] = []
        for keys, slot in (
            ("Ctrl+N", self.new_capa),
            ("F6", self.complete_current),
            ("F7", self.verify_current),
            ("Ctrl+P", self.print_current),
            ("Ctrl+R", self.new_for_recurring),
            ("F5", self.refresh),
        ):
            self.shortcuts += shortcuts(self, [(keys, slot)])  # only while the tab shows
        self.shortcuts += enter_activates(self.table, self.edit_current)
        self.shortcuts += enter_activates(self.recurring_table, self.new_for_recurring)

    def showEvent(self, event: QShowEvent) -> None:
        """Read the list whenever the tab comes into view: another tab (or window) may have
        stored something meanwhile."""
        super().showEvent(event)
        self.refresh()

    def staff_changed(self) -> None:
        """The person at the seat changed: what they may do changes with their role."""
        self._update_enabled()

    # The lists

    def refresh(self) -> None:
        status = self.status_combo.currentData()
        unit_id = self.unit_combo.currentData()
        source = self.source_combo.currentData()
        year, quarter = self.year_spin.value(), self.quarter_combo.currentData()
        now = clock.local_now()

        def load(session: Session, _progress: Progress) -> Listing:
            return Listing(
                capa_list(session, status=status, unit_id=unit_id, source=source, now=now),
                recurring_dissatisfaction(session, year, quarter),
                choices(session),
            )

        (
            operation(self, self.database, load)
            .on_success(self._show_listing)
            .on_failure(self._show_problem)
            .run()
        )

    def _show_listing(self, listing: Listing) -> None:
        chosen = self.current_capa()
        self.choices = listing.choices
        self.unit_combo.blockSignals(True)
        unit_id = self.unit_combo.currentData()
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("全部网点"), None)
        for each_id, name in listing.choices.units:
            self.unit_combo.addItem(name, each_id)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit_id)))
        self.unit_combo.blockSignals(False)
        self.model.show_rows(listing.rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            CapaModel.COL_PROBLEM, QHeaderView.ResizeMode.Stretch
        )
        if chosen is not None:
            self.select_capa(chosen.id)
        report = listing.recurring
        self.recurring_model.show_rows(report.rows)
        self.recurring_table.resizeColumnsToContents()
        self.count_label.setText(self.tr("共 {count} 条").format(count=len(listing.rows)))
        self.threshold_label.setText(
            self.tr(
                "同一网点同一原因一季度达到 {threshold} 次视为反复出现；"
                "本季度 {recurring} 项，其中 {uncovered} 项尚无措施。"
            ).format(
                threshold=report.threshold,
                recurring=len(report.recurring),
                uncovered=len(report.uncovered),
            )
        )
        self._update_enabled()
        self.listed.emit()

    def select_capa(self, capa_id: int) -> bool:
        for number, row in enumerate(self.model.rows()):
            if row.id == capa_id:
                self.table.selectRow(number)
                return True
        return False

    def current_capa(self) -> CapaRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def current_recurring(self) -> RecurringRow | None:
        rows = self.recurring_table.selectionModel().selectedRows()
        return self.recurring_model.row_at(rows[0].row()) if rows else None

    def _update_enabled(self) -> None:
        staff = self.current_staff()
        capa = self.current_capa()
        handles = staff is not None and staff.may(Permission.REGISTER_COMPLAINTS)
        leads = staff is not None and staff.may(Permission.LEAD_BOARD)
        self.buttons["new"].setEnabled(handles)
        self.buttons["edit"].setEnabled(handles and capa is not None and capa.status != "verified")
        self.buttons["complete"].setEnabled(
            handles and capa is not None and capa.status in ("open", "ineffective")
        )
        self.buttons["verify"].setEnabled(leads and capa is not None and capa.status == "completed")
        self.buttons["verify"].setToolTip("" if leads else self.tr("仅组长、管理员可以验证"))
        self.buttons["print"].setEnabled(capa is not None)
        self.recurring_button.setEnabled(handles and self.current_recurring() is not None)

    # Steps

    def _staff(self) -> StaffMember | None:
        staff = self.current_staff()
        if staff is None:
            show_refusal(self, self.tr("请先在看板上方选择当前用户。"))
        return staff

    def _store(self, dialog: StepDialog | None, work: Callable[[Session], Any], message: str):
        """Run a step in its own transaction; select the action it stored, say so."""

        def store(session: Session, _progress: Progress) -> int:
            return work(session).id

        def stored(capa_id: int) -> None:
            if dialog is not None:
                dialog.accept()
            self.show_message(message, SUCCESS_STYLE)
            self.data_changed.emit()

            def select() -> None:
                self.listed.disconnect(select)
                self.select_capa(capa_id)

            self.listed.connect(select)
            self.refresh()

        def refused(problem: Exception) -> None:
            if dialog is None:
                self.show_message(refusal_text(problem), WARNING_STYLE)
            else:
                dialog.show_refusal(problem)

        operation(self, self.database, store).writing().on_success(stored).on_failure(refused).run()

    def _editor(self, title: str, initial: CapaInput, save: Callable[[Session, CapaInput], Any]):
        dialog = CapaDialog(title, initial, self.choices, self)

        def submitted(data: CapaInput) -> None:
            self._store(dialog, lambda s: save(s, data), self.tr("已保存纠正和预防措施。"))

        dialog.submitted.connect(submitted)
        open_form(self, dialog, self.step_opened)

    def new_capa(self) -> None:
        staff = self._staff()
        if staff is None:
            return
        now = clock.local_now()
        self._editor(
            self.tr("新建纠正和预防措施"),
            CapaInput(source=FROM_DISSATISFACTION, problem=""),
            lambda s, data: create_capa(s, data, by_id=staff.id, now=now),
        )

    def new_for_recurring(self) -> None:
        row = self.current_recurring()
        staff = self._staff() if row is not None else None
        if row is None or staff is None:
            return
        now = clock.local_now()
        year, quarter = self.year_spin.value(), self.quarter_combo.currentData()
        problem = self.tr("{year} 年第 {quarter} 季度{unit}因“{reason}”不满意 {count} 次。").format(
            year=year, quarter=quarter, unit=row.unit_name, reason=row.reason_label, count=row.count
        )
        self._editor(
            self.tr("为反复出现的不满意新建措施"),
            CapaInput(
                source=FROM_DISSATISFACTION,
                unit_id=row.unit_id,
                reason_category=row.reason_category,
                problem=problem,
            ),
            lambda s, data: create_capa(s, data, by_id=staff.id, now=now),
        )

    def edit_current(self) -> None:
        capa = self.current_capa()
        staff = self._staff() if capa is not None else None
        if capa is None or staff is None:
            return
        if capa.status == "verified":
            self.show_message(self.tr("已验证有效的措施不能再修改。"), WARNING_STYLE)
            return
        now, capa_id = clock.local_now(), capa.id
        self._editor(
            self.tr("编辑纠正和预防措施 {number}").format(number=capa.number),
            capa.input(),
            lambda s, data: update_capa(s, capa_id, data, by_id=staff.id, now=now),
        )

    def complete_current(self) -> None:
        capa = self.current_capa()
        staff = self._staff() if capa is not None else None
        if capa is None or staff is None:
            return
        now, capa_id = clock.local_now(), capa.id
        self._store(
            None,
            lambda s: complete_capa(s, capa_id, by_id=staff.id, now=now),
            self.tr("{number} 已落实，等待验证。").format(number=capa.number),
        )

    def verify_current(self) -> None:
        capa = self.current_capa()
        staff = self._staff() if capa is not None else None
        if capa is None or staff is None:
            return
        if not staff.may(Permission.LEAD_BOARD):
            show_refusal(self, self.tr("仅组长、管理员可以验证纠正和预防措施。"))
            return
        dialog = VerifyDialog(capa.number or "", staff.name, self)
        now, capa_id = clock.local_now(), capa.id

        def submitted(effective: bool, verification: str, verified_by: str) -> None:
            self._store(
                dialog,
                lambda s: verify_capa(
                    s,
                    capa_id,
                    by_id=staff.id,
                    effective=effective,
                    verification=verification,
                    verified_by=verified_by,
                    now=now,
                ),
                self.tr("已验证 {number}。").format(number=capa.number),
            )

        dialog.submitted.connect(submitted)
        open_form(self, dialog, self.step_opened)

    def print_current(self) -> None:
        capa = self.current_capa()
        if capa is None:
            return
        now, capa_id = clock.local_now(), capa.id

        def saved(path) -> None:
            self.show_message(self.tr("已保存 {path}。").format(path=path), SUCCESS_STYLE)
            self.pdf_saved.emit(path)

        save_pdf(
            self,
            self.database,
            lambda session, path: capa_form_pdf(session, capa_id, path, now),
            self.tr("纠正和预防措施记录-{number}").format(number=capa.number),
            saved,
        )

    # Messages

    def _show_problem(self, problem: Exception) -> None:
        self.show_message(refusal_text(problem), WARNING_STYLE)

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
