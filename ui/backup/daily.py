"""The daily automatic backup of a SQLite database, while the app runs (setting backup.daily).

Shortly after start-up and then every hour, it looks in the backup folder: when the newest
backup of this database is older than a day, it makes one in the background (no dialog) and
deletes the daily backups beyond backup.keep. The status bar says what happened.

PostgreSQL databases are left to the server: every seat of a call centre backing up the same
database each day would only multiply the dumps (README: a nightly `backup create --daily`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from app.backup import DailyBackupResult, backup_settings, make_daily_backup
from db.database import Database
from db.engine import sqlite_path
from ui.current_user import logged_in
from ui.operations import Operation, Progress, operation

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60 * 60 * 1000
FIRST_CHECK_MS = 5_000  # let the window come up first


class DailyBackup(QObject):
    made = Signal(object)  # DailyBackupResult
    failed = Signal(str)
    checked = Signal()  # after every check, whatever it found (for tests and the curious)

    def __init__(
        self, window: QMainWindow, database: Database, *, first_check_ms: int = FIRST_CHECK_MS
    ) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.operation: Operation | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        if sqlite_path(database.url) is None:
            log.info(
                "No automatic daily backup of %s: the app backs up SQLite files only",
                database.display_url(),
            )
            return
        self.timer.start()
        QTimer.singleShot(first_check_ms, self, self.check)

    def check(self) -> None:
        """Back up now if the setting is on and the newest backup is a day old (in the background)."""
        if self.operation is not None:
            return
        database = self.database
        person = logged_in()
        by_id = person.id if person is not None else None

        def work(progress: Progress) -> DailyBackupResult | None:
            settings = backup_settings(database)
            if not settings.daily:
                return None
            return make_daily_backup(database, settings, progress, by_id=by_id)

        self.operation = (
            operation(self, None, work)
            .on_success(self._succeeded)
            .on_failure(self._failed)
            .on_finish(self._finished)
            .run()
        )

    def _succeeded(self, result: DailyBackupResult | None) -> None:
        if result is None:
            return
        text = self.tr("已自动备份到 {path}").format(path=result.path)
        if result.removed:
            text += self.tr("，并删除了 {n} 份较早的自动备份").format(n=len(result.removed))
        self._status(text, 15_000)
        self.made.emit(result)

    def _failed(self, error: Exception) -> None:
        log.warning("The daily backup failed: %s", error)
        # Stays in the status bar: a backup that keeps failing must not go unnoticed.
        self._status(self.tr("自动备份没有完成：{error}").format(error=error), 0)
        self.failed.emit(str(error))

    def _finished(self) -> None:
        self.operation = None
        self.checked.emit()

    def _status(self, text: str, timeout_ms: int) -> None:
        self.window.statusBar().showMessage(text, timeout_ms)
