"""待办: every unresolved dissatisfaction and complaint, overdue first, filterable, for the lead.

Enter / double click  open the item (a callback's history and steps, or the complaint)
F6                    分派 the selected callbacks (team leads)
Ctrl+E                export the rows shown to Excel
Ctrl+F                to the filters           F5  refresh
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session
from xlsxwriter.exceptions import FileCreateError

from app import clock
from app.callbacks.board import (
    CALLBACK,
    COMPLAINT,
    BoardChoices,
    BoardFilter,
    BoardRow,
    board_choices,
    board_rows,
    export_board,
)
from app.callbacks.tasks import assign
from app.roles import Permission
from app.staff import StaffMember
from db.database import Database
from ui import file_dialogs
from ui.board.board_model import (
    COL_DEADLINE,
    COL_OWNER,
    COL_REASON,
    COL_REFERENCE,
    COL_STATUS,
    COL_UNIT,
    COL_WORDS,
    BoardModel,
)
from ui.board.step_dialogs import AssignDialog
from ui.board.task_dialog import TaskDialog, assign_targets
from ui.complaints.complaint_dialog import ComplaintDialog
from ui.desk.display import ERROR_COLOR
from ui.error_dialog import show_refusal
from ui.name_combo import name_combo
from ui.operations import Progress, delete_when_idle, operation
from ui.shortcuts import enter_activates, shortcuts

SUCCESS_STYLE = "color: #2e7d32; font-weight: bold;"
WORDS_EM = 14  # the respondent's words keep at least this many characters' width
WARNING_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"


@dataclass
class Listing:
    rows: list[BoardRow]
    choices: BoardChoices


class BoardTab(QWidget):
    data_changed = Signal()
    listed = Signal()  # the rows on screen are up to date
    item_opened = Signal(object)  # the dialog opened for an item

    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.rows_shown: list[BoardRow] = []
        self.item_dialog: Any = None
        self.assign_dialog: AssignDialog | None = None
        self._build()
        self._add_shortcuts()
        self._update_enabled()

    # Building

    def _build(self) -> None:
        self.unit_combo = self._filter_combo(self.tr("全部单位"))
        self.reason_combo = self._filter_combo(self.tr("全部原因"))
        self.owner_combo = self._filter_combo(self.tr("全部负责人"))
        self.kind_combo = self._filter_combo(self.tr("全部类型"))
        self.kind_combo.addItem(self.tr("二次回访"), CALLBACK)
        self.kind_combo.addItem(self.tr("投诉/建议"), COMPLAINT)
        self.age_spin = QSpinBox()
        self.age_spin.setRange(0, 250)
        self.age_spin.setSpecialValueText(self.tr("不限"))
        self.age_spin.setSuffix(self.tr(" 个工作日"))
        self.age_spin.valueChanged.connect(self.refresh)
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("单位(&U)："), self.unit_combo),
            (self.tr("原因(&R)："), self.reason_combo),
            (self.tr("已过 ≥(&G)"), self.age_spin),
            (self.tr("负责人(&O)："), self.owner_combo),
            (self.tr("类型(&K)："), self.kind_combo),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
            filters.addSpacing(6)
        filters.addStretch(1)

        self.model = BoardModel(self)
        self.table = QTableView()
        self._natural_widths: dict[int, int] = {}  # each column's width for its text
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.open_current)
        self.table.selectionModel().selectionChanged.connect(self._update_enabled)

        self.open_button = QPushButton(self.tr("打开 (Enter)"))
        self.open_button.clicked.connect(self.open_current)
        self.assign_button = QPushButton(self.tr("分派 (F6)"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.export_button = QPushButton(self.tr("导出 Excel (Ctrl+E)"))
        self.export_button.clicked.connect(self.export)
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        for button in (
            self.open_button,
            self.assign_button,
            self.export_button,
            self.refresh_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.count_label = QLabel()
        # Never squeezed by a long message beside it.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.assign_button)
        actions.addWidget(self.export_button)
        actions.addSpacing(12)
        actions.addWidget(self.count_label)
        actions.addWidget(self.message_label, 1)
        actions.addWidget(self.refresh_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    def _filter_combo(self, everything: str) -> QComboBox:
        combo = name_combo(10)
        combo.addItem(everything, None)
        combo.currentIndexChanged.connect(self.refresh)  # after the first item: not at build
        return combo

    def _add_shortcuts(self) -> None:
        for keys, slot in (
            ("F5", self.refresh),
            ("F6", self.assign_selected),
            ("Ctrl+E", self.export),
            ("Ctrl+F", self.unit_combo.setFocus),
        ):
            shortcuts(self, [(keys, slot)])
        enter_activates(self.table, self.open_current)

    # The list

    def filters(self) -> BoardFilter:
        return BoardFilter(
            unit_id=self.unit_combo.currentData(),
            reason=self.reason_combo.currentData(),
            min_age=self.age_spin.value() or None,
            owner=self.owner_combo.currentData(),
            kind=self.kind_combo.currentData(),
        )

    def filters_text(self) -> str:
        """The filters in words, for the export's heading."""
        parts = [
            combo.currentText()
            for combo in (self.unit_combo, self.reason_combo, self.owner_combo, self.kind_combo)
            if combo.currentData() is not None
        ]
        if self.age_spin.value():
            parts.append(self.tr("已过 ≥ {days} 个工作日").format(days=self.age_spin.value()))
        return "、".join(parts)

    def refresh(self) -> None:
        filters, day = self.filters(), clock.today()
        staff = self.current_staff()
        role = staff.role if staff else None

        def load(session: Session, _progress: Progress) -> Listing:
            rows = board_rows(session, filters, today=day, role=role)
            return Listing(rows, board_choices(session))

        operation(self, self.database, load).on_success(self._show_listing).run()

    def _show_listing(self, listing: Listing) -> None:
        chosen = {(row.kind, row.id) for row in self.selected_rows()}
        self._refill(self.unit_combo, listing.choices.units)
        self._refill(self.reason_combo, listing.choices.reasons)
        self._refill(self.owner_combo, listing.choices.owners)
        self.rows_shown = listing.rows
        self.model.show_rows(listing.rows)
        self._fit_columns()
        selection = self.table.selectionModel()
        for number, row in enumerate(listing.rows):
            if (row.kind, row.id) in chosen:
                selection.select(
                    self.model.index(number, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        overdue = sum(row.overdue for row in listing.rows)
        text = self.tr("共 {count} 项").format(count=len(listing.rows))
        if overdue:
            text += self.tr("，超期 {count} 项").format(count=overdue)
            self.count_label.setStyleSheet(WARNING_STYLE)
        else:
            self.count_label.setStyleSheet("")
        self.count_label.setText(text)
        # A layout invalidated while its tab was hidden waits for a request that never comes
        # (the count stayed a few pixels wide): lay the tab out now.
        self.layout().activate()
        self._update_enabled()
        self.listed.emit()

    def _fit_columns(self) -> None:
        """Every column as wide as its text, long names capped; then narrowed to fit, so that
        the respondent's words keep a readable width at 1366×768 without a horizontal scroll
        bar, in either language."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_WORDS, QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        em = self.fontMetrics().horizontalAdvance("中")
        for column, most in ((COL_REFERENCE, 12), (COL_UNIT, 10), (COL_OWNER, 6)):
            if self.table.columnWidth(column) > most * em + 16:
                self.table.setColumnWidth(column, most * em + 16)
        self._natural_widths = {
            column: self.table.columnWidth(column)
            for column in range(self.model.columnCount())
            if column != COL_WORDS
        }
        self._share_width()

    def _share_width(self) -> None:
        """Give the words the room left, at least WORDS_EM characters: when the other columns
        leave less, units, owners, reasons, states and deadlines narrow in proportion to what
        they have above five characters (elided, whole in their tooltips)."""
        if not self._natural_widths:
            return
        em = self.fontMetrics().horizontalAdvance("中")
        room = self.table.viewport().width() - WORDS_EM * em
        widths = dict(self._natural_widths)
        excess = sum(widths.values()) - room
        # Each narrowable column gives up a share of what it has above 5 characters.
        slack = {
            column: max(0, widths[column] - (5 * em + 16))
            for column in (COL_UNIT, COL_OWNER, COL_REASON, COL_STATUS, COL_DEADLINE)
        }
        total = sum(slack.values())
        if excess > 0 and total:
            for column, spare in slack.items():
                widths[column] -= min(spare, -(-excess * spare // total))
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        used = sum(widths.values())
        self.table.setColumnWidth(
            COL_WORDS, max(WORDS_EM * em, self.table.viewport().width() - used)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()

    def _refill(self, combo: QComboBox, items: list[tuple[Any, str]]) -> None:
        current = combo.currentData()
        everything = combo.itemText(0)
        combo.blockSignals(True)  # refilling the list is not choosing a filter
        combo.clear()
        combo.addItem(everything, None)
        for value, label in items:
            combo.addItem(label, value)
        index = combo.findData(current)
        if current is not None and index < 0:  # keep a chosen filter, even if it emptied
            combo.addItem(self.tr("（已无此项）"), current)
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def selected_rows(self) -> list[BoardRow]:
        numbers = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(number) for number in numbers]

    def current_row(self) -> BoardRow | None:
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return self.model.row_at(index.row())
        rows = self.selected_rows()
        return rows[0] if rows else None

    def _update_enabled(self) -> None:
        staff = self.current_staff()
        rows = self.selected_rows()
        leads = staff is not None and staff.may(Permission.LEAD_BOARD)
        callbacks = [row for row in rows if row.kind == CALLBACK]
        self.open_button.setEnabled(bool(rows))
        self.assign_button.setEnabled(leads and bool(callbacks))
        self.assign_button.setToolTip(
            self.tr("把选中的二次回访分派给回访员或单位（F6）")
            if leads
            else self.tr("仅限组长、管理员分派")
        )

    def staff_changed(self) -> None:
        self._update_enabled()
        dialog = self.item_dialog
        if dialog is not None and dialog.isVisible() and isinstance(dialog, TaskDialog):
            dialog.reload()

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)

    # Opening an item

    def open_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if self.item_dialog is not None and self.item_dialog.isVisible():
            return
        self._drop_item_dialog()
        if row.kind == CALLBACK:
            dialog = TaskDialog(self.database, row.id, row.case_id, self.current_staff, self)
            dialog.task_changed.connect(self._changed)
            self.item_dialog = dialog
            dialog.open()
            dialog.reload()
        else:
            dialog = ComplaintDialog(self.database, row.id, self.current_staff, self)
            dialog.data_changed.connect(self._changed)
            dialog.finished.connect(self.refresh)
            self.item_dialog = dialog
            dialog.open()
        self.item_opened.emit(self.item_dialog)

    def _drop_item_dialog(self) -> None:
        if self.item_dialog is not None:
            delete_when_idle(self.item_dialog)
            self.item_dialog = None

    def _changed(self) -> None:
        self.data_changed.emit()
        self.refresh()

    # Assigning

    def assign_selected(self) -> None:
        staff = self.current_staff()
        rows = [row for row in self.selected_rows() if row.kind == CALLBACK]
        if not rows:
            return
        if staff is None:
            show_refusal(self, self.tr("请先在上方选择当前用户。"))
            return
        if not self.assign_button.isEnabled():
            return
        task_ids = [row.id for row in rows]

        def targets(session: Session, _progress: Progress) -> Any:
            return assign_targets(session)

        (
            operation(self, self.database, targets)
            .on_success(lambda loaded: self._ask_assign(task_ids, loaded))
            .run()
        )

    def _ask_assign(self, task_ids: list[int], loaded: Any) -> None:
        people, units = loaded
        staff = self.current_staff()
        if staff is None:
            return
        dialog = AssignDialog(len(task_ids), people, units, self)

        def submitted(staff_id: Any, unit_id: Any) -> None:
            def work(session: Session, _progress: Progress) -> int:
                return assign(session, task_ids, by_id=staff.id, staff_id=staff_id, unit_id=unit_id)

            def stored(count: int) -> None:
                dialog.accept()
                self.show_message(
                    self.tr("已分派 {count} 项二次回访。").format(count=count), SUCCESS_STYLE
                )
                self._changed()

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
        self.assign_dialog = dialog
        dialog.open()

    # Export

    def export(self) -> None:
        name = self.tr("督办看板-{day}").format(day=clock.today().isoformat())
        path = file_dialogs.save_path(
            self,
            self.tr("导出督办看板"),
            "report",
            f"{name}.xlsx",
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(f"{path.name}.xlsx")
        filters, filters_text, day = self.filters(), self.filters_text(), clock.today()
        staff = self.current_staff()
        by_id = staff.id if staff is not None else None

        def write(session: Session, _progress: Progress) -> int:
            # The board read again as the person sees it, written and audited in one go.
            try:
                return export_board(
                    session, filters, path, by_id=by_id, today=day, filters_text=filters_text
                )
            except FileCreateError as error:  # XlsxWriter's wrapping of the OSError
                cause = error.args[0] if error.args else None
                raise cause if isinstance(cause, OSError) else OSError(str(error)) from error

        def written(count: int) -> None:
            self.show_message(
                self.tr("已导出 {count} 项到 {path}").format(count=count, path=path),
                SUCCESS_STYLE,
            )

        operation(self, self.database, write).writing().on_success(written).run()
