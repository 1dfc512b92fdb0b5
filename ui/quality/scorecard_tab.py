"""质检评分表: the team lead edits the scorecard's criteria. A criterion is never deleted, only
made inactive (untick 在用); scores already given keep the criterion as it was.

Alt+L the table (F2 edits a cell, Space ticks 关键 / 在用) · Alt+N a new criterion ·
Ctrl+S save (the whole card is checked first) · Alt+U undo the changes (reload).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from app.quality.scorecard import CriterionRow, all_criteria, save_criteria
from app.roles import Permission, may
from app.staff import StaffMember
from db.database import Database
from ui.operations import Progress, operation
from ui.shortcuts import shortcuts

LABEL, LABEL_EN, SOURCE, WEIGHT, CRITICAL, ACTIVE, POSITION = range(7)
SUCCESS_STYLE = "color: #2e7d32; font-weight: bold;"
WARNING_STYLE = "color: #c62828; font-weight: bold;"


class ScorecardTab(QWidget):
    loaded = Signal()
    saved = Signal()

    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.rows: list[CriterionRow] = []  # as loaded; new ones follow in the table
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("名称"),
                self.tr("英文名称"),
                self.tr("依据"),
                self.tr("分值"),
                self.tr("关键项"),
                self.tr("在用"),
                self.tr("顺序"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        title = QLabel(self.tr("评分标准(&L)（★ 关键项不满分即开立纠正措施）："))
        title.setBuddy(self.table)
        self.add_button = QPushButton(self.tr("新增标准(&N)"))
        self.add_button.clicked.connect(self.add_row)
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.reload_button = QPushButton(self.tr("撤销修改(&U)"))
        self.reload_button.clicked.connect(self.refresh)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        actions = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.reload_button):
            actions.addWidget(button)
        actions.addWidget(self.message_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        shortcuts(self, [("Ctrl+S", self.save)])
        self._update_enabled()

    def _by_id(self) -> int | None:
        staff = self.current_staff()
        return staff.id if staff is not None else None

    def _update_enabled(self) -> None:
        staff = self.current_staff()
        allowed = staff is None or may(staff.role, Permission.INSPECT_QUALITY)
        for button in (self.add_button, self.save_button):
            button.setEnabled(allowed)
        self.table.setEditTriggers(
            # Not "any key": Alt+N and the other keys must reach the tab while the table has focus.
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
            if allowed
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )

    def staff_changed(self) -> None:
        self._update_enabled()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.rows:
            self.refresh()

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setStyleSheet(style)
        self.message_label.setText(text)

    def refresh(self) -> None:
        def load(session: Session, _progress: Progress) -> list[CriterionRow]:
            return all_criteria(session)

        # Reading the card seeds it on first use: a write.
        operation(self, self.database, load).writing().on_success(self._show).on_failure(
            lambda error: self.show_message(str(error), WARNING_STYLE)
        ).run()

    def _show(self, rows: list[CriterionRow]) -> None:
        self.rows = rows
        self.table.setRowCount(0)
        for row in rows:
            self._append(row)
        self._update_enabled()
        self.loaded.emit()

    def _append(self, row: CriterionRow) -> None:
        number = self.table.rowCount()
        self.table.insertRow(number)
        texts = {
            LABEL: row.label,
            LABEL_EN: row.label_en,
            SOURCE: row.source or "",
            WEIGHT: str(row.weight),
            POSITION: str(row.position),
        }
        for column, text in texts.items():
            self.table.setItem(number, column, QTableWidgetItem(text))
        for column, value in ((CRITICAL, row.critical), (ACTIVE, row.active)):
            item = QTableWidgetItem()
            item.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            self.table.setItem(number, column, item)

    def add_row(self) -> None:
        if not self.add_button.isEnabled():
            return
        last = max(
            [self._number(r, POSITION) or 0 for r in range(self.table.rowCount())], default=0
        )
        self._append(CriterionRow("", "", "", None, 10, False, last + 10, True))
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, LABEL)
        self.table.setFocus()
        self.table.editItem(self.table.item(row, LABEL))

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _number(self, row: int, column: int) -> int | None:
        text = self._text(row, column).strip()
        try:
            return int(text)
        except ValueError:
            return None

    def _checked(self, row: int, column: int) -> bool:
        return self.table.item(row, column).checkState() == Qt.CheckState.Checked

    def _row(self, number: int, code: str) -> CriterionRow | None:
        weight, position = self._number(number, WEIGHT), self._number(number, POSITION)
        if weight is None or position is None:
            return None
        return CriterionRow(
            code,
            self._text(number, LABEL),
            self._text(number, LABEL_EN),
            self._text(number, SOURCE) or None,
            weight,
            self._checked(number, CRITICAL),
            position,
            self._checked(number, ACTIVE),
        )

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        changes: dict[str, dict] = {}
        new: list[CriterionRow] = []
        for number in range(self.table.rowCount()):
            code = self.rows[number].code if number < len(self.rows) else ""
            row = self._row(number, code)
            if row is None:
                self.table.setCurrentCell(number, WEIGHT)
                self.show_message(
                    self.tr("第 {0} 行：分值和顺序须为整数").format(number + 1), WARNING_STYLE
                )
                return
            if number < len(self.rows):
                before = self.rows[number]
                changed = {
                    name: getattr(row, name)
                    for name in (
                        "label",
                        "label_en",
                        "source",
                        "weight",
                        "critical",
                        "active",
                        "position",
                    )
                    if getattr(row, name) != getattr(before, name)
                }
                if changed:
                    changes[code] = changed
            else:
                new.append(row)
        by_id = self._by_id()

        def work(session: Session, _progress: Progress) -> list[CriterionRow]:
            return save_criteria(session, changes, new=new, by_id=by_id)

        operation(self, self.database, work).writing().on_success(self._saved).on_failure(
            lambda error: self.show_message(str(error), WARNING_STYLE)
        ).busy(self.save_button).run()

    def _saved(self, rows: list[CriterionRow]) -> None:
        self._show(rows)
        self.show_message(self.tr("评分表已保存。"), SUCCESS_STYLE)
        self.saved.emit()
