"""Supervision orders (投诉督办表, 附录 H.2): only for 立案处理类, issued by team leads, re-issued
only after the previous order's reply while the complainant is still unhappy; every issue kept."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.complaints.detail import complaint_detail
from app.complaints.registry import (
    ComplaintInput,
    ComplaintInvalid,
    close_complaint,
    record_complainant_opinion,
    record_reply,
    register_complaint,
)
from app.complaints.supervision import issue_order, issue_refusal, orders_of, record_order_reply
from app.roles import NotPermitted
from db.models import AuditEntry, SupervisionOrder

from .conftest import World, at


def filed(session, world: World, received=None, category: str = "filed") -> int:
    received = received or at(2026, 10, 12)
    complaint = register_complaint(
        session,
        ComplaintInput(
            content="窗口人员收取额外费用",
            channel="letter",
            category=category,
            address="无锡市滨湖区湖滨路1号",
            case_no="WX202609280001",
        ),
        by_id=world.operator,
        now=received,
    )
    return complaint.id


def test_only_filed_complaints_get_orders(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        opinion = filed(session, world, category="opinion")
        assert "只有立案处理类投诉才签发督办表" in (issue_refusal(session, opinion) or "")
        with pytest.raises(ComplaintInvalid):
            issue_order(session, opinion, by_id=world.lead, opinion="请处理", now=at(2026, 10, 13))


def test_an_operator_may_not_issue_orders(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        complaint_id = filed(session, world)
        with pytest.raises(NotPermitted) as refused:
            issue_order(
                session, complaint_id, by_id=world.operator, opinion="请处理", now=at(2026, 10, 13)
            )
    assert "组长" in str(refused.value)
    with any_db.sessions() as session:
        assert session.scalars(select(SupervisionOrder)).all() == []


def test_orders_are_reissued_while_the_complainant_is_unhappy(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        complaint_id = filed(session, world)
        assert issue_refusal(session, complaint_id) is None
        first = issue_order(
            session,
            complaint_id,
            by_id=world.lead,
            opinion="请核实并书面回复",
            now=at(2026, 10, 13, 9),
        )
        # The default deadline: 10 working days from Tue 13 Oct.
        assert (first.sequence, first.reply_due, first.issued_by) == (
            1,
            date(2026, 10, 27),
            "王建国",
        )
        assert first.handling_unit_id == world.binhu  # the unit complained about

        # Not before the first order is replied to.
        with pytest.raises(ComplaintInvalid) as refused:
            issue_order(
                session, complaint_id, by_id=world.lead, opinion="再督办", now=at(2026, 10, 14)
            )
        assert "第 1 次督办尚未回复" in str(refused.value)
        record_reply(
            session, complaint_id, by_id=world.operator, reply="答复", now=at(2026, 10, 14)
        )
        with pytest.raises(ComplaintInvalid) as refused:  # nor closed meanwhile
            close_complaint(session, complaint_id, by_id=world.lead, now=at(2026, 10, 14))
        assert "第 1 次督办尚未回复" in str(refused.value)

        record_order_reply(
            session,
            first.id,
            by_id=world.operator,
            reply="已退还费用并批评教育",
            now=at(2026, 10, 20),
        )
        with pytest.raises(ComplaintInvalid):  # one reply per order
            record_order_reply(
                session, first.id, by_id=world.operator, reply="再", now=at(2026, 10, 21)
            )
        # Replied, but the complainant has not said they are unhappy: no second order.
        with pytest.raises(ComplaintInvalid) as refused:
            issue_order(
                session, complaint_id, by_id=world.lead, opinion="再督办", now=at(2026, 10, 21)
            )
        assert "投诉人仍有意见" in str(refused.value)
        record_complainant_opinion(
            session, complaint_id, by_id=world.operator, satisfied=True, now=at(2026, 10, 21)
        )
        assert issue_refusal(session, complaint_id) is not None
        record_complainant_opinion(
            session,
            complaint_id,
            by_id=world.operator,
            satisfied=False,
            opinion="费用退了，但没有道歉",
            now=at(2026, 10, 21),
        )
        second = issue_order(
            session,
            complaint_id,
            by_id=world.lead,
            opinion="投诉人仍有意见，加大处理力度",
            handling_unit_id=world.liangxi,
            issued_by="市局考核办",
            reply_due=date(2026, 10, 30),
            now=at(2026, 10, 22),
        )
        assert (second.sequence, second.handling_unit_id, second.issued_by) == (
            2,
            world.liangxi,
            "市局考核办",
        )

    with any_db.sessions() as session:
        orders = orders_of(session, complaint_id, at(2026, 11, 2))
        assert [(o.sequence, o.title, o.handling_unit) for o in orders] == [
            (1, "第 1 次督办", "滨湖区不动产登记中心"),
            (2, "第 2 次督办", "梁溪区不动产登记中心"),
        ]
        assert orders[0].reply == "已退还费用并批评教育" and not orders[0].clock.late
        assert orders[1].clock.late and orders[1].clock.label == "逾期 1 个工作日"
        detail = complaint_detail(session, complaint_id, at(2026, 11, 2))
        assert [o.sequence for o in detail.orders] == [1, 2]
        assert "第 2 次督办尚未回复" in (detail.order_refusal or "")
        actions = session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.entity == "supervision_order")
            .order_by(AuditEntry.id)
        ).all()
        assert actions == ["supervision.issue", "supervision.reply", "supervision.issue"]


def test_what_an_order_needs(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        complaint_id = filed(session, world)
        for values, field in (
            ({"opinion": "  "}, "opinion"),
            ({"opinion": "请处理", "reply_due": date(2026, 10, 12)}, "reply_due"),
            ({"opinion": "请处理", "handling_unit_id": 999_999}, "handling_unit_id"),
        ):
            with pytest.raises(ComplaintInvalid) as refused:
                issue_order(session, complaint_id, by_id=world.lead, now=at(2026, 10, 13), **values)
            assert refused.value.field == field


def test_a_closed_complaint_must_be_reopened_first(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        complaint_id = filed(session, world)
        record_reply(
            session, complaint_id, by_id=world.operator, reply="答复", now=at(2026, 10, 13)
        )
        close_complaint(session, complaint_id, by_id=world.lead, now=at(2026, 10, 14))
        assert "请先重新打开" in (issue_refusal(session, complaint_id) or "")
