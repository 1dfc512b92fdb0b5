"""The two working-day clocks of a complaint and the list that shows them: time left, lateness
that stays after the fact, and the filters (status, unit, category, late only)."""

from __future__ import annotations

from datetime import date

from app.calendar import WorkingCalendar
from app.complaints.clocks import clock, complaint_list, complaint_row
from app.complaints.registry import (
    ComplaintInput,
    close_complaint,
    record_first_contact,
    record_reply,
    register_complaint,
)
from app.complaints.supervision import issue_order

from .conftest import World, at

CALENDAR = WorkingCalendar()


def test_a_clock_counts_working_days_left_and_late() -> None:
    due = date(2026, 10, 9)  # Fri
    assert clock(due, None, date(2026, 9, 30), CALENDAR).label == "剩 2 个工作日"  # holiday
    assert clock(due, None, date(2026, 10, 8), CALENDAR).days_left == 1
    today = clock(due, None, date(2026, 10, 9), CALENDAR)
    assert (today.days_left, today.late, today.label) == (0, False, "今日到期")
    saturday = clock(due, None, date(2026, 10, 10), CALENDAR)  # a make-up working day
    assert (saturday.days_left, saturday.late, saturday.label) == (-1, True, "逾期 1 个工作日")
    assert clock(due, None, date(2026, 10, 13), CALENDAR).label == "逾期 3 个工作日"
    # A rest day just after the due date is late all the same.
    rest = clock(date(2026, 10, 16), None, date(2026, 10, 17), CALENDAR)
    assert (rest.days_left, rest.late) == (-1, True)


def test_a_late_step_stays_late_once_done() -> None:
    due = date(2026, 10, 9)
    late = clock(due, at(2026, 10, 12, 9), date(2026, 11, 20), CALENDAR)
    assert (late.late, late.days_left, late.label) == (True, -2, "逾期 2 个工作日完成")
    # On the due day late in the local evening: in time (the local date counts).
    in_time = clock(due, at(2026, 10, 9, 23, 30), date(2026, 11, 20), CALENDAR)
    assert (in_time.late, in_time.label) == (False, "按期完成")
    assert clock(None, None, date(2026, 10, 9), CALENDAR).label == "无期限"


def test_an_unknown_year_does_not_break_the_clock() -> None:
    unknown = clock(date(2026, 12, 31), None, date(2027, 1, 5), CALENDAR)
    assert unknown.late and unknown.days_left is None
    assert "2027 年工作日历未录入" in unknown.label


def _register(session, world: World, received, **values):
    data = {
        "content": "投诉内容",
        "channel": "phone",
        "category": "opinion",
        "contact": "13812345678",
        "unit_id": world.binhu,
    }
    data.update(values)
    return register_complaint(
        session, ComplaintInput(received_at=received, **data), by_id=world.operator, now=received
    )


def test_the_list_filters_and_keeps_late_marks(any_db, world: World) -> None:
    now = at(2026, 10, 14, 10)
    with any_db.sessions.begin() as session:
        # Due Fri 9 Oct, contacted Mon 12 Oct: late, and it stays late after replying in time.
        late_then = _register(session, world, at(2026, 9, 30), category="filed")
        record_first_contact(
            session, late_then.id, by_id=world.operator, note="电话", now=at(2026, 10, 12)
        )
        record_reply(
            session, late_then.id, by_id=world.operator, reply="答复", now=at(2026, 10, 13)
        )
        # Due Fri 9 Oct, contacted that evening at 23:30 local (15:30 UTC): in time.
        in_time = _register(session, world, at(2026, 9, 30, 9), unit_id=world.liangxi)
        record_first_contact(
            session, in_time.id, by_id=world.operator, note="电话", now=at(2026, 10, 9, 23, 30)
        )
        # Due Sat 10 Oct (a make-up working day), never contacted: late now.
        late_now = _register(session, world, at(2026, 10, 8), category="coordination")
        # Due Thu 15 Oct: fine.
        fresh = _register(session, world, at(2026, 10, 13))
        ids = {"late_then": late_then.id, "in_time": in_time.id}
        ids |= {"late_now": late_now.id, "fresh": fresh.id}

    with any_db.sessions() as session:
        rows = complaint_list(session, now=now)
        by_id = {row.id: row for row in rows}
        # Running clocks first: late, then by the due date (in_time's reply is due 27 Oct);
        # replied ones after.
        assert [row.id for row in rows] == [
            ids["late_now"],
            ids["fresh"],
            ids["in_time"],
            ids["late_then"],
        ]
        assert by_id[ids["late_now"]].deadline_label == "逾期 3 个工作日"
        assert by_id[ids["in_time"]].deadline_label == "剩 9 个工作日"  # the reply's clock
        assert by_id[ids["fresh"]].deadline_label == "剩 1 个工作日"
        replied = by_id[ids["late_then"]]
        assert replied.late and replied.clocks.first_contact.label == "逾期 2 个工作日完成"
        assert replied.deadline_label == "已答复（曾逾期）"
        assert not by_id[ids["in_time"]].late

        late = complaint_list(session, late_only=True, now=now)
        assert {row.id for row in late} == {ids["late_now"], ids["late_then"]}
        assert [r.id for r in complaint_list(session, unit_id=world.liangxi, now=now)] == [
            ids["in_time"]
        ]
        assert [r.id for r in complaint_list(session, category="filed", now=now)] == [
            ids["late_then"]
        ]
        assert {r.id for r in complaint_list(session, status="open", now=now)} == {
            ids["late_now"],
            ids["fresh"],
        }
        assert complaint_list(session, kind="suggestion", now=now) == []

        row = complaint_row(session, ids["late_then"], now)
        assert (row.unit_name, row.category_label, row.channel_label) == (
            "滨湖区不动产登记中心",
            "立案处理类",
            "电话",
        )


def test_a_waiting_order_runs_its_own_clock(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        c = _register(session, world, at(2026, 10, 12), category="filed")
        record_reply(session, c.id, by_id=world.operator, reply="答复", now=at(2026, 10, 13))
        issue_order(session, c.id, by_id=world.lead, opinion="请处理", now=at(2026, 10, 14))
        complaint_id = c.id
    with any_db.sessions() as session:
        row = complaint_row(session, complaint_id, at(2026, 10, 29))
        assert (row.orders, row.orders_waiting) == (1, 1)
        assert row.order_clock is not None and row.order_clock.due == date(2026, 10, 28)
        assert row.deadline_label == "督办回复：逾期 1 个工作日"
        assert row.needs_attention and not row.late


def test_a_closed_complaint_says_how_it_ended(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        c = _register(session, world, at(2026, 11, 2))
        record_reply(session, c.id, by_id=world.operator, reply="答复", now=at(2026, 11, 10))
        close_complaint(session, c.id, by_id=world.lead, now=at(2026, 11, 11))
        complaint_id = c.id
    with any_db.sessions() as session:
        row = complaint_row(session, complaint_id, at(2026, 11, 20))
        # The reply (and with it the first contact) came after the 2-day deadline of 4 Nov.
        assert row.deadline_label == "已办结（曾逾期）"
        assert complaint_list(session, late_only=True, now=at(2026, 11, 20))[0].id == complaint_id
