"""The board: the active items only, ages and deadlines in working days across the 2026 National
Day holiday and its make-up Saturday (Oct 1–7 off, Sat Oct 10 worked), filters, order, export."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import event, select

from app.callbacks.board import (
    CALLBACK,
    COMPLAINT,
    NOBODY,
    BoardFilter,
    board_choices,
    board_rows,
    owner_key,
    write_board_xlsx,
)
from app.callbacks.opening import open_for_first_evaluations
from app.callbacks.tasks import assign, resolve
from app.desk.calls import FormAAnswers
from app.ratings import Rating
from app.roles import Role
from db.models import CallbackTask

from . import helpers as h

TODAY = date(2026, 10, 13)  # a Tuesday, after the holiday


@pytest.fixture
def board(any_db):
    """T1 opened before the holiday (due Mon Oct 12: overdue), a complaint whose first contact
    was due Oct 12 (overdue), T2 due Oct 15, T3 at another unit due Oct 20; and a resolved task
    and a closed complaint that the board never shows."""
    with any_db.sessions.begin() as session:
        people = h.people(session)
        lixia, shizhong = h.unit(session, "历下区登记中心"), h.unit(session, "市中区登记中心")
        ids = {
            "T1": h.callback(
                session, lixia, "LX-1", h.local(2026, 9, 29), words="办了三次才办完" * 10
            ),
            "T2": h.callback(
                session, lixia, "LX-2", h.local(2026, 10, 9), reason="efficiency", words="太慢"
            ),
            "T3": h.callback(session, shizhong, "SZ-1", h.local(2026, 10, 13)),
            "C1": h.complaint(session, shizhong, h.local(2026, 10, 9), number="TS-001").id,
            "done": h.callback(session, shizhong, "SZ-2", h.local(2026, 10, 9)),
        }
        h.complaint(session, shizhong, h.local(2026, 10, 9), number="TS-002", status="closed")
        assign(session, [ids["T2"]], by_id=people.lead, staff_id=people.wang)
        resolve(
            session,
            ids["done"],
            by_id=people.lead,
            explanation="已解释",
            answers=FormAAnswers(
                Rating.SATISFIED, Rating.SATISFIED, Rating.SATISFIED, Rating.SATISFIED, False
            ),
        )
    return any_db, people, ids, (lixia.id, shizhong.id)


def keys(rows):
    return [(row.kind, row.id) for row in rows]


def test_deadlines_and_ages_count_working_days_across_the_holiday(board):
    database, _, ids, _ = board
    with database.sessions() as session:
        t1 = session.get(CallbackTask, ids["T1"])
        # Sep 30, Oct 8, Oct 9, Sat Oct 10 (make-up day), Mon Oct 12: five working days.
        assert t1.due_on == date(2026, 10, 12)
        rows = {(row.kind, row.id): row for row in board_rows(session, today=TODAY)}
    t1, t2 = rows[(CALLBACK, ids["T1"])], rows[(CALLBACK, ids["T2"])]
    c1, t3 = rows[(COMPLAINT, ids["C1"])], rows[(CALLBACK, ids["T3"])]
    # Sep 30, Oct 8, 9, 10 (Saturday, worked), 12, 13.
    assert (t1.age, t1.deadline, t1.days_left, t1.overdue) == (6, date(2026, 10, 12), -1, True)
    # Oct 10, 12, 13 gone; Oct 14, 15 left.
    assert (t2.age, t2.deadline, t2.days_left, t2.overdue) == (3, date(2026, 10, 15), 2, False)
    # The complaint's first contact: two working days after Fri Oct 9 is Mon Oct 12, not Tue.
    assert (c1.deadline, c1.deadline_label, c1.days_left, c1.overdue) == (
        date(2026, 10, 12),
        "首次联系",
        -1,
        True,
    )
    assert (t3.age, t3.deadline, t3.days_left) == (0, date(2026, 10, 20), 5)
    assert not any(row.calendar_missing for row in rows.values())


def test_late_on_the_weekend_after_the_deadline(any_db):
    """Opened on the make-up Saturday, due Friday Oct 16: on Saturday it is a day late."""
    with any_db.sessions.begin() as session:
        task_id = h.callback(
            session, h.unit(session, "历下区登记中心"), "LX-1", h.local(2026, 10, 10)
        )
    with any_db.sessions() as session:
        (friday,) = board_rows(session, today=date(2026, 10, 16))
        (saturday,) = board_rows(session, today=date(2026, 10, 17))
    assert friday.id == task_id and friday.deadline == date(2026, 10, 16)
    assert (friday.days_left, friday.overdue) == (0, False)
    assert (saturday.days_left, saturday.overdue, saturday.age) == (-1, True, 5)


def test_only_unresolved_items_overdue_first_then_nearest_deadline(board):
    database, _, ids, _ = board
    with database.sessions() as session:
        rows = board_rows(session, today=TODAY)
    # T1 and C1 are both a day late: the older first.
    assert keys(rows) == [
        (CALLBACK, ids["T1"]),
        (COMPLAINT, ids["C1"]),
        (CALLBACK, ids["T2"]),
        (CALLBACK, ids["T3"]),
    ]
    t1, c1, t2 = rows[0], rows[1], rows[2]
    assert (t1.case_no, t1.unit, t1.reason_label, t1.owner, t1.status_label) == (
        "LX-1",
        "历下区登记中心",
        "服务态度差",
        "未分派",
        "待分派",
    )
    assert t1.words.endswith("…") and len(t1.words) == 60
    assert (t2.owner, t2.status_label, t2.reason_label) == ("王芳", "已分派", "办事效率慢")
    assert (c1.kind_label, c1.reference, c1.reason_label, c1.status_label) == (
        "投诉",
        "TS-001",
        "立案处理类",
        "待联系",
    )
    assert c1.words == "办证窗口排队两小时无人引导"


def test_filters(board):
    database, people, ids, (lixia, shizhong) = board

    def shown(**filters):
        with database.sessions() as session:
            return keys(board_rows(session, BoardFilter(**filters), today=TODAY))

    assert shown(unit_id=shizhong) == [(COMPLAINT, ids["C1"]), (CALLBACK, ids["T3"])]
    assert shown(reason="efficiency") == [(CALLBACK, ids["T2"])]
    assert shown(reason="filed") == [(COMPLAINT, ids["C1"])]
    assert shown(min_age=4) == [(CALLBACK, ids["T1"])]
    assert shown(min_age=3) == [
        (CALLBACK, ids["T1"]),
        (COMPLAINT, ids["C1"]),
        (CALLBACK, ids["T2"]),
    ]
    assert shown(owner=owner_key("staff", people.wang)) == [(CALLBACK, ids["T2"])]
    assert shown(owner=owner_key("staff", people.li)) == []
    assert shown(owner=NOBODY) == [
        (CALLBACK, ids["T1"]),
        (COMPLAINT, ids["C1"]),
        (CALLBACK, ids["T3"]),
    ]
    assert shown(kind=COMPLAINT) == [(COMPLAINT, ids["C1"])]
    assert shown(kind=CALLBACK, unit_id=lixia, min_age=4) == [(CALLBACK, ids["T1"])]
    with database.sessions() as session:
        choices = board_choices(session)
    assert choices.owners == [(NOBODY, "未分派"), (owner_key("staff", people.wang), "王芳")]
    assert [name for _, name in choices.units] == ["历下区登记中心", "市中区登记中心"]
    assert ("attitude", "服务态度差") in choices.reasons
    assert ("coordination", "现场协调类") in choices.reasons


def test_a_unit_owner_and_its_filter(board):
    database, people, ids, (lixia, shizhong) = board
    with database.sessions.begin() as session:
        assign(session, [ids["T3"]], by_id=people.lead, unit_id=shizhong)
    with database.sessions() as session:
        rows = board_rows(session, BoardFilter(owner=owner_key("unit", shizhong)), today=TODAY)
        choices = board_choices(session)
    assert keys(rows) == [(CALLBACK, ids["T3"])]
    assert rows[0].owner == "市中区登记中心"
    assert (owner_key("unit", shizhong), "市中区登记中心") in choices.owners


def test_the_board_reads_in_a_fixed_number_of_queries(any_db):
    """Two statements per kind of item however many rows: no query per row."""

    def statements_for(count: int) -> int:
        with any_db.sessions.begin() as session:
            owner = h.unit(session, f"单位{count}")
            for number in range(count):
                h.callback(session, owner, f"Q{count}-{number}", h.local(2026, 10, 9))
                h.complaint(session, owner, h.local(2026, 10, 9))
        seen = []
        engine = any_db.engine

        def count_statement(*_args) -> None:
            seen.append(1)

        event.listen(engine, "before_cursor_execute", count_statement)
        try:
            with any_db.sessions() as session:
                rows = board_rows(session, today=TODAY)
        finally:
            event.remove(engine, "before_cursor_execute", count_statement)
        assert len(rows) >= 2 * count
        return len(seen)

    assert statements_for(2) == statements_for(12)


def test_words_that_may_describe_a_breach_are_for_team_leads(any_db):
    """The evaluation that opened the callback also answered 有: its words are the lead's."""
    with any_db.sessions.begin() as session:
        owner = h.unit(session, "历下区登记中心")
        case_ = h.case(session, owner, "LX-8", date(2026, 10, 9))
        evaluation = h.first_evaluation(
            session, case_, h.local(2026, 10, 9), words="经办人暗示送礼", integrity=True
        )
        open_for_first_evaluations(session, [case_.id], h.local(2026, 10, 9))
    with any_db.sessions() as session:
        (lead,) = board_rows(session, today=TODAY, role=Role.TEAM_LEAD)
        (operator,) = board_rows(session, today=TODAY, role=Role.OPERATOR)
        (nobody,) = board_rows(session, today=TODAY)
    assert lead.words == "经办人暗示送礼" and evaluation.id
    assert operator.words == nobody.words == "（涉及廉洁纪律反映，仅组长、管理员可见）"


def test_a_year_missing_from_the_calendar_shows_instead_of_failing(any_db):
    """2027's holidays are not published yet: the board lists the task, its age unknown."""
    with any_db.sessions.begin() as session:
        owner = h.unit(session, "历下区登记中心")
        task_id = h.callback(session, owner, "LX-9", h.local(2026, 12, 30))
        assert session.get(CallbackTask, task_id).due_on is None  # 5 working days reach 2027
    with any_db.sessions() as session:
        (row,) = board_rows(session, today=date(2027, 1, 6))
    assert (row.id, row.age, row.deadline, row.days_left) == (task_id, None, None, None)
    assert row.calendar_missing and not row.overdue


def test_export_of_the_rows_shown(board, tmp_path):
    database, _, ids, (_, shizhong) = board
    with database.sessions() as session:
        rows = board_rows(session, BoardFilter(unit_id=shizhong), today=TODAY)
    path = tmp_path / "督办看板.xlsx"
    write_board_xlsx(
        rows, path, generated_at=h.local(2026, 10, 13, 9), filters_text="市中区登记中心"
    )
    sheet = openpyxl.load_workbook(path).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0].startswith("督办看板")
    assert "共 2 项" in values[1][0] and "市中区登记中心" in values[1][0]
    header = values[3]
    assert header[:4] == ["类型", "编号", "业务编号", "受理单位"] and header[-1] == "反映内容"
    complaint, task = values[4], values[5]
    assert complaint[:5] == ["投诉", "TS-001", None, "市中区登记中心", "立案处理类"]
    assert complaint[8:13] == [3, sheet.cell(5, 10).value, "首次联系", -1, "是"]
    assert sheet.cell(5, 10).value.date() == date(2026, 10, 12)
    assert task[1:3] == ["SZ-1", "SZ-1"] and task[11] == 5 and task[12] == "否"
    assert sheet.cell(5, 1).font.color.rgb.endswith("C00000")  # overdue in red
    assert sheet.cell(6, 1).font.color.type == "theme"  # the usual black
    assert len(values) == 6


def test_export_says_when_the_calendar_is_missing(any_db, tmp_path):
    with any_db.sessions.begin() as session:
        h.callback(session, h.unit(session, "历下区登记中心"), "LX-9", h.local(2026, 12, 30))
    with any_db.sessions() as session:
        rows = board_rows(session, today=date(2027, 1, 6))
    path = tmp_path / "board.xlsx"
    write_board_xlsx(rows, path, generated_at=h.local(2027, 1, 6))
    row = [cell.value for cell in openpyxl.load_workbook(path).active[5]]
    assert row[8] == "日历未录入" and row[11] == "日历未录入"


def test_resolved_tasks_leave_the_board(board):
    database, people, ids, _ = board
    with database.sessions.begin() as session:
        resolve(
            session,
            ids["T1"],
            by_id=people.wang,
            explanation="已向申请人道歉并说明",
            answers=FormAAnswers(
                Rating.SATISFIED, Rating.SATISFIED, Rating.SATISFIED, Rating.SATISFIED, False
            ),
        )
    with database.sessions() as session:
        shown = keys(board_rows(session, today=TODAY))
        assert (CALLBACK, ids["T1"]) not in shown
        assert session.scalar(select(CallbackTask.status).where(CallbackTask.id == ids["T1"])) == (
            "resolved"
        )
