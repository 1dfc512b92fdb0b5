"""A case opened from the board: its whole history, and for a second-round callback the steps of
its life — 记录联系, 解决, 未解决关闭, 重新打开, 分派 — each stored as one transaction.

    Ctrl+L  记录联系     Ctrl+R  解决     F6  分派     F5  reload     Esc  close
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.callbacks.contacts import ACTIVE_STATUSES
from app.callbacks.history import CallbackSummary, callback_summary, case_history
from app.callbacks.tasks import assign, close_unresolved, record_contact, reopen, resolve
from app.desk.calls import FormAInvalid
from app.desk.operators import operators
from app.roles import Permission
from app.scanning.filing import copy_attachment
from app.scanning.store import AttachmentStore
from app.staff import StaffMember
from app.units import unit_choices
from db.database import Database
from ui.board.history_view import HistoryView
from ui.board.step_dialogs import (
    AssignDialog,
    ContactDialog,
    ReasonDialog,
    ResolveDialog,
    StepDialog,
)
from ui.error_dialog import show_refusal
from ui.operations import Progress, delete_when_idle, operation

StaffMemberSource = Callable[[], StaffMember | None]


def assign_targets(session: Session) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Who a callback can be given to: the operators, and the active units."""
    return operators(session), unit_choices(session)


class CaseHistoryDialog(QDialog):
    """The history of a case, read only (e.g. from an integrity report)."""

    loaded = Signal()  # the history on screen is up to date
    attachment_shown = Signal(str)  # the copy of an attachment handed to the computer to open

    def __init__(
        self,
        database: Database,
        case_id: int,
        current_staff: StaffMemberSource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.case_id = case_id
        self.current_staff = current_staff
        self.setWindowTitle(self.tr("业务件历史"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.history_view = HistoryView()
        self.history_view.attachment_opened.connect(self.open_attachment)
        self.button_row = QHBoxLayout()
        self.close_button = QPushButton(self.tr("关闭 (Esc)"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.history_view, 1)
        bottom = QHBoxLayout()
        bottom.addLayout(self.button_row)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.reload)
        self.resize(980, 640)

    def staff(self) -> StaffMember | None:
        return self.current_staff()

    def open_attachment(self, attachment_id: int) -> None:
        """Open an attachment of the history (a scan) with the computer's own viewer: a copy
        is written to a temporary folder, so the stored file itself is never touched."""
        store = AttachmentStore.for_database(self.database)
        folder = Path(tempfile.mkdtemp(prefix="revisitdesk-"))

        def copy(session: Session, _progress: Progress) -> Path:
            return copy_attachment(session, store, attachment_id, folder)

        operation(self, self.database, copy).on_success(self._attachment_copied).run()

    def _attachment_copied(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.attachment_shown.emit(str(path))

    def reload(self) -> None:
        case_id = self.case_id
        staff = self.staff()
        role = staff.role if staff else None

        def load(session: Session, _progress: Progress) -> Any:
            return case_history(session, case_id, role=role)

        # LookupError: the case is gone (app.callbacks.history).
        operation(self, self.database, load).expecting(LookupError).on_success(self._show).run()

    def _show(self, history: Any) -> None:
        facts = history.facts
        self.setWindowTitle(self.tr("业务件历史 {case_no}").format(case_no=facts.case_no))
        self.header.setText(
            f"<span style='font-size:14pt; font-weight:bold'>{html.escape(facts.case_no)}</span>"
            f"　{html.escape(facts.unit)}"
        )
        self.history_view.show_history(history)
        self.loaded.emit()


class TaskDialog(CaseHistoryDialog):
    """A second-round callback: its case's history and the buttons of its life."""

    task_changed = Signal()  # a step was stored

    def __init__(
        self,
        database: Database,
        task_id: int,
        case_id: int,
        current_staff: StaffMemberSource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(database, case_id, current_staff, parent)
        self.task_id = task_id
        self.summary: CallbackSummary | None = None
        self.step_dialog: StepDialog | None = None
        self.buttons: dict[str, QPushButton] = {}
        for name, text, keys, slot in (
            ("contact", self.tr("记录联系"), "Ctrl+L", self.record_contact),
            ("resolve", self.tr("解决"), "Ctrl+R", self.resolve),
            ("close", self.tr("未解决关闭"), "", self.close_unresolved),
            ("reopen", self.tr("重新打开"), "", self.reopen),
            ("assign", self.tr("分派"), "F6", self.assign),
        ):
            button = QPushButton(f"{text} ({keys})" if keys else text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            if keys:
                QShortcut(QKeySequence(keys), self).activated.connect(slot)
            self.buttons[name] = button
            self.button_row.addWidget(button)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.layout().insertWidget(1, self.state_label)
        self._update_buttons()

    def reload(self) -> None:
        task_id, case_id = self.task_id, self.case_id
        staff = self.staff()
        role = staff.role if staff else None

        def load(session: Session, _progress: Progress) -> Any:
            return (
                callback_summary(session, task_id, role=role),
                case_history(session, case_id, role=role),
            )

        (
            operation(self, self.database, load)
            .expecting(LookupError)  # the task or its case is gone (app.callbacks.history)
            .on_success(self._show_task)
            .run()
        )

    def _show_task(self, loaded: Any) -> None:
        summary, history = loaded
        self.summary = summary
        e = html.escape
        parts = [
            self.tr("二次回访"),
            self.tr("状态：{status}").format(status=summary.status_label),
            self.tr("原因：{reason}").format(reason=summary.reason_label),
        ]
        if summary.owner:
            parts.append(self.tr("负责人：{owner}").format(owner=summary.owner))
        if summary.due_on:
            parts.append(self.tr("办结期限：{day}").format(day=summary.due_on.isoformat()))
        text = "　".join(e(part) for part in parts)
        if summary.words:
            text += "<br>" + e(self.tr("反映：{words}").format(words=summary.words))
        if summary.resolution and summary.status not in ACTIVE_STATUSES:
            text += "<br>" + e(self.tr("结论：{text}").format(text=summary.resolution))
        self.state_label.setText(text)
        self._show(history)
        self._update_buttons()

    def _update_buttons(self) -> None:
        staff = self.staff()
        summary = self.summary
        active = summary is not None and summary.status in ACTIVE_STATUSES
        handles = staff is not None and staff.may(Permission.HANDLE_CALLBACKS)
        leads = staff is not None and staff.may(Permission.LEAD_BOARD)
        enabled = {
            "contact": active and handles,
            "resolve": active and handles,
            "close": active and leads,
            "reopen": summary is not None and not active and leads,
            "assign": active and leads,
        }
        for name, button in self.buttons.items():
            button.setEnabled(enabled[name])
            if staff is None:
                button.setToolTip(self.tr("请先在看板上方选择当前用户"))
            elif name in ("close", "reopen", "assign") and not leads:
                button.setToolTip(self.tr("仅限组长、管理员"))
            else:
                button.setToolTip("")

    # The steps

    def _who(self) -> StaffMember | None:
        staff = self.staff()
        if staff is None:
            show_refusal(self, self.tr("请先在看板上方选择当前用户。"))
        return staff

    def _open_step(self, dialog: StepDialog) -> None:
        self.step_dialog = dialog
        dialog.finished.connect(self._step_closed)
        dialog.open()

    def _step_closed(self) -> None:
        if self.step_dialog is not None:
            delete_when_idle(self.step_dialog)
        self.step_dialog = None

    def _store(self, dialog: StepDialog, work, failed=None) -> None:
        """Store the step; the form closes once it is stored, or says why not and stays."""

        def stored(_result: Any) -> None:
            dialog.accept()
            self.task_changed.emit()
            self.reload()

        (
            operation(self, self.database, work)
            .writing()
            .busy(dialog)  # nothing typed or cancelled while it is being stored
            .on_success(stored)
            .on_failure(failed or (lambda problem: show_refusal(dialog, problem)))
            .run()
        )

    def record_contact(self) -> None:
        staff = self._who()
        if staff is None or not self.buttons["contact"].isEnabled() or self.summary is None:
            return
        dialog = ContactDialog(self.summary.case_no, self)
        task_id = self.task_id

        def submitted(values: dict) -> None:
            def work(session: Session, _progress: Progress) -> Any:
                return record_contact(session, task_id, by_id=staff.id, **values)

            self._store(dialog, work)

        dialog.submitted.connect(submitted)
        self._open_step(dialog)

    def resolve(self) -> None:
        staff = self._who()
        if staff is None or not self.buttons["resolve"].isEnabled() or self.summary is None:
            return
        dialog = ResolveDialog(self.summary.case_no, self.summary.second_round_answers, self)
        task_id = self.task_id

        def submitted(answers: Any, explanation: str) -> None:
            def work(session: Session, _progress: Progress) -> Any:
                return resolve(
                    session, task_id, by_id=staff.id, explanation=explanation, answers=answers
                )

            def refused(problem: Exception) -> None:
                if isinstance(problem, FormAInvalid):
                    dialog.show_refused_answers(problem)
                else:
                    show_refusal(dialog, problem)

            self._store(dialog, work, refused)

        dialog.submitted.connect(submitted)
        self._open_step(dialog)

    def close_unresolved(self) -> None:
        staff = self._who()
        if staff is None or not self.buttons["close"].isEnabled() or self.summary is None:
            return
        dialog = ReasonDialog(
            self.tr("未解决关闭 {case_no}").format(case_no=self.summary.case_no),
            self.tr("未能解决的原因（经组长审批后关闭，原因记入业务件历史）："),
            self.tr("关闭"),
            self,
        )
        task_id = self.task_id

        def submitted(reason: str) -> None:
            def work(session: Session, _progress: Progress) -> Any:
                return close_unresolved(session, task_id, by_id=staff.id, reason=reason)

            self._store(dialog, work)

        dialog.submitted.connect(submitted)
        self._open_step(dialog)

    def reopen(self) -> None:
        staff = self._who()
        if staff is None or not self.buttons["reopen"].isEnabled() or self.summary is None:
            return
        dialog = ReasonDialog(
            self.tr("重新打开 {case_no}").format(case_no=self.summary.case_no),
            self.tr("重新打开的原因（如被回访人仍不满意）："),
            self.tr("重新打开"),
            self,
        )
        task_id = self.task_id

        def submitted(reason: str) -> None:
            def work(session: Session, _progress: Progress) -> Any:
                return reopen(session, task_id, by_id=staff.id, reason=reason)

            self._store(dialog, work)

        dialog.submitted.connect(submitted)
        self._open_step(dialog)

    def assign(self) -> None:
        staff = self._who()
        if staff is None or not self.buttons["assign"].isEnabled():
            return
        task_id = self.task_id

        def targets(session: Session, _progress: Progress) -> Any:
            return assign_targets(session)

        def chosen_from(loaded: Any) -> None:
            people, units = loaded
            dialog = AssignDialog(1, people, units, self)

            def submitted(staff_id: Any, unit_id: Any) -> None:
                def work(session: Session, _progress: Progress) -> Any:
                    return assign(
                        session, [task_id], by_id=staff.id, staff_id=staff_id, unit_id=unit_id
                    )

                self._store(dialog, work)

            dialog.submitted.connect(submitted)
            self._open_step(dialog)

        operation(self, self.database, targets).on_success(chosen_from).run()
