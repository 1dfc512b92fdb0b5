"""An assessment entered item by item, its total and grade worked out by hand; the computed
服务礼仪 at each boundary; the complaint rule; sign-off; comparison; the ranking."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

import pytest
from sqlalchemy import select

from app.assessment import AssessmentError, grade_of
from app.assessment.rules import satisfaction_deduction
from app.assessment.service import (
    assessment_detail,
    finalize,
    list_assessments,
    new_assessment,
    ranking,
    recompute_item,
    score_item,
    update_details,
)
from app.assessment.sheet import ItemInput, add_item, score_sheet, update_item
from app.roles import NotPermitted
from app.zone import LOCAL_ZONE
from db.models import AuditEntry, OutletAssessment
from tests.assessment.conftest import H1, H2_2025, add_complaint, add_surveys


def _new(session, world, unit=None, period=H1, kind="internal", assessors="王建国、李晓燕"):
    return new_assessment(
        session, world.lead, unit_id=unit or world.binhu, kind=kind, period_start=period[0],
        period_end=period[1], assessed_on=period[1], assessors=assessors,
    )  # fmt: skip


def test_a_whole_assessment_item_by_item(any_db, world):
    with any_db.sessions.begin() as session:
        add_surveys(session, world.binhu, date(2026, 3, 2), satisfied=93, other=7)  # 93 %
        add_surveys(session, world.binhu, date(2025, 12, 30), satisfied=0, other=50)  # not in H1
        made = _new(session, world)
    entries = {  # item: deductions (tenths, reason)
        1: [(10, "3月5日符合条件不予受理"), (10, "4月9日符合条件不予受理")],
        2: [(10, "5月2日未延时办理")],
        5: [(5, "绿色通道办理迟缓")],
        8: [(10, "自助机停用"), (10, "自助机停用"), (10, "自助机停用")],  # 3 > 2 points: 0
        10: [(20, "人员不足"), (20, "未佩戴工作牌")],
        12: [(10, "物品摆放杂乱")],
    }
    for number, deductions in entries.items():
        with any_db.sessions.begin() as session:
            score_item(session, world.lead, made, number, deductions)
    with any_db.sessions.begin() as session:
        detail = assessment_detail(session, world.lead, made)
    scores = {s.item_number: s.score_tenths for s in detail.scores}
    # By hand: 1: 3−2=1; 2: 2−1=1; 3: 2; 4: 3; 5: 3−0.5=2.5; 6: 1; 7: 2; 8: 2−3→0; 9: 2
    # (服务举措 14.5); 10: 4−4=0; 11: 5−1=4 (93 %); 12: 3−1=2; 13: 0 (服务保障 6). Total 20.5.
    assert scores == {1: 10, 2: 10, 3: 20, 4: 30, 5: 25, 6: 10, 7: 20, 8: 0, 9: 20,
                      10: 0, 11: 40, 12: 20, 13: 0}  # fmt: skip
    assert detail.row.total_tenths == 205 and detail.row.grade == "fail"
    assert detail.row.standard_total_tenths == 320 and "32" in detail.warning
    courtesy = detail.scores[10]
    assert courtesy.computed and "满意 93 / 作答 100" in courtesy.record
    assert "93.00%" in courtesy.record and courtesy.deductions[0]["points_tenths"] == 10
    assert (
        detail.scores[0].record
        == "3月5日符合条件不予受理，扣 1 分；4月9日符合条件不予受理，扣 1 分"
    )
    with any_db.sessions.begin() as session:
        row = finalize(session, world.lead, made)
    assert (row.status, row.total_tenths, row.grade) == ("final", 205, "fail")
    with pytest.raises(AssessmentError), any_db.sessions.begin() as session:
        score_item(session, world.lead, made, 3, [(10, "too late")])
    with pytest.raises(AssessmentError), any_db.sessions.begin() as session:
        finalize(session, world.lead, made)
    with any_db.sessions.begin() as session:
        kept = session.get_one(OutletAssessment, made)
        assert (kept.total_tenths, kept.grade, kept.finalized_at is not None) == (205, "fail", True)
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "outlet_assessment")
        ).all()
        assert actions == ["outlet_assessment.created"] + ["outlet_assessment.scored"] * 6 + [
            "outlet_assessment.finalized"
        ]


def test_a_completed_sheet_and_the_grades(any_db, world):
    with any_db.sessions.begin() as session:
        items = {i.number: i for i in score_sheet(session).items}
        assert items[13].id is None
    with any_db.sessions.begin() as session:
        add_item(
            session, world.admin, ItemInput(14, "其他", "其他", "补全的项目", "每次扣1分", 550)
        )
        thirteen = next(i for i in score_sheet(session).items if i.number == 13)
        update_item(session, world.admin, thirteen.id,
                    ItemInput(13, "服务保障", "硬件设施", "配置设施", "缺一项扣1分", 130))  # fmt: skip
        assert score_sheet(session).complete
        add_surveys(session, world.binhu, date(2026, 2, 1), satisfied=19, other=1)  # 95 %: 0
        made = _new(session, world)
    with any_db.sessions.begin() as session:
        score_item(session, world.lead, made, 14, [(50, "a"), (20, "b")])
        score_item(session, world.lead, made, 1, [(15, "c")])
    with any_db.sessions.begin() as session:
        detail = assessment_detail(session, world.lead, made)
        # 100 − 7 − 1.5 = 91.5: 优秀, and no warning.
        assert (detail.row.total_tenths, detail.row.grade, detail.warning) == (
            915,
            "excellent",
            None,
        )
        score_item(session, world.lead, made, 14, [(50, "a"), (20, "b"), (10, "d")])
        assert assessment_detail(session, world.lead, made).row.grade == "good"  # 90.5


@pytest.mark.parametrize(
    ("tenths", "grade"),
    [(1000, "excellent"), (910, "excellent"), (909, "good"), (905, "good"), (900, "good"),
     (810, "good"), (809, "pass"), (805, "pass"), (800, "pass"), (710, "pass"), (709, "fail"),
     (700, "fail"), (0, "fail")],
)  # fmt: skip
def test_grade_bands(tenths, grade):
    assert grade_of(tenths) == grade


@pytest.mark.parametrize(
    ("rate", "deducted"),
    [
        (Fraction(1), 0), (Fraction(95, 100), 0), (Fraction(9499, 10000), 10),
        (Fraction(90, 100), 10), (Fraction(8999, 10000), 20), (Fraction(85, 100), 20),
        (Fraction(8499, 10000), 30), (Fraction(80, 100), 30), (Fraction(7999, 10000), 50),
        (Fraction(0), 50), (None, 0),
    ],
)  # fmt: skip
def test_satisfaction_bands(rate, deducted):
    assert satisfaction_deduction(rate, 50) == deducted


@pytest.mark.parametrize(
    ("satisfied", "other", "score", "shown"),
    [(95, 5, 50, "95.00%"), (90, 10, 40, "90.00%"), (899, 101, 30, "89.90%"),
     (85, 15, 30, "85.00%"), (80, 20, 20, "80.00%"), (79, 21, 0, "79.00%")],
)  # fmt: skip
def test_courtesy_from_the_surveys_at_each_boundary(
    sqlite_db, sqlite_world, satisfied, other, score, shown
):
    world = sqlite_world
    with sqlite_db.sessions.begin() as session:
        add_surveys(session, world.binhu, date(2026, 6, 30), satisfied, other)
        made = _new(session, world)
        courtesy = assessment_detail(session, world.lead, made).scores[10]
    assert courtesy.score_tenths == score and shown in courtesy.record


def test_no_surveys_no_deduction_and_the_evidence_says_so(sqlite_db, sqlite_world):
    with sqlite_db.sessions.begin() as session:
        made = _new(session, sqlite_world)
        courtesy = assessment_detail(session, sqlite_world.lead, made).scores[10]
    assert courtesy.score_tenths == 50 and "无满意度调查" in courtesy.record
    assert "无经查实" in courtesy.record


def test_an_upheld_complaint_against_the_staff_takes_all_points(any_db, world):
    def at(month, day):
        return datetime(2026, month, day, 9, 0, tzinfo=LOCAL_ZONE)

    with any_db.sessions.begin() as session:
        add_surveys(session, world.binhu, date(2026, 3, 1), satisfied=100, other=0)
        # Not upheld, or not the outlet's staff, or outside the period: none of these count.
        add_complaint(session, world.binhu, world.handler, at(3, 1), number="TS1")
        add_complaint(session, world.binhu, None, at(3, 2), number="TS2", order=True)
        add_complaint(session, world.binhu, world.handler, at(3, 3), number="JY1",
                      kind="suggestion", order=True)  # fmt: skip
        add_complaint(session, world.liangxi, world.handler, at(3, 4), number="TS3", order=True)
        add_complaint(session, world.binhu, world.handler,
                      datetime(2026, 7, 1, 0, 30, tzinfo=LOCAL_ZONE), number="TS4", order=True)  # fmt: skip
        made = _new(session, world)
        courtesy = assessment_detail(session, world.lead, made).scores[10]
        assert courtesy.score_tenths == 50 and "无经查实" in courtesy.record
        # Received in the last minutes of the period (local time), with a corrective action.
        add_complaint(session, world.binhu, world.handler,
                      datetime(2026, 6, 30, 23, 50, tzinfo=LOCAL_ZONE), number="TS5", capa=True)  # fmt: skip
        add_complaint(session, world.binhu, world.handler, at(2, 1), number="TS6", order=True)
        recompute_item(session, world.lead, made, 11)
        courtesy = assessment_detail(session, world.lead, made).scores[10]
    assert courtesy.score_tenths == 0
    assert "受到投诉经查实 2 件：TS6（已督办）、TS5（已立纠正措施）" in courtesy.record


def test_overriding_a_computed_item_needs_a_reason(sqlite_db, sqlite_world):
    world = sqlite_world
    with sqlite_db.sessions.begin() as session:
        add_surveys(session, world.binhu, date(2026, 3, 1), satisfied=70, other=30)
        made = _new(session, world)
    with pytest.raises(AssessmentError) as refused, sqlite_db.sessions.begin() as session:
        score_item(session, world.lead, made, 11, [(10, "调查样本过少")])
    assert refused.value.field == "override"
    with sqlite_db.sessions.begin() as session:
        row = score_item(session, world.lead, made, 11, [(10, "态度一般")],
                         override_reason="本期调查只有一天，样本过少")  # fmt: skip
        assert (row.score_tenths, row.computed) == (40, False)
        assert row.record.startswith("人工改判（原为系统计算，得 0 分）：本期调查只有一天")
        row = score_item(session, world.lead, made, 11, [])  # no longer computed: no reason needed
        assert row.score_tenths == 50 and row.record.startswith("人工改判")
        row = recompute_item(session, world.lead, made, 11)
        assert (row.score_tenths, row.computed) == (0, True)
        with pytest.raises(AssessmentError):
            recompute_item(session, world.lead, made, 1)


@pytest.mark.parametrize(
    "deductions",
    [[(0, "零")], [(-10, "负")], [(31, "超过本项")], [(10, "  ")], [(10, "x" * 501)],
     [(10, "a")] * 51, [(True, "bool")]],
)  # fmt: skip
def test_bad_deductions_are_refused(sqlite_db, sqlite_world, deductions):
    with sqlite_db.sessions.begin() as session:
        made = _new(session, sqlite_world)
    with pytest.raises(AssessmentError), sqlite_db.sessions.begin() as session:
        score_item(session, sqlite_world.lead, made, 1, deductions)
    with sqlite_db.sessions.begin() as session:
        assert assessment_detail(session, sqlite_world.lead, made).scores[0].score_tenths == 30


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"period_start": date(2026, 7, 1)}, "period_start"),
        ({"period_start": date(2025, 1, 1)}, "period_end"),
        ({"assessed_on": date(2025, 12, 31)}, "assessed_on"),
        ({"assessed_on": date(2026, 7, 11)}, "assessed_on"),
        ({"kind": "monthly"}, "kind"),
        ({"unit_id": 999}, "unit"),
        ({"assessors": "人" * 201}, "assessors"),
    ],
)
def test_bad_assessments_are_refused(sqlite_db, sqlite_world, change, field):
    values = {"unit_id": sqlite_world.binhu, "kind": "internal", "period_start": H1[0],
              "period_end": H1[1], "assessed_on": H1[1], "assessors": "王建国"} | change  # fmt: skip
    with pytest.raises(AssessmentError) as refused, sqlite_db.sessions.begin() as session:
        new_assessment(session, sqlite_world.lead, **values)
    assert refused.value.field == field
    with sqlite_db.sessions.begin() as session:
        assert session.scalar(select(OutletAssessment.id)) is None


def test_one_assessment_per_outlet_kind_and_period(sqlite_db, sqlite_world):
    with sqlite_db.sessions.begin() as session:
        _new(session, sqlite_world)
        _new(session, sqlite_world, kind="authority")
        with pytest.raises(AssessmentError):
            _new(session, sqlite_world)


def test_who_may_assess_and_see(any_db, world):
    with any_db.sessions.begin() as session:
        made = _new(session, world)
    for who in (world.operator, world.auditor):
        with pytest.raises(NotPermitted), any_db.sessions.begin() as session:
            new_assessment(session, who, unit_id=world.binhu, kind="authority",
                           period_start=H1[0], period_end=H1[1], assessed_on=H1[1])  # fmt: skip
        with pytest.raises(NotPermitted), any_db.sessions.begin() as session:
            score_item(session, who, made, 1, [(10, "x")])
    with any_db.sessions.begin() as session:
        assert len(list_assessments(session, world.auditor)) == 1
        with pytest.raises(NotPermitted):
            list_assessments(session, world.operator)
        with pytest.raises(NotPermitted):
            finalize(session, world.auditor, made)


def test_sign_off_needs_the_assessors(sqlite_db, sqlite_world):
    world = sqlite_world
    with sqlite_db.sessions.begin() as session:
        made = _new(session, world, assessors=None)
    with pytest.raises(AssessmentError) as refused, sqlite_db.sessions.begin() as session:
        finalize(session, world.lead, made)
    assert refused.value.field == "assessors"
    with sqlite_db.sessions.begin() as session:
        update_details(session, world.lead, made, assessed_on=date(2026, 7, 2),
                       assessors="王建国", note="自评")  # fmt: skip
        assert finalize(session, world.lead, made).assessed_on == date(2026, 7, 2)


def test_comparison_with_the_previous_final_assessment(any_db, world):
    with any_db.sessions.begin() as session:
        earlier = _new(session, world, period=H2_2025)
        score_item(session, world.lead, earlier, 1, [(10, "a"), (10, "b")])
        score_item(session, world.lead, earlier, 12, [(10, "c")])
        finalize(session, world.lead, earlier)  # 32 − 3 = 29
        draft_between = _new(session, world, period=(date(2026, 1, 1), date(2026, 3, 31)))
        later = _new(session, world)
        score_item(session, world.lead, later, 2, [(10, "d")])  # 32 − 1 = 31
        detail = assessment_detail(session, world.lead, later)
        first = assessment_detail(session, world.lead, earlier)
    assert draft_between
    assert first.comparison is None
    compared = detail.comparison
    assert (compared.previous_id, compared.total_tenths, compared.grade) == (earlier, 290, "fail")
    changes = {c.item_number: (c.before_tenths, c.after_tenths) for c in compared.items}
    assert changes[1] == (10, 30) and changes[2] == (20, 10) and changes[12] == (20, 30)
    assert changes[3] == (20, 20) and len(changes) == 13


def test_the_ranking(any_db, world):
    with any_db.sessions.begin() as session:
        draft = _new(session, world, kind="authority")  # a draft is not ranked
        a = _new(session, world)
        score_item(session, world.lead, a, 1, [(10, "a")])
        finalize(session, world.lead, a)  # 滨湖 31
        b = _new(session, world, unit=world.liangxi)
        finalize(session, world.lead, b)  # 梁溪 32
        older = _new(session, world, unit=world.liangxi, period=H2_2025)
        finalize(session, world.lead, older)  # outside the period asked
        result = ranking(session, world.auditor, date(2026, 1, 1), date(2026, 12, 31))
    assert draft
    assert [(r.rank, r.unit_name, r.total_tenths, r.grade) for r in result.rows] == [
        (1, "梁溪区不动产登记中心", 320, "fail"), (2, "滨湖区不动产登记中心", 310, "fail"),
    ]  # fmt: skip
    assert result.warning


def test_equal_totals_share_a_rank(sqlite_db, sqlite_world):
    world = sqlite_world
    with sqlite_db.sessions.begin() as session:
        for unit in (world.binhu, world.liangxi):
            finalize(session, world.lead, _new(session, world, unit=unit))
        rows = ranking(session, world.lead, H1[0], H1[1], kind="internal").rows
        assert [r.rank for r in rows] == [1, 1]
        assert ranking(session, world.lead, H1[0], H1[1], kind="authority").rows == []
