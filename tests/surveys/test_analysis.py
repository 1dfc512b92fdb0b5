"""The quarterly analysis against figures worked out by hand (tests/surveys/quarter.py).

binhu, Q2 2026 — three sheets:
    服务环境 S S D → 满意 2/3, 不满意 1/3      服务态度 S A S → 2/3, 一般 1/3
    办事效率 A A – → 0/2, 一般 2/2             咨询答复 S – – → 1/1
    上班纪律 S S – → 2/2                       便民设施 D S – → 1/2, 不满意 1/2
    总体印象 S A S → 2/3
    overall: sheet 1 5 of 7, sheet 2 3 of 6, sheet 3 2 of 3 → 10/16 = 62.5 %
    ages: 25岁以下 1, 36–50 1, blank 1; channels: 社区 1, 网络 2, none ticked 1
    wishes: 增加停车位 ×2 (one written " 增加 停车位。"), "无" counted apart
    trend: 2025 Q2–Q4 nothing, 2026 Q1 7/7
liangxi: 1/1.  All: 11/17, four sheets; the trend's 2026 Q1 7/7.
"""

from __future__ import annotations

from fractions import Fraction

from app.surveys import satisfaction_rate
from app.surveys.analysis import group_wishes, survey_analysis, wish_key
from tests.surveys.quarter import build_quarter


def test_the_quarter_by_hand(any_db, world):
    with any_db.sessions.begin() as session:
        build_quarter(session, world)
    with any_db.sessions.begin() as session:
        analysis = survey_analysis(session, 2026, 2)
    by_id = {outlet.unit_id: outlet for outlet in analysis.outlets}
    assert [o.name for o in analysis.outlets] == sorted(o.name for o in analysis.outlets)
    binhu, liangxi = by_id[world.binhu], by_id[world.liangxi]
    assert binhu.responses == 3
    items = {item.column: item for item in binhu.items}
    assert items["environment"].rate == Fraction(2, 3)
    assert items["environment"].share(items["environment"].dissatisfied) == Fraction(1, 3)
    assert items["attitude"].share(items["attitude"].average) == Fraction(1, 3)
    assert (items["efficiency"].rate, items["efficiency"].answered) == (0, 2)
    assert items["consultation"].rate == 1 and items["consultation"].answered == 1
    assert items["facilities"].share(items["facilities"].dissatisfied) == Fraction(1, 2)
    assert items["overall"].rate == Fraction(2, 3)
    assert binhu.overall.rate == Fraction(5, 8)
    assert (binhu.overall.satisfied, binhu.overall.answered) == (10, 16)
    assert binhu.age_bands == {"under_25": 1, "25_35": 0, "36_50": 1, "51_up": 0}
    assert binhu.age_unanswered == 1
    assert binhu.channels == {
        "community": 1,
        "government": 0,
        "media": 0,
        "internet": 2,
        "other": 0,
    }
    assert binhu.channels_unanswered == 1
    assert [(w.text, w.count) for w in binhu.wishes] == [("增加停车位", 2)]
    assert binhu.no_wish == 1
    assert [(q.year, q.quarter) for q in binhu.trend] == [
        (2025, 2),
        (2025, 3),
        (2025, 4),
        (2026, 1),
    ]
    assert [q.rate.rate for q in binhu.trend] == [None, None, None, 1]
    assert liangxi.overall.rate == 1 and liangxi.responses == 1
    total = analysis.total
    assert total.responses == 4 and total.overall.rate == Fraction(11, 17)
    assert total.trend[-1].rate.rate == 1
    # The same meaning as satisfaction_rate, which the outlet assessment deducts by.
    with any_db.sessions.begin() as session:
        assert satisfaction_rate(
            session, world.binhu, analysis.start, analysis.end
        ).rate == Fraction(5, 8)
        one = survey_analysis(session, 2026, 2, world.liangxi)
    assert [o.unit_id for o in one.outlets] == [world.liangxi] and one.total is None


def test_an_outlet_without_sheets_has_rates_of_none(any_db, world):
    with any_db.sessions.begin() as session:
        analysis = survey_analysis(session, 2026, 2, world.binhu)
    (outlet,) = analysis.outlets
    assert outlet.responses == 0 and outlet.overall.rate is None
    assert all(item.rate is None for item in outlet.items)


def test_how_wishes_are_grouped():
    wishes, no_wish = group_wishes(
        [
            "多开窗口！",
            "多开 窗口",
            "ＷＩＦＩ太慢",
            "wifi太慢",
            "无",
            "暂无。",
            None,
            "  ",
            "多开窗口",
        ]
    )
    # Three spellings of one wish, each once: shown as the first seen.
    assert [(w.text, w.count) for w in wishes] == [("多开窗口！", 3), ("ＷＩＦＩ太慢", 2)]
    assert no_wish == 2
    assert wish_key("ＷＩＦＩ太慢") == wish_key("wifi太慢")
