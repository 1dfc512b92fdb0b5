"""The world of the quality-inspection tests: a unit, two operators with completed calls in
September 2026 (each with its Form A evaluation), team leads and an administrator."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import pytest

import app.importing  # noqa: F401, I001  (see tests/complaints/conftest.py)
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import CallAttempt, Case, Evaluation, Staff, Unit


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LOCAL_ZONE)


@dataclass
class QcWorld:
    unit: int
    lead: int  # 王建国
    other_lead: int  # 孙组长
    admin: int  # 管理员
    operator: int  # 李晓燕: 12 completed calls in September
    other_operator: int  # 周敏: 3 completed calls in September
    idle_operator: int  # 钱新: nothing completed
    calls: list[int] = field(default_factory=list)  # 李晓燕's completed September calls
    other_calls: list[int] = field(default_factory=list)


def _call(
    session,
    unit: int,
    number: str,
    operator: int,
    when: datetime,
    *,
    outcome="completed",
    evaluated=True,
    rating="satisfied",
) -> int:
    case = Case(
        case_no=number,
        unit_id=unit,
        completed_on=date(2026, 8, 28),
        applicant="赵志强",
        business_type="二手房转移登记",
    )
    session.add(case)
    session.flush()
    evaluation = None
    if evaluated:
        evaluation = Evaluation(
            case_id=case.id,
            channel="phone",
            evaluated_at=when,
            overall=rating,
            efficiency="very_satisfied",
            attitude=rating,
            materials="average",
            integrity_breach=False,
            suggestion="窗口排队时间可以再短一些",
            operator_id=operator,
        )
        session.add(evaluation)
        session.flush()
    attempt = CallAttempt(
        case_id=case.id,
        attempted_at=when,
        outcome=outcome,
        operator_id=operator,
        duration_seconds=185,
        evaluation_id=evaluation.id if evaluation else None,
        phone_e164="+8613951234567",
    )
    session.add(attempt)
    session.flush()
    return attempt.id


def make_world(session) -> QcWorld:
    unit = Unit(name="滨湖区不动产登记中心", district="滨湖区")
    session.add(unit)
    session.flush()
    people = [
        Staff(name="王建国", role="team_lead", unit_id=unit.id),
        Staff(name="孙组长", role="team_lead", unit_id=unit.id),
        Staff(name="管理员", role="administrator"),
        Staff(name="李晓燕", role="operator", unit_id=unit.id, is_operator=True),
        Staff(name="周敏", role="operator", unit_id=unit.id, is_operator=True),
        Staff(name="钱新", role="operator", unit_id=unit.id, is_operator=True),
    ]
    session.add_all(people)
    session.flush()
    lead, other_lead, admin, operator, other, idle = (p.id for p in people)
    world = QcWorld(unit.id, lead, other_lead, admin, operator, other, idle)
    for day in range(1, 13):
        world.calls.append(
            _call(session, unit.id, f"BH2026090{day:02d}", operator, at(2026, 9, day, 9 + day % 8))
        )
    for day in range(1, 4):
        world.other_calls.append(
            _call(session, unit.id, f"BH2026091{day:02d}", other, at(2026, 9, day + 3))
        )
    # Not drawn: a call that failed, one completed without an evaluation, one in October,
    # and one just before the period (23:30 on 31 August, local time).
    _call(
        session,
        unit.id,
        "BH-NOANSWER",
        operator,
        at(2026, 9, 5),
        outcome="no_answer",
        evaluated=False,
    )
    _call(session, unit.id, "BH-NOEVAL", operator, at(2026, 9, 6), evaluated=False)
    _call(session, unit.id, "BH-OCT", operator, at(2026, 10, 1, 0, 10))
    _call(session, unit.id, "BH-AUG", operator, at(2026, 8, 31, 23, 30))
    return world


@pytest.fixture
def world(any_db: Database, stop_clock) -> tuple[Database, QcWorld]:
    stop_clock(at(2026, 10, 8, 9))
    with any_db.sessions.begin() as session:
        return any_db, make_world(session)


@pytest.fixture
def sqlite_world(sqlite_db: Database, stop_clock) -> tuple[Database, QcWorld]:
    stop_clock(at(2026, 10, 8, 9))
    with sqlite_db.sessions.begin() as session:
        return sqlite_db, make_world(session)
