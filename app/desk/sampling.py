"""Refreshing the queue: due cases drawn at random, unit by unit, as far as coverage needs them.

Each draw is recorded (`call_samples`: seed, unit, quarter, how many cases it chose from) and its
cases become queue entries pointing at it. A drawn case stays in the sample until it is done: one
that does not answer is retried later, never swapped for an easier one (W 7.1.3.3.1).
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import and_, exists, or_, select, text, update
from sqlalchemy.orm import Session

from app.calendar import CalendarUnknownError, WorkingCalendar
from app.clock import current_time, local_date
from app.desk.appointments import mark_missed_appointments
from app.desk.claims import unclaimed
from app.desk.coverage import UnitCoverage, coverage_plan
from app.desk.due import due_case_ids, has_valid_evaluation
from app.reports.quarterly import quarter_bounds
from app.settings import get_setting
from app.zone import LOCAL_ZONE
from db.models import CallSample, Case, QueueEntry

SEED_LIMIT = 2**31  # seeds fit a 32-bit INTEGER column on every backend


@dataclass
class DrawnSample:
    sample_id: int
    unit: str
    year: int
    quarter: int
    seed: int
    candidate_count: int
    case_ids: list[int]  # in the order drawn


@dataclass
class RefreshResult:
    seed: int
    today: date
    added: int  # entries drawn into the queue
    dropped: int  # open entries whose case got a valid evaluation meanwhile
    missed_appointments: int
    samples: list[DrawnSample] = field(default_factory=list)
    plan: list[UnitCoverage] = field(default_factory=list)  # after the draw, in queue order


def refresh_queue(
    session: Session,
    *,
    today: date | None = None,
    seed: int | None = None,
    now: datetime | None = None,
) -> RefreshResult:
    """Bring the queue up to date: drop entries validly evaluated, mark missed appointments,
    draw due cases for every unit below target + margin, and order units furthest behind first.

    `now` defaults to the start of `today` when only `today` is given (tests, back-dated runs).
    """
    if now is None and today is not None:
        now = datetime.combine(today, time(), LOCAL_ZONE)
    now = current_time(now)
    today = today or local_date(now)
    seed = secrets.randbelow(SEED_LIMIT) if seed is None else seed
    # A write first: on SQLite it takes the write lock before anything is read, so that seats
    # claiming meanwhile make this wait instead of failing it when it starts to write.
    dropped = _drop_evaluated(session, now)
    calendar = WorkingCalendar.load(session)
    result = RefreshResult(
        seed=seed,
        today=today,
        added=0,
        dropped=dropped,
        missed_appointments=mark_missed_appointments(session, now),
    )
    sample_all = bool(get_setting(session, "desk.sample_all"))
    for year, quarter in open_quarters(session, today, calendar):
        start, end = quarter_bounds(year, quarter)
        for unit in coverage_plan(session, year, quarter, today=today, calendar=calendar):
            size = unit.due if sample_all else unit.to_draw
            if size > 0:
                candidates = due_case_ids(
                    session, today, start, end, unit_id=unit.unit_id, calendar=calendar
                )
                rank = len(result.plan)  # its place in the plan: the entries' priority
                drawn = _draw(session, unit, candidates, size, seed, today, now, sample_all, rank)
                result.samples.append(drawn)
                result.added += len(drawn.case_ids)
                unit.queued += len(drawn.case_ids)
                unit.due -= len(drawn.case_ids)
            result.plan.append(unit)
    _prioritise(session, result.plan)
    _analyze_queue(session)
    return result


def _analyze_queue(session: Session) -> None:
    """Give PostgreSQL's planner the queue as refreshed, at once: with the statistics of before,
    for minutes until autovacuum came by, the claim misjudged the open entries (issue 23; the
    partial index ix_call_queue_open_pick keeps the claim fast meanwhile anyway). In this
    transaction, so committed with the refresh. SKIP_LOCKED: when another refresh or autovacuum
    is analyzing the queue right now, skip rather than wait for it (and never deadlock with a
    refresh waiting on this one). A role that does not own the table gets a warning, not an
    error. SQLite's planner keeps no such statistics unless asked."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ANALYZE (SKIP_LOCKED) call_queue"))


def open_quarters(
    session: Session, today: date, calendar: WorkingCalendar
) -> list[tuple[int, int]]:
    """The quarters whose coverage can still change: the previous one until its supplement
    deadline (J 5.4.2: 3 working days), then the current one."""
    year, quarter = today.year, (today.month - 1) // 3 + 1
    previous = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    days = int(get_setting(session, "coverage.supplement_working_days"))
    try:
        open_previous = today <= calendar.add_working_days(quarter_bounds(*previous)[1], days)
    except CalendarUnknownError:
        open_previous = True  # better to plan a few calls too many than to miss a deadline
    return [previous, (year, quarter)] if open_previous else [(year, quarter)]


def sample_rng(seed: int, unit_id: int, year: int, quarter: int) -> random.Random:
    """The generator of one unit's draw: the same seed on the same candidates draws the same cases,
    and each unit and quarter gets its own sequence."""
    return random.Random(f"{seed}:{unit_id}:{year}Q{quarter}")


def _draw(
    session: Session,
    unit: UnitCoverage,
    candidates: list[int],
    size: int,
    seed: int,
    today: date,
    now: datetime,
    sample_all: bool,
    priority: int,
) -> DrawnSample:
    chosen = sample_rng(seed, unit.unit_id, unit.year, unit.quarter).sample(candidates, size)
    sample = CallSample(
        seed=seed,
        unit_id=unit.unit_id,
        year=unit.year,
        quarter=unit.quarter,
        drawn_on=today,
        candidate_count=len(candidates),
        size=len(chosen),
        sample_all=sample_all,
    )
    session.add(sample)
    session.flush()
    session.add_all(
        QueueEntry(
            kind="first",
            case_id=case_id,
            sample_id=sample.id,
            sample_position=position,
            status="open",
            priority=priority,
            ready_at=now,
        )
        for position, case_id in enumerate(chosen)
    )
    return DrawnSample(sample.id, unit.unit, unit.year, unit.quarter, seed, len(candidates), chosen)


def _drop_evaluated(session: Session, now: datetime) -> int:
    """Close free first-revisit entries whose case has a valid evaluation now: nobody calls
    them. A default rating or an evaluation not yet 审核 leaves the case in the sample (J 5.1.2,
    app.desk.due)."""
    evaluated = has_valid_evaluation(QueueEntry.case_id)
    return session.execute(
        update(QueueEntry)
        .where(QueueEntry.kind == "first", QueueEntry.status == "open", evaluated, unclaimed(now))
        .values(status="done", result="evaluated", finished_at=now)
    ).rowcount


def _prioritise(session: Session, plan: list[UnitCoverage]) -> None:
    """Number open first-revisit entries by their unit's place in the plan (0 first); entries of
    quarters no longer planned come last.

    Only entries whose number changes are written (those just drawn have theirs already): on
    PostgreSQL every row updated is a new version of it with new index entries, and numbering
    every open entry twice made the refresh three times as slow as on SQLite (issue 23). The
    plan's units and quarters do not overlap, so each entry has one number whatever the order.
    """
    base = update(QueueEntry).where(QueueEntry.kind == "first", QueueEntry.status == "open")
    planned = []
    for rank, unit in enumerate(plan):
        start, end = quarter_bounds(unit.year, unit.quarter)
        of_unit = and_(Case.unit_id == unit.unit_id, Case.completed_on.between(start, end))
        planned.append(of_unit)
        session.execute(
            base.where(
                QueueEntry.case_id.in_(select(Case.id).where(of_unit)),
                QueueEntry.priority != rank,
            ).values(priority=rank)
        )
    last = base.where(QueueEntry.priority != len(plan))
    if planned:
        in_plan = exists().where(Case.id == QueueEntry.case_id, or_(*planned))
        last = last.where(~in_plan)
    session.execute(last.values(priority=len(plan)))
