"""What a first evaluation opens: a second-round callback for 不满意 (J 5.3.2, 5.3.3) — with,
for a 差评 (总体情况 不满意), the 差评 process of app.bad_reviews — and an escalation for an
integrity breach 有 (SPEC rule 7), whichever channel brought it.

One case has one callback task, however many times its evaluations are imported or corrected;
one evaluation opens at most one escalation.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from app.bad_reviews.process import VERIFY, is_bad_review, open_bad_review
from app.calendar import CalendarUnknownError, WorkingCalendar
from app.clock import local_date
from app.ratings import Rating
from app.settings import get_setting
from db.models import BadReview, CallbackTask, Case, Evaluation, IntegrityEscalation

_CHUNK = 500
# Which item's 不满意 names the reason, in this order; only 总体情况 不满意 is "other".
_ITEM_REASONS = (("efficiency", "efficiency"), ("attitude", "attitude"), ("materials", "materials"))


def callback_deadline(
    session: Session, opened_at: datetime, calendar: WorkingCalendar | None = None
) -> date | None:
    """The day a callback opened at `opened_at` is due; None when the calendar does not know."""
    days = get_setting(session, "callbacks.deadline_working_days")
    calendar = calendar or WorkingCalendar.load(session)
    try:
        return calendar.add_working_days(local_date(opened_at), days)
    except CalendarUnknownError:
        return None


def open_callback(
    session: Session,
    case_: Case,
    evaluation_id: int,
    *,
    now: datetime,
    category: str | None = None,
    words: str | None = None,
) -> CallbackTask:
    """The case's second-round callback for its accepting unit: opened now, or the one it has.
    A callback opened by a 差评 opens its 差评 process too (app.bad_reviews.process).

    The evaluation that opened it stays as it was (it alone scores).
    """
    existing = session.scalar(
        select(CallbackTask).where(CallbackTask.case_id == case_.id).order_by(CallbackTask.id)
    )
    if existing is not None:
        return existing
    task = CallbackTask(
        case_id=case_.id,
        evaluation_id=evaluation_id,
        unit_id=case_.unit_id,
        status="open",
        reason_category=category,
        respondent_words=words,
        opened_at=now,
        due_on=callback_deadline(session, now),
    )
    session.add(task)
    session.flush()
    open_bad_review(session, task.id, evaluation_id)
    return task


def reason_from_ratings(efficiency: str | None, attitude: str | None, materials: str | None) -> str:
    ratings = {"efficiency": efficiency, "attitude": attitude, "materials": materials}
    for item, reason in _ITEM_REASONS:
        if ratings[item] == Rating.DISSATISFIED:
            return reason
    return "other"


def open_for_first_evaluations(session: Session, case_ids: Iterable[int], now: datetime) -> int:
    """Open the callbacks that imported first evaluations call for; returns how many were opened.

    A case is considered when its first evaluation (cases.first_evaluation_id, kept by the
    database) has 不满意 on any item and the case has no callback task yet. The task counts as
    opened when the respondent gave the answer (its age and deadline run from then), never
    later than `now`.
    """
    ids = sorted(set(case_ids))
    dissatisfied = Rating.DISSATISFIED.value
    opened = 0
    deadlines: dict[date, date | None] = {}
    calendar = WorkingCalendar.load(session)
    bad: list[CallbackTask] = []  # the tasks a 差评 opened: each gets its 差评 process
    for start in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(
                Case.id.label("case_id"),
                Case.unit_id,
                Evaluation.id.label("evaluation_id"),
                Evaluation.overall,
                Evaluation.efficiency,
                Evaluation.attitude,
                Evaluation.materials,
                Evaluation.suggestion,
                Evaluation.evaluated_at,
            )
            .join(Evaluation, Evaluation.id == Case.first_evaluation_id)
            .where(
                Case.id.in_(ids[start : start + _CHUNK]),
                or_(
                    Evaluation.overall == dissatisfied,
                    Evaluation.efficiency == dissatisfied,
                    Evaluation.attitude == dissatisfied,
                    Evaluation.materials == dissatisfied,
                ),
                ~exists().where(CallbackTask.case_id == Case.id),
            )
        ).all()
        for row in rows:
            opened_at = min(row.evaluated_at, now)
            day = local_date(opened_at)
            if day not in deadlines:
                deadlines[day] = callback_deadline(session, opened_at, calendar)
            task = CallbackTask(
                case_id=row.case_id,
                evaluation_id=row.evaluation_id,
                unit_id=row.unit_id,
                status="open",
                reason_category=reason_from_ratings(row.efficiency, row.attitude, row.materials),
                respondent_words=row.suggestion,
                opened_at=opened_at,
                due_on=deadlines[day],
            )
            session.add(task)
            if is_bad_review(row.overall):
                bad.append(task)
            opened += 1
    session.flush()
    session.add_all(BadReview(callback_task_id=task.id, stage=VERIFY) for task in bad)
    session.flush()
    return opened


def escalate_integrity(session: Session, evaluation_ids: Iterable[int], now: datetime) -> int:
    """Escalate every evaluation among these that reports a breach (有) and has no escalation."""
    ids = sorted(set(evaluation_ids))
    escalated = 0
    for start in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(Evaluation.id, Evaluation.case_id, Case.unit_id, Evaluation.suggestion)
            .join(Case, Case.id == Evaluation.case_id)
            .where(
                Evaluation.id.in_(ids[start : start + _CHUNK]),
                Evaluation.integrity_breach.is_(True),
                ~exists().where(IntegrityEscalation.evaluation_id == Evaluation.id),
            )
        ).all()
        for evaluation_id, case_id, unit_id, words in rows:
            session.add(
                IntegrityEscalation(
                    case_id=case_id,
                    evaluation_id=evaluation_id,
                    unit_id=unit_id,
                    details=words or "评价反映有违反廉洁纪律的情况（导入）",
                    reported_at=now,
                    status="open",
                )
            )
            escalated += 1
    session.flush()
    return escalated
