"""The world of the outlet assessment tests: two outlets, a team lead, an administrator, an
operator and an auditor, and helpers to put surveys and complaints in a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest

import app.importing  # noqa: F401, I001  (see tests/complaints/conftest.py: an import cycle)
from app.roles import role_of
from app.staff import StaffMember
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import (
    Complaint,
    CorrectiveAction,
    SatisfactionSurvey,
    Staff,
    SupervisionOrder,
    Unit,
)

TODAY = datetime(2026, 7, 10, 10, 0, tzinfo=LOCAL_ZONE)
H1 = (date(2026, 1, 1), date(2026, 6, 30))
H2_2025 = (date(2025, 7, 1), date(2025, 12, 31))


@dataclass
class World:
    binhu: int
    liangxi: int
    lead: StaffMember
    admin: StaffMember
    operator: StaffMember
    auditor: StaffMember
    handler: int  # 张伟, staff of 滨湖


def _member(staff: Staff) -> StaffMember:
    return StaffMember(staff.id, staff.name, role_of(staff.role))


def make_world(session) -> World:
    binhu = Unit(name="滨湖区不动产登记中心", district="滨湖区")
    liangxi = Unit(name="梁溪区不动产登记中心", district="梁溪区")
    session.add_all([binhu, liangxi])
    session.flush()
    lead = Staff(name="王建国", role="team_lead", unit_id=binhu.id)
    admin = Staff(name="周管理", role="administrator")
    operator = Staff(name="李晓燕", role="operator", unit_id=binhu.id, is_operator=True)
    auditor = Staff(name="赵审计", role="auditor")
    handler = Staff(name="张伟", unit_id=binhu.id)
    session.add_all([lead, admin, operator, auditor, handler])
    session.flush()
    return World(
        binhu.id, liangxi.id, _member(lead), _member(admin), _member(operator), _member(auditor),
        handler.id,
    )  # fmt: skip


@pytest.fixture
def world(any_db: Database, stop_clock) -> World:
    stop_clock(TODAY)
    with any_db.sessions.begin() as session:
        return make_world(session)


@pytest.fixture
def sqlite_world(sqlite_db: Database, stop_clock) -> World:
    stop_clock(TODAY)
    with sqlite_db.sessions.begin() as session:
        return make_world(session)


def add_surveys(session, unit_id: int, day: date, satisfied: int, other: int) -> None:
    """Surveys whose answers give `satisfied` 满意 and `other` 一般 among the seven rated
    questions: one survey per seven answers, the last one partly blank."""
    answers = ["satisfied"] * satisfied + ["average"] * other
    columns = (
        "environment",
        "attitude",
        "efficiency",
        "consultation",
        "discipline",
        "facilities",
        "overall",
    )
    for start in range(0, len(answers), 7):
        chunk = answers[start : start + 7]
        values = dict(zip(columns, chunk, strict=False))
        session.add(
            SatisfactionSurvey(
                unit_id=unit_id, surveyed_on=day, fingerprint=f"{unit_id}-{day}-{start}", **values
            )
        )
    session.flush()


def add_complaint(
    session,
    unit_id: int,
    staff_id: int | None,
    received: datetime,
    *,
    number: str,
    kind: str = "complaint",
    order: bool = False,
    capa: bool = False,
) -> int:
    complaint = Complaint(
        number=number, unit_id=unit_id, staff_id=staff_id, kind=kind, channel="phone",
        category="filed", received_at=received, content="态度差", status="open",
    )  # fmt: skip
    session.add(complaint)
    session.flush()
    if order:
        session.add(
            SupervisionOrder(
                complaint_id=complaint.id,
                sequence=1,
                issued_at=received,
                opinion="请整改",
                reply_due=received.date(),
            )
        )
    if capa:
        session.add(
            CorrectiveAction(
                number=f"CA-{number}",
                source="complaint",
                complaint_id=complaint.id,
                unit_id=unit_id,
                problem="服务态度",
                status="open",
            )
        )
    session.flush()
    return complaint.id
