"""An operator's day: the calls made and the appointments ahead, for the side panel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import day_bounds
from app.desk.outcomes import APPOINTMENT, outcome_labels
from db.models import CallAttempt, Case, QueueEntry


@dataclass
class TodayRow:
    at: datetime
    case_no: str
    applicant: str | None
    outcome_label: str
    kind: str  # "call" or "appointment"


def operator_today(session: Session, operator_id: int, day: date) -> list[TodayRow]:
    """The operator's calls on `day` and the appointments they made or hold from `day` on, by time."""
    start, end = day_bounds(day)
    labels = outcome_labels(session)
    calls = session.execute(
        select(CallAttempt.attempted_at, Case.case_no, Case.applicant, CallAttempt.outcome)
        .join(Case, Case.id == CallAttempt.case_id)
        .where(
            CallAttempt.operator_id == operator_id,
            CallAttempt.attempted_at >= start,
            CallAttempt.attempted_at < end,
        )
    ).all()
    appointments = session.execute(
        select(QueueEntry.appointment_at, Case.case_no, Case.applicant)
        .join(Case, Case.id == QueueEntry.case_id)
        .where(
            QueueEntry.status == "open",
            QueueEntry.appointment_at >= start,
            (QueueEntry.appointment_by_id == operator_id)
            | (QueueEntry.reserved_for_id == operator_id),
        )
    ).all()
    rows = [
        TodayRow(at, case_no, applicant, labels.get(outcome, outcome), "call")
        for at, case_no, applicant, outcome in calls
    ]
    rows += [
        TodayRow(at, case_no, applicant, labels.get(APPOINTMENT, APPOINTMENT), "appointment")
        for at, case_no, applicant in appointments
    ]
    return sorted(rows, key=lambda row: (row.at, row.kind))
