"""Every city-scale measurement in one run, written to bench/RESULTS.md.

    .venv/bin/python -m bench.run                       # a million cases: about 20 minutes
    .venv/bin/python -m bench.run --cases 3000 --quick  # the same steps on a small city

The city (bench.city) is written once into the work folder and kept for the next run of the
same size. Each measurement runs the app and hand-written sqlite3 doing the same work, in this
run, on this machine, and reports medians and the ratio app / raw; RESULTS.md says which of the
goals of issue 8 are met, with the machine, the date and the command.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from bench import desk, form_b, gui, importing, quarterly
from bench.city import generate
from bench.figures import Figure

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


def results_markdown(
    figures: Sequence[Figure],
    *,
    command: str,
    counts: dict[str, int],
    started: datetime,
    seconds: float,
    reading: str,
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
    met = [f.name for f in figures if f.met]
    missed = [f.name for f in figures if f.met is False]
    lines += [
        "",
        "## Goals",
        "",
        f"Met: {', '.join(met) or 'none'}.",
        f"Not met: {', '.join(missed) or 'none'}.",
        "",
    ]
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


def main(argv: Sequence[str] | None = None) -> Path:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/revisitdesk-bench"))
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--runs", type=int, default=3, help="runs of each long measurement")
    parser.add_argument(
        "--quick", action="store_true", help="small batches: to check the steps, not to measure"
    )
    args = parser.parse_args(argv)
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
        ),
        encoding="utf-8",
    )
    print(f"written: {args.output}")
    return args.output


if __name__ == "__main__":
    main()
