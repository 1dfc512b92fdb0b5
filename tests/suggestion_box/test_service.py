"""The day's check, each slip and where it goes, the talk about criticism, the month's days,
permissions and hostile text (app.suggestion_box)."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from app.complaints.clocks import complaint_list
from app.complaints.registry import CHANNELS, channel_label
from app.roles import NotPermitted
from app.suggestion_box import (
    BOOK,
    BOX,
    CRITICISM,
    PRAISE,
    PROBLEM,
    SuggestionBoxError,
    acknowledge_slip,
    day_view,
    month_checks,
    notice_wednesday,
    notice_week,
    open_criticisms,
    record_check,
    record_slip,
)
from app.sync.checks import domain_rules
from db.database import Database
from db.models import AuditEntry, Commendation, Complaint, SuggestionBoxCheck, SuggestionSlip

from .conftest import World, at

NOW = at(2026, 9, 30, 16)


@pytest.fixture(autouse=True)
def stopped(stop_clock) -> None:
    stop_clock(NOW)


def check(db: Database, w: World, count: int = 0, day=date(2026, 9, 29), source=BOX, **kw) -> int:
    with db.sessions.begin() as session:
        kw.setdefault("by_id", w.operator)
        return record_check(
            session, unit_id=w.binhu, source=source, day=day, slip_count=count, now=NOW, **kw
        ).id


def slip(db: Database, check_id: int, kind: str, content: str, **kw):
    with db.sessions.begin() as session:
        kw.setdefault("by_id", None)
        return record_slip(session, check_id, kind=kind, content=content, now=NOW, **kw)


def test_a_check_with_no_slips_and_its_correction(any_db: Database, world: World):
    first = check(any_db, world, 0, checked_at=time(8, 30), note="箱内无意见")
    again = check(any_db, world, 2, checked_by_id=world.clerk, checked_at=time(9, 0))
    assert first == again
    with any_db.sessions() as session:
        row = session.get_one(SuggestionBoxCheck, first)
        assert (row.slip_count, row.checked_by_id, row.note) == (2, world.clerk, None)
        assert row.checked_at == at(2026, 9, 29, 9, 0)
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "suggestion_box_check")
        ).all()
        assert actions == ["suggestion_box.checked", "suggestion_box.check_changed"]
        view = day_view(session, world.binhu, date(2026, 9, 29), viewer_id=world.operator)
    assert view.check(BOX).slip_count == 2 and view.check(BOX).recorded == 0
    assert view.check(BOOK) is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"day": date(2026, 10, 1)}, "day"),  # tomorrow
        ({"checked_at": time(17)}, "checked_at"),  # later today
        ({"slip_count": -1}, "slip_count"),
        ({"slip_count": 10**9}, "slip_count"),
        ({"slip_count": True}, "slip_count"),
        ({"source": "drawer"}, "source"),
        ({"unit_id": 99999}, "unit_id"),
        ({"checked_by_id": -5}, "checked_by_id"),
        ({"note": "x\x00y"}, "note"),
        ({"note": "长" * 1001}, "note"),
    ],
)
def test_a_check_refused(any_db: Database, world: World, changes, field):
    values = {"unit_id": world.binhu, "source": BOX, "day": NOW.date(), "slip_count": 0}
    values |= changes
    with any_db.sessions.begin() as session:
        with pytest.raises(SuggestionBoxError) as refused:
            record_check(session, **values, by_id=world.operator, now=NOW)
    assert refused.value.field == field and str(refused.value)
    with any_db.sessions() as session:
        assert session.scalars(select(SuggestionBoxCheck)).all() == []


def test_the_checker_is_one_of_the_outlets_staff(any_db: Database, world: World):
    with any_db.sessions.begin() as session, pytest.raises(SuggestionBoxError, match="本网点"):
        record_check(
            session, unit_id=world.binhu, source=BOX, day=NOW.date(), slip_count=0,
            checked_by_id=world.other_clerk, by_id=world.operator, now=NOW,
        )  # fmt: skip


def test_an_auditor_may_not_record(any_db: Database, world: World):
    with any_db.sessions.begin() as session, pytest.raises(NotPermitted):
        record_check(
            session, unit_id=world.binhu, source=BOX, day=NOW.date(), slip_count=0,
            by_id=world.auditor, now=NOW,
        )  # fmt: skip
    check_id = check(any_db, world, 1)
    with any_db.sessions.begin() as session, pytest.raises(NotPermitted):
        record_slip(session, check_id, kind=PROBLEM, content="x", by_id=world.auditor, now=NOW)
    with any_db.sessions() as session:
        assert session.scalars(select(SuggestionSlip)).all() == []


def test_a_problem_is_a_suggestion_record_on_the_board(any_db: Database, world: World):
    check_id = check(any_db, world, 2, checked_at=time(8, 30))
    named = slip(
        any_db, check_id, PROBLEM, "取号机经常卡纸", writer="钱先生", contact="13900001111",
        staff_id=world.clerk, by_id=world.operator,
    )  # fmt: skip
    anonymous = slip(any_db, check_id, PROBLEM, "停车位太少", by_id=world.operator)
    assert named.complaint_number == "JY2026-0001" and anonymous.complaint_number == "JY2026-0002"
    assert not named.count_raised and named.slip_count == 2
    with any_db.sessions() as session:
        rows = complaint_list(session, kind="suggestion", now=NOW)
        assert {row.number for row in rows} == {"JY2026-0001", "JY2026-0002"}
        first = session.get_one(Complaint, named.complaint_id)
        assert (first.kind, first.channel, first.category) == (
            "suggestion",
            "suggestion_box",
            "opinion",
        )
        assert (first.complainant, first.contact, first.staff_id) == (
            "钱先生",
            "13900001111",
            world.clerk,
        )
        assert first.received_at == at(2026, 9, 29, 8, 30)
        assert first.unit_id == world.binhu
        second = session.get_one(Complaint, anonymous.complaint_id)
        assert second.contact is None
        # Answered on the Wednesday notice: no address invented, no first contact to make.
        assert second.address is None and second.first_contact_due is None
        assert second.reply_due is not None
        kept = session.get_one(SuggestionSlip, named.id)
        assert kept.complaint_id == first.id
    assert channel_label("suggestion_book") == "意见簿" and "suggestion_box" in CHANNELS


def test_the_sync_check_accepts_the_new_channels():
    rules = domain_rules()
    for code in ("suggestion_box", "suggestion_book"):
        rules[("complaints", "channel")](code)  # raises Invalid when refused


def test_praise_naming_someone_is_a_commendation(any_db: Database, world: World):
    check_id = check(any_db, world, 2)
    named = slip(
        any_db, check_id, PRAISE, "张伟耐心细致", staff_id=world.clerk, by_id=world.operator
    )
    unnamed = slip(any_db, check_id, PRAISE, "大厅很整洁", by_id=world.operator)
    assert named.commendation_id is not None and unnamed.commendation_id is None
    with any_db.sessions() as session:
        commendation = session.get_one(Commendation, named.commendation_id)
        assert (commendation.source, commendation.slip_id, commendation.staff_id) == (
            "slip", named.id, world.clerk,
        )  # fmt: skip
        assert (commendation.unit_id, commendation.received_on) == (world.binhu, date(2026, 9, 29))
        assert commendation.recorded_by_id == world.operator
        praised = session.get_one(SuggestionSlip, named.id)
        assert praised.acknowledged_at is not None and praised.acknowledgement == "已记为表扬"
        assert session.scalars(select(Commendation)).all() == [commendation]


def test_praise_where_nobody_logs_in(any_db: Database, world: World):
    check_id = check(any_db, world, 1, by_id=None)
    made = slip(any_db, check_id, PRAISE, "服务热情", staff_id=world.clerk, by_id=None)
    with any_db.sessions() as session:
        assert session.get_one(Commendation, made.commendation_id).recorded_by_id is None


def test_criticism_waits_for_the_heads_talk(any_db: Database, world: World):
    check_id = check(any_db, world, 1)
    made = slip(
        any_db, check_id, CRITICISM, "窗口人员态度生硬", staff_id=world.clerk, by_id=world.operator
    )
    assert made.open and made.complaint_id is None and made.commendation_id is None
    with any_db.sessions() as session:
        waiting = open_criticisms(session, world.binhu, viewer_id=world.operator)
    assert [(row.id, row.staff_name) for row in waiting] == [(made.id, "张伟")]
    with any_db.sessions.begin() as session, pytest.raises(NotPermitted):
        acknowledge_slip(session, made.id, text="谈过了", by_id=world.operator, now=NOW)
    with any_db.sessions.begin() as session, pytest.raises(SuggestionBoxError):
        acknowledge_slip(session, made.id, text="  ", by_id=world.lead, now=NOW)
    with any_db.sessions.begin() as session:
        acknowledge_slip(
            session, made.id, text="已与张伟谈话，提醒文明用语", by_id=world.lead, now=NOW
        )
    with any_db.sessions.begin() as session, pytest.raises(SuggestionBoxError, match="已记录"):
        acknowledge_slip(session, made.id, text="again", by_id=world.lead, now=NOW)
    with any_db.sessions() as session:
        assert open_criticisms(session, viewer_id=world.operator) == []
        done = session.get_one(SuggestionSlip, made.id)
        assert (done.acknowledged_by_id, done.acknowledged_at) == (world.lead, NOW)
        assert done.acknowledgement == "已与张伟谈话，提醒文明用语"


def test_only_criticism_is_talked_over(any_db: Database, world: World):
    check_id = check(any_db, world, 1)
    made = slip(any_db, check_id, PROBLEM, "排队太久", by_id=world.operator)
    with any_db.sessions.begin() as session, pytest.raises(SuggestionBoxError):
        acknowledge_slip(session, made.id, text="x", by_id=world.lead, now=NOW)


def test_the_count_follows_the_slips(any_db: Database, world: World):
    check_id = check(any_db, world, 1)
    first = slip(any_db, check_id, PRAISE, "好", by_id=world.operator)
    assert (first.slip_count, first.count_raised) == (1, False)
    second = slip(any_db, check_id, PRAISE, "很好", by_id=world.operator)
    assert (second.slip_count, second.count_raised) == (2, True)
    with any_db.sessions.begin() as session, pytest.raises(SuggestionBoxError, match="2"):
        record_check(
            session, unit_id=world.binhu, source=BOX, day=date(2026, 9, 29), slip_count=1,
            by_id=world.operator, now=NOW,
        )  # fmt: skip
    with any_db.sessions() as session:
        assert session.get_one(SuggestionBoxCheck, check_id).slip_count == 2
        view = day_view(session, world.binhu, date(2026, 9, 29), viewer_id=world.operator)
    assert view.check(BOX).recorded == view.check(BOX).slip_count == 2
    assert [row.content for row in view.slips] == ["好", "很好"]


@pytest.mark.parametrize(
    ("kind", "content", "extra", "field"),
    [
        ("problem", "   ", {}, "content"),
        ("problem", "a\x00b", {}, "content"),
        ("problem", "\ud800", {}, "content"),
        ("problem", "长" * 2001, {}, "content"),
        ("riddle", "x", {}, "kind"),
        ("praise", "x", {"writer": "名" * 101}, "writer"),
        ("praise", "x", {"contact": "1" * 101}, "contact"),
        ("praise", "x", {"staff_id": "1"}, "staff_id"),
    ],
)
def test_a_slip_refused_leaves_nothing(any_db: Database, world: World, kind, content, extra, field):
    check_id = check(any_db, world, 0)
    with any_db.sessions.begin() as session, pytest.raises(SuggestionBoxError) as refused:
        record_slip(
            session, check_id, kind=kind, content=content, by_id=world.operator, now=NOW, **extra
        )
    assert refused.value.field == field
    with any_db.sessions() as session:
        assert session.scalars(select(SuggestionSlip)).all() == []
        assert session.scalars(select(Complaint)).all() == []
        assert session.get_one(SuggestionBoxCheck, check_id).slip_count == 0


def test_staff_of_another_outlet_cannot_be_named(any_db: Database, world: World):
    check_id = check(any_db, world, 1)
    with any_db.sessions.begin() as session, pytest.raises(SuggestionBoxError):
        record_slip(
            session, check_id, kind=CRITICISM, content="x", staff_id=world.other_clerk,
            by_id=world.operator, now=NOW,
        )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "'; DROP TABLE suggestion_slips; --",
        "<b>粗体</b> & <script>",
        "\u202egpj.exe",
        "😀" * 300,
        "第一行\n第二行",
        "{0}%s%n",
    ],
)
def test_hostile_text_is_kept_as_written(any_db: Database, world: World, text):
    check_id = check(any_db, world, 0)
    made = slip(any_db, check_id, PROBLEM, text, writer=text[:100], by_id=world.operator)
    with any_db.sessions() as session:
        assert session.get_one(SuggestionSlip, made.id).content == text.strip()
        assert session.get_one(Complaint, made.complaint_id).content == text.strip()


def test_the_month_shows_checked_and_missed_days(any_db: Database, world: World):
    for day, source in [
        (date(2026, 9, 28), BOX),
        (date(2026, 9, 28), BOOK),
        (date(2026, 9, 29), BOOK),
        (date(2026, 9, 27), BOX),  # a Sunday checked anyway
    ]:
        check(any_db, world, 0, day=day, source=source)
    with any_db.sessions() as session:
        days = month_checks(
            session, world.binhu, 2026, 9, viewer_id=world.operator, today=date(2026, 9, 30)
        )
        october = month_checks(
            session, world.binhu, 2026, 10, viewer_id=world.operator, today=date(2026, 9, 30)
        )
    by_day = {d.day: d for d in days}
    assert len(days) == 30
    assert (by_day[date(2026, 9, 28)].box, by_day[date(2026, 9, 28)].book) == (True, True)
    assert by_day[date(2026, 9, 29)].book and not by_day[date(2026, 9, 29)].missed
    assert by_day[date(2026, 9, 27)].box and not by_day[date(2026, 9, 27)].working
    assert not by_day[date(2026, 9, 26)].missed  # Saturday
    assert by_day[date(2026, 9, 30)].missed  # today, a working day, nothing yet
    # By hand: September's weekdays but Fri 25 (中秋节), with Sun 20 (调休), less 28 and 29:
    missed = [d.day.day for d in days if d.missed]
    assert missed == [1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 20, 21, 22, 23, 24, 30]
    assert not any(d.missed for d in october)  # all still to come
    assert [d.day.day for d in october if d.working][:2] == [8, 9]  # after National Day


def test_the_notice_week():
    assert notice_wednesday(date(2026, 9, 30)) == date(2026, 9, 30)
    assert notice_wednesday(date(2026, 10, 1)) == date(2026, 10, 7)
    assert notice_wednesday(date(2026, 9, 28)) == date(2026, 9, 30)
    assert notice_week(date(2026, 9, 30)) == (date(2026, 9, 23), date(2026, 9, 29))
