"""Contacts with a respondent about a callback task, and the task's statuses.

Kept apart from the task's life (tasks.py) so the call desk can record a second-round call
without depending on the board.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.audit import record_change, snapshot
from app.errors import Refused
from app.i18n import pick
from app.ratings import RATING_LABELS, Rating
from db.models import CallAttempt, CallbackContact, CallbackTask, Evaluation

STATUSES: dict[str, tuple[str, str]] = {
    "open": ("待分派", "Open"),
    "assigned": ("已分派", "Assigned"),
    "contacted": ("已联系", "Contacted"),
    "resolved": ("已解决", "Resolved"),
    "closed": ("未解决关闭", "Closed unresolved"),
}
ACTIVE_STATUSES = ("open", "assigned", "contacted")
MEANS: dict[str, tuple[str, str]] = {
    "phone": ("电话", "Phone"),
    "visit": ("上门/当面", "In person"),
    "sms": ("短信/微信", "Text message"),
    "letter": ("信函", "Letter"),
    "other": ("其他", "Other"),
}
# The fields of a task the audit trail shows before and after each step.
TASK_FIELDS = (
    "status",
    "assigned_to_id",
    "assigned_unit_id",
    "resolution",
    "second_evaluation_id",
    "closed_by_id",
    "approved_by_id",
    "reopened_count",
    "closed_at",
)


def status_label(status: str) -> str:
    zh, en = STATUSES.get(status, (status, status))
    return pick(zh, en)


def means_label(means: str) -> str:
    zh, en = MEANS.get(means, (means, means))
    return pick(zh, en)


class TaskError(Refused, ValueError):
    """The step cannot be taken on this task as it stands; the message says why."""


def add_contact(
    session: Session,
    task: CallbackTask,
    *,
    staff_id: int | None,
    at: datetime,
    means: str,
    said: str,
    promised: str | None = None,
    call_attempt_id: int | None = None,
) -> CallbackContact:
    """Record one contact; an open or assigned task becomes contacted."""
    if task.status not in ACTIVE_STATUSES:
        raise TaskError(
            pick(
                f"此二次回访的状态是“{status_label(task.status)}”，请先重新打开再记录联系",
                f"This callback is {status_label(task.status)}: reopen it to record a contact",
            )
        )
    if means not in MEANS:
        raise TaskError(pick("请选择联系方式", "Choose how the respondent was contacted"))
    said = (said or "").strip()
    if not said:
        raise TaskError(
            pick("请填写沟通内容（对方说了什么、作了哪些解释）", "Write down what was said")
        )
    before = snapshot(task, TASK_FIELDS)
    contact = CallbackContact(
        task_id=task.id,
        contacted_at=at,
        staff_id=staff_id,
        means=means,
        said=said,
        promised=(promised or "").strip() or None,
        call_attempt_id=call_attempt_id,
    )
    session.add(contact)
    if task.status in ("open", "assigned"):
        task.status = "contacted"
    session.flush()
    record_change(
        session,
        actor_id=staff_id,
        action="callback.contact",
        entity="callback_task",
        entity_uid=task.uid,
        before=before,
        after={**snapshot(task, TASK_FIELDS), "contact": {"means": means, "said": said}},
        at=at,
    )
    return contact


def answers_summary(evaluation: Evaluation) -> str:
    """Form A's answers in a line, as the contact record of a second-round call shows them."""
    parts = []
    for name, label in (
        ("overall", "总体情况"),
        ("efficiency", "办事效率"),
        ("attitude", "服务态度"),
        ("materials", "提交材料"),
    ):
        value = getattr(evaluation, name)
        if value:
            parts.append(f"{label}：{RATING_LABELS[Rating(value)]}")
    if evaluation.suggestion:
        parts.append(f"意见：{evaluation.suggestion}")
    return "；".join(parts)


def record_second_round_call(
    session: Session,
    task_id: int,
    evaluation: Evaluation,
    attempt: CallAttempt,
    staff_id: int,
    now: datetime,
) -> None:
    """A second-round call answered Form A: the task keeps the round-2 answers as a contact.

    A task resolved or closed meanwhile keeps its status; the answers are kept all the same.
    """
    task = session.get_one(CallbackTask, task_id)
    task.second_evaluation_id = evaluation.id
    if task.status in ACTIVE_STATUSES:
        add_contact(
            session,
            task,
            staff_id=staff_id,
            at=now,
            means="phone",
            said="二次回访电话：" + answers_summary(evaluation),
            call_attempt_id=attempt.id,
        )
