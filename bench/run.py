"""Every city-scale measurement in one run, on SQLite and PostgreSQL, written to bench/RESULTS.md.

    .venv/bin/python -m bench.run                       # a million cases: about 6 minutes
    .venv/bin/python -m bench.run --cases 3000 --quick  # the same steps on a small city
    .venv/bin/python -m bench.run --pg-url URL          # PostgreSQL: this empty database

The city (bench.city) is written once into the work folder and kept for the next run of the
same size (writing a million cases takes about 10 minutes more); nothing writes to it. Each
measurement of the first table runs the app and hand-written sqlite3 doing the same work, in
this run, on this machine, and reports medians and the ratio app / raw against the goals of
issue 8.

The second table, "SQLite and PostgreSQL" (issue 23), measures the app's same operations with
the same parameters on both backends (bench.backends: next case, also right after the morning
queue refresh with and without its ANALYZE, save Form A, opening a case, the quarterly report,
the case list's first page and its count, the phone search by last digits, the coverage plan,
the queue refresh), then ten seats claiming and saving at once (bench.load.measure_city): first
on a copy of the city in SQLite, then on the city copied into PostgreSQL with COPY and brought
to the newest schema — the database `--pg-url` names (empty; best a superuser's), else a
throw-away server started for the run as the tests start one (tests/postgres_server.py) and
stopped at the end, also on an error, Ctrl+C or SIGTERM. The two backends' results are checked
equal before their figures are compared. Written: medians and p95, the ratio PostgreSQL /
SQLite, and whether issue 23's goals are met (no PostgreSQL figure above 3× SQLite's, an
operator's single action within 10 ms, the coverage plan and the phone search within 0.5 s on
both). At a million cases on 2 cores this part takes about 3 minutes, the COPY into
PostgreSQL 46 s of them.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from bench import backends, desk, form_b, gui, importing, quarterly
from bench.city import generate
from bench.figures import BackendFigure, Figure
from bench.postgres import load_city, postgres_url
from db.database import open_database

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
READING = HERE / "reading.md"  # the hand-written part: why the figures are what they are


def city_path(workdir: Path, cases: int) -> Path:
    """The city of `cases` cases in `workdir`, written when missing (or left half-written)."""
    path = workdir / f"city-{cases}.sqlite3"
    done = path.with_suffix(".done")
    if not (path.exists() and done.exists()):
        print(f"writing a city of {cases} cases to {path} …", flush=True)
        done.unlink(missing_ok=True)
        generate(path, cases=cases, evaluations=cases * 3 // 10, attempts=cases // 2)
        done.write_text(datetime.now().isoformat())
    return path


def city_counts(path: Path) -> dict[str, int]:
    tables = {
        "cases": "SELECT count(*) FROM cases",
        "units": "SELECT count(*) FROM units",
        "evaluations": "SELECT count(*) FROM evaluations",
        "call attempts": "SELECT count(*) FROM call_attempts",
        "open callbacks": "SELECT count(*) FROM callback_tasks"
        " WHERE status IN ('open', 'assigned', 'contacted')",
        "open complaints": "SELECT count(*) FROM complaints WHERE status != 'closed'",
        "Form B records": "SELECT count(*) FROM enterprise_feedback",
    }
    with sqlite3.connect(path) as connection:
        return {name: connection.execute(sql).fetchone()[0] for name, sql in tables.items()}


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GB RAM"
    except (ValueError, OSError, AttributeError):
        pass
    return f"{model}, {os.cpu_count()} cores{memory}, {platform.platform()}"


def versions() -> str:
    import PySide6
    import reportlab
    import sqlalchemy

    return (
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"SQLAlchemy {sqlalchemy.__version__}, PySide6 {PySide6.__version__}, "
        f"reportlab {reportlab.Version}"
    )


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "rows/s":
        return f"{value:,.0f} {unit}"
    if unit == "ms" and value < 10:
        return f"{value:.2f} {unit}"
    if unit in ("ms", "MB"):
        return f"{value:.0f} {unit}"
    return f"{value:.2f} {unit}"


def _goal(figure: Figure) -> str:
    if figure.goal is None:
        return "—"
    sign = "≥" if figure.higher_is_better else "≤"
    return f"{sign} {_number(figure.goal, figure.unit)}"


def _met(figure: Figure) -> str:
    return {True: "met", False: "**not met**", None: "—"}[figure.met]


@dataclass
class BothBackends:
    """The table "SQLite and PostgreSQL": its rows, and where PostgreSQL ran."""

    figures: list[BackendFigure] = field(default_factory=list)
    server: str = ""  # e.g. "PostgreSQL 15.14, a throw-away server started by the bench"
    copy_seconds: float = 0.0  # to copy the city into PostgreSQL and bring it to the newest schema


def both_backends(
    city: Path,
    workdir: Path,
    plan: backends.Plan,
    *,
    pg_url: str | None,
    workers: int,
    saves: int,
    log: Callable[[str], None] = print,
) -> BothBackends:
    """The app's same work on a copy of the city in SQLite and on the city copied into
    PostgreSQL (`pg_url`, an empty database; else a throw-away server started here and stopped
    after, also on an error or Ctrl+C): bench.backends on each, checked to have done the same
    work, then the load test of `workers` seats saving `saves` cases each (bench.load) on each."""
    from bench.load import measure_city  # its worker processes' server starts only here

    result = BothBackends()
    with tempfile.TemporaryDirectory(dir=workdir, prefix="sqlite-copy-") as folder:
        copy = Path(folder) / city.name
        shutil.copyfile(city, copy)  # the kept city is only read
        wal = city.with_name(city.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        sqlite_url = f"sqlite:///{copy}"
        log("  SQLite: a copy of the city")
        lite = _measured(sqlite_url, plan, log)
        with postgres_url(pg_url) as url:
            log("  PostgreSQL: copying the city in with COPY …")
            began = time.perf_counter()
            load_city(city, url)
            result.copy_seconds = time.perf_counter() - began
            result.server = _server(url, given=pg_url is not None)
            log(f"  {result.server}: copied in {result.copy_seconds:.1f} s")
            pg = _measured(url, plan, log)
            backends.check_same_work(lite, pg)
            log(f"  {workers} seats on PostgreSQL …")
            pg_load = measure_city(url, workers=workers, saves=saves, seed=1)
        log(f"  {workers} seats on SQLite …")
        lite_load = measure_city(sqlite_url, workers=workers, saves=saves, seed=1)
    result.figures = backends.figures(lite, pg) + backends.load_figures(lite_load, pg_load)
    return result


def _measured(url: str, plan: backends.Plan, log: Callable[[str], None]) -> backends.BackendRun:
    database = open_database(url)  # brought to the newest schema, as the app would
    try:
        return backends.measure(database, plan, log=log)
    finally:
        database.close()


def _server(url: str, *, given: bool) -> str:
    database = open_database(url)
    try:
        with database.engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar_one()
    finally:
        database.close()
    where = (
        "the database given with --pg-url"
        if given
        else (
            "a throw-away server the bench started (default settings, but no fsync: "
            "tests/postgres_server.py)"
        )
    )
    return f"PostgreSQL {version.split()[0]}, {where}"


def _ms(value: float | None) -> str:
    if value is None:
        return "—"
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    if value >= 10:
        return f"{value:.0f} ms"
    return f"{value:.2f} ms"


def _pair(median: float, p95: float | None, unit: str) -> str:
    if unit != "ms":
        return f"{median:,.0f} {unit}"
    return _ms(median) if p95 is None else f"{_ms(median)} / {_ms(p95)}"


def _backend_goal(figure: BackendFigure) -> str:
    parts = []
    if figure.max_ratio is not None:
        if figure.higher_is_better:
            parts.append(f"≥ 1/{figure.max_ratio:g}×")
        else:
            parts.append(f"≤ {figure.max_ratio:g}×")
    if figure.limit is not None:
        both = " both" if figure.limit_both else ""
        parts.append(f"≤ {_ms(figure.limit)}{both}")
    return ", ".join(parts) or "—"


def backend_lines(both: BothBackends) -> list[str]:
    """The section "SQLite and PostgreSQL" of RESULTS.md."""
    if not both.figures:
        return []
    lines = [
        "## SQLite and PostgreSQL",
        "",
        f"The app's same operations with the same parameters, in the same run, on a copy of the "
        f"city in SQLite and on the city copied into {both.server} with COPY and brought to the "
        f"newest schema ({both.copy_seconds:.0f} s). Median / p95; the ratio is PostgreSQL / "
        "SQLite of the medians (of the p95 for the seats' waits). Goals of issue 23: "
        "PostgreSQL at most 3× SQLite (a rate at least a third of it), an operator's single "
        "action at most 10 ms on PostgreSQL, the coverage plan and the phone search at most "
        "0.5 s on both backends. The two backends' results were checked equal (report "
        "figures, counts, cases found, cases claimed in order).",
        "",
        "| measure | SQLite median / p95 | PostgreSQL median / p95 | PG / SQLite | goal | met "
        "| runs |",
        "|---|---:|---:|---:|---|---|---:|",
    ]
    for f in both.figures:
        ratio = "—" if f.ratio is None else f"{f.ratio:.2f}"
        lines.append(
            f"| {f.name} | {_pair(f.sqlite, f.sqlite_p95, f.unit)} "
            f"| {_pair(f.postgresql, f.postgresql_p95, f.unit)} | {ratio} | {_backend_goal(f)} "
            f"| {_met(f)} | {f.runs} |"
        )
    lines += ["", "What each did:", ""]
    notes = dict.fromkeys(f"{f.note}" for f in both.figures if f.note)
    by_note = {note: [f.name for f in both.figures if f.note == note] for note in notes}
    lines += [f"- **{', '.join(names)}**: {note}" for note, names in by_note.items()]
    return [*lines, ""]


def results_markdown(
    figures: Sequence[Figure],
    *,
    command: str,
    counts: dict[str, int],
    started: datetime,
    seconds: float,
    reading: str,
    both: BothBackends | None = None,
) -> str:
    lines = [
        "# RevisitDesk at city scale",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} (local time) in {seconds / 60:.1f} min by",
        "",
        f"    {command}",
        "",
        f"- Machine: {machine()}",
        f"- Software: {versions()}",
        "- City: " + ", ".join(f"{count:,} {name}" for name, count in counts.items()),
        "- Every figure is the median of its runs; *raw* is hand-written Python with the sqlite3",
        "  module (and reportlab or Qt where the work needs them) doing the same work in the same",
        "  run; the ratio is app / raw (for rows/s below 1 means the app is slower).",
        "",
        "| measurement | app | raw | app / raw | goal | | runs |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]
    for f in figures:
        ratio = "—" if f.ratio is None else f"{f.ratio:.2f}"
        lines.append(
            f"| {f.name} | {_number(f.app, f.unit)} | {_number(f.raw, f.unit)} | {ratio} "
            f"| {_goal(f)} | {_met(f)} | {f.runs} |"
        )
    lines += ["", "## What each side did", ""]
    lines += [f"- **{f.name}**: {f.note}" for f in figures if f.note]
    lines += [""]
    both = both or BothBackends()
    lines += backend_lines(both)
    met = [f.name for f in figures if f.met]
    missed = [f.name for f in figures if f.met is False]
    lines += ["## Goals", "", f"Met: {', '.join(met) or 'none'}."]
    lines += [f"Not met: {', '.join(missed) or 'none'}."]
    if both.figures:
        pg_met = [f.name for f in both.figures if f.met]
        pg_missed = [f.name for f in both.figures if f.met is False]
        lines += [
            "",
            f"SQLite and PostgreSQL, met: {', '.join(pg_met) or 'none'}.",
            f"SQLite and PostgreSQL, not met: {', '.join(pg_missed) or 'none'}.",
        ]
    lines += [""]
    if reading:
        lines += [reading.strip(), ""]
    return "\n".join(lines)


def measurements(
    city: Path, workdir: Path, *, runs: int, import_rows: int, pages: int, desk_runs: int
) -> list[tuple[str, Callable[[], list[Figure]]]]:
    """What to measure, in order, each as a title and a call returning its figures."""

    def desk_figures() -> list[Figure]:
        return desk.figures(desk.measure(city, desk_runs, warmup=5))

    def quarterly_figures() -> list[Figure]:
        # One run unmeasured first: the desk's copy of the city has just filled the disk cache,
        # and a report asked for in the running app finds its pages in memory.
        quarterly.measure(city, 1)
        report_runs = max(runs, 5)
        return quarterly.figures(quarterly.measure(city, report_runs), report_runs)

    return [
        ("import", lambda: importing.measure(workdir / "import", rows=import_rows, runs=runs)),
        ("call desk", desk_figures),
        ("quarterly report", quarterly_figures),
        ("Form B batch", lambda: form_b.measure(city, pages=pages, runs=runs)),
        ("GUI", lambda: gui.measure(city, runs=max(runs, 3))),
    ]


def _plan(quick: bool, runs: int) -> backends.Plan:
    """How much bench.backends measures: a smoke test with --quick, else as many runs of an
    operator's action as bench.desk and at least five of each longer read."""
    if quick:
        return backends.Plan(actions=20, reads=runs, refreshes=1, after_refresh=3, warmup=2)
    return backends.Plan(actions=200, reads=max(runs, 5), refreshes=max(runs, 3))


def main(argv: Sequence[str] | None = None) -> Path:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/revisitdesk-bench"))
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--runs", type=int, default=3, help="runs of each long measurement")
    parser.add_argument(
        "--quick", action="store_true", help="small batches: to check the steps, not to measure"
    )
    parser.add_argument(
        "--pg-url",
        help="an empty PostgreSQL database to copy the city into (default: a throw-away server "
        "started for the run, as the tests start one)",
    )
    parser.add_argument("--seats", type=int, default=10, help="seats of the load test")
    parser.add_argument(
        "--seat-saves", type=int, help="cases each seat saves (default 200; --quick: 3)"
    )
    args = parser.parse_args(argv)
    if args.seats < 1 or (args.seat_saves is not None and args.seat_saves < 1) or args.runs < 1:
        parser.error("--seats, --seat-saves and --runs must each be at least 1")
    started, began = datetime.now(), time.perf_counter()
    args.workdir.mkdir(parents=True, exist_ok=True)
    city = city_path(args.workdir, args.cases)
    counts = city_counts(city)
    steps = measurements(
        city,
        args.workdir,
        runs=args.runs,
        import_rows=2000 if args.quick else 100_000,
        pages=20 if args.quick else 1000,
        desk_runs=20 if args.quick else 200,
    )
    figures: list[Figure] = []
    for title, measure in steps:
        print(f"measuring: {title} …", flush=True)
        for figure in measure():
            print(
                f"  {figure.name}: app {_number(figure.app, figure.unit)}, "
                f"raw {_number(figure.raw, figure.unit)}",
                flush=True,
            )
            figures.append(figure)
    print("measuring: SQLite and PostgreSQL …", flush=True)
    both = both_backends(
        city,
        args.workdir,
        _plan(args.quick, args.runs),
        pg_url=args.pg_url,
        workers=args.seats,
        saves=args.seat_saves or (3 if args.quick else 200),
        log=lambda line: print(
            f"{line} [{(time.perf_counter() - began) / 60:.1f} min]", flush=True
        ),
    )
    for f in both.figures:
        print(
            f"  {f.name}: SQLite {_pair(f.sqlite, f.sqlite_p95, f.unit)}, "
            f"PostgreSQL {_pair(f.postgresql, f.postgresql_p95, f.unit)}",
            flush=True,
        )
    command = "python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:])
    reading = READING.read_text(encoding="utf-8") if READING.exists() else ""
    args.output.write_text(
        results_markdown(
            figures,
            command=command.strip(),
            counts=counts,
            started=started,
            seconds=time.perf_counter() - began,
            reading=reading,
            both=both,
        ),
        encoding="utf-8",
    )
    print(f"written: {args.output}")
    return args.output


if __name__ == "__main__":
    main()
