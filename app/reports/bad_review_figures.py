"""Per accepting unit and quarter, beside the scores: how the counted evaluations came in, and how
the unit handled its 差评 (app.bad_reviews) — the figures provinces require to be 100 %.

The cases are the quarter's (completed in it), as for the rest of the quarterly report.

- Channels: the evaluation each revisited case is counted by (its first evaluation) by channel —
  扫码, 好差评平台, 电话, 企业 — and of them the default ratings (系统默认评价, `is_default`: the
  platform's, never the citizen's). Counted in the report's main query (app.reports.quarterly).
- 差评: a first evaluation whose 总体情况 is 不满意; 实名 unless the platform marked it anonymous
  (`anonymous` is not True). Also counted in the main query.
- 实名差评回访率 = named 差评 called back (its callback has a recorded contact or round-2
  answers) ÷ named 差评.
- 差评整改率 = 差评 that stand and were rectified ÷ 差评 that stand (成立: found true, not
  contested, or its appeal rejected).
- Appeals filed and upheld; a review upheld as malicious on appeal is listed by name. Whether it
  scores is `bad_reviews.malicious_scoring`: a 差评 scores 0 points, so leaving it out keeps the
  total and raises the average (its case stays revisited: the citizen was reached).

The queries here start from the callbacks and 差评 records (a few per hundred cases), never
from all the quarter's cases or evaluations, so the report stays as fast as its main query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.bad_reviews.process import decider_label
from app.clock import local_date
from app.ratings import RATING_SCORES, Channel, Rating
from db.models import BadReview, CallbackContact, CallbackTask, Case, Evaluation, Unit

SCORED = "scored"
EXCLUDED = "excluded"


@dataclass
class ChannelSplit:
    """The first evaluations of a unit's revisited cases, by how they came in."""

    qr: int = 0  # 扫码评价
    platform: int = 0  # 好差评平台
    phone: int = 0  # 电话回访
    enterprise: int = 0  # 企业回访 (Form B)
    default: int = 0  # of the above, 系统默认评价 (whatever channel brought them)

    @property
    def total(self) -> int:
        return self.qr + self.platform + self.phone + self.enterprise


@dataclass
class BadReviewFigures:
    bad_reviews: int = 0  # 差评: first evaluations with 总体情况 不满意
    named: int = 0  # 实名差评
    named_called_back: int = 0  # of them, called back
    standing: int = 0  # 差评成立
    rectified: int = 0  # of them, rectified
    appeals: int = 0  # 申诉 filed
    appeals_upheld: int = 0  # 申诉成立
    malicious_upheld: int = 0  # upheld as malicious on appeal
    malicious_scored: int = 0  # of them, the case's scoring evaluation
    malicious_points: int = 0  # the points those evaluations score

    @property
    def rectify_rate(self) -> float | None:
        """差评整改率; None when no 差评 stands (nothing to rectify)."""
        return self.rectified / self.standing if self.standing else None

    @property
    def callback_rate(self) -> float | None:
        """实名差评回访率; None without a named 差评."""
        return self.named_called_back / self.named if self.named else None

    def to_json(self) -> dict:
        return {
            **{name: getattr(self, name) for name in self.__dataclass_fields__},
            "rectify_rate": _rounded(self.rectify_rate),
            "callback_rate": _rounded(self.callback_rate),
        }


@dataclass
class MaliciousReview:
    """A 差评 upheld as malicious on appeal: kept, and listed in the report."""

    unit: str
    case_no: str
    evaluated_at: datetime
    reason: str | None  # why it was found malicious
    decided_on: date
    decided_by: str  # 组长复核（name） / 市局复核（office）
    scored: bool  # whether it scores, by the setting (and whether it is the scoring evaluation)

    def to_json(self) -> dict:
        return {
            "unit": self.unit,
            "case_no": self.case_no,
            "evaluated_at": self.evaluated_at.isoformat(timespec="seconds"),
            "reason": self.reason,
            "decided_on": self.decided_on.isoformat(),
            "decided_by": self.decided_by,
            "scored": self.scored,
        }


def _rounded(rate: float | None) -> float | None:
    return None if rate is None else round(rate, 4)


def rate_text(rate: float | None) -> str:
    """A rate as the report prints it: 100.00%, or — when there is nothing to count."""
    return "—" if rate is None else f"{rate * 100:.2f}%"


def _named(evaluation) -> object:
    return or_(evaluation.anonymous.is_(None), evaluation.anonymous.is_(False))


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def first_evaluation_counts(first) -> tuple:
    """What the report's main query adds over the first evaluations it joins: 扫码, default
    ratings, 差评 and named 差评 (the other channels it counts already)."""
    bad = first.overall == Rating.DISSATISFIED
    return (
        _count_if(first.channel == Channel.QR),
        _count_if(first.is_default.is_(True)),
        _count_if(bad),
        _count_if(and_(bad, _named(first))),
    )


def _in_period(start: date, end: date):
    """The case was completed in the period — tested row by row, not through the cases' date
    index: these queries start from the few callbacks and 差评, and a planner without
    statistics (SQLite) would otherwise walk all the quarter's cases to reach them."""
    return case((Case.completed_on.between(start, end), 1), else_=0) == 1


def review_figures(
    session: Session, start: date, end: date, figures: dict[int, BadReviewFigures]
) -> None:
    """Add to each unit's figures (by unit id) what its callbacks and 差评 records say."""
    in_period = _in_period(start, end)
    first = aliased(Evaluation)
    contacted = exists().where(CallbackContact.task_id == CallbackTask.id)
    called_back = (
        select(Case.unit_id, func.count(func.distinct(Case.id)))
        .select_from(CallbackTask)
        .join(Case, Case.id == CallbackTask.case_id)
        .join(first, first.id == Case.first_evaluation_id)
        .where(
            in_period,
            first.overall == Rating.DISSATISFIED,
            _named(first),
            or_(CallbackTask.second_evaluation_id.is_not(None), contacted),
        )
        .group_by(Case.unit_id)
    )
    for unit_id, count in session.execute(called_back):
        figures.setdefault(unit_id, BadReviewFigures()).named_called_back = count

    review = BadReview
    opened_by = aliased(Evaluation)
    malicious = and_(review.malicious.is_(True), review.appeal_upheld.is_(True))
    scoring = and_(malicious, CallbackTask.evaluation_id == Case.first_evaluation_id)
    points = case(
        *((opened_by.overall == rating, score) for rating, score in RATING_SCORES.items()),
        else_=0,
    )
    reviews = (
        select(
            Case.unit_id,
            _count_if(review.stands.is_(True)),
            _count_if(and_(review.stands.is_(True), review.rectified_at.is_not(None))),
            _count_if(review.appeal_filed_at.is_not(None)),
            _count_if(review.appeal_upheld.is_(True)),
            _count_if(malicious),
            _count_if(scoring),
            func.coalesce(func.sum(case((scoring, points), else_=0)), 0),
        )
        # Outer joins, though every review has its task and case: the planner keeps the few
        # reviews as the outer loop instead of walking every callback ever opened.
        .select_from(review)
        .outerjoin(CallbackTask, CallbackTask.id == review.callback_task_id)
        .outerjoin(Case, Case.id == CallbackTask.case_id)
        .outerjoin(opened_by, opened_by.id == CallbackTask.evaluation_id)
        .where(in_period)
        .group_by(Case.unit_id)
    )
    for unit_id, *counts in session.execute(reviews):
        unit = figures.setdefault(unit_id, BadReviewFigures())
        (
            unit.standing,
            unit.rectified,
            unit.appeals,
            unit.appeals_upheld,
            unit.malicious_upheld,
            unit.malicious_scored,
            unit.malicious_points,
        ) = counts


def malicious_reviews(
    session: Session, start: date, end: date, scoring: str
) -> list[MaliciousReview]:
    """The quarter's 差评 upheld as malicious on appeal, by unit and case number."""
    opened_by = aliased(Evaluation)
    rows = session.execute(
        select(
            Unit.name,
            Case.case_no,
            opened_by.evaluated_at,
            BadReview.malicious_reason,
            BadReview.appeal_decided_at,
            BadReview.appeal_decider,
            BadReview.appeal_decider_name,
            CallbackTask.evaluation_id == Case.first_evaluation_id,
        )
        .select_from(BadReview)  # outer joins: as in review_figures
        .outerjoin(CallbackTask, CallbackTask.id == BadReview.callback_task_id)
        .outerjoin(Case, Case.id == CallbackTask.case_id)
        .outerjoin(Unit, Unit.id == Case.unit_id)
        .outerjoin(opened_by, opened_by.id == CallbackTask.evaluation_id)
        .where(
            _in_period(start, end),
            BadReview.malicious.is_(True),
            BadReview.appeal_upheld.is_(True),
        )
        .order_by(Unit.name, Case.case_no)
    ).all()
    return [
        MaliciousReview(
            unit=unit,
            case_no=case_no,
            evaluated_at=at,
            reason=reason,
            decided_on=local_date(decided_at),
            decided_by=f"{decider_label(decider)}（{name}）" if name else decider_label(decider),
            scored=bool(is_first) and scoring == SCORED,
        )
        for unit, case_no, at, reason, decided_at, decider, name, is_first in rows
    ]
