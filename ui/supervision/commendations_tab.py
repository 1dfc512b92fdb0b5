"""表扬: the commendations of a year from every channel (J 5.5, W 7.1.3.2.4) — a revisit's
suggestion marked as praise, a slip, a complaint closed with thanks, a letter or a banner — and
the year's list of exemplary staff and cases drawn from them (J 5.5.2).

    Ctrl+N  record one by hand (a letter, a banner)     Ctrl+E  mark / unmark exemplary (leads)
    Ctrl+P  the year's list as a PDF to print           Ctrl+S  the year's list in Excel
    Ctrl+F  to the filters                              F5      refresh
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.commendations import (
    SOURCES,
    CommendationRow,
    PraiseChoices,
    commendations,
    praise_choices,
    record_other,
    set_exemplary,
    year_bounds,
)
from app.roles import Permission
from app.staff import StaffMember
from db.database import Database
from ui import file_dialogs
from ui.complaints.pdf_saving import save_pdf
from ui.error_dialog import refusal_text, show_refusal
from ui.name_combo import name_combo
from ui.operations import Progress, operation
from ui.rows_model import RowsModel
from ui.shortcuts import shortcuts
from ui.supervision.commendation_dialog import CommendationDialog

SUCCESS_STYLE = "color: #2e7d32; font-weight: bold;"
COL_ON, COL_SOURCE, COL_STAFF, COL_UNIT, COL_CASE, COL_CONTENT, COL_EXEMPLARY = range(7)
SOURCE_TITLES = {
    "revisit": QT_TRANSLATE_NOOP("CommendationsTab", "电话回访"),
    "slip": QT_TRANSLATE_NOOP("CommendationsTab", "意见箱（簿）"),
    "complaint": QT_TRANSLATE_NOOP("CommendationsTab", "投诉建议"),
    "other": QT_TRANSLATE_NOOP("CommendationsTab", "其他"),
}
HEADERS = {
    COL_ON: QT_TRANSLATE_NOOP("CommendationModel", "日期"),
    COL_SOURCE: QT_TRANSLATE_NOOP("CommendationModel", "来源"),
    COL_STAFF: QT_TRANSLATE_NOOP("CommendationModel", "受表扬人员"),
    COL_UNIT: QT_TRANSLATE_NOOP("CommendationModel", "网点"),
    COL_CASE: QT_TRANSLATE_NOOP("CommendationModel", "业务编号"),
    COL_CONTENT: QT_TRANSLATE_NOOP("CommendationModel", "表扬内容"),
    COL_EXEMPLARY: QT_TRANSLATE_NOOP("CommendationModel", "典型"),
}


def source_title(code: str) -> str:
    known = SOURCE_TITLES.get(code)
    return QCoreApplication.translate("CommendationsTab", known) if known else code


class CommendationModel(RowsModel):
    CONTEXT = "CommendationModel"
    HEADERS = HEADERS

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row: CommendationRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_ON:
                return row.received_on.isoformat()
            if column == COL_SOURCE:
                return source_title(row.source)
            if column == COL_STAFF:
                return row.staff or ""
            if column == COL_UNIT:
                return row.unit or ""
            if column == COL_CASE:
                return row.case_no or row.reference or ""
            if column == COL_CONTENT:
                return " ".join(row.content.split())
            return self.tr("★ 典型") if row.exemplary else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_CONTENT:
            return row.content
        return None


@dataclass
class Listing:
    rows: list[CommendationRow]
    choices: PraiseChoices


class CommendationsTab(QWidget):
    listed = Signal()  # the rows on screen are up to date
    data_changed = Signal()  # a commendation was stored or marked
    form_opened = Signal(object)  # the CommendationDialog opened
    exported = Signal(object)  # Path of the list written

    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.choices = PraiseChoices([], [])
        self.step_dialog: CommendationDialog | None = None
        self._build()
        self._add_shortcuts()
        self._update_enabled()

    # Building

    def _build(self) -> None:
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(clock.today().year)
        self.unit_combo = name_combo()
        self.unit_combo.addItem(self.tr("全部网点"), None)
        self.staff_combo = name_combo()
        self.staff_combo.addItem(self.tr("全部人员"), None)
        self.source_combo = QComboBox()
        self.source_combo.addItem(self.tr("全部来源"), None)
        for code in SOURCES:
            self.source_combo.addItem(source_title(code), code)
        self.year_spin.valueChanged.connect(self.refresh)
        for combo in (self.unit_combo, self.staff_combo, self.source_combo):
            combo.currentIndexChanged.connect(self.refresh)
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("年度(&Y)："), self.year_spin),
            (self.tr("网点(&U)："), self.unit_combo),
            (self.tr("人员(&R)："), self.staff_combo),
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

        self.model = CommendationModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().selectionChanged.connect(self._update_enabled)

        self.record_button = QPushButton(self.tr("记录表扬 (Ctrl+N)"))
        self.record_button.clicked.connect(self.record)
        self.exemplary_button = QPushButton(self.tr("标为典型 (Ctrl+E)"))
        self.exemplary_button.clicked.connect(self.toggle_exemplary)
        self.pdf_button = QPushButton(self.tr("打印年度先进名单 (Ctrl+P)"))
        self.pdf_button.clicked.connect(self.print_list)
        self.xlsx_button = QPushButton(self.tr("导出 Excel (Ctrl+S)"))
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        actions = QHBoxLayout()
        for button in (
            self.record_button,
            self.exemplary_button,
            self.pdf_button,
            self.xlsx_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            actions.addWidget(button)
        actions.addWidget(self.message_label, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    def _add_shortcuts(self) -> None:
        self.shortcuts: list[QShortcut] = shortcuts(
            self,
            [
                ("Ctrl+N", self.record),
                ("Ctrl+E", self.toggle_exemplary),
                ("Ctrl+P", self.print_list),
                ("Ctrl+S", self.export_xlsx),
                ("F5", self.refresh),
                ("Ctrl+F", self.year_spin.setFocus),
            ],
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def staff_changed(self) -> None:
        self._update_enabled()
        self.refresh()

    def _viewer_id(self) -> int | None:
        user = self.current_staff()
        return user.id if user is not None else None

    def _may(self, permission: Permission) -> bool:
        user = self.current_staff()
        return user is not None and user.may(permission)

    # The list

    def refresh(self) -> None:
        year = self.year_spin.value()
        unit_id = self.unit_combo.currentData()
        staff_id = self.staff_combo.currentData()
        source = self.source_combo.currentData()
        viewer_id = self._viewer_id()

        def load(session: Session, _progress: Progress) -> Listing:
            start, end = year_bounds(year)
            rows = commendations(
                session,
                viewer_id=viewer_id,
                start=start,
                end=end,
                unit_id=unit_id,
                staff_id=staff_id,
                source=source,
            )
            return Listing(rows, praise_choices(session))

        operation(self, self.database, load).on_success(self._show).on_failure(self._refused).run()

    def _refused(self, problem: Exception) -> None:
        self.model.show_rows([])
        self.count_label.clear()
        self.message_label.setStyleSheet("")
        self.message_label.setText(refusal_text(problem))
        self._update_enabled()
        self.listed.emit()

    def _show(self, listing: Listing) -> None:
        current = self.current_row()
        self.choices = listing.choices
        for combo, items, everything in (
            (self.unit_combo, listing.choices.units, self.tr("全部网点")),
            (self.staff_combo, listing.choices.staff, self.tr("全部人员")),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for each_id, name in items:
                combo.addItem(name, each_id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self.model.show_rows(listing.rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            COL_CONTENT, QHeaderView.ResizeMode.Stretch
        )
        if current is not None:
            self.select(current.id)
        elif listing.rows:
            self.table.selectRow(0)
        self.count_label.setText(
            self.tr("共 {count} 条，其中典型 {exemplary} 条").format(
                count=len(listing.rows), exemplary=sum(r.exemplary for r in listing.rows)
            )
        )
        self._update_enabled()
        self.listed.emit()

    def current_row(self) -> CommendationRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.row_at(index.row())

    def select(self, commendation_id: int) -> bool:
        for number, row in enumerate(self.model.rows()):
            if row.id == commendation_id:
                self.table.selectRow(number)
                return True
        return False

    def _update_enabled(self) -> None:
        row = self.current_row()
        self.record_button.setEnabled(self._may(Permission.RECORD_FEEDBACK))
        leads = self._may(Permission.ASSESS_OUTLETS)
        self.exemplary_button.setEnabled(leads and row is not None)
        self.exemplary_button.setToolTip("" if leads else self.tr("仅组长、管理员可以评选典型"))
        self.exemplary_button.setText(
            self.tr("取消典型 (Ctrl+E)")
            if row is not None and row.exemplary
            else self.tr("标为典型 (Ctrl+E)")
        )

    def _say(self, text: str) -> None:
        self.message_label.setStyleSheet(SUCCESS_STYLE)
        self.message_label.setText(text)

    # Recording by hand

    def record(self) -> None:
        if not self.record_button.isEnabled():
            return
        if self.step_dialog is not None:
            self.step_dialog.close()
        form = CommendationDialog(self.choices, self, staff_id=self.staff_combo.currentData())
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        by_id = self._viewer_id()

        def submitted(values: dict) -> None:
            def store(session: Session, _progress: Progress) -> int:
                return record_other(
                    session,
                    by_id=by_id,
                    staff_id=values["staff_id"],
                    content=values["content"],
                    received_on=values["received_on"],
                    unit_id=values["unit_id"],
                    case_no=values["case_no"],
                ).id

            def stored(commendation_id: int) -> None:
                form.accept()
                self._say(self.tr("已记录表扬。"))
                self.data_changed.emit()
                self._select_after_refresh(commendation_id)

            operation(self, self.database, store).writing().on_success(stored).on_failure(
                form.show_refusal
            ).run()

        def closed(_result: int) -> None:
            if self.step_dialog is form:
                self.step_dialog = None

        form.submitted.connect(submitted)
        form.finished.connect(closed)
        self.step_dialog = form
        form.open()
        self.form_opened.emit(form)

    def _select_after_refresh(self, commendation_id: int) -> None:
        def select() -> None:
            self.listed.disconnect(select)
            self.select(commendation_id)
            self._update_enabled()

        self.listed.connect(select)
        self.refresh()

    # Exemplary

    def toggle_exemplary(self) -> None:
        row = self.current_row()
        if row is None or not self.exemplary_button.isEnabled():
            return
        by_id, wanted = self._viewer_id(), not row.exemplary

        def store(session: Session, _progress: Progress) -> None:
            set_exemplary(session, row.id, wanted, by_id=by_id)

        def stored(_result: None) -> None:
            self._say(
                self.tr("已标为典型：{name}").format(name=row.staff or row.case_no or "")
                if wanted
                else self.tr("已取消典型：{name}").format(name=row.staff or row.case_no or "")
            )
            self.data_changed.emit()
            self._select_after_refresh(row.id)

        operation(self, self.database, store).writing().on_success(stored).on_failure(
            lambda problem: show_refusal(self, problem)
        ).run()

    # The year's list

    def _list_name(self) -> str:
        return self.tr("{year}年度先进模范人物和典型事例").format(year=self.year_spin.value())

    def print_list(self) -> None:
        from app.printing.exemplary_list import export_exemplary_list

        year, by_id = self.year_spin.value(), self._viewer_id()

        def write(session: Session, path) -> None:
            export_exemplary_list(session, year, path, by_id=by_id, form="pdf")

        save_pdf(self, self.database, write, self._list_name(), self._written, audited=True)

    def export_xlsx(self) -> None:
        from app.printing.exemplary_list import export_exemplary_list

        path = file_dialogs.save_path(
            self,
            self.tr("导出 Excel"),
            "report",
            f"{self._list_name()}.xlsx",
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        year, by_id = self.year_spin.value(), self._viewer_id()

        def write(session: Session, _progress: Progress):
            export_exemplary_list(session, year, path, by_id=by_id, form="xlsx")
            return path

        operation(self, self.database, write).writing().on_success(self._written).on_failure(
            lambda problem: show_refusal(self, problem)
        ).run()

    def _written(self, path) -> None:
        self._say(self.tr("已导出到 {path}").format(path=path))
        self.exported.emit(path)
