"""The quarterly report at city scale: the app's report against hand-written SQL on sqlite3.

    .venv/bin/python -m bench.quarterly /tmp/city.sqlite3 [--generate] [--runs 7]

Both compute the same figures for 2026 Q3 (cases per unit, revisits by the channel of the first
evaluation, score total); the raw side finds each case's first evaluation itself, with the
indexes the schema has. Prints medians and the ratio app / raw.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from datetime import date
from pathlib import Path

from app.reports.quarterly import quarterly_report
from bench.city import generate
from bench.figures import Figure
from db.database import open_database

RAW_SQL = """
SELECT c.unit_id, count(*), count(e.id),
  sum(e.channel IN ('qr', 'platform')), sum(e.channel = 'phone'), sum(e.channel = 'enterprise'),
  sum(CASE e.overall WHEN 'very_satisfied' THEN 5 WHEN 'satisfied' THEN 3
                     WHEN 'average' THEN 2 ELSE 0 END)
FROM cases c LEFT JOIN evaluations e ON e.id = (
  SELECT e2.id FROM evaluations e2 WHERE e2.case_id = c.id AND e2.round = 1
  ORDER BY e2.evaluated_at, e2.id LIMIT 1)
WHERE c.completed_on BETWEEN '2026-07-01' AND '2026-09-30'
GROUP BY c.unit_id
"""


# The same figures read through the app's cached first_evaluation_id, as the app itself does.
RAW_CACHED_SQL = """
SELECT c.unit_id, count(*), count(e.id),
  sum(e.channel IN ('qr', 'platform')), sum(e.channel = 'phone'), sum(e.channel = 'enterprise'),
  sum(CASE e.overall WHEN 'very_satisfied' THEN 5 WHEN 'satisfied' THEN 3
                     WHEN 'average' THEN 2 ELSE 0 END)
FROM cases c LEFT JOIN evaluations e ON e.id = c.first_evaluation_id
WHERE c.completed_on BETWEEN '2026-07-01' AND '2026-09-30'
GROUP BY c.unit_id
"""


def app_figures(session) -> dict[str, tuple[int, ...]]:
    """Per unit: cases, revisited, online, phone, score total, from the app's report."""
    report = quarterly_report(session, 2026, 3, today=date(2026, 12, 1))
    return {u.unit: (u.cases, u.revisited, u.online, u.phone, u.score_total) for u in report.units}


def raw_figures(raw: sqlite3.Connection, sql: str) -> dict[str, tuple[int, ...]]:
    """The same figures from hand-written SQL (RAW_SQL or RAW_CACHED_SQL)."""
    names = dict(raw.execute("SELECT id, name FROM units"))
    return {names[r[0]]: (r[1], r[2], r[3], r[4], r[6]) for r in raw.execute(sql)}


def measure(path: Path, runs: int) -> dict[str, float]:
    database = open_database(f"sqlite:///{path}")
    app_times, raw_times, cached_times = [], [], []
    raw = sqlite3.connect(path)
    try:
        for _ in range(runs):
            began = time.perf_counter()
            with database.sessions() as session:
                by_unit = app_figures(session)
            app_times.append(time.perf_counter() - began)
            began = time.perf_counter()
            found = raw_figures(raw, RAW_SQL)
            raw_times.append(time.perf_counter() - began)
            began = time.perf_counter()
            cached = raw_figures(raw, RAW_CACHED_SQL)
            cached_times.append(time.perf_counter() - began)
        # The two must agree, or the comparison means nothing.
        if not by_unit == found == cached:
            raise RuntimeError(f"the app's figures differ from raw SQL's: {by_unit} {found}")
    finally:
        raw.close()
        database.close()
    app, hand = statistics.median(app_times), statistics.median(raw_times)
    cached_median = statistics.median(cached_times)
    return {"app_s": app, "raw_s": hand, "ratio": app / hand, "raw_cached_s": cached_median}


def figures(result: dict[str, float], runs: int) -> list[Figure]:
    """The report as one figure, against hand-written SQL reading the same cached column."""
    return [
        Figure(
            name="quarterly report",
            unit="ms",
            app=result["app_s"] * 1000,
            raw=result["raw_cached_s"] * 1000,
            goal=500.0,
            runs=runs,
            note="2026 Q3, every unit; raw: one GROUP BY over the cases joined to their cached "
            f"first evaluation (finding the first evaluations itself: {result['raw_s'] * 1000:.0f} ms)",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--generate", action="store_true", help="write a 1 M-case city first")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if args.generate or not args.path.exists():
        generate(args.path)
    result = measure(args.path, args.runs)
    print(
        f"quarterly report, 2026 Q3 of {args.path}: app {result['app_s'] * 1000:.0f} ms, "
        f"hand-written SQL {result['raw_s'] * 1000:.0f} ms, ratio {result['ratio']:.2f}; "
        f"hand-written SQL on the cached first evaluation {result['raw_cached_s'] * 1000:.0f} ms, "
        f"ratio {result['app_s'] / result['raw_cached_s']:.2f} (medians of {args.runs})"
    )


if __name__ == "__main__":
    main()
