"""Builders for the call-desk tests: units, cases with phones, evaluations, queue entries."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from app.desk.operators import ensure_operator
from app.phones import parse_phone
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import CallAttempt, Case, CasePhone, Evaluation, QueueEntry, Unit

MOBILE = "13812345678"
SECOND_MOBILE = "13912345678"


def two_operators(database: Database) -> tuple[int, int]:
    """Two operators, 王芳 and 李强: their staff ids."""
    with database.sessions.begin() as session:
        return ensure_operator(session, "王芳"), ensure_operator(session, "李强")


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LOCAL_ZONE)


def unit(session: Session, name: str = "历下区不动产登记中心") -> Unit:
    row = Unit(name=name, area_code="0531")
    session.add(row)
    session.flush()
    return row


def case(
    session: Session,
    unit_row: Unit,
    case_no: str,
    completed_on: date,
    *,
    phones: tuple[str, ...] = (MOBILE,),
    enterprise: bool = False,
    applicant: str | None = "张三",
) -> Case:
    parsed = [parse_phone(text, "0531") for text in phones]
    row = Case(
        case_no=case_no,
        business_type="转移登记",
        unit_id=unit_row.id,
        completed_on=completed_on,
        applicant=applicant,
        is_enterprise=enterprise,
        location="历下区经十路 1 号",
        has_valid_phone=any(p.valid for p in parsed),
        phones=[
            CasePhone(position=i, original=p.original, e164=p.e164, extension=p.extension)
            for i, p in enumerate(parsed)
        ],
    )
    session.add(row)
    session.flush()
    return row


def cases(
    session: Session, unit_row: Unit, count: int, completed_on: date, prefix: str = ""
) -> list[Case]:
    prefix = prefix or f"U{unit_row.id}-"
    return [case(session, unit_row, f"{prefix}{n:04d}", completed_on) for n in range(count)]


def evaluate(
    session: Session, case_row: Case, at: datetime, channel: str = "qr", overall: str = "satisfied"
) -> Evaluation:
    row = Evaluation(
        case_id=case_row.id, channel=channel, round=1, evaluated_at=at, overall=overall
    )
    session.add(row)
    session.flush()
    return row


def attempt(
    session: Session, case_row: Case, outcome: str, at: datetime, operator_id: int | None = None
) -> CallAttempt:
    row = CallAttempt(
        case_id=case_row.id, attempted_at=at, outcome=outcome, operator_id=operator_id
    )
    session.add(row)
    session.flush()
    return row


def entry(session: Session, case_row: Case, ready_at: datetime, **values) -> QueueEntry:
    values = {"kind": "first", "status": "open", **values}
    row = QueueEntry(case_id=case_row.id, ready_at=ready_at, **values)
    session.add(row)
    session.flush()
    return row


def queue_entries(session: Session, count: int, ready_at: datetime) -> list[int]:
    """`count` open entries on cases of one unit, ready at `ready_at`; their ids."""
    owner = unit(session)
    completed = (ready_at - timedelta(days=30)).date()
    return [entry(session, c, ready_at).id for c in cases(session, owner, count, completed)]
