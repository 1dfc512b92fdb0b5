"""The world of the survey tests: two active outlets and a closed one, an operator, an auditor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import Staff, Unit

NOW = datetime(2026, 7, 10, 9, 0, tzinfo=LOCAL_ZONE)  # Q3 2026 has begun; Q2 is complete


@dataclass
class World:
    binhu: int  # 滨湖区不动产登记中心
    liangxi: int  # 梁溪区不动产登记中心
    closed: int  # 旧馆 (inactive)
    operator: int
    auditor: int


@pytest.fixture
def world(any_db: Database, stop_clock) -> World:
    stop_clock(NOW)
    with any_db.sessions.begin() as session:
        binhu = Unit(name="滨湖区不动产登记中心")
        liangxi = Unit(name="梁溪区不动产登记中心")
        closed = Unit(name="旧馆", active=False)
        session.add_all([binhu, liangxi, closed])
        session.flush()
        operator = Staff(name="李晓燕", role="operator", unit_id=binhu.id, is_operator=True)
        auditor = Staff(name="赵审计", role="auditor")
        session.add_all([operator, auditor])
        session.flush()
        return World(binhu.id, liangxi.id, closed.id, operator.id, auditor.id)
