"""Drawing a quality-inspection sample: a reproducible random choice of one operator's completed
calls in a period (local days), each drawn call becoming a pending review.

The population is the operator's call attempts with the outcome 已回访 and an evaluation, made in
the period, and not already in another sample. The seed, the population's size and the sample's
size are kept (`qc_samples`), as the evaluation samples keep theirs (app.desk.sampling): the same
seed over the same population draws the same calls, in the same order.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import record_change
from app.clock import current_time, day_bounds
from app.errors import Refused
from app.i18n import pick
from app.roles import Permission
from app.staff import require_permission
from db.models import CallAttempt, QcReview, QcSample, Staff

COMPLETED = "completed"
SEED_LIMIT = 2**31  # fits a 32-bit INTEGER on every backend
MAX_SIZE = 500
MAX_PERIOD_DAYS = 366


class SampleInvalid(Refused, ValueError):
    """A draw that cannot be made as asked; the message says why."""


@dataclass
class DrawnQcSample:
    sample_id: int
    operator_id: int
    period_start: date
    period_end: date
    seed: int
    population: int
    size: int  # drawn: at most the size asked
    review_ids: list[int]
    call_attempt_ids: list[int]  # in the order drawn


def sample_rng(seed: int, operator_id: int, start: date, end: date) -> random.Random:
    """The generator of one draw: each operator and period gets its own sequence."""
    return random.Random(f"qc:{seed}:{operator_id}:{start.isoformat()}:{end.isoformat()}")


def population(session: Session, operator_id: int, start: date, end: date) -> list[int]:
    """The call attempts a draw chooses from, by id: the operator's completed calls with an
    evaluation, dialled between the local days `start` and `end`, in no sample yet."""
    since, until = day_bounds(start)[0], day_bounds(end)[1]
    in_a_sample = select(QcReview.call_attempt_id)
    return list(
        session.scalars(
            select(CallAttempt.id)
            .where(
                CallAttempt.operator_id == operator_id,
                CallAttempt.outcome == COMPLETED,
                CallAttempt.evaluation_id.is_not(None),
                CallAttempt.attempted_at >= since,
                CallAttempt.attempted_at < until,
                CallAttempt.id.not_in(in_a_sample),
            )
            .order_by(CallAttempt.id)
        )
    )


def draw_sample(
    session: Session,
    operator_id: int,
    start: date,
    end: date,
    size: int,
    *,
    seed: int | None = None,
    by_id: int | None,
    now: datetime | None = None,
) -> DrawnQcSample:
    """Draw up to `size` of the operator's completed calls in the period at random (`seed`, or a
    new one), record the draw and make each call a pending review. Team leads and
    administrators. Refused when nothing is there to draw."""
    require_permission(session, by_id, Permission.INSPECT_QUALITY)
    now = current_time(now)
    operator = session.get(Staff, operator_id) if isinstance(operator_id, int) else None
    if operator is None:
        raise SampleInvalid(pick("请选择回访员", "Choose an operator"))
    if start > end:
        raise SampleInvalid(pick("开始日期不能晚于结束日期", "The period starts after it ends"))
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise SampleInvalid(
            pick(f"期间最长 {MAX_PERIOD_DAYS} 天", f"A period is at most {MAX_PERIOD_DAYS} days")
        )
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= MAX_SIZE:
        raise SampleInvalid(
            pick(f"抽样数量须在 1 到 {MAX_SIZE} 之间", f"The size is 1 to {MAX_SIZE} calls")
        )
    if seed is None:
        seed = secrets.randbelow(SEED_LIMIT)
    elif isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < SEED_LIMIT:
        raise SampleInvalid(
            pick(f"种子须在 0 到 {SEED_LIMIT - 1} 之间", f"The seed is 0 to {SEED_LIMIT - 1}")
        )
    candidates = population(session, operator_id, start, end)
    if not candidates:
        raise SampleInvalid(
            pick(
                f"{operator.name} 在 {start} 至 {end} 没有可抽取的已回访通话"
                "（已回访、有评价、未被抽过）",
                f"{operator.name} has no completed call to draw from {start} to {end}"
                " (completed, with an evaluation, not drawn before)",
            )
        )
    chosen = sample_rng(seed, operator_id, start, end).sample(
        candidates, min(size, len(candidates))
    )
    sample = QcSample(
        operator_id=operator_id,
        period_start=start,
        period_end=end,
        seed=seed,
        population=len(candidates),
        size=len(chosen),
        drawn_by_id=by_id,
        drawn_at=now,
    )
    session.add(sample)
    session.flush()
    reviews = [
        QcReview(
            sample_id=sample.id,
            call_attempt_id=attempt_id,
            operator_id=operator_id,
            position=position,
            status="pending",
        )
        for position, attempt_id in enumerate(chosen)
    ]
    session.add_all(reviews)
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action="qc_sample.draw",
        entity="qc_sample",
        entity_uid=sample.uid,
        before=None,
        after={
            "operator_id": operator_id,
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
            "seed": seed,
            "population": len(candidates),
            "size": len(chosen),
            "call_attempt_ids": chosen,
        },
        at=now,
    )
    return DrawnQcSample(
        sample.id,
        operator_id,
        start,
        end,
        seed,
        len(candidates),
        len(chosen),
        [r.id for r in reviews],
        chosen,
    )


@dataclass
class SampleRow:
    id: int
    operator_id: int
    operator: str
    period_start: date
    period_end: date
    seed: int
    population: int
    size: int
    scored: int
    drawn_at: datetime


def samples(
    session: Session, *, operator_id: int | None = None, by_id: int | None
) -> list[SampleRow]:
    """The samples drawn, newest first (one operator's when given). Team leads."""
    require_permission(session, by_id, Permission.INSPECT_QUALITY)
    scored = (
        select(QcReview.sample_id, func.count(QcReview.id).label("scored"))
        .where(QcReview.status == "scored")
        .group_by(QcReview.sample_id)
        .subquery()
    )
    query = (
        select(QcSample, Staff.name, func.coalesce(scored.c.scored, 0))
        .join(Staff, Staff.id == QcSample.operator_id)
        .outerjoin(scored, scored.c.sample_id == QcSample.id)
        .order_by(QcSample.drawn_at.desc(), QcSample.id.desc())
    )
    if operator_id is not None:
        query = query.where(QcSample.operator_id == operator_id)
    return [
        SampleRow(
            s.id,
            s.operator_id,
            name,
            s.period_start,
            s.period_end,
            s.seed,
            s.population,
            s.size,
            int(count),
            s.drawn_at,
        )
        for s, name, count in session.execute(query)
    ]
