"""The one benchmark command runs every step on a small city and writes its results.

No timing is asserted: the figures of a small city on a busy test machine mean nothing; what
matters is that the command keeps working and writes a row for every measurement.
"""

from __future__ import annotations

import sqlite3

from bench.figures import Figure
from bench.run import city_counts, main, results_markdown

NAMES = (
    "import cases .csv",
    "import cases .xlsx",
    "next case",
    "save Form A",
    "quarterly report",
    "Form B batch",
    "cold start",
    "cold start memory",
    "case list first paint",
)


def test_the_benchmark_command_measures_everything_and_writes_the_results(tmp_path, qapp):
    output = tmp_path / "RESULTS.md"

    written = main(
        [
            "--cases",
            "3000",
            "--workdir",
            str(tmp_path / "work"),
            "--output",
            str(output),
            "--runs",
            "1",
            "--quick",
        ]
    )

    assert written == output
    text = output.read_text(encoding="utf-8")
    for name in NAMES:
        assert f"| {name}" in text, name
    assert "python -m bench.run --cases 3000" in text
    assert "3,000 cases" in text and "Machine:" in text
    # The city is kept for the next run, whole.
    city = tmp_path / "work" / "city-3000.sqlite3"
    assert city.with_suffix(".done").exists()
    with sqlite3.connect(city) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    counts = city_counts(city)
    assert counts["cases"] == 3000 and counts["evaluations"] == 900
    assert counts["open callbacks"] > 0 and counts["open complaints"] >= 0


def test_the_results_say_which_goals_are_met():
    figures = [
        Figure("import cases .csv", "rows/s", 25_000, 100_000, 20_000, higher_is_better=True),
        Figure("next case", "ms", 3.0, 0.4, 2.0),
        Figure("cold start memory", "MB", 120, None, 250),
    ]

    text = results_markdown(
        figures,
        command="python -m bench.run",
        counts={"cases": 10},
        started=_now(),
        seconds=60,
        reading="## Why\n\nBecause.",
    )

    assert (
        "| import cases .csv | 25,000 rows/s | 100,000 rows/s | 0.25 | ≥ 20,000 rows/s | met |"
        in text
    )
    assert "| next case | 3.00 ms | 0.40 ms | 7.50 | ≤ 2.00 ms | **not met** |" in text
    assert "| cold start memory | 120 MB | — | — | ≤ 250 MB | met |" in text
    assert "Not met: next case." in text and text.rstrip().endswith("Because.")


def _now():
    from datetime import datetime

    return datetime(2026, 11, 22, 9, 0)
