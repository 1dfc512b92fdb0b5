"""审计日志: the audit trail for auditors and administrators — filtered by days, person, record
and action, each entry's values before and after, exported to Excel or CSV."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.audit import (
    AuditChoices,
    AuditQuery,
    AuditRow,
    action_title,
    audit_choices,
    audit_entries,
    count_audit_entries,
    entity_title,
)
from app.audit_export import export_audit_trail, values_text
from app.clock import local_now
from app.zone import LOCAL_ZONE
from db.database import Database
from ui import file_dialogs
from ui.current_user import logged_in
from ui.operations import Progress, operation, running_for
from ui.rows_model import RowsModel

VIEW_LIMIT = 5000  # entries shown at once; the export has them all
ERROR_STYLE = "color: #b3261e; font-weight: bold;"
DAYS_SHOWN = 30


class AuditModel(RowsModel):
    CONTEXT = "AuditModel"
    HEADERS = {
        0: QT_TRANSLATE_NOOP("AuditModel", "时间"),
        1: QT_TRANSLATE_NOOP("AuditModel", "操作人"),
        2: QT_TRANSLATE_NOOP("AuditModel", "操作"),
        3: QT_TRANSLATE_NOOP("AuditModel", "对象"),
        4: QT_TRANSLATE_NOOP("AuditModel", "修改前"),
        5: QT_TRANSLATE_NOOP("AuditModel", "修改后"),
    }

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        row: AuditRow = self.row_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return row.action
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return str(row.entity_uid) if row.entity_uid else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return row.at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M:%S")
        if column == 1:
            return row.actor or self.tr("（未登录）")
        if column == 2:
            return action_title(row.action)
        if column == 3:
            title = entity_title(row.entity)
            return f"{title}：{row.subject}" if row.subject else title
        values = row.before if column == 4 else row.after
        return _short(values_text(values))


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Loaded:
    rows: list[AuditRow]
    total: int
    choices: AuditChoices | None


class AuditDialog(QDialog):
    loaded = Signal()  # the table shows the entries asked for
    exported = Signal(object)  # the Path written

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("审计日志"))
        self.resize(1180, 680)

        today = local_now().date()
        self.start_edit = _date_edit(today - timedelta(days=DAYS_SHOWN))
        self.end_edit = _date_edit(today)
        self.actor_combo = QComboBox()
        self.actor_combo.setEditable(True)
        self.actor_combo.setMinimumWidth(150)
        self.actor_combo.lineEdit().setPlaceholderText(self.tr("全部"))
        self.actor_combo.lineEdit().returnPressed.connect(self.search)
        self.entity_combo = QComboBox()
        self.entity_combo.setMinimumWidth(120)
        self.action_combo = QComboBox()
        self.action_combo.setMinimumWidth(150)
        self.search_button = QPushButton(self.tr("查询(&Q)"))
        self.search_button.clicked.connect(self.search)
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("从(&F)："), self.start_edit),
            (self.tr("到(&T)："), self.end_edit),
            (self.tr("操作人(&A)："), self.actor_combo),
            (self.tr("对象(&R)："), self.entity_combo),
            (self.tr("操作(&O)："), self.action_combo),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
            filters.addSpacing(6)
        filters.addWidget(self.search_button)
        filters.addStretch(1)

        self.count_label = QLabel()
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 140, 130, 190, 290)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)

        self.before_text = QPlainTextEdit()
        self.after_text = QPlainTextEdit()
        details = QWidget()
        details_layout = QHBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        for title, text in (
            (self.tr("修改前"), self.before_text),
            (self.tr("修改后"), self.after_text),
        ):
            text.setReadOnly(True)
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(text)
            details_layout.addWidget(box)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.export_button = QPushButton(self.tr("导出(&E)…"))
        self.export_button.setToolTip(self.tr("把符合条件的全部记录导出为 Excel 或 CSV 文件"))
        self.export_button.clicked.connect(self.choose_export_file)
        close_button = QPushButton(self.tr("关闭"))
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message_label, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._load(with_choices=True)

    # Asking

    def query(self) -> AuditQuery:
        return AuditQuery(
            start=_day(self.start_edit),
            end=_day(self.end_edit),
            actor=self.actor_combo.currentText().strip() or None,
            entity=self.entity_combo.currentData(),
            action=self.action_combo.currentData(),
        )

    def search(self) -> None:
        if not self.busy:
            self._load(with_choices=False)

    def _load(self, *, with_choices: bool) -> None:
        query = self.query()

        def read(session: Session, _progress: Progress) -> Loaded:
            return Loaded(
                rows=audit_entries(session, query, limit=VIEW_LIMIT),
                total=count_audit_entries(session, query),
                choices=audit_choices(session) if with_choices else None,
            )

        (
            operation(self, self.database, read)
            .on_success(self._show)
            .on_failure(self._failed)
            .busy(self.search_button, self.export_button)
            .run()
        )

    def _show(self, loaded: Loaded) -> None:
        if loaded.choices is not None:
            self._fill_choices(loaded.choices)
        self.model.show_rows(loaded.rows)
        if loaded.total > len(loaded.rows):
            self.count_label.setText(
                self.tr(
                    "共 {total} 条，只显示最新的 {shown} 条；请缩小范围。导出包含全部。"
                ).format(total=loaded.total, shown=len(loaded.rows))
            )
        else:
            self.count_label.setText(self.tr("共 {total} 条。").format(total=loaded.total))
        self.before_text.clear()
        self.after_text.clear()
        if loaded.rows:
            self.table.selectRow(0)
        self.loaded.emit()

    def _fill_choices(self, choices: AuditChoices) -> None:
        self.actor_combo.clear()
        self.actor_combo.addItem("")
        self.actor_combo.addItems(choices.actors)
        self.entity_combo.clear()
        self.entity_combo.addItem(self.tr("全部"), None)
        for entity in choices.entities:
            self.entity_combo.addItem(entity_title(entity), entity)
        self.action_combo.clear()
        self.action_combo.addItem(self.tr("全部"), None)
        for action in choices.actions:
            self.action_combo.addItem(action_title(action), action)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row: AuditRow = self.model.row_at(current.row())
        self.before_text.setPlainText(_pretty(row.before))
        self.after_text.setPlainText(_pretty(row.after))

    # Exporting

    def choose_export_file(self) -> None:
        if self.busy:
            return
        name = f"审计日志-{local_now():%Y%m%d}.xlsx"
        path = file_dialogs.save_path(
            self,
            self.tr("导出审计日志"),
            "report",
            name,
            self.tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"),
        )
        if path:
            self.export(path)

    def export(self, path: Path) -> None:
        """Write every entry that matches the filters (not only those shown) to `path`."""
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        query = self.query()
        person = logged_in()

        def write(session: Session, _progress: Progress) -> tuple[int, Path]:
            # The export is audited, by whoever is at the seat.
            return export_audit_trail(session, query, path, by_id=person and person.id), path

        (
            operation(self, self.database, write)
            .writing()
            .on_success(self._written)
            .on_failure(self._failed)
            .busy(self.search_button, self.export_button)
            .run()
        )

    def _written(self, result: tuple[int, Path]) -> None:
        count, path = result
        self.show_message(self.tr("已导出 {count} 条记录到 {path}").format(count=count, path=path))
        self.exported.emit(path)

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(style)

    def _failed(self, error: Exception) -> None:
        self.show_message(str(error), ERROR_STYLE)

    @property
    def busy(self) -> bool:
        """Whether a search or an export is under way (their buttons are off meanwhile)."""
        return bool(running_for(self))


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _pretty(values: dict | None) -> str:
    if values is None:
        return "—"
    return json.dumps(values, ensure_ascii=False, indent=2, sort_keys=True)
