"""Quality-inspection figures per operator and period, for the staff assessment and the monthly
analysis: calls scored, the average score (points over the maximum, in per cent) and the critical
failures. A call counts in the period it was made (its attempt's local day), so a month's
figures describe that month's calls whenever they were scored; only scored reviews count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import day_bounds
from db.models import CallAttempt, QcReview, Staff

SCORED = "scored"


@dataclass(frozen=True)
class QcFigures:
    operator_id: int
    name: str
    scored: int  # calls scored
    points: int
    max_points: int
    critical_failures: int

    @property
    def average(self) -> float | None:
        """Average score in per cent (points over the maximum of every scored call)."""
        return 100.0 * self.points / self.max_points if self.max_points else None


def qc_figures(session: Session, start: date, end: date) -> dict[int, QcFigures]:
    """Per operator: the scored calls made between the local days `start` and `end`.

    No permission is checked here: the reports that show these figures check their own.
    """
    since, until = day_bounds(start)[0], day_bounds(end)[1]
    rows = session.execute(
        select(
            QcReview.operator_id,
            Staff.name,
            func.count(QcReview.id),
            func.coalesce(func.sum(QcReview.points), 0),
            func.coalesce(func.sum(QcReview.max_points), 0),
            func.count(QcReview.id).filter(QcReview.critical_failed.is_(True)),
        )
        .join(CallAttempt, CallAttempt.id == QcReview.call_attempt_id)
        .join(Staff, Staff.id == QcReview.operator_id)
        .where(
            QcReview.status == SCORED,
            CallAttempt.attempted_at >= since,
            CallAttempt.attempted_at < until,
        )
        .group_by(QcReview.operator_id, Staff.name)
    ).all()
    return {
        operator_id: QcFigures(operator_id, name, count, int(points), int(maximum), failures)
        for operator_id, name, count, points, maximum, failures in rows
    }
