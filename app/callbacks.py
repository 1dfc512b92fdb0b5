"""Second-round callbacks (二次回访, J 5.3.2–5.3.3): the task a 不满意 answer opens."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from db.models import CallbackTask, Case


def open_callback(
    session: Session,
    case_: Case,
    evaluation_id: int,
    *,
    now: datetime,
    category: str | None = None,
    words: str | None = None,
) -> CallbackTask:
    """Open a second-round callback for the case's accepting unit, whatever channel the 不满意
    came by; the evaluation that opened it stays as it was (it alone scores)."""
    task = CallbackTask(
        case_id=case_.id,
        evaluation_id=evaluation_id,
        unit_id=case_.unit_id,
        status="open",
        reason_category=category,
        respondent_words=words,
        opened_at=now,
    )
    session.add(task)
    session.flush()
    return task
