"""Scoring a call under quality inspection, and reading the scores.

A review is scored on the active scorecard: points per criterion (0 … its weight) and a note per
criterion, an overall note. Each QcScore keeps the criterion's label, weight and whether it was
critical as they were, so a later change of the card never changes a call already scored. The
review holds the totals (points, max_points).

A critical criterion not given its full points is a critical failure: a corrective action
(附录 I, app.complaints.corrective) is opened from the source "violation" (服务或管理中的违规现象,
W 7.4.1 a), naming the call, the operator and the criterion, and linked on the review. Only one:
re-scoring never opens a second, and a re-score that clears the failure leaves the action to be
verified or closed as any other.

Re-scoring: the team lead who scored the call (or an administrator) may correct the scores, on
the criteria of the first scoring; the audit entry keeps the scores before and after, nothing is
overwritten silently. An operator reads only their own scored calls (`my_scores`, `review_detail`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import record_change
from app.clock import current_time, local_date
from app.complaints.corrective import FROM_VIOLATION, CapaInput, create_capa
from app.desk.calls import FORM_A_ITEMS
from app.errors import Refused
from app.i18n import pick
from app.quality.scorecard import scorecard
from app.ratings import Rating
from app.roles import Permission, Role, may
from app.staff import acting_member, require_permission
from app.zone import LOCAL_ZONE
from db.models import (
    CallAttempt,
    Case,
    CorrectiveAction,
    Evaluation,
    QcReview,
    QcSample,
    QcScore,
    Staff,
    Unit,
)

PENDING, SCORED = "pending", "scored"
NOTE_LENGTH = 1000  # a criterion's note
OVERALL_NOTE_LENGTH = 4000


class ScoreInvalid(Refused, ValueError):
    """Scores that cannot be saved as given; the message says which and why."""


@dataclass
class ScoreLine:
    code: str
    label: str
    weight: int
    critical: bool
    points: int | None  # None: not scored yet
    note: str | None


@dataclass
class ReviewRow:
    """One call of a sample, or one of an operator's scored calls, as a list shows it."""

    review_id: int
    sample_id: int | None
    position: int
    call_attempt_id: int
    operator_id: int | None
    operator: str | None
    case_no: str
    attempted_at: datetime
    status: str
    points: int | None
    max_points: int | None
    critical_failed: bool
    scored_at: datetime | None
    reviewer: str | None
    note: str | None
    capa_number: str | None

    @property
    def percent(self) -> float | None:
        if self.points is None or not self.max_points:
            return None
        return 100.0 * self.points / self.max_points


@dataclass
class FormAAsRecorded:
    evaluated_at: datetime | None
    items: list[tuple[str, str]]  # (Form A item, answer as recorded)
    suggestion: str | None


@dataclass
class ReviewDetail:
    row: ReviewRow
    case_id: int
    business_type: str | None
    unit: str | None
    # the call facts
    outcome: str
    duration_seconds: int | None
    telephony: str | None
    answered_at: datetime | None
    ended_at: datetime | None
    talk_seconds: int | None
    end_reason: str | None
    call_note: str | None
    form_a: FormAAsRecorded
    lines: list[ScoreLine] = field(default_factory=list)
    corrective_action_id: int | None = None


@dataclass
class ScoreResult:
    review_id: int
    points: int
    max_points: int
    critical_failed: bool
    corrective_action_id: int | None
    capa_opened: bool  # opened by this save
    rescored: bool


def _not_recorded() -> str:
    return pick("（未记录）", "(not recorded)")


def _rating_text(value: str | None) -> str:
    if value is None:
        return _not_recorded()
    try:
        return Rating(value).shown
    except ValueError:
        return value


def _review(session: Session, review_id: int) -> QcReview:
    review = session.get(QcReview, review_id) if isinstance(review_id, int) else None
    if review is None:
        raise ScoreInvalid(pick("找不到这条质检记录", "No such quality review"))
    return review


def _may_read(session: Session, review: QcReview, viewer_id: int | None) -> None:
    """Team leads read every review; anyone else only their own scored calls."""
    member = acting_member(session, viewer_id)
    if member is None or may(member.role, Permission.INSPECT_QUALITY):
        return
    if review.operator_id != member.id or review.status != SCORED:
        require_permission(session, viewer_id, Permission.INSPECT_QUALITY)


def _rows(session: Session, query) -> list[ReviewRow]:
    operator, reviewer = Staff.__table__.alias("op"), Staff.__table__.alias("rv")
    query = (
        query.add_columns(Case.case_no, CallAttempt.attempted_at, operator.c.name, reviewer.c.name)
        .join(CallAttempt, CallAttempt.id == QcReview.call_attempt_id)
        .join(Case, Case.id == CallAttempt.case_id)
        .outerjoin(operator, operator.c.id == QcReview.operator_id)
        .outerjoin(reviewer, reviewer.c.id == QcReview.reviewer_id)
        .add_columns(CorrectiveAction.number)
        .outerjoin(CorrectiveAction, CorrectiveAction.id == QcReview.corrective_action_id)
    )
    return [
        ReviewRow(
            review_id=r.id,
            sample_id=r.sample_id,
            position=r.position,
            call_attempt_id=r.call_attempt_id,
            operator_id=r.operator_id,
            operator=operator_name,
            case_no=case_no,
            attempted_at=attempted_at,
            status=r.status,
            points=r.points,
            max_points=r.max_points,
            critical_failed=r.critical_failed,
            scored_at=r.scored_at,
            reviewer=reviewer_name,
            note=r.note,
            capa_number=capa_number,
        )
        for r, case_no, attempted_at, operator_name, reviewer_name, capa_number in session.execute(
            query
        )
    ]


def sample_reviews(session: Session, sample_id: int, *, by_id: int | None) -> list[ReviewRow]:
    """The calls of one sample in the order drawn. Team leads."""
    require_permission(session, by_id, Permission.INSPECT_QUALITY)
    if session.get(QcSample, sample_id) is None:
        raise ScoreInvalid(pick("找不到这次抽样", "No such sample"))
    return _rows(
        session,
        select(QcReview).where(QcReview.sample_id == sample_id).order_by(QcReview.position),
    )


def my_scores(
    session: Session,
    *,
    viewer_id: int | None,
    operator_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[ReviewRow]:
    """Scored calls of one operator, newest scoring first: the viewer's own, or (team leads) any
    operator's. Pending reviews are not shown: an operator sees a score once it is given."""
    member = acting_member(session, viewer_id)
    if operator_id is None:
        if member is None:
            return []
        operator_id = member.id
    if member is None or operator_id != member.id:
        require_permission(session, viewer_id, Permission.INSPECT_QUALITY)
    query = (
        select(QcReview)
        .where(QcReview.operator_id == operator_id, QcReview.status == SCORED)
        .order_by(QcReview.scored_at.desc(), QcReview.id.desc())
    )
    rows = _rows(session, query)
    if start is not None:
        rows = [r for r in rows if r.scored_at and local_date(r.scored_at) >= start]
    if end is not None:
        rows = [r for r in rows if r.scored_at and local_date(r.scored_at) <= end]
    return rows


def review_detail(session: Session, review_id: int, *, viewer_id: int | None) -> ReviewDetail:
    """What the scoring screen shows: the call facts, the case's Form A answers as recorded, and
    the scorecard (the review's own scores once scored, else the active card, unscored)."""
    review = _review(session, review_id)
    _may_read(session, review, viewer_id)
    (row,) = _rows(session, select(QcReview).where(QcReview.id == review.id))
    attempt = session.get(CallAttempt, review.call_attempt_id)
    case = session.get(Case, attempt.case_id)
    unit = session.get(Unit, case.unit_id)
    evaluation = (
        session.get(Evaluation, attempt.evaluation_id)
        if attempt.evaluation_id is not None
        else None
    )
    breach_item = pick("有无违反廉洁纪律", "Integrity breach")
    if evaluation is None:
        items = [(pick(zh, en), _not_recorded()) for _key, zh, en in FORM_A_ITEMS]
        form_a = FormAAsRecorded(None, [*items, (breach_item, _not_recorded())], None)
    else:
        items = [
            (pick(zh, en), _rating_text(getattr(evaluation, key))) for key, zh, en in FORM_A_ITEMS
        ]
        breach = evaluation.integrity_breach
        said = pick("有", "Yes") if breach else pick("没有", "No")
        items.append((breach_item, _not_recorded() if breach is None else said))
        form_a = FormAAsRecorded(evaluation.evaluated_at, items, evaluation.suggestion)
    scores = list(
        session.scalars(select(QcScore).where(QcScore.review_id == review.id).order_by(QcScore.id))
    )
    card = scorecard(session)
    if scores:
        # A scored call keeps the criteria as they were; in English, a criterion still on the
        # card is named by its English label.
        english = {c.code: c.label_en for c in card}
        lines = [
            ScoreLine(
                s.criterion_code,
                pick(s.label, english.get(s.criterion_code) or s.label),
                s.weight,
                s.critical,
                s.points,
                s.note,
            )
            for s in scores
        ]
    else:
        lines = [
            ScoreLine(c.code, pick(c.label, c.label_en), c.weight, c.critical, None, None)
            for c in card
        ]
    return ReviewDetail(
        row=row,
        case_id=case.id,
        business_type=case.business_type,
        unit=unit.name if unit else None,
        outcome=attempt.outcome,
        duration_seconds=attempt.duration_seconds,
        telephony=attempt.telephony,
        answered_at=attempt.answered_at,
        ended_at=attempt.ended_at,
        talk_seconds=attempt.talk_seconds,
        end_reason=attempt.end_reason,
        call_note=attempt.note,
        form_a=form_a,
        lines=lines,
        corrective_action_id=review.corrective_action_id,
    )


def _note(value: str | None, limit: int, what: str, what_en: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ScoreInvalid(pick(f"{what}须为文字", f"{what_en} must be text"))
    text = (value or "").strip() or None
    if text is not None and len(text) > limit:
        raise ScoreInvalid(
            pick(f"{what}最多 {limit} 个字", f"{what_en} has at most {limit} characters")
        )
    return text


def score_review(
    session: Session,
    review_id: int,
    points: dict[str, int],
    *,
    notes: dict[str, str | None] | None = None,
    note: str | None = None,
    by_id: int | None,
    now: datetime | None = None,
) -> ScoreResult:
    """Score a call (criterion code -> points, a note per criterion, an overall note): every
    criterion of the card, 0 … its weight. A critical criterion short of full points opens one
    corrective action. Re-scoring: the team lead who scored it or an administrator, audited
    with the scores before."""
    member = require_permission(session, by_id, Permission.INSPECT_QUALITY)
    now = current_time(now)
    review = _review(session, review_id)
    notes = dict(notes or {})
    existing = list(
        session.scalars(select(QcScore).where(QcScore.review_id == review.id).order_by(QcScore.id))
    )
    rescoring = review.status == SCORED
    if rescoring and member is not None and review.reviewer_id not in (None, member.id):
        if member.role != Role.ADMINISTRATOR:
            raise ScoreInvalid(
                pick(
                    "这通电话已由另一位组长评分：只有评分人或管理员可以更正",
                    "Another team lead scored this call: only they or an administrator may"
                    " correct it",
                )
            )
    if existing:
        card = [(s.criterion_code, s.label, s.weight, s.critical) for s in existing]
    else:
        card = [(c.code, c.label, c.weight, c.critical) for c in scorecard(session)]
    codes = {code for code, *_rest in card}
    if not isinstance(points, dict):
        raise ScoreInvalid(pick("请为每项标准打分", "Score every criterion"))
    unknown = sorted(set(points) - codes) + sorted(set(notes) - codes)
    if unknown:
        raise ScoreInvalid(
            pick(
                f"“{unknown[0]}”不是这张评分表上的在用标准",
                f"{unknown[0]} is not an active criterion of this scorecard",
            )
        )
    given: dict[str, tuple[int, str | None]] = {}
    for code, label, weight, _critical in card:
        value = points.get(code)
        if value is None:
            raise ScoreInvalid(pick(f"请为“{label}”打分", f"Score the criterion {code}"))
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= weight:
            raise ScoreInvalid(
                pick(
                    f"“{label}”的得分须在 0 到 {weight} 分之间",
                    f"The points of {code} are 0 to {weight}",
                )
            )
        given[code] = (value, _note(notes.get(code), NOTE_LENGTH, "说明", "A note"))
    overall = _note(note, OVERALL_NOTE_LENGTH, "总评", "The overall note")
    before = _snapshot(review, existing) if rescoring else None
    if existing:
        for score in existing:
            score.points, score.note = given[score.criterion_code]
    else:
        session.add_all(
            QcScore(
                review_id=review.id,
                criterion_code=code,
                label=label,
                weight=weight,
                critical=critical,
                points=given[code][0],
                note=given[code][1],
            )
            for code, label, weight, critical in card
        )
    total = sum(value for value, _note_text in given.values())
    maximum = sum(weight for _code, _label, weight, _critical in card)
    failed = [
        (code, label)
        for code, label, weight, critical in card
        if critical and given[code][0] < weight
    ]
    review.status = SCORED
    review.points, review.max_points = total, maximum
    review.critical_failed = bool(failed)
    review.note = overall
    if not rescoring:
        review.reviewer_id = member.id if member is not None else None
        review.scored_at = now
    opened = False
    if failed and review.corrective_action_id is None:
        review.corrective_action_id = _open_capa(session, review, failed, by_id, now)
        opened = True
    session.flush()
    existing = list(
        session.scalars(select(QcScore).where(QcScore.review_id == review.id).order_by(QcScore.id))
    )
    record_change(
        session,
        actor_id=by_id,
        action="qc_review.rescore" if rescoring else "qc_review.score",
        entity="qc_review",
        entity_uid=review.uid,
        before=before,
        after=_snapshot(review, existing),
        at=now,
    )
    return ScoreResult(
        review.id, total, maximum, bool(failed), review.corrective_action_id, opened, rescoring
    )


def _snapshot(review: QcReview, scores: list[QcScore]) -> dict:
    return {
        "call_attempt_id": review.call_attempt_id,
        "points": review.points,
        "max_points": review.max_points,
        "critical_failed": review.critical_failed,
        "note": review.note,
        "scores": {s.criterion_code: {"points": s.points, "note": s.note} for s in scores},
    }


def _open_capa(
    session: Session,
    review: QcReview,
    failed: list[tuple[str, str]],
    by_id: int | None,
    now: datetime,
) -> int:
    attempt = session.get(CallAttempt, review.call_attempt_id)
    case = session.get(Case, attempt.case_id)
    operator = session.get(Staff, review.operator_id) if review.operator_id else None
    when = attempt.attempted_at
    when_text = local_time_text(when)
    criteria = "；".join(f"“{label}”" for _code, label in failed)
    problem = (
        f"质检发现关键项不合格：业务编号 {case.case_no} 于 {when_text} 的回访电话"
        f"（回访员：{operator.name if operator else '未记录'}），未达标准：{criteria}。"
    )
    capa = create_capa(
        session,
        CapaInput(source=FROM_VIOLATION, problem=problem, unit_id=case.unit_id),
        by_id=by_id,
        now=now,
    )
    return capa.id


def local_time_text(moment: datetime) -> str:
    return moment.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M")
