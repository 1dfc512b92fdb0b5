"""Backups off the GUI thread, on a thread of their own, with a progress dialog and Cancel.

A backup reads its own snapshot through its own connection (or runs pg_dump), and a restore
writes a new database: neither needs the database thread of ui.operations, and a backup of a
large file would hold up every operator action queued behind it there. So they run one at a
time on a thread of their own, and are cancelled and waited for when the application quits.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.operations import BackgroundOperation

_pool: QThreadPool | None = None
_running: set[BackupOperation] = set()


def backup_thread() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(wait_for_backups)
    return _pool


class BackupOperation(BackgroundOperation):
    """A BackgroundOperation (same signals, same handling of errors and Cancel) on the backup
    thread. Its work gets a session it need not use: a backup opens its own connection."""

    def start(self) -> None:
        _running.add(self)
        self.finished.connect(lambda: _running.discard(self))
        backup_thread().start(self._run)


def backups_running() -> bool:
    return bool(_running)


def wait_for_backups() -> None:
    """Cancel the backups under way, wait for them, and deliver their outcomes (at quit)."""
    for operation in list(_running):
        operation.cancel()
    if _pool is not None:
        _pool.waitForDone()
    for operation in list(_running):
        QCoreApplication.sendPostedEvents(operation)


def show_progress(operation: BackgroundOperation, label: str, parent: QWidget) -> QProgressDialog:
    """A window-modal progress dialog for `operation`: its bar follows the progress (busy while
    the total is unknown), Cancel cancels it, and it closes when the operation finishes."""
    cancel = QCoreApplication.translate("BackupProgress", "取消")
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setWindowTitle(parent.windowTitle())
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    operation.progressed.connect(progressed)
    dialog.canceled.connect(operation.cancel)
    operation.finished.connect(dialog.close)
    dialog.show()
    return dialog
