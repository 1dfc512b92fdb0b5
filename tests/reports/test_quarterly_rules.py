"""The quarterly report's rules (J 5.4.1–5.4.3) on small hand-built databases, and the samples."""

from __future__ import annotations

import itertools
import json
from datetime import date, datetime

import pytest

from app.calendar import WorkingCalendar
from app.importing import import_file
from app.ratings import Channel, Rating
from app.reports.quarterly import (
    AWAITING_SUPPLEMENT,
    FAIL,
    IN_PROGRESS,
    PASS,
    QuarterlyReport,
    UnitQuarter,
    quarter_bounds,
    quarterly_report,
)
from app.settings import set_setting
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import Case, Evaluation, Unit

AFTER_DEADLINE = date(2026, 10, 20)  # Q3 2026's supplement deadline is 2026-10-10
_numbers = itertools.count(1)


def at(day: str, clock: str = "10:00") -> datetime:
    """A Beijing time, as operators and exports give it."""
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=LOCAL_ZONE)


def add_unit(session, name: str) -> Unit:
    unit = Unit(name=name)
    session.add(unit)
    return unit


def add_case(session, unit: Unit, completed: str, *, enterprise: bool = False) -> Case:
    case = Case(
        case_no=f"T{next(_numbers):08d}",
        unit=unit,
        completed_on=date.fromisoformat(completed),
        is_enterprise=enterprise,
    )
    session.add(case)
    return case


def add_cases(session, unit: Unit, count: int, completed: str = "2026-08-03") -> list[Case]:
    return [add_case(session, unit, completed) for _ in range(count)]


def evaluate(
    session,
    case: Case,
    when: datetime,
    *,
    channel: Channel = Channel.PHONE,
    overall: Rating = Rating.SATISFIED,
    round: int = 1,
) -> Evaluation:
    evaluation = Evaluation(
        case=case, channel=channel, overall=overall, evaluated_at=when, round=round
    )
    session.add(evaluation)
    return evaluation


def report(db: Database, today: date = AFTER_DEADLINE, year: int = 2026, quarter: int = 3):
    with db.sessions() as session:
        return quarterly_report(session, year, quarter, today=today)


def by_unit(result: QuarterlyReport) -> dict[str, UnitQuarter]:
    return {unit.unit: unit for unit in result.units}


def test_quarter_bounds():
    assert quarter_bounds(2026, 1) == (date(2026, 1, 1), date(2026, 3, 31))
    assert quarter_bounds(2026, 3) == (date(2026, 7, 1), date(2026, 9, 30))
    assert quarter_bounds(2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))
    with pytest.raises(ValueError):
        quarter_bounds(2026, 5)


def test_cases_are_counted_by_completion_date_within_the_quarter(any_db):
    with any_db.sessions.begin() as s:
        unit = add_unit(s, "历下区不动产登记中心")
        before = add_case(s, unit, "2026-06-30")
        add_case(s, unit, "2026-07-01")
        last_day = add_case(s, unit, "2026-09-30")
        add_case(s, unit, "2026-10-01")
        # Evaluated within Q3, but its case was completed in Q2: it belongs to Q2.
        evaluate(s, before, at("2026-07-02"), overall=Rating.VERY_SATISFIED)
        evaluate(s, last_day, at("2026-09-30", "17:00"))
        outside = add_unit(s, "历城区不动产登记中心")
        add_case(s, outside, "2026-10-01")

    result = report(any_db)
    assert [u.unit for u in result.units] == ["历下区不动产登记中心"]
    unit = result.units[0]
    assert (unit.cases, unit.revisited, unit.score_total) == (2, 1, 3)
    assert (result.start, result.end) == (date(2026, 7, 1), date(2026, 9, 30))


def test_scores_by_the_first_evaluations_overall_rating(any_db):
    with any_db.sessions.begin() as s:
        unit = add_unit(s, "槐荫区不动产登记中心")
        for rating in Rating:
            evaluate(s, add_case(s, unit, "2026-08-03"), at("2026-08-04"), overall=rating)
        add_case(s, unit, "2026-08-03")  # not revisited, not an enterprise: no score, no 未填报

    unit = report(any_db).units[0]
    assert (unit.cases, unit.revisited, unit.phone) == (5, 4, 4)
    assert unit.score_total == 5 + 3 + 2 + 0
    assert unit.score_average == pytest.approx(2.5)
    assert unit.unreported_enterprise == 0


def test_a_later_evaluation_never_scores_even_when_better(any_db):
    with any_db.sessions.begin() as s:
        unit = add_unit(s, "天桥区不动产登记中心")
        case = add_case(s, unit, "2026-08-03")
        evaluate(s, case, at("2026-08-05"), channel=Channel.PHONE, overall=Rating.DISSATISFIED)
        evaluate(s, case, at("2026-08-06"), channel=Channel.QR, overall=Rating.VERY_SATISFIED)

    unit = report(any_db).units[0]
    assert (unit.revisited, unit.phone, unit.online, unit.score_total) == (1, 1, 0, 0)


def test_the_earliest_evaluation_decides_the_channel_even_when_inserted_later(any_db):
    with any_db.sessions.begin() as s:
        unit = add_unit(s, "市中区不动产登记中心")
        case = add_case(s, unit, "2026-08-03")
        evaluate(s, case, at("2026-08-10"), channel=Channel.PLATFORM, overall=Rating.VERY_SATISFIED)
    # A phone ledger imported afterwards holds an earlier call: that call is the first evaluation.
    with any_db.sessions.begin() as s:
        case = s.query(Case).one()
        evaluate(s, case, at("2026-08-07"), channel=Channel.PHONE, overall=Rating.AVERAGE)

    unit = report(any_db).units[0]
    assert (unit.revisited, unit.online, unit.phone, unit.score_total) == (1, 0, 1, 2)


def test_round_two_evaluations_never_count(any_db):
    with any_db.sessions.begin() as s:
        unit = add_unit(s, "章丘区不动产登记中心")
        only_second = add_case(s, unit, "2026-08-03")
        evaluate(s, only_second, at("2026-08-04"), overall=Rating.VERY_SATISFIED, round=2)
        both = add_case(s, unit, "2026-08-03")
        # Even timed before the round-1 answer (a clock slip), the callback's answer is not first.
        evaluate(s, both, at("2026-08-04"), overall=Rating.VERY_SATISFIED, round=2)
        evaluate(s, both, at("2026-08-05"), channel=Channel.QR, overall=Rating.DISSATISFIED)

    unit = report(any_db).units[0]
    assert (unit.cases, unit.revisited, unit.online, unit.phone) == (2, 1, 1, 0)
    assert unit.score_total == 0


def test_a_revisit_after_the_quarter_still_counts(any_db):
    with any_db.sessions.begin() as s:
        unit = add_unit(s, "历城区不动产登记中心")
        case = add_case(s, unit, "2026-09-30")
        evaluate(s, case, at("2026-11-15"), overall=Rating.VERY_SATISFIED)

    unit = report(any_db, today=date(2026, 12, 1)).units[0]
    assert (unit.revisited, unit.score_total, unit.coverage) == (1, 5, 1.0)


def test_an_enterprise_case_never_revisited_counts_zero_as_unreported(any_db):
    with any_db.sessions.begin() as s:
        unit = add_unit(s, "市不动产登记中心专业大厅")
        add_case(s, unit, "2026-08-03", enterprise=True)  # 未填报
        visited = add_case(s, unit, "2026-08-03", enterprise=True)
        evaluate(s, visited, at("2026-08-04"), channel=Channel.ENTERPRISE, overall=Rating.SATISFIED)
        add_case(s, unit, "2026-08-03")  # a person, not revisited: not 未填报

    unit = report(any_db).units[0]
    assert (unit.cases, unit.revisited, unit.enterprise) == (3, 1, 1)
    assert unit.unreported_enterprise == 1
    assert unit.score_total == 3  # the 未填报 case adds 0
    assert unit.score_average == pytest.approx(3.0)


def test_ties_go_to_higher_coverage_then_to_the_unit_name(any_db):
    with any_db.sessions.begin() as s:
        for name, cases in (("C单位", 2), ("B单位", 2), ("A单位", 4)):
            unit = add_unit(s, name)
            first, *_ = add_cases(s, unit, cases)
            evaluate(s, first, at("2026-08-05"), overall=Rating.VERY_SATISFIED)
        # More points but the lowest coverage: the score total ranks first.
        top = add_unit(s, "D单位")
        cases = add_cases(s, top, 10)
        for case in cases[:2]:
            evaluate(s, case, at("2026-08-05"), overall=Rating.SATISFIED)

    result = report(any_db)
    assert [(u.unit, u.score_total, round(u.coverage, 2), u.rank) for u in result.units] == [
        ("D单位", 6, 0.2, 1),
        ("B单位", 5, 0.5, 2),  # same score and coverage as C单位: by name
        ("C单位", 5, 0.5, 3),
        ("A单位", 5, 0.25, 4),  # same score, lower coverage
    ]


def test_coverage_meets_the_target_at_exactly_30_percent(any_db):
    with any_db.sessions.begin() as s:
        for name, cases, revisited in (("三成", 10, 3), ("不足", 10, 2), ("二十件", 20, 6)):
            unit = add_unit(s, name)
            for case in add_cases(s, unit, cases)[:revisited]:
                evaluate(s, case, at("2026-08-05"))

    units = by_unit(report(any_db))
    assert units["三成"].coverage == pytest.approx(0.3)
    assert units["三成"].meets_target
    assert units["二十件"].meets_target
    assert not units["不足"].meets_target
    assert (units["三成"].grade, units["二十件"].grade, units["不足"].grade) == (PASS, PASS, FAIL)
    coverages = {u["unit"]: u["coverage"] for u in report(any_db).to_json()["units"]}
    assert coverages == {"三成": 0.3, "二十件": 0.3, "不足": 0.2}


def test_the_target_is_read_from_the_setting(any_db):
    with any_db.sessions.begin() as s:
        set_setting(s, "coverage.target", 0.4)
        for name, revisited in (("三成", 3), ("四成", 4)):
            unit = add_unit(s, name)
            for case in add_cases(s, unit, 10)[:revisited]:
                evaluate(s, case, at("2026-08-05"))

    result = report(any_db)
    assert result.target == pytest.approx(0.4)
    units = by_unit(result)
    assert (units["三成"].meets_target, units["三成"].grade) == (False, FAIL)
    assert (units["四成"].meets_target, units["四成"].grade) == (True, PASS)


def test_the_supplement_deadline_skips_the_national_day_holiday(any_db):
    # Q3 ends Wednesday 2026-09-30; 10-01..07 are holidays, 10-08 and 10-09 work, and Saturday
    # 10-10 is a 调休 working day: the third working day after the quarter is 10-10.
    assert WorkingCalendar().add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    with any_db.sessions.begin() as s:
        add_cases(s, add_unit(s, "历下区不动产登记中心"), 1)
    assert report(any_db).supplement_deadline == date(2026, 10, 10)
    # An ordinary quarter end: Tuesday 2026-06-30 gives Friday 07-03.
    assert report(any_db, year=2026, quarter=2).supplement_deadline == date(2026, 7, 3)


@pytest.fixture
def graded_db(any_db: Database) -> Database:
    """Four units of 10 cases: on target, supplemented on the deadline day, late, never."""
    with any_db.sessions.begin() as s:
        plans = {
            "达标": [at("2026-08-05")] * 3,
            "按期补报": [at("2026-08-05")] * 2 + [at("2026-10-10", "23:30")],
            "逾期补报": [at("2026-08-05")] * 2 + [at("2026-10-11", "00:30")],
            "未补报": [at("2026-08-05")] * 2,
        }
        for name, times in plans.items():
            cases = add_cases(s, add_unit(s, name), 10)
            for case, when in zip(cases, times, strict=False):
                evaluate(s, case, when)
    return any_db


def grades(db: Database, today: date) -> dict[str, str]:
    return {name: unit.grade for name, unit in by_unit(report(db, today=today)).items()}


def test_grade_is_in_progress_until_the_quarter_ends(graded_db):
    assert set(grades(graded_db, date(2026, 9, 30)).values()) == {IN_PROGRESS}
    assert set(grades(graded_db, date(2026, 7, 1)).values()) == {IN_PROGRESS}


def test_grade_awaits_the_supplement_until_the_deadline(graded_db):
    for today in (date(2026, 10, 1), date(2026, 10, 10)):
        assert grades(graded_db, today)["未补报"] == AWAITING_SUPPLEMENT
        assert grades(graded_db, today)["达标"] == PASS


def test_grade_after_the_deadline_counts_revisits_given_by_the_end_of_the_deadline_day(graded_db):
    result = report(graded_db, today=date(2026, 10, 11))
    units = by_unit(result)
    assert {name: unit.grade for name, unit in units.items()} == {
        "达标": PASS,
        "按期补报": PASS,  # 23:30 on the deadline day is in time
        "逾期补报": FAIL,  # 00:30 the next day is not, though coverage now reads 30 %
        "未补报": FAIL,
    }
    assert units["逾期补报"].meets_target
    assert {name: unit.revisited_by_deadline for name, unit in units.items()} == {
        "达标": 3,
        "按期补报": 3,
        "逾期补报": 2,
        "未补报": 2,
    }


def test_a_year_missing_from_the_calendar_leaves_the_deadline_open(any_db):
    # Q4 2040 ends in a year whose holidays nobody has entered: no deadline is guessed.
    with any_db.sessions.begin() as s:
        unit = add_unit(s, "历下区不动产登记中心")
        add_cases(s, unit, 10, completed="2040-11-02")
    result = report(any_db, today=date(2041, 3, 1), year=2040, quarter=4)
    assert result.supplement_deadline is None
    assert result.units[0].grade == AWAITING_SUPPLEMENT
    assert result.to_json()["supplement_deadline"] is None


SAMPLE_FILES = (
    ("cases", "cases_2026q3.csv"),
    ("evaluations", "evaluations_2026q3.xlsx"),
    ("ledger", "ledger_2026q3.xlsx"),
)
COMPARED = (
    "unit",
    "cases",
    "revisited",
    "online",
    "phone",
    "score_total",
    "coverage",
    "meets_target",
    "rank",
)


def test_the_samples_give_the_expected_quarterly_report(any_db, samples):
    expected = json.loads((samples / "expected_quarterly_2026q3.json").read_text(encoding="utf-8"))
    for kind, name in SAMPLE_FILES:
        with any_db.sessions.begin() as s:
            summary = import_file(s, kind, samples / name)
            assert summary.refusal is None, (kind, summary.refusal)

    result = report(any_db, year=expected["year"], quarter=expected["quarter"])
    data = result.to_json()
    assert data["target"] == expected["target"]
    assert [{key: unit[key] for key in COMPARED} for unit in data["units"]] == expected["units"]
