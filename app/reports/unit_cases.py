"""One accepting unit's cases in a period with their first evaluation: what its score is made of.

A case's first evaluation is its earliest round-1 evaluation by time (J 5.4.1), as in the
quarterly report, read from cases.first_evaluation_id. Only the unit's cases completed in the
period are read, through the index on (unit, completed date), so the list stays quick on a
database of a million cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.importing.validity import invalid_scores
from app.ratings import RATING_SCORES, UNREPORTED_SCORE, Channel, Rating
from db.models import Case, Evaluation, Unit


@dataclass(frozen=True)
class UnitCaseRow:
    case_no: str
    business_type: str | None
    completed_on: date
    applicant: str | None
    is_enterprise: bool
    channel: Channel | None  # of the first evaluation; None when the case was not revisited
    evaluated_at: datetime | None
    overall: Rating | None  # the first evaluation's 总体情况
    score: int | None  # points of the case; None when it does not score (not revisited)

    @property
    def unreported(self) -> bool:
        """未填报: an enterprise case whose revisit was never done; it scores 0."""
        return self.is_enterprise and self.channel is None


def unit_cases(session: Session, unit_name: str, start: date, end: date) -> list[UnitCaseRow]:
    """The cases of `unit_name` completed from `start` to `end` (inclusive), by completion date."""
    unit_id = session.scalar(select(Unit.id).where(Unit.name == unit_name))
    if unit_id is None:
        return []
    cases = session.execute(
        select(
            Case.case_no,
            Case.business_type,
            Case.completed_on,
            Case.applicant,
            Case.is_enterprise,
            Evaluation.channel,
            Evaluation.evaluated_at,
            Evaluation.overall,
            Evaluation.valid,
        )
        # The first evaluation, kept on the case by the database (migration 0016).
        .outerjoin(Evaluation, Evaluation.id == Case.first_evaluation_id)
        .where(Case.unit_id == unit_id, Case.completed_on.between(start, end))
        .order_by(Case.completed_on, Case.case_no)
    )
    invalid_score = invalid_scores(session)
    return [_row(*values, scores=bool(valid) or invalid_score) for *values, valid in cases]


def _row(
    case_no: str,
    business_type: str | None,
    completed_on: date,
    applicant: str | None,
    is_enterprise: bool,
    channel: str | None,
    evaluated_at: datetime | None,
    overall: str | None,
    *,
    scores: bool,
) -> UnitCaseRow:
    rating = Rating(overall) if overall in RATING_SCORES else None
    if channel is not None and scores:
        score: int | None = RATING_SCORES[rating] if rating else 0
    else:
        score = UNREPORTED_SCORE if is_enterprise else None
    return UnitCaseRow(
        case_no=case_no,
        business_type=business_type,
        completed_on=completed_on,
        applicant=applicant,
        is_enterprise=bool(is_enterprise),
        channel=Channel(channel) if channel is not None else None,
        evaluated_at=evaluated_at,
        overall=rating,
        score=score,
    )
