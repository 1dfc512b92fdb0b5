"""Running a complaint step off the GUI thread (one user action, one transaction) and saying why
a step was refused: a role that may not take it, a complaint or action that cannot take it as it
stands, a file that cannot be written. Also the moment "now" of these screens (tests pin it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.complaints.corrective import CapaInvalid
from app.complaints.registry import ComplaintInvalid
from app.importing.values import LOCAL_ZONE
from app.roles import NotPermitted
from db.database import Database
from ui.operations import BackgroundOperation, Work

# The errors a person can cause here; anything else is unexpected (ui.operations shows it).
EXPECTED = (ComplaintInvalid, CapaInvalid, NotPermitted, LookupError, OSError)


def current_moment() -> datetime:
    """Now, in local time: what the steps record and the clocks count from. The screens call it
    as `running.current_moment()`, so that a test can pin the moment here."""
    return datetime.now(LOCAL_ZONE)


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


def delete_when_idle(widget: QWidget) -> None:
    """Delete a closed widget once the background work it owns has finished: deleting it before
    would delete that work under the database thread."""
    work = widget.findChildren(BackgroundOperation)
    if not work:
        widget.deleteLater()
        return
    waiting = len(work)

    def gone() -> None:
        nonlocal waiting
        waiting -= 1
        if waiting == 0:
            widget.deleteLater()

    for operation in work:
        operation.destroyed.connect(gone)


def refusal_text(problem: Exception | str) -> str:
    if isinstance(problem, str):
        return problem
    if isinstance(problem, OSError) and problem.strerror:
        return QCoreApplication.translate("ComplaintSteps", "无法写入文件：{reason}").format(
            reason=problem.strerror
        )
    return str(problem)


def show_refusal(parent: QWidget | None, problem: Exception | str) -> QMessageBox:
    """A window-modal warning that does not block (the event loop goes on)."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    if isinstance(problem, NotPermitted):
        box.setWindowTitle(translate("ComplaintSteps", "无权操作"))
    else:
        box.setWindowTitle(translate("ComplaintSteps", "不能完成"))
    box.setText(refusal_text(problem))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
