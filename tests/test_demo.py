"""Tests for app.demo: demo data goes through the importers, is realistic and deterministic."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.calendar import is_working_day
from app.demo import DemoResult, fill_demo_data
from app.errors import Cancelled
from app.phones import parse_phone
from app.zone import LOCAL_ZONE
from db.database import open_database
from db.models import Case, CasePhone, Evaluation, ImportBatch, Staff, Unit

TODAY = date(2026, 11, 20)
UNITS = {
    "历下区不动产登记中心",
    "市中区不动产登记中心",
    "槐荫区不动产登记中心",
    "天桥区不动产登记中心",
    "历城区不动产登记中心",
    "章丘区不动产登记中心",
    "市不动产登记中心专业大厅",
}


def _open(tmp_path, name: str = "d.sqlite3"):
    return open_database(f"sqlite:///{tmp_path / name}")


def _fill(db, **kwargs) -> DemoResult:
    options = {"cases": 500, "seed": 1, "today": TODAY, **kwargs}
    with db.sessions.begin() as session:
        return fill_demo_data(session, **options)


def _count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where))


def _case_fingerprint(db) -> list[tuple]:
    with db.sessions() as session:
        rows = session.execute(
            select(Case.case_no, Case.applicant, Case.completed_on, CasePhone.original)
            .outerjoin(CasePhone, CasePhone.case_id == Case.id)
            .order_by(Case.case_no, CasePhone.position)
        )
        return [tuple(row) for row in rows]


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """One demo database of 500 cases, shared by the read-only tests."""
    db = _open(tmp_path_factory.mktemp("demo"))
    result = _fill(db)
    yield db, result
    db.close()


def test_nothing_is_rejected_and_the_result_counts_what_was_added(filled):
    db, result = filled
    cases_summary, evaluations_summary = result.summaries
    assert cases_summary.rejected == []
    assert evaluations_summary.rejected == []
    assert cases_summary.refusal is None and evaluations_summary.refusal is None
    assert cases_summary.duplicates_in_file == 0 and evaluations_summary.duplicates_in_file == 0
    assert result.cases == 500 and result.units == 7
    with db.sessions() as session:
        assert _count(session, Case) == 500
        assert set(session.scalars(select(Unit.name))) == UNITS
        assert result.evaluations == _count(session, Evaluation)
        assert _count(session, ImportBatch) == 2
        # Blank phone cells are flagged, not rejected.
        no_phone = _count(session, Case, Case.has_valid_phone.is_(False))
        assert cases_summary.flagged.get("no_valid_phone", 0) == no_phone


def test_the_data_looks_like_a_jinan_export(filled):
    db, _result = filled
    with db.sessions() as session:
        cases = session.scalars(select(Case)).all()
        assert all(re.fullmatch(r"JN\d{8}\d{6}", c.case_no) for c in cases)
        # Serials stay clear of the sample files' 000000… range.
        assert all(int(c.case_no[-6:]) >= 500000 for c in cases)
        assert all(c.case_no[2:10] == f"{c.completed_on:%Y%m%d}" for c in cases)
        assert all(TODAY - timedelta(days=190) <= c.completed_on < TODAY for c in cases)
        # Working days of the official calendar, 调休 Saturdays included.
        assert all(is_working_day(c.completed_on) for c in cases)
        assert all(is_working_day(c.accepted_on) for c in cases)
        # 2026-10-01…07 is the National Day holiday: no case is completed then.
        assert not [c for c in cases if date(2026, 10, 1) <= c.completed_on <= date(2026, 10, 7)]
        assert all(1 <= (c.completed_on - c.accepted_on).days <= 10 for c in cases)
        assert all(1 <= c.steps <= 4 and 1 <= c.days <= 10 for c in cases)

        enterprises = [c for c in cases if c.is_enterprise]
        assert 0.06 <= len(enterprises) / len(cases) <= 0.20
        assert all(c.enterprise_name and c.enterprise_name.endswith("公司") for c in enterprises)
        assert all(c.enterprise_name is None for c in cases if not c.is_enterprise)
        assert {c.registration_fee_fen for c in enterprises} <= {0, 55000}
        assert {c.registration_fee_fen for c in cases if not c.is_enterprise} <= {0, 8000}
        assert {c.stamp_duty_fen for c in cases} <= {0, 500}

        online = sum(c.channel == "online" for c in cases) / len(cases)
        assert 0.2 <= online <= 0.4
        assert {c.channel for c in cases} == {"online", "window"}

        valid = sum(c.has_valid_phone for c in cases) / len(cases)
        assert valid >= 0.95
        for c in cases:
            district = c.district if c.district != "市本级" else c.location[:3]
            assert c.location.startswith(district)
            assert 2 <= len(c.applicant) <= 3
            assert c.handler_id is not None

        phones = session.scalars(select(CasePhone)).all()
        assert all(p.e164 for p in phones)  # every number written is a valid one
        kinds = {p.kind for p in phones}
        assert kinds == {"mobile", "fixed_line"}
        assert all(p.original.startswith("0531-8") for p in phones if p.kind == "fixed_line")
        # Handlers belong to their unit: a few per unit, none shared.
        assert 21 <= _count(session, Staff) <= 35


def test_evaluations_are_realistic(filled):
    db, _result = filled
    with db.sessions() as session:
        cases = _count(session, Case)
        evaluated = session.scalar(select(func.count(func.distinct(Evaluation.case_id))))
        assert 0.17 <= evaluated / cases <= 0.28
        rows = session.execute(
            select(Evaluation, Case.completed_on).join(Case, Case.id == Evaluation.case_id)
        ).all()
        for evaluation, completed_on in rows:
            local_day = evaluation.evaluated_at.astimezone(LOCAL_ZONE).date()
            assert completed_on <= local_day < TODAY
            assert evaluation.channel in {"qr", "platform"}
            assert evaluation.original["总体情况"] in {
                "非常满意", "满意", "基本满意", "一般", "不满意", "非常不满意"
            }  # fmt: skip
        overall = [e.overall for e, _day in rows]
        satisfied = sum(o in {"very_satisfied", "satisfied"} for o in overall) / len(overall)
        assert satisfied >= 0.75
        dissatisfied = [e for e, _day in rows if e.overall == "dissatisfied"]
        assert 0 < len(dissatisfied) / len(rows) <= 0.12
        assert all(e.suggestion for e in dissatisfied)  # a reason is always given
        assert sum(e.integrity_breach for e, _day in rows) <= 3


def test_same_seed_gives_the_same_data(tmp_path, filled):
    db, _result = filled
    again = _open(tmp_path)
    _fill(again)
    assert _case_fingerprint(again) == _case_fingerprint(db)
    other = _open(tmp_path, "other.sqlite3")
    _fill(other, seed=2)
    assert _case_fingerprint(other) != _case_fingerprint(db)
    again.close()
    other.close()


def test_running_twice_adds_nothing(tmp_path):
    db = _open(tmp_path)
    first = _fill(db, cases=200)
    second = _fill(db, cases=200)
    assert first.cases == 200 and first.evaluations > 0
    assert (second.cases, second.evaluations, second.units) == (0, 0, 0)
    cases_summary, evaluations_summary = second.summaries
    assert cases_summary.unchanged == 200 and cases_summary.updated == 0
    assert evaluations_summary.unchanged == first.evaluations
    with db.sessions() as session:
        assert _count(session, Case) == 200
        assert _count(session, Evaluation) == first.evaluations
    db.close()


def test_another_seed_adds_beside_the_first(tmp_path):
    db = _open(tmp_path)
    _fill(db, cases=200, seed=1)
    second = _fill(db, cases=200, seed=2)
    assert second.cases == 200 and second.units == 0
    assert second.summaries[0].updated == 0
    db.close()


def test_progress_is_reported_and_cancel_leaves_nothing(tmp_path):
    db = _open(tmp_path)
    calls: list[tuple[int, int]] = []
    _fill(db, cases=50, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]
    assert all(0 <= done <= total for done, total in calls)

    def cancel(done: int, total: int) -> None:
        if done > 0:
            raise Cancelled

    other = _open(tmp_path, "cancel.sqlite3")
    with pytest.raises(Cancelled):
        _fill(other, cases=50, progress=cancel)
    with other.sessions() as session:
        assert _count(session, Case) == 0
    db.close()
    other.close()


def test_zero_cases_adds_nothing_and_bad_counts_are_refused(tmp_path):
    db = _open(tmp_path)
    assert _fill(db, cases=0) == DemoResult(cases=0, evaluations=0, units=0)
    with pytest.raises(ValueError):
        _fill(db, cases=-1)
    db.close()


def test_every_generated_number_parses():
    # Guards the prefix table against numbers that the phone parser would refuse.
    from app.demo import _MOBILE_PREFIXES, _landline, _mobile

    rng = random.Random(0)
    assert "154" not in _MOBILE_PREFIXES
    for _ in range(2000):
        assert parse_phone(_mobile(rng)).kind == "mobile"
        assert parse_phone(_landline(rng)).kind == "fixed_line"


@pytest.mark.parametrize("cases", [0, 1, 5, 20])
def test_the_demo_command_works_with_any_small_count(tmp_path, cases):
    """The board's demo complaints name a unit of their own when there are too few cases."""
    from cli import main

    url = f"sqlite:///{tmp_path / 'small.sqlite3'}"
    assert main(["--db", url, "demo", "--cases", str(cases)]) == 0
