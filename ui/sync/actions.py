"""The sync menu's actions: export, import, send cases to call, and the conflicts for the lead.

Files are written and read on the database thread with a progress dialog that can cancel;
a cancelled or refused file writes nothing. Results and refusals are shown in messages that do
not block the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMenu, QMessageBox
from sqlalchemy.orm import Session

from app.keys import sync_keyring, trusted_sites
from app.roles import Permission
from app.scanning.store import AttachmentStore
from app.staff import StaffMember
from app.sync import (
    SUFFIX,
    ExportResult,
    SyncSummary,
    apply_sync_file,
    default_file_name,
    read_sync_file,
    write_cases_to_call,
    write_changes,
)
from db.transactions import lock_for_writing
from ui import file_dialogs
from ui.admin.keys_dialog import KeysDialog
from ui.current_user import current_staff, enable_for, logged_in, permitted
from ui.operations import Progress, delete_when_idle, operation
from ui.sync.conflicts_dialog import ConflictsDialog
from ui.sync.send_cases_dialog import SendCasesDialog


def add_sync_actions(menu: QMenu, window: QMainWindow) -> SyncActions:
    """Add the sync actions to `menu`; `window` has the `database`. The returned object
    signals `data_changed` after an import, for the window to refresh what it shows."""
    actions = SyncActions(window, parent=menu)
    # The files themselves are for every role (app.sync asks only that the person be logged
    # in); deciding a conflict is the lead's (app.sync.conflicts requires LEAD_BOARD).
    for text, slot, permission, who_may in (
        (
            QCoreApplication.translate("SyncActions", "导出同步文件(&E)…"),
            actions.export_changes,
            None,
            "",
        ),
        (
            QCoreApplication.translate("SyncActions", "导出全部记录（补缺）(&A)…"),
            actions.export_everything,
            None,
            "",
        ),
        (
            QCoreApplication.translate("SyncActions", "导入同步文件(&I)…"),
            actions.import_file,
            None,
            "",
        ),
        (
            QCoreApplication.translate("SyncActions", "发送待回访业务件(&S)…"),
            actions.send_cases,
            None,
            "",
        ),
        (
            QCoreApplication.translate("SyncActions", "同步冲突(&C)…"),
            actions.show_conflicts,
            Permission.LEAD_BOARD,
            QCoreApplication.translate("SyncActions", "仅限组长和管理员"),
        ),
        (
            QCoreApplication.translate("SyncActions", "密钥交换(&K)…"),
            actions.open_keys,
            Permission.ADMINISTER,
            QCoreApplication.translate("SyncActions", "仅限管理员"),
        ),
    ):
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False, run=slot: run())
        if permission is not None:
            enable_for(menu, action, permission, who_may)
    return actions


class SyncActions(QObject):
    data_changed = Signal()  # an import or a decision changed records
    message_shown = Signal(str)  # the text of a result or refusal just shown

    def __init__(self, window: QMainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.database = window.database
        self.store = AttachmentStore.for_database(self.database)
        self.folder = file_dialogs.start_folder("sync")  # where 发送待回访业务件 proposes
        self.conflicts_dialog: ConflictsDialog | None = None
        self.send_dialog: SendCasesDialog | None = None
        self.keys_dialog: KeysDialog | None = None

    # Where files go: dialogs, replaced in tests.

    def ask_save_path(self, title: str, name: str) -> Path | None:
        return file_dialogs.save_path(self.window, title, "sync", name, self._file_filter())

    def ask_open_path(self, title: str) -> Path | None:
        return file_dialogs.open_path(self.window, title, "sync", self._file_filter())

    def ask_recipient(self, names: list[str]) -> str | None:
        """Which trusted site a file is for, when keys were exchanged with more than one."""
        name, chosen = QInputDialog.getItem(
            self.window,
            self.tr("发给哪个站点"),
            self.tr("同步文件加密发给（只有它能打开）："),
            names,
            0,
            False,
        )
        return name if chosen else None

    def _recipient(self, names: list[str]) -> tuple[bool, str | None]:
        """(go on, the site to encrypt for): None, the one trusted site (or none: the export
        then says to exchange keys first); asked when there are several."""
        if len(names) <= 1:
            return True, None
        name = self.ask_recipient(names)
        return name is not None, name

    def _file_filter(self) -> str:
        return self.tr("回访台同步文件 (*{suffix});;所有文件 (*)").format(suffix=SUFFIX)

    # The actions

    def export_changes(self) -> None:
        """The records created or changed since this site's last export."""
        self._ask_and_export(full=False)

    def export_everything(self) -> None:
        """Every record: for a centre that refused a file because an earlier one never came."""
        self._ask_and_export(full=True)

    def _ask_and_export(self, *, full: bool) -> None:
        def name(session: Session, _progress: Progress) -> tuple[str, list[str]]:
            return default_file_name(session), _trusted_names(session)

        (
            operation(self.window, self.database, name)
            .on_success(lambda found: self._export_to(*found, full))
            .on_failure(self._refused)
            .run()
        )

    def _export_to(self, name: str, sites: list[str], full: bool) -> None:
        go_on, to = self._recipient(sites)
        if not go_on:
            return
        path = self.ask_save_path(self.tr("导出同步文件"), name)
        if path is None:
            return
        self.folder = path.parent
        store, by_id = self.store, _logged_in_id()

        def export(session: Session, progress: Progress) -> ExportResult:
            return write_changes(
                session, store, path, progress=progress, full=full, by_id=by_id, to=to
            )

        (
            operation(self.window, self.database, export)
            .writing()
            .on_success(self._exported)
            .on_failure(self._refused)
            .on_cancel(self._cancelled)
            .with_progress_dialog(self.tr("正在导出同步文件…"))
            .run()
        )

    def import_file(self) -> None:
        path = self.ask_open_path(self.tr("导入同步文件"))
        if path is None:
            return
        self.folder = path.parent
        store, by_id = self.store, _logged_in_id()

        database = self.database

        def apply(session: Session, progress: Progress) -> SyncSummary:
            # The keys in a short session of their own: this one's first statement must be the
            # write lock's (below).
            with database.sessions() as reading:
                keys = sync_keyring(reading)
            # Checked whole before anything is written: signed by a trusted site, for this one.
            with read_sync_file(path, keys) as checked:
                # Then the write lock (what .writing() takes at the start): other seats wait for
                # the file to be applied, not for a large file to be read and checked.
                lock_for_writing(session)
                return apply_sync_file(session, store, checked, progress=progress, by_id=by_id)

        (
            operation(self.window, self.database, apply)
            .on_success(self._imported)
            .on_failure(self._refused)
            .on_cancel(self._cancelled)
            .with_progress_dialog(self.tr("正在导入同步文件…"))
            .run()
        )

    def send_cases(self) -> None:
        dialog = SendCasesDialog(self.database, self.folder, self.window)
        dialog.accepted.connect(lambda: self._ask_recipient_and_send(dialog))
        dialog.open()
        self.send_dialog = dialog

    def _ask_recipient_and_send(self, dialog: SendCasesDialog) -> None:
        unit_ids, path = dialog.chosen_unit_ids(), dialog.path()
        (
            operation(self.window, self.database, _trusted_sites_of)
            .on_success(lambda sites: self._send(unit_ids, path, sites))
            .on_failure(self._refused)
            .run()
        )

    def _send(self, unit_ids: list[int], path: Path, sites: list[str]) -> None:
        go_on, to = self._recipient(sites)
        if not go_on:
            return
        self.folder = path.parent
        store, by_id = self.store, _logged_in_id()

        def export(session: Session, progress: Progress) -> ExportResult:
            return write_cases_to_call(
                session, store, path, unit_ids, progress=progress, by_id=by_id, to=to
            )

        (
            operation(self.window, self.database, export)
            .writing()
            .on_success(self._exported)
            .on_failure(self._refused)
            .on_cancel(self._cancelled)
            .with_progress_dialog(self.tr("正在导出待回访业务件…"))
            .run()
        )

    def show_conflicts(self) -> None:
        def who(session: Session, _progress: Progress) -> StaffMember | None:
            return current_staff(session)  # logged in, or chosen at a seat without log-in

        (
            operation(self.window, self.database, who)
            .on_success(self._open_conflicts)
            .on_failure(self._refused)
            .run()
        )

    def _open_conflicts(self, staff: StaffMember | None) -> None:
        if staff is None or not staff.may(Permission.LEAD_BOARD):
            self._show(
                QMessageBox.Icon.Information,
                self.tr("同步冲突"),
                self.tr("只有组长或管理员可以处理同步冲突。请以组长身份使用本机后再打开。"),
            )
            return
        dialog = ConflictsDialog(self.database, staff, self.window)
        dialog.decided.connect(lambda _row: self.data_changed.emit())
        dialog.show()
        self.conflicts_dialog = dialog

    def open_keys(self) -> None:
        """This installation's key file, the sites trusted here, the recovery key."""
        if not permitted(Permission.ADMINISTER):
            self._show(
                QMessageBox.Icon.Information,
                self.tr("密钥交换"),
                self.tr("只有管理员可以交换密钥和制作恢复密钥。"),
            )
            return
        dialog = KeysDialog(self.database, self.window)
        dialog.finished.connect(lambda _result: delete_when_idle(dialog))
        dialog.open()
        self.keys_dialog = dialog

    # Results

    def _exported(self, result: ExportResult) -> None:
        self._show(QMessageBox.Icon.Information, self.tr("同步文件已导出"), result.text())

    def _imported(self, summary: SyncSummary) -> None:
        self.data_changed.emit()
        icon = QMessageBox.Icon.Warning if summary.conflicts else QMessageBox.Icon.Information
        self._show(icon, self.tr("同步文件已导入"), summary.text())

    def _refused(self, error: Exception) -> None:
        self._show(QMessageBox.Icon.Warning, self.tr("同步"), str(error))

    def _cancelled(self) -> None:
        self._show(
            QMessageBox.Icon.Information, self.tr("同步"), self.tr("已取消，没有写入任何数据。")
        )

    def _show(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.message_shown.emit(text)


def _trusted_names(session: Session) -> list[str]:
    return [site.name or site.site_id for site in trusted_sites(session)]


def _trusted_sites_of(session: Session, _progress: Progress) -> list[str]:
    return _trusted_names(session)


def _logged_in_id() -> int | None:
    """Who exports, for the audit trail (None where nobody logs in)."""
    person = logged_in()
    return person.id if person is not None else None
