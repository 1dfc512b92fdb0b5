"""Commendations (表扬): praise of a staff member or a case from any channel — a revisit's
suggestion marked as praise, a suggestion slip, a complaint file closed with thanks (J 5.5,
W 7.1.3.2.4) — counted for the person in the staff assessment."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.audit import record_change, snapshot
from app.errors import Refused
from app.i18n import pick
from app.roles import Permission, require
from app.staff import StaffMember
from db.models import Commendation

SOURCES: dict[str, tuple[str, str]] = {
    "revisit": ("电话回访", "Phone revisit"),
    "slip": ("意见箱（簿）", "Suggestion box or book"),
    "complaint": ("投诉建议", "Complaint file"),
    "other": ("其他", "Other"),
}
CONTENT_LIMIT = 2000
FIELDS = ("source", "content", "received_on", "staff_id", "unit_id", "case_id", "exemplary")


class CommendationError(Refused, ValueError):
    """A commendation that cannot be recorded; the message says why."""


def record_commendation(
    session: Session,
    actor: StaffMember,
    *,
    source: str,
    content: str,
    received_on: date,
    staff_id: int | None = None,
    unit_id: int | None = None,
    case_id: int | None = None,
    call_attempt_id: int | None = None,
    slip_id: int | None = None,
    complaint_id: int | None = None,
) -> Commendation:
    """Record praise; the caller's transaction keeps it (one user action, one transaction)."""
    require(actor.role, Permission.RECORD_FEEDBACK)
    if source not in SOURCES:
        raise CommendationError(pick(f"未知的表扬来源：{source}", f"Unknown source: {source}"))
    text = (content or "").strip()
    if not text:
        raise CommendationError(pick("请填写表扬的内容", "Say what the praise was"))
    if len(text) > CONTENT_LIMIT:
        raise CommendationError(
            pick(
                f"表扬内容不能超过 {CONTENT_LIMIT} 字",
                f"The praise may be at most {CONTENT_LIMIT} characters",
            )
        )
    if staff_id is None and case_id is None:
        raise CommendationError(
            pick("请指明受表扬的人员或业务件", "Name the staff member or the case praised")
        )
    commendation = Commendation(
        source=source,
        content=text,
        received_on=received_on,
        staff_id=staff_id,
        unit_id=unit_id,
        case_id=case_id,
        call_attempt_id=call_attempt_id,
        slip_id=slip_id,
        complaint_id=complaint_id,
        recorded_by_id=actor.id,
    )
    session.add(commendation)
    session.flush()
    record_change(
        session,
        actor_id=actor.id,
        action="commendation.recorded",
        entity="commendation",
        entity_uid=commendation.uid,
        before=None,
        after=snapshot(commendation, FIELDS),
    )
    return commendation
