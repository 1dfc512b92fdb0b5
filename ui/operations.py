"""Work off the GUI thread: the one way every page runs it (after Anki's qt/aqt/operations).

    operation(self, self.database, save_answers)   # work(session, progress), one transaction
        .writing()                                 # SQLite: take the write lock at once
        .on_success(self.show_saved)               # given work's return value
        .on_failure(self.show_refused)             # an expected error (default: a message box)
        .with_progress(self.show_progress)         # (done, total); .cancel() stops the work
        .busy(self.save_button)                    # disabled while it runs
        .run()

Database work runs on one database thread, one operation after another (two writers on SQLite
would only wait on each other, and the order of an operator's actions is kept), in a session of
its own inside `database.sessions.begin()`: it commits when the work returns and rolls back when
it raises. Work that reads or writes no session of the app's — a backup or a restore with
connections of their own, asking whether a scanner is there — is given none:
`operation(self, None, work)` runs `work(progress)` on the file thread, where a long backup
holds up no operator's action.

Expected errors — app.errors.Refused, what the domain raises when a request cannot be done, and
OSError, a file that cannot be read or written — go to `on_failure`, by default a polite message
over the parent window. Anything else is a bug: logged, shown as an unexpected error, never
left to reach Qt's event loop. After `cancel()` the work's next progress report raises
app.errors.Cancelled: the work stops, its transaction is rolled back and `on_cancel` follows.
Every callback runs on the GUI thread; `on_finish` runs last, whatever happened.

An operation is owned by the widget that starts it but is not its Qt child: a callback may hold
the last reference to that widget (a dialog a test or a caller no longer keeps), and freeing the
callbacks in the operation's destructor would then delete the widget from within the deletion of
its own child — memory freed twice, a crash some runs later. `running_for(widget)` finds a
widget's operations; when the widget was deleted before its work ended, nobody is told.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from sqlalchemy.orm import Session

from app.errors import Cancelled, Refused
from app.progress import Progress
from db.database import Database
from db.transactions import lock_for_writing
from ui.error_dialog import show_refusal, show_unexpected_error

logger = logging.getLogger(__name__)

__all__ = [
    "EXPECTED",
    "Operation",
    "Progress",
    "Work",
    "busy",
    "cancel_and_wait",
    "delete_when_idle",
    "operation",
    "running_for",
]

# work(session, progress) for database work; work(progress) for work without a session.
Work = Callable[[Session, Progress], Any]
EXPECTED: tuple[type[Exception], ...] = (Refused, OSError)

CANCEL_ROUNDS = 20  # outcomes starting work that starts work …: a bound, not a loop forever
_threads: dict[str, QThreadPool] = {}
# Operations under way, kept alive until they finish even if their owner lets go of them.
_running: set[Operation] = set()
# Finished ones, kept until the event loop turns once more (see Operation._on_outcome).
_retired: set[Operation] = set()


def _thread(name: str) -> QThreadPool:
    """A pool of one thread: "database" for the app's sessions, "files" for the rest."""
    if name not in _threads:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        _threads[name] = pool
    return _threads[name]


def operation(parent: QObject, database: Database | None, work: Callable[..., Any]) -> Operation:
    """An operation of `work` owned by `parent` (a widget, or an object within a window);
    nothing runs before `.run()`."""
    return Operation(parent, database, work)


def busy() -> bool:
    """Whether any operation is under way."""
    return bool(_running)


def cancel_and_wait() -> None:
    """Cancel what can be cancelled, wait for both threads and deliver the outcomes (when the
    window closes or the application quits), so that every operation has finished on return.

    An outcome delivered here may start more work (a page that has loaded who is at the seat
    refreshes its tabs): that is cancelled and waited for in turn, so that no worker is left
    running on a window about to be deleted.
    """
    for _round in range(CANCEL_ROUNDS):
        if not _running:
            return
        for running in list(_running):
            running.cancel()
        for pool in _threads.values():
            pool.waitForDone()
        for running in list(_running):
            QCoreApplication.sendPostedEvents(running)
    logger.error("Work was still being started after %d rounds of cancelling", CANCEL_ROUNDS)


def running_for(owner: QObject) -> list[Operation]:
    """The operations under way that `owner` or a widget within it started."""
    return [running for running in list(_running) if running.owned_by(owner)]


def delete_when_idle(widget: QObject) -> None:
    """Delete a closed widget once the operations it owns have finished: deleting it under
    their thread would lose what they report."""
    waiting = running_for(widget)
    if not waiting:
        widget.deleteLater()
        return
    left = len(waiting)

    def one_finished() -> None:
        nonlocal left
        left -= 1
        if left == 0:
            widget.deleteLater()

    for child in waiting:
        child.finished.connect(one_finished)


class Operation(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()  # the last signal; the operation then deletes itself

    # From the worker thread to this object's own slots (queued: they run on the GUI thread).
    _progress_reported = Signal(int, int)
    _outcome_reported = Signal(str, object)

    def __init__(self, owner: QObject, database: Database | None, work: Callable[..., Any]):
        # Not a child of its owner: the callbacks it holds may hold the last reference to the
        # owner (a dialog closed meanwhile), and freeing them in the operation's destructor
        # would then destroy the owner from within the destructor of its own child — memory
        # freed twice. `_running` keeps it alive instead, and `owned_by` finds it.
        super().__init__()
        self._owner: QObject | None = owner
        self._database = database
        self._work = work
        self._expected = EXPECTED
        self._writes = False
        self._failure_handled = False
        self._busy: list[QWidget] = []
        self._cancel_requested = threading.Event()
        self._started = False
        self._progress_reported.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._outcome_reported.connect(self._on_outcome, Qt.ConnectionType.QueuedConnection)

    # Building

    def writing(self) -> Operation:
        """The work writes rows others may read and write too: on SQLite its transaction takes
        the write lock before its first read (BEGIN IMMEDIATE)."""
        self._writes = True
        return self

    def expecting(self, *errors: type[Exception]) -> Operation:
        """More errors to treat as expected (shown to the person, not as a bug)."""
        self._expected = (*self._expected, *errors)
        return self

    def on_success(self, callback: Callable[[Any], Any]) -> Operation:
        self.succeeded.connect(callback)
        return self

    def on_failure(self, callback: Callable[[Exception], Any]) -> Operation:
        """Instead of the message box, `callback(error)` for an expected error."""
        self.failed.connect(callback)
        self._failure_handled = True
        return self

    def on_cancel(self, callback: Callable[[], Any]) -> Operation:
        self.cancelled.connect(callback)
        return self

    def on_finish(self, callback: Callable[[], Any]) -> Operation:
        self.finished.connect(callback)
        return self

    def with_progress(self, callback: Callable[[int, int], Any]) -> Operation:
        self.progressed.connect(callback)
        return self

    def with_progress_dialog(self, label: str) -> Operation:
        """A window-modal progress dialog: its bar follows the progress (busy while the total is
        unknown), its Cancel button cancels, and it closes when the operation finishes."""
        window = self._window()
        cancel = QCoreApplication.translate("Operation", "取消")
        dialog = QProgressDialog(label, cancel, 0, 0, window)
        if window is not None:
            dialog.setWindowTitle(window.windowTitle())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def progressed(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        self.progressed.connect(progressed)
        dialog.canceled.connect(self.cancel)
        self.finished.connect(dialog.close)
        self.progress_dialog = dialog
        dialog.show()
        return self

    def busy(self, *widgets: QWidget) -> Operation:
        """Widgets disabled while the work runs (those that were enabled are enabled again)."""
        self._busy.extend(widgets)
        return self

    # Running

    def run(self) -> Operation:
        if self._started:
            raise RuntimeError("an operation runs once")
        self._started = True
        if not self._failure_handled:
            self.failed.connect(self._show_refusal)
        self._busy = [widget for widget in self._busy if widget.isEnabled()]
        for widget in self._busy:
            widget.setEnabled(False)
        _running.add(self)
        _thread("database" if self._database is not None else "files").start(self._run)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report; `on_cancel` follows if it does."""
        self._cancel_requested.set()

    def is_running(self) -> bool:
        return self in _running

    def owned_by(self, widget: QObject) -> bool:
        """Whether `widget` or an object within it started this operation."""
        owner = self._owner
        while owner is not None and shiboken6.isValid(owner):
            if owner is widget:
                return True
            owner = owner.parent()
        return False

    # On the worker thread

    def _run(self) -> None:
        try:
            result = self._call_work()
        except Cancelled:
            self._outcome_reported.emit("cancelled", None)
        except self._expected as error:
            self._outcome_reported.emit("failed", error)
        except Exception:
            logger.exception("Operation %s failed", _name(self._work))
            self._outcome_reported.emit("crashed", traceback.format_exc())
        else:
            self._outcome_reported.emit("succeeded", result)

    def _call_work(self) -> Any:
        if self._database is None:
            return self._work(self._report_progress)
        with self._database.sessions.begin() as session:
            if self._writes:
                lock_for_writing(session)
            return self._work(session, self._report_progress)

    def _report_progress(self, done: int, total: int) -> None:
        if self._cancel_requested.is_set():
            raise Cancelled
        self._progress_reported.emit(done, total)

    # On the GUI thread

    def _owner_alive(self) -> bool:
        return self._owner is not None and shiboken6.isValid(self._owner)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._owner_alive():
            self.progressed.emit(done, total)

    @Slot(str, object)
    def _on_outcome(self, outcome: str, value: object) -> None:
        _running.discard(self)
        for widget in self._busy:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)
        if not self._owner_alive():  # its window was deleted meanwhile: nobody to tell
            if outcome == "crashed":
                logger.error("Operation %s failed after its window closed", _name(self._work))
            self._retire()
            return
        try:
            if outcome == "succeeded":
                self.succeeded.emit(value)
            elif outcome == "failed":
                self.failed.emit(value)
            elif outcome == "cancelled":
                self.cancelled.emit()
            else:
                show_unexpected_error(self._window(), value)
        finally:
            self.finished.emit()
            self._retire()

    def _retire(self) -> None:
        """An operation runs once. What it captured (widgets, files) need not live on with it;
        its last reference goes on the next turn of the event loop, not inside its own event,
        and it is deleted then with its callbacks."""
        self._work = None
        self._owner = None
        _retired.add(self)
        QTimer.singleShot(0, lambda: _retired.discard(self))

    def _show_refusal(self, error: Exception) -> None:
        show_refusal(self._window(), error)

    def _window(self) -> QWidget | None:
        owner = self._owner
        while owner is not None and not isinstance(owner, QWidget):
            owner = owner.parent()
        return owner if owner is not None and shiboken6.isValid(owner) else None


def _name(work: Callable[..., Any]) -> str:
    return getattr(work, "__qualname__", repr(work))
