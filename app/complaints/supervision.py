"""Supervision orders (投诉督办表, 附录 H.2) for 立案处理类 complaints (W 7.3.3 c).

The supervising authority issues an order with its opinion (督办意见) and a reply deadline to the
unit complained about; the unit handles the complaint, answers the complainant and replies in
writing with the result and its rectification. When that does not satisfy the complainant the
order may be issued again, to press the unit harder: the next order (第 2 次督办, …) can be issued
only after the previous one was replied to and while the complainant is recorded as still unhappy.
Every issue is kept; issuing is the team lead's (Permission.LEAD_BOARD).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.audit import record_change, snapshot
from app.calendar import CalendarUnknownError, WorkingCalendar
from app.clock import current_time, local_date
from app.complaints.clocks import Clock, clock
from app.complaints.registry import (
    CLOSED,
    FILED,
    ActingStaff,
    ComplaintInvalid,
    acting_staff,
    category_label,
    get_complaint,
)
from app.i18n import pick
from app.roles import Permission, require
from app.settings import get_setting
from db.models import Complaint, SupervisionOrder, Unit

ORDER_FIELDS = (
    "complaint_id",
    "sequence",
    "issued_at",
    "issued_by",
    "handling_unit_id",
    "opinion",
    "reply_due",
    "replied_at",
    "reply",
)


@dataclass
class OrderRow:
    id: int
    complaint_id: int
    sequence: int
    issued_at: datetime
    issued_by: str | None
    handling_unit_id: int | None
    handling_unit: str | None
    opinion: str
    reply_due: date
    replied_at: datetime | None
    reply: str | None
    clock: Clock  # the reply deadline

    @property
    def title(self) -> str:
        return pick(f"第 {self.sequence} 次督办", f"Supervision order {self.sequence}")


def _orders(session: Session, complaint_id: int) -> list[SupervisionOrder]:
    return list(
        session.scalars(
            select(SupervisionOrder)
            .where(SupervisionOrder.complaint_id == complaint_id)
            .order_by(SupervisionOrder.sequence)
        )
    )


class _Issued(Protocol):
    sequence: int
    replied_at: datetime | None


def order_refusal(complaint: Complaint, orders: Sequence[_Issued]) -> str | None:
    """Why no order can be issued for the complaint now (None: it can). Roles aside.

    `orders` are the complaint's orders (records or OrderRow), first issue first.
    """
    if complaint.category != FILED:
        return pick(
            f"只有立案处理类投诉才签发督办表（此件为{category_label(complaint.category)}）",
            "Only complaints filed for handling get supervision orders",
        )
    if complaint.status == CLOSED:
        return pick("投诉已办结，请先重新打开", "The complaint is closed: reopen it first")
    if not orders:
        return None
    latest = orders[-1]
    if latest.replied_at is None:
        return pick(
            f"第 {latest.sequence} 次督办尚未回复，回复后投诉人仍有意见才能再次督办",
            f"Order {latest.sequence} has no reply yet; re-issue after it, if the complainant "
            "is still unhappy",
        )
    if complaint.complainant_satisfied is not False:
        return pick(
            "投诉人仍有意见（记录为不满意）时才能再次督办",
            "Re-issue only while the complainant is recorded as unhappy",
        )
    return None


def issue_refusal(session: Session, complaint_id: int) -> str | None:
    complaint = get_complaint(session, complaint_id)
    return order_refusal(complaint, _orders(session, complaint.id))


def order_deadline(session: Session, issued_at: datetime) -> date:
    """The default reply deadline of an order issued at `issued_at`."""
    days = get_setting(session, "complaints.supervision_reply_working_days")
    try:
        return WorkingCalendar.load(session).add_working_days(local_date(issued_at), days)
    except CalendarUnknownError as problem:
        raise ComplaintInvalid(str(problem), "reply_due") from problem


def _audit(session, order, actor: ActingStaff, action, before, now) -> None:
    record_change(
        session,
        actor_id=actor.id,
        action=action,
        entity="supervision_order",
        entity_uid=order.uid,
        before=before,
        after=snapshot(order, ORDER_FIELDS),
        at=now,
    )


def issue_order(
    session: Session,
    complaint_id: int,
    *,
    by_id: int | None,
    opinion: str,
    handling_unit_id: int | None = None,
    issued_by: str | None = None,
    reply_due: date | None = None,
    now: datetime | None = None,
) -> SupervisionOrder:
    """Issue the complaint's next supervision order (sequence 1, 2, …), now.

    The handling unit defaults to the unit complained about, `issued_by` (签发人) to the person
    issuing, the reply deadline to complaints.supervision_reply_working_days from today.
    """
    now = current_time(now)
    actor = acting_staff(session, by_id)
    require(actor.role, Permission.LEAD_BOARD)
    complaint = get_complaint(session, complaint_id)
    orders = _orders(session, complaint.id)
    refusal = order_refusal(complaint, orders)
    if refusal is not None:
        raise ComplaintInvalid(refusal)
    opinion = (opinion or "").strip()
    if not opinion:
        raise ComplaintInvalid(pick("请填写督办意见", "Write the supervision opinion"), "opinion")
    handling_unit_id = handling_unit_id if handling_unit_id is not None else complaint.unit_id
    if handling_unit_id is None or session.get(Unit, handling_unit_id) is None:
        raise ComplaintInvalid(
            pick("请选择承办网点", "Choose the handling unit"), "handling_unit_id"
        )
    issued_by = (issued_by or "").strip() or actor.name
    if issued_by is not None and len(issued_by) > 100:
        raise ComplaintInvalid(pick("签发人不能超过 100 个字", "Issuer too long"), "issued_by")
    if reply_due is None:
        reply_due = order_deadline(session, now)
    elif reply_due < local_date(now):
        raise ComplaintInvalid(
            pick("回复期限不能早于签发日期", "The reply deadline is before the issue date"),
            "reply_due",
        )
    order = SupervisionOrder(
        complaint_id=complaint.id,
        sequence=(orders[-1].sequence + 1) if orders else 1,
        issued_at=now,
        issued_by=issued_by,
        handling_unit_id=handling_unit_id,
        opinion=opinion,
        reply_due=reply_due,
    )
    try:
        with session.begin_nested():
            session.add(order)
            session.flush()
    except IntegrityError:
        raise ComplaintInvalid(
            pick(
                "另一位同事刚刚签发了此投诉的督办表，请刷新后再看",
                "Someone else just issued an order for this complaint: refresh and look again",
            )
        ) from None
    _audit(session, order, actor, "supervision.issue", None, now)
    return order


def record_order_reply(
    session: Session,
    order_id: int,
    *,
    by_id: int | None,
    reply: str,
    at: datetime | None = None,
    now: datetime | None = None,
) -> SupervisionOrder:
    """The handling unit's written reply (处理结果和整改情况), received at `at` (default now)."""
    now = current_time(now)
    at = current_time(at) if at is not None else now
    actor = acting_staff(session, by_id)
    require(actor.role, Permission.REGISTER_COMPLAINTS)
    order = session.get(SupervisionOrder, order_id)
    if order is None:
        raise ComplaintInvalid(pick("找不到这张督办表", "No such supervision order"))
    if order.replied_at is not None:
        raise ComplaintInvalid(
            pick(
                f"第 {order.sequence} 次督办已回复；如仍有意见请再次督办",
                f"Order {order.sequence} is already replied; issue another if needed",
            )
        )
    reply = (reply or "").strip()
    if not reply:
        raise ComplaintInvalid(
            pick("请填写处理结果和整改情况", "Write the result and the rectification"), "reply"
        )
    if at > now or at < order.issued_at:
        raise ComplaintInvalid(
            pick("回复时间应在签发之后、现在之前", "The reply time must be after the issue"),
            "replied_at",
        )
    before = snapshot(order, ORDER_FIELDS)
    order.reply = reply
    order.replied_at = at
    session.flush()
    _audit(session, order, actor, "supervision.reply", before, now)
    return order


def orders_of(session: Session, complaint_id: int, now: datetime | None = None) -> list[OrderRow]:
    """Every order of the complaint, first issue first."""
    today = local_date(current_time(now))
    calendar = WorkingCalendar.load(session)
    rows = session.execute(
        select(SupervisionOrder, Unit.name)
        .outerjoin(Unit, Unit.id == SupervisionOrder.handling_unit_id)
        .where(SupervisionOrder.complaint_id == complaint_id)
        .order_by(SupervisionOrder.sequence)
    )
    return [
        OrderRow(
            id=order.id,
            complaint_id=order.complaint_id,
            sequence=order.sequence,
            issued_at=order.issued_at,
            issued_by=order.issued_by,
            handling_unit_id=order.handling_unit_id,
            handling_unit=unit_name,
            opinion=order.opinion,
            reply_due=order.reply_due,
            replied_at=order.replied_at,
            reply=order.reply,
            clock=clock(order.reply_due, order.replied_at, today, calendar),
        )
        for order, unit_name in rows
    ]
