"""网点考核: the outlets' assessments (W 7.2, 附录 G) — the list, a new one, the item-by-item
entry, sign-off, the printed sheet, the ranking and (administrators) the score sheet.

    Ctrl+N               a new assessment (every active item at full points, 服务礼仪 computed)
    Enter / double click open it: item by item (see ui/supervision/assessment_dialogs.py)
    Ctrl+R               the ranking of outlets for a period (Excel, PDF)
    Ctrl+Shift+S         the score sheet (administrators)
    F5                   refresh
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.assessment import GRADES, KINDS, STATUSES, format_points, label
from app.assessment.service import AssessmentRow, list_assessments, new_assessment
from app.roles import Permission
from app.staff import StaffMember
from app.units import unit_choices
from db.database import Database
from ui.error_dialog import show_refusal
from ui.operations import Progress, delete_when_idle, operation
from ui.shortcuts import enter_activates, shortcuts
from ui.supervision.assessment_dialogs import (
    SUCCESS_STYLE,
    WARNING_STYLE,
    AssessmentDialog,
    NewAssessmentDialog,
    RankingDialog,
    SheetEditorDialog,
    read_only_table,
    table_cell,
)


@dataclass
class Listing:
    rows: list[AssessmentRow]
    units: list[tuple[int, str]]


class AssessmentTab(QWidget):
    listed = Signal()
    data_changed = Signal()
    dialog_opened = Signal(object)  # any dialog of the tab, once open

    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.rows: list[AssessmentRow] = []
        self.units: list[tuple[int, str]] = []
        self.dialog = None
        self._build()
        self._update_enabled()

    def _build(self) -> None:
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(self.tr("全部网点"), None)
        self.unit_combo.currentIndexChanged.connect(self.refresh)
        caption = QLabel(self.tr("网点(&U)："))
        caption.setBuddy(self.unit_combo)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(caption)
        top.addWidget(self.unit_combo)
        top.addStretch(1)
        top.addWidget(self.count_label)
        self.table = read_only_table(
            [self.tr("网点"), self.tr("考核类别"), self.tr("考核期"), self.tr("考核日期"),
             self.tr("总分"), self.tr("等次"), self.tr("状态")]
        )  # fmt: skip
        self.table.doubleClicked.connect(self.open_current)
        self.table.itemSelectionChanged.connect(self._update_enabled)
        self.new_button = QPushButton(self.tr("新建考核 (Ctrl+N)"))
        self.new_button.clicked.connect(self.new)
        self.open_button = QPushButton(self.tr("打开 (Enter)"))
        self.open_button.clicked.connect(self.open_current)
        self.ranking_button = QPushButton(self.tr("排名通报 (Ctrl+R)"))
        self.ranking_button.clicked.connect(self.open_ranking)
        self.sheet_button = QPushButton(self.tr("计分表 (Ctrl+Shift+S)"))
        self.sheet_button.clicked.connect(self.open_sheet)
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.ranking_button, self.sheet_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            actions.addWidget(button)
        actions.addWidget(self.message_label, 1)
        self.refresh_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        actions.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.shortcuts = shortcuts(
            self,
            [
                ("Ctrl+N", self.new),
                ("Ctrl+R", self.open_ranking),
                ("Ctrl+Shift+S", self.open_sheet),
                ("F5", self.refresh),
            ],
        )
        self.shortcuts += enter_activates(self.table, self.open_current)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def staff_changed(self) -> None:
        self._update_enabled()
        self.refresh()

    def _update_enabled(self) -> None:
        staff = self.current_staff()
        self.new_button.setEnabled(staff is None or staff.may(Permission.ASSESS_OUTLETS))
        self.sheet_button.setEnabled(staff is None or staff.may(Permission.ADMINISTER))
        self.open_button.setEnabled(self.current_row() is not None)

    # The list

    def refresh(self) -> None:
        staff = self.current_staff()
        unit_id = self.unit_combo.currentData()

        def load(session: Session, _progress: Progress) -> Listing:
            return Listing(list_assessments(session, staff, unit_id=unit_id), unit_choices(session))

        operation(self, self.database, load).on_success(self._show).on_failure(self._refused).run()

    def _refused(self, problem: Exception) -> None:
        self.show_message(str(problem), WARNING_STYLE)
        self.listed.emit()

    def _show(self, listing: Listing) -> None:
        current = self.current_row()
        self.rows, self.units = listing.rows, listing.units
        self.unit_combo.blockSignals(True)
        unit_id = self.unit_combo.currentData()
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("全部网点"), None)
        for each_id, name in listing.units:
            self.unit_combo.addItem(name, each_id)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit_id)))
        self.unit_combo.blockSignals(False)
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            texts = (
                row.unit_name, label(KINDS, row.kind), f"{row.period_start} – {row.period_end}",
                str(row.assessed_on), format_points(row.total_tenths), label(GRADES, row.grade),
                label(STATUSES, row.status),
            )  # fmt: skip
            for column, text in enumerate(texts):
                self.table.setItem(n, column, table_cell(text, column >= 3))
        self.table.resizeColumnsToContents()
        self.count_label.setText(self.tr("共 {count} 次考核").format(count=len(self.rows)))
        if current is not None:
            self.select(current.id)
        self._update_enabled()
        self.listed.emit()

    def current_row(self) -> AssessmentRow | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows) and self.table.selectionModel().isRowSelected(row):
            return self.rows[row]
        return None

    def select(self, assessment_id: int) -> bool:
        for n, row in enumerate(self.rows):
            if row.id == assessment_id:
                self.table.selectRow(n)
                return True
        return False

    # Dialogs

    def _open(self, dialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
            delete_when_idle(self.dialog)
        self.dialog = dialog
        dialog.finished.connect(self.refresh)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def open_current(self) -> None:
        row = self.current_row()
        if row is None:
            self.show_message(self.tr("请先在列表中选择一次考核。"), WARNING_STYLE)
            return
        self.open_assessment(row.id)

    def open_assessment(self, assessment_id: int) -> AssessmentDialog:
        dialog = AssessmentDialog(self.database, assessment_id, self.current_staff, self)
        dialog.data_changed.connect(self.data_changed)
        self._open(dialog)
        return dialog

    def open_ranking(self) -> None:
        self._open(RankingDialog(self.database, self.current_staff, self))

    def open_sheet(self) -> None:
        staff = self.current_staff()
        if staff is not None and not staff.may(Permission.ADMINISTER):
            show_refusal(self, self.tr("只有管理员可以修改考核计分表。"))
            return
        self._open(SheetEditorDialog(self.database, self.current_staff, self))

    def new(self) -> None:
        staff = self.current_staff()
        if staff is not None and not staff.may(Permission.ASSESS_OUTLETS):
            show_refusal(self, self.tr("您的角色不能考核网点。"))
            return
        dialog = NewAssessmentDialog(self.units, staff.name if staff else "", self)
        dialog.submitted.connect(lambda values: self._create(dialog, values))
        self._open(dialog)

    def _create(self, dialog: NewAssessmentDialog, values: dict) -> None:
        staff = self.current_staff()

        def create(session: Session, _progress: Progress) -> int:
            return new_assessment(session, staff, **values)

        def created(assessment_id: int) -> None:
            dialog.accept()
            self.show_message(self.tr("已建立考核，请逐项录入。"), SUCCESS_STYLE)
            self.data_changed.emit()
            self.open_assessment(assessment_id)

        operation(self, self.database, create).writing().on_success(created).on_failure(
            dialog.show_refusal
        ).run()

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
