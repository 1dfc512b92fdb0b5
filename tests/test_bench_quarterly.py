"""The quarterly-report benchmark compares like with like: on a small city the app's report and
the hand-written SQL give the same figures for every unit."""

from __future__ import annotations

import sqlite3

import pytest

from bench.city import generate
from bench.quarterly import RAW_CACHED_SQL, RAW_SQL, app_figures, measure, raw_figures
from db.database import open_database


def test_the_app_and_raw_sql_agree_on_every_unit(tmp_path):
    city = tmp_path / "city.sqlite3"
    generate(city, cases=3000, evaluations=900, attempts=1500)

    database = open_database(f"sqlite:///{city}")
    with database.sessions() as session:
        app = app_figures(session)
    database.close()
    with sqlite3.connect(city) as raw:
        assert raw_figures(raw, RAW_SQL) == app
        assert raw_figures(raw, RAW_CACHED_SQL) == app
    # Figures worth comparing: cases, revisits by both channels and scores in every unit.
    assert len(app) == 12
    assert all(
        cases > 0 and revisited > 0 and score > 0 for cases, revisited, _, _, score in app.values()
    )
    assert sum(online for _, _, online, _, _ in app.values()) > 0
    assert sum(phone for _, _, _, phone, _ in app.values()) > 0

    measured = measure(city, runs=1)
    assert measured["ratio"] == measured["app_s"] / measured["raw_s"]


def test_figures_that_differ_stop_the_benchmark(tmp_path, monkeypatch):
    city = tmp_path / "city.sqlite3"
    generate(city, cases=300, evaluations=90, attempts=150)
    monkeypatch.setattr(
        "bench.quarterly.RAW_CACHED_SQL", RAW_CACHED_SQL.replace("THEN 5", "THEN 4")
    )
    with pytest.raises(RuntimeError, match="differ"):
        measure(city, runs=1)
