"""A 差评 as the board's dialog shows it: where it stands, its findings and decisions, its clocks
(late ones stay late once done, as a complaint's do) and the steps open to the person at the seat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.bad_reviews.evidence import EvidenceItem, evidence_of
from app.bad_reviews.process import (
    STEP_PERMISSIONS,
    decider_label,
    next_steps_text,
    possible_steps,
    stage_label,
)
from app.calendar import WorkingCalendar
from app.callbacks.contacts import means_label
from app.clock import current_time, local_date
from app.complaints.clocks import Clock, clock
from app.roles import Role, may
from app.settings import get_setting
from db.models import BadReview, Staff


@dataclass
class BadReviewSummary:
    id: int
    task_id: int
    stage: str
    stage_label: str
    next_steps: str  # what is to be done next, in words
    steps: tuple[str, ...]  # the steps the process allows now (app.bad_reviews.process)
    stands: bool | None
    # 核实
    found_true: bool | None
    found_reasonable: bool | None
    malicious: bool | None
    verification: str | None
    malicious_reason: str | None
    verified_by: str | None
    verified_at: datetime | None
    # 申诉复核
    appeal_reasons: str | None
    appeal_filed_by: str | None
    appeal_filed_by_id: int | None
    appeal_clock: Clock | None
    appeal_upheld: bool | None
    appeal_decider: str | None  # 组长复核 / 市局复核
    appeal_decider_name: str | None
    appeal_opinion: str | None
    appeal_days: int  # the working days an appeal filed now is decided in
    evidence: list[EvidenceItem]
    # 整改
    rectify_due: date | None  # the rule's deadline
    rectify_clock: Clock | None  # the plan's date, else the rule's
    rectify_measures: str | None
    rectify_owner: str | None
    rectify_result: str | None
    # 反馈
    feedback_means: str | None  # as a label
    feedback_text: str | None
    feedback_satisfied: bool | None

    @property
    def upheld_as_malicious(self) -> bool:
        return bool(self.malicious and self.appeal_upheld)

    def steps_for(self, role: Role | str | None) -> tuple[str, ...]:
        """The steps open now that this role may take."""
        return tuple(step for step in self.steps if may(role, STEP_PERMISSIONS[step]))


def bad_review_summary(
    session: Session, task_id: int, *, now: datetime | None = None
) -> BadReviewSummary | None:
    """The 差评 of a callback task, or None when the callback was not opened by a 差评."""
    review = session.scalar(select(BadReview).where(BadReview.callback_task_id == task_id))
    if review is None:
        return None
    today = local_date(current_time(now))
    calendar = WorkingCalendar.load(session)
    people = {
        review.verified_by_id,
        review.appeal_filed_by_id,
    } - {None}
    names = (
        dict(session.execute(select(Staff.id, Staff.name).where(Staff.id.in_(people))).all())
        if people
        else {}
    )
    appeal_clock = None
    if review.appeal_filed_at is not None:
        appeal_clock = clock(review.appeal_due, review.appeal_decided_at, today, calendar)
    rectify_clock = None
    if review.stands:
        rectify_clock = clock(
            review.rectify_by or review.rectify_due, review.rectified_at, today, calendar
        )
    planned = review.rectify_planned_at is not None
    return BadReviewSummary(
        id=review.id,
        task_id=task_id,
        stage=review.stage,
        stage_label=stage_label(review.stage),
        next_steps=next_steps_text(review.stage, planned),
        steps=possible_steps(review.stage, planned),
        stands=review.stands,
        found_true=review.found_true,
        found_reasonable=review.found_reasonable,
        malicious=review.malicious,
        verification=review.verification,
        malicious_reason=review.malicious_reason,
        verified_by=names.get(review.verified_by_id),
        verified_at=review.verified_at,
        appeal_reasons=review.appeal_reasons,
        appeal_filed_by=names.get(review.appeal_filed_by_id),
        appeal_filed_by_id=review.appeal_filed_by_id,
        appeal_clock=appeal_clock,
        appeal_upheld=review.appeal_upheld,
        appeal_decider=decider_label(review.appeal_decider) if review.appeal_decider else None,
        appeal_decider_name=review.appeal_decider_name,
        appeal_opinion=review.appeal_opinion,
        appeal_days=get_setting(session, "bad_reviews.appeal_working_days"),
        evidence=evidence_of(session, review.id),
        rectify_due=review.rectify_due,
        rectify_clock=rectify_clock,
        rectify_measures=review.rectify_measures,
        rectify_owner=review.rectify_owner,
        rectify_result=review.rectify_result,
        feedback_means=means_label(review.feedback_means) if review.feedback_means else None,
        feedback_text=review.feedback_text,
        feedback_satisfied=review.feedback_satisfied,
    )
