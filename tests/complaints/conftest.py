"""The world of the complaint tests: units, staff of each role, cases, at fixed local times.

Dates are on the real 2026 calendar: National Day 2026 is Oct 1–7 off, and Sun Sep 20 and
Sat Oct 10 are make-up working days (调休).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest

# app.desk.clock → app.importing → follow_up → app.callbacks.opening → app.desk.clock is a
# cycle when app.desk.clock is imported first; importing the package first avoids it. Remove
# once the cycle is broken where it lives.
import app.importing  # noqa: F401, I001
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import Case, CasePhone, Staff, Unit


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """A local (Asia/Shanghai) time."""
    return datetime(year, month, day, hour, minute, tzinfo=LOCAL_ZONE)


@dataclass
class World:
    binhu: int  # 滨湖区不动产登记中心
    liangxi: int  # 梁溪区不动产登记中心
    lead: int  # 王建国, team lead
    operator: int  # 李晓燕, operator
    auditor: int  # 赵审计, auditor
    handler: int  # 张伟, 经办人 at 滨湖
    other_handler: int  # 陈静, 经办人 at 梁溪
    case: int  # WX202609280001 at 滨湖, handled by 张伟
    case_no: str


def make_world(session) -> World:
    binhu = Unit(name="滨湖区不动产登记中心", district="滨湖区")
    liangxi = Unit(name="梁溪区不动产登记中心", district="梁溪区")
    session.add_all([binhu, liangxi])
    session.flush()
    lead = Staff(name="王建国", role="team_lead", unit_id=binhu.id)
    operator = Staff(name="李晓燕", role="operator", unit_id=binhu.id, is_operator=True)
    auditor = Staff(name="赵审计", role="auditor")
    handler = Staff(name="张伟", unit_id=binhu.id)
    other_handler = Staff(name="陈静", unit_id=liangxi.id)
    session.add_all([lead, operator, auditor, handler, other_handler])
    session.flush()
    case = Case(
        case_no="WX202609280001",
        unit_id=binhu.id,
        completed_on=date(2026, 9, 28),
        handler_id=handler.id,
        applicant="赵志强",
        business_type="二手房转移登记",
    )
    session.add(case)
    session.flush()
    session.add(CasePhone(case_id=case.id, position=0, original="13951234567"))
    session.flush()
    return World(
        binhu=binhu.id,
        liangxi=liangxi.id,
        lead=lead.id,
        operator=operator.id,
        auditor=auditor.id,
        handler=handler.id,
        other_handler=other_handler.id,
        case=case.id,
        case_no=case.case_no,
    )


@pytest.fixture
def world(any_db: Database) -> World:
    with any_db.sessions.begin() as session:
        return make_world(session)
