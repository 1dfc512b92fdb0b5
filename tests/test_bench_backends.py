"""bench/backends.py on a small city: the same work on SQLite and PostgreSQL, checked equal.

No time is asserted: only that every measure ran on both backends, that they did the same work,
and that the kept city is never written to."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from bench import backends
from bench.city import generate
from bench.postgres import load_city
from db.database import open_database

SMALL = backends.Plan(actions=4, reads=1, refreshes=2, after_refresh=3, warmup=1)


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("city") / "city.sqlite3"
    generate(path, cases=1500, evaluations=450, attempts=750)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _measured(url: str, plan: backends.Plan) -> backends.BackendRun:
    database = open_database(url)
    try:
        run = backends.measure(database, plan, log=lambda _line: None)
        with database.engine.connect() as connection:
            run.results["left open"] = connection.execute(
                text("SELECT count(*) FROM call_queue WHERE status = 'open'")
            ).scalar_one()
        return run
    finally:
        database.close()


@pytest.mark.postgres
def test_both_backends_measure_the_same_work(city: Path, empty_pg: str, tmp_path: Path) -> None:
    kept = _digest(city)
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(city, copy)

    sqlite = _measured(f"sqlite:///{copy}", SMALL)
    load_city(city, empty_pg)
    postgresql = _measured(empty_pg, SMALL)

    backends.check_same_work(sqlite, postgresql)
    assert sqlite.backend == "sqlite" and postgresql.backend == "postgresql"
    for run in (sqlite, postgresql):
        assert set(run.times) == set(backends.MEASURES)
        assert all(seconds > 0 for times in run.times.values() for seconds in times)
        assert len(run.times[backends.NEXT]) == len(run.times[backends.SAVE]) == SMALL.actions
        assert len(run.times[backends.OPEN]) == SMALL.actions
        assert len(run.times[backends.REFRESH]) == SMALL.refreshes
        assert len(run.times[backends.AFTER_REFRESH]) == SMALL.refreshes * SMALL.after_refresh
        assert len(run.times[backends.STALE]) == SMALL.refreshes * SMALL.after_refresh
        assert run.results["left open"] == 0  # a load test can start its morning there
    assert sqlite.results[backends.COUNT] == 1500
    assert sqlite.results[backends.SAVE] == SMALL.warmup + SMALL.actions
    # Each refresh starts from a queue with nothing open: it draws the same cases again.
    drawn = sqlite.results[f"{backends.AFTER_REFRESH}: entries drawn"]
    assert len(drawn) == SMALL.refreshes and drawn[0] > SMALL.after_refresh
    rows = backends.figures(sqlite, postgresql)
    assert [row.name for row in rows] == list(backends.MEASURES)
    assert all(row.ratio and row.met is not None for row in rows)
    assert _digest(city) == kept


def test_more_claims_asked_after_a_refresh_than_it_drew_stop_at_an_empty_queue(
    city: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(city, copy)
    plan = backends.Plan(actions=2, reads=1, refreshes=1, after_refresh=100_000, warmup=1)

    run = _measured(f"sqlite:///{copy}", plan)

    drawn = run.results[f"{backends.AFTER_REFRESH}: entries drawn"]
    assert len(run.times[backends.AFTER_REFRESH]) == drawn[0] < 100_000
    assert len(run.results[f"{backends.AFTER_REFRESH}: cases claimed"]) == drawn[0]


@pytest.mark.postgres
def test_the_city_is_copied_only_into_an_empty_database(city: Path, pg_db) -> None:
    url = pg_db.engine.url.render_as_string(hide_password=False)

    with pytest.raises(SystemExit, match="holds tables already"):
        load_city(city, url)

    with pg_db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM cases")).scalar_one() == 0


def test_nothing_measured_is_no_figure() -> None:
    with pytest.raises(ValueError, match="nothing was measured"):
        backends.summary([])
    assert backends.summary([0.002]) == (2.0, 2.0)
