"""Running a step of the board off the GUI thread (one user action, one transaction), and
telling the person why a step was refused: a role that may not take it (NotPermitted), a task
that cannot take it as it stands (TaskError), an answer missing, a file that cannot be written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from app.callbacks.contacts import TaskError
from app.callbacks.escalations import EscalationError
from app.desk.calls import FormAInvalid
from app.roles import NotPermitted
from db.database import Database
from ui import operations
from ui.operations import BackgroundOperation, Work

# The errors a person can cause at the board; anything else is unexpected (ui.operations).
EXPECTED = (NotPermitted, TaskError, EscalationError, FormAInvalid, LookupError, OSError)


def run_step(
    parent: QWidget,
    database: Database,
    work: Work,
    succeeded: Callable[[Any], None],
    failed: Callable[[Exception], None] | None = None,
) -> BackgroundOperation:
    """Start `work(session, progress)` in its own transaction; a refusal goes to `failed`, or
    to a message box over `parent`."""
    operation = BackgroundOperation(database, work, expected=EXPECTED, parent=parent)
    operation.succeeded.connect(succeeded)
    operation.failed.connect(failed or (lambda problem: show_refusal(parent, problem)))
    operation.start()
    return operation


def show_refusal(parent: QWidget | None, problem: Exception | str) -> QMessageBox:
    """A window-modal warning in Chinese that does not block (the event loop goes on)."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    if isinstance(problem, NotPermitted):
        box.setWindowTitle(translate("BoardSteps", "无权操作"))
    else:
        box.setWindowTitle(translate("BoardSteps", "不能完成"))
    text = problem if isinstance(problem, str) else str(problem)
    if isinstance(problem, OSError) and problem.strerror:
        text = translate("BoardSteps", "无法写入文件：{reason}").format(reason=problem.strerror)
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def discard(widget: QWidget) -> None:
    """Delete a closed dialog once no database work is under way: its operations are its
    children, and one deleted before it reports would never report."""
    if operations.busy():
        QTimer.singleShot(200, lambda: discard(widget))
    else:
        widget.deleteLater()
