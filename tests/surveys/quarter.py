"""A small quarter of surveys (Q2 2026) whose figures are worked out by hand in test_analysis."""

from __future__ import annotations

from datetime import date

from app.surveys import AVERAGE as A
from app.surveys import DISSATISFIED as D
from app.surveys import SATISFIED as S
from app.surveys.entry import SurveyAnswers, record_survey

COLUMNS = (
    "environment",
    "attitude",
    "efficiency",
    "consultation",
    "discipline",
    "facilities",
    "overall",
)


def answers(ratings, age=None, channels=(), improvement=None) -> SurveyAnswers:
    return SurveyAnswers(age, dict(zip(COLUMNS, ratings, strict=True)), channels, improvement)


def build_quarter(session, world) -> None:
    sheets = [
        # binhu, Q2: three sheets
        (
            world.binhu,
            date(2026, 4, 10),
            answers((S, S, A, S, S, D, S), "under_25", ("community", "internet"), "增加停车位"),
        ),
        (
            world.binhu,
            date(2026, 5, 5),
            answers((S, A, A, None, S, S, A), "36_50", ("internet",), " 增加 停车位。"),
        ),
        (
            world.binhu,
            date(2026, 6, 30),
            answers((D, S, None, None, None, None, S), None, (), "无"),
        ),
        # binhu, Q1: the quarter before, all satisfied; Q3: after, not counted
        (world.binhu, date(2026, 3, 31), answers((S,) * 7)),
        (world.binhu, date(2026, 7, 1), answers((D,) * 7)),
        # liangxi, Q2: one question answered
        (world.liangxi, date(2026, 6, 1), answers((S, None, None, None, None, None, None))),
    ]
    for unit_id, day, sheet in sheets:
        record_survey(session, unit_id, day, sheet, by_id=world.operator)
