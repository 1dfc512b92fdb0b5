"""The life of a 差评 beside the second-round callback it opened: 核实 → 申诉复核 → 整改 →
feedback to the citizen → closed.

A 差评 is a first evaluation whose 总体情况 is 不满意 (the platform's 不满意 and 非常不满意 both
map there; Form B's satisfaction is its 总体情况). It opens its callback as any 不满意 does
(app.callbacks.opening) and, with it, a `BadReview` waiting for 核实. Its stages and steps:

    verify      核实: 属实 and not 恶意 → rectify; 不属实 or 恶意 → appealable
    appealable  申诉 → appealing; or 制定整改 without appealing (it stands) → rectify
    appealing   复核结论: 申诉成立 (set aside) → feedback; 不成立 (it stands) → rectify
    rectify     制定整改 (changeable until done), then 整改完成 → feedback
    feedback    反馈评价人 → to_close
    to_close    结案 → closed

A review stands (`stands`) once it is found true and not malicious, once the unit plans its
rectification without appealing, or once its appeal is rejected; an appeal upheld sets it aside,
and if it was found malicious it is "upheld as malicious" in the quarterly report. Nothing is
deleted. Two clocks run in working days on the official calendar: the appeal's decision
(`bad_reviews.appeal_working_days` from its filing) and the rectification
(`bad_reviews.rectify_working_days` from the day the review stood; the plan's own date may be
earlier, never later).

Decisions are a team lead's (Permission.LEAD_BOARD): 核实, filing and deciding the appeal, planning
the rectification, closing. Recording that the rectification is done and feeding the result back
to the citizen are the handlers' (Permission.HANDLE_CALLBACKS), as contacts are. A lead never
decides an appeal they filed: another lead does, or the lead records the city bureau's decision.
Every step writes an audit entry in its transaction; a step taken in the wrong order is refused
with the stage the review is in and what comes next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import record_change, snapshot
from app.bad_reviews.evidence import EvidenceFile, store_evidence
from app.calendar import CalendarUnknownError, WorkingCalendar
from app.callbacks.contacts import MEANS
from app.clock import current_time, local_date
from app.errors import Refused
from app.i18n import pick
from app.ratings import Rating
from app.roles import Permission, require
from app.scanning.store import AttachmentStore
from app.settings import get_setting
from db.models import BadReview, Evaluation, Staff

VERIFY = "verify"
APPEALABLE = "appealable"
APPEALING = "appealing"
RECTIFY = "rectify"
FEEDBACK = "feedback"
TO_CLOSE = "to_close"
CLOSED = "closed"
STAGES: dict[str, tuple[str, str]] = {
    VERIFY: ("待核实", "To verify"),
    APPEALABLE: ("待申诉或整改", "To appeal or rectify"),
    APPEALING: ("申诉复核中", "Appeal under review"),
    RECTIFY: ("整改中", "Being rectified"),
    FEEDBACK: ("待反馈评价人", "To feed back"),
    TO_CLOSE: ("待结案", "To close"),
    CLOSED: ("已结案", "Closed"),
}
OPEN_STAGES = tuple(stage for stage in STAGES if stage != CLOSED)

# The steps, each with its name in refusals and who may take it.
STEP_VERIFY = "verify"
STEP_APPEAL = "appeal"
STEP_DECIDE = "decide"
STEP_PLAN = "plan"
STEP_RECTIFIED = "rectified"
STEP_FEEDBACK = "feedback"
STEP_CLOSE = "close"
STEPS: dict[str, tuple[str, str]] = {
    STEP_VERIFY: ("核实", "verify it"),
    STEP_APPEAL: ("提出申诉", "file an appeal"),
    STEP_DECIDE: ("复核申诉", "decide the appeal"),
    STEP_PLAN: ("制定整改", "plan the rectification"),
    STEP_RECTIFIED: ("登记整改完成", "record the rectification done"),
    STEP_FEEDBACK: ("反馈评价人", "feed the result back"),
    STEP_CLOSE: ("结案", "close it"),
}
STEP_PERMISSIONS: dict[str, Permission] = {
    STEP_VERIFY: Permission.LEAD_BOARD,
    STEP_APPEAL: Permission.LEAD_BOARD,
    STEP_DECIDE: Permission.LEAD_BOARD,
    STEP_PLAN: Permission.LEAD_BOARD,
    STEP_RECTIFIED: Permission.HANDLE_CALLBACKS,
    STEP_FEEDBACK: Permission.HANDLE_CALLBACKS,
    STEP_CLOSE: Permission.LEAD_BOARD,
}

TEAM_LEAD = "team_lead"
CITY_BUREAU = "city_bureau"
DECIDERS: dict[str, tuple[str, str]] = {
    TEAM_LEAD: ("组长复核", "Team lead"),
    CITY_BUREAU: ("市局复核", "City bureau"),
}
TEXT_LIMIT = 4000  # characters of a free text: a page, not a file pasted by mistake
NAME_LIMIT = 100  # the owner of a rectification, the bureau's office (their columns' width)

# What the audit trail shows of a review before and after each step.
FIELDS = (
    "stage",
    "stands",
    "found_true",
    "found_reasonable",
    "malicious",
    "verification",
    "malicious_reason",
    "verified_by_id",
    "appeal_reasons",
    "appeal_due",
    "appeal_filed_by_id",
    "appeal_upheld",
    "appeal_decider",
    "appeal_decider_name",
    "appeal_opinion",
    "appeal_decided_by_id",
    "rectify_due",
    "rectify_measures",
    "rectify_owner",
    "rectify_by",
    "rectify_result",
    "rectified_at",
    "feedback_means",
    "feedback_text",
    "feedback_satisfied",
    "closed_at",
)


def stage_label(stage: str | None) -> str:
    zh, en = STAGES.get(stage or "", (stage or "", stage or ""))
    return pick(zh, en)


def step_label(step: str) -> str:
    return pick(*STEPS[step])


def decider_label(decider: str | None) -> str:
    zh, en = DECIDERS.get(decider or "", (decider or "", decider or ""))
    return pick(zh, en)


class BadReviewError(Refused, ValueError):
    """The step cannot be taken on this 差评 as it stands or as given; `field` names what to
    correct when it is something typed."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def is_bad_review(overall: str | None) -> bool:
    """Whether a first evaluation with this 总体情况 is a 差评."""
    return overall == Rating.DISSATISFIED


# Opening


def open_bad_review(session: Session, task_id: int, evaluation_id: int | None) -> BadReview | None:
    """The 差评 record of a callback just opened, when its evaluation is a 差评; its existing
    record when it has one; None otherwise."""
    existing = session.scalar(select(BadReview).where(BadReview.callback_task_id == task_id))
    if existing is not None or evaluation_id is None:
        return existing
    overall = session.scalar(select(Evaluation.overall).where(Evaluation.id == evaluation_id))
    if not is_bad_review(overall):
        return None
    review = BadReview(callback_task_id=task_id, stage=VERIFY)
    session.add(review)
    session.flush()
    return review


# What can be done next


def possible_steps(stage: str, planned: bool) -> tuple[str, ...]:
    """The steps the process allows in a stage (`planned`: a rectification plan exists)."""
    return {
        VERIFY: (STEP_VERIFY,),
        APPEALABLE: (STEP_APPEAL, STEP_PLAN),
        APPEALING: (STEP_DECIDE,),
        RECTIFY: (STEP_PLAN, STEP_RECTIFIED) if planned else (STEP_PLAN,),
        FEEDBACK: (STEP_FEEDBACK,),
        TO_CLOSE: (STEP_CLOSE,),
    }.get(stage, ())


def next_steps_text(stage: str, planned: bool) -> str:
    steps = possible_steps(stage, planned)
    if not steps:
        return pick("无（已结案）", "nothing (closed)")
    return pick("或", " or ").join(step_label(step) for step in steps)


@dataclass(frozen=True)
class RunningClock:
    """The deadline a review's open stage runs against, and what it is for."""

    due: date | None  # None when the calendar did not know the year when it was set
    what: str  # 申诉复核 / 整改


def running_clock(
    stage: str | None, appeal_due: date | None, rectify_by: date | None, rectify_due: date | None
) -> RunningClock | None:
    """The clock running in a stage: the appeal's decision, or the rectification; else None."""
    if stage == APPEALING:
        return RunningClock(appeal_due, pick("申诉复核", "Appeal"))
    if stage == RECTIFY:
        return RunningClock(rectify_by or rectify_due, pick("整改", "Rectify"))
    return None


# The steps


def verify(
    session: Session,
    review_id: int,
    *,
    by_id: int,
    found_true: bool | None,
    found_reasonable: bool | None,
    malicious: bool | None,
    verification: str,
    malicious_reason: str | None = None,
    now: datetime | None = None,
) -> BadReview:
    """核实: true or not, reasonable or not, malicious or not (with the reason), and what was
    found. True and not malicious: the review stands and goes to 整改; otherwise the unit may
    appeal it."""
    now = current_time(now)
    review = _review_for(session, review_id, by_id, STEP_VERIFY)
    for value, field, zh, en in (
        (found_true, "found_true", "请选择是否属实", "Say whether the review is true"),
        (
            found_reasonable,
            "found_reasonable",
            "请选择是否合理",
            "Say whether the review is reasonable",
        ),
        (malicious, "malicious", "请选择是否恶意评价", "Say whether the review is malicious"),
    ):
        if not isinstance(value, bool):
            raise BadReviewError(pick(zh, en), field)
    verification = _text(verification, "verification", ("核实情况", "what was found"))
    reason = _optional_text(malicious_reason, "malicious_reason", ("恶意理由", "the reason"))
    if malicious and reason is None:
        raise BadReviewError(
            pick("认定为恶意评价时，请写明理由", "Give the reason the review is malicious"),
            "malicious_reason",
        )
    if malicious and found_reasonable:
        raise BadReviewError(
            pick(
                "合理的差评不能同时认定为恶意评价",
                "A reasonable review cannot also be malicious",
            ),
            "malicious",
        )
    before = snapshot(review, FIELDS)
    review.found_true = found_true
    review.found_reasonable = found_reasonable
    review.malicious = malicious
    review.verification = verification
    review.malicious_reason = reason if malicious else None
    review.verified_at = now
    review.verified_by_id = by_id
    if found_true and not malicious:
        _stands(session, review, now)
    else:
        review.stage = APPEALABLE
    _audit(session, review, by_id, "bad_review.verify", before, now)
    return review


def file_appeal(
    session: Session,
    review_id: int,
    *,
    store: AttachmentStore,
    by_id: int,
    reasons: str,
    evidence: Sequence[EvidenceFile],
    now: datetime | None = None,
) -> BadReview:
    """申诉复核: the unit contests a review found untrue or malicious, with its reasons and at
    least one evidence file (read by app.bad_reviews.evidence.read_evidence); the decision is due within
    `bad_reviews.appeal_working_days` working days."""
    now = current_time(now)
    review = _review_for(session, review_id, by_id, STEP_APPEAL)
    reasons = _text(reasons, "appeal_reasons", ("申诉理由", "the reasons of the appeal"))
    if not evidence:
        raise BadReviewError(
            pick("请添加至少一份申诉证据材料", "Add at least one evidence file"), "evidence"
        )
    before = snapshot(review, FIELDS)
    stored = store_evidence(session, store, review, evidence)
    review.appeal_reasons = reasons
    review.appeal_filed_at = now
    review.appeal_filed_by_id = by_id
    review.appeal_due = _working_days_from(
        session, now, get_setting(session, "bad_reviews.appeal_working_days")
    )
    review.stage = APPEALING
    _audit(
        session,
        review,
        by_id,
        "bad_review.appeal",
        before,
        now,
        evidence=[{"filename": a.filename, "sha256": a.sha256} for a in stored],
    )
    return review


def decide_appeal(
    session: Session,
    review_id: int,
    *,
    by_id: int,
    upheld: bool | None,
    opinion: str,
    decider: str,
    decider_name: str | None = None,
    now: datetime | None = None,
) -> BadReview:
    """The appeal's decision, by a team lead (not the one who filed it) or by the city bureau
    (recorded by a lead, naming the office). Upheld: the review is set aside and its handling
    goes to the feedback; rejected: it stands and goes to 整改."""
    now = current_time(now)
    review = _review_for(session, review_id, by_id, STEP_DECIDE)
    if not isinstance(upheld, bool):
        raise BadReviewError(
            pick("请选择申诉是否成立", "Say whether the appeal is upheld"), "upheld"
        )
    if not isinstance(decider, str) or decider not in DECIDERS:
        raise BadReviewError(pick("请选择复核单位", "Choose who decided"), "decider")
    name = _optional_text(decider_name, "decider_name", ("复核单位", "who decided"), NAME_LIMIT)
    if decider == CITY_BUREAU and name is None:
        raise BadReviewError(
            pick("请填写作出复核结论的市局部门或人员", "Name the bureau office that decided"),
            "decider_name",
        )
    if decider == TEAM_LEAD and review.appeal_filed_by_id == by_id:
        raise BadReviewError(
            pick(
                "提出申诉的人不能复核自己的申诉：请由另一位组长复核，或登记市局的复核结论",
                "Whoever filed the appeal cannot decide it: another team lead decides, or "
                "record the city bureau's decision",
            ),
            "decider",
        )
    opinion = _text(opinion, "appeal_opinion", ("复核意见", "the decision's reasons"))
    before = snapshot(review, FIELDS)
    review.appeal_upheld = upheld
    review.appeal_opinion = opinion
    review.appeal_decider = decider
    review.appeal_decider_name = (
        name
        if decider == CITY_BUREAU
        else session.scalar(select(Staff.name).where(Staff.id == by_id))
    )
    review.appeal_decided_at = now
    review.appeal_decided_by_id = by_id
    if upheld:
        review.stands = False
        review.stage = FEEDBACK
    else:
        _stands(session, review, now)
    _audit(session, review, by_id, "bad_review.decide", before, now)
    return review


def plan_rectification(
    session: Session,
    review_id: int,
    *,
    by_id: int,
    measures: str,
    owner: str,
    by: date | None = None,
    now: datetime | None = None,
) -> BadReview:
    """整改: what will be done, by whom, by when (a working day, not after the rule's deadline;
    the deadline itself when not given). Taken on a review that may be appealed, it means the
    unit does not appeal: the review stands. A plan may be changed until it is done."""
    now = current_time(now)
    review = _review_for(session, review_id, by_id, STEP_PLAN)
    measures = _text(measures, "rectify_measures", ("整改措施", "the measures"))
    owner_name = _optional_text(owner, "rectify_owner", ("整改责任人", "who"), NAME_LIMIT)
    if owner_name is None:
        raise BadReviewError(pick("请填写整改责任人", "Name who rectifies"), "rectify_owner")
    before = snapshot(review, FIELDS)
    if review.stage == APPEALABLE:
        _stands(session, review, now)  # not contested: it stands from today
    if by is not None and (not isinstance(by, date) or isinstance(by, datetime)):
        raise BadReviewError(pick("整改完成日期应为日期", "The date must be a date"), "rectify_by")
    limit = review.rectify_due
    day = by or limit
    if day is None:
        raise BadReviewError(
            pick(
                "工作日历尚未录入整改期限所在年份，请填写整改完成日期",
                "The calendar lacks the deadline's year: give the date it will be done by",
            ),
            "rectify_by",
        )
    today = local_date(now)
    if day < today:
        raise BadReviewError(
            pick(
                f"整改完成日期 {day.isoformat()} 已经过去",
                f"The date {day.isoformat()} is in the past",
            ),
            "rectify_by",
        )
    if limit is not None and day > limit:
        days = get_setting(session, "bad_reviews.rectify_working_days")
        raise BadReviewError(
            pick(
                f"整改完成日期不能晚于整改期限 {limit.isoformat()}（差评成立后 {days} 个工作日）",
                f"The date cannot be after the deadline {limit.isoformat()} ({days} working "
                "days after the review stood)",
            ),
            "rectify_by",
        )
    calendar = WorkingCalendar.load(session)
    try:
        working = calendar.is_working_day(day)
    except CalendarUnknownError:
        working = True  # a year nobody has entered yet: the date stands as given
    if not working:
        raise BadReviewError(
            pick(
                f"{day.isoformat()} 不是工作日，请选择工作日",
                f"{day.isoformat()} is not a working day",
            ),
            "rectify_by",
        )
    review.rectify_measures = measures
    review.rectify_owner = owner_name
    review.rectify_by = day
    review.rectify_planned_at = now
    review.rectify_planned_by_id = by_id
    _audit(session, review, by_id, "bad_review.plan", before, now)
    return review


def complete_rectification(
    session: Session, review_id: int, *, by_id: int, result: str, now: datetime | None = None
) -> BadReview:
    """The rectification is done, with what was done; then the result is fed back."""
    now = current_time(now)
    review = _review_for(session, review_id, by_id, STEP_RECTIFIED)
    result = _text(result, "rectify_result", ("整改结果", "what was done"))
    before = snapshot(review, FIELDS)
    review.rectify_result = result
    review.rectified_at = now
    review.rectified_by_id = by_id
    review.stage = FEEDBACK
    _audit(session, review, by_id, "bad_review.rectified", before, now)
    return review


def record_feedback(
    session: Session,
    review_id: int,
    *,
    by_id: int,
    means: str,
    text: str,
    satisfied: bool | None = None,
    now: datetime | None = None,
) -> BadReview:
    """The result (the rectification, or why the review was set aside) told to the citizen: how,
    what, and whether they were satisfied with it when they said."""
    now = current_time(now)
    review = _review_for(session, review_id, by_id, STEP_FEEDBACK)
    if not isinstance(means, str) or means not in MEANS:
        raise BadReviewError(pick("请选择反馈方式", "Choose how the citizen was told"), "means")
    if satisfied is not None and not isinstance(satisfied, bool):
        raise BadReviewError(pick("评价人是否满意填写有误", "Satisfied must be yes, no or unsaid"))
    text = _text(text, "feedback_text", ("反馈内容", "what the citizen was told"))
    before = snapshot(review, FIELDS)
    review.feedback_means = means
    review.feedback_text = text
    review.feedback_satisfied = satisfied
    review.feedback_at = now
    review.feedback_by_id = by_id
    review.stage = TO_CLOSE
    _audit(session, review, by_id, "bad_review.feedback", before, now)
    return review


def close(
    session: Session, review_id: int, *, by_id: int, now: datetime | None = None
) -> BadReview:
    """结案: a team lead closes the 差评 once the result was fed back."""
    now = current_time(now)
    review = _review_for(session, review_id, by_id, STEP_CLOSE)
    before = snapshot(review, FIELDS)
    review.closed_at = now
    review.closed_by_id = by_id
    review.stage = CLOSED
    _audit(session, review, by_id, "bad_review.close", before, now)
    return review


# Helpers


def _review_for(session: Session, review_id: int, by_id: int, step: str) -> BadReview:
    """The review, locked for the step, after the role and the order of the steps are checked."""
    role = session.scalar(select(Staff.role).where(Staff.id == by_id)) if by_id else None
    require(role, STEP_PERMISSIONS[step])
    review = session.get(BadReview, review_id, with_for_update=True)
    if review is None:
        raise BadReviewError(pick("找不到此差评", "No such bad review"))
    planned = review.rectify_planned_at is not None
    if step not in possible_steps(review.stage, planned):
        if step == STEP_RECTIFIED and review.stage == RECTIFY:
            raise BadReviewError(
                pick("请先制定整改措施，再登记整改完成", "Plan the rectification first")
            )
        raise BadReviewError(
            pick(
                f"此差评当前为“{stage_label(review.stage)}”，不能{step_label(step)}；"
                f"下一步：{next_steps_text(review.stage, planned)}",
                f"This bad review is {stage_label(review.stage)}: you cannot {step_label(step)} "
                f"now; next: {next_steps_text(review.stage, planned)}",
            )
        )
    return review


def _stands(session: Session, review: BadReview, now: datetime) -> None:
    """The review stands from `now`: 整改 is due within the rule's working days."""
    review.stands = True
    review.stage = RECTIFY
    review.rectify_due = _working_days_from(
        session, now, get_setting(session, "bad_reviews.rectify_working_days")
    )


def _working_days_from(session: Session, now: datetime, days: int) -> date | None:
    try:
        return WorkingCalendar.load(session).add_working_days(local_date(now), days)
    except CalendarUnknownError:
        return None  # shown as 日历未录入 until the year is entered


def _text(value: str | None, field: str, name: tuple[str, str], limit: int = TEXT_LIMIT) -> str:
    text = _optional_text(value, field, name, limit)
    if text is None:
        raise BadReviewError(pick(f"请填写{name[0]}", f"Write {name[1]}"), field)
    return text


def _optional_text(
    value: str | None, field: str, name: tuple[str, str], limit: int = TEXT_LIMIT
) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadReviewError(pick(f"{name[0]}应为文字", f"{name[1]} must be text"), field)
    text = value.strip()
    if "\x00" in text:  # PostgreSQL keeps no NUL in text; nobody types one
        raise BadReviewError(
            pick(f"{name[0]}含有无法保存的控制字符", f"{name[1]} holds a control character"), field
        )
    if len(text) > limit:
        raise BadReviewError(
            pick(
                f"{name[0]}太长（{len(text)} 字），最多 {limit} 字",
                f"{name[1]} is too long ({len(text)} characters; at most {limit})",
            ),
            field,
        )
    return text or None


def _audit(
    session: Session,
    review: BadReview,
    by_id: int,
    action: str,
    before: dict[str, Any],
    now: datetime,
    **extra: Any,
) -> None:
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action=action,
        entity="bad_review",
        entity_uid=review.uid,
        before=before,
        after={**snapshot(review, FIELDS), **extra},
        at=now,
    )
