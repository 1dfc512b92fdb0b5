"""Each accepting unit's suggestions, complaints and dissatisfied callbacks, with what was done
(J 5.4.4): on SQLite and PostgreSQL, as Excel, and from the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from app.reports.feedback_xlsx import SUMMARY_SHEET, sheet_name, write_feedback_xlsx
from app.reports.unit_feedback import (
    COMPLAINT,
    DISSATISFIED,
    FORWARDED,
    NO_UNIT,
    REGISTERED_SUGGESTION,
    SUGGESTION,
    FeedbackReport,
    UnknownUnit,
    period_text,
    quarter_feedback,
    unit_feedback,
)
from cli import main
from db.database import Database
from db.models import CallbackTask, Case, Evaluation

from .feedback_data import CITY_HALL, HUAIYIN, LIXIA, TIANQIAO, at, seed_quarter


@pytest.fixture
def quarter(any_db: Database) -> Database:
    seed_quarter(any_db)
    return any_db


def q3(database: Database, unit: str | None = None) -> FeedbackReport:
    with database.sessions() as session:
        return quarter_feedback(session, 2026, 3, unit=unit)


def by_unit(report: FeedbackReport):
    return {unit.unit: unit for unit in report.units}


def read_sheets(path: Path) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_every_unit_gets_its_own_counts_and_the_unrouted_are_listed_apart(quarter):
    report = q3(quarter)
    assert (report.start, report.end, report.period) == (
        date(2026, 7, 1),
        date(2026, 9, 30),
        "2026年第三季度",
    )
    # Every active unit, the quiet one too; a complaint naming no unit and no case comes last.
    assert [u.unit for u in report.units] == sorted([LIXIA, HUAIYIN, CITY_HALL, TIANQIAO]) + [
        NO_UNIT
    ]
    units = by_unit(report)
    counts = {
        name: (u.suggestions, u.complaints, u.registered_suggestions, u.dissatisfied, u.pending)
        for name, u in units.items()
    }
    assert counts == {
        LIXIA: (3, 0, 1, 2, 2),
        HUAIYIN: (0, 1, 0, 1, 1),
        CITY_HALL: (0, 1, 0, 0, 1),  # TS-002 names no unit: it goes to its case's unit
        TIANQIAO: (0, 0, 0, 0, 0),
        NO_UNIT: (0, 1, 0, 0, 1),
    }
    assert units[LIXIA].district == "历下区"
    assert units[LIXIA].total == 6


def test_each_entry_says_what_was_done(quarter):
    lixia = by_unit(q3(quarter))[LIXIA]
    rows = [
        (e.source, e.on, e.case_no, e.channel, e.content, e.status, e.action, e.pending)
        for e in lixia.entries
    ]
    resolved = "已向申请人解释高峰期原因，并增开一个取号窗口"
    assert rows == [
        # A suggestion on a case with a callback shows the callback's outcome.
        (
            SUGGESTION,
            date(2026, 7, 12),
            "LX-0001",
            "扫码评价",
            "窗口排队时间太长，建议增加取号窗口",
            "已解决",
            resolved,
            False,
        ),
        (
            DISSATISFIED,
            date(2026, 7, 12),
            "LX-0001",
            "扫码评价",
            "排队两个小时",
            "已解决",
            resolved,
            False,
        ),
        # Any round: the second-round answers' suggestion too.
        (
            SUGGESTION,
            date(2026, 7, 20),
            "LX-0001",
            "电话回访（二次回访）",
            "希望以后不要再让我跑两趟",
            "已解决",
            resolved,
            False,
        ),
        # No callback: it has been passed to the unit.
        (
            SUGGESTION,
            date(2026, 7, 28),
            "LX-0002",
            "电话回访",
            "希望大厅能提供停车位",
            FORWARDED,
            "",
            False,
        ),
        # A callback still under way shows its latest contact.
        (
            DISSATISFIED,
            date(2026, 8, 6),
            "LX-0003",
            "好差评平台",
            "窗口人员态度不好",
            "已联系",
            "已电话联系，申请人同意等待单位负责人上门说明",
            True,
        ),
        (
            REGISTERED_SUGGESTION,
            date(2026, 8, 20),
            "LX-0002",
            "网上",
            "建议周末延时服务",
            "待处理",
            "",
            True,
        ),
    ]
    assert lixia.entries[1].category == "办事效率慢"
    assert lixia.entries[1].staff == "张晓燕"
    assert lixia.entries[1].what_was_done == f"已解决：{resolved}"
    assert lixia.entries[3].what_was_done == FORWARDED
    assert lixia.entries[5].reference == "JY-001"

    (complaint, callback) = by_unit(q3(quarter))[HUAIYIN].entries
    assert (complaint.source, complaint.reference, complaint.category) == (
        COMPLAINT,
        "TS-001",
        "现场协调类",
    )
    assert (complaint.status, complaint.action, complaint.pending) == (
        "已办结",
        "已约谈当事人并向投诉人致歉",
        False,
    )
    assert (callback.status, callback.category, callback.content) == (
        "待分派",
        "材料要求多/反复提交",
        "材料要求多/反复提交",  # no words taken down: the reason stands in
    )
    # The complaint names 程晓东: the person complained about is the one shown.
    assert by_unit(q3(quarter))[CITY_HALL].entries[0].staff == "程晓东"


def test_the_period_is_in_beijing_days_and_may_be_any_range(quarter):
    with quarter.sessions() as session:
        q2 = by_unit(quarter_feedback(session, 2026, 2))
        q4 = by_unit(quarter_feedback(session, 2026, 4))
        turn = by_unit(unit_feedback(session, date(2026, 9, 30), date(2026, 10, 1)))
    # 2026-06-30 23:00 Beijing time is 15:00 UTC: still Q2.
    assert [e.content for e in q2[LIXIA].entries] == ["上个季度的建议"]
    assert [(e.source, e.case_no) for e in q4[HUAIYIN].entries] == [
        (DISSATISFIED, "HY-0003"),
        (COMPLAINT, "HY-0001"),
    ]
    assert [e.case_no for e in turn[HUAIYIN].entries] == ["HY-0002", "HY-0003"]
    assert period_text(date(2026, 9, 30), date(2026, 10, 1)) == "2026-09-30 至 2026-10-01"
    with quarter.sessions() as session, pytest.raises(ValueError):
        unit_feedback(session, date(2026, 10, 1), date(2026, 9, 30))


def test_one_unit_or_an_unknown_one(quarter):
    report = q3(quarter, unit=HUAIYIN)
    assert [u.unit for u in report.units] == [HUAIYIN]
    assert report.unit == HUAIYIN
    assert report.units[0].total == 2
    with pytest.raises(UnknownUnit, match="不存在的中心"):
        q3(quarter, unit="不存在的中心")


def test_no_suggestion_and_the_callbacks_own_words_are_not_listed_twice(any_db):
    seed_quarter(any_db)
    with any_db.sessions.begin() as session:
        lx3 = session.query(Case).filter_by(case_no="LX-0003").one()
        # The 好差评 import copies the evaluation's words onto the callback it opens.
        first = session.get(
            Evaluation, session.query(CallbackTask).filter_by(case_id=lx3.id).one().evaluation_id
        )
        first.suggestion = "窗口人员态度不好"
        session.add(
            Evaluation(
                case_id=lx3.id,
                channel="phone",
                round=1,
                evaluated_at=at("2026-08-09"),
                suggestion="  ",
            )
        )
    lixia = by_unit(q3(any_db))[LIXIA]
    words = [(e.source, e.content) for e in lixia.entries if e.case_no == "LX-0003"]
    assert words == [(DISSATISFIED, "窗口人员态度不好")]


def test_xlsx_has_a_summary_and_a_sheet_per_unit(quarter, tmp_path):
    report = q3(quarter)
    path = tmp_path / "feedback.xlsx"
    write_feedback_xlsx(report, path)
    sheets = read_sheets(path)
    assert list(sheets) == [SUMMARY_SHEET, *(u.unit for u in report.units)]

    summary = sheets[SUMMARY_SHEET]
    assert summary[0][0] == "2026年第三季度回访建议、投诉及不满意情况反馈"
    header = next(i for i, row in enumerate(summary) if row[0] == "受理单位（登记大厅）")
    assert summary[header] == [
        "受理单位（登记大厅）",
        "所属区县",
        "评价建议",
        "投诉",
        "意见建议",
        "不满意回访",
        "合计",
        "尚在办理",
    ]
    lixia_row = next(row for row in summary if row[0] == LIXIA)
    assert lixia_row == [LIXIA, "历下区", 3, 0, 1, 2, 6, 2]
    total_row = next(row for row in summary if row[0] == "合计")
    assert total_row[2:] == [3, 3, 1, 3, 10, 5]
    assert any("J 5.4.4" in str(row[0]) for row in summary)

    lixia = sheets[LIXIA]
    header = next(i for i, row in enumerate(lixia) if row[0] == "序号")
    first = lixia[header + 1]
    assert first[:4] == [1, "评价建议", date(2026, 7, 12), "LX-0001"]
    assert first[9:11] == ["已解决", "已向申请人解释高峰期原因，并增开一个取号窗口"]
    assert (
        len([row for row in lixia[header + 1 :] if isinstance(row[0], (int, float)) and row[0]])
        == 6
    )
    assert "尚在办理 2 件" in lixia[1][0]
    assert any(row[0] == "本期没有建议、投诉或不满意回访。" for row in sheets[TIANQIAO])


def test_xlsx_of_one_unit_and_safe_sheet_names(quarter, tmp_path):
    path = tmp_path / "huaiyin.xlsx"
    write_feedback_xlsx(q3(quarter, unit=HUAIYIN), path)
    assert list(read_sheets(path)) == [SUMMARY_SHEET, HUAIYIN]

    taken = {SUMMARY_SHEET}
    assert sheet_name("汇总", taken) == "汇总(2)"
    assert sheet_name("a/b:c[1]", taken) == "a_b_c_1_"
    long = "市不动产登记中心专业大厅（高新区分厅）不动产登记服务窗口第二分理处"
    assert sheet_name(long, taken) == long[:31]
    assert sheet_name(long, taken) == long[:28] + "(2)"


def test_command_line_writes_the_workbook(quarter, tmp_path, capsys):
    url = quarter.url
    output = tmp_path / "q3.xlsx"
    args = ["--db", url, "--lang", "zh", "report", "feedback", "--year", "2026", "--quarter", "3"]
    assert main([*args, "--output", str(output)]) == 0
    out = capsys.readouterr().out
    assert "共 10 条建议、投诉和不满意回访，其中 5 条尚在办理" in out
    assert f"已写入 {output}" in out
    assert len(read_sheets(output)) == 6

    one = tmp_path / "lixia.xlsx"
    assert main([*args, "--unit", LIXIA, "-o", str(one)]) == 0
    assert list(read_sheets(one)) == [SUMMARY_SHEET, LIXIA]

    assert main([*args, "--unit", "不存在的中心", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "没有名为“不存在的中心”的受理单位" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()
