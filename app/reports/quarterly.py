"""The quarterly unit report: coverage against the target, scores and ranking (J 5.4.1–5.4.3).

A unit's cases are those completed (办结) in the quarter. A case is revisited when it has a first
evaluation — its earliest round-1 evaluation by time, by any channel, given at any time — and only
that evaluation scores (非常满意 5, 满意 3, 一般 2, 不满意 0). An enterprise case never revisited
counts 0 as 未填报. Units are ranked by score total; ties go to the higher coverage, then by name.

Beside the scores, per unit: the channels of the counted evaluations with default ratings apart,
and the 差评 figures — 差评整改率, 实名差评回访率, appeals — with the 差评 upheld as malicious on
appeal listed (app.reports.bad_review_figures); `bad_reviews.malicious_scoring` says whether
those still score.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app import clock
from app.calendar import CalendarUnknownError, WorkingCalendar
from app.desk.due import counts_as_revisit
from app.importing.validity import invalid_scores, scores
from app.ratings import RATING_SCORES, Channel
from app.reports.bad_review_figures import (
    EXCLUDED,
    BadReviewFigures,
    ChannelSplit,
    MaliciousReview,
    first_evaluation_counts,
    malicious_reviews,
    review_figures,
)
from app.settings import get_setting
from app.zone import LOCAL_ZONE
from db.models import Case, Evaluation, Unit

# Grades of a unit's quarter (J 5.4.2).
PASS = "合格"
FAIL = "不合格"
AWAITING_SUPPLEMENT = "待补报"  # below target, supplement deadline not yet passed
IN_PROGRESS = "统计中"  # the quarter has not ended


@dataclass
class UnitQuarter:
    unit: str
    cases: int
    revisited: int
    online: int
    phone: int
    enterprise: int
    coverage: float
    meets_target: bool
    score_total: int
    score_average: float
    rank: int
    grade: str
    unreported_enterprise: int  # enterprise cases without any revisit (未填报, 0 points)
    revisited_by_deadline: int  # revisits counted for the grade
    channels: ChannelSplit = field(default_factory=ChannelSplit)
    bad_reviews: BadReviewFigures = field(default_factory=BadReviewFigures)


@dataclass
class QuarterlyReport:
    year: int
    quarter: int
    target: float
    start: date
    end: date
    supplement_deadline: date | None  # None when the calendar does not know that year yet
    generated_at: datetime
    units: list[UnitQuarter]
    # 差评 upheld as malicious on appeal, and whether they score (bad_reviews.malicious_scoring).
    malicious_reviews: list[MaliciousReview] = field(default_factory=list)
    malicious_scoring: str = "scored"

    def to_json(self) -> dict:
        """The report as the `report quarterly --format json` command prints it."""
        return {
            "year": self.year,
            "quarter": self.quarter,
            "target": self.target,
            "period": {"start": self.start.isoformat(), "end": self.end.isoformat()},
            "supplement_deadline": (
                self.supplement_deadline.isoformat() if self.supplement_deadline else None
            ),
            "generated_at": self.generated_at.isoformat(timespec="seconds"),
            "units": [
                {
                    **asdict(u),
                    "coverage": round(u.coverage, 4),
                    "score_average": round(u.score_average, 2),
                    "channels": {**asdict(u.channels), "total": u.channels.total},
                    "bad_reviews": u.bad_reviews.to_json(),
                }
                for u in self.units
            ],
            "malicious_scoring": self.malicious_scoring,
            "malicious_reviews": [review.to_json() for review in self.malicious_reviews],
        }


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1–4, not {quarter}")
    start = date(year, 3 * quarter - 2, 1)
    next_start = date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return start, next_start - timedelta(days=1)


def supplement_calendar_year(year: int, quarter: int) -> int:
    """The year whose working calendar a quarter's supplement deadline is counted in: the
    deadline is working days after the quarter's last day, so Q4's falls in the next year."""
    return year + 1 if quarter == 4 else year


def quarterly_report(
    session: Session,
    year: int,
    quarter: int,
    *,
    today: date | None = None,
    calendar: WorkingCalendar | None = None,
) -> QuarterlyReport:
    start, end = quarter_bounds(year, quarter)
    target = float(get_setting(session, "coverage.target"))
    calendar = calendar or WorkingCalendar.load(session)
    today = today or clock.today()
    try:
        deadline = calendar.add_working_days(
            end, int(get_setting(session, "coverage.supplement_working_days"))
        )
    except CalendarUnknownError:
        deadline = None
    # Revisits given up to the end of the deadline day count for the grade.
    deadline_end = (
        datetime.combine(deadline + timedelta(days=1), time(), LOCAL_ZONE) if deadline else None
    )

    rows = unit_figures(session, start, end, deadline_end)
    reviews = {row.unit_id: row.bad_reviews for row in rows}
    review_figures(session, start, end, reviews)
    scoring = get_setting(session, "bad_reviews.malicious_scoring")
    units = []
    for row in rows:
        coverage = row.revisited / row.cases
        score_total, scored = row.score_total, row.scored
        if scoring == EXCLUDED:  # kept and listed, but out of the total and the average
            score_total -= row.bad_reviews.malicious_points
            scored -= row.bad_reviews.malicious_scored
        units.append(
            UnitQuarter(
                unit=row.unit,
                cases=row.cases,
                revisited=row.revisited,
                online=row.online,
                phone=row.phone,
                enterprise=row.enterprise,
                coverage=coverage,
                meets_target=coverage >= target,
                score_total=score_total,
                score_average=score_total / scored if scored else 0.0,
                rank=0,
                grade=_grade(
                    coverage >= target,
                    row.revisited_by_deadline / row.cases >= target,
                    today,
                    end,
                    deadline,
                ),
                unreported_enterprise=row.unreported_enterprise,
                revisited_by_deadline=row.revisited_by_deadline,
                channels=row.channels,
                bad_reviews=row.bad_reviews,
            )
        )
    units.sort(key=lambda u: (-u.score_total, -u.coverage, u.unit))
    for position, unit in enumerate(units, start=1):
        unit.rank = position
    return QuarterlyReport(
        year=year,
        quarter=quarter,
        target=target,
        start=start,
        end=end,
        supplement_deadline=deadline,
        generated_at=clock.local_now(),
        units=units,
        malicious_reviews=malicious_reviews(session, start, end, scoring),
        malicious_scoring=scoring,
    )


def _grade(
    meets_now: bool, met_by_deadline: bool, today: date, end: date, deadline: date | None
) -> str:
    if today <= end:
        return IN_PROGRESS
    if deadline is None or today <= deadline:
        return PASS if meets_now else AWAITING_SUPPLEMENT
    return PASS if met_by_deadline else FAIL


@dataclass
class _UnitFigures:
    unit: str
    unit_id: int
    cases: int = 0
    enterprise_cases: int = 0
    revisited: int = 0
    online: int = 0
    phone: int = 0
    enterprise: int = 0
    score_total: int = 0
    scored: int = 0  # cases whose first evaluation scores (with an invalid one: the setting)
    revisited_enterprise: int = 0
    revisited_by_deadline: int = 0
    channels: ChannelSplit = field(default_factory=ChannelSplit)
    bad_reviews: BadReviewFigures = field(default_factory=BadReviewFigures)

    @property
    def unreported_enterprise(self) -> int:
        return self.enterprise_cases - self.revisited_enterprise


def unit_figures(
    session: Session, start: date, end: date, deadline_end: datetime | None
) -> list[_UnitFigures]:
    """Per unit with cases completed in [start, end]: counts, channel split, score total and
    差评 (app.reports.bad_review_figures.first_evaluation_counts).

    Two passes over the covering index ix_cases_unit_period_first: all the period's cases, then
    those with a first evaluation (cases.first_evaluation_id, kept by triggers) joined to it.
    """
    in_period = Case.completed_on.between(start, end)
    figures: dict[int, _UnitFigures] = {}
    all_cases = (
        select(Case.unit_id, Unit.name, func.count(), _count_if(Case.is_enterprise))
        .join(Unit, Unit.id == Case.unit_id)
        .where(in_period)
        .group_by(Case.unit_id, Unit.name)
    )
    for unit_id, name, cases, enterprise_cases in session.execute(all_cases):
        figures[unit_id] = _UnitFigures(name, unit_id, cases, enterprise_cases)
    first = Evaluation
    score = case(*((first.overall == r, points) for r, points in RATING_SCORES.items()), else_=0)
    on_time = first.evaluated_at < deadline_end if deadline_end is not None else True
    # Only a valid first evaluation is a revisit (J 5.1.2, 5.4.2: a default rating is not); an
    # invalid one scores only with the setting evaluations.invalid_scores (J 5.4.1).
    valid = counts_as_revisit(first)
    scoring = scores(first, invalid_scores(session))
    online = first.channel.in_([c for c in Channel if c.is_online])
    revisited = (
        select(
            Case.unit_id,
            _count_if(valid),
            _count_if(and_(valid, online)),
            _count_if(and_(valid, first.channel == Channel.PHONE)),
            _count_if(and_(valid, first.channel == Channel.ENTERPRISE)),
            func.coalesce(func.sum(case((scoring, score), else_=0)), 0),
            _count_if(scoring),
            _count_if(and_(valid, Case.is_enterprise)),
            _count_if(and_(valid, on_time)),
            # The channels of every first evaluation, default ratings included.
            _count_if(online),
            _count_if(first.channel == Channel.PHONE),
            _count_if(first.channel == Channel.ENTERPRISE),
            *first_evaluation_counts(first),
        )
        .join(first, first.id == Case.first_evaluation_id)
        .where(in_period, Case.first_evaluation_id.is_not(None))
        .group_by(Case.unit_id)
    )
    for unit_id, *counts in session.execute(revisited):
        unit = figures[unit_id]
        (
            unit.revisited,
            unit.online,
            unit.phone,
            unit.enterprise,
            unit.score_total,
            unit.scored,
            unit.revisited_enterprise,
            unit.revisited_by_deadline,
        ) = counts[:8]
        all_online, all_phone, all_enterprise, qr, default, bad, named = counts[8:]
        unit.channels = ChannelSplit(
            qr=qr,
            platform=all_online - qr,
            phone=all_phone,
            enterprise=all_enterprise,
            default=default,
        )
        unit.bad_reviews = BadReviewFigures(bad_reviews=bad, named=named)
    return list(figures.values())


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
