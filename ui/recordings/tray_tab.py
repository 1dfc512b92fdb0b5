"""录音: this seat's recordings folder imported, and the tray of recordings no call was found for
— each listened to, then filed to one of the calls near it or discarded (team leads and
administrators).

    Ctrl+I   import the recordings folder now (设置 → 本机 → 录音文件夹; Cancel stops it)
    Alt+W    import it every minute while this tab is open
    Alt+T    the tray              Alt+C   the calls near the chosen recording
    Space    play / pause the chosen recording (←/→ 5 s)
    Ctrl+Enter  file the recording to the chosen call      Delete   discard it (asks first)
    F5       reload
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.recordings.filing import (
    CandidateAttempt,
    RecordingRow,
    candidates,
    discard_recording,
    file_recording,
    tray,
)
from app.recordings.folder import RecordingImport, import_recordings, seat_operator
from app.roles import Permission
from app.scanning.store import AttachmentStore
from app.staff import StaffMember
from db.database import Database
from ui import preferences
from ui.current_user import logged_in, working_here
from ui.desk.display import local_time
from ui.operations import Progress, operation
from ui.recordings.player import RecordingPlayer, clock_text

WATCH_INTERVAL_MS = 60_000
HINT_STYLE = "color: #555555;"


@dataclass
class TrayView:
    rows: list[RecordingRow]
    may_file: bool


def _item(text: str, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class RecordingsTab(QWidget):
    imported = Signal(object)  # the RecordingImport of a run
    reloaded = Signal()  # the tray on screen is up to date
    candidates_shown = Signal()

    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.rows: list[RecordingRow] = []
        self.found: list[CandidateAttempt] = []
        self._loaded = False
        self._importing = False
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_INTERVAL_MS)
        self.watch_timer.timeout.connect(self._watch_tick)
        self._build()

    def _build(self) -> None:
        self.folder_label = QLabel()
        self.folder_label.setStyleSheet(HINT_STYLE)
        self.folder_label.setWordWrap(True)
        self.import_button = QPushButton(self.tr("立即导入(&I) (Ctrl+I)"))
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.import_now)
        self.watch_box = QCheckBox(self.tr("每分钟自动导入(&W)"))
        self.watch_box.setChecked(preferences.RECORDINGS_WATCHING.get())
        self.watch_box.toggled.connect(self._watch_toggled)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("录音时间"),
                self.tr("时长"),
                self.tr("号码"),
                self.tr("回访员"),
                self.tr("文件名"),
            ]
        )
        self._table_setup(self.table)
        self.table.itemSelectionChanged.connect(self._recording_chosen)
        tray_label = QLabel(self.tr("待匹配录音(&T)"))
        tray_label.setBuddy(self.table)
        self.player = RecordingPlayer(self.database, self.current_staff)

        self.calls = QTableWidget(0, 5)
        self.calls.setHorizontalHeaderLabels(
            [
                self.tr("拨打时间"),
                self.tr("业务编号"),
                self.tr("号码"),
                self.tr("回访员"),
                self.tr("结果"),
            ]
        )
        self._table_setup(self.calls)
        calls_label = QLabel(self.tr("附近的通话(&C)"))
        calls_label.setBuddy(self.calls)
        self.file_button = QPushButton(self.tr("归档到所选通话 (Ctrl+Enter)"))
        self.file_button.setAutoDefault(False)
        self.file_button.clicked.connect(self.file_chosen)
        self.discard_button = QPushButton(self.tr("丢弃 (Delete)"))
        self.discard_button.setAutoDefault(False)
        self.discard_button.clicked.connect(self.discard_chosen)
        self.permission_label = QLabel()
        self.permission_label.setStyleSheet(HINT_STYLE)

        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.watch_box)
        top.addWidget(self.import_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.permission_label, 1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.file_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.result_label)
        layout.addWidget(tray_label)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.player)
        layout.addWidget(calls_label)
        layout.addWidget(self.calls, 1)
        layout.addLayout(buttons)
        for key, slot in (
            ("Ctrl+I", self.import_now),
            ("F5", self.reload),
            ("Ctrl+Return", self.file_chosen),
            ("Ctrl+Enter", self.file_chosen),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        for view in (self.table, self.calls):
            # The lists hear the player's keys too: listen while choosing.
            for key, slot in (
                (Qt.Key.Key_Delete, self.discard_chosen),
                (Qt.Key.Key_Space, self.player.toggle),
                (Qt.Key.Key_Left, self.player.back),
                (Qt.Key.Key_Right, self.player.forward),
            ):
                shortcut = QShortcut(QKeySequence(key), view)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(slot)
        self._show_folder()
        self._update_enabled()

    def _table_setup(self, table: QTableWidget) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.reload()
            self._watch_toggled(self.watch_box.isChecked())

    def staff_changed(self) -> None:
        """Another person at the seat: the tray as their role may see it."""
        if self._loaded:
            self.reload()

    def _by_id(self) -> int | None:
        staff = self.current_staff()
        return staff.id if staff else None

    def may_file(self) -> bool:
        staff = self.current_staff()
        return staff is None or staff.may(Permission.LEAD_BOARD)

    # The folder

    def folder(self) -> Path | None:
        text = preferences.RECORDINGS_FOLDER.get()
        return Path(text).expanduser() if text else None

    def _show_folder(self) -> None:
        folder = self.folder()
        self.folder_label.setText(
            self.tr("录音文件夹：{folder}").format(folder=folder)
            if folder
            else self.tr("本机未设置录音文件夹（设置 → 本机 → 录音文件夹）")
        )
        # Nothing to import from until the seat names its folder.
        self.import_button.setEnabled(folder is not None)
        self.watch_box.setEnabled(folder is not None)

    def import_now(self, *, quiet: bool = False) -> None:
        """Import the seat's recordings folder off the GUI thread; Cancel keeps nothing."""
        self._show_folder()
        folder = self.folder()
        if folder is None or self._importing:
            return
        store = AttachmentStore.for_database(self.database)
        actor_id = self._by_id()
        # The seat's operator, as the call desk knows it: the person logged in, else its name.
        person, name = logged_in(), working_here()

        def work(session: Session, progress: Progress) -> RecordingImport:
            operator_id = person.id if person is not None else seat_operator(session, name)
            return import_recordings(
                session,
                store,
                folder,
                actor_id=actor_id,
                operator_id=operator_id,
                progress=progress,
            )

        self._importing = True
        job = operation(self, self.database, work).writing().on_success(self._imported)
        job.on_finish(self._import_finished).busy(self.import_button)
        if not quiet:
            job.with_progress_dialog(self.tr("正在导入录音…"))
        job.run()

    def _import_finished(self) -> None:
        self._importing = False

    def _imported(self, result: RecordingImport) -> None:
        text = result.message
        if result.messages:
            text += "\n" + "\n".join(result.messages[:5])
        self.result_label.setText(text)
        self.imported.emit(result)
        self.reload()

    def _watch_toggled(self, on: bool) -> None:
        preferences.RECORDINGS_WATCHING.set(on)
        if on and self.folder() is not None:
            self.watch_timer.start()
        else:
            self.watch_timer.stop()

    def _watch_tick(self) -> None:
        if self.isVisible():
            self.import_now(quiet=True)

    # The tray

    def reload(self) -> None:
        if not self.may_file():
            self.permission_label.setText(self.tr("待匹配录音仅组长、管理员可处理。"))
            self.rows = []
            self.table.setRowCount(0)
            self._update_enabled()
            self.reloaded.emit()
            return
        viewer_id = self._by_id()

        def load(session: Session, _progress: Progress) -> list[RecordingRow]:
            return tray(session, viewer_id=viewer_id)

        operation(self, self.database, load).on_success(self._show_tray).run()

    def _show_tray(self, rows: list[RecordingRow]) -> None:
        chosen = self.chosen_recording()
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            for column, text in enumerate(
                (
                    local_time(row.recorded_at),
                    clock_text(row.duration_seconds * 1000),
                    row.phone or "",
                    row.operator or "",
                    row.filename or "",
                )
            ):
                self.table.setItem(number, column, _item(text, row.recording_id))
        self.table.blockSignals(False)
        self.permission_label.setText(self.tr("待匹配 {n} 个录音").format(n=len(rows)))
        keep = next(
            (i for i, row in enumerate(rows) if chosen and row.recording_id == chosen.recording_id),
            0 if rows else None,
        )
        if keep is not None:
            self.table.selectRow(keep)
        self._recording_chosen()
        self.reloaded.emit()

    def chosen_recording(self) -> RecordingRow | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().selectedRows() if self.table.model() else []
        if not selected or not 0 <= row < len(self.rows):
            return None
        return self.rows[row]

    def chosen_call(self) -> CandidateAttempt | None:
        row = self.calls.currentRow()
        selected = self.calls.selectionModel().selectedRows()
        if not selected or not 0 <= row < len(self.found):
            return None
        return self.found[row]

    def _recording_chosen(self) -> None:
        row = self.chosen_recording()
        if self.player.current_recording() != row:
            self.player.show_recording(row)
        self.found = []
        self.calls.setRowCount(0)
        self._update_enabled()
        if row is None:
            return
        viewer_id = self._by_id()
        recording_id = row.recording_id

        def load(session: Session, _progress: Progress) -> list[CandidateAttempt]:
            return candidates(session, recording_id, viewer_id=viewer_id)

        operation(self, self.database, load).on_success(
            lambda found: self._show_calls(recording_id, found)
        ).run()

    def _show_calls(self, recording_id: int, found: list[CandidateAttempt]) -> None:
        chosen = self.chosen_recording()
        if chosen is None or chosen.recording_id != recording_id:
            return
        self.found = found
        self.calls.setRowCount(len(found))
        for number, call in enumerate(found):
            for column, text in enumerate(
                (
                    local_time(call.attempted_at),
                    call.case_no,
                    call.phone or "",
                    call.operator or "",
                    call.outcome + (self.tr("（已有录音）") if call.has_recording else ""),
                )
            ):
                self.calls.setItem(number, column, _item(text, call.call_attempt_id))
        if found:
            self.calls.selectRow(0)
        self._update_enabled()
        self.candidates_shown.emit()

    def file_chosen(self) -> None:
        recording, call = self.chosen_recording(), self.chosen_call()
        if recording is None or call is None or not self.may_file():
            return
        by_id = self._by_id()

        def work(session: Session, _progress: Progress) -> None:
            file_recording(session, recording.recording_id, call.call_attempt_id, by_id=by_id)

        self.player.stop()
        operation(self, self.database, work).writing().on_success(
            lambda _none: self._changed(self.tr("已归档到 {case_no}").format(case_no=call.case_no))
        ).run()

    def discard_chosen(self) -> None:
        recording = self.chosen_recording()
        if recording is None or not self.may_file():
            return
        answer = QMessageBox.question(
            self,
            self.tr("丢弃录音"),
            self.tr("丢弃此录音？它仍被保存，但不再等待归档。"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        by_id = self._by_id()

        def work(session: Session, _progress: Progress) -> None:
            discard_recording(session, recording.recording_id, by_id=by_id)

        self.player.stop()
        operation(self, self.database, work).writing().on_success(
            lambda _none: self._changed(self.tr("已丢弃"))
        ).run()

    def _changed(self, text: str) -> None:
        self.result_label.setText(text)
        self.reload()

    def _update_enabled(self) -> None:
        may = self.may_file()
        self.table.setEnabled(may)
        self.calls.setEnabled(may)
        self.file_button.setEnabled(
            may and self.chosen_recording() is not None and bool(self.found)
        )
        self.discard_button.setEnabled(may and self.chosen_recording() is not None)
        self.import_button.setEnabled(not self._importing)
