"""回访结果: the call outcomes as a table — labels, shortcut key, flags, retry wait, in use —
checked as one types against the rules that keep the call desk usable (app.desk.outcomes
.check_outcomes), saved in one transaction (administrators). Others see the table read-only."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.desk.outcomes import (
    MAX_RETRY_MINUTES,
    OutcomeInvalid,
    OutcomeRow,
    all_outcomes,
    check_outcomes,
    save_outcomes,
)
from app.roles import Permission
from db.database import Database
from ui.current_user import logged_in, permitted
from ui.operations import Progress, operation
from ui.shortcuts import shortcuts

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ERROR_STYLE = "color: #b3261e; font-weight: bold;"
DONE_STYLE = "color: #2e7d32; font-weight: bold;"

# Columns: (field of OutcomeRow, header, kind): text, key, a flag (check box), or minutes.
COLUMNS = (
    ("label", QT_TRANSLATE_NOOP("OutcomesDialog", "名称"), "text"),
    ("label_en", QT_TRANSLATE_NOOP("OutcomesDialog", "英文名称"), "text"),
    ("key", QT_TRANSLATE_NOOP("OutcomesDialog", "快捷键"), "text"),
    ("final", QT_TRANSLATE_NOOP("OutcomesDialog", "结束"), "flag"),
    ("contact", QT_TRANSLATE_NOOP("OutcomesDialog", "已接通"), "flag"),
    ("note_required", QT_TRANSLATE_NOOP("OutcomesDialog", "须备注"), "flag"),
    ("next_number", QT_TRANSLATE_NOOP("OutcomesDialog", "换号"), "flag"),
    ("retry_minutes", QT_TRANSLATE_NOOP("OutcomesDialog", "重拨间隔（分钟）"), "minutes"),
    ("active", QT_TRANSLATE_NOOP("OutcomesDialog", "在用"), "flag"),
)
HEADER_TIPS = {
    "key": QT_TRANSLATE_NOOP("OutcomesDialog", "回访工作台上选择此结果的按键：一个字母或数字"),
    "final": QT_TRANSLATE_NOOP("OutcomesDialog", "不再拨打此业务件"),
    "contact": QT_TRANSLATE_NOOP("OutcomesDialog", "联系上了被回访人"),
    "note_required": QT_TRANSLATE_NOOP("OutcomesDialog", "记录此结果时必须填写备注"),
    "next_number": QT_TRANSLATE_NOOP(
        "OutcomesDialog", "改拨此业务件的下一个号码；已是最后一个号码时结束"
    ),
    "retry_minutes": QT_TRANSLATE_NOOP(
        "OutcomesDialog", "多少分钟后再拨（0 到 10080）；空：下一个半天"
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutcomesDialog", text)


class OutcomesDialog(QDialog):
    loaded = Signal()  # the table shows the database's outcomes
    saved = Signal(object)  # dict[str, OutcomeRow]

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.editable = permitted(Permission.ADMINISTER)
        self.stored: list[OutcomeRow] = []
        self.problem: str | None = None
        self._filling = False
        self.setWindowTitle(self.tr("回访结果"))
        self.resize(1060, 520)

        intro = QLabel(
            self.tr(
                "回访员在回访工作台按快捷键记录未成功的通话。结果不能删除，只能停用，"
                "以前的拨打记录仍显示其名称。“已回访”以回访单保存：它始终在用、结束、已接通。"
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS) + 1)
        self.table.setHorizontalHeaderLabels(
            [self.tr("代码")] + [_tr(header) for _name, header, _kind in COLUMNS]
        )
        for number, (name, _header, _kind) in enumerate(COLUMNS, start=1):
            if name in HEADER_TIPS:
                self.table.horizontalHeaderItem(number).setToolTip(_tr(HEADER_TIPS[name]))
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if self.editable:
            self.table.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.AnyKeyPressed
            )
        else:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemChanged.connect(self._edited)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.setToolTip(self.tr("保存所有修改（Ctrl+S）"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("撤销修改(&R)"))
        self.revert_button.clicked.connect(self.revert)
        close_button = QPushButton(self.tr("关闭"))
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        if not self.editable:
            buttons.addWidget(QLabel(self.tr("仅管理员可以修改回访结果。")))
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)
        for button in (self.save_button, self.revert_button):
            button.setAutoDefault(False)
            button.setVisible(self.editable)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        shortcuts(self, [("Ctrl+S", self.save)])
        self._update_enabled()
        self.load()

    # Loading and showing

    def load(self) -> None:
        def read(session: Session, _progress: Progress) -> list[OutcomeRow]:
            return all_outcomes(session)

        operation(self, self.database, read).on_success(self._loaded).run()

    def _loaded(self, rows: list[OutcomeRow]) -> None:
        self.stored = rows
        self._fill(rows)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.table.rowCount():
            self.table.setCurrentCell(0, 1)
        self.loaded.emit()

    def _fill(self, rows: list[OutcomeRow]) -> None:
        self._filling = True
        self.table.setRowCount(len(rows))
        editable = Qt.ItemFlag.ItemIsEditable if self.editable else Qt.ItemFlag.NoItemFlags
        checkable = Qt.ItemFlag.ItemIsUserCheckable if self.editable else Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for number, row in enumerate(rows):
            code = QTableWidgetItem(row.code)
            code.setFlags(base)
            self.table.setItem(number, 0, code)
            for column, (name, _header, kind) in enumerate(COLUMNS, start=1):
                value = getattr(row, name)
                item = QTableWidgetItem()
                if kind == "flag":
                    item.setFlags(base | checkable)
                    item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
                else:
                    item.setFlags(base | editable)
                    item.setText("" if value is None else str(value))
                    if kind != "text":
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(number, column, item)
        self._filling = False
        self._check()

    def revert(self) -> None:
        self._fill(self.stored)
        self.show_message("")

    # Checking as one types

    def edited_rows(self) -> list[OutcomeRow]:
        """The table as on screen; OutcomeInvalid for a retry wait that is not a number."""
        rows = []
        for number, stored in enumerate(self.stored):
            values = {}
            for column, (name, _header, kind) in enumerate(COLUMNS, start=1):
                item = self.table.item(number, column)
                if kind == "flag":
                    values[name] = item.checkState() == Qt.CheckState.Checked
                elif kind == "minutes":
                    text = item.text().strip()
                    if text and not text.isdigit():
                        raise OutcomeInvalid(
                            self.tr("“{label}”：重拨间隔须为 0 到 {most} 的整数分钟").format(
                                label=stored.label, most=MAX_RETRY_MINUTES
                            )
                        )
                    values[name] = int(text) if text else None
                else:
                    values[name] = item.text()
            rows.append(replace(stored, **values))
        return rows

    def changes(self) -> dict[str, dict[str, object]]:
        """What differs from the database, per outcome: what Save would store."""
        checked = check_outcomes(self.edited_rows())
        found = {}
        for before, after in zip(self.stored, checked, strict=True):
            differing = {
                name: getattr(after, name)
                for name, _header, _kind in COLUMNS
                if getattr(before, name) != getattr(after, name)
            }
            if differing:
                found[before.code] = differing
        return found

    def _edited(self, _item: QTableWidgetItem) -> None:
        if not self._filling:
            self._check()

    def _check(self) -> None:
        try:
            pending = self.changes()
        except OutcomeInvalid as problem:
            self.problem = str(problem)
            self.show_message(self.problem, ERROR_STYLE)
        else:
            self.problem = None
            self.show_message(
                self.tr("已修改 {n} 项结果，尚未保存。").format(n=len(pending)) if pending else ""
            )
        self._update_enabled()

    def _update_enabled(self, running: bool = False) -> None:
        has_changes = self.problem is None and bool(self._pending())
        self.save_button.setEnabled(self.editable and has_changes and not running)
        self.revert_button.setEnabled(self.editable and not running)

    def _pending(self) -> dict[str, dict[str, object]]:
        try:
            return self.changes() if self.stored else {}
        except OutcomeInvalid:
            return {}

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)

    # Saving

    def save(self) -> None:
        if not self.editable or not self.save_button.isEnabled():
            return
        pending = self._pending()
        me = logged_in()

        def store(session: Session, _progress: Progress) -> dict[str, OutcomeRow]:
            return save_outcomes(session, pending, by_id=me.id if me else None)

        (
            operation(self, self.database, store)
            .writing()
            .on_success(self._saved)
            .on_failure(self._failed)
            .busy(self.save_button, self.revert_button)
            .run()
        )

    def _saved(self, rows: dict[str, OutcomeRow]) -> None:
        self.stored = sorted(rows.values(), key=lambda row: (row.position, row.code))
        self._fill(self.stored)
        self.show_message(self.tr("回访结果已保存。"), DONE_STYLE)
        self.saved.emit(rows)

    def _failed(self, error: Exception) -> None:
        self.show_message(str(error), ERROR_STYLE)
        self._update_enabled()


def open_outcomes(window: MainWindow) -> None:
    """The menu's 回访结果…: editable for administrators, read-only for the others."""
    OutcomesDialog(window.database, window).exec()
