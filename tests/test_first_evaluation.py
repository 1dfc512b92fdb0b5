"""cases.first_evaluation_id follows every change to a case's evaluations, on every backend."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, insert, select, update

from app.ratings import Channel, Rating
from app.zone import LOCAL_ZONE
from bench.city import generate
from bench.quarterly import measure
from db.models import Case, Evaluation, Unit


def _case(session) -> int:
    unit = Unit(name="历下区不动产登记中心")
    session.add(unit)
    session.flush()
    case = Case(case_no="JN1", unit_id=unit.id, completed_on=date(2026, 7, 1))
    session.add(case)
    session.flush()
    return case.id


def _evaluate(session, case_id: int, day: int, round_: int = 1) -> int:
    return session.execute(
        insert(Evaluation).returning(Evaluation.id),
        {
            "case_id": case_id,
            "channel": Channel.PLATFORM,
            "round": round_,
            "evaluated_at": datetime(2026, 7, day, 10, tzinfo=LOCAL_ZONE),
            "overall": Rating.SATISFIED,
        },
    ).scalar_one()


def _first(session, case_id: int) -> int | None:
    return session.scalar(select(Case.first_evaluation_id).where(Case.id == case_id))


def test_first_evaluation_is_kept_by_the_database(any_db):
    with any_db.sessions.begin() as session:
        case_id = _case(session)
        assert _first(session, case_id) is None
        later = _evaluate(session, case_id, 9)
        assert _first(session, case_id) == later
        earlier = _evaluate(session, case_id, 5)  # imported afterwards, given before
        assert _first(session, case_id) == earlier
        _evaluate(session, case_id, 2, round_=2)  # a second-round answer never scores
        assert _first(session, case_id) == earlier
        session.execute(
            update(Evaluation)
            .where(Evaluation.id == earlier)
            .values(evaluated_at=datetime(2026, 7, 20, tzinfo=LOCAL_ZONE))
        )
        assert _first(session, case_id) == later
        session.execute(delete(Evaluation).where(Evaluation.id == later))
        assert _first(session, case_id) == earlier
        session.execute(delete(Evaluation).where(Evaluation.id == earlier))
        assert _first(session, case_id) is None


def test_the_quarterly_benchmark_runs_and_agrees_with_raw_sql(tmp_path):
    path = tmp_path / "city.sqlite3"
    generate(path, cases=3000, evaluations=900, attempts=500)
    result = measure(path, runs=1)
    assert result["app_s"] > 0 and result["raw_s"] > 0
