"""The monthly phone-revisit analysis (W 7.1.3.3.2) on hand-built records and on the sample files.

The hand-built month has every figure worked out in the comments; the sample-file test checks
August 2026 against counts taken straight from the ledger and evaluation files.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from app.importing import import_file
from app.outcomes import OUTCOMES_BY_CODE, outcome_from_text
from app.ratings import Channel, Rating, rating_from_text
from app.reports.monthly import (
    UNRECORDED_OPERATOR,
    GroupFigures,
    MonthlyAnalysis,
    monthly_analysis,
)
from app.reports.monthly_xlsx import LEDGER_HEADERS, SHEETS, write_monthly_xlsx
from app.zone import LOCAL_ZONE
from db.models import CallAttempt, CallbackTask, CallOutcome, Case, Evaluation, Staff, Unit

VS, S, AV, D = (
    Rating.VERY_SATISFIED,
    Rating.SATISFIED,
    Rating.AVERAGE,
    Rating.DISSATISFIED,
)


def local(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=LOCAL_ZONE)


def build_month(session) -> None:
    """Six cases called in August 2026 (two units, two operators), plus online evaluations.

    c1 A: 08-03 no_answer op1 30 s; 08-05 completed op2 180 s (phone evaluation, all 满意)
    c2 A: 08-04 no_answer op1 (no duration); 08-06 busy op1 10 s              -> failed, busy
    c3 B: 08-07 wrong_number op2                                           -> failed, 空号
    c4 B: 08-08 completed op1 240 s (phone evaluation: 总体/服务态度 不满意) + callback task
    c5 B: 08-31 23:30 +08 no_answer op2 (15:30 UTC, still August)          -> failed, 无人接听
          09-01 00:10 +08 completed op2 (August 31 16:10 UTC, but September)
    c6 A: 07-31 23:50 +08 refused_soft op1 (July)
          08-01 00:05 +08 appointment, no operator (July 31 16:05 UTC, but August) -> failed
    c7 A: QR 08-10 all 非常满意;  c8 B: platform 08-12 提交材料 不满意 "材料要求太多", no task
    c9 B: a second-round evaluation in August (不满意), which must not count
    c10 A: QR 08-31 23:30 +08 all 一般 (August); c11 A: QR 09-01 00:10 +08 不满意 (September)
    """
    unit_a = Unit(name="历下区不动产登记中心")
    unit_b = Unit(name="天桥区不动产登记中心")
    op1 = Staff(name="回访员1", is_operator=True)
    op2 = Staff(name="回访员2", is_operator=True)
    session.add_all([unit_a, unit_b, op1, op2])
    units = (unit_a, unit_a, unit_b, unit_b, unit_b, unit_a, unit_a, unit_b, unit_b, unit_a, unit_a)
    cases = {}
    for number, unit in enumerate(units, start=1):
        cases[number] = Case(
            case_no=f"JN2026070100{number:04d}",
            unit=unit,
            completed_on=date(2026, 7, 1),
            business_type="抵押权首次登记",
            applicant=f"申请人{number}",
            location=f"历下区经十路{number}号",
        )
    session.add_all(cases.values())
    session.flush()

    def call(number, when, outcome, operator=None, seconds=None, evaluation=None):
        session.add(
            CallAttempt(
                case_id=cases[number].id,
                attempted_at=when,
                outcome=outcome,
                operator_id=operator.id if operator else None,
                duration_seconds=seconds,
                phone_original=f"0531-8612{number:04d}",
                evaluation_id=evaluation.id if evaluation else None,
            )
        )

    def evaluate(number, when, channel, ratings, operator=None, words=None, round_=1):
        evaluation = Evaluation(
            case_id=cases[number].id,
            channel=channel,
            round=round_,
            evaluated_at=when,
            overall=ratings[0],
            efficiency=ratings[1],
            attitude=ratings[2],
            materials=ratings[3],
            integrity_breach=False,
            suggestion=words,
            operator_id=operator.id if operator else None,
        )
        session.add(evaluation)
        session.flush()
        return evaluation

    call(1, local(8, 3), "no_answer", op1, 30)
    e1 = evaluate(1, local(8, 5, 15), Channel.PHONE, (S, S, S, S), op2)
    call(1, local(8, 5, 15), "completed", op2, 180, e1)
    call(2, local(8, 4, 9), "no_answer", op1)
    call(2, local(8, 6, 14), "busy", op1, 10)
    call(3, local(8, 7), "wrong_number", op2)
    e4 = evaluate(4, local(8, 8), Channel.PHONE, (D, AV, D, None), op1, "窗口人员态度差")
    call(4, local(8, 8), "completed", op1, 240, e4)
    session.add(
        CallbackTask(
            case_id=cases[4].id,
            evaluation_id=e4.id,
            unit_id=unit_b.id,
            reason_category="服务态度",
            respondent_words="希望窗口人员耐心一些",
        )
    )
    call(5, local(8, 31, 23, 30), "no_answer", op2)
    e5 = evaluate(5, local(9, 1, 0, 10), Channel.PHONE, (D, D, D, D), op2, "九月的不满意")
    call(5, local(9, 1, 0, 10), "completed", op2, 60, e5)
    call(6, local(7, 31, 23, 50), "refused_soft", op1)
    call(6, local(8, 1, 0, 5), "appointment")
    evaluate(7, local(8, 10), Channel.QR, (VS, VS, VS, VS))
    evaluate(8, local(8, 12), Channel.PLATFORM, (S, S, S, D), words="材料要求太多")
    evaluate(9, local(8, 15), Channel.PHONE, (D, D, D, D), op1, "第二轮", round_=2)
    evaluate(10, local(8, 31, 23, 30), Channel.QR, (AV, AV, AV, AV))
    evaluate(11, local(9, 1, 0, 10), Channel.QR, (D, D, D, D), words="九月")


@pytest.fixture
def august(any_db) -> MonthlyAnalysis:
    with any_db.sessions.begin() as session:
        build_month(session)
    with any_db.sessions() as session:
        return monthly_analysis(session, 2026, 8)


def figures(group: GroupFigures) -> tuple:
    return (
        group.calls,
        group.cases_attempted,
        group.cases_completed,
        group.contacts,
        group.contact_rate,
        group.completion_rate,
        group.average_duration,
        group.dissatisfied,
    )


def test_revisit_rate_and_failure_reasons_by_last_outcome(august):
    revisit = august.revisit
    assert (august.start, august.end) == (date(2026, 8, 1), date(2026, 8, 31))
    # 8 calls in August: c1 ×2, c2 ×2, c3, c4, c5 (08-31 23:30), c6 (08-01 00:05).
    assert (revisit.calls, revisit.cases_attempted, revisit.cases_completed) == (8, 6, 2)
    assert revisit.rate == pytest.approx(2 / 6)
    assert revisit.cases_failed == 4
    # c2's first attempt was no answer, but its last in August was busy: it counts as busy.
    reasons = {o.code: (o.label, o.count) for o in revisit.failure_reasons}
    assert reasons == {
        "busy": ("占线", 1),
        "wrong_number": ("空号", 1),
        "no_answer": ("无人接听", 1),
        "appointment": ("预约回访", 1),
    }
    attempts = {o.code: o.count for o in revisit.attempts_by_outcome}
    assert attempts == {
        "no_answer": 3,
        "completed": 2,
        "busy": 1,
        "wrong_number": 1,
        "appointment": 1,
    }
    assert revisit.attempts_by_outcome[0].code == "no_answer"  # most frequent first
    assert next(o for o in revisit.failure_reasons if o.code == "wrong_number").final


def test_month_boundaries_are_local_time(any_db):
    with any_db.sessions.begin() as session:
        build_month(session)
    with any_db.sessions() as session:
        july = monthly_analysis(session, 2026, 7)
        september = monthly_analysis(session, 2026, 9)
    # 07-31 23:50 +08 is July; 08-01 00:05 +08 (still July 31 in UTC) is not.
    assert (july.revisit.calls, july.revisit.cases_attempted) == (1, 1)
    assert [o.code for o in july.revisit.failure_reasons] == ["refused_soft"]
    # 09-01 00:10 +08 (August 31 in UTC) is September: c5 completed then.
    assert (september.revisit.calls, september.revisit.cases_completed) == (1, 1)
    assert september.revisit.rate == 1.0
    assert september.satisfaction_phone.evaluations == 1
    assert september.satisfaction_all.evaluations == 2  # c5 by phone, c11 by QR
    assert [e.case_no for e in september.dissatisfaction.entries] == [
        "JN20260701000005",
        "JN20260701000011",
    ]
    assert [row.attempted_at for row in september.ledger_rows] == [local(9, 1, 0, 10)]


def test_contact_and_completion_rates_per_operator(august):
    by_name = {group.name: group for group in august.operators}
    assert [group.name for group in august.operators] == [
        "回访员1",
        "回访员2",
        UNRECORDED_OPERATOR,
    ]
    # 回访员1: c1 no_answer 30 s, c2 no_answer, c2 busy 10 s, c4 completed 240 s; took c4's
    # dissatisfied evaluation.
    assert figures(by_name["回访员1"]) == (
        4,
        3,
        1,
        1,
        0.25,
        pytest.approx(1 / 3),
        pytest.approx(280 / 3),
        1,
    )
    # 回访员2: c1 completed 180 s, c3 wrong number, c5 no answer (08-31 23:30).
    assert figures(by_name["回访员2"]) == (
        3,
        3,
        1,
        1,
        pytest.approx(1 / 3),
        pytest.approx(1 / 3),
        180.0,
        0,
    )
    # c6's appointment was recorded without an operator: a contact, no duration.
    assert figures(by_name[UNRECORDED_OPERATOR]) == (1, 1, 0, 1, 1.0, 0.0, None, 0)
    assert by_name[UNRECORDED_OPERATOR].key is None


def test_figures_per_unit_and_in_total(august):
    by_name = {group.name: group for group in august.units}
    # 历下: c1 (2 calls), c2 (2), c6 (1); completed c1; contacts c1 completed + c6 appointment.
    assert figures(by_name["历下区不动产登记中心"]) == (
        5,
        3,
        1,
        2,
        0.4,
        pytest.approx(1 / 3),
        pytest.approx(220 / 3),
        0,
    )
    # 天桥: c3, c4, c5; dissatisfied: c4 by phone and c8 online (c9's second round does not count).
    assert figures(by_name["天桥区不动产登记中心"]) == (
        3,
        3,
        1,
        1,
        pytest.approx(1 / 3),
        pytest.approx(1 / 3),
        240.0,
        2,
    )
    assert figures(august.total) == (
        8,
        6,
        2,
        3,
        0.375,
        pytest.approx(2 / 6),
        pytest.approx((30 + 180 + 10 + 240) / 4),
        2,
    )


def test_satisfaction_shares_phone_and_all_channels(august):
    phone = {item.item: item for item in august.satisfaction_phone.items}
    assert august.satisfaction_phone.evaluations == 2  # c1 and c4; c9 is second-round
    assert phone["overall"].counts == {
        "very_satisfied": 0,
        "satisfied": 1,
        "average": 0,
        "dissatisfied": 1,
    }
    assert phone["overall"].satisfied_share == 0.5
    assert phone["efficiency"].satisfied_share == 0.5  # 满意 + 一般
    assert (phone["materials"].answered, phone["materials"].unanswered) == (1, 1)
    assert phone["materials"].satisfied_share == 1.0

    every = {item.item: item for item in august.satisfaction_all.items}
    # c1, c4 by phone; c7 QR, c8 platform, c10 QR at 08-31 23:30 local time.
    assert august.satisfaction_all.evaluations == 5
    assert every["overall"].counts == {
        "very_satisfied": 1,
        "satisfied": 2,
        "average": 1,
        "dissatisfied": 1,
    }
    assert every["overall"].satisfied_share == pytest.approx(3 / 5)
    assert every["materials"].answered == 4
    assert every["materials"].satisfied_share == 0.5  # c1 满意, c7 非常满意 of 4 answers


def test_dissatisfaction_items_reasons_and_words(august):
    found = august.dissatisfaction
    assert (found.evaluations, found.phone, found.with_callback) == (2, 1, 1)
    by_item = {item.item: (item.count, item.phone) for item in found.by_item}
    assert by_item == {
        "overall": (1, 1),
        "efficiency": (0, 0),
        "attitude": (1, 1),
        "materials": (1, 0),
    }
    assert [(r.reason, r.count) for r in found.by_reason] == [("服务态度", 1)]
    by_phone, online = found.entries
    assert (by_phone.case_no, by_phone.unit) == ("JN20260701000004", "天桥区不动产登记中心")
    assert by_phone.items == ["总体情况", "服务态度"]
    assert by_phone.words == "窗口人员态度差"
    assert (by_phone.reason_category, by_phone.callback_words) == (
        "服务态度",
        "希望窗口人员耐心一些",
    )
    assert (by_phone.channel_label, by_phone.operator) == ("电话回访", "回访员1")
    assert (online.case_no, online.items, online.words) == (
        "JN20260701000008",
        ["提交材料"],
        "材料要求太多",
    )
    assert (online.channel_label, online.reason_category, online.operator) == (
        "好差评平台",
        None,
        None,
    )


def test_ledger_rows_follow_appendix_f(august):
    rows = august.ledger_rows
    assert [row.seq for row in rows] == list(range(1, 9))
    first, last = rows[0], rows[-1]
    # 08-01 00:05 local time is the month's first call, though it is July 31 in UTC.
    assert (first.day, first.person, first.contact, first.outcome_label) == (
        date(2026, 8, 1),
        "申请人6",
        "0531-86120006",
        "预约回访",
    )
    assert (first.location, first.business_type) == ("历下区经十路6号", "抵押权首次登记")
    assert (last.day, last.case_no, last.outcome_label) == (
        date(2026, 8, 31),
        "JN20260701000005",
        "无人接听",
    )
    assert [row.attempted_at for row in rows] == sorted(row.attempted_at for row in rows)


def test_outcomes_as_the_team_configured_them(any_db):
    with any_db.sessions.begin() as session:
        build_month(session)
        session.add_all(
            [
                CallOutcome(
                    code="no_answer", label="电话无人接听", label_en="No answer", position=20
                ),
                # A team may count a busy line as reached: the contact rate follows its setting.
                CallOutcome(code="busy", label="占线", label_en="Busy", contact=True, position=30),
            ]
        )
    with any_db.sessions() as session:
        august = monthly_analysis(session, 2026, 8)
    labels = {o.code: o.label for o in august.revisit.failure_reasons}
    assert labels["no_answer"] == "电话无人接听"
    assert labels["wrong_number"] == "空号"  # not configured: the shipped default
    assert august.ledger_rows[-1].outcome_label == "电话无人接听"
    assert august.total.contacts == 4
    assert august.total.contact_rate == 0.5


def test_empty_month_and_bad_month(any_db):
    with any_db.sessions() as session:
        empty = monthly_analysis(session, 2026, 3)
        with pytest.raises(ValueError):
            monthly_analysis(session, 2026, 13)
    assert (empty.revisit.calls, empty.revisit.rate, empty.revisit.failure_reasons) == (0, None, [])
    assert figures(empty.total) == (0, 0, 0, 0, None, None, None, 0)
    assert (empty.units, empty.operators, empty.ledger_rows) == ([], [], [])
    assert all(item.satisfied_share is None for item in empty.satisfaction_all.items)
    json.dumps(empty.to_json())


def test_to_json(august):
    data = json.loads(json.dumps(august.to_json(), ensure_ascii=False))
    assert data["revisit"]["rate"] == 0.3333
    assert data["start"] == "2026-08-01"
    assert data["ledger_rows"][0]["attempted_at"] == "2026-08-01T00:05:00+08:00"
    assert data["dissatisfaction"]["entries"][0]["words"] == "窗口人员态度差"


def test_xlsx_has_the_sheets_and_the_appendix_f_ledger(august, tmp_path: Path):
    path = tmp_path / "monthly.xlsx"
    write_monthly_xlsx(august, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(SHEETS)
    assert SHEETS == ("回访率", "满意度", "不满意原因", "按单位", "按回访员", "回访记录单")
    ledger = book["回访记录单"]
    assert ledger["A1"].value == "服务对象电话回访记录单"
    assert ledger["A2"].value == "（2026年08月）"
    header = [cell.value for cell in ledger[3]]
    assert tuple(header) == LEDGER_HEADERS
    assert LEDGER_HEADERS == (
        "序号",
        "日期",
        "人员姓名",
        "座落",
        "业务类型",
        "联系方式",
        "回访情况",
    )
    lines = [row for row in ledger.iter_rows(min_row=4, values_only=True) if row[0] is not None]
    assert len(lines) == 8
    assert lines[0][:3] == (1, datetime(2026, 8, 1), "申请人6")
    assert lines[0][5:] == ("0531-86120006", "预约回访")
    rate = book["回访率"]
    assert rate["A1"].value == "2026年08月电话回访率分析"
    assert [rate.cell(row, 2).value for row in range(5, 10)] == [8, 6, 2, 4, pytest.approx(1 / 3)]
    operators = book["按回访员"]
    names = [operators.cell(row, 1).value for row in range(5, 9)]
    assert names == ["回访员1", "回访员2", UNRECORDED_OPERATOR, "合计"]
    words = [cell.value for row in book["不满意原因"].iter_rows() for cell in row if cell.value]
    assert "窗口人员态度差" in words and "材料要求太多" in words


# --- the sample files -----------------------------------------------------------------------------


def _sheet_rows(path: Path) -> list[dict[str, object]]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    header = [str(cell) for cell in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def test_august_2026_from_the_sample_files(any_db, samples, tmp_path: Path):
    with any_db.sessions.begin() as session:
        for kind, name in (
            ("cases", "cases_2026q3.csv"),
            ("evaluations", "evaluations_2026q3.xlsx"),
            ("ledger", "ledger_2026q3.xlsx"),
        ):
            assert import_file(session, kind, samples / name).imported
    with any_db.sessions() as session:
        august = monthly_analysis(session, 2026, 8)

    # Independently, from the ledger file: its August lines in file order (dates only).
    ledger = [r for r in _sheet_rows(samples / "ledger_2026q3.xlsx") if r["日期"][:7] == "2026-08"]
    ledger.sort(key=lambda r: (r["日期"], r["序号"]))
    completed = {r["业务编号"] for r in ledger if r["回访情况"] == "已回访"}
    attempted = {r["业务编号"] for r in ledger}
    last = {r["业务编号"]: outcome_from_text(r["回访情况"]).code for r in ledger}
    failures = Counter(code for case_no, code in last.items() if case_no not in completed)
    assert august.revisit.calls == len(ledger) == 36
    assert august.revisit.cases_attempted == len(attempted)
    assert august.revisit.cases_completed == len(completed)
    assert august.revisit.rate == pytest.approx(len(completed) / len(attempted))
    assert {o.code: o.count for o in august.revisit.failure_reasons} == dict(failures)
    by_outcome = Counter(outcome_from_text(r["回访情况"]).code for r in ledger)
    assert {o.code: o.count for o in august.revisit.attempts_by_outcome} == dict(by_outcome)

    calls = Counter(r["回访人"] for r in ledger)
    contacts = Counter(
        r["回访人"]
        for r in ledger
        if OUTCOMES_BY_CODE[outcome_from_text(r["回访情况"]).code].contact
    )
    operators = {g.name: g for g in august.operators}
    assert {name: g.calls for name, g in operators.items()} == dict(calls)
    for name, group in operators.items():
        assert group.contact_rate == pytest.approx(contacts[name] / calls[name])
        assert group.average_duration is None  # the ledger records no durations
    units = {g.name: g.calls for g in august.units}
    assert sum(units.values()) == 36 and len(units) == 7

    # Satisfaction: the ledger's completed calls, and those with the platform's August answers.
    phone_overall = Counter(
        rating_from_text(r["总体情况"]) for r in ledger if r["回访情况"] == "已回访"
    )
    online = [
        r
        for r in _sheet_rows(samples / "evaluations_2026q3.xlsx")
        if r["评价时间"][:7] == "2026-08"
    ]
    all_overall = phone_overall + Counter(rating_from_text(r["总体评价"]) for r in online)
    phone = august.satisfaction_phone.items[0]
    every = august.satisfaction_all.items[0]
    assert august.satisfaction_phone.evaluations == len(completed)
    assert phone.counts == {rating.value: phone_overall[rating] for rating in Rating}
    assert august.satisfaction_all.evaluations == len(completed) + len(online)
    assert every.counts == {rating.value: all_overall[rating] for rating in Rating}
    satisfied = all_overall[Rating.VERY_SATISFIED] + all_overall[Rating.SATISFIED]
    assert every.satisfied_share == pytest.approx(satisfied / sum(all_overall.values()))

    dissatisfied = [
        r
        for r in ledger
        if r["回访情况"] == "已回访"
        and any(
            rating_from_text(r[item]) == Rating.DISSATISFIED
            for item in ("总体情况", "办事效率", "服务态度", "提交材料")
        )
    ]
    assert august.dissatisfaction.phone == len(dissatisfied)

    # The 附录 F ledger lists the file's August lines, with the number as written.
    assert [(row.case_no, row.contact, row.outcome_label) for row in august.ledger_rows] == [
        (
            r["业务编号"],
            r["联系方式"],
            OUTCOMES_BY_CODE[outcome_from_text(r["回访情况"]).code].label,
        )
        for r in ledger
    ]
    assert [row.person for row in august.ledger_rows] == [r["人员姓名"] for r in ledger]

    path = tmp_path / "august.xlsx"
    write_monthly_xlsx(august, path)
    sheet = openpyxl.load_workbook(path)["回访记录单"]
    assert sum(1 for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]) == 36
