"""投诉: every complaint and suggestion with its deadline, for the team lead (W 7.3, 附录 H).

    Ctrl+N                register a complaint or suggestion (the fields of H.1)
    Enter / double click  open it: the clocks, the steps, the supervision orders, the forms
    Ctrl+F                to the filters          F5  refresh

The deadline column shows the running clock (first contact, then the reply) in working days
and turns red when it is late; a late step stays marked after it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.complaints.clocks import ComplaintRow, complaint_list
from app.complaints.registry import (
    CATEGORIES,
    KINDS,
    STATUSES,
    Choices,
    ComplaintInput,
    category_label,
    choices,
    kind_label,
    register_complaint,
    status_label,
)
from app.roles import Permission
from app.staff import StaffMember
from db.database import Database
from ui.complaints.complaint_dialog import ComplaintDialog
from ui.complaints.complaint_model import COL_CONTENT, COL_DEADLINE, ComplaintModel
from ui.complaints.register_dialog import RegisterDialog
from ui.desk.display import ERROR_COLOR
from ui.error_dialog import show_refusal
from ui.name_combo import name_combo
from ui.operations import Progress, delete_when_idle, operation
from ui.shortcuts import enter_activates, shortcuts

SUCCESS_STYLE = "color: #2e7d32; font-weight: bold;"
WARNING_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"


@dataclass
class Listing:
    rows: list[ComplaintRow]
    choices: Choices


class ComplaintsTab(QWidget):
    data_changed = Signal()  # a complaint was stored
    listed = Signal()  # the rows on screen are up to date
    complaint_opened = Signal(object)  # the ComplaintDialog opened
    register_opened = Signal(object)  # the RegisterDialog opened

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
        self.complaint_dialog: ComplaintDialog | None = None
        self.register_dialog: RegisterDialog | None = None
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
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("全部分类"), None)
        for code in CATEGORIES:
            self.category_combo.addItem(category_label(code), code)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("投诉和建议"), None)
        for code in KINDS:
            self.kind_combo.addItem(kind_label(code), code)
        self.late_check = QCheckBox(self.tr("只看逾期(&L)"))
        for combo in (self.status_combo, self.unit_combo, self.category_combo, self.kind_combo):
            combo.currentIndexChanged.connect(self.refresh)
        self.late_check.toggled.connect(self.refresh)

        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("状态(&T)："), self.status_combo),
            (self.tr("网点(&U)："), self.unit_combo),
            (self.tr("分类(&G)："), self.category_combo),
            (self.tr("类型(&K)："), self.kind_combo),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
            filters.addSpacing(6)
        filters.addWidget(self.late_check)
        filters.addStretch(1)
        self.count_label = QLabel()
        filters.addWidget(self.count_label)

        self.model = ComplaintModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.open_current)
        self.table.selectionModel().selectionChanged.connect(self._update_enabled)

        self.register_button = QPushButton(self.tr("登记投诉/建议 (Ctrl+N)"))
        self.register_button.clicked.connect(self.register)
        self.open_button = QPushButton(self.tr("打开 (Enter)"))
        self.open_button.clicked.connect(self.open_current)
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        for button in (self.register_button, self.open_button, self.refresh_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.register_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.message_label, 1)
        actions.addWidget(self.refresh_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    def _add_shortcuts(self) -> None:
        self.shortcuts: list[QShortcut] = []
        for keys, slot in (
            ("Ctrl+N", self.register),
            ("F5", self.refresh),
            ("Ctrl+F", self.status_combo.setFocus),
        ):
            self.shortcuts += shortcuts(self, [(keys, slot)])  # only while the tab shows
        self.shortcuts += enter_activates(self.table, self.open_current)

    def showEvent(self, event: QShowEvent) -> None:
        """Read the list whenever the tab comes into view: another tab (or window) may have
        stored something meanwhile."""
        super().showEvent(event)
        self.refresh()

    def staff_changed(self) -> None:
        """The person at the seat changed: what they may do changes with their role."""
        self._update_enabled()

    # The list

    def refresh(self) -> None:
        status = self.status_combo.currentData()
        unit_id = self.unit_combo.currentData()
        category = self.category_combo.currentData()
        kind = self.kind_combo.currentData()
        late_only = self.late_check.isChecked()
        now = clock.local_now()

        def load(session: Session, _progress: Progress) -> Listing:
            rows = complaint_list(
                session,
                status=status,
                unit_id=unit_id,
                category=category,
                kind=kind,
                late_only=late_only,
                now=now,
            )
            return Listing(rows, choices(session))

        (
            operation(self, self.database, load)
            .on_success(self._show_listing)
            .on_failure(self._show_problem)
            .run()
        )

    def _show_listing(self, listing: Listing) -> None:
        current = self.current_row()
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
        header = self.table.horizontalHeader()
        header.resizeSection(COL_DEADLINE, max(header.sectionSize(COL_DEADLINE), 150))
        header.resizeSection(COL_CONTENT, 200)
        header.setSectionResizeMode(COL_CONTENT, QHeaderView.ResizeMode.Stretch)
        if current is not None:
            self.select_complaint(current.id)
        late = sum(1 for row in listing.rows if row.late)
        self.count_label.setText(
            self.tr("共 {count} 件，其中逾期 {late} 件").format(count=len(listing.rows), late=late)
        )
        self._update_enabled()
        self.listed.emit()

    def select_complaint(self, complaint_id: int) -> bool:
        for number, row in enumerate(self.model.rows()):
            if row.id == complaint_id:
                self.table.selectRow(number)
                self.table.setCurrentIndex(self.model.index(number, 0))
                return True
        return False

    def _update_enabled(self) -> None:
        staff = self.current_staff()
        self.register_button.setEnabled(
            staff is not None and staff.may(Permission.REGISTER_COMPLAINTS)
        )
        self.open_button.setEnabled(self.current_row() is not None)

    def current_row(self) -> ComplaintRow | None:
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return self.model.row_at(index.row())
        return None

    # Opening

    def open_current(self) -> None:
        row = self.current_row()
        if row is None:
            self.show_message(self.tr("请先在列表中选择一件投诉。"), WARNING_STYLE)
            return
        self.open_complaint(row.id)

    def open_complaint(self, complaint_id: int) -> ComplaintDialog:
        if self.complaint_dialog is not None:
            self.complaint_dialog.close()
            delete_when_idle(self.complaint_dialog)
        dialog = ComplaintDialog(self.database, complaint_id, self.current_staff, self)
        dialog.data_changed.connect(self._changed)
        dialog.finished.connect(self.refresh)
        self.complaint_dialog = dialog
        dialog.open()
        self.complaint_opened.emit(dialog)
        return dialog

    def _changed(self) -> None:
        self.data_changed.emit()
        self.refresh()

    # Registering

    def register(self) -> None:
        staff = self.current_staff()
        if staff is None:
            show_refusal(self, self.tr("请先在上方选择当前用户。"))
            return
        if not staff.may(Permission.REGISTER_COMPLAINTS):
            show_refusal(self, self.tr("您的角色不能登记投诉。"))
            return
        if self.register_dialog is not None:
            self.register_dialog.raise_()
            return
        dialog = RegisterDialog(self.database, self.choices, staff.name, self)
        dialog.submitted.connect(lambda data: self._store_complaint(dialog, staff, data))
        dialog.finished.connect(self._register_closed)
        self.register_dialog = dialog
        dialog.open()
        self.register_opened.emit(dialog)

    def _register_closed(self) -> None:
        if self.register_dialog is not None:
            delete_when_idle(self.register_dialog)  # a case lookup may still be running
        self.register_dialog = None

    def _store_complaint(
        self, dialog: RegisterDialog, staff: StaffMember, data: ComplaintInput
    ) -> None:
        now = clock.local_now()

        def store(session: Session, _progress: Progress) -> tuple[int, str, str, str]:
            complaint = register_complaint(session, data, by_id=staff.id, now=now)
            return (
                complaint.id,
                complaint.number or "",
                complaint.first_contact_due.isoformat() if complaint.first_contact_due else "",
                complaint.reply_due.isoformat() if complaint.reply_due else "",
            )

        def stored(result: tuple[int, str, str, str]) -> None:
            complaint_id, number, first_due, reply_due = result
            dialog.accept()
            self.show_message(
                self.tr("已登记 {number}：首次联系期限 {first}，答复期限 {reply}。").format(
                    number=number, first=first_due, reply=reply_due
                ),
                SUCCESS_STYLE,
            )
            self.data_changed.emit()
            self.listed.connect(self._select_after_refresh(complaint_id))
            self.refresh()

        (
            operation(self, self.database, store)
            .writing()
            .on_success(stored)
            .on_failure(dialog.show_refusal)
            .run()
        )

    def _select_after_refresh(self, complaint_id: int) -> Callable[[], None]:
        def select() -> None:
            self.listed.disconnect(select)
            self.select_complaint(complaint_id)
            self.table.setFocus()

        return select

    # Messages

    def _show_problem(self, problem: Exception) -> None:
        self.show_message(str(problem), WARNING_STYLE)

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)
