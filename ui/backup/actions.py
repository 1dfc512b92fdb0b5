"""The backup menu: back up now, verify a backup, restore one into a new database.

Backing up and restoring are for administrators: a backup holds every phone number in the
database, and a restore makes a whole new one. Verifying a file only reads it: anyone may.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from app import clock
from app.backup import (
    MANUAL,
    BackupError,
    Manifest,
    RestoreResult,
    VerifyReport,
    authorize_unsigned_restore,
    backup_keyring,
    backup_settings,
    create_backup,
    default_backup_folder,
    describe,
    new_backup_path,
    read_manifest,
    restore_backup,
    verify_backup,
)
from app.keys import RecoveryKey, recovery_public
from app.roles import Permission, role_label
from db.database import Database
from db.engine import data_dir, sqlite_path
from ui import file_dialogs
from ui.admin.keys_dialog import KeysDialog
from ui.backup.restore_dialog import RestoreDialog
from ui.current_user import current_staff, enable_for, logged_in, permitted
from ui.operations import delete_when_idle, operation

log = logging.getLogger(__name__)


def _back_up(database: Database, path: Path, progress, by_id: int | None) -> tuple[Manifest, bool]:
    """The backup, and whether the installation has a recovery key (on the file thread)."""
    manifest = create_backup(database, path, progress, by_id=by_id)
    with database.sessions() as session:
        return manifest, recovery_public(session) is not None


def add_backup_actions(menu: QMenu, window: QWidget) -> BackupActions:
    """Add 立即备份…, 校验备份… and 从备份恢复到新数据库… to `menu`, for `window.database`.

    May be called again when the window rebuilds its menus (a language switch): the window
    keeps one BackupActions, which outlives the menus.
    """
    actions = window.findChild(BackupActions) or BackupActions(window, window.database)
    administrators_only = QCoreApplication.translate("BackupActions", "仅限管理员")
    back_up = menu.addAction(QCoreApplication.translate("BackupActions", "立即备份…"))
    back_up.triggered.connect(actions.back_up_now)
    enable_for(menu, back_up, Permission.ADMINISTER, administrators_only)
    menu.addAction(QCoreApplication.translate("BackupActions", "校验备份…")).triggered.connect(
        actions.verify
    )  # anyone may
    restore = menu.addAction(QCoreApplication.translate("BackupActions", "从备份恢复到新数据库…"))
    restore.triggered.connect(actions.restore)
    enable_for(menu, restore, Permission.ADMINISTER, administrators_only)
    return actions


class BackupActions(QObject):
    def __init__(self, window: QWidget, database: Database) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.keys_dialog: KeysDialog | None = None

    # 立即备份…

    def back_up_now(self) -> None:
        if not self._administrator(self.tr("备份数据库")):
            return
        try:
            folder = backup_settings(self.database).folder
            suggested = new_backup_path(folder, self.database.url, MANUAL)
        except BackupError as error:  # e.g. an in-memory database
            self._show(QMessageBox.Icon.Warning, self.tr("无法备份"), str(error))
            return
        path = file_dialogs.save_path(
            self.window,
            self.tr("立即备份"),
            "backup",
            suggested.name,
            self.tr("回访台备份 (*.zip)"),
            folder=suggested.parent,  # the backup folder of the settings, until another is used
            confirm_overwrite=False,  # an existing file is refused
        )
        if path is None:
            return
        if path.suffix.lower() != ".zip":
            path = path.with_name(f"{path.name}.zip")
        database, person = self.database, logged_in()
        by_id = person.id if person is not None else None  # app.backup checks the role again
        # A backup reads through connections of its own: no session, the file thread.
        (
            operation(self.window, None, lambda progress: _back_up(database, path, progress, by_id))
            .on_success(lambda made: self._backed_up(path, *made))
            .on_failure(
                lambda error: self._show(QMessageBox.Icon.Warning, self.tr("没有备份"), str(error))
            )
            .on_cancel(lambda: self._status(self.tr("备份已取消，没有留下未完成的文件。")))
            .with_progress_dialog(self.tr("正在备份到 {path}…").format(path=path))
            .run()
        )

    def _backed_up(self, path: Path, manifest: Manifest, has_recovery_key: bool) -> None:
        summary = "\n".join(describe(manifest))
        if manifest.missing_attachments:
            summary += "\n\n" + self.tr(
                "注意：有 {n} 个附件在存储中缺失或已损坏，没有备份。"
            ).format(n=len(manifest.missing_attachments))
        text = self.tr("已备份到：\n{path}\n备份已由本机签名并加密。").format(path=path)
        if not has_recovery_key:
            text += "\n\n" + self.tr(
                "本机还没有恢复密钥：如果数据库和本机的密钥丢失，这份备份将无法恢复。"
                "请现在制作恢复密钥，打印或抄写后妥善保管。"
            )
        box = self._show(
            QMessageBox.Icon.Information if has_recovery_key else QMessageBox.Icon.Warning,
            self.tr("备份完成"),
            text,
            informative=summary,
        )
        if not has_recovery_key:
            make = box.addButton(self.tr("制作恢复密钥(&R)…"), QMessageBox.ButtonRole.ActionRole)
            make.clicked.connect(self.open_keys)
        self._status(self.tr("已备份到 {path}").format(path=path))

    # 校验备份…

    def verify(self) -> None:
        path = file_dialogs.open_path(
            self.window,
            self.tr("校验备份"),
            "backup",
            self.tr("回访台备份 (*.zip);;所有文件 (*)"),
            folder=self._backup_folder(),
        )
        if path is None:
            return
        database = self.database

        def verify(progress) -> VerifyReport:
            return verify_backup(path, progress, keys=backup_keyring(database))

        (
            operation(self.window, None, verify)
            .on_success(self._verified)
            .on_failure(
                lambda error: self._show(
                    QMessageBox.Icon.Critical, self.tr("备份不能使用"), str(error)
                )
            )
            .with_progress_dialog(self.tr("正在校验 {name}…").format(name=path.name))
            .run()
        )

    def _verified(self, report: VerifyReport) -> None:
        text = self.tr("备份完好：{name}\n每个文件的 SHA-256 都与清单一致。").format(
            name=report.path.name
        )
        if report.warnings:
            text += "\n\n" + "\n".join(report.warnings)
        self._show(
            QMessageBox.Icon.Information,
            self.tr("备份完好"),
            text,
            report.text(),
            "\n".join(describe(report.manifest)),
        )

    # 从备份恢复到新数据库…

    def restore(self) -> None:
        if not self._administrator(self.tr("从备份恢复")):
            return
        path = file_dialogs.open_path(
            self.window,
            self.tr("选择要恢复的备份"),
            "backup",
            self.tr("回访台备份 (*.zip);;所有文件 (*)"),
            folder=self._backup_folder(),
        )
        if path is None:
            return
        try:
            manifest = read_manifest(path)
        except BackupError as error:
            self._show(QMessageBox.Icon.Critical, self.tr("备份不能使用"), str(error))
            return
        dialog = RestoreDialog(path, manifest, self._suggested_target(manifest), self.window)
        dialog.accepted.connect(
            lambda: self._start_restore(
                path, dialog.target(), dialog.recovery_key(), dialog.allow_unsigned()
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _start_restore(
        self, path: Path, target: str, recovery_key: str, allow_unsigned: bool
    ) -> None:
        database, person = self.database, logged_in()
        by_id = person.id if person is not None else None

        def restore(progress) -> RestoreResult:
            recovery = RecoveryKey.parse(recovery_key) if recovery_key else None
            if allow_unsigned:
                authorize_unsigned_restore(database, path, by_id=by_id)  # administrators
            keys = backup_keyring(database, recovery)
            return restore_backup(path, target, progress, keys=keys, allow_unsigned=allow_unsigned)

        # A restore writes a new database, not the one in use: no session, the file thread.
        (
            operation(self.window, None, restore)
            .on_success(self._restored)
            .on_failure(
                lambda error: self._show(QMessageBox.Icon.Warning, self.tr("没有恢复"), str(error))
            )
            .on_cancel(lambda: self._status(self.tr("恢复已取消，没有留下新的数据库。")))
            .with_progress_dialog(self.tr("正在从 {name} 恢复…").format(name=path.name))
            .run()
        )

    def _restored(self, result: RestoreResult) -> None:
        self._show(
            QMessageBox.Icon.Information,
            self.tr("恢复完成"),
            self.tr(
                "备份已恢复到新数据库：\n{target}\n\n正在使用的数据库没有改动。要使用恢复的数据库，"
                "请以 --db {target} 启动回访台（或设置 REVISITDESK_DB）。"
            ).format(target=result.target),
            result.text(),
        )

    # Helpers

    def _administrator(self, action: str) -> bool:
        """Whether the person at this seat may administer; tells them when not.

        The person's role decides. Where nobody logs in and no name has been chosen, anyone
        could choose an administrator's name, so nothing is gained by refusing (ui.current_user).
        """
        with self.database.sessions() as session:
            staff = current_staff(session)
        allowed = staff.may(Permission.ADMINISTER) if staff else permitted(Permission.ADMINISTER)
        if allowed:
            return True
        who = (
            self.tr("{name}（{role}）").format(name=staff.name, role=role_label(staff.role))
            if staff
            else self.tr("未知")
        )
        self._show(
            QMessageBox.Icon.Warning,
            self.tr("需要管理员"),
            self.tr("只有管理员可以{action}。当前使用者：{who}。").format(action=action, who=who),
        )
        return False

    def _backup_folder(self) -> Path:
        try:
            return backup_settings(self.database).folder
        except BackupError:
            return default_backup_folder(self.database.url)

    def _suggested_target(self, manifest: Manifest) -> Path:
        """A new file beside the database in use: NAME-restored-YYYYMMDD-HHMM.sqlite3."""
        current = sqlite_path(self.database.url)
        folder = current.parent if current else data_dir()
        stem = Path(manifest.source).stem if manifest.backend == "sqlite" else "revisitdesk"
        stamp = clock.local_now().strftime("%Y%m%d-%H%M")
        path, number = folder / f"{stem}-restored-{stamp}.sqlite3", 1
        while path.exists():
            number += 1
            path = folder / f"{stem}-restored-{stamp}-{number}.sqlite3"
        return path

    def _show(
        self,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        details: str = "",
        informative: str = "",
    ) -> QMessageBox:
        """A window-modal message that does not block (the work has finished by now)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setInformativeText(informative)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def open_keys(self) -> None:
        """The keys dialog, where the recovery key is made (also under 网点同步 → 密钥交换)."""
        dialog = KeysDialog(self.database, self.window)
        dialog.finished.connect(lambda _result: delete_when_idle(dialog))
        dialog.open()
        self.keys_dialog = dialog

    def _status(self, text: str) -> None:
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().showMessage(text, 10_000)
