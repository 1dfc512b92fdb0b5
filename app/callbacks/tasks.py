"""The life of a second-round callback: assign, contact, resolve or close, reopen.

open → assigned (to a unit or an operator) → contacted (each contact kept) → resolved (round-2
answers + explanation) or closed unresolved (reason, approved by a team lead); resolved and
closed tasks can be reopened. The first evaluation is never touched: it alone scores (J 5.4.1).
Each step writes an audit entry in the same transaction. A task assigned to an operator waits in
their phone queue as a "callback" entry, with the call screen, outcomes and retries of a first
revisit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import record_change, snapshot
from app.callbacks.contacts import (
    ACTIVE_STATUSES,
    TASK_FIELDS,
    TaskError,
    add_contact,
    status_label,
)
from app.clock import current_time
from app.desk.calls import FormAAnswers, checked_ratings, second_round_reason
from app.i18n import pick
from app.ratings import Channel, Rating
from app.roles import Permission, require
from db.models import (
    CallbackContact,
    CallbackTask,
    Evaluation,
    IntegrityEscalation,
    QueueEntry,
    Staff,
)

# Callbacks are called before first revisits: they have a deadline and an unhappy respondent.
CALLBACK_PRIORITY = -1000

__all__ = [
    "CALLBACK_PRIORITY",
    "TaskError",
    "assign",
    "close_unresolved",
    "integrity_escalations",
    "record_contact",
    "reopen",
    "resolve",
    "staff_role",
]


def staff_role(session: Session, staff_id: int | None) -> str | None:
    if staff_id is None:
        return None
    return session.scalar(select(Staff.role).where(Staff.id == staff_id))


def _task(session: Session, task_id: int) -> CallbackTask:
    task = session.get(CallbackTask, task_id)
    if task is None:
        raise TaskError(pick("找不到此二次回访任务", "No such callback task"))
    return task


def _audit(session, task, by_id, action, before, now, **extra) -> None:
    record_change(
        session,
        actor_id=by_id,
        action=action,
        entity="callback_task",
        entity_uid=task.uid,
        before=before,
        after={**snapshot(task, TASK_FIELDS), **extra},
        at=now,
    )


def assign(
    session: Session,
    task_ids: Iterable[int],
    *,
    by_id: int,
    staff_id: int | None = None,
    unit_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """Assign tasks to an operator (they find them in their queue) or to a unit; team leads only.

    Returns how many tasks were assigned. Resolved or closed tasks are refused: reopen them first.
    """
    now = current_time(now)
    require(staff_role(session, by_id), Permission.LEAD_BOARD)
    if staff_id is None and unit_id is None:
        raise TaskError(pick("请选择分派给哪位回访员或哪个单位", "Choose an operator or a unit"))
    tasks = [_task(session, task_id) for task_id in task_ids]
    for task in tasks:
        if task.status not in ACTIVE_STATUSES:
            raise TaskError(
                pick(
                    f"状态为“{status_label(task.status)}”的二次回访不能分派，请先重新打开",
                    f"A callback that is {status_label(task.status)} cannot be assigned",
                )
            )
    for task in tasks:
        before = snapshot(task, TASK_FIELDS)
        task.assigned_to_id = staff_id
        task.assigned_unit_id = unit_id if unit_id is not None else task.unit_id
        task.assigned_at = now
        if task.status == "open":
            task.status = "assigned"
        _queue_for(session, task, now)
        _audit(session, task, by_id, "callback.assign", before, now)
    session.flush()
    return len(tasks)


def _queue_for(session: Session, task: CallbackTask, now: datetime) -> None:
    """Keep the task's phone queue entry in step: waiting for its operator, or withdrawn."""
    entry = session.scalar(select(QueueEntry).where(QueueEntry.callback_task_id == task.id))
    wanted = task.assigned_to_id is not None and task.status in ACTIVE_STATUSES
    if entry is None:
        if wanted:
            session.add(
                QueueEntry(
                    kind="callback",
                    case_id=task.case_id,
                    callback_task_id=task.id,
                    status="open",
                    priority=CALLBACK_PRIORITY,
                    ready_at=now,
                    reserved_for_id=task.assigned_to_id,
                )
            )
        return
    if wanted:
        if entry.status != "open" or entry.reserved_for_id != task.assigned_to_id:
            entry.status = "open"
            entry.result = None
            entry.reasons = None
            entry.finished_at = None
            entry.attempts = 0
            entry.ready_at = now
            entry.claimed_by_id = None
            entry.claim_expires_at = None
        entry.reserved_for_id = task.assigned_to_id
    elif entry.status == "open":
        entry.status = "done"
        entry.result = "withdrawn"
        entry.finished_at = now
        entry.claimed_by_id = None
        entry.claim_expires_at = None


def record_contact(
    session: Session,
    task_id: int,
    *,
    by_id: int,
    means: str,
    said: str,
    promised: str | None = None,
    at: datetime | None = None,
) -> CallbackContact:
    require(staff_role(session, by_id), Permission.HANDLE_CALLBACKS)
    return add_contact(
        session,
        _task(session, task_id),
        staff_id=by_id,
        at=current_time(at),
        means=means,
        said=said,
        promised=promised,
    )


def resolve(
    session: Session,
    task_id: int,
    *,
    by_id: int,
    explanation: str,
    answers: FormAAnswers | None = None,
    now: datetime | None = None,
) -> CallbackTask:
    """Resolve with the respondent's second-round Form A answers (given here, or taken by a
    second-round call before) and the explanation. The answers are a round-2 evaluation; one
    still 不满意 needs its reason and words, as the call desk's second round does."""
    now = current_time(now)
    require(staff_role(session, by_id), Permission.HANDLE_CALLBACKS)
    task = _task(session, task_id)
    if task.status not in ACTIVE_STATUSES:
        raise TaskError(
            pick(
                f"此二次回访的状态已是“{status_label(task.status)}”",
                f"This callback is already {status_label(task.status)}",
            )
        )
    explanation = (explanation or "").strip()
    if not explanation:
        raise TaskError(pick("请填写处理说明", "Write the explanation given to the respondent"))
    if answers is None and task.second_evaluation_id is None:
        raise TaskError(
            pick(
                "请录入被回访人二次回访的回访单评价",
                "Enter the respondent's second-round Form A answers",
            )
        )
    before = snapshot(task, TASK_FIELDS)
    if answers is not None:
        ratings = checked_ratings(answers, second_round=True)
        reason = {}
        if Rating.DISSATISFIED in ratings.values():
            # Still 不满意, as on the call desk: its reason and the respondent's words are
            # required and kept with the round-2 evaluation (the task keeps the first round's).
            # (Left out otherwise: a JSON column given None stores the text 'null'.)
            checked_ratings(answers, second_round=False)
            reason["original"] = second_round_reason(answers)
        evaluation = Evaluation(
            case_id=task.case_id,
            channel=Channel.PHONE,
            round=2,
            evaluated_at=now,
            **{name: rating.value for name, rating in ratings.items()},
            integrity_breach=answers.integrity_breach,
            suggestion=(answers.suggestion or "").strip() or None,
            operator_id=by_id,
            **reason,
        )
        session.add(evaluation)
        session.flush()
        task.second_evaluation_id = evaluation.id
        if answers.integrity_breach:  # rule 7 holds in the second round too, as on the desk
            session.add(
                IntegrityEscalation(
                    case_id=task.case_id,
                    evaluation_id=evaluation.id,
                    unit_id=task.unit_id,
                    details=(answers.integrity_details or "").strip(),
                    reported_by_id=by_id,
                    reported_at=now,
                    status="open",
                )
            )
    task.status = "resolved"
    task.resolution = explanation
    task.closed_at = now
    task.closed_by_id = by_id
    _queue_for(session, task, now)
    _audit(session, task, by_id, "callback.resolve", before, now)
    session.flush()
    return task


def close_unresolved(
    session: Session,
    task_id: int,
    *,
    by_id: int,
    reason: str,
    now: datetime | None = None,
) -> CallbackTask:
    """Close a task that could not be resolved, with the reason; a team lead approves it."""
    now = current_time(now)
    require(staff_role(session, by_id), Permission.LEAD_BOARD)
    task = _task(session, task_id)
    if task.status not in ACTIVE_STATUSES:
        raise TaskError(
            pick(
                f"此二次回访的状态已是“{status_label(task.status)}”",
                f"This callback is already {status_label(task.status)}",
            )
        )
    reason = (reason or "").strip()
    if not reason:
        raise TaskError(pick("请填写未能解决的原因", "Write why it could not be resolved"))
    before = snapshot(task, TASK_FIELDS)
    task.status = "closed"
    task.resolution = reason
    task.closed_at = now
    task.closed_by_id = by_id
    task.approved_by_id = by_id
    _queue_for(session, task, now)
    _audit(session, task, by_id, "callback.close", before, now)
    session.flush()
    return task


def reopen(
    session: Session,
    task_id: int,
    *,
    by_id: int,
    reason: str,
    now: datetime | None = None,
) -> CallbackTask:
    """Open a resolved or closed task again (the respondent is still unhappy); team leads only.
    Its earlier explanation stays in the audit trail, its round-2 evaluations stay on the case."""
    now = current_time(now)
    require(staff_role(session, by_id), Permission.LEAD_BOARD)
    task = _task(session, task_id)
    if task.status in ACTIVE_STATUSES:
        raise TaskError(pick("此二次回访尚未办结", "This callback is still open"))
    reason = (reason or "").strip()
    if not reason:
        raise TaskError(pick("请填写重新打开的原因", "Write why it is reopened"))
    before = snapshot(task, TASK_FIELDS)
    task.status = "assigned" if task.assigned_to_id or task.assigned_unit_id else "open"
    task.resolution = None
    task.closed_at = None
    task.closed_by_id = None
    task.approved_by_id = None
    task.second_evaluation_id = None
    task.reopened_count += 1
    _queue_for(session, task, now)
    _audit(session, task, by_id, "callback.reopen", before, now, reason=reason)
    session.flush()
    return task


def integrity_escalations(
    session: Session, viewer_id: int, *, open_only: bool = True
) -> list[IntegrityEscalation]:
    """The integrity escalations, for the roles that handle them (team leads, administrators)."""
    require(staff_role(session, viewer_id), Permission.SEE_INTEGRITY)
    query = select(IntegrityEscalation).order_by(IntegrityEscalation.reported_at.desc())
    if open_only:
        query = query.where(IntegrityEscalation.status == "open")
    return list(session.scalars(query))
