"""The call-desk benchmark runs on a small city, and both sides do the same work."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bench.city import generate
from bench.desk import measure, report_lines


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
        figures = result[name]
        assert figures["app_ms"] > 0 and figures["raw_ms"] > 0
        assert figures["ratio"] == figures["app_ms"] / figures["raw_ms"]
        assert figures["app_p95_ms"] >= figures["app_ms"]
    assert "next_case" in result["profile"]["next"]
    assert "save_form_a" in result["profile"]["save"]
    assert len(report_lines(result)) == 2

    # The benchmark worked on a copy: the city itself has no queue.
    assert city.stat().st_size == before
    with sqlite3.connect(city) as connection:
        assert connection.execute("SELECT count(*) FROM call_queue").fetchone() == (0,)


def test_the_desk_benchmark_calls_every_due_case_when_the_plan_draws_too_few(city):
    # The coverage plan of this small city draws a few dozen cases; 60 turns need more.
    result = measure(city, runs=30, warmup=0)

    assert result["claimed"] == 60 and result["saved"] == 60
    assert result["queued"] >= 60
