"""Builders for the board tests: units, staff with roles, cases, callbacks and complaints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.calendar import WorkingCalendar
from app.callbacks.opening import open_callback
from app.phones import parse_phone
from app.zone import LOCAL_ZONE
from db.models import Case, CasePhone, Complaint, Evaluation, Staff, Unit

MOBILE = "13812345678"


def local(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LOCAL_ZONE)


@dataclass
class People:
    lead: int  # 张组长, team lead
    wang: int  # 王芳, operator
    li: int  # 李强, operator
    admin: int  # 赵管理, administrator


def people(session: Session) -> People:
    rows = [
        Staff(name="张组长", role="team_lead"),
        Staff(name="王芳", role="operator", is_operator=True),
        Staff(name="李强", role="operator", is_operator=True),
        Staff(name="赵管理", role="administrator"),
    ]
    session.add_all(rows)
    session.flush()
    return People(*(row.id for row in rows))


def unit(session: Session, name: str) -> Unit:
    row = Unit(name=name, area_code="0531")
    session.add(row)
    session.flush()
    return row


def case(session: Session, owner: Unit, case_no: str, completed_on: date) -> Case:
    phone = parse_phone(MOBILE, "0531")
    row = Case(
        case_no=case_no,
        business_type="转移登记",
        unit_id=owner.id,
        completed_on=completed_on,
        applicant="张三",
        location="历下区经十路 1 号",
        has_valid_phone=True,
        phones=[CasePhone(position=0, original=phone.original, e164=phone.e164)],
    )
    session.add(row)
    session.flush()
    return row


def first_evaluation(
    session: Session,
    case_row: Case,
    at: datetime,
    *,
    attitude: str = "dissatisfied",
    words: str | None = "窗口人员态度生硬",
    integrity: bool = False,
) -> Evaluation:
    row = Evaluation(
        case_id=case_row.id,
        channel="platform",
        round=1,
        evaluated_at=at,
        overall="average",
        efficiency="satisfied",
        attitude=attitude,
        materials="satisfied",
        integrity_breach=integrity,
        suggestion=words,
    )
    session.add(row)
    session.flush()
    return row


def callback(
    session: Session,
    owner: Unit,
    case_no: str,
    opened: datetime,
    *,
    reason: str = "attitude",
    words: str = "窗口人员态度生硬",
) -> int:
    """A case with a dissatisfied first evaluation and the callback it opened; the task id."""
    case_row = case(session, owner, case_no, opened.date())
    evaluation = first_evaluation(session, case_row, opened, words=words)
    return open_callback(
        session, case_row, evaluation.id, now=opened, category=reason, words=words
    ).id


def complaint(
    session: Session,
    owner: Unit | None,
    received: datetime,
    *,
    case_row: Case | None = None,
    category: str = "filed",
    status: str = "open",
    number: str | None = None,
    content: str = "办证窗口排队两小时无人引导",
) -> Complaint:
    calendar = WorkingCalendar.load(session)
    day = received.date()
    row = Complaint(
        number=number,
        case_id=case_row.id if case_row else None,
        unit_id=owner.id if owner else None,
        channel="phone",
        category=category,
        received_at=received,
        content=content,
        status=status,
        first_contact_due=calendar.add_working_days(day, 2),
        reply_due=calendar.add_working_days(day, 15),
    )
    session.add(row)
    session.flush()
    return row
