"""The one benchmark command runs every step on a small city and writes its results.

No timing is asserted: the figures of a small city on a busy test machine mean nothing; what
matters is that the command keeps working and writes a row for every measurement.
"""

from __future__ import annotations

import sqlite3

import pytest

from bench import backends
from bench.figures import BackendFigure, Figure
from bench.run import BothBackends, city_counts, main, results_markdown

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


SEATS = ("10 seats: claims", "10 seats: saves", "10 seats: claim wait", "10 seats: save wait")


@pytest.mark.postgres
def test_the_benchmark_command_measures_everything_and_writes_the_results(tmp_path, qapp, empty_pg):
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
            "--pg-url",
            empty_pg,
        ]
    )

    assert written == output
    text = output.read_text(encoding="utf-8")
    for name in NAMES:
        assert f"| {name}" in text, name
    # Every measure on both backends, each with its two columns and their ratio.
    both = text.split("## SQLite and PostgreSQL", 1)[1].split("## Goals", 1)[0]
    assert "PostgreSQL 1" in both and "| PG / SQLite |" in both
    for name in (*backends.MEASURES, *SEATS):
        rows = [line for line in both.splitlines() if line.startswith(f"| {name} |")]
        assert len(rows) == 1, name
        cells = [cell.strip() for cell in rows[0].strip("|").split("|")]
        assert len(cells) == 7, rows[0]
        assert all(cells[1:4]) and "—" not in cells[1:4], rows[0]
    assert "SQLite and PostgreSQL, not met:" in text
    # The SQLite side worked on a copy, gone afterwards.
    assert not list((tmp_path / "work").glob("sqlite-copy-*"))
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


def test_the_two_backends_table_judges_ratio_and_limits():
    rows = [
        BackendFigure("next case", "ms", 0.9, 2.5, 1.1, 3.0, limit=10.0),  # 2.78×: met
        BackendFigure("save Form A", "ms", 0.5, 1.8, 0.9, 2.2, limit=10.0),  # 3.6×: not met
        BackendFigure("coverage plan", "ms", 600, 400, limit=500, limit_both=True),  # SQLite over
        BackendFigure("open a case", "ms", 4.0, 11.0, limit=10.0),  # 2.75× but over 10 ms
        BackendFigure("10 seats: claims", "/s", 400, 140, higher_is_better=True),  # ≥ 1/3: met
        BackendFigure("10 seats: claim wait", "ms", 1.0, 40.0, 900.0, 300.0, by_p95=True),
    ]

    assert [row.met for row in rows] == [True, False, False, False, True, True]
    assert rows[-1].ratio == 300.0 / 900.0
    text = results_markdown(
        [],
        command="python -m bench.run",
        counts={"cases": 10},
        started=_now(),
        seconds=60,
        reading="",
        both=BothBackends(rows, server="PostgreSQL 15.0, somewhere", copy_seconds=20),
    )

    assert (
        "| next case | 0.90 ms / 1.10 ms | 2.50 ms / 3.00 ms | 2.78 | ≤ 3×, ≤ 10 ms | met |" in text
    )
    assert "| coverage plan | 600 ms | 400 ms | 0.67 | ≤ 3×, ≤ 500 ms both | **not met** |" in text
    assert "| 10 seats: claims | 400 /s | 140 /s | 0.35 | ≥ 1/3× | met |" in text
    assert "| 10 seats: claim wait | 1.00 ms / 900 ms | 40 ms / 300 ms | 0.33 |" in text
    assert "SQLite and PostgreSQL, not met: save Form A, coverage plan, open a case." in text


def test_the_two_backends_must_have_done_the_same_work():
    sqlite, postgresql = backends.BackendRun("sqlite"), backends.BackendRun("postgresql")
    sqlite.results = {"case list count": 3000, "next case": [1, 2, 3]}
    postgresql.results = {"case list count": 3000, "next case": [1, 3, 2]}

    with pytest.raises(
        RuntimeError, match=r"next case: SQLite \[1, 2, 3\], PostgreSQL \[1, 3, 2\]"
    ):
        backends.check_same_work(sqlite, postgresql)
    postgresql.results["next case"] = [1, 2, 3]
    backends.check_same_work(sqlite, postgresql)


@pytest.mark.parametrize("option", ["--seats", "--seat-saves", "--runs"])
def test_nothing_to_measure_is_refused_before_anything_runs(option, tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--cases", "10", "--workdir", str(tmp_path), option, "0"])

    assert stopped.value.code == 2
    assert "must each be at least 1" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())  # no city written
