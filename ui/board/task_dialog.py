"""A case opened from the board: its whole history, and for a second-round callback the steps of
its life — 记录联系, 解决, 未解决关闭, 重新打开, 分派 — and, when a 差评 opened it, the steps of
the 差评 (app.bad_reviews.process), each stored as one transaction.

    Ctrl+L  记录联系     Ctrl+R  解决     F6  分派     F5  reload     Esc  close
    F9      play the latest recorded call (a call's "播放录音" link: that call; Space pauses)
    Ctrl+K  核实   Ctrl+P  申诉   Ctrl+D  复核结论   Ctrl+G  整改计划   Ctrl+T  整改完成
    Ctrl+B  反馈评价人   Ctrl+J  结案
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
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.bad_reviews import process as review_steps
from app.bad_reviews.evidence import read_evidence
from app.bad_reviews.summary import BadReviewSummary, bad_review_summary
from app.callbacks.board import excerpt
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
from ui.board.bad_review_dialogs import (
    AppealDialog,
    ConfirmDialog,
    DecisionDialog,
    FeedbackDialog,
    PlanDialog,
    ReviewStepDialog,
    VerifyDialog,
)
from ui.board.history_view import HistoryView
from ui.board.step_dialogs import (
    AssignDialog,
    ContactDialog,
    ReasonDialog,
    ResolveDialog,
    StepDialog,
)
from ui.desk.display import ERROR_COLOR
from ui.error_dialog import show_refusal
from ui.operations import Progress, delete_when_idle, operation
from ui.recordings.player import RecordingPlayer

StaffMemberSource = Callable[[], StaffMember | None]
REVIEW_EXCERPT = 60  # characters of a 差评's texts in its state; the history shows them whole


def short(text: str | None) -> str:
    return excerpt(text, REVIEW_EXCERPT)


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
        self.history_view.recording_opened.connect(self.play_recording)
        # A call's recording plays here (F9: the latest recorded call), hidden until asked for.
        self.player = RecordingPlayer(database, current_staff)
        self.player.hide()
        self.player.loaded.connect(self._recording_loaded)
        self.button_row = QHBoxLayout()
        self.close_button = QPushButton(self.tr("关闭 (Esc)"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.history_view, 1)
        layout.addWidget(self.player)
        bottom = QHBoxLayout()
        bottom.addLayout(self.button_row)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.reload)
        QShortcut(QKeySequence("F9"), self).activated.connect(self.play_latest_recording)
        self.finished.connect(self.player.stop)
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

    def play_recording(self, call_attempt_id: int) -> None:
        """Show the player on a call's recording and start it (a link of the history, F9)."""
        self._play_when_loaded = True
        self.player.show()
        self.player.show_attempt(call_attempt_id)

    def play_latest_recording(self) -> None:
        history = self.history_view.history
        recorded = [
            event.call_attempt_id
            for event in (history.events if history else [])
            if event.recording_seconds is not None and event.call_attempt_id is not None
        ]
        if recorded:
            self.play_recording(recorded[-1])

    def _recording_loaded(self) -> None:
        if getattr(self, "_play_when_loaded", False):
            self._play_when_loaded = False
            self.player.setFocus(Qt.FocusReason.OtherFocusReason)
            self.player.play()

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
        self.review: BadReviewSummary | None = None
        self.review_frame = self._build_review_frame()
        self.layout().insertWidget(2, self.review_frame)
        self._update_buttons()

    def _build_review_frame(self) -> QFrame:
        """The 差评's state and the buttons of its steps; hidden for a callback that no 差评
        opened."""
        frame = QFrame()
        frame.setObjectName("review")
        frame.setStyleSheet(
            "QFrame#review { border: 1px solid #e8b4b0; border-radius: 6px; background: #fdf6f5; }"
        )
        self.review_label = QLabel()
        self.review_label.setWordWrap(True)
        self.review_label.setTextFormat(Qt.TextFormat.RichText)
        row = QHBoxLayout()
        self.review_buttons: dict[str, QPushButton] = {}
        for step, text, keys, slot in (
            (review_steps.STEP_VERIFY, self.tr("核实"), "Ctrl+K", self.verify_review),
            (review_steps.STEP_APPEAL, self.tr("申诉"), "Ctrl+P", self.appeal_review),
            (review_steps.STEP_DECIDE, self.tr("复核结论"), "Ctrl+D", self.decide_appeal),
            (review_steps.STEP_PLAN, self.tr("整改计划"), "Ctrl+G", self.plan_rectification),
            (review_steps.STEP_RECTIFIED, self.tr("整改完成"), "Ctrl+T", self.rectified),
            (review_steps.STEP_FEEDBACK, self.tr("反馈评价人"), "Ctrl+B", self.feed_back),
            (review_steps.STEP_CLOSE, self.tr("结案"), "Ctrl+J", self.close_review),
        ):
            button = QPushButton(f"{text} ({keys})")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
            self.review_buttons[step] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.review_label)
        layout.addLayout(row)
        frame.hide()
        return frame

    def reload(self) -> None:
        task_id, case_id = self.task_id, self.case_id
        staff = self.staff()
        role = staff.role if staff else None

        def load(session: Session, _progress: Progress) -> Any:
            return (
                callback_summary(session, task_id, role=role),
                case_history(session, case_id, role=role),
                bad_review_summary(session, task_id),
            )

        (
            operation(self, self.database, load)
            .expecting(LookupError)  # the task or its case is gone (app.callbacks.history)
            .on_success(self._show_task)
            .run()
        )

    def _show_task(self, loaded: Any) -> None:
        summary, history, review = loaded
        self.summary = summary
        self.review = review
        self._show_review(review)
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

    def _show_review(self, review: BadReviewSummary | None) -> None:
        self.review_frame.setVisible(review is not None)
        if review is None:
            return
        e = html.escape
        lines = [
            "<b>"
            + e(self.tr("差评处理：{stage}").format(stage=review.stage_label))
            + "</b>　"
            + e(self.tr("下一步：{next}").format(next=review.next_steps))
        ]
        if review.verification is not None:
            findings = "，".join(
                (
                    self.tr("属实") if review.found_true else self.tr("不属实"),
                    self.tr("合理") if review.found_reasonable else self.tr("不合理"),
                    self.tr("恶意评价") if review.malicious else self.tr("非恶意"),
                )
            )
            text = self.tr("核实：{findings}；{found}（{who}）").format(
                findings=findings, found=short(review.verification), who=review.verified_by or "?"
            )
            if review.malicious_reason:
                text += self.tr("；恶意理由：{reason}").format(
                    reason=short(review.malicious_reason)
                )
            lines.append(e(text))
        if review.appeal_clock is not None:
            text = self.tr("申诉：{reasons}（证据 {count} 份）").format(
                reasons=short(review.appeal_reasons), count=len(review.evidence)
            )
            lines.append(
                e(text) + "　" + self._clock_html(self.tr("复核期限"), review.appeal_clock)
            )
        if review.appeal_upheld is not None:
            verdict = (
                self.tr("申诉成立，差评不成立")
                if review.appeal_upheld
                else self.tr("申诉不成立，差评成立")
            )
            lines.append(
                e(
                    self.tr("复核：{verdict}（{decider}：{name}）{opinion}").format(
                        verdict=verdict,
                        decider=review.appeal_decider or "",
                        name=review.appeal_decider_name or "",
                        opinion=short(review.appeal_opinion),
                    )
                )
            )
        if review.rectify_clock is not None:
            text = self.tr("整改：")
            if review.rectify_measures:
                text += self.tr("{measures}（责任人：{owner}）").format(
                    measures=short(review.rectify_measures), owner=review.rectify_owner or ""
                )
            else:
                text += self.tr("尚未制定整改措施")
            line = e(text) + "　" + self._clock_html(self.tr("完成期限"), review.rectify_clock)
            if review.rectify_result:
                line += "<br>" + e(
                    self.tr("整改结果：{result}").format(result=short(review.rectify_result))
                )
            lines.append(line)
        if review.feedback_text:
            lines.append(
                e(
                    self.tr("反馈（{means}）：{text}").format(
                        means=review.feedback_means or "", text=short(review.feedback_text)
                    )
                )
            )
        self.review_label.setText("<br>".join(lines))

    def _clock_html(self, title: str, clock: Any) -> str:
        """A clock as the dialog shows it: its due date and where it stands, red when late."""
        due = clock.due.isoformat() if clock.due else self.tr("日历未录入")
        text = html.escape(f"{title} {due}（{clock.label}）")
        if clock.late:
            return f"<span style='color:{ERROR_COLOR}; font-weight:bold'>{text}</span>"
        return text

    def _update_buttons(self) -> None:
        self._update_review_buttons()
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

    def _update_review_buttons(self) -> None:
        staff = self.staff()
        review = self.review
        open_now = set(review.steps) if review is not None else set()
        allowed = set(review.steps_for(staff.role)) if review and staff else set()
        for step, button in self.review_buttons.items():
            button.setEnabled(step in allowed)
            if staff is None:
                button.setToolTip(self.tr("请先在看板上方选择当前用户"))
            elif step in open_now and step not in allowed:
                permission = review_steps.STEP_PERMISSIONS[step]
                button.setToolTip(
                    self.tr("仅限组长、管理员")
                    if permission == Permission.LEAD_BOARD
                    else self.tr("您的角色不能办理此步骤")
                )
            elif review is not None and step not in open_now:
                button.setToolTip(
                    self.tr("当前不是这一步；下一步：{next}").format(next=review.next_steps)
                )
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

    # The steps of the 差评

    def _review_step(self, step: str) -> tuple[StaffMember, BadReviewSummary, str] | None:
        """Who takes the step on which 差评, when the step is open to them now."""
        staff = self._who()
        review, summary = self.review, self.summary
        if staff is None or review is None or summary is None:
            return None
        if not self.review_buttons[step].isEnabled():
            return None
        return staff, review, summary.case_no

    def _store_review(self, dialog: StepDialog, work) -> None:
        def refused(problem: Exception) -> None:
            shown = isinstance(dialog, ReviewStepDialog) and dialog.show_refusal(problem)
            if not shown:
                show_refusal(dialog, problem)

        self._store(dialog, work, refused)

    def verify_review(self) -> None:
        taking = self._review_step(review_steps.STEP_VERIFY)
        if taking is None:
            return
        staff, review, case_no = taking
        dialog = VerifyDialog(case_no, self)

        def submitted(values: dict) -> None:
            def work(session: Session, _progress: Progress) -> Any:
                return review_steps.verify(session, review.id, by_id=staff.id, **values)

            self._store_review(dialog, work)

        dialog.submitted.connect(submitted)
        self._open_step(dialog)

    def appeal_review(self) -> None:
        taking = self._review_step(review_steps.STEP_APPEAL)
        if taking is None:
            return
        staff, review, case_no = taking
        dialog = AppealDialog(case_no, review.appeal_days, self)
        store = AttachmentStore.for_database(self.database)

        def submitted(reasons: str, paths: list) -> None:
            def work(session: Session, _progress: Progress) -> Any:
                return review_steps.file_appeal(
                    session,
                    review.id,
                    store=store,
                    by_id=staff.id,
                    reasons=reasons,
                    evidence=read_evidence(paths),
                )

            self._store_review(dialog, work)

        dialog.submitted.connect(submitted)
        self._open_step(dialog)

    def decide_appeal(self) -> None:
        taking = self._review_step(review_steps.STEP_DECIDE)
        if taking is None:
            return
        staff, review, case_no = taking
        files = "、".join(item.filename or self.tr("（未命名）") for item in review.evidence)
        appeal = self.tr("申诉理由：{reasons}\n证据：{files}\n提出：{who}").format(
            reasons=review.appeal_reasons or "", files=files, who=review.appeal_filed_by or "?"
        )
        if review.appeal_filed_by_id == staff.id:
            appeal += "\n" + self.tr("您提出了此申诉：请由另一位组长复核，或登记市局的复核结论。")
        dialog = DecisionDialog(case_no, appeal, self)

        def submitted(values: dict) -> None:
            def work(session: Session, _progress: Progress) -> Any:
                return review_steps.decide_appeal(session, review.id, by_id=staff.id, **values)

            self._store_review(dialog, work)

        dialog.submitted.connect(submitted)
        self._open_step(dialog)

    def plan_rectification(self) -> None:
        taking = self._review_step(review_steps.STEP_PLAN)
        if taking is None:
            return
        staff, review, case_no = taking
        planned = review.rectify_measures is not None
        dialog = PlanDialog(
            case_no,
            review.rectify_due,
            review.rectify_measures,
            review.rectify_owner,
            review.rectify_clock.due if planned and review.rectify_clock else None,
            self,
        )

        def submitted(values: dict) -> None:
            def work(session: Session, _progress: Progress) -> Any:
                return review_steps.plan_rectification(session, review.id, by_id=staff.id, **values)

            self._store_review(dialog, work)

        dialog.submitted.connect(submitted)
        self._open_step(dialog)

    def rectified(self) -> None:
        taking = self._review_step(review_steps.STEP_RECTIFIED)
        if taking is None:
            return
        staff, review, case_no = taking
        dialog = ReasonDialog(
            self.tr("整改完成 {case_no}").format(case_no=case_no),
            self.tr("整改结果：实际采取的措施和效果（必填）。整改措施：{measures}").format(
                measures=review.rectify_measures or ""
            ),
            self.tr("整改完成"),
            self,
        )

        def submitted(result: str) -> None:
            def work(session: Session, _progress: Progress) -> Any:
                return review_steps.complete_rectification(
                    session, review.id, by_id=staff.id, result=result
                )

            self._store(dialog, work)

        dialog.submitted.connect(submitted)
        self._open_step(dialog)

    def feed_back(self) -> None:
        taking = self._review_step(review_steps.STEP_FEEDBACK)
        if taking is None:
            return
        staff, review, case_no = taking
        if review.stands is False:
            result = self.tr("申诉成立，差评不成立：{opinion}").format(
                opinion=review.appeal_opinion or ""
            )
        else:
            result = self.tr("整改结果：{result}").format(result=review.rectify_result or "")
        dialog = FeedbackDialog(case_no, result, self)

        def submitted(values: dict) -> None:
            def work(session: Session, _progress: Progress) -> Any:
                return review_steps.record_feedback(session, review.id, by_id=staff.id, **values)

            self._store_review(dialog, work)

        dialog.submitted.connect(submitted)
        self._open_step(dialog)

    def close_review(self) -> None:
        taking = self._review_step(review_steps.STEP_CLOSE)
        if taking is None:
            return
        staff, review, case_no = taking
        dialog = ConfirmDialog(
            self.tr("差评结案 {case_no}").format(case_no=case_no),
            self.tr("处理结果已反馈评价人：{text}\n确认结案？结案后此差评离开督办看板。").format(
                text=review.feedback_text or ""
            ),
            self.tr("结案"),
            self,
        )

        def submitted() -> None:
            def work(session: Session, _progress: Progress) -> Any:
                return review_steps.close(session, review.id, by_id=staff.id)

            self._store(dialog, work)

        dialog.submitted.connect(submitted)
        self._open_step(dialog)
