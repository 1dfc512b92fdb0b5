"""The world of the suggestion box tests: two outlets, their staff of each role, a fixed week.

Dates are on the real 2026 calendar: Mon 28 Sep, Tue 29 and Wed 30 Sep are working days,
1–7 Oct is National Day (off), Sat 10 Oct a make-up working day (调休).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

import app.importing  # noqa: F401, I001  (see tests/complaints/conftest.py)
from app.roles import Role
from app.staff import StaffMember
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import Staff, Unit


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """A local (Asia/Shanghai) time."""
    return datetime(year, month, day, hour, minute, tzinfo=LOCAL_ZONE)


@dataclass
class World:
    binhu: int  # 滨湖区不动产登记中心
    liangxi: int  # 梁溪区不动产登记中心
    lead: int  # 王建国, team lead at 滨湖 (the hall's head)
    operator: int  # 李晓燕, operator at 滨湖
    auditor: int  # 赵审计
    clerk: int  # 张伟, window clerk at 滨湖
    other_clerk: int  # 陈静, window clerk at 梁溪

    def member(self, which: str) -> StaffMember:
        names = {"lead": "王建国", "operator": "李晓燕", "auditor": "赵审计"}
        roles = {"lead": Role.TEAM_LEAD, "operator": Role.OPERATOR, "auditor": Role.AUDITOR}
        return StaffMember(getattr(self, which), names[which], roles[which])


def make_world(session) -> World:
    binhu = Unit(name="滨湖区不动产登记中心", district="滨湖区")
    liangxi = Unit(name="梁溪区不动产登记中心", district="梁溪区")
    session.add_all([binhu, liangxi])
    session.flush()
    lead = Staff(name="王建国", role="team_lead", unit_id=binhu.id)
    operator = Staff(name="李晓燕", role="operator", unit_id=binhu.id, is_operator=True)
    auditor = Staff(name="赵审计", role="auditor")
    clerk = Staff(name="张伟", unit_id=binhu.id)
    other_clerk = Staff(name="陈静", unit_id=liangxi.id)
    session.add_all([lead, operator, auditor, clerk, other_clerk])
    session.flush()
    return World(binhu.id, liangxi.id, lead.id, operator.id, auditor.id, clerk.id, other_clerk.id)


@pytest.fixture
def world(any_db: Database) -> World:
    with any_db.sessions.begin() as session:
        return make_world(session)
