"""Quality inspection through app/, the door every interface uses: the default scorecard, its
editing rules, reproducible samples, scoring with critical failures, who may do what."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from app.i18n import set_language
from app.quality.figures import qc_figures
from app.quality.sampling import SampleInvalid, draw_sample, population
from app.quality.scorecard import (
    DEFAULT_CARD,
    CriterionInvalid,
    CriterionRow,
    all_criteria,
    save_criteria,
    scorecard,
)
from app.quality.scoring import (
    ScoreInvalid,
    my_scores,
    review_detail,
    sample_reviews,
    score_review,
)
from app.roles import NotPermitted
from db.models import AuditEntry, CorrectiveAction, QcCriterion, QcReview, QcSample, QcScore

SEPT = (date(2026, 9, 1), date(2026, 9, 30))


def full_points(session) -> dict[str, int]:
    return {c.code: c.weight for c in scorecard(session)}


def audit_actions(session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


# --- the scorecard ------------------------------------------------------------------------------


def test_the_default_card_quotes_the_specifications(world):
    database, _w = world
    with database.sessions.begin() as session:
        card = scorecard(session)
    assert [c.code for c in card] == [c.code for c in DEFAULT_CARD]
    assert sum(c.weight for c in card) == 100
    by_code = {c.code: c for c in card}
    assert by_code["no_forbidden"].critical and by_code["answers_as_said"].critical
    assert [c.code for c in card if c.critical] == ["no_forbidden", "answers_as_said"]
    assert "服务忌语" in by_code["no_forbidden"].label
    assert by_code["no_forbidden"].source == "W 附录 D.1.3"
    assert "您好，这里是（单位）" in by_code["opening"].label
    assert "再见" in by_code["closing"].label
    assert by_code["form_a_asked"].source == "J 附件 A"
    assert "详细记录" in by_code["dissatisfaction_recorded"].label
    assert by_code["dissatisfaction_recorded"].source == "J 5.3.3"
    assert by_code["manners"].source.startswith("W 附录 G")
    # Seeded once: asking again adds nothing.
    with database.sessions.begin() as session:
        scorecard(session)
        assert session.scalar(select(func.count(QcCriterion.id))) == len(DEFAULT_CARD)


def test_a_team_lead_edits_the_card_audited(world):
    database, w = world
    with database.sessions.begin() as session:
        card = save_criteria(
            session,
            {"opening": {"weight": 15, "label": "  开头用语规范  "}, "manners": {"active": False}},
            new=[
                CriterionRow(
                    "",
                    "告知录音：“本次通话可能会被录音”",
                    "Recording announced",
                    None,
                    5,
                    False,
                    5,
                    True,
                )
            ],
            by_id=w.lead,
        )
    by_code = {c.code: c for c in card}
    assert by_code["opening"].weight == 15 and by_code["opening"].label == "开头用语规范"
    assert not by_code["manners"].active
    assert by_code["custom_1"].position == 5 and card[0].code == "custom_1"
    with database.sessions.begin() as session:
        assert "manners" not in {c.code for c in scorecard(session)}
        assert audit_actions(session).count("qc_criterion.change") == 2
        assert audit_actions(session).count("qc_criterion.add") == 1


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"opening": {"weight": 0}}, "1 到 100"),
        ({"opening": {"weight": -5}}, "1 到 100"),
        ({"opening": {"weight": 101}}, "1 到 100"),
        ({"opening": {"weight": "10"}}, "整数"),
        ({"opening": {"label": "   "}}, "不能为空"),
        ({"opening": {"label": "字" * 101}}, "最多 100"),
        ({"opening": {"label_en": "x" * 201}}, "最多 100"),
        ({"opening": {"label": "未使用服务忌语（如“不知道、不清楚”“听不到，大声一点”）"}}, "重复"),
        ({"opening": {"position": -1}}, "顺序"),
        ({"opening": {"code": "other"}}, "not editable"),
        ({"nothing": {"weight": 3}}, "没有这项"),
    ],
)
def test_editing_rules(world, changes, message):
    database, w = world
    with database.sessions.begin() as session:
        before = all_criteria(session)
    with pytest.raises(CriterionInvalid, match=message), database.sessions.begin() as session:
        save_criteria(session, changes, by_id=w.lead)
    with database.sessions.begin() as session:
        assert all_criteria(session) == before


def test_at_least_one_criterion_stays_active_and_none_is_deleted(world):
    database, w = world
    with database.sessions.begin() as session:
        codes = [c.code for c in scorecard(session)]
    with pytest.raises(CriterionInvalid, match="至少要有一项"), database.sessions.begin() as s:
        save_criteria(s, {code: {"active": False} for code in codes}, by_id=w.lead)
    with database.sessions.begin() as session:
        save_criteria(session, {code: {"active": False} for code in codes[1:]}, by_id=w.lead)
        assert [c.code for c in scorecard(session)] == codes[:1]
        assert len(all_criteria(session)) == len(codes)


def test_a_new_criterion_with_a_hostile_code_or_label(world):
    database, w = world
    hostile = CriterionRow(
        "x'; DROP TABLE qc_criteria;--", "标签", "Label", None, 5, False, 1, True
    )
    with pytest.raises(CriterionInvalid, match="代码"), database.sessions.begin() as session:
        save_criteria(session, {}, new=[hostile], by_id=w.lead)
    formula = replace(hostile, code="", label='=HYPERLINK("http://x")', label_en="=1+1")
    with database.sessions.begin() as session:
        card = save_criteria(session, {}, new=[formula], by_id=w.lead)
    assert card[0].label == '=HYPERLINK("http://x")'


def test_an_operator_may_not_edit_the_card(world):
    database, w = world
    with pytest.raises(NotPermitted), database.sessions.begin() as session:
        save_criteria(session, {"opening": {"weight": 3}}, by_id=w.operator)


# --- sampling -----------------------------------------------------------------------------------


def draw(database, w, size=5, seed=20260930, operator=None, by=None):
    with database.sessions.begin() as session:
        return draw_sample(
            session, operator or w.operator, *SEPT, size, seed=seed, by_id=by or w.lead
        )


def test_the_population_is_the_operators_completed_evaluated_calls_in_the_period(world):
    database, w = world
    with database.sessions.begin() as session:
        assert population(session, w.operator, *SEPT) == sorted(w.calls)
        assert population(session, w.other_operator, *SEPT) == sorted(w.other_calls)
        assert population(session, w.idle_operator, *SEPT) == []


def test_the_same_seed_over_the_same_population_draws_the_same_calls(any_db, stop_clock):
    from tests.quality.conftest import at, make_world

    stop_clock(at(2026, 10, 8, 9))
    with any_db.sessions.begin() as session:
        w = make_world(session)
    first = draw(any_db, w)
    assert (first.seed, first.population, first.size) == (20260930, 12, 5)
    # Undo the draw, and draw again with the same seed: the same calls in the same order.
    with any_db.sessions.begin() as session:
        session.query(QcReview).delete()
        session.query(QcSample).delete()
    again = draw(any_db, w)
    assert again.call_attempt_ids == first.call_attempt_ids
    with any_db.sessions.begin() as session:
        session.query(QcReview).delete()
        session.query(QcSample).delete()
    other = draw(any_db, w, seed=7)
    assert other.call_attempt_ids != first.call_attempt_ids
    with any_db.sessions.begin() as session:
        sample = session.get(QcSample, other.sample_id)
        assert (sample.seed, sample.population, sample.size) == (7, 12, 5)
        assert sample.drawn_by_id == w.lead
        rows = sample_reviews(session, other.sample_id, by_id=w.lead)
        assert [r.call_attempt_id for r in rows] == other.call_attempt_ids
        assert {r.status for r in rows} == {"pending"}


def test_a_call_is_never_drawn_twice_and_a_large_size_takes_all(world):
    database, w = world
    first = draw(database, w, size=5)
    rest = draw(database, w, size=500, seed=1)
    assert rest.population == 7 and rest.size == 7
    assert set(first.call_attempt_ids) | set(rest.call_attempt_ids) == set(w.calls)
    assert not set(first.call_attempt_ids) & set(rest.call_attempt_ids)
    with pytest.raises(SampleInvalid, match="没有可抽取"):
        draw(database, w, seed=2)


def test_nobody_completed_anything(world):
    database, w = world
    with pytest.raises(SampleInvalid, match="钱新 在 2026-09-01 至 2026-09-30 没有可抽取"):
        draw(database, w, operator=w.idle_operator)
    with database.sessions.begin() as session:
        assert session.scalar(select(func.count(QcSample.id))) == 0


@pytest.mark.parametrize(
    "size, seed, message",
    [
        (0, 1, "抽样数量"),
        (501, 1, "抽样数量"),
        (True, 1, "抽样数量"),
        (3, -1, "种子"),
        (3, 2**31, "种子"),
    ],
)
def test_bad_draws(world, size, seed, message):
    database, w = world
    with pytest.raises(SampleInvalid, match=message):
        draw(database, w, size=size, seed=seed)
    with pytest.raises(SampleInvalid, match="开始日期"), database.sessions.begin() as session:
        draw_sample(session, w.operator, date(2026, 9, 30), date(2026, 9, 1), 3, by_id=w.lead)
    with pytest.raises(SampleInvalid, match="回访员"), database.sessions.begin() as session:
        draw_sample(session, 99999, *SEPT, 3, by_id=w.lead)


# --- scoring ------------------------------------------------------------------------------------


def test_scoring_keeps_the_criteria_as_they_were(world):
    database, w = world
    sample = draw(database, w, size=2)
    review = sample.review_ids[0]
    with database.sessions.begin() as session:
        points = full_points(session) | {"opening": 6, "manners": 8}
        result = score_review(
            session,
            review,
            points,
            notes={"opening": "未报单位名称"},
            note="总体良好",
            by_id=w.lead,
        )
    assert (result.points, result.max_points, result.critical_failed) == (94, 100, False)
    assert result.corrective_action_id is None
    with database.sessions.begin() as session:
        save_criteria(session, {"opening": {"weight": 30, "label": "新开头"}}, by_id=w.lead)
        detail = review_detail(session, review, viewer_id=w.lead)
    opening = next(line for line in detail.lines if line.code == "opening")
    assert (opening.label, opening.weight, opening.points, opening.note) == (
        DEFAULT_CARD[0].label,
        10,
        6,
        "未报单位名称",
    )
    assert detail.row.note == "总体良好" and detail.row.status == "scored"
    assert ("总体情况", "满意") in detail.form_a.items
    assert ("有无违反廉洁纪律", "没有") in detail.form_a.items
    assert detail.duration_seconds == 185


@pytest.mark.parametrize(
    "change, message",
    [
        ({"opening": 11}, "0 到 10"),
        ({"opening": -1}, "0 到 10"),
        ({"opening": 2.5}, "0 到 10"),
        ({"opening": None}, "请为"),
        ({"made_up": 3}, "不是这张评分表"),
    ],
)
def test_points_out_of_range_are_refused_and_nothing_is_kept(world, change, message):
    database, w = world
    sample = draw(database, w, size=1)
    with pytest.raises(ScoreInvalid, match=message), database.sessions.begin() as session:
        points = full_points(session) | change
        points = {k: v for k, v in points.items() if v is not None}
        score_review(session, sample.review_ids[0], points, by_id=w.lead)
    with database.sessions.begin() as session:
        assert session.scalar(select(func.count(QcScore.id))) == 0
        assert session.get(QcReview, sample.review_ids[0]).status == "pending"


def test_a_deactivated_criterion_is_not_scored(world):
    database, w = world
    sample = draw(database, w, size=1)
    with database.sessions.begin() as session:
        save_criteria(session, {"manners": {"active": False}}, by_id=w.lead)
    with pytest.raises(ScoreInvalid, match="manners"), database.sessions.begin() as session:
        score_review(
            session, sample.review_ids[0], full_points(session) | {"manners": 10}, by_id=w.lead
        )
    with database.sessions.begin() as session:
        result = score_review(session, sample.review_ids[0], full_points(session), by_id=w.lead)
    assert result.max_points == 90


def test_a_note_too_long(world):
    database, w = world
    sample = draw(database, w, size=1)
    with pytest.raises(ScoreInvalid, match="1000"), database.sessions.begin() as session:
        score_review(
            session,
            sample.review_ids[0],
            full_points(session),
            notes={"opening": "长" * 1001},
            by_id=w.lead,
        )


def test_a_critical_failure_opens_one_corrective_action_not_two(world):
    database, w = world
    sample = draw(database, w, size=1)
    review = sample.review_ids[0]
    with database.sessions.begin() as session:
        failing = full_points(session) | {"no_forbidden": 0}
        first = score_review(
            session, review, failing, notes={"no_forbidden": "说了“不清楚”"}, by_id=w.lead
        )
    assert first.critical_failed and first.capa_opened and first.corrective_action_id
    with database.sessions.begin() as session:
        capa = session.get(CorrectiveAction, first.corrective_action_id)
        assert capa.source == "violation" and capa.status == "open"
        assert capa.unit_id == w.unit
        assert "李晓燕" in capa.problem and "服务忌语" in capa.problem
        assert "BH202609" in capa.problem
        # Corrected by the same team lead: still failing, still one action.
        again = score_review(session, review, failing | {"answers_as_said": 0}, by_id=w.lead)
        assert again.rescored and not again.capa_opened
        assert again.corrective_action_id == first.corrective_action_id
        assert session.scalar(select(func.count(CorrectiveAction.id))) == 1
        # Corrected to pass: the action stays, to be verified as any other.
        passed = score_review(session, review, full_points(session), by_id=w.lead)
        assert not passed.critical_failed
        assert passed.corrective_action_id == first.corrective_action_id
        assert session.scalar(select(func.count(CorrectiveAction.id))) == 1
        # The audit keeps every scoring, with what it was before.
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "qc_review").order_by(AuditEntry.id)
        ).all()
        assert [e.action for e in entries] == [
            "qc_review.score",
            "qc_review.rescore",
            "qc_review.rescore",
        ]
        assert entries[1].before["scores"]["no_forbidden"]["points"] == 0
        assert entries[2].before["scores"]["answers_as_said"]["points"] == 0


def test_another_team_lead_may_not_overwrite_but_an_administrator_may(world):
    database, w = world
    sample = draw(database, w, size=1)
    review = sample.review_ids[0]
    with database.sessions.begin() as session:
        score_review(session, review, full_points(session), by_id=w.lead)
    with pytest.raises(ScoreInvalid, match="另一位组长"), database.sessions.begin() as session:
        score_review(session, review, full_points(session) | {"opening": 0}, by_id=w.other_lead)
    with database.sessions.begin() as session:
        result = score_review(session, review, full_points(session) | {"opening": 0}, by_id=w.admin)
        assert result.points == 90
        assert session.get(QcReview, review).reviewer_id == w.lead


# --- who may do what ----------------------------------------------------------------------------


def test_an_operator_cannot_draw_score_or_read_others(world):
    database, w = world
    with pytest.raises(NotPermitted):
        draw(database, w, by=w.operator)
    sample = draw(database, w, size=2)
    mine, pending = sample.review_ids
    with pytest.raises(NotPermitted), database.sessions.begin() as session:
        score_review(session, mine, full_points(session), by_id=w.operator)
    with database.sessions.begin() as session:
        score_review(
            session,
            mine,
            full_points(session) | {"closing": 4},
            notes={"closing": "没说再见"},
            by_id=w.lead,
        )
    with database.sessions.begin() as session:
        own = my_scores(session, viewer_id=w.operator)
        assert [(r.review_id, r.points, r.reviewer) for r in own] == [(mine, 94, "王建国")]
        detail = review_detail(session, mine, viewer_id=w.operator)
        assert next(x for x in detail.lines if x.code == "closing").note == "没说再见"
        # Not yet scored: not shown to the operator.
        with pytest.raises(NotPermitted):
            review_detail(session, pending, viewer_id=w.operator)
        # Somebody else's scores, and the sample's list: team leads only.
        with pytest.raises(NotPermitted):
            review_detail(session, mine, viewer_id=w.other_operator)
        with pytest.raises(NotPermitted):
            my_scores(session, viewer_id=w.other_operator, operator_id=w.operator)
        with pytest.raises(NotPermitted):
            sample_reviews(session, sample.sample_id, by_id=w.operator)
        assert my_scores(session, viewer_id=w.other_operator) == []
        assert len(my_scores(session, viewer_id=w.lead, operator_id=w.operator)) == 1


def test_the_figures_per_operator(world):
    database, w = world
    sample = draw(database, w, size=3)
    other = draw(database, w, size=1, operator=w.other_operator)
    with database.sessions.begin() as session:
        card = full_points(session)
        score_review(session, sample.review_ids[0], card, by_id=w.lead)
        score_review(session, sample.review_ids[1], card | {"no_forbidden": 10}, by_id=w.lead)
        score_review(session, other.review_ids[0], card | {"opening": 0}, by_id=w.lead)
        figures = qc_figures(session, *SEPT)
        assert qc_figures(session, date(2026, 10, 1), date(2026, 10, 31)) == {}
    mine = figures[w.operator]
    assert (mine.scored, mine.points, mine.max_points, mine.critical_failures) == (2, 190, 200, 1)
    assert mine.average == 95.0
    assert (figures[w.other_operator].scored, figures[w.other_operator].average) == (1, 90.0)


def test_the_monthly_workbook_shows_the_operators_qc_columns(world, tmp_path):
    from python_calamine import CalamineWorkbook

    from app.reports.monthly import monthly_analysis
    from app.reports.monthly_xlsx import SHEETS, write_monthly_xlsx

    database, w = world
    sample = draw(database, w, size=2)
    with database.sessions.begin() as session:
        card = full_points(session)
        score_review(session, sample.review_ids[0], card | {"answers_as_said": 0}, by_id=w.lead)
        score_review(session, sample.review_ids[1], card, by_id=w.lead)
        analysis = monthly_analysis(session, 2026, 9)
    path = tmp_path / "monthly.xlsx"
    write_monthly_xlsx(analysis, path)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(SHEETS[4]).to_python()
    header = next(row for row in rows if row and row[0] == "回访员")
    assert header[-3:] == ["质检通话数", "质检平均得分率", "关键项不合格数"]
    line = next(row for row in rows if row and row[0] == "李晓燕")
    assert line[-3:] == [2, 0.9, 1]
    other = next(row for row in rows if row and row[0] == "周敏")
    assert other[-3] == 0 and other[-2] in ("", None)


def test_the_call_as_recorded_is_shown_in_the_language_of_the_interface(sqlite_world):
    database, w = sqlite_world
    with database.sessions.begin() as session:
        drawn = draw_sample(
            session, w.operator, date(2026, 9, 1), date(2026, 9, 30), 1, seed=3, by_id=w.lead
        )
    set_language("en")
    try:
        with database.sessions() as session:
            detail = review_detail(session, drawn.review_ids[0], viewer_id=w.lead)
    finally:
        set_language("zh")
    labels = [label for label, _answer in detail.form_a.items]
    assert labels == ["Overall", "Efficiency", "Attitude", "Materials", "Integrity breach"]
    assert {answer for _label, answer in detail.form_a.items} <= {
        "Very satisfied",
        "Satisfied",
        "Average",
        "Dissatisfied",
        "No",
        "Yes",
        "(not recorded)",
    }
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in line.label) for line in detail.lines)
