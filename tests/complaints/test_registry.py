"""Registering complaints and suggestions (W 7.3, 附录 H.1): numbers, routing by the case, the two
working-day deadlines across National Day 2026, validation, and the steps of handling."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.complaints.registry import (
    CLOSED,
    CONTACTED,
    OPEN,
    REPLIED,
    ComplaintInput,
    ComplaintInvalid,
    close_complaint,
    complaint_id_by_number,
    deadlines,
    find_case,
    record_complainant_opinion,
    record_first_contact,
    record_reply,
    register_complaint,
    reopen_complaint,
)
from app.roles import NotPermitted
from app.settings import set_setting
from db.models import AuditEntry, Complaint

from .conftest import World, at


def complaint(**values) -> ComplaintInput:
    fields = {
        "content": "窗口人员态度冷淡，要求重复提交材料。",
        "channel": "phone",
        "category": "opinion",
        "contact": "13812345678",
        "complainant": "周先生",
    }
    fields.update(values)
    return ComplaintInput(**fields)


def register(session, world: World, received, **values) -> Complaint:
    values.setdefault("unit_id", world.binhu)
    return register_complaint(
        session, complaint(received_at=received, **values), by_id=world.operator, now=received
    )


def test_deadlines_skip_national_day(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        # Wed 30 Sep: Oct 1–7 are off, Thu 8 and Fri 9 are the two working days.
        c = register(session, world, at(2026, 9, 30, 16))
        assert (c.first_contact_due, c.reply_due) == (date(2026, 10, 9), date(2026, 10, 27))
        # Late in the evening counts by the local date, not the UTC one.
        late = register(session, world, at(2026, 9, 30, 23, 50))
        assert late.first_contact_due == date(2026, 10, 9)


def test_make_up_working_days_count(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        set_setting(session, "complaints.first_contact_working_days", 1)
        # Fri 9 Oct + 1 working day is Sat 10 Oct, a make-up working day (调休).
        c = register(session, world, at(2026, 10, 9, 11))
        assert c.first_contact_due == date(2026, 10, 10)
        # Sat 19 Sep (rest) + 1 is Sun 20 Sep, also a make-up working day.
        c = register(session, world, at(2026, 9, 19, 9))
        assert c.first_contact_due == date(2026, 9, 20)
        # 15 working days: Mid-Autumn (Fri 25 Sep) and National Day off, Sat 10 Oct worked.
        assert deadlines(session, at(2026, 9, 19, 9))[1] == date(2026, 10, 15)


def test_an_unknown_calendar_year_is_refused_with_its_message(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        with pytest.raises(ComplaintInvalid) as refused:
            register(session, world, at(2027, 1, 4, 9))
    assert refused.value.field == "received_at"
    assert "2027 年的节假日安排尚未录入工作日历" in str(refused.value)
    with any_db.sessions() as session:
        assert session.scalars(select(Complaint)).all() == []


def test_numbers_run_per_year_and_kind(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        first = register(session, world, at(2025, 12, 30))
        second = register(session, world, at(2026, 1, 5))
        third = register(session, world, at(2026, 1, 6))
        suggestion = register(session, world, at(2026, 1, 6), kind="suggestion")
        numbers = [c.number for c in (first, second, third, suggestion)]
        assert numbers == ["TS2025-0001", "TS2026-0001", "TS2026-0002", "JY2026-0001"]
        assert complaint_id_by_number(session, " ts2026-0002 ") == third.id


def test_a_case_routes_the_complaint_to_its_unit_and_handler(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        link = find_case(session, f" {world.case_no} ")
        assert link is not None
        assert (link.unit_name, link.handler_name, link.applicant, link.phone) == (
            "滨湖区不动产登记中心",
            "张伟",
            "赵志强",
            "13951234567",
        )
        # The case's unit wins over the one chosen; its 经办人 unless someone else is named.
        c = register(session, world, at(2026, 10, 12), case_no=world.case_no, unit_id=world.liangxi)
        assert (c.case_id, c.unit_id, c.staff_id) == (world.case, world.binhu, world.handler)
        named = register(
            session, world, at(2026, 10, 12), case_no=world.case_no, staff_id=world.other_handler
        )
        assert named.staff_id == world.other_handler
        assert c.received_by == "李晓燕"  # the person registering, unless another is named


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"content": "  "}, "content"),
        ({"channel": "fax"}, "channel"),
        ({"category": "urgent"}, "category"),
        ({"kind": "praise"}, "kind"),
        ({"contact": "", "address": None}, "contact"),
        ({"case_no": "WX-NOPE"}, "case_no"),
        ({"unit_id": None}, "unit_id"),
        ({"complainant": "名" * 101}, "complainant"),
    ],
)
def test_what_cannot_be_registered_names_the_field(any_db, world: World, values, field) -> None:
    with any_db.sessions.begin() as session:
        with pytest.raises(ComplaintInvalid) as refused:
            register(session, world, at(2026, 10, 12), **values)
        assert refused.value.field == field
        assert str(refused.value)  # a message for the person


def test_a_time_in_the_future_is_refused(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        with pytest.raises(ComplaintInvalid) as refused:
            register_complaint(
                session,
                complaint(unit_id=world.binhu, received_at=at(2026, 10, 13)),
                by_id=world.operator,
                now=at(2026, 10, 12),
            )
    assert refused.value.field == "received_at"


def test_the_auditor_cannot_register(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        with pytest.raises(NotPermitted):
            register_complaint(
                session, complaint(unit_id=world.binhu), by_id=world.auditor, now=at(2026, 10, 12)
            )


def test_the_life_of_a_complaint_with_its_audit_trail(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        c = register(session, world, at(2026, 9, 30))
        complaint_id = c.id
        assert c.status == OPEN
        record_first_contact(
            session,
            complaint_id,
            by_id=world.operator,
            note="电话联系，了解经过",
            at=at(2026, 10, 8, 9),
            now=at(2026, 10, 8, 9, 5),
        )
        assert c.status == CONTACTED
        with pytest.raises(ComplaintInvalid):  # the first contact is recorded once
            record_first_contact(
                session, complaint_id, by_id=world.operator, note="再次", now=at(2026, 10, 9)
            )
        with pytest.raises(ComplaintInvalid) as refused:  # nothing to think of yet
            record_complainant_opinion(
                session, complaint_id, by_id=world.operator, satisfied=True, now=at(2026, 10, 9)
            )
        assert refused.value.field == "complainant_satisfied"
        record_reply(
            session, complaint_id, by_id=world.operator, reply="已批评教育", now=at(2026, 10, 20)
        )
        assert (c.status, c.replied_at) == (REPLIED, at(2026, 10, 20))
        with pytest.raises(ComplaintInvalid) as refused:
            record_complainant_opinion(
                session, complaint_id, by_id=world.operator, satisfied=False, now=at(2026, 10, 21)
            )
        assert refused.value.field == "complainant_opinion"  # unhappy: their words
        record_complainant_opinion(
            session,
            complaint_id,
            by_id=world.operator,
            satisfied=False,
            opinion="仍不满意",
            now=at(2026, 10, 21),
        )
        with pytest.raises(NotPermitted):  # closing is the team lead's
            close_complaint(session, complaint_id, by_id=world.operator, now=at(2026, 10, 22))
        close_complaint(session, complaint_id, by_id=world.lead, now=at(2026, 10, 22))
        assert (c.status, c.closed_at) == (CLOSED, at(2026, 10, 22))
        with pytest.raises(ComplaintInvalid):  # closed: reopen first
            record_reply(
                session, complaint_id, by_id=world.operator, reply="补充", now=at(2026, 10, 23)
            )
        with pytest.raises(ComplaintInvalid) as refused:
            reopen_complaint(
                session, complaint_id, by_id=world.lead, reason=" ", now=at(2026, 10, 23)
            )
        assert refused.value.field == "reason"
        reopen_complaint(
            session,
            complaint_id,
            by_id=world.lead,
            reason="投诉人来电仍有意见",
            now=at(2026, 10, 23),
        )
        assert (c.status, c.closed_at) == (REPLIED, None)
        # A second reply replaces the words but keeps the time of the first one.
        record_reply(
            session, complaint_id, by_id=world.operator, reply="书面答复", now=at(2026, 10, 26)
        )
        assert (c.reply, c.replied_at) == ("书面答复", at(2026, 10, 20))
        uid = c.uid

    with any_db.sessions() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity_uid == uid).order_by(AuditEntry.id)
        ).all()
    assert [e.action for e in entries] == [
        "complaint.register",
        "complaint.first_contact",
        "complaint.reply",
        "complaint.opinion",
        "complaint.close",
        "complaint.reopen",
        "complaint.reply",
    ]
    assert entries[0].actor == f"李晓燕 (#{world.operator})"
    assert entries[4].actor == f"王建国 (#{world.lead})"
    assert entries[5].after["reason"] == "投诉人来电仍有意见"
    assert (entries[-1].before["reply"], entries[-1].after["reply"]) == ("已批评教育", "书面答复")


def test_a_reply_without_a_contact_is_the_first_contact(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        c = register(session, world, at(2026, 11, 2))
        record_reply(session, c.id, by_id=world.operator, reply="已列入计划", now=at(2026, 11, 10))
        assert (c.first_contact_at, c.replied_at, c.status) == (
            at(2026, 11, 10),
            at(2026, 11, 10),
            REPLIED,
        )
        assert c.first_contact_note == "答复时联系投诉人"


def test_a_contact_cannot_come_before_the_complaint(any_db, world: World) -> None:
    with any_db.sessions.begin() as session:
        c = register(session, world, at(2026, 10, 12, 10))
        with pytest.raises(ComplaintInvalid) as refused:
            record_first_contact(
                session,
                c.id,
                by_id=world.operator,
                note="电话",
                at=at(2026, 10, 12, 9),
                now=at(2026, 10, 12, 11),
            )
    assert refused.value.field == "first_contact_at"
