"""The case list (案件查询): any case among a city's million, for the operator whose phone rings
and the team lead checking a case — newest completed first, a page at a time as the list scrolls.

    Ctrl+F        to the search box (业务编号, 申请人, 电话 — the whole number or its last digits)
    Enter         in the search box: search now, then to the list; in the list: the case's history
    ↓             from the search box to the list        Esc   clear the search
    F5            search again
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.case_list import CaseSearch, SearchKind
from app.staff import StaffMember
from app.units import unit_choices
from db.database import Database
from ui.case_list.case_list_model import CaseListModel
from ui.current_user import current_staff
from ui.name_combo import name_combo
from ui.operations import Progress, delete_when_idle, operation
from ui.pages.page import Page
from ui.shortcuts import enter_activates

SEARCH_DELAY_MS = 400  # after the last key typed: a name or a number's tail scans every case
HINT_STYLE = "color: #555555;"
COLUMN_PADDING = 12  # pixels beside the widest text of a column
SIZED_ROWS = 40  # about a screenful


@dataclass
class Choices:
    units: list[tuple[int, str]]
    staff: StaffMember | None


class CaseListPage(Page):
    history_opened = Signal(object)  # the CaseHistoryDialog, open and loading

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.staff: StaffMember | None = None
        self.history_dialog: Any = None
        self._loaded = False
        self._focus_list_when_found = False
        self._sized = False
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search)
        self._build()
        self._add_shortcuts()

    def current_staff(self) -> StaffMember | None:
        """Who is at the seat: their role decides whether the history shows integrity reports."""
        return self.staff

    # Building

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("业务编号、申请人或电话（全号或尾号）"))
        self.search_edit.setToolTip(
            self.tr(
                "业务编号或申请人：输入开头即可；电话：输入完整号码，或最后 4–8 位。"
                "\n回车立即查找，↓ 到列表。"
            )
        )
        self.search_edit.textEdited.connect(self.search_timer.start)
        self.search_edit.returnPressed.connect(self._search_and_go_to_list)
        self.search_edit.installEventFilter(self)
        search_label = QLabel(self.tr("查找(&D)："))
        search_label.setBuddy(self.search_edit)
        self.unit_combo = name_combo()
        self.unit_combo.addItem(self.tr("全部网点"), None)
        self.unit_combo.currentIndexChanged.connect(self.search)
        unit_label = QLabel(self.tr("受理网点(&U)："))
        unit_label.setBuddy(self.unit_combo)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 1)
        top.addSpacing(12)
        top.addWidget(unit_label)
        top.addWidget(self.unit_combo)

        self.model = CaseListModel(self.database, self)
        self.model.searching.connect(self._show_count)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.counted.connect(self._show_count)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Columns sized to the first rows of the first page, not to every row loaded.
        self.table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        self.table.doubleClicked.connect(self.open_history)

        self.open_button = QPushButton(self.tr("业务件历史 (Enter)"))
        self.open_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_button.clicked.connect(self.open_history)
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"))
        self.refresh_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refresh_button.clicked.connect(self.search)
        self.count_label = QLabel()
        self.count_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.hint_label = QLabel(self.tr("号码已隐去中间四位；完整号码仅在回访工作台显示当前件。"))
        self.hint_label.setStyleSheet(HINT_STYLE)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        bottom.addSpacing(12)
        bottom.addWidget(self.count_label)
        bottom.addSpacing(12)
        bottom.addWidget(self.hint_label, 1)
        bottom.addWidget(self.refresh_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _add_shortcuts(self) -> None:
        self.shortcuts = self.add_window_shortcuts(
            [(QKeySequence.StandardKey.Find, self.focus_search), ("F5", self.search)]
        )
        self.shortcuts += enter_activates(self.table, self.open_history)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self._load_choices()
            self.search()
            self.focus_search()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and isinstance(event, QKeyEvent):
            key = event.key() if event.type() == QEvent.Type.KeyPress else None
            if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                self.focus_list()
                return True
            if key == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                self.search()
                return True
        return super().eventFilter(watched, event)

    # The units to filter by, and who is at the seat

    def _load_choices(self) -> None:
        def load(session: Session, _progress: Progress) -> Choices:
            return Choices(unit_choices(session, active_only=False), current_staff(session))

        operation(self, self.database, load).on_success(self._show_choices).run()

    def _show_choices(self, choices: Choices) -> None:
        self.staff = choices.staff
        self.unit_combo.blockSignals(True)  # filling the list is not choosing a unit
        for unit_id, name in choices.units:
            self.unit_combo.addItem(name, unit_id)
        self.unit_combo.blockSignals(False)

    # Searching

    def current_search(self) -> CaseSearch:
        return CaseSearch(self.search_edit.text(), self.unit_combo.currentData())

    def search(self) -> None:
        self.search_timer.stop()
        self.model.search(self.current_search())

    def _search_and_go_to_list(self) -> None:
        self._focus_list_when_found = True
        self.search()

    def _page_loaded(self) -> None:
        if not self._sized and self.model.rowCount():
            self._sized = True  # once: the columns do not jump from one search to the next
            self.table.resizeColumnsToContents()
            header = self.table.horizontalHeader()
            for column in range(self.model.columnCount() - 1):  # the last one stretches
                header.resizeSection(column, header.sectionSize(column) + COLUMN_PADDING)
        if self._focus_list_when_found:
            self._focus_list_when_found = False
            if self.model.rowCount():
                self.focus_list()
        self._show_count()

    def _show_count(self) -> None:
        model = self.model
        kind = model.current_search().kind
        found = {
            SearchKind.ALL: self.tr("共 {count} 件"),
            SearchKind.CASE_NO: self.tr("按业务编号找到 {count} 件"),
            SearchKind.APPLICANT: self.tr("按申请人找到 {count} 件"),
            SearchKind.PHONE: self.tr("按电话找到 {count} 件"),
            SearchKind.PHONE_TAIL: self.tr("按电话尾号找到 {count} 件"),
        }[kind]
        if model.total is not None:
            text = found.format(count=f"{model.total:,}")
        elif model.rowCount():
            text = self.tr("已列出 {count} 件，正在统计总数…").format(count=f"{model.rowCount():,}")
        else:
            text = self.tr("正在查找…")
        self.count_label.setText(text)

    # Keyboard

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    # A case's history

    def open_history(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        # Imported here: the history brings the scans' image handling, which the list itself
        # does not need to open.
        from ui.board.task_dialog import CaseHistoryDialog

        if self.history_dialog is not None:
            if self.history_dialog.isVisible():
                return
            delete_when_idle(self.history_dialog)
        row = self.model.row_at(index.row())
        dialog = CaseHistoryDialog(self.database, row.case_id, self.current_staff, self)
        self.history_dialog = dialog
        dialog.open()
        dialog.reload()
        self.history_opened.emit(dialog)
