"""Praise from every channel counts for the person named; twice is refused; who may do what; the
staff assessment's commendations and criticism; the year's list of exemplary staff and cases —
on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from app.commendations import (
    CONTENT_LIMIT,
    CommendationError,
    commendations,
    exemplary_list,
    praise_revisit,
    record_commendation,
    record_other,
    set_exemplary,
    thank_for_complaint,
)
from app.printing.exemplary_list import export_exemplary_list
from app.reports.staff_assessment import (
    COMMENDATION,
    CRITICISM,
    assessed_people,
    praise_entries,
    staff_assessment,
    staff_praise,
)
from app.roles import NotPermitted
from app.staff import active_member
from db.database import Database
from db.models import AuditEntry, Commendation, Complaint, SuggestionBoxCheck, SuggestionSlip
from tests.complaints.conftest import World, at

from .conftest import add_revisit

SEP = date(2026, 9, 10)


def member(session, staff_id):
    return active_member(session, staff_id)


def add_complaint(database: Database, world: World, *, staff_id=None, number="TS-100") -> int:
    with database.sessions.begin() as session:
        complaint = Complaint(
            number=number,
            case_id=world.case,
            unit_id=world.binhu,
            staff_id=staff_id,
            kind="complaint",
            channel="phone",
            received_at=at(2026, 9, 1),
            complainant="赵志强",
            contact="13951234567",
            content="等了很久",
        )
        session.add(complaint)
        session.flush()
        return complaint.id


def add_slip(database: Database, world: World, kind: str, staff_id: int, day: date) -> int:
    with database.sessions.begin() as session:
        check = session.scalar(
            select(SuggestionBoxCheck).where(SuggestionBoxCheck.checked_on == day)
        )
        if check is None:
            check = SuggestionBoxCheck(
                unit_id=world.binhu,
                source="box",
                checked_on=day,
                checked_at=at(day.year, day.month, day.day, 9),
                slip_count=1,
            )
            session.add(check)
            session.flush()
        slip = SuggestionSlip(
            check_id=check.id,
            unit_id=world.binhu,
            kind=kind,
            content=f"{kind} 的意见条",
            staff_id=staff_id,
        )
        session.add(slip)
        session.flush()
        return slip.id


def test_a_revisit_marked_as_praise_goes_to_the_cases_handler_once(any_db, world):
    evaluation_id = add_revisit(any_db, world, "张伟办事很耐心，表扬！", SEP)
    with any_db.sessions.begin() as session:
        made = praise_revisit(session, evaluation_id, by_id=world.operator)
        assert (made.source, made.staff_id, made.case_id, made.unit_id) == (
            "revisit",
            world.handler,
            world.case,
            world.binhu,
        )
        assert made.call_attempt_id is not None
        assert made.received_on == SEP
        assert made.content == "张伟办事很耐心，表扬！"
        assert made.exemplary is False
        entry = session.scalar(
            select(AuditEntry).where(AuditEntry.action == "commendation.recorded")
        )
        assert entry is not None and entry.actor.startswith("李晓燕")
    with pytest.raises(CommendationError, match="这次回访的表扬已经记录过（2026-09-10）"):
        with any_db.sessions.begin() as session:
            praise_revisit(session, evaluation_id, by_id=world.operator)
    with any_db.sessions() as session:
        assert session.query(Commendation).count() == 1


def test_a_revisit_without_words_or_call_is_refused(any_db, world):
    evaluation_id = add_revisit(any_db, world, None, SEP)
    with pytest.raises(CommendationError, match="建议"):
        with any_db.sessions.begin() as session:
            praise_revisit(session, evaluation_id, by_id=world.operator)
    with pytest.raises(CommendationError, match="找不到"):
        with any_db.sessions.begin() as session:
            praise_revisit(session, 999_999, by_id=world.operator)


def test_a_complaint_closed_with_thanks(any_db, world):
    unnamed = add_complaint(any_db, world)
    named = add_complaint(any_db, world, staff_id=world.other_handler, number="TS-101")
    with any_db.sessions.begin() as session:
        # Nobody chosen: the person the file names, else its case's handler.
        first = thank_for_complaint(
            session, unnamed, by_id=world.lead, content="感谢张伟", received_on=SEP
        )
        second = thank_for_complaint(
            session, named, by_id=world.lead, content="感谢陈静", received_on=SEP
        )
        assert (first.staff_id, first.complaint_id, first.source) == (
            world.handler,
            unnamed,
            "complaint",
        )
        assert second.staff_id == world.other_handler
    with pytest.raises(CommendationError, match="这件投诉的表扬已经记录过"):
        with any_db.sessions.begin() as session:
            thank_for_complaint(
                session,
                named,
                by_id=world.lead,
                content="又谢",
                received_on=SEP,
                staff_id=world.handler,
            )


def test_a_slip_is_recorded_once(any_db, world):
    slip_id = add_slip(any_db, world, "praise", world.handler, SEP)
    with any_db.sessions.begin() as session:
        record_commendation(
            session,
            member(session, world.operator),
            source="slip",
            content="表扬张伟",
            received_on=SEP,
            staff_id=world.handler,
            slip_id=slip_id,
        )
    with pytest.raises(CommendationError, match="这张意见条的表扬已经记录过"):
        with any_db.sessions.begin() as session:
            record_commendation(
                session,
                member(session, world.operator),
                source="slip",
                content="表扬张伟",
                received_on=SEP,
                staff_id=world.handler,
                slip_id=slip_id,
            )


@pytest.mark.parametrize(
    ("content", "case_no", "message"),
    [
        ("", None, "请填写表扬的内容"),
        ("   \n ", None, "请填写表扬的内容"),
        ("好" * (CONTENT_LIMIT + 1), None, f"不能超过 {CONTENT_LIMIT} 字"),
        ("a\x00b", None, "无效字符"),
        ("锦旗一面", "'; DROP TABLE cases; --", "找不到业务编号"),
        ("锦旗一面", "X" * 5000, "找不到业务编号"),
    ],
)
def test_hostile_input_by_hand_is_refused_and_nothing_kept(
    any_db, world, content, case_no, message
):
    with pytest.raises(CommendationError, match=message):
        with any_db.sessions.begin() as session:
            record_other(
                session,
                by_id=world.operator,
                staff_id=world.handler,
                content=content,
                received_on=SEP,
                case_no=case_no,
            )
    with any_db.sessions() as session:
        assert session.query(Commendation).count() == 0
        assert session.query(AuditEntry).filter_by(action="commendation.recorded").count() == 0


def test_by_hand_with_a_case_and_a_hostile_name_kept_as_text(any_db, world):
    with any_db.sessions.begin() as session:
        made = record_other(
            session,
            by_id=world.operator,
            staff_id=world.handler,
            content='=HYPERLINK("http://x") 锦旗',
            received_on=SEP,
            case_no=world.case_no,
        )
        assert (made.source, made.case_id, made.unit_id) == ("other", world.case, world.binhu)


def test_who_may_record_and_mark_exemplary(any_db, world):
    with pytest.raises(NotPermitted):
        with any_db.sessions.begin() as session:
            record_other(
                session, by_id=world.auditor, staff_id=world.handler, content="x", received_on=SEP
            )
    with any_db.sessions.begin() as session:
        made_id = record_other(
            session, by_id=world.operator, staff_id=world.handler, content="锦旗", received_on=SEP
        ).id
    with pytest.raises(NotPermitted):
        with any_db.sessions.begin() as session:
            set_exemplary(session, made_id, True, by_id=world.operator)
    with any_db.sessions.begin() as session:
        set_exemplary(session, made_id, True, by_id=world.lead)
    with any_db.sessions.begin() as session:
        assert session.get(Commendation, made_id).exemplary is True
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "commendation")
        ).all()
        assert "commendation.exemplary" in actions
        set_exemplary(session, made_id, False, by_id=world.lead)
    with any_db.sessions() as session:
        assert session.get(Commendation, made_id).exemplary is False
        assert session.query(AuditEntry).filter_by(action="commendation.not_exemplary").count() == 1


def seed_quarter(database: Database, world: World) -> None:
    """Hand-worked: Q3 2026 张伟 praised twice (a revisit on 10 Sep, by hand on 30 Sep) and once
    in Q4 (1 Oct, not counted); 陈静 criticised on a slip checked 15 Sep, praised on another
    (a praise slip is not criticism); a criticism slip of 2 Oct is Q4."""
    praise_revisit_id = add_revisit(database, world, "表扬张伟", SEP)
    with database.sessions.begin() as session:
        praise_revisit(session, praise_revisit_id, by_id=world.operator)
        for day, text in ((date(2026, 9, 30), "感谢信"), (date(2026, 10, 1), "锦旗")):
            record_other(
                session, by_id=world.operator, staff_id=world.handler, content=text, received_on=day
            )
    add_slip(database, world, "criticism", world.other_handler, date(2026, 9, 15))
    add_slip(database, world, "praise", world.other_handler, date(2026, 9, 15))
    add_slip(database, world, "criticism", world.other_handler, date(2026, 10, 2))


def test_the_staff_assessment_shows_praise_and_criticism_beside(any_db, world):
    seed_quarter(any_db, world)
    with any_db.sessions() as session:
        assessment = staff_assessment(session, 2026, 3)
        praise = staff_praise(session, 2026, 3)
        lines = assessed_people(assessment, praise)
        zhang = praise_entries(session, 2026, 3, staff_id=world.handler)
        chen = praise_entries(session, 2026, 3, staff_id=world.other_handler)
    assert assessment.staff == []  # the existing figures are unchanged: no work orders here
    assert [
        (
            line.figures.name,
            line.figures.rank,
            line.figures.total,
            line.commendations,
            line.criticisms,
        )
        for line in lines
    ] == [("张伟", 1, 0, 2, 0), ("陈静", 1, 0, 0, 1)]
    assert [(e.kind, e.on, e.source, e.case_no, e.content) for e in zhang] == [
        (COMMENDATION, SEP, "revisit", world.case_no, "表扬张伟"),
        (COMMENDATION, date(2026, 9, 30), "other", None, "感谢信"),
    ]
    assert [(e.kind, e.on, e.content) for e in chen] == [
        (CRITICISM, date(2026, 9, 15), "criticism 的意见条")
    ]
    with any_db.sessions() as session:
        q4 = staff_praise(session, 2026, 4)
    assert {p.name: (p.commendations, p.criticisms) for p in q4.values()} == {
        "张伟": (1, 0),
        "陈静": (0, 1),
    }


def test_the_staff_assessment_praise_is_for_those_who_see_it(any_db, world):
    with pytest.raises(NotPermitted):
        with any_db.sessions() as session:
            staff_praise(session, 2026, 3, viewer_id=world.operator)
    with any_db.sessions() as session:
        assert staff_praise(session, 2026, 3, viewer_id=world.auditor) == {}


def seed_year(database: Database, world: World) -> None:
    """张伟 twice (one revisit on the case), 陈静 once but exemplary: 陈静 first."""
    evaluation_id = add_revisit(database, world, "张伟很好，电话 13951234567", SEP)
    with database.sessions.begin() as session:
        praise_revisit(session, evaluation_id, by_id=world.operator)
        record_other(
            session, by_id=world.operator, staff_id=world.handler, content="感谢信", received_on=SEP
        )
        chen = record_other(
            session,
            by_id=world.operator,
            staff_id=world.other_handler,
            content="锦旗：热情服务",
            received_on=date(2026, 3, 2),
            case_no=world.case_no,
        )
        record_other(  # another year
            session,
            by_id=world.operator,
            staff_id=world.handler,
            content="旧",
            received_on=date(2025, 5, 1),
        )
        set_exemplary(session, chen.id, True, by_id=world.lead)


def test_the_yearly_list_exemplary_first(any_db, world):
    seed_year(any_db, world)
    with any_db.sessions() as session:
        listing = exemplary_list(session, 2026, viewer_id=world.lead)
        rows = commendations(
            session, viewer_id=world.operator, start=date(2026, 1, 1), end=date(2026, 12, 31)
        )
    assert [(p.name, p.commendations, p.exemplary, p.case_nos) for p in listing.people] == [
        ("陈静", 1, 1, (world.case_no,)),
        ("张伟", 2, 0, (world.case_no,)),
    ]
    assert [(c.staff, c.exemplary) for c in listing.cases] == [("陈静", True), ("张伟", False)]
    assert "13951234567" not in listing.cases[1].content  # masked: the list is public
    assert [r.content for r in rows][0] == "锦旗：热情服务"
    assert len(rows) == 3


def test_the_yearly_list_printed_and_in_excel(any_db, world, tmp_path):
    seed_year(any_db, world)
    pdf = tmp_path / "list.pdf"
    xlsx = tmp_path / "list.xlsx"
    with any_db.sessions.begin() as session:
        export_exemplary_list(session, 2026, pdf, by_id=world.lead, form="pdf")
        export_exemplary_list(session, 2026, xlsx, by_id=world.lead, form="xlsx")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "2026年度回访工作先进模范人物和典型事例" in text
    assert text.index("★陈静") < text.index("张伟")
    assert "全年受表扬 3 次" in text
    for private in ("赵志强", "13951234567"):
        assert private not in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    chinese = [line for line in fonts.splitlines()[2:] if "Helvetica" not in line]
    assert chinese and all(" yes " in line for line in chinese)  # the Chinese font embedded
    book = CalamineWorkbook.from_path(str(xlsx))
    assert book.sheet_names == ["先进模范人物", "典型事例"]
    people = book.get_sheet_by_name("先进模范人物").to_python()
    assert people[2][:4] == ["序号", "姓名", "所属网点", "受表扬次数"]
    assert [row[1] for row in people[3:]] == ["★陈静", "张伟"]
    with any_db.sessions() as session:
        exports = session.scalars(
            select(AuditEntry.after).where(AuditEntry.action == "data.export")
        ).all()
    assert [(e["what"], e["format"]) for e in exports] == [
        ("exemplary_list", "pdf"),
        ("exemplary_list", "xlsx"),
    ]
