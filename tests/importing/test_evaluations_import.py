"""Importing online evaluations from the 好差评 platform (J 5.2.1, 5.2.2, 5.6.1)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.ratings import Channel, Rating
from app.zone import LOCAL_ZONE
from db.models import Case, Evaluation, ImportBatch

from .helpers import (
    CASE_HEADER,
    EVALUATION_HEADER,
    case_row,
    count,
    evaluation_row,
    rejected_lines,
    run_import,
)


@pytest.fixture
def with_cases(make_file):
    """Import cases JN001…JN005 into a database, so that evaluations have cases to belong to."""

    def load(db):
        rows = [CASE_HEADER] + [case_row(f"JN{i:03}") for i in range(1, 6)]
        assert run_import(db, "cases", make_file("cases.csv", rows)).inserted == 5
        return db

    return load


def evaluations(db) -> list[Evaluation]:
    with db.sessions() as session:
        found = list(
            session.scalars(
                select(Evaluation).join(Case).order_by(Case.case_no, Evaluation.evaluated_at)
            )
        )
        for evaluation in found:
            _ = evaluation.case.case_no
        session.expunge_all()
        return found


def test_five_level_answers_map_onto_form_a_and_are_kept(sqlite_db, with_cases, make_file):
    with_cases(sqlite_db)
    rows = [
        ["好差评评价数据导出"],
        EVALUATION_HEADER,
        evaluation_row(
            "JN001",
            "2026-07-06 10:30:00",
            总体评价="基本满意",
            办事效率="非常不满意",
            服务态度="非常满意",
            提交材料="满意",
            有无违反廉洁纪律="没有",
            评价内容="材料要求太多",
        ),
        evaluation_row(
            "ｊｎ００２",  # full-width, lower case: still case JN002
            "2026/7/7 9:05",
            评价渠道="扫码评价",
            总体评价="非常不满意",
            办事效率="",
            服务态度="",
            提交材料="",
            有无违反廉洁纪律="有",
            评价内容="无",
        ),
    ]
    summary = run_import(sqlite_db, "evaluations", make_file("hcp.csv", rows))
    assert summary.rejected == []
    assert summary.inserted == 2
    first, second = evaluations(sqlite_db)

    assert first.case.case_no == "JN001"
    assert first.channel == Channel.PLATFORM
    assert first.source_channel == "好差评系统"
    assert first.round == 1
    assert first.evaluated_at == datetime(2026, 7, 6, 10, 30, tzinfo=LOCAL_ZONE)
    assert first.evaluated_at == datetime(2026, 7, 6, 2, 30, tzinfo=UTC)
    assert first.overall == Rating.AVERAGE
    assert first.efficiency == Rating.DISSATISFIED
    assert first.attitude == Rating.VERY_SATISFIED
    assert first.materials == Rating.SATISFIED
    assert first.integrity_breach is False
    assert first.suggestion == "材料要求太多"
    assert first.original == {
        "总体情况": "基本满意",
        "办事效率": "非常不满意",
        "服务态度": "非常满意",
        "提交材料": "满意",
        "有无违反廉洁纪律": "没有",
    }
    assert first.fingerprint
    with sqlite_db.sessions() as session:
        batch = session.scalar(select(ImportBatch.id).where(ImportBatch.kind == "evaluations"))
        assert first.import_batch_id == batch

    assert second.case.case_no == "JN002"
    assert second.channel == Channel.QR
    assert second.evaluated_at == datetime(2026, 7, 7, 9, 5, tzinfo=LOCAL_ZONE)
    assert second.overall == Rating.DISSATISFIED
    assert (second.efficiency, second.attitude, second.materials) == (None, None, None)
    assert second.integrity_breach is True
    assert second.suggestion is None  # 无 is no suggestion …
    assert second.original == {"总体情况": "非常不满意", "有无违反廉洁纪律": "有", "评价内容": "无"}


def test_xlsx_with_real_datetime_cells(sqlite_db, with_cases, make_file):
    with_cases(sqlite_db)
    rows = [EVALUATION_HEADER, evaluation_row("JN001", datetime(2026, 7, 6, 10, 30))]
    summary = run_import(sqlite_db, "evaluations", make_file("hcp.xlsx", rows))
    assert summary.inserted == 1
    assert evaluations(sqlite_db)[0].evaluated_at == datetime(2026, 7, 6, 10, 30, tzinfo=LOCAL_ZONE)


def test_unknown_cases_are_reported_not_stored(sqlite_db, with_cases, make_file):
    with_cases(sqlite_db)
    rows = [
        EVALUATION_HEADER,
        evaluation_row("JN001"),
        evaluation_row("JN999"),  # line 3
        evaluation_row("JN002"),
    ]
    summary = run_import(sqlite_db, "evaluations", make_file("hcp.csv", rows))
    assert summary.inserted == 2
    assert rejected_lines(summary) == {3: "unknown_case"}
    assert "JN999" in summary.rejected[0].reason("zh")
    assert count(sqlite_db, Evaluation) == 2


def test_only_unknown_cases_refuses_the_file(any_db, with_cases, make_file):
    with_cases(any_db)
    rows = [EVALUATION_HEADER, evaluation_row("JN998"), evaluation_row("JN999")]
    summary = run_import(any_db, "evaluations", make_file("hcp.csv", rows))
    assert not summary.imported
    assert summary.refusal.code == "no_valid_rows"
    assert count(any_db, Evaluation) == 0
    assert count(any_db, ImportBatch) == 1  # the cases' batch only


def test_rows_with_bad_answers_are_rejected(sqlite_db, with_cases, make_file):
    with_cases(sqlite_db)
    rows = [
        EVALUATION_HEADER,  # line 1
        evaluation_row("JN001", 总体评价="还行"),
        evaluation_row("JN001", 总体评价=""),
        evaluation_row("JN001", 服务态度="好"),
        evaluation_row("JN001", 有无违反廉洁纪律="不清楚"),
        evaluation_row("JN001", at=""),
        evaluation_row("JN001", at="2026-07-06 26:00"),
        evaluation_row(""),
        evaluation_row("JN001"),  # line 9: fine
    ]
    summary = run_import(sqlite_db, "evaluations", make_file("hcp.csv", rows))
    assert rejected_lines(summary) == {
        2: "bad_rating",
        3: "missing_value",
        4: "bad_rating",
        5: "bad_integrity",
        6: "missing_value",
        7: "bad_datetime",
        8: "missing_value",
    }
    assert "还行" in summary.rejected[0].reason("zh")
    assert "总体情况" in summary.rejected[1].reason("zh")
    assert summary.inserted == 1


def test_duplicates_count_once_and_reimport_adds_nothing(any_db, with_cases, make_file):
    with_cases(any_db)
    rows = [
        EVALUATION_HEADER,
        evaluation_row("JN001", "2026-07-06 10:00"),
        evaluation_row("JN002", "2026-07-06 11:00"),
        evaluation_row("JN001", "2026-07-06 10:00:00"),  # the same evaluation written again
        evaluation_row("JN003", "2026-07-07 09:00", 总体评价="基本满意"),
    ]
    path = make_file("hcp.csv", rows)
    summary = run_import(any_db, "evaluations", path)
    assert (summary.inserted, summary.duplicates_in_file, summary.rejected) == (3, 1, [])
    assert count(any_db, Evaluation) == 3

    again = run_import(any_db, "evaluations", path)
    assert again.imported
    assert (again.inserted, again.unchanged, again.duplicates_in_file) == (0, 3, 1)
    assert again.rejected == []
    assert count(any_db, Evaluation) == 3

    # The same evaluations exported as xlsx with real datetime cells are recognised too.
    as_cells = [
        EVALUATION_HEADER,
        evaluation_row("JN001", datetime(2026, 7, 6, 10, 0)),
        evaluation_row("JN003", datetime(2026, 7, 7, 9, 0), 总体评价="基本满意"),
    ]
    third = run_import(any_db, "evaluations", make_file("hcp.xlsx", as_cells))
    assert (third.inserted, third.unchanged, third.rejected) == (0, 2, [])
    assert count(any_db, Evaluation) == 3


def test_a_later_different_evaluation_is_stored_as_a_later_one(sqlite_db, with_cases, make_file):
    with_cases(sqlite_db)
    first = [EVALUATION_HEADER, evaluation_row("JN001", "2026-07-06 10:00", 总体评价="不满意")]
    run_import(sqlite_db, "evaluations", make_file("a.csv", first))
    later = [
        EVALUATION_HEADER,
        evaluation_row("JN001", "2026-07-06 10:00", 总体评价="不满意"),
        evaluation_row("JN001", "2026-07-20 15:00", 总体评价="满意"),
    ]
    summary = run_import(sqlite_db, "evaluations", make_file("b.csv", later))
    assert (summary.inserted, summary.unchanged, summary.rejected) == (1, 1, [])
    stored = evaluations(sqlite_db)
    assert [(e.evaluated_at.astimezone(LOCAL_ZONE).day, e.overall) for e in stored] == [
        (6, Rating.DISSATISFIED),
        (20, Rating.SATISFIED),
    ]
    assert all(e.round == 1 for e in stored)


def test_conflicting_answers_are_rejected(any_db, with_cases, make_file):
    with_cases(any_db)
    rows = [
        EVALUATION_HEADER,
        evaluation_row("JN001", "2026-07-06 10:00", 总体评价="满意"),  # line 2
        evaluation_row("JN001", "2026-07-06 10:00", 总体评价="不满意"),  # line 3: conflict
        # Same time, other channel: another evaluation, not a conflict.
        evaluation_row("JN001", "2026-07-06 10:00", 评价渠道="扫码评价", 总体评价="不满意"),
    ]
    summary = run_import(any_db, "evaluations", make_file("a.csv", rows))
    assert rejected_lines(summary) == {3: "conflicting_evaluation"}
    assert summary.rejected[0].params == {"line": 2}
    assert "第 2 行" in summary.rejected[0].reason("zh")
    assert summary.inserted == 2

    # A later export that gives other answers for a stored evaluation is reported as well.
    changed = [EVALUATION_HEADER, evaluation_row("JN001", "2026-07-06 10:00", 总体评价="非常满意")]
    summary = run_import(any_db, "evaluations", make_file("b.csv", changed))
    assert not summary.imported
    assert rejected_lines(summary) == {2: "conflicting_stored_evaluation"}
    with any_db.sessions() as session:
        overall = session.scalars(
            select(Evaluation.overall).where(Evaluation.channel == Channel.PLATFORM)
        ).all()
    assert overall == [Rating.SATISFIED]  # never overwritten


def test_strict_refuses_evaluations_with_an_unknown_case(any_db, with_cases, make_file):
    with_cases(any_db)
    rows = [EVALUATION_HEADER, evaluation_row("JN001"), evaluation_row("JN404")]
    summary = run_import(any_db, "evaluations", make_file("hcp.csv", rows), strict=True)
    assert summary.refusal.code == "strict_refused"
    assert rejected_lines(summary) == {3: "unknown_case"}
    assert count(any_db, Evaluation) == 0
    assert count(any_db, ImportBatch) == 1  # the cases' batch only
