"""人员与角色: add people, set their role, user name and password, disable them (administrators).

The first password set turns log-in on: from the next start everybody logs in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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

from app.roles import Role, role_label
from app.staff import StaffRow, add_staff, change_role, list_staff
from app.users import (
    PasswordPolicy,
    accounts_exist,
    password_policy,
    set_active,
    set_password,
    set_username,
)
from db.database import Database
from ui.current_user import logged_in
from ui.operations import Progress, operation, running_for
from ui.rows_model import RowsModel

ERROR_STYLE = "color: #b3261e; font-weight: bold;"
DONE_STYLE = "color: #2e7d32; font-weight: bold;"


class PeopleModel(RowsModel):
    CONTEXT = "PeopleModel"
    HEADERS = {
        0: QT_TRANSLATE_NOOP("PeopleModel", "姓名"),
        1: QT_TRANSLATE_NOOP("PeopleModel", "用户名"),
        2: QT_TRANSLATE_NOOP("PeopleModel", "角色"),
        3: QT_TRANSLATE_NOOP("PeopleModel", "受理单位"),
        4: QT_TRANSLATE_NOOP("PeopleModel", "登录"),
        5: QT_TRANSLATE_NOOP("PeopleModel", "状态"),
    }

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row: StaffRow = self.row_at(index.row())
        column = index.column()
        if column == 0:
            return row.name
        if column == 1:
            return row.username or "—"
        if column == 2:
            return role_label(row.role)
        if column == 3:
            return row.unit or "—"
        if column == 4:
            if row.username is None:
                return self.tr("不登录")
            if not row.has_password:
                return self.tr("未设密码")
            return self.tr("已锁定") if row.locked_until else self.tr("可登录")
        return self.tr("在用") if row.active else self.tr("停用")


@dataclass
class PersonChange:
    """What the form asks to store; staff_id None: a new person."""

    staff_id: int | None
    name: str
    role: str
    username: str
    password: str
    active: bool


@dataclass
class Saved:
    staff_id: int
    rows: list[StaffRow]
    login_turned_on: bool  # the first password: log-in applies from the next start


class PeopleDialog(QDialog):
    loaded = Signal()  # the list shows the database's people
    saved = Signal(object)  # Saved

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.rows: list[StaffRow] = []
        self.editing: StaffRow | None = None
        self.select_after_load: int | None = None
        self.setWindowTitle(self.tr("人员与角色"))
        self.resize(980, 560)

        self.model = PeopleModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.handlers_check = QCheckBox(self.tr("也显示经办人（不使用本软件的人员）"))
        self.handlers_check.toggled.connect(self._show_rows)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.handlers_check)

        self.name_edit = QLineEdit()
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem(role_label(role), role.value)
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("例如 zhangsan；空：不登录"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.active_check = QCheckBox(self.tr("在用（停用后不能登录，也不出现在名单中）"))
        form = QFormLayout()
        form.addRow(self.tr("姓名："), self.name_edit)
        form.addRow(self.tr("角色："), self.role_combo)
        form.addRow(self.tr("用户名："), self.username_edit)
        form.addRow(self.tr("新密码："), self.password_edit)
        form.addRow(self.tr("再次输入："), self.repeat_edit)
        form.addRow("", self.active_check)
        self.role_note = QLabel(
            self.tr(
                "回访员：电话回访，只看到所领取业务件的完整号码。\n"
                "组长：二次回访、投诉、廉洁纪律反映。\n"
                "管理员：导入、日历、结果表、服务用语、人员、设置、数据保留、审计日志。\n"
                "审计员：查看和导出审计日志、人员考核。"
            )
        )
        self.role_note.setStyleSheet("color: #555555;")
        self.role_note.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.new_button = QPushButton(self.tr("新增人员(&N)"))
        self.new_button.clicked.connect(self.new_person)
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.setToolTip(self.tr("保存此人的信息（Ctrl+S）"))
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.new_button)
        form_buttons.addStretch(1)
        form_buttons.addWidget(self.save_button)
        self.form_box = QGroupBox(self.tr("人员信息"))
        box_layout = QVBoxLayout(self.form_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.message_label)
        box_layout.addLayout(form_buttons)
        box_layout.addStretch(1)
        box_layout.addWidget(self.role_note)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)

        self.new_person()
        self.load()

    # Loading and showing

    def load(self) -> None:
        me = logged_in()
        by_id = me.id if me else None

        def read(session: Session, _progress: Progress) -> tuple[list[StaffRow], PasswordPolicy]:
            return list_staff(session, viewer_id=by_id), password_policy(session)

        (
            operation(self, self.database, read)
            .on_success(self._read)
            .on_failure(self._failed)
            .busy(self.save_button)
            .run()
        )

    def _read(self, read: tuple[list[StaffRow], PasswordPolicy]) -> None:
        rows, policy = read
        # The rule as the settings (security.*) have it now.
        self.password_edit.setPlaceholderText(
            self.tr("至少 {length} 个字符，{classes} 类字符；空：不修改").format(
                length=policy.min_length, classes=policy.classes
            )
        )
        self._loaded(rows)

    def _loaded(self, rows: list[StaffRow]) -> None:
        self.rows = rows
        self._show_rows()
        if self.select_after_load is not None:
            self.select(self.select_after_load)
        self.loaded.emit()

    def _show_rows(self) -> None:
        everyone = self.handlers_check.isChecked()
        self.model.show_rows(
            r
            for r in self.rows
            if everyone or r.username or r.is_operator or r.role != Role.OPERATOR.value
        )

    def select(self, staff_id: int) -> None:
        for number, row in enumerate(self.model.rows()):
            if row.id == staff_id:
                self.table.selectRow(number)
                return

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row: StaffRow = self.model.row_at(current.row())
        self.editing = row
        self.name_edit.setText(row.name)
        self.name_edit.setEnabled(False)  # a name is the records' business (经办人 and all)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(row.role)))
        self.username_edit.setText(row.username or "")
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.active_check.setChecked(row.active)
        self.active_check.setEnabled(True)
        self.form_box.setTitle(self.tr("人员信息：{name}").format(name=row.name))
        self.show_message("")

    def new_person(self) -> None:
        self.table.clearSelection()
        self.editing = None
        self.name_edit.clear()
        self.name_edit.setEnabled(True)
        self.role_combo.setCurrentIndex(self.role_combo.findData(Role.OPERATOR.value))
        for edit in (self.username_edit, self.password_edit, self.repeat_edit):
            edit.clear()
        self.active_check.setChecked(True)
        self.active_check.setEnabled(False)
        self.form_box.setTitle(self.tr("新增人员"))
        self.show_message("")
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # Saving

    def change(self) -> PersonChange:
        return PersonChange(
            staff_id=self.editing.id if self.editing else None,
            name=self.name_edit.text().strip(),
            role=self.role_combo.currentData(),
            username=self.username_edit.text().strip(),
            password=self.password_edit.text(),
            active=self.active_check.isChecked(),
        )

    def save(self) -> None:
        if self.busy:
            return
        change = self.change()
        if change.password != self.repeat_edit.text():
            self.show_message(self.tr("两次输入的密码不一致。"), ERROR_STYLE)
            self.repeat_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        me = logged_in()
        by_id = me.id if me else None

        def store(session: Session, _progress: Progress) -> Saved:
            before = accounts_exist(session)
            if change.staff_id is None:
                staff_id = add_staff(session, change.name, change.role, by_id=by_id).id
            else:
                staff_id = change.staff_id
                change_role(session, staff_id, change.role, by_id=by_id)
            set_username(session, staff_id, change.username or None, by_id=by_id)
            if change.password:
                set_password(session, staff_id, change.password, by_id=by_id)
            set_active(session, staff_id, change.active, by_id=by_id)
            session.flush()
            turned_on = not before and accounts_exist(session)
            return Saved(staff_id, list_staff(session, viewer_id=by_id), turned_on)

        (
            operation(self, self.database, store)
            .writing()
            .on_success(self._saved)
            .on_failure(self._failed)
            .busy(self.save_button)
            .run()
        )

    def _saved(self, saved: Saved) -> None:
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.select_after_load = saved.staff_id
        self._loaded(saved.rows)
        if saved.login_turned_on:
            self.show_message(
                self.tr("已保存。已有人设置了密码：从下次启动起，所有人都需要用户名和密码登录。"),
                DONE_STYLE,
            )
        else:
            self.show_message(self.tr("已保存。"), DONE_STYLE)
        self.saved.emit(saved)

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)

    def _failed(self, error: Exception) -> None:
        self.show_message(str(error), ERROR_STYLE)

    @property
    def busy(self) -> bool:
        """Whether the dialog's work is under way (the save button is off meanwhile)."""
        return bool(running_for(self))
