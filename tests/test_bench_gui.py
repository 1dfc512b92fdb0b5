"""The GUI benchmark runs on a small city and reports every figure (no timing is asserted)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench.city import generate
from bench.gui import figure_line, measure


def test_the_gui_benchmark_reports_its_figures(tmp_path: Path) -> None:
    city = tmp_path / "city.sqlite3"
    generate(city, cases=3000, evaluations=900, attempts=1500)
    before = city.stat().st_size

    figures = measure(city, runs=1)

    by_name = {figure.name: figure for figure in figures}
    assert list(by_name) == [
        "cold start",
        "cold start to the call desk",
        "cold start memory",
        "case list first paint",
        "case list memory",
    ]
    names = ("cold start", "cold start to the call desk", "cold start memory")
    for name in (*names, "case list first paint"):
        figure = by_name[name]
        assert figure.app > 0 and figure.raw > 0, figure
        assert figure.goal is not None and figure.runs == 1
        assert figure_line(figure).startswith(f"{name}: app ")
    assert by_name["cold start"].unit == "s" and by_name["cold start memory"].unit == "MB"
    # The frame is painted first, the call desk after it; the raw window is whole at once.
    start, ready = by_name["cold start"], by_name["cold start to the call desk"]
    assert start.app < ready.app and start.raw == ready.raw
    assert by_name["case list first paint"].unit == "ms"
    # Memory grown while the page opened: a number, though the collector may make it shrink.
    assert by_name["case list memory"].unit == "MB" and by_name["case list memory"].goal is None

    # The app ran on a copy, which is gone: the city is as it was.
    assert city.stat().st_size == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("bench-gui-")] == []
    with sqlite3.connect(city) as connection:
        assert connection.execute("SELECT count(*) FROM call_outcomes").fetchone() == (0,)
