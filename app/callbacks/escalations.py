"""Integrity escalations (廉洁纪律 有, SPEC rule 7) as the team lead works them: the list, and
marking one handled with what was done. Only the roles that may see them (team leads,
administrators) read or change them; every change is audited in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.audit import record_change, snapshot
from app.callbacks.tasks import staff_role
from app.clock import current_time, local_date
from app.errors import Refused
from app.i18n import pick
from app.roles import Permission, require
from db.models import Case, IntegrityEscalation, Staff, Unit

OPEN, HANDLED = "open", "handled"
STATUSES: dict[str, tuple[str, str]] = {
    OPEN: ("待处理", "Open"),
    HANDLED: ("已处理", "Handled"),
}
_FIELDS = ("status", "handled_by_id", "handled_at", "resolution")


class EscalationError(Refused, ValueError):
    """The escalation cannot be handled as asked; the message says why."""


def escalation_status_label(status: str) -> str:
    zh, en = STATUSES.get(status, (status, status))
    return pick(zh, en)


@dataclass
class EscalationRow:
    id: int
    case_id: int
    case_no: str
    unit: str
    details: str
    reported_on: date
    reported_by: str | None
    status: str
    status_label: str
    handled_by: str | None
    handled_at: datetime | None
    resolution: str | None


def escalation_rows(
    session: Session, viewer_id: int | None, *, open_only: bool = False
) -> list[EscalationRow]:
    """The escalations, open ones first and newest first; NotPermitted for other roles."""
    require(staff_role(session, viewer_id), Permission.SEE_INTEGRITY)
    reporter, handler = aliased(Staff), aliased(Staff)
    e = IntegrityEscalation
    query = (
        select(
            e.id,
            e.case_id,
            Case.case_no,
            Unit.name.label("unit"),
            e.details,
            e.reported_at,
            reporter.name.label("reported_by"),
            e.status,
            handler.name.label("handled_by"),
            e.handled_at,
            e.resolution,
        )
        .join(Case, Case.id == e.case_id)
        .join(Unit, Unit.id == e.unit_id)
        .outerjoin(reporter, reporter.id == e.reported_by_id)
        .outerjoin(handler, handler.id == e.handled_by_id)
        .order_by((e.status == OPEN).desc(), e.reported_at.desc(), e.id.desc())
    )
    if open_only:
        query = query.where(e.status == OPEN)
    return [
        EscalationRow(
            id=r.id,
            case_id=r.case_id,
            case_no=r.case_no,
            unit=r.unit,
            details=r.details,
            reported_on=local_date(r.reported_at),
            reported_by=r.reported_by,
            status=r.status,
            status_label=escalation_status_label(r.status),
            handled_by=r.handled_by,
            handled_at=r.handled_at,
            resolution=r.resolution,
        )
        for r in session.execute(query)
    ]


def handle_escalation(
    session: Session,
    escalation_id: int,
    *,
    by_id: int | None,
    resolution: str,
    now: datetime | None = None,
) -> IntegrityEscalation:
    """Mark an escalation handled, with what was done about it; team leads and administrators."""
    now = current_time(now)
    require(staff_role(session, by_id), Permission.SEE_INTEGRITY)
    escalation = session.get(IntegrityEscalation, escalation_id)
    if escalation is None:
        raise EscalationError(pick("找不到此廉洁纪律反映", "No such integrity report"))
    if escalation.status != OPEN:
        raise EscalationError(
            pick("此廉洁纪律反映已处理", "This integrity report has been handled already")
        )
    resolution = (resolution or "").strip()
    if not resolution:
        raise EscalationError(
            pick("请填写处理情况（核查结果、采取的措施）", "Write down how it was handled")
        )
    before = snapshot(escalation, _FIELDS)
    escalation.status = HANDLED
    escalation.handled_by_id = by_id
    escalation.handled_at = now
    escalation.resolution = resolution
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action="integrity.handle",
        entity="integrity_escalation",
        entity_uid=escalation.uid,
        before=before,
        after=snapshot(escalation, _FIELDS),
        at=now,
    )
    return escalation
