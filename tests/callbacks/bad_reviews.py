"""Builders for the 差评 tests: a case whose first evaluation is a 差评, with its callback and
its 差评 record, and evidence files."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.callbacks.opening import open_callback
from db.models import BadReview, Case, Evaluation, Unit

from . import helpers as h


@dataclass
class Opened:
    case_id: int
    evaluation_id: int
    task_id: int
    review_id: int


def bad_review(
    session: Session,
    owner: Unit,
    case_no: str,
    at: datetime,
    *,
    completed_on: date | None = None,
    anonymous: bool | None = None,
    channel: str = "platform",
) -> Opened:
    """A case with a 差评 (总体情况 不满意) as its first evaluation, its callback and 差评."""
    case_row = h.case(session, owner, case_no, completed_on or at.date())
    evaluation = Evaluation(
        case_id=case_row.id,
        channel=channel,
        round=1,
        evaluated_at=at,
        overall="dissatisfied",
        efficiency="dissatisfied",
        attitude="satisfied",
        materials="satisfied",
        integrity_breach=False,
        suggestion="办了三次还没办完",
        anonymous=anonymous,
    )
    session.add(evaluation)
    session.flush()
    task = open_callback(
        session, case_row, evaluation.id, now=at, category="efficiency", words="办了三次还没办完"
    )
    review = session.scalar(select(BadReview).where(BadReview.callback_task_id == task.id))
    assert review is not None
    return Opened(case_row.id, evaluation.id, task.id, review.id)


def png(seed: int = 1) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (seed * 40 % 256, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def case_of(session: Session, case_no: str) -> Case:
    return session.scalar(select(Case).where(Case.case_no == case_no))
