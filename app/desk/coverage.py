"""The coverage plan: per accepting unit and quarter, how far revisits are from the target and how
many more cases must be called to get there (J 5.1.2, 5.4.2).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Date, and_, bindparam, case, func, select
from sqlalchemy.orm import Session, aliased

from app import clock
from app.calendar import WorkingCalendar
from app.desk.due import DueRules, counts_as_revisit, due_condition
from app.desk.outcomes import COMPLETED
from app.reports.quarterly import quarter_bounds, quarterly_report
from app.settings import get_setting
from db.models import Case, Evaluation, QueueEntry, Unit

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
    figures = _quarter_figures(session, start, end, today, calendar)

    plan = []
    for row in report.units:
        unit_id = unit_ids[row.unit]
        unit_figures = figures.get(unit_id, _NOTHING)
        # The small epsilon keeps 0.35 × 20 = 7.000000000000001 from asking for an 8th revisit.
        wanted = math.ceil((target + margin) * row.cases - 1e-9)
        shortfall = max(0, wanted - row.revisited)
        rate = max(unit_figures.completion_rate(prior), MIN_COMPLETION_RATE)
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
                queued=unit_figures.queued,
                no_valid_phone=unit_figures.no_valid_phone,
                unit_id=unit_id,
                year=year,
                quarter=quarter,
                due=unit_figures.due,
            )
        )
    plan.sort(key=lambda u: (u.coverage, -u.shortfall, u.unit))
    return plan


@dataclass(frozen=True)
class QuarterFigures:
    """What the plan needs of a unit's cases completed in the quarter, beyond the report."""

    no_valid_phone: int = 0  # due, but none of the case's numbers is valid
    due: int = 0  # due with a valid phone, not yet drawn into the queue
    queued: int = 0  # open in the queue
    completed: int = 0  # first-revisit entry done with a completed revisit
    failed: int = 0  # first-revisit entry done without one (unreachable, refused, …)

    def completion_rate(self, prior: float) -> float:
        """The share of the quarter's ended calls that ended with a revisit, the prior blended
        in as PRIOR_WEIGHT cases: the prior alone before any call of the quarter has ended.

        Over the quarter's own cases, not all time (issue 23): the figure the plan divides by is
        the one of the cases it plans for, and it costs nothing beyond the pass that counts the
        queue; an all-time count read every case of the database (0.4-0.5 s at 1 M cases on
        PostgreSQL, growing every year). Both counts come from the same first-revisit entries,
        so a revisit recorded outside the queue (an imported ledger) weighs on neither side.
        """
        return (self.completed + prior * PRIOR_WEIGHT) / (
            self.completed + self.failed + PRIOR_WEIGHT
        )


_NOTHING = QuarterFigures()


def _quarter_figures(
    session: Session, start: date, end: date, today: date, calendar: WorkingCalendar
) -> dict[int, QuarterFigures]:
    """unit id -> its QuarterFigures, in one pass over the quarter's cases.

    Each case is read from the covering index ix_cases_unit_period_plan (unit, 办结日期, enterprise,
    scoring evaluation, valid phone, id), one range per unit: `unit_id IN (the units)` makes
    both backends walk it unit by unit, in order, with or without statistics (SQLite has none
    unless someone ran ANALYZE; PostgreSQL cannot skip along an index's first column). Each
    case is joined once to its scoring evaluation where that is valid (at most one row: by
    primary key) and to its first-revisit entry. A correlated look-up of the evaluation in each
    figure instead ran twice per case, and made PostgreSQL estimate the query far above its JIT
    threshold (issue 23, bench/reading.md).
    """
    scoring = aliased(Evaluation)
    evaluated = scoring.id.is_not(None)  # has_valid_evaluation, on the join below
    due = due_condition(DueRules.from_settings(session), today, calendar, evaluated=evaluated)
    valid = Case.has_valid_phone.is_(True)
    done = QueueEntry.status == "done"
    # The quarter's bounds written into the statement, not sent as parameters: psycopg prepares
    # a statement run five times on a connection, and PostgreSQL's generic plan for it then
    # guessed 5 000 cases in an unknown range, hashed the 250 000 it found for that and took
    # 30 s at 1 M cases (from about the tenth plan on one connection; issue 23).
    quarter = [bindparam(None, day, Date, literal_execute=True) for day in (start, end)]
    rows = session.execute(
        select(
            Case.unit_id,
            _count_if(and_(due, ~valid)),
            _count_if(and_(due, valid, QueueEntry.id.is_(None))),
            _count_if(QueueEntry.status == "open"),
            _count_if(and_(done, QueueEntry.result == COMPLETED)),
            _count_if(and_(done, QueueEntry.result.not_in(_NOT_A_CALL_RESULT))),
        )
        .outerjoin(
            scoring, and_(scoring.id == Case.first_evaluation_id, counts_as_revisit(scoring))
        )
        .outerjoin(QueueEntry, and_(QueueEntry.case_id == Case.id, QueueEntry.kind == "first"))
        .where(Case.unit_id.in_(select(Unit.id)), Case.completed_on.between(*quarter))
        .group_by(Case.unit_id)
    ).all()
    return {unit_id: QuarterFigures(*map(int, counts)) for unit_id, *counts in rows}


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
