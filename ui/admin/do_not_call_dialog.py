"""免打扰号码: the numbers never dialled again, for administrators (app.desk.do_not_call).

The list of marks in force (number, source, reason, when, who); a number marked by hand or
cleared with a reason (both audited); a list of numbers imported from CSV or .xlsx (a bad row
refuses the whole file). Keys: Alt+N the number, Alt+R the reason, Alt+M mark, Alt+C clear,
Alt+I import a list, F5 read the list again; a row chosen in the list fills in its number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.desk.do_not_call import (
    REASON_LENGTH,
    ListImport,
    Mark,
    clear_number,
    import_list,
    mark_number,
    marks,
    source_label,
)
from app.phones import ParsedPhone
from db.database import Database
from ui.current_user import logged_in
from ui.desk.display import local_time
from ui.file_dialogs import open_path
from ui.operations import Progress, operation
from ui.rows_model import RowsModel
from ui.shortcuts import shortcuts

if TYPE_CHECKING:
    from pathlib import Path

ERROR_STYLE = "color: #b3261e; font-weight: bold;"
DONE_STYLE = "color: #2e7d32; font-weight: bold;"


def number_text(e164: str) -> str:
    """The number as people read it: 138 1234 5678, 0531-8612 3456."""
    return ParsedPhone(e164, e164, None, None).display()


class MarksModel(RowsModel):
    CONTEXT = "DoNotCallModel"
    HEADERS = {
        0: QT_TRANSLATE_NOOP("DoNotCallModel", "号码"),
        1: QT_TRANSLATE_NOOP("DoNotCallModel", "来源"),
        2: QT_TRANSLATE_NOOP("DoNotCallModel", "原因"),
        3: QT_TRANSLATE_NOOP("DoNotCallModel", "标记时间"),
        4: QT_TRANSLATE_NOOP("DoNotCallModel", "标记人"),
    }

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row: Mark = self.row_at(index.row())
        column = index.column()
        if column == 0:
            return number_text(row.phone_e164)
        if column == 1:
            return source_label(row.source)
        if column == 2:
            return " ".join((row.reason or "").split()) or "—"
        if column == 3:
            return local_time(row.marked_at, "%Y-%m-%d %H:%M")
        return row.marked_by or "—"


class DoNotCallDialog(QDialog):
    loaded = Signal()  # the list shows the database's marks
    changed = Signal(str)  # a number marked, cleared or a list imported: what was said

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.busy = False
        self.setWindowTitle(self.tr("免打扰号码"))
        self.resize(900, 560)

        self.model = MarksModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.count_label = QLabel()

        self.number_edit = QLineEdit()
        self.number_edit.setMaxLength(40)
        self.number_edit.setPlaceholderText(self.tr("例如 138 1234 5678 或 0531-8612 3456"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(REASON_LENGTH)
        self.reason_edit.setPlaceholderText(self.tr("标记的原因；解除时必填"))
        self.mark_button = QPushButton(self.tr("标记(&M)"))
        self.mark_button.setToolTip(self.tr("把这个号码标记为免打扰：任何方式都不再拨打"))
        self.mark_button.clicked.connect(self.mark)
        self.clear_button = QPushButton(self.tr("解除标记(&C)"))
        self.clear_button.setToolTip(self.tr("解除这个号码的免打扰标记，须填写原因，记入审计日志"))
        self.clear_button.clicked.connect(self.clear)
        self.import_button = QPushButton(self.tr("导入名单(&I)…"))
        self.import_button.setToolTip(
            self.tr("CSV 或 .xlsx，每行一个号码，第二列可写原因；有一行出错则整份不导入")
        )
        self.import_button.clicked.connect(self.choose_list)
        form = QFormLayout()
        form.addRow(self.tr("号码(&N)："), self.number_edit)
        form.addRow(self.tr("原因(&R)："), self.reason_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mark_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        note = QLabel(
            self.tr(
                "标记为免打扰的号码不会再被拨打：回访队列、预约、二次回访和手工拨号都会跳过它；"
                "导入业务件或其他通话结果都不会解除标记，只有管理员可以解除。"
                "标记一直保留，不受数据保留期限影响（这是本人的要求）。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(note)
        layout.addWidget(close)
        shortcuts(self, [("F5", self.load)])
        self.load()

    # The list

    def load(self) -> None:
        me = logged_in()

        def read(session: Session, _progress: Progress) -> list[Mark]:
            return marks(session, viewer_id=me.id if me else None)

        operation(self, self.database, read).on_success(self._loaded).on_failure(self._failed).run()

    def _loaded(self, rows: list[Mark]) -> None:
        self.model.show_rows(rows)
        self.count_label.setText(self.tr("共 {n} 个免打扰号码").format(n=len(rows)))
        self.loaded.emit()

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.number_edit.setText(number_text(self.model.row_at(current.row()).phone_e164))

    # Changes

    def _by_id(self) -> int | None:
        me = logged_in()
        return me.id if me else None

    def mark(self) -> None:
        number, reason, by_id = self.number_edit.text(), self.reason_edit.text(), self._by_id()

        def store(session: Session, _progress: Progress) -> tuple[str, bool]:
            return mark_number(session, number, by_id=by_id, reason=reason)

        self._run(store, self._marked)

    def _marked(self, result: tuple[str, bool]) -> None:
        e164, new = result
        shown = number_text(e164)
        if new:
            self._done(self.tr("已标记 {number} 为免打扰。").format(number=shown))
        else:
            self._done(self.tr("{number} 原已是免打扰号码。").format(number=shown))

    def clear(self) -> None:
        number, reason, by_id = self.number_edit.text(), self.reason_edit.text(), self._by_id()

        def store(session: Session, _progress: Progress) -> str:
            return clear_number(session, number, by_id=by_id, reason=reason)

        self._run(store, self._cleared)

    def _cleared(self, e164: str) -> None:
        self._done(self.tr("已解除 {number} 的免打扰标记。").format(number=number_text(e164)))

    def choose_list(self) -> None:
        path = open_path(
            self,
            self.tr("导入免打扰名单"),
            "do_not_call",
            self.tr("名单 (*.csv *.txt *.xlsx)"),
        )
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        by_id = self._by_id()

        def store(session: Session, _progress: Progress) -> ListImport:
            return import_list(session, path, by_id=by_id)

        self._run(store, self._imported)

    def _imported(self, result: ListImport) -> None:
        self._done(
            self.tr(
                "名单 {rows} 行：新标记 {marked} 个号码，{already} 个原已标记；"
                "{ended} 个排队中的业务件因无号码可拨而结束。"
            ).format(
                rows=result.rows,
                marked=result.marked,
                already=result.already,
                ended=result.ended_entries,
            )
        )

    def _run(self, work, succeeded) -> None:
        if self.busy:
            return
        self._set_busy(True)
        (
            operation(self, self.database, work)
            .writing()
            .on_success(succeeded)
            .on_failure(self._failed)
            .on_finish(self._idle)
            .run()
        )

    def _done(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(DONE_STYLE)
        self.reason_edit.clear()
        self.changed.emit(text)
        self.load()

    def _failed(self, error: Exception) -> None:
        self.message_label.setText(str(error))
        self.message_label.setStyleSheet(ERROR_STYLE)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.mark_button, self.clear_button, self.import_button):
            button.setEnabled(not busy)

    def _idle(self) -> None:
        self._set_busy(False)
