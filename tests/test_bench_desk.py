"""The call-desk benchmark runs on a small city, and both sides do the same work."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench.city import generate
from bench.desk import figures, measure, report_lines


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("city") / "city.sqlite3"
    generate(path, cases=3000, evaluations=900, attempts=1500)
    return path


def test_the_desk_benchmark_claims_and_saves_on_both_sides(city):
    before = city.stat().st_size

    result = measure(city, runs=3, warmup=1, profile=2)

    # measure() itself asserts that the claims followed the app's order and that both sides
    # wrote the same rows; here the counts: four turns each of next case and save, per side.
    assert result["claimed"] == 8 and result["saved"] == 8
    assert result["cases"] == 3000 and result["queued"] >= 10
    for name in ("next", "save"):
        measured = result[name]
        assert measured["app_ms"] > 0 and measured["raw_ms"] > 0
        assert measured["ratio"] == measured["app_ms"] / measured["raw_ms"]
        assert measured["app_p95_ms"] >= measured["app_ms"]
    assert "next_case" in result["profile"]["next"]
    assert "save_form_a" in result["profile"]["save"]
    assert len(report_lines(result)) == 2
    assert [(f.name, f.app, f.raw) for f in figures(result)] == [
        ("next case", result["next"]["app_ms"], result["next"]["raw_ms"]),
        ("save Form A", result["save"]["app_ms"], result["save"]["raw_ms"]),
    ]

    # The benchmark worked on a copy: the city itself has no queue.
    assert city.stat().st_size == before
    with sqlite3.connect(city) as connection:
        assert connection.execute("SELECT count(*) FROM call_queue").fetchone() == (0,)


def test_the_desk_benchmark_calls_every_due_case_when_the_plan_draws_too_few(city):
    # The coverage plan of this small city draws a few dozen cases; 60 turns need more.
    result = measure(city, runs=30, warmup=0)

    assert result["claimed"] == 60 and result["saved"] == 60
    assert result["queued"] >= 60


def _measured(app: float, app_p95: float, raw: float, raw_p95: float) -> dict:
    return {"app_ms": app, "app_p95_ms": app_p95, "raw_ms": raw, "raw_p95_ms": raw_p95}


def test_the_desk_figures_are_the_medians_against_the_2_ms_goal_with_the_p95s_in_the_note():
    result = {"cases": 3000, "queued": 40, "runs": 200, "claimed": 410, "saved": 410}
    result |= {"next": _measured(1.5, 2.75, 0.25, 0.5), "save": _measured(2.5, 4.0, 0.5, 1.25)}

    next_case, save = figures(result)

    assert [(f.name, f.unit, f.app, f.raw, f.runs) for f in (next_case, save)] == [
        ("next case", "ms", 1.5, 0.25, 200),
        ("save Form A", "ms", 2.5, 0.5, 200),
    ]
    assert (next_case.goal, save.goal) == (2.0, 2.0)
    assert (next_case.met, save.met) == (True, False)  # milliseconds: lower is better
    assert "2.75" in next_case.note and "0.50" in next_case.note
    assert "4.00" in save.note and "1.25" in save.note
