"""Seats claiming and saving as fast as they can, each in a process of its own: no case claimed
twice, no save lost, the queue right afterwards; the rates the database sustained are printed.
On an empty database the load fills itself, and on a small city (bench.city) on both backends.

No timing is asserted: the figures depend on the machine. They are printed to the terminal and
recorded as properties (pytest --junitxml keeps them).
"""

from __future__ import annotations

import shutil
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import delete, event, func, select, update

from app.desk.outcomes import COMPLETED
from bench.city import generate
from bench.load import (
    LoadLost,
    QueueState,
    add_operators,
    build_queue,
    check_load,
    figures,
    fill_city_queue,
    machine,
    measure_city,
    run_load,
)
from bench.postgres import copy_city
from db.database import open_database
from db.engine import make_engine
from db.models import (
    CallAttempt,
    CallbackTask,
    Case,
    Evaluation,
    IntegrityEscalation,
    QueueEntry,
    Staff,
)


@pytest.mark.postgres
def test_ten_seats_on_postgresql_save_200_cases_each(pg_db, tmp_path, record_property, capsys):
    _seats_work_the_queue(pg_db, tmp_path, record_property, capsys, seats=10, saves=200, cases=2100)


def test_four_seats_on_one_sqlite_file_save_50_cases_each(
    sqlite_db, tmp_path, record_property, capsys
):
    _seats_work_the_queue(
        sqlite_db, tmp_path, record_property, capsys, seats=4, saves=50, cases=220
    )


def _seats_work_the_queue(database, tmp_path, record_property, capsys, *, seats, saves, cases):
    operators = build_queue(database, cases=cases, operators=seats)
    before = machine()

    reports = run_load(database.url, operators, saves, tmp_path)

    assert [r.error for r in reports if not r.ended] == []
    claimed = Counter(c["entry"] for r in reports for c in r.claims)
    assert max(claimed.values()) == 1, "an entry was given to two seats"
    assert [len(r.saves) for r in reports] == [saves] * seats
    saved = [s for r in reports for s in r.saves]
    dissatisfied = sum(s.dissatisfied for s in saved)
    flagged = sum(s.integrity for s in saved)
    assert dissatisfied and flagged, "the load has 不满意 and 有 answers too"
    with database.sessions() as session:

        def count(table, *where) -> int:
            return session.scalar(select(func.count()).select_from(table).where(*where))

        assert count(Evaluation, Evaluation.round == 1, Evaluation.channel == "phone") == len(saved)
        assert count(CallAttempt, CallAttempt.outcome == COMPLETED) == len(saved)
        assert count(QueueEntry, QueueEntry.status == "done") == len(saved)
        assert count(
            QueueEntry, QueueEntry.status == "open", QueueEntry.claimed_by_id.is_(None)
        ) == (cases - len(saved))
        assert count(CallbackTask) == dissatisfied
        assert count(IntegrityEscalation) == flagged
    # Row by row: each reported save whole, nothing half-written, nothing else done.
    assert check_load(database, reports) == []

    result = figures(reports)
    with capsys.disabled():
        print("", f"[{database.engine.dialect.name}] {before}", *result.lines(), sep="\n")
    for name, value in result.properties().items():
        record_property(name, value)


# The same load on a city: the queue refreshed as on a morning, among a year of other rows


@pytest.fixture(scope="module")
def small_city(tmp_path_factory) -> Path:
    """A city of 3 000 cases (bench.city) with its evaluations, attempts, callbacks and
    complaints, written once for this module; each test works on a copy."""
    path = tmp_path_factory.mktemp("city") / "city.sqlite3"
    generate(path, cases=3000, evaluations=900, attempts=1500)
    return path


def test_four_seats_on_a_sqlite_city(small_city, tmp_path, record_property, capsys):
    city = tmp_path / "city.sqlite3"
    shutil.copyfile(small_city, city)
    _seats_work_a_city(f"sqlite:///{city}", record_property, capsys)


@pytest.mark.postgres
def test_four_seats_on_a_postgresql_city(small_city, empty_pg, record_property, capsys):
    open_database(empty_pg).close()  # the newest schema, which the city has
    engine = make_engine(empty_pg)
    try:
        copied = copy_city(small_city, engine)
    finally:
        engine.dispose()
    assert copied["cases"] == 3000
    _seats_work_a_city(empty_pg, record_property, capsys)


def _seats_work_a_city(url, record_property, capsys, *, seats=4, saves=20):
    with closing(open_database(url)) as database, database.sessions() as session:
        city_before = _city_rows(session)
    before = machine()

    result = measure_city(url, workers=seats, saves=saves, seed=3)

    assert (result.workers, result.claims, result.saves) == (seats, seats * saves, seats * saves)
    with closing(open_database(url)) as database, database.sessions() as session:
        # The city's own rows are as they were; the load wrote only its operators' saves.
        assert _city_rows(session) == city_before
        operators = session.scalars(select(Staff.id).where(Staff.name.like("压测回访员%"))).all()
        assert len(operators) == seats
        theirs = session.execute(
            select(Evaluation).where(Evaluation.operator_id.in_(operators))
        ).scalars()
        evaluations = {e.id: e for e in theirs}
        assert len(evaluations) == seats * saves
        assert {(e.channel, e.round) for e in evaluations.values()} == {("phone", 1)}
        cases = [e.case_id for e in evaluations.values()]
        assert len(set(cases)) == len(cases), "a case was saved twice"
        # Each save whole: its completed attempt, its entry done and free, its callback task
        # exactly when 不满意, its escalation exactly when 有.
        attempts = session.execute(
            select(CallAttempt.evaluation_id, CallAttempt.outcome).where(
                CallAttempt.operator_id.in_(operators)
            )
        ).all()
        assert sorted(attempts) == sorted((e, COMPLETED) for e in evaluations)
        entries = session.execute(
            select(QueueEntry.status, QueueEntry.result, QueueEntry.claimed_by_id).where(
                QueueEntry.case_id.in_(cases), QueueEntry.kind == "first"
            )
        ).all()
        assert entries == [("done", COMPLETED, None)] * len(cases)
        tasks = session.scalars(
            select(CallbackTask.evaluation_id).where(CallbackTask.evaluation_id.in_(evaluations))
        ).all()
        dissatisfied = [
            e.id
            for e in evaluations.values()
            if "dissatisfied" in (e.overall, e.efficiency, e.attitude, e.materials)
        ]
        assert sorted(tasks) == sorted(dissatisfied)
        escalated = session.scalars(
            select(IntegrityEscalation.evaluation_id).where(
                IntegrityEscalation.evaluation_id.in_(evaluations)
            )
        ).all()
        assert sorted(escalated) == sorted(e.id for e in evaluations.values() if e.integrity_breach)
        # The rest of the queue: open, and nobody holds any of it.
        assert session.scalar(
            select(func.count()).select_from(QueueEntry).where(QueueEntry.status == "done")
        ) == len(cases)
        assert not session.scalar(
            select(func.count())
            .select_from(QueueEntry)
            .where(QueueEntry.status == "open", QueueEntry.claimed_by_id.is_not(None))
        )

    with capsys.disabled():
        print("", f"[{url.split(':')[0]} city] {before}", *result.lines(), sep="\n")
    for name, value in result.properties().items():
        record_property(name, value)


def _city_rows(session) -> dict[str, int]:
    """How many rows of the city's own there are (not the load's operators')."""
    load = select(Staff.id).where(Staff.name.like("压测回访员%"))
    return {
        "cases": session.scalar(select(func.count()).select_from(Case)),
        "evaluations": session.scalar(
            select(func.count())
            .select_from(Evaluation)
            .where(Evaluation.operator_id.is_(None) | Evaluation.operator_id.not_in(load))
        ),
        "attempts": session.scalar(
            select(func.count())
            .select_from(CallAttempt)
            .where(CallAttempt.operator_id.is_(None) | CallAttempt.operator_id.not_in(load))
        ),
        "tasks": session.scalar(
            select(func.count())
            .select_from(CallbackTask)
            .where(
                CallbackTask.evaluation_id.in_(
                    select(Evaluation.id).where(
                        Evaluation.operator_id.is_(None) | Evaluation.operator_id.not_in(load)
                    )
                )
            )
        ),
    }


def test_check_load_on_a_city_finds_what_was_lost_reading_only_the_loads_rows(small_city, tmp_path):
    city = tmp_path / "city.sqlite3"
    shutil.copyfile(small_city, city)
    url = f"sqlite:///{city}"
    with closing(open_database(url)) as database:
        operators = add_operators(database, 2)
        assert fill_city_queue(database, 44, seed=5) >= 44
        with database.sessions() as session:
            before = QueueState.read(session)
        reports = run_load(url, operators, 10, tmp_path, seed=5)
        statements = []

        def record(_conn, _cursor, statement, *_args) -> None:
            statements.append(statement)

        event.listen(database.engine, "before_cursor_execute", record)
        try:
            assert check_load(database, reports, before) == []
        finally:
            event.remove(database.engine, "before_cursor_execute", record)
        # Only the load's rows are read: every query of the check is filtered.
        selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        assert selects and all("WHERE" in s for s in selects), selects

        saved = [s for r in reports for s in r.saves]
        mine = saved[0]
        # A save half-written: its attempt gone.
        with database.sessions.begin() as session:
            session.execute(delete(CallAttempt).where(CallAttempt.evaluation_id == mine.evaluation))
        problems = check_load(database, reports, before)
        assert f"evaluation {mine.evaluation} has 0 completed attempts" in problems
        # An entry nobody saved taken by a worker's operator and left claimed.
        saved_entries = {s.entry for s in saved}
        with database.sessions.begin() as session:
            other = session.scalar(
                select(QueueEntry.id)
                .where(QueueEntry.status == "open", QueueEntry.id.not_in(saved_entries))
                .order_by(QueueEntry.id)
                .limit(1)
            )
            session.execute(
                update(QueueEntry).where(QueueEntry.id == other).values(claimed_by_id=operators[0])
            )
        problems = check_load(database, reports, before)
        assert f"open entries still claimed: [{other}]" in problems
        # Another entry of the city done behind the load's back: counted, not read.
        with database.sessions.begin() as session:
            session.execute(
                update(QueueEntry)
                .where(
                    QueueEntry.status == "open",
                    QueueEntry.claimed_by_id.is_(None),
                    QueueEntry.id.not_in(saved_entries),
                )
                .values(status="done", result=COMPLETED)
            )
        assert any(p.startswith("the queue holds") for p in check_load(database, reports, before))


def test_a_city_too_small_for_the_load_is_refused_before_any_seat_starts(small_city, tmp_path):
    city = tmp_path / "city.sqlite3"
    shutil.copyfile(small_city, city)
    with pytest.raises(LoadLost, match=r"entries ready, 1100000 needed"):
        measure_city(f"sqlite:///{city}", workers=10, saves=100_000)
    with closing(open_database(f"sqlite:///{city}")) as database, database.sessions() as session:
        load = select(Staff.id).where(Staff.name.like("压测回访员%"))
        assert len(session.scalars(load).all()) == 10
        assert not session.scalar(
            select(func.count()).select_from(Evaluation).where(Evaluation.operator_id.in_(load))
        )


def test_load_lost_names_its_problems():
    lost = LoadLost([f"entry {n} claimed 2 times" for n in range(30)])
    assert str(lost).startswith("30 problems:\nentry 0 claimed 2 times")
    assert str(lost).endswith("… and 10 more")
    assert len(lost.problems) == 30
