"""受理单位: the units with their cases; name, district and default area code edited in a form,
a unit (de)activated, and a mistaken unit merged into the right one after a confirmation that says
what will move (administrators; app.units). Others see the list read-only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.phones import area_code
from app.roles import Permission
from app.units import (
    UnitMerge,
    UnitRow,
    list_units,
    merge_preview,
    merge_units,
    reference_title,
    update_unit,
)
from db.database import Database
from ui.current_user import logged_in, permitted
from ui.operations import Progress, operation
from ui.rows_model import RowsModel
from ui.shortcuts import enter_activates, shortcuts

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ERROR_STYLE = "color: #b3261e; font-weight: bold;"
DONE_STYLE = "color: #2e7d32; font-weight: bold;"


class UnitsModel(RowsModel):
    CONTEXT = "UnitsModel"
    HEADERS = {
        0: QT_TRANSLATE_NOOP("UnitsModel", "受理单位"),
        1: QT_TRANSLATE_NOOP("UnitsModel", "所属区县"),
        2: QT_TRANSLATE_NOOP("UnitsModel", "默认区号"),
        3: QT_TRANSLATE_NOOP("UnitsModel", "业务件"),
        4: QT_TRANSLATE_NOOP("UnitsModel", "状态"),
    }

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        row: UnitRow = self.row_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return row.name
        if column == 1:
            return row.district or "—"
        if column == 2:
            return row.area_code or "—"
        if column == 3:
            return f"{row.cases:,}"
        return self.tr("在用") if row.active else self.tr("停用")


class UnitsDialog(QDialog):
    loaded = Signal()  # the list shows the database's units
    saved = Signal(object)  # UnitRow
    merged = Signal(object)  # UnitMerge

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.editable = permitted(Permission.ADMINISTER)
        self.editing: UnitRow | None = None
        self.select_after_load: int | None = None
        self.merge_dialog: MergeDialog | None = None
        self.busy = False
        self.setWindowTitle(self.tr("受理单位"))
        self.resize(1000, 560)

        self.model = UnitsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        enter_activates(self.table, self.edit_current)

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.district_edit = QLineEdit()
        self.district_edit.setMaxLength(50)
        self.district_edit.setPlaceholderText(self.tr("例如 历下区"))
        self.area_edit = QLineEdit()
        self.area_edit.setMaxLength(8)
        self.area_edit.setPlaceholderText(self.tr("例如 0531；空：不设"))
        self.area_edit.textChanged.connect(self._check_area_code)
        self.area_hint = QLabel()
        self.area_hint.setWordWrap(True)
        self.active_check = QCheckBox(self.tr("在用（停用后不再出现在选择列表中）"))
        form = QFormLayout()
        form.addRow(self.tr("名称(&A)："), self.name_edit)
        form.addRow(self.tr("所属区县(&D)："), self.district_edit)
        form.addRow(self.tr("默认区号(&C)："), self.area_edit)
        form.addRow("", self.area_hint)
        form.addRow("", self.active_check)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.setToolTip(self.tr("保存此单位（Ctrl+S）"))
        self.save_button.clicked.connect(self.save)
        self.merge_button = QPushButton(self.tr("合并到(&M)…"))
        self.merge_button.setToolTip(
            self.tr("把误建的这个单位的业务件等全部移到正确的单位，然后删除它")
        )
        self.merge_button.clicked.connect(self.merge_selected)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.merge_button)
        form_buttons.addStretch(1)
        form_buttons.addWidget(self.save_button)
        note = QLabel(
            self.tr(
                "默认区号用于导入时没有写区号的固定电话（如 86123456）。\n"
                "导入时把单位名称写错而多出的单位，用“合并到…”并入正确的单位：它的业务件、人员、"
                "二次回访、投诉等全部移过去，季度报表随之改变。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        self.form_box = QGroupBox(self.tr("单位信息"))
        box_layout = QVBoxLayout(self.form_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.message_label)
        box_layout.addLayout(form_buttons)
        box_layout.addStretch(1)
        box_layout.addWidget(note)
        if not self.editable:
            self.read_only_label = QLabel(self.tr("仅管理员可以修改受理单位。"))
            box_layout.insertWidget(0, self.read_only_label)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        shortcuts(self, [("Ctrl+S", self.save)])

        self._show_unit(None)
        self.load()

    # Loading and showing

    def load(self) -> None:
        def read(session: Session, _progress: Progress) -> list[UnitRow]:
            return list_units(session)

        operation(self, self.database, read).on_success(self._loaded).run()

    def _loaded(self, rows: list[UnitRow]) -> None:
        self.model.show_rows(rows)
        wanted = self.select_after_load or (self.editing.id if self.editing else None)
        self.select_after_load = None
        said = self.message_label.text(), self.message_label.styleSheet()
        if not self.select(wanted) and rows:
            self.table.selectRow(0)
        self.show_message(*said)  # what a save or a merge said stays after the list is read
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.loaded.emit()

    def select(self, unit_id: int | None) -> bool:
        for number, row in enumerate(self.model.rows()):
            if row.id == unit_id:
                self.table.selectRow(number)
                return True
        return False

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self._show_unit(self.model.row_at(current.row()))
        self.show_message("")  # what was said was about the unit before

    def _show_unit(self, row: UnitRow | None) -> None:
        self.editing = row
        self.name_edit.setText(row.name if row else "")
        self.district_edit.setText(row.district or "" if row else "")
        self.area_edit.setText(row.area_code or "" if row else "")
        self.active_check.setChecked(row.active if row else True)
        self._check_area_code(self.area_edit.text())
        self.form_box.setTitle(
            self.tr("单位信息：{name}").format(name=row.name) if row else self.tr("单位信息")
        )
        self._update_enabled()

    def _update_enabled(self) -> None:
        can = self.editable and self.editing is not None and not self.busy
        for widget in (self.name_edit, self.district_edit, self.area_edit, self.active_check):
            widget.setEnabled(self.editable and self.editing is not None)
        self.save_button.setEnabled(can)
        self.merge_button.setEnabled(can)

    def edit_current(self) -> None:
        if self.editable and self.editing is not None:
            self.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.name_edit.selectAll()

    def _check_area_code(self, text: str) -> None:
        """Say as one types whether the area code is one (the service checks it again)."""
        if not text.strip():
            self.area_hint.setText(self.tr("未设：没有区号的本地号码视为无效"))
            self.area_hint.setStyleSheet("color: #555555;")
        elif area_code(text) is None:
            self.area_hint.setText(self.tr("不是有效的长途区号（例如 010、021、0531）"))
            self.area_hint.setStyleSheet(ERROR_STYLE)
        else:
            self.area_hint.setText(self.tr("区号 {code}").format(code=area_code(text)))
            self.area_hint.setStyleSheet("color: #555555;")

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_enabled()

    def _idle(self) -> None:
        self._set_busy(False)

    def _failed(self, error: Exception) -> None:
        self.show_message(str(error), ERROR_STYLE)

    # Saving

    def save(self) -> None:
        if not self.editable or self.editing is None or self.busy:
            return
        unit_id = self.editing.id
        changes = {
            "name": self.name_edit.text(),
            "district": self.district_edit.text(),
            "area_code": self.area_edit.text(),
            "active": self.active_check.isChecked(),
        }
        me = logged_in()

        def store(session: Session, _progress: Progress) -> UnitRow:
            return update_unit(session, unit_id, by_id=me.id if me else None, **changes)

        self._set_busy(True)
        (
            operation(self, self.database, store)
            .writing()
            .on_success(self._saved)
            .on_failure(self._failed)
            .on_finish(self._idle)
            .run()
        )

    def _saved(self, row: UnitRow) -> None:
        self.show_message(self.tr("已保存“{name}”。").format(name=row.name), DONE_STYLE)
        self.select_after_load = row.id
        self.saved.emit(row)
        self.load()

    # Merging

    def merge_selected(self) -> None:
        """Ask which unit the chosen one is merged into, saying what will move."""
        if not self.editable or self.editing is None or self.busy:
            return
        source = self.editing
        targets = [r for r in self.model.rows() if r.id != source.id and r.active]
        if not targets:
            self.show_message(self.tr("没有可以合并进去的其他在用单位。"), ERROR_STYLE)
            return

        def read(session: Session, _progress: Progress) -> dict[str, int]:
            return merge_preview(session, source.id)

        def ask(moved: dict[str, int]) -> None:
            self.merge_dialog = MergeDialog(source, targets, moved, self)
            self.merge_dialog.accepted.connect(self._merge_confirmed)
            self.merge_dialog.finished.connect(self._merge_dialog_closed)
            self.merge_dialog.open()

        operation(self, self.database, read).on_success(ask).on_failure(self._failed).run()

    def _merge_dialog_closed(self) -> None:
        # The keys come back here, not to whatever window the system picks after the dialog.
        self.activateWindow()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _merge_confirmed(self) -> None:
        dialog = self.merge_dialog
        if dialog is None:
            return
        source_id, target_id = dialog.source.id, dialog.target_id()
        me = logged_in()

        def merge(session: Session, _progress: Progress) -> UnitMerge:
            return merge_units(session, source_id, target_id, by_id=me.id if me else None)

        self.select_after_load = target_id
        self._set_busy(True)
        (
            operation(self, self.database, merge)
            .writing()
            .on_success(self._merged)
            .on_failure(self._failed)
            .on_finish(self._idle)
            .run()
        )

    def _merged(self, done: UnitMerge) -> None:
        text = self.tr("已把“{source}”合并到“{target}”，移动了 {cases} 件业务件。").format(
            source=done.source, target=done.target, cases=done.cases
        )
        if not done.removed:
            text += self.tr("它已发往其他站点，因此保留为停用的空单位。")
        self.show_message(text, DONE_STYLE)
        self.merged.emit(done)
        self.load()


class MergeDialog(QDialog):
    """The confirmation of a merge: into which unit, and what moves. Cancel is the default."""

    def __init__(
        self,
        source: UnitRow,
        targets: list[UnitRow],
        moved: dict[str, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.setWindowTitle(self.tr("合并受理单位"))
        self.target_combo = QComboBox()
        for row in targets:
            self.target_combo.addItem(row.name, row.id)
        cases = moved.get("cases", 0)
        others = "、".join(
            f"{reference_title(table)} {count}"
            for table, count in moved.items()
            if table != "cases"
        )
        text = self.tr(
            "将把“{source}”的 {cases} 件业务件移到所选单位，然后删除“{source}”"
            "（它如已通过同步文件发往其他站点，则保留为停用的空单位）。"
        ).format(source=source.name, cases=cases)
        if others:
            text += "\n" + self.tr("一并移动：{others}。").format(others=others)
        text += "\n" + self.tr("此操作不能撤销，会记入审计日志；建议先做一次备份。")
        self.summary_label = QLabel(text)
        self.summary_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("合并到(&T)："), self.target_combo)
        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton(
            self.tr("合并(&M)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.target_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def target_id(self) -> int:
        return self.target_combo.currentData()


def open_units(window: MainWindow) -> None:
    """The menu's 受理单位…: editable for administrators, read-only for the others."""
    UnitsDialog(window.database, window).exec()
