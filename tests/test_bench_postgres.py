"""bench/postgres.py runs on a small city: the copy, the plans before and after migration 0021.

No time is asserted; only that each statement ran and used what migration 0021 added."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import make_url

from bench import postgres
from bench.city import generate


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("city") / "city.sqlite3"
    generate(path, cases=3000, evaluations=900, attempts=1500)
    return path


@pytest.mark.postgres
def test_the_postgresql_benchmark_explains_each_statement_before_and_after(
    city: Path, empty_pg: str, tmp_path: Path
) -> None:
    output = tmp_path / "postgres.md"

    results = postgres.main([str(city), "--url", empty_pg, "--quick", "--output", str(output)])

    names = (*postgres.MEASURES, postgres.STALE)
    for when in ("before", "after"):
        assert set(results[when]) == set(names)
        for took, plan in results[when].values():
            assert took > 0 and plan
    after = {name: plan for name, (_took, plan) in results["after"].items()}
    before = {name: plan for name, (_took, plan) in results["before"].items()}
    assert "ix_call_queue_open_pick" in after[postgres.STALE]
    assert "ix_call_queue_open_pick" not in before[postgres.MEASURES[0]]
    assert "ix_cases_completed_id" in after["case list first page"]
    assert "ix_case_phones_e164_reversed" in after["phone tail search"]
    assert "e164_reversed" not in before["phone tail search"]
    text = output.read_text()
    assert text.count("```") == 2 * 2 * len(names)
    with sqlite3.connect(city) as connection:  # the city itself is only read
        assert connection.execute("SELECT count(*) FROM call_queue").fetchone()[0] == 0


@pytest.mark.postgres
def test_the_throwaway_server_is_stopped_and_removed_when_the_run_is_interrupted() -> None:
    with pytest.raises(KeyboardInterrupt):
        with postgres.postgres_url(None) as url:
            folder = Path(make_url(url).query["host"])
            assert (folder / "data" / "postmaster.pid").exists()
            raise KeyboardInterrupt  # Ctrl+C, or SIGTERM (turned into it meanwhile)

    assert not folder.exists()
    with postgres.postgres_url("postgresql+psycopg://somewhere/given") as url:
        assert url == "postgresql+psycopg://somewhere/given"  # a given database: no server
