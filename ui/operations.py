"""Database work off the GUI thread, one user action per transaction (after Anki's operations).

    operation = BackgroundOperation(database, work, expected=(FileRefused,), parent=self)
    operation.progressed.connect(self.show_progress)      # (done, total)
    operation.succeeded.connect(self.show_result)         # work's return value
    operation.failed.connect(self.show_problem)           # an expected error, e.g. FileRefused
    operation.finished.connect(self.become_idle)          # always last, whatever happened
    operation.start()

`work(session, progress)` runs on the database thread in its own session, inside
`with database.sessions.begin()`: it commits when `work` returns and rolls back when it raises.
`progress(done, total)` reports to the GUI thread; after `cancel()` it raises ImportCancelled
instead, so the work stops and nothing of it is stored. An unexpected exception is logged and
shown in a polite message; it never reaches Qt's event loop. Every signal is emitted on the GUI
thread, so receivers may touch widgets.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from app.importing import ImportCancelled
from db.database import Database
from ui.error_dialog import show_unexpected_error

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Session, Progress], Any]

_pool: QThreadPool | None = None
# Operations under way, kept alive until they finish even if their owner lets go of them.
_running: set[BackgroundOperation] = set()


def database_thread() -> QThreadPool:
    """One worker thread for all database work: two writers on SQLite would only wait on each
    other, and one at a time keeps the order of the operator's actions (like Anki's taskman)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def busy() -> bool:
    return bool(_running)


def cancel_and_wait() -> None:
    """Cancel what can be cancelled, wait for the database thread and deliver the outcomes
    (when the window closes), so that every operation has finished when this returns."""
    for operation in list(_running):
        operation.cancel()
    database_thread().waitForDone()
    for operation in list(_running):
        QCoreApplication.sendPostedEvents(operation)


class BackgroundOperation(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()  # the last signal; the operation then deletes itself

    # From the worker thread to this object's own slots (queued: they run on the GUI thread).
    _progress_reported = Signal(int, int)
    _outcome_reported = Signal(str, object)

    def __init__(
        self,
        database: Database,
        work: Work,
        *,
        expected: tuple[type[Exception], ...] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._work = work
        self._expected = expected
        self._cancel_requested = threading.Event()
        self._progress_reported.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._outcome_reported.connect(self._on_outcome, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        _running.add(self)
        database_thread().start(self._run)

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report; `cancelled` follows if it does."""
        self._cancel_requested.set()

    # On the database thread

    def _run(self) -> None:
        try:
            with self._database.sessions.begin() as session:
                result = self._work(session, self._report_progress)
        except ImportCancelled:
            self._outcome_reported.emit("cancelled", None)
        except self._expected as error:
            self._outcome_reported.emit("failed", error)
        except Exception:
            logger.exception("Background operation %s failed", _name(self._work))
            self._outcome_reported.emit("crashed", traceback.format_exc())
        else:
            self._outcome_reported.emit("succeeded", result)

    def _report_progress(self, done: int, total: int) -> None:
        if self._cancel_requested.is_set():
            raise ImportCancelled
        self._progress_reported.emit(done, total)

    # On the GUI thread

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot(str, object)
    def _on_outcome(self, outcome: str, value: object) -> None:
        _running.discard(self)
        try:
            if outcome == "succeeded":
                self.succeeded.emit(value)
            elif outcome == "failed":
                self.failed.emit(value)
            elif outcome == "cancelled":
                self.cancelled.emit()
            else:
                parent = self.parent()
                show_unexpected_error(parent if isinstance(parent, QWidget) else None, value)
        finally:
            self.finished.emit()
            self.deleteLater()  # an operation runs once


def _name(work: Work) -> str:
    return getattr(work, "__qualname__", repr(work))
