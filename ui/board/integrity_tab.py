"""廉洁反映: the integrity reports (SPEC rule 7), for team leads and administrators only — the
list, the case behind each (Enter), and marking one handled with what was done (F7)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.callbacks.escalations import OPEN, EscalationRow, escalation_rows, handle_escalation
from app.roles import Permission
from app.staff import StaffMember
from db.database import Database
from ui.board.step_dialogs import ReasonDialog
from ui.board.task_dialog import CaseHistoryDialog
from ui.desk.display import ERROR_COLOR, local_time
from ui.error_dialog import show_refusal
from ui.operations import Progress, delete_when_idle, operation
from ui.rows_model import RowsModel
from ui.shortcuts import enter_activates, shortcuts

(
    COL_STATUS,
    COL_CASE,
    COL_UNIT,
    COL_REPORTED,
    COL_REPORTER,
    COL_DETAILS,
    COL_HANDLER,
    COL_RESOLUTION,
) = range(8)


class EscalationModel(RowsModel):
    CONTEXT = "EscalationModel"
    HEADERS = {
        COL_STATUS: QT_TRANSLATE_NOOP("EscalationModel", "状态"),
        COL_CASE: QT_TRANSLATE_NOOP("EscalationModel", "业务编号"),
        COL_UNIT: QT_TRANSLATE_NOOP("EscalationModel", "受理单位"),
        COL_REPORTED: QT_TRANSLATE_NOOP("EscalationModel", "反映日期"),
        COL_REPORTER: QT_TRANSLATE_NOOP("EscalationModel", "记录人"),
        COL_DETAILS: QT_TRANSLATE_NOOP("EscalationModel", "具体情况"),
        COL_HANDLER: QT_TRANSLATE_NOOP("EscalationModel", "处理人"),
        COL_RESOLUTION: QT_TRANSLATE_NOOP("EscalationModel", "处理情况"),
    }

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: EscalationRow = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                COL_STATUS: row.status_label,
                COL_CASE: row.case_no,
                COL_UNIT: row.unit,
                COL_REPORTED: row.reported_on.isoformat(),
                COL_REPORTER: row.reported_by or "",
                COL_DETAILS: row.details,
                COL_HANDLER: (
                    f"{row.handled_by or ''} {local_time(row.handled_at, '%m-%d')}".strip()
                ),
                COL_RESOLUTION: row.resolution or "",
            }[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (COL_DETAILS, COL_RESOLUTION):
            return row.details if index.column() == COL_DETAILS else row.resolution
        if role == Qt.ItemDataRole.ForegroundRole and row.status == OPEN:
            return QBrush(QColor(ERROR_COLOR))
        return None


class IntegrityTab(QWidget):
    data_changed = Signal()
    listed = Signal()

    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.history_dialog: CaseHistoryDialog | None = None
        self.step_dialog: ReasonDialog | None = None

        note = QLabel(
            self.tr("被回访人反映有违反廉洁纪律的情况。仅组长、管理员可见，请核查后记录处理情况。")
        )
        note.setWordWrap(True)
        self.open_only = QCheckBox(self.tr("只看待处理(&O)"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.refresh)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(note, 1)
        top.addWidget(self.open_only)
        top.addWidget(self.count_label)

        self.model = EscalationModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(self.open_case)
        self.table.selectionModel().selectionChanged.connect(self._update_enabled)

        self.handle_button = QPushButton(self.tr("标记已处理 (F7)"))
        self.handle_button.clicked.connect(self.mark_handled)
        self.open_button = QPushButton(self.tr("查看业务件 (Enter)"))
        self.open_button.clicked.connect(self.open_case)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.handle_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        shortcuts(self, [("F7", self.mark_handled), ("F5", self.refresh)])
        enter_activates(self.table, self.open_case)
        self._update_enabled()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        staff = self.current_staff()
        if staff is None or not staff.may(Permission.SEE_INTEGRITY):
            self.model.show_rows([])  # never kept on screen for a role that may not see it
            self.listed.emit()
            return
        open_only = self.open_only.isChecked()

        def load(session: Session, _progress: Progress) -> Any:
            return escalation_rows(session, staff.id, open_only=open_only)

        operation(self, self.database, load).on_success(self._show_rows).run()

    def _show_rows(self, rows: list[EscalationRow]) -> None:
        self.model.show_rows(rows)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_DETAILS, QHeaderView.ResizeMode.Stretch)
        # Room for who handled it and how, even while the list holds only open reports.
        self.table.setColumnWidth(COL_HANDLER, max(self.table.columnWidth(COL_HANDLER), 110))
        self.table.setColumnWidth(
            COL_RESOLUTION, min(max(self.table.columnWidth(COL_RESOLUTION), 220), 320)
        )
        waiting = sum(row.status == OPEN for row in rows)
        self.count_label.setText(self.tr("待处理 {count} 件").format(count=waiting))
        self._update_enabled()
        self.listed.emit()

    def current_row(self) -> EscalationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_enabled(self) -> None:
        row = self.current_row()
        self.open_button.setEnabled(row is not None)
        self.handle_button.setEnabled(row is not None and row.status == OPEN)

    def open_case(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if self.history_dialog is not None:
            delete_when_idle(self.history_dialog)
        dialog = CaseHistoryDialog(self.database, row.case_id, self.current_staff, self)
        self.history_dialog = dialog
        dialog.open()
        dialog.reload()

    def mark_handled(self) -> None:
        row = self.current_row()
        staff = self.current_staff()
        if row is None or row.status != OPEN or staff is None:
            return
        dialog = ReasonDialog(
            self.tr("处理廉洁纪律反映 {case_no}").format(case_no=row.case_no),
            self.tr("核查结果和采取的措施："),
            self.tr("标记已处理"),
            self,
        )
        escalation_id = row.id

        def submitted(resolution: str) -> None:
            def work(session: Session, _progress: Progress) -> Any:
                return handle_escalation(
                    session, escalation_id, by_id=staff.id, resolution=resolution
                ).id

            def stored(_id: Any) -> None:
                dialog.accept()
                self.data_changed.emit()
                self.refresh()

            (
                operation(self, self.database, work)
                .writing()
                .busy(dialog)
                .on_success(stored)
                .on_failure(lambda problem: show_refusal(dialog, problem))
                .run()
            )

        dialog.submitted.connect(submitted)
        dialog.finished.connect(dialog.deleteLater)
        self.step_dialog = dialog
        dialog.open()
