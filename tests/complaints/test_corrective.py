"""Corrective and preventive actions (W 7.4, 附录 I): recorded from a complaint or recurring
dissatisfaction, carried out, verified by a team lead; and the quarter's recurring
dissatisfaction per unit and reason, with whether an action covers it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.complaints.corrective import (
    COMPLETED,
    INEFFECTIVE,
    OPEN,
    VERIFIED,
    CapaInput,
    CapaInvalid,
    capa_list,
    capa_row,
    complete_capa,
    create_capa,
    recurring_dissatisfaction,
    update_capa,
    verify_capa,
)
from app.complaints.registry import ComplaintInput, register_complaint
from app.roles import NotPermitted
from app.settings import set_setting
from db.models import AuditEntry, CallbackTask, CorrectiveAction

from .conftest import World, at


def _complaint(session, world: World) -> tuple[int, str]:
    c = register_complaint(
        session,
        ComplaintInput(
            content="重复提交材料",
            channel="on_site",
            category="filed",
            contact="13812345678",
            unit_id=world.liangxi,
        ),
        by_id=world.operator,
        now=at(2026, 10, 12),
    )
    return c.id, c.number or ""


def test_an_action_from_a_complaint_through_verification(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        complaint_id, number = _complaint(session, world)
        capa = create_capa(
            session,
            CapaInput(source="complaint", complaint_number=number, problem="要求群众重复提交材料"),
            by_id=world.operator,
            now=at(2026, 10, 13),
        )
        capa_id = capa.id
        assert (capa.number, capa.status, capa.complaint_id) == ("JZ2026-0001", OPEN, complaint_id)
        assert capa.unit_id == world.liangxi  # the complaint's unit
        with pytest.raises(CapaInvalid) as refused:  # not before the cause is known
            complete_capa(session, capa_id, by_id=world.operator, now=at(2026, 10, 20))
        assert refused.value.field == "cause"
        update_capa(
            session,
            capa_id,
            CapaInput(
                source="complaint",
                complaint_id=complaint_id,
                problem="要求群众重复提交材料",
                cause="未执行一次性告知",
                correction="批评教育，退还材料",
                prevention="窗口公示材料清单",
                owner="王建国",
                due_on=date(2026, 10, 30),
            ),
            by_id=world.operator,
            now=at(2026, 10, 14),
        )
        complete_capa(session, capa_id, by_id=world.operator, now=at(2026, 10, 28))
        assert capa.status == COMPLETED
        with pytest.raises(NotPermitted):
            verify_capa(
                session,
                capa_id,
                by_id=world.operator,
                effective=True,
                verification="抽查",
                now=at(2026, 11, 2),
            )
        verify_capa(
            session,
            capa_id,
            by_id=world.lead,
            effective=False,
            verification="抽查仍有重复提交",
            now=at(2026, 11, 2),
        )
        assert capa.status == INEFFECTIVE
        complete_capa(session, capa_id, by_id=world.operator, now=at(2026, 11, 5))
        verify_capa(
            session,
            capa_id,
            by_id=world.lead,
            effective=True,
            verification="抽查10件无重复提交",
            now=at(2026, 11, 9),
        )
        assert (capa.status, capa.effective, capa.verified_by) == (VERIFIED, True, "王建国")
        with pytest.raises(CapaInvalid):  # verified effective: settled
            update_capa(
                session,
                capa_id,
                CapaInput(source="complaint", complaint_id=complaint_id, problem="改"),
                by_id=world.operator,
                now=at(2026, 11, 10),
            )

    with any_db.sessions() as session:
        row = capa_row(session, capa_id, at(2026, 11, 20))
        assert (row.complaint_number, row.unit_name, row.status_label) == (
            number,
            "梁溪区不动产登记中心",
            "验证有效",
        )
        assert row.overdue  # completed 5 Nov, due 30 Oct
        assert [r.id for r in capa_list(session, complaint_id=complaint_id)] == [capa_id]
        assert capa_list(session, status=OPEN) == []
        actions = session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.entity == "corrective_action")
            .order_by(AuditEntry.id)
        ).all()
        assert actions == [
            "capa.create",
            "capa.update",
            "capa.complete",
            "capa.verify",
            "capa.complete",
            "capa.verify",
        ]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"source": "rumour"}, "source"),
        ({"problem": " "}, "problem"),
        ({"source": "complaint"}, "complaint_id"),
        ({"source": "complaint", "complaint_number": "TS2026-9999"}, "complaint_id"),
        ({"source": "dissatisfaction"}, "unit_id"),
        (
            {"source": "dissatisfaction", "unit_id": 1, "reason_category": "weather"},
            "reason_category",
        ),
        ({"due_on": date(2026, 10, 1)}, "due_on"),
    ],
)
def test_what_an_action_needs(any_db, world: World, values, field) -> None:
    data = {"source": "violation", "problem": "窗口人员迟到", **values}
    if data.get("unit_id") == 1:
        data["unit_id"] = world.binhu
    with any_db.sessions.begin() as session:
        with pytest.raises(CapaInvalid) as refused:
            create_capa(session, CapaInput(**data), by_id=world.operator, now=at(2026, 10, 12))
    assert refused.value.field == field


def _callbacks(session, world: World, unit: int, reason: str | None, *moments) -> None:
    for moment in moments:
        session.add(
            CallbackTask(case_id=world.case, unit_id=unit, reason_category=reason, opened_at=moment)
        )
    session.flush()


def test_recurring_dissatisfaction_per_unit_and_reason(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        # 滨湖 attitude: three in Q3, counted by the local date (00:10 on 1 Jul is Q3 though it
        # is still 30 Jun in UTC; 23:30 on 30 Jun is Q2).
        _callbacks(
            session,
            world,
            world.binhu,
            "attitude",
            at(2026, 7, 1, 0, 10),
            at(2026, 8, 3),
            at(2026, 9, 30, 23, 30),
            at(2026, 6, 30, 23, 30),
        )
        _callbacks(session, world, world.binhu, "efficiency", at(2026, 7, 6), at(2026, 7, 7))
        # No reason recorded counts as 其他.
        _callbacks(session, world, world.liangxi, None, at(2026, 8, 1), at(2026, 8, 2))
        _callbacks(session, world, world.liangxi, "other", at(2026, 8, 3))

    with any_db.sessions() as session:
        report = recurring_dissatisfaction(session, 2026, 3)
        assert report.threshold == 3
        rows = [(r.unit_name, r.reason_label, r.count, r.recurring) for r in report.rows]
        assert rows == [
            ("梁溪区不动产登记中心", "其他", 3, True),
            ("滨湖区不动产登记中心", "服务态度差", 3, True),
            ("滨湖区不动产登记中心", "办事效率慢", 2, False),
        ]
        assert len(report.uncovered) == 2
        q2 = recurring_dissatisfaction(session, 2026, 2)
        assert [(r.reason_category, r.count) for r in q2.rows] == [("attitude", 1)]

    with any_db.sessions.begin() as session:
        set_setting(session, "capa.recurring_threshold", 2)
        # An action recorded before the quarter began does not cover it; one since does.
        old = create_capa(
            session,
            CapaInput(
                source="dissatisfaction",
                unit_id=world.binhu,
                reason_category="attitude",
                problem="上季度态度问题",
            ),
            by_id=world.operator,
            now=at(2026, 6, 15),
        )
        new = create_capa(
            session,
            CapaInput(
                source="dissatisfaction",
                unit_id=world.binhu,
                reason_category="attitude",
                problem="第三季度服务态度不满意 3 次",
            ),
            by_id=world.operator,
            now=at(2026, 10, 8),
        )
        old_id, new_id, new_number = old.id, new.id, new.number

    with any_db.sessions() as session:
        report = recurring_dissatisfaction(session, 2026, 3)
        by_key = {(r.unit_id, r.reason_category): r for r in report.rows}
        attitude = by_key[(world.binhu, "attitude")]
        assert (
            attitude.covered and attitude.capa_ids == [new_id] and old_id not in attitude.capa_ids
        )
        assert attitude.capa_numbers == [new_number]
        assert by_key[(world.binhu, "efficiency")].recurring  # the threshold is now 2
        assert [(r.unit_id, r.reason_category) for r in report.uncovered] == [
            (world.liangxi, "other"),
            (world.binhu, "efficiency"),
        ]
        assert session.scalar(select(CorrectiveAction.number).where(CorrectiveAction.id == old_id))
