"""The two working-day clocks of a complaint (W 7.3.4) and the list of complaints that shows them.

A clock has a due date and, once done, the moment it was done. Until then it counts the working
days left from today (negative when late); once done it keeps whether it was done late, so a late
first contact stays late in the list and in reports after the complainant was reached.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.calendar import CalendarUnknownError, WorkingCalendar
from app.clock import current_time, local_date
from app.complaints.registry import (
    CLOSED,
    category_label,
    channel_label,
    kind_label,
    status_label,
)
from app.i18n import pick
from db.models import Case, Complaint, Staff, SupervisionOrder, Unit


@dataclass(frozen=True)
class Clock:
    due: date | None
    done_at: datetime | None
    # Working days from today (pending) or from the day it was done, to the due date; negative
    # when late. None when there is no due date or the calendar does not know the year.
    days_left: int | None
    late: bool
    label: str

    @property
    def done(self) -> bool:
        return self.done_at is not None


def clock(
    due: date | None, done_at: datetime | None, today: date, calendar: WorkingCalendar
) -> Clock:
    """Where a deadline stands today: "剩 1 个工作日", "今日到期", "逾期 2 个工作日", …"""
    if due is None:
        done_label = pick("已完成", "Done") if done_at else pick("无期限", "No deadline")
        return Clock(None, done_at, None, False, done_label)
    reference = local_date(done_at) if done_at is not None else today
    late = reference > due
    try:
        days = calendar.working_days_between(reference, due)
    except CalendarUnknownError as problem:
        label = pick(f"{problem.year} 年工作日历未录入", f"{problem.year} calendar missing")
        return Clock(due, done_at, None, late, (pick("逾期", "Late") if late else "") + label)
    if late:
        # A rest day just after the due date is late all the same: at least one working day.
        days = -max(1, -days)
    if done_at is not None:
        if late:
            label = pick(f"逾期 {-days} 个工作日完成", f"Done {-days} working days late")
        else:
            label = pick("按期完成", "Done in time")
    elif late:
        label = pick(f"逾期 {-days} 个工作日", f"{-days} working days late")
    elif days == 0:
        label = pick("今日到期", "Due today")
    else:
        label = pick(f"剩 {days} 个工作日", f"{days} working days left")
    return Clock(due, done_at, days, late, label)


class _Deadlines(Protocol):
    first_contact_due: date | None
    first_contact_at: datetime | None
    reply_due: date | None
    replied_at: datetime | None


@dataclass(frozen=True)
class ComplaintClocks:
    first_contact: Clock
    reply: Clock

    @property
    def late(self) -> bool:
        return self.first_contact.late or self.reply.late

    @property
    def pending(self) -> Clock | None:
        """The clock running now: first contact until it is made, then the reply."""
        if not self.first_contact.done:
            return self.first_contact
        if not self.reply.done:
            return self.reply
        return None


def complaint_clocks(
    complaint: _Deadlines, now: datetime | None = None, calendar: WorkingCalendar | None = None
) -> ComplaintClocks:
    """Both clocks of a complaint (any object with its four deadline fields) at `now`."""
    today = local_date(current_time(now))
    calendar = calendar if calendar is not None else WorkingCalendar()
    return ComplaintClocks(
        first_contact=clock(
            complaint.first_contact_due, complaint.first_contact_at, today, calendar
        ),
        reply=clock(complaint.reply_due, complaint.replied_at, today, calendar),
    )


@dataclass
class ComplaintRow:
    """A complaint as the list, the complaint window and the printed H.1 show it."""

    id: int
    number: str | None
    kind: str
    kind_label: str
    channel: str
    channel_label: str
    category: str | None
    category_label: str
    status: str
    status_label: str
    received_at: datetime
    received_by: str | None
    complainant: str | None
    contact: str | None
    address: str | None
    content: str
    case_id: int | None
    case_no: str | None
    business_type: str | None
    unit_id: int | None
    unit_name: str | None
    staff_id: int | None
    staff_name: str | None
    first_contact_due: date | None
    first_contact_at: datetime | None
    first_contact_note: str | None
    reply_due: date | None
    replied_at: datetime | None
    reply: str | None
    complainant_satisfied: bool | None
    complainant_opinion: str | None
    closed_at: datetime | None
    orders: int  # supervision orders issued
    orders_waiting: int  # of them without a reply yet
    clocks: ComplaintClocks
    order_clock: Clock | None  # the reply deadline of the earliest order waiting for its reply

    @property
    def late(self) -> bool:
        return self.clocks.late

    @property
    def needs_attention(self) -> bool:
        """Late on either clock (now or ever), or a supervision order's reply is overdue."""
        return self.late or (self.order_clock is not None and self.order_clock.late)

    @property
    def deadline_label(self) -> str:
        """What the list's deadline column says: the running clock (an order's reply once the
        complainant is answered), or how it ended."""
        pending = self.clocks.pending
        if pending is not None and self.status != CLOSED:
            return pending.label
        if self.order_clock is not None and self.status != CLOSED:
            return pick("督办回复：", "Order reply: ") + self.order_clock.label
        if self.status == CLOSED:
            return (
                pick("已办结（曾逾期）", "Closed (was late)")
                if self.late
                else pick("已办结", "Closed")
            )
        if self.late:
            return pick("已答复（曾逾期）", "Replied (was late)")
        return pick("已按期答复", "Replied in time")


def _query():
    staff = aliased(Staff)
    orders = (
        select(func.count(SupervisionOrder.id))
        .where(SupervisionOrder.complaint_id == Complaint.id)
        .scalar_subquery()
    )
    unreplied = (
        SupervisionOrder.complaint_id == Complaint.id,
        SupervisionOrder.replied_at.is_(None),
    )
    waiting = select(func.count(SupervisionOrder.id)).where(*unreplied).scalar_subquery()
    order_due = select(func.min(SupervisionOrder.reply_due)).where(*unreplied).scalar_subquery()
    return (
        select(
            Complaint,
            Unit.name,
            staff.name,
            Case.case_no,
            Case.business_type,
            orders.label("orders"),
            waiting.label("waiting"),
            order_due.label("order_due"),
        )
        .outerjoin(Unit, Unit.id == Complaint.unit_id)
        .outerjoin(staff, staff.id == Complaint.staff_id)
        .outerjoin(Case, Case.id == Complaint.case_id)
    )


def _row(result, now: datetime, calendar: WorkingCalendar) -> ComplaintRow:
    complaint, unit_name, staff_name, case_no, business_type, orders, waiting, order_due = result
    return ComplaintRow(
        id=complaint.id,
        number=complaint.number,
        kind=complaint.kind,
        kind_label=kind_label(complaint.kind),
        channel=complaint.channel,
        channel_label=channel_label(complaint.channel),
        category=complaint.category,
        category_label=category_label(complaint.category),
        status=complaint.status,
        status_label=status_label(complaint.status),
        received_at=complaint.received_at,
        received_by=complaint.received_by,
        complainant=complaint.complainant,
        contact=complaint.contact,
        address=complaint.address,
        content=complaint.content,
        case_id=complaint.case_id,
        case_no=case_no,
        business_type=business_type,
        unit_id=complaint.unit_id,
        unit_name=unit_name,
        staff_id=complaint.staff_id,
        staff_name=staff_name,
        first_contact_due=complaint.first_contact_due,
        first_contact_at=complaint.first_contact_at,
        first_contact_note=complaint.first_contact_note,
        reply_due=complaint.reply_due,
        replied_at=complaint.replied_at,
        reply=complaint.reply,
        complainant_satisfied=complaint.complainant_satisfied,
        complainant_opinion=complaint.complainant_opinion,
        closed_at=complaint.closed_at,
        orders=orders or 0,
        orders_waiting=waiting or 0,
        clocks=complaint_clocks(complaint, now, calendar),
        order_clock=clock(order_due, None, local_date(now), calendar) if order_due else None,
    )


def complaint_row(session: Session, complaint_id: int, now: datetime | None = None) -> ComplaintRow:
    now = current_time(now)
    result = session.execute(_query().where(Complaint.id == complaint_id)).one_or_none()
    if result is None:
        raise LookupError(pick("找不到这件投诉", "No such complaint"))
    return _row(result, now, WorkingCalendar.load(session))


def complaint_list(
    session: Session,
    *,
    status: str | None = None,
    unit_id: int | None = None,
    category: str | None = None,
    kind: str | None = None,
    late_only: bool = False,
    now: datetime | None = None,
) -> list[ComplaintRow]:
    """Complaints by status, unit, category and kind; late first, then by the nearest deadline,
    closed ones last (newest first). `late_only` keeps those late on either clock, now or ever."""
    now = current_time(now)
    today = local_date(now)
    query = _query().order_by(Complaint.received_at.desc(), Complaint.id.desc())
    if status is not None:
        query = query.where(Complaint.status == status)
    if unit_id is not None:
        query = query.where(Complaint.unit_id == unit_id)
    if category is not None:
        query = query.where(Complaint.category == category)
    if kind is not None:
        query = query.where(Complaint.kind == kind)
    if late_only:
        # A superset in SQL, made exact below: a step done on its due date after midnight UTC (or
        # of the database's zone) passes here and is dropped when its local date is compared.
        query = query.where(
            or_(
                and_(Complaint.first_contact_at.is_(None), Complaint.first_contact_due < today),
                Complaint.first_contact_at > Complaint.first_contact_due,
                and_(Complaint.replied_at.is_(None), Complaint.reply_due < today),
                Complaint.replied_at > Complaint.reply_due,
            )
        )
    calendar = WorkingCalendar.load(session)
    rows = [_row(result, now, calendar) for result in session.execute(query)]
    if late_only:
        rows = [row for row in rows if row.late]
    return sorted(rows, key=_urgency)


def _urgency(row: ComplaintRow) -> tuple:
    """Running clocks first (late, then the nearest due date), then replied, then closed; within
    the last two the query's newest-first order stays (the sort is stable)."""
    if row.status == CLOSED:
        return (2, 0, date.max)
    pending = row.clocks.pending
    if pending is None:
        return (1, 0, date.max)
    return (0, 0 if pending.late else 1, pending.due or date.max)
