"""Importing an existing phone-revisit ledger (W 附录 F plus Form A columns and 业务编号)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.errors import Cancelled
from app.importing import import_file
from app.outcomes import DEFAULT_OUTCOMES
from app.ratings import Channel, Rating
from app.zone import LOCAL_ZONE
from db.models import CallAttempt, Evaluation, ImportBatch, Staff

from .helpers import (
    CASE_HEADER,
    EVALUATION_HEADER,
    LEDGER_HEADER,
    case_row,
    count,
    evaluation_row,
    ledger_row,
    rejected_lines,
    run_import,
)


@pytest.fixture
def with_cases(make_file):
    def load(db):
        rows = [CASE_HEADER] + [case_row(f"JN{i:03}") for i in range(1, 6)]
        assert run_import(db, "cases", make_file("cases.csv", rows)).inserted == 5
        return db

    return load


def attempts(db) -> list[tuple]:
    with db.sessions() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(
                    CallAttempt.outcome,
                    CallAttempt.outcome_original,
                    CallAttempt.attempted_at,
                    CallAttempt.phone_original,
                    CallAttempt.phone_e164,
                    CallAttempt.evaluation_id.is_not(None),
                ).order_by(CallAttempt.id)
            )
        ]


def test_completed_rows_become_phone_evaluations_and_others_failed_attempts(
    sqlite_db, with_cases, make_file
):
    with_cases(sqlite_db)
    rows = [
        ["2026年7月电话回访台账"],
        LEDGER_HEADER,
        ledger_row("JN001", "无人接听", "2026-07-13"),
        ledger_row(
            "JN001",
            "已回访",
            "2026-07-14",
            总体情况="基本满意",
            办事效率="非常不满意",
            有无建议="希望缩短办理时间",
            回访人="回访员2",
        ),
        ledger_row("JN002", "占线", "2026/7/13", 联系方式="0531-86123456"),
        ledger_row("JN003", "关机", "2026年7月13日"),
        ledger_row("JN004", "空号", "2026-07-13", 联系方式="12345"),
        ledger_row("JN005", "拒访", "2026-07-13 15:20"),
    ]
    summary = run_import(sqlite_db, "ledger", make_file("ledger.csv", rows))
    assert summary.rejected == []
    assert summary.inserted == 6
    assert summary.flagged == {"phone_evaluations": 1, "failed_calls": 5, "callbacks_opened": 1}

    july = lambda day, hour=0, minute=0: datetime(2026, 7, day, hour, minute, tzinfo=LOCAL_ZONE)  # noqa: E731
    assert attempts(sqlite_db) == [
        ("no_answer", "无人接听", july(13), "13812345678", "+8613812345678", False),
        ("completed", "已回访", july(14), "13812345678", "+8613812345678", True),
        ("busy", "占线", july(13), "0531-86123456", "+8653186123456", False),
        ("unreachable", "关机", july(13), "13812345678", "+8613812345678", False),
        ("wrong_number", "空号", july(13), "12345", None, False),
        ("refused_soft", "拒访", july(13, 15, 20), "13812345678", "+8613812345678", False),
    ]

    with sqlite_db.sessions() as session:
        evaluation = session.scalars(select(Evaluation)).one()
        attempt = session.scalars(
            select(CallAttempt).where(CallAttempt.outcome == "completed")
        ).one()
        operator = session.get(Staff, evaluation.operator_id)
    assert attempt.evaluation_id == evaluation.id
    assert attempt.operator_id == evaluation.operator_id
    assert operator.name == "回访员2" and operator.is_operator
    assert evaluation.channel == Channel.PHONE
    assert evaluation.round == 1
    assert evaluation.evaluated_at == july(14)
    assert evaluation.overall == Rating.AVERAGE
    assert evaluation.efficiency == Rating.DISSATISFIED
    assert evaluation.attitude == Rating.SATISFIED
    assert evaluation.suggestion == "希望缩短办理时间"
    assert evaluation.original["总体情况"] == "基本满意"
    assert evaluation.original["办事效率"] == "非常不满意"
    assert count(sqlite_db, Staff, Staff.is_operator) == 2  # 回访员1 and 回访员2, once each


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("未接听", "no_answer"),
        ("忙音", "busy"),
        ("停机", "unreachable"),
        ("无法接通", "unreachable"),
        ("号码错误", "wrong_number"),
        ("明确拒访", "refused_hard"),
        ("预约回访", "appointment"),
        ("语言障碍", "barrier"),
        (" 无人 接听 ", "no_answer"),
    ],
)
def test_other_ways_ledgers_write_outcomes(sqlite_db, with_cases, make_file, written, code):
    with_cases(sqlite_db)
    rows = [LEDGER_HEADER, ledger_row("JN001", written)]
    summary = run_import(sqlite_db, "ledger", make_file("ledger.csv", rows))
    assert summary.rejected == []
    assert attempts(sqlite_db)[0][0] == code
    assert count(sqlite_db, Evaluation) == 0


def test_unknown_outcome_is_rejected_naming_the_known_ones(sqlite_db, with_cases, make_file):
    with_cases(sqlite_db)
    rows = [
        LEDGER_HEADER,
        ledger_row("JN001", "已回访"),
        ledger_row("JN002", "打不通也不知道为啥"),  # line 3
        ledger_row("JN003", ""),  # line 4
    ]
    summary = run_import(sqlite_db, "ledger", make_file("ledger.csv", rows))
    assert rejected_lines(summary) == {3: "unknown_outcome", 4: "missing_value"}
    reason = summary.rejected[0].reason("zh")
    assert "打不通也不知道为啥" in reason
    for outcome in DEFAULT_OUTCOMES:
        assert outcome.label in reason
    assert "回访情况" in summary.rejected[1].reason("zh")
    assert summary.inserted == 1


def test_bad_rows_are_rejected(sqlite_db, with_cases, make_file):
    with_cases(sqlite_db)
    rows = [
        LEDGER_HEADER,
        ledger_row("JN001", "已回访", 总体情况=""),  # line 2: a completed call needs 总体情况
        ledger_row("JN001", "已回访", 服务态度="凑合"),  # line 3
        ledger_row("JN404", "无人接听"),  # line 4: unknown case
        ledger_row("JN001", "无人接听", at=""),  # line 5
        ledger_row("JN001", "无人接听", at="昨天"),  # line 6
        ledger_row("", "无人接听"),  # line 7
        ledger_row(
            "JN002", "无人接听", 总体情况="随便"
        ),  # line 8: answers of a failed call ignored
    ]
    summary = run_import(sqlite_db, "ledger", make_file("ledger.csv", rows))
    assert rejected_lines(summary) == {
        2: "missing_value",
        3: "bad_rating",
        4: "unknown_case",
        5: "missing_value",
        6: "bad_datetime",
        7: "missing_value",
    }
    assert summary.inserted == 1
    assert count(sqlite_db, Evaluation) == 0


def test_xlsx_ledger_with_date_cells(sqlite_db, with_cases, make_file):
    with_cases(sqlite_db)
    rows = [
        LEDGER_HEADER,
        ledger_row("JN001", "已回访", date(2026, 7, 14), 序号=1),
        ledger_row("JN002", "无人接听", datetime(2026, 7, 14, 9, 30), 序号=2),
    ]
    summary = run_import(sqlite_db, "ledger", make_file("ledger.xlsx", rows))
    assert summary.rejected == []
    assert [a[2] for a in attempts(sqlite_db)] == [
        datetime(2026, 7, 14, tzinfo=LOCAL_ZONE),
        datetime(2026, 7, 14, 9, 30, tzinfo=LOCAL_ZONE),
    ]


def test_reimport_and_duplicate_lines(any_db, with_cases, make_file):
    with_cases(any_db)
    rows = [
        LEDGER_HEADER,
        ledger_row("JN001", "无人接听", "2026-07-13"),
        ledger_row("JN001", "已回访", "2026-07-14"),
        ledger_row("JN001", "已回访", "2026-07-14"),  # the same line copied twice
        ledger_row("JN002", "关机", "2026-07-13"),
    ]
    path = make_file("ledger.csv", rows)
    summary = run_import(any_db, "ledger", path)
    assert (summary.inserted, summary.duplicates_in_file, summary.rejected) == (3, 1, [])

    again = run_import(any_db, "ledger", path)
    assert again.imported
    assert (again.inserted, again.unchanged, again.duplicates_in_file) == (0, 3, 1)
    assert again.rejected == []
    assert count(any_db, CallAttempt) == 3
    assert count(any_db, Evaluation) == 1

    # A later ledger that repeats these rows and adds one more.
    longer = rows + [ledger_row("JN002", "已回访", "2026-07-15")]
    third = run_import(any_db, "ledger", make_file("ledger2.csv", longer))
    assert (third.inserted, third.unchanged, third.rejected) == (1, 3, [])
    assert count(any_db, CallAttempt) == 4
    assert count(any_db, Evaluation) == 2


def test_other_answers_for_a_stored_phone_evaluation_are_a_conflict(
    sqlite_db, with_cases, make_file
):
    with_cases(sqlite_db)
    first = [LEDGER_HEADER, ledger_row("JN001", "已回访", "2026-07-14", 总体情况="满意")]
    run_import(sqlite_db, "ledger", make_file("a.csv", first))
    second = [
        LEDGER_HEADER,
        ledger_row("JN001", "已回访", "2026-07-14", 总体情况="不满意"),  # line 2
        ledger_row("JN002", "已回访", "2026-07-14"),  # line 3
        ledger_row("JN002", "已回访", "2026-07-14", 总体情况="非常满意"),  # line 4
    ]
    summary = run_import(sqlite_db, "ledger", make_file("b.csv", second))
    assert rejected_lines(summary) == {
        2: "conflicting_stored_evaluation",
        4: "conflicting_evaluation",
    }
    assert summary.rejected[1].params == {"line": 3}
    assert summary.inserted == 1
    with sqlite_db.sessions() as session:
        assert session.scalars(select(Evaluation.overall).order_by(Evaluation.id)).all() == [
            Rating.SATISFIED,
            Rating.SATISFIED,
        ]


def test_phone_and_online_evaluations_of_one_case_live_side_by_side(
    sqlite_db, with_cases, make_file
):
    with_cases(sqlite_db)
    online = [EVALUATION_HEADER, evaluation_row("JN001", "2026-07-14 00:00:00")]
    run_import(sqlite_db, "evaluations", make_file("hcp.csv", online))
    ledger = [LEDGER_HEADER, ledger_row("JN001", "已回访", "2026-07-14")]
    summary = run_import(sqlite_db, "ledger", make_file("ledger.csv", ledger))
    assert (summary.inserted, summary.rejected) == (1, [])
    with sqlite_db.sessions() as session:
        channels = sorted(session.scalars(select(Evaluation.channel)).all())
    assert channels == [Channel.PHONE, Channel.PLATFORM]


def test_cancelled_ledger_import_leaves_nothing(any_db, with_cases, make_file):
    with_cases(any_db)
    rows = [LEDGER_HEADER] + [
        ledger_row(f"JN{1 + i % 5:03}", "已回访" if i % 2 else "无人接听", f"2026-07-{1 + i:02}")
        for i in range(30)
    ]

    def progress(done: int, total: int) -> None:
        if done > total * 3 // 4:  # in the middle of storing
            raise Cancelled

    with pytest.raises(Cancelled):
        with any_db.sessions.begin() as session:
            import_file(session, "ledger", make_file("ledger.csv", rows), progress=progress)
    assert count(any_db, CallAttempt) == 0
    assert count(any_db, Evaluation) == 0
    assert count(any_db, Staff, Staff.is_operator) == 0
    assert count(any_db, ImportBatch) == 1  # the cases' batch only
