"""An outlet's assessment (W 7.2, 附录 G): made as a draft with every active item of the sheet
at full points, scored item by item with each deduction and its reason (考核记录), signed off
into a final assessment whose total and grade are kept; compared with the outlet's previous
final assessment, and ranked with the other outlets for the circulated notice (W 7.2.3.2).

Scores copy their item (group, name, standard, points) when the assessment is made, so a later
edit of the sheet leaves it as it was. An item with a rule (app.assessment.rules) is filled in
by the system with its evidence; the assessor may override it, giving a reason, or have it
computed again. An item's score is its points less its deductions, never below 0. Making,
scoring and signing off need Permission.ASSESS_OUTLETS; each is audited. Reading needs it too,
or Permission.SEE_ASSESSMENT (auditors).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.assessment import (
    AUTHORITY,
    DRAFT,
    FINAL,
    GRADES,
    INTERNAL,
    KINDS,
    AssessmentError,
    format_points,
    grade_of,
)
from app.assessment.rules import compute
from app.assessment.sheet import ensure_default_sheet, score_sheet, sheet_warning
from app.audit import record_change, snapshot
from app.clock import current_time, local_date
from app.i18n import pick
from app.roles import Permission, may
from app.staff import StaffMember, acting_member, require_permission
from db.models import AssessmentItem, OutletAssessment, OutletAssessmentScore, Unit

ASSESSMENT_FIELDS = (
    "unit_id", "kind", "period_start", "period_end", "assessed_on", "assessors", "status",
    "total_tenths", "grade", "note",
)  # fmt: skip
SCORE_FIELDS = (
    "item_number",
    "item_name",
    "points_tenths",
    "score_tenths",
    "deductions",
    "record",
    "computed",
)
ASSESSORS_LIMIT = 200
NOTE_LIMIT = 2000
REASON_LIMIT = 500
MAX_DEDUCTIONS = 50
LONGEST_PERIOD = timedelta(days=366)


# Reading


@dataclass(frozen=True)
class ScoreRow:
    item_number: int
    group_name: str
    item_name: str
    standard: str
    points_tenths: int
    score_tenths: int
    deductions: list[dict]
    record: str | None
    computed: bool
    content: str | None  # 考评内容, from the sheet's item of that number (not copied; None if gone)


@dataclass(frozen=True)
class ItemChange:
    item_number: int
    item_name: str
    before_tenths: int | None  # None: not on the previous assessment
    after_tenths: int | None  # None: no longer on this one


@dataclass(frozen=True)
class Comparison:
    previous_id: int
    kind: str
    period_start: date
    period_end: date
    total_tenths: int
    grade: str
    items: list[ItemChange]


@dataclass(frozen=True)
class AssessmentRow:
    id: int
    unit_id: int
    unit_name: str
    kind: str
    period_start: date
    period_end: date
    assessed_on: date
    assessors: str | None
    status: str
    total_tenths: int  # kept when final; the current sum while a draft
    grade: str
    standard_total_tenths: int


@dataclass(frozen=True)
class AssessmentDetail:
    row: AssessmentRow
    note: str | None
    scores: list[ScoreRow]
    warning: str | None  # the sheet does not add up to 100
    comparison: Comparison | None
    finalized_at: datetime | None


def _viewer(session: Session, actor: StaffMember | None) -> None:
    member = acting_member(session, actor.id if actor is not None else None)
    if member is not None and not (
        may(member.role, Permission.ASSESS_OUTLETS) or may(member.role, Permission.SEE_ASSESSMENT)
    ):
        require_permission(session, member.id, Permission.ASSESS_OUTLETS)


def _assessor(session: Session, actor: StaffMember | None) -> int | None:
    actor_id = actor.id if actor is not None else None
    require_permission(session, actor_id, Permission.ASSESS_OUTLETS)
    return actor_id


def _scores(session: Session, assessment_id: int) -> list[OutletAssessmentScore]:
    return list(
        session.scalars(
            select(OutletAssessmentScore)
            .where(OutletAssessmentScore.assessment_id == assessment_id)
            .order_by(OutletAssessmentScore.item_number)
        )
    )


def _row(session: Session, a: OutletAssessment, unit_name: str | None = None) -> AssessmentRow:
    scores = _scores(session, a.id)
    standard = sum(s.points_tenths for s in scores)
    if a.status == FINAL and a.total_tenths is not None:
        total, grade = a.total_tenths, a.grade or grade_of(a.total_tenths)
    else:
        total = sum(s.score_tenths for s in scores)
        grade = grade_of(total)
    if unit_name is None:
        unit_name = session.get_one(Unit, a.unit_id).name
    return AssessmentRow(
        a.id, a.unit_id, unit_name, a.kind, a.period_start, a.period_end, a.assessed_on,
        a.assessors, a.status, total, grade, standard,
    )  # fmt: skip


def _get(session: Session, assessment_id: int) -> OutletAssessment:
    found = session.get(OutletAssessment, assessment_id)
    if found is None:
        raise AssessmentError(pick("找不到这次考核", "No such assessment"))
    return found


def list_assessments(
    session: Session, actor: StaffMember | None, *, unit_id: int | None = None
) -> list[AssessmentRow]:
    """Every assessment (of one outlet), the latest period first."""
    _viewer(session, actor)
    query = select(OutletAssessment, Unit.name).join(Unit, Unit.id == OutletAssessment.unit_id)
    if unit_id is not None:
        query = query.where(OutletAssessment.unit_id == unit_id)
    query = query.order_by(
        OutletAssessment.period_end.desc(), Unit.name, OutletAssessment.id.desc()
    )
    return [_row(session, a, name) for a, name in session.execute(query).all()]


def previous_final(session: Session, a: OutletAssessment) -> OutletAssessment | None:
    """The same outlet's last final assessment of an earlier period (any kind)."""
    return session.scalars(
        select(OutletAssessment)
        .where(
            OutletAssessment.unit_id == a.unit_id,
            OutletAssessment.status == FINAL,
            OutletAssessment.id != a.id,
            OutletAssessment.period_end < a.period_end,
        )
        .order_by(
            OutletAssessment.period_end.desc(),
            OutletAssessment.assessed_on.desc(),
            OutletAssessment.id.desc(),
        )
        .limit(1)
    ).first()


def _comparison(session: Session, a: OutletAssessment, scores) -> Comparison | None:
    before = previous_final(session, a)
    if before is None:
        return None
    old = {s.item_number: s for s in _scores(session, before.id)}
    new = {s.item_number: s for s in scores}
    items = [
        ItemChange(
            number,
            (new.get(number) or old[number]).item_name,
            old[number].score_tenths if number in old else None,
            new[number].score_tenths if number in new else None,
        )
        for number in sorted(old.keys() | new.keys())
    ]
    total = before.total_tenths or 0
    return Comparison(
        before.id, before.kind, before.period_start, before.period_end, total,
        before.grade or grade_of(total), items,
    )  # fmt: skip


def assessment_detail(
    session: Session, actor: StaffMember | None, assessment_id: int
) -> AssessmentDetail:
    _viewer(session, actor)
    a = _get(session, assessment_id)
    scores = _scores(session, a.id)
    contents = {
        number: content
        for number, content in session.execute(
            select(AssessmentItem.number, AssessmentItem.content)
        )
    }
    row = _row(session, a)
    return AssessmentDetail(
        row=row,
        note=a.note,
        scores=[
            ScoreRow(
                s.item_number,
                s.group_name,
                s.item_name,
                s.standard,
                s.points_tenths,
                s.score_tenths,
                list(s.deductions or []),
                s.record,
                bool(s.computed),
                contents.get(s.item_number),
            )  # fmt: skip
            for s in scores
        ],
        warning=sheet_warning(row.standard_total_tenths),
        comparison=_comparison(session, a, scores),
        finalized_at=a.finalized_at,
    )


# Making and scoring


def _text(value: str | None, limit: int, zh: str, en: str, field: str) -> str | None:
    text = (value or "").strip() or None
    if text is not None and len(text) > limit:
        raise AssessmentError(
            pick(f"{zh}不能超过 {limit} 个字", f"The {en} may be at most {limit} characters"),
            field,
        )
    return text


def _check_days(period_start: date, period_end: date, assessed_on: date, today: date) -> None:
    if period_start > period_end:
        raise AssessmentError(
            pick("考核期的开始日期晚于结束日期", "The period starts after it ends"), "period_start"
        )
    if period_end - period_start >= LONGEST_PERIOD:
        raise AssessmentError(
            pick("考核期不能超过一年", "The period may be at most a year"), "period_end"
        )
    if assessed_on < period_start:
        raise AssessmentError(
            pick("考核日期早于考核期", "The assessment day is before the period"), "assessed_on"
        )
    if assessed_on > today:
        raise AssessmentError(
            pick("考核日期不能晚于今天", "The assessment day cannot be in the future"),
            "assessed_on",
        )


def _audit(session, actor_id, action, a: OutletAssessment, before, **extra) -> None:
    record_change(
        session,
        actor_id=actor_id,
        action=action,
        entity="outlet_assessment",
        entity_uid=a.uid,
        before=before,
        after={**snapshot(a, ASSESSMENT_FIELDS), **extra},
    )


def _record(
    deductions: list[dict], evidence: str | None = None, note: str | None = None
) -> str | None:
    """The 考核记录 of an item: the evidence of a computed item, each deduction, an override."""
    parts = []
    if evidence:
        parts.append(f"系统计算：{evidence}")
    if note:
        parts.append(note)
    if not evidence:
        parts += [f"{d['reason']}，扣 {format_points(d['points_tenths'])} 分" for d in deductions]
    return "；".join(parts) or None


def _apply(score: OutletAssessmentScore, deductions: list[dict]) -> None:
    score.deductions = deductions
    score.score_tenths = max(0, score.points_tenths - sum(d["points_tenths"] for d in deductions))


def _fill_computed(session: Session, a: OutletAssessment, score, rule: str) -> None:
    found = compute(session, rule, a.unit_id, a.period_start, a.period_end, score.points_tenths)
    _apply(score, found.deductions)
    score.computed = True
    score.record = _record(found.deductions, found.evidence)


def new_assessment(
    session: Session,
    actor: StaffMember | None,
    *,
    unit_id: int,
    kind: str,
    period_start: date,
    period_end: date,
    assessed_on: date,
    assessors: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> int:
    """A draft assessment with every active item of the sheet at full points, the computed
    items filled in; its id. One assessment per outlet, kind and period."""
    actor_id = _assessor(session, actor)
    now = current_time(now)
    if kind not in KINDS:
        raise AssessmentError(pick(f"未知的考核类别：{kind}", f"Unknown kind: {kind}"), "kind")
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise AssessmentError(pick("找不到这个网点", "No such outlet"), "unit")
    _check_days(period_start, period_end, assessed_on, local_date(now))
    assessors = _text(assessors, ASSESSORS_LIMIT, "考核人", "assessors", "assessors")
    note = _text(note, NOTE_LIMIT, "备注", "note", "note")
    same = session.scalar(
        select(OutletAssessment.id).where(
            OutletAssessment.unit_id == unit_id,
            OutletAssessment.kind == kind,
            OutletAssessment.period_start == period_start,
            OutletAssessment.period_end == period_end,
        )
    )
    if same is not None:
        raise AssessmentError(
            pick(
                f"{unit.name}的这一考核期已有{KINDS[kind][0]}，请打开那一份",
                f"{unit.name} already has this {KINDS[kind][1].lower()} assessment for the period",
            ),
            "period_start",
        )
    ensure_default_sheet(session, actor_id)
    items = score_sheet(session).active_items
    if not items:
        raise AssessmentError(
            pick("计分表没有启用的项目，请管理员先补全计分表", "The score sheet has no active item")
        )
    a = OutletAssessment(
        unit_id=unit_id, kind=kind, period_start=period_start, period_end=period_end,
        assessed_on=assessed_on, assessors=assessors, status=DRAFT, note=note,
        created_by_id=actor_id,
    )  # fmt: skip
    session.add(a)
    session.flush()
    for item in items:
        score = OutletAssessmentScore(
            assessment_id=a.id, item_number=item.number, group_name=item.group_name,
            item_name=item.name, standard=item.standard, points_tenths=item.points_tenths,
            score_tenths=item.points_tenths, deductions=[], record=None, computed=False,
        )  # fmt: skip
        session.add(score)
        if item.rule is not None:
            _fill_computed(session, a, score, item.rule)
    session.flush()
    _audit(session, actor_id, "outlet_assessment.created", a, None, items=len(items))
    return a.id


def _draft(session: Session, assessment_id: int) -> OutletAssessment:
    a = _get(session, assessment_id)
    if a.status != DRAFT:
        raise AssessmentError(
            pick("这次考核已签定，不能再修改", "This assessment is signed off and cannot change")
        )
    return a


def _score(session: Session, a: OutletAssessment, item_number: int) -> OutletAssessmentScore:
    score = session.scalar(
        select(OutletAssessmentScore).where(
            OutletAssessmentScore.assessment_id == a.id,
            OutletAssessmentScore.item_number == item_number,
        )
    )
    if score is None:
        raise AssessmentError(
            pick(f"这次考核没有第 {item_number} 项", f"This assessment has no item {item_number}")
        )
    return score


def score_item(
    session: Session,
    actor: StaffMember | None,
    assessment_id: int,
    item_number: int,
    deductions: list[tuple[int, str]],
    *,
    override_reason: str | None = None,
) -> ScoreRow:
    """Set an item's deductions — (points in tenths, reason) each; an empty list: full points.
    A computed item is overridden only with `override_reason`, which the record keeps."""
    actor_id = _assessor(session, actor)
    a = _draft(session, assessment_id)
    score = _score(session, a, item_number)
    if len(deductions) > MAX_DEDUCTIONS:
        raise AssessmentError(
            pick(f"一项至多记录 {MAX_DEDUCTIONS} 次扣分", f"At most {MAX_DEDUCTIONS} deductions"),
            "deductions",
        )
    entered = []
    for points, reason in deductions:
        if not isinstance(points, int) or isinstance(points, bool) or points <= 0:
            raise AssessmentError(
                pick("扣分须大于 0", "A deduction must be more than 0"), "deduction"
            )
        if points > score.points_tenths:
            raise AssessmentError(
                pick(
                    f"一次扣分不能超过本项标准分 {format_points(score.points_tenths)} 分",
                    f"A deduction cannot exceed the item's {format_points(score.points_tenths)} points",
                ),
                "deduction",
            )
        reason = _text(reason, REASON_LIMIT, "扣分原因", "reason", "reason")
        if reason is None:
            raise AssessmentError(
                pick("请写明每次扣分的原因（考核记录）", "Give the reason of each deduction"),
                "reason",
            )
        entered.append({"points_tenths": points, "reason": reason})
    note = None
    if score.computed:
        override_reason = _text(override_reason, REASON_LIMIT, "改判原因", "reason", "override")
        if override_reason is None:
            raise AssessmentError(
                pick(
                    "此项由系统计算：如要人工改判，请写明原因",
                    "The system computes this item: give a reason to override it",
                ),
                "override",
            )
        note = f"人工改判（原为系统计算，得 {format_points(score.score_tenths)} 分）：{override_reason}"
    elif score.record and score.record.startswith("人工改判"):
        note = score.record.split("；")[0]  # an earlier override stays on the record
    before = snapshot(score, SCORE_FIELDS)
    _apply(score, entered)
    score.computed = False
    score.record = _record(entered, None, note)
    session.flush()
    _audit(
        session, actor_id, "outlet_assessment.scored", a, None,
        item=before | {"after": snapshot(score, SCORE_FIELDS)},
    )  # fmt: skip
    return _score_row(session, score)


def _score_row(session: Session, s: OutletAssessmentScore) -> ScoreRow:
    content = session.scalar(
        select(AssessmentItem.content).where(AssessmentItem.number == s.item_number)
    )
    return ScoreRow(
        s.item_number, s.group_name, s.item_name, s.standard, s.points_tenths, s.score_tenths,
        list(s.deductions or []), s.record, bool(s.computed), content,
    )  # fmt: skip


def recompute_item(
    session: Session, actor: StaffMember | None, assessment_id: int, item_number: int
) -> ScoreRow:
    """Have the system compute an item again from the records as they are now (after more
    surveys were entered, or to undo an override). The rule is the one of the sheet's item of
    that number and name (a score does not keep its rule)."""
    actor_id = _assessor(session, actor)
    a = _draft(session, assessment_id)
    score = _score(session, a, item_number)
    item = session.scalar(select(AssessmentItem).where(AssessmentItem.number == item_number))
    if item is None or item.rule is None or item.name != score.item_name:
        raise AssessmentError(
            pick("此项不是系统计算的项目", "The system does not compute this item"), "item"
        )
    before = snapshot(score, SCORE_FIELDS)
    _fill_computed(session, a, score, item.rule)
    session.flush()
    _audit(
        session, actor_id, "outlet_assessment.recomputed", a, None,
        item=before | {"after": snapshot(score, SCORE_FIELDS)},
    )  # fmt: skip
    return _score_row(session, score)


def update_details(
    session: Session,
    actor: StaffMember | None,
    assessment_id: int,
    *,
    assessed_on: date,
    assessors: str | None,
    note: str | None,
    now: datetime | None = None,
) -> None:
    actor_id = _assessor(session, actor)
    a = _draft(session, assessment_id)
    _check_days(a.period_start, a.period_end, assessed_on, local_date(current_time(now)))
    before = snapshot(a, ASSESSMENT_FIELDS)
    a.assessed_on = assessed_on
    a.assessors = _text(assessors, ASSESSORS_LIMIT, "考核人", "assessors", "assessors")
    a.note = _text(note, NOTE_LIMIT, "备注", "note", "note")
    session.flush()
    _audit(session, actor_id, "outlet_assessment.changed", a, before)


def finalize(
    session: Session, actor: StaffMember | None, assessment_id: int, *, now: datetime | None = None
) -> AssessmentRow:
    """Sign off: the total and grade are kept and nothing changes any more. The assessors must
    be named."""
    actor_id = _assessor(session, actor)
    a = _draft(session, assessment_id)
    if not a.assessors:
        raise AssessmentError(
            pick("请先填写考核人再签定", "Name the assessors before signing off"), "assessors"
        )
    before = snapshot(a, ASSESSMENT_FIELDS)
    total = sum(s.score_tenths for s in _scores(session, a.id))
    a.total_tenths = total
    a.grade = grade_of(total)
    a.status = FINAL
    a.finalized_at = current_time(now)
    session.flush()
    _audit(session, actor_id, "outlet_assessment.finalized", a, before)
    return _row(session, a)


# The circulated ranking (W 7.2.3.2)


@dataclass(frozen=True)
class RankRow:
    rank: int  # equal totals share a rank (1, 1, 3)
    assessment_id: int
    unit_name: str
    kind: str
    period_start: date
    period_end: date
    total_tenths: int
    grade: str


@dataclass(frozen=True)
class Ranking:
    start: date
    end: date
    kind: str | None
    rows: list[RankRow]
    warning: str | None  # some assessment's sheet did not add up to 100


def ranking(
    session: Session,
    actor: StaffMember | None,
    start: date,
    end: date,
    *,
    kind: str | None = None,
) -> Ranking:
    """The outlets' final assessments whose period ends within [start, end] (of one kind, or
    any), each outlet's latest one, ranked by total."""
    _viewer(session, actor)
    if start > end:
        raise AssessmentError(pick("开始日期晚于结束日期", "The period starts after it ends"))
    if kind is not None and kind not in KINDS:
        raise AssessmentError(pick(f"未知的考核类别：{kind}", f"Unknown kind: {kind}"), "kind")
    query = (
        select(OutletAssessment, Unit.name)
        .join(Unit, Unit.id == OutletAssessment.unit_id)
        .where(
            OutletAssessment.status == FINAL,
            OutletAssessment.period_end >= start,
            OutletAssessment.period_end <= end,
        )
        .order_by(
            OutletAssessment.period_end.desc(),
            OutletAssessment.assessed_on.desc(),
            OutletAssessment.id.desc(),
        )
    )
    if kind is not None:
        query = query.where(OutletAssessment.kind == kind)
    latest: dict[int, tuple[OutletAssessment, str]] = {}
    for a, name in session.execute(query).all():
        latest.setdefault(a.unit_id, (a, name))
    chosen = sorted(latest.values(), key=lambda pair: (-(pair[0].total_tenths or 0), pair[1]))
    rows: list[RankRow] = []
    warning = None
    for position, (a, name) in enumerate(chosen, start=1):
        total = a.total_tenths or 0
        rank = rows[-1].rank if rows and rows[-1].total_tenths == total else position
        rows.append(
            RankRow(rank, a.id, name, a.kind, a.period_start, a.period_end, total,
                    a.grade or grade_of(total))
        )  # fmt: skip
        standard = sum(s.points_tenths for s in _scores(session, a.id))
        warning = warning or sheet_warning(standard)
    return Ranking(start, end, kind, rows, warning)


__all__ = [
    "AUTHORITY",
    "GRADES",
    "INTERNAL",
    "assessment_detail",
    "finalize",
    "list_assessments",
    "new_assessment",
    "ranking",
    "recompute_item",
    "score_item",
    "update_details",
]
