"""The coverage plan: per accepting unit and quarter, how far revisits are from the target and how
many more cases must be called to get there (J 5.1.2, 5.4.2).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, distinct, func, select
from sqlalchemy.orm import Session

from app import clock
from app.calendar import WorkingCalendar
from app.desk.due import DueRules, due_condition
from app.desk.outcomes import COMPLETED
from app.reports.quarterly import quarter_bounds, quarterly_report
from app.settings import get_setting
from db.models import CallAttempt, Case, QueueEntry, Unit

# How many observed cases the prior completion rate weighs as: enough that one unlucky case does
# not send a unit's planned calls through the roof, few enough that real figures soon dominate.
PRIOR_WEIGHT = 5
# A floor under the rate, so that a prior set to 0 does not ask for infinitely many calls.
MIN_COMPLETION_RATE = 0.05
# Queue results that say nothing about how often a call succeeds.
_NOT_A_CALL_RESULT = (COMPLETED, "evaluated")


@dataclass
class UnitCoverage:
    unit: str
    cases: int
    online: int
    phone: int
    enterprise: int
    revisited: int
    coverage: float
    target: float
    shortfall: int  # revisits still missing to reach target + margin
    completion_rate: float
    calls_needed: int  # cases to have in the queue for the shortfall, at the completion rate
    queued: int  # open first-revisit entries of the unit's cases in the quarter
    no_valid_phone: int  # due cases that cannot be queued: none of their numbers is valid
    unit_id: int = 0
    year: int = 0
    quarter: int = 0
    due: int = 0  # due cases with a valid phone not yet drawn into the queue

    @property
    def to_draw(self) -> int:
        """Cases still to draw into the queue for the shortfall (never more than are due)."""
        return min(self.due, max(0, self.calls_needed - self.queued))


def coverage_plan(
    session: Session,
    year: int,
    quarter: int,
    *,
    today: date | None = None,
    calendar: WorkingCalendar | None = None,
) -> list[UnitCoverage]:
    """Every unit with cases completed in the quarter, furthest behind its target first."""
    start, end = quarter_bounds(year, quarter)
    today = today or clock.today()
    calendar = calendar or WorkingCalendar.load(session)
    target = float(get_setting(session, "coverage.target"))
    margin = float(get_setting(session, "coverage.margin"))
    prior = float(get_setting(session, "desk.completion_prior"))
    report = quarterly_report(session, year, quarter, today=today, calendar=calendar)
    unit_ids = dict(session.execute(select(Unit.name, Unit.id)).all())
    queue = _queue_figures(session, start, end, today, calendar)
    rates = _completion_rates(session, prior)

    plan = []
    for row in report.units:
        unit_id = unit_ids[row.unit]
        no_valid_phone, due, queued = queue.get(unit_id, (0, 0, 0))
        # The small epsilon keeps 0.35 × 20 = 7.000000000000001 from asking for an 8th revisit.
        wanted = math.ceil((target + margin) * row.cases - 1e-9)
        shortfall = max(0, wanted - row.revisited)
        rate = max(rates.get(unit_id, prior), MIN_COMPLETION_RATE)
        plan.append(
            UnitCoverage(
                unit=row.unit,
                cases=row.cases,
                online=row.online,
                phone=row.phone,
                enterprise=row.enterprise,
                revisited=row.revisited,
                coverage=row.coverage,
                target=target,
                shortfall=shortfall,
                completion_rate=rate,
                calls_needed=math.ceil(shortfall / rate - 1e-9) if shortfall else 0,
                queued=queued,
                no_valid_phone=no_valid_phone,
                unit_id=unit_id,
                year=year,
                quarter=quarter,
                due=due,
            )
        )
    plan.sort(key=lambda u: (u.coverage, -u.shortfall, u.unit))
    return plan


def _queue_figures(
    session: Session, start: date, end: date, today: date, calendar: WorkingCalendar
) -> dict[int, tuple[int, int, int]]:
    """unit id -> (due without a valid phone, due and not yet queued, open in the queue)."""
    due = due_condition(DueRules.from_settings(session), today, calendar)
    valid = Case.has_valid_phone.is_(True)
    rows = session.execute(
        select(
            Case.unit_id,
            _count_if(and_(due, ~valid)),
            _count_if(and_(due, valid, QueueEntry.id.is_(None))),
            _count_if(QueueEntry.status == "open"),
        )
        .outerjoin(QueueEntry, and_(QueueEntry.case_id == Case.id, QueueEntry.kind == "first"))
        .where(Case.completed_on.between(start, end))
        .group_by(Case.unit_id)
    ).all()
    return {unit_id: (int(a), int(b), int(c)) for unit_id, a, b, c in rows}


def _completion_rates(session: Session, prior: float) -> dict[int, float]:
    """unit id -> share of its called cases that ended with a completed revisit, all time.

    Only cases whose calling has ended count (completed, or the queue entry finished without a
    revisit), so a quarter's many cases still being retried do not drag the rate down. The prior
    is blended in as PRIOR_WEIGHT cases, so that it alone applies before anything is observed.
    """
    completed = dict(
        session.execute(
            select(Case.unit_id, func.count(distinct(CallAttempt.case_id)))
            .join(Case, Case.id == CallAttempt.case_id)
            .where(CallAttempt.outcome == COMPLETED, CallAttempt.callback_task_id.is_(None))
            .group_by(Case.unit_id)
        ).all()
    )
    failed = dict(
        session.execute(
            select(Case.unit_id, func.count(QueueEntry.id))
            .join(Case, Case.id == QueueEntry.case_id)
            .where(
                QueueEntry.kind == "first",
                QueueEntry.status == "done",
                QueueEntry.result.not_in(_NOT_A_CALL_RESULT),
            )
            .group_by(Case.unit_id)
        ).all()
    )
    return {
        unit_id: (completed.get(unit_id, 0) + prior * PRIOR_WEIGHT)
        / (completed.get(unit_id, 0) + failed.get(unit_id, 0) + PRIOR_WEIGHT)
        for unit_id in completed.keys() | failed.keys()
    }


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
