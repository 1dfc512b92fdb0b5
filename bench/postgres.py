"""The issue-23 statements on PostgreSQL, before and after migration 0021, on a copy of a city.

    .venv/bin/python -m bench.postgres /tmp/city.sqlite3 [--url URL] [--runs 5] [--quick]

Starts a throw-away server the way the tests do (tests/postgres_server.py) unless `--url` names
an empty database (best a superuser's: the copy turns triggers off, as a restore does), makes
the schema of revision 0020 there, copies the city (written by bench.city when the path does
not exist) from SQLite with COPY, analyzes it as autovacuum would have, and then, before and
after upgrading to the newest schema (migration 0021):

- the claim of the next case right after the morning queue refresh (app.desk.queue's statement,
  EXPLAIN ANALYZE in a transaction rolled back), with the statistics of before the refresh:
  autovacuum is off for call_queue, as in the minutes before it comes by. "Before" refreshes
  without the ANALYZE that app.desk.sampling now ends the refresh with;
- the case list's first page (app.case_list.case_page, no search);
- the phone search by the last four digits: before, `e164 LIKE '%5678'`; after, the app's
  statement on case_phones.e164_reversed;
- the coverage plan (app.desk.coverage), timed whole, with JIT on (PostgreSQL's default, before)
  and off (the app's sessions now, db.engine), and the plan of its slowest statement.

Prints each plan and its time; `--output` writes them as Markdown (for bench/reading.md).
"""

from __future__ import annotations

import argparse
import signal
import sqlite3
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any
from unittest import mock

from sqlalchemy import Boolean, Connection, Engine, event, inspect, select
from sqlalchemy.orm import Session

from app.case_list import CaseSearch, case_page
from app.desk import queue as desk_queue
from app.desk import sampling
from app.desk.coverage import coverage_plan
from app.zone import LOCAL_ZONE
from bench.city import generate
from db.database import open_database
from db.engine import make_engine
from db.migrate import head_revision, run_migrations
from db.models import Base, Case, CasePhone

TODAY = date(2026, 12, 15)  # as bench.desk
NOW = datetime(2026, 12, 15, 10, 0, tzinfo=LOCAL_ZONE)
SEED = 1
OPERATOR = 1
TAIL = "5678"
BEFORE, AFTER = "0020", "head"
MEASURES = ("claim after refresh", "case list first page", "phone tail search", "coverage plan")
STALE = "claim after refresh, no ANALYZE"  # after: the partial index alone


def start_server():
    """A throw-away server (tests/postgres_server.py); the caller stops it."""
    from tests.postgres_server import ThrowawayServer  # the one way this repository starts one

    server = ThrowawayServer()
    try:
        server.start()
    except BaseException:
        server.stop()  # a half-started server and its folder, removed
        raise
    return server


@contextmanager
def postgres_url(url: str | None = None) -> Iterator[str]:
    """`url`, or that of a throw-away server started for the block and stopped after it, also
    when the block fails or is stopped with Ctrl+C or SIGTERM."""
    if url:
        yield url
        return
    server = start_server()
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupted) if main else None
    try:
        yield server.url
    finally:
        server.stop()
        if main:
            signal.signal(signal.SIGTERM, previous)


def _interrupted(*_args) -> None:
    raise KeyboardInterrupt


def city_revision(city: Path) -> str:
    """The schema revision the SQLite city was written at."""
    with closing(sqlite3.connect(city)) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def load_city(city: Path, url: str) -> dict[str, int]:
    """The city into the empty PostgreSQL database at `url` as the app would find it: the
    schema of the city's revision, every row copied with COPY (`copy_city`, which also analyzes
    and turns autovacuum off for call_queue), then upgraded to the newest schema as the app
    upgrades, and analyzed again as autovacuum would have. Returns the rows copied per table;
    refuses a database that holds tables."""
    engine = make_engine(url)
    try:
        tables = inspect(engine).get_table_names()
        if tables:
            raise SystemExit(
                f"{engine.url.render_as_string(hide_password=True)} holds tables already"
                f" ({', '.join(sorted(tables)[:5])}…): give an empty database"
            )
        revision = city_revision(city)
        run_migrations(engine, revision)
        counts = copy_city(city, engine)
    finally:
        engine.dispose()
    if revision == head_revision():
        return counts
    open_database(url).close()  # the newest schema, as the app brings it there
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    finally:
        engine.dispose()
    return counts


def copy_city(city: Path, engine: Engine) -> dict[str, int]:
    """Every table of the SQLite city into the PostgreSQL schema of `engine` with COPY (the
    columns both have), then the id sequences past the copied ids and ANALYZE. Returns the rows
    copied per table."""
    source = sqlite3.connect(city)
    counts = {}
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            # Triggers and foreign keys off while copying a consistent database, as a restore
            # does; only a superuser may. Otherwise they run, and keep the same values.
            cursor.execute("SET session_replication_role = replica")
        except Exception:  # noqa: BLE001 - any refusal: copy with the triggers on
            raw.rollback()
        cursor.execute("SET TimeZone = 'UTC'")  # the city's times are UTC without a zone
        for table in Base.metadata.sorted_tables:
            cursor.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
                (table.name,),
            )
            target = {row[0] for row in cursor.fetchall()}
            present = [row[1] for row in source.execute(f'PRAGMA table_info("{table.name}")')]
            columns = [c for c in present if c in target]
            if not columns or not target:
                continue
            names = ", ".join(f'"{c}"' for c in columns)
            boolean = [c in table.c and isinstance(table.c[c].type, Boolean) for c in columns]
            rows = source.execute(f'SELECT {names} FROM "{table.name}"')
            counts[table.name] = 0
            with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(
                        [
                            (bool(v) if flag and v is not None else v)
                            for v, flag in zip(row, boolean, strict=True)
                        ]
                    )
                    counts[table.name] += 1
            if "id" in columns and counts[table.name]:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'),"
                    f' (SELECT max(id) FROM "{table.name}"))'
                )
        raw.commit()
    finally:
        raw.close()
        source.close()
    with engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        # The minutes after a refresh before autovacuum comes by, for as long as this runs.
        connection.exec_driver_sql("ALTER TABLE call_queue SET (autovacuum_enabled = false)")
        connection.commit()
    return counts


@contextmanager
def captured(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """The statements run on `engine` meanwhile, as sent (SQL and parameters)."""
    found: list[tuple[str, Any]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        found.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield found
    finally:
        event.remove(engine, "before_cursor_execute", record)


def explain(connection: Connection, statement: str, parameters: Any) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of a statement as sent, in a savepoint rolled back."""
    with connection.begin_nested() as savepoint:
        lines = connection.exec_driver_sql(
            "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters
        ).scalars()
        plan = "\n".join(lines)
        savepoint.rollback()
    return plan


def explained(engine: Engine, statement: str, parameters: Any, *, jit: bool = False) -> str:
    with engine.connect() as connection:
        if jit:
            connection.exec_driver_sql("SET LOCAL jit = on")
        plan = explain(connection, statement, parameters)
        connection.rollback()
    return plan


def execution_ms(plan: str) -> float:
    for line in plan.splitlines():
        if line.strip().startswith("Execution Time:"):
            return float(line.split(":")[1].split()[0])
    return float("nan")


def median_ms(run: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def claim_plan(engine: Engine, *, analyze: bool) -> str:
    """The claim right after a refresh, in the refresh's transaction, rolled back after: the
    next measure starts from the same queue and statistics."""
    analyzing = sampling._analyze_queue if analyze else (lambda _session: None)
    with engine.connect() as connection:
        with mock.patch.object(sampling, "_analyze_queue", analyzing):
            session = Session(bind=connection)
            sampling.refresh_queue(session, today=TODAY, seed=SEED, now=NOW)
            session.flush()
        compiled = desk_queue._claim_statements(True)[1].compile(dialect=engine.dialect)
        parameters = compiled.construct_params(
            {"now": NOW, "operator_id": OPERATOR, "expires": NOW, "updated_at": NOW}
        )
        plan = explain(connection, str(compiled), parameters)
        session.close()
        connection.rollback()
    return plan


def first_page_plan(engine: Engine, search: CaseSearch) -> str:
    with engine.connect() as connection, Session(bind=connection) as session:
        with captured(engine) as statements:
            case_page(session, search, now=NOW)
    statement, parameters = statements[0]  # the page's cases; the rest look up by their ids
    return explained(engine, statement, parameters)


def old_tail_plan(engine: Engine) -> str:
    """The phone-tail page as it was before migration 0021: e164 LIKE '%5678'."""
    query = (
        select(
            Case.id,
            Case.case_no,
            Case.business_type,
            Case.unit_id,
            Case.completed_on,
            Case.applicant,
            Case.first_evaluation_id,
        )
        .where(Case.id.in_(select(CasePhone.case_id).where(CasePhone.e164.endswith(TAIL))))
        .order_by(Case.completed_on.desc(), Case.id.desc())
        .limit(201)
    )
    compiled = query.compile(dialect=engine.dialect)
    return explained(engine, str(compiled), compiled.params)


def coverage(engine: Engine, *, jit: bool, runs: int) -> tuple[float, str]:
    """The coverage plan's median time, and the plan of its slowest statement."""
    year, quarter = TODAY.year, (TODAY.month - 1) // 3 + 1

    def run() -> None:
        with engine.connect() as connection, Session(bind=connection) as session:
            # For this transaction only: the app's connections have JIT off (db.engine).
            connection.exec_driver_sql(f"SET LOCAL jit = {'on' if jit else 'off'}")
            coverage_plan(session, year, quarter, today=TODAY)

    took = median_ms(run, runs)
    with captured(engine) as statements:
        run()
    slowest, plan = -1.0, ""
    for statement, parameters in statements:
        if not statement.lstrip().upper().startswith("SELECT"):
            continue
        found = explained(engine, statement, parameters, jit=jit)
        if execution_ms(found) > slowest:
            slowest, plan = execution_ms(found), found
    return took, plan


def measure(engine: Engine, *, after: bool, runs: int) -> dict[str, tuple[float, str]]:
    claim = claim_plan(engine, analyze=after)
    stale = claim_plan(engine, analyze=False) if after else claim
    page = first_page_plan(engine, CaseSearch())
    tail = first_page_plan(engine, CaseSearch(TAIL)) if after else old_tail_plan(engine)
    took, plan = coverage(engine, jit=not after, runs=runs)
    return {
        MEASURES[0]: (execution_ms(claim), claim),
        STALE: (execution_ms(stale), stale),
        MEASURES[1]: (execution_ms(page), page),
        MEASURES[2]: (execution_ms(tail), tail),
        MEASURES[3]: (took, plan),
    }


def markdown(cases: int, results: dict[str, dict[str, tuple[float, str]]]) -> str:
    lines = [
        f"PostgreSQL, a city of {cases:,} cases; EXPLAIN ANALYZE execution times "
        "(the coverage plan: median of the whole call).",
        "",
        "| statement | before 0021 | after |",
        "|---|---|---|",
    ]
    for name in (*MEASURES, STALE):
        before, after = results["before"][name][0], results["after"][name][0]
        lines.append(f"| {name} | {before:.2f} ms | {after:.2f} ms |")
    for name in (*MEASURES, STALE):
        for when in ("before", "after"):
            lines += ["", f"{name}, {when}:", "", "```", results[when][name][1], "```"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> dict[str, dict[str, tuple[float, str]]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("city", type=Path)
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a throw-away one)")
    parser.add_argument("--cases", type=int, default=100_000, help="when writing the city")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="a smoke test: one run")
    parser.add_argument("--output", type=Path, help="write the plans as Markdown here")
    args = parser.parse_args(argv)
    if not args.city.exists():
        print(f"writing a city of {args.cases} cases to {args.city} …", flush=True)
        generate(
            args.city,
            cases=args.cases,
            evaluations=args.cases * 3 // 10,
            attempts=args.cases // 2,
        )
    runs = 1 if args.quick else args.runs
    with postgres_url(args.url) as url:
        engine = make_engine(url)
        run_migrations(engine, BEFORE)
        started = time.perf_counter()
        counts = copy_city(args.city, engine)
        print(f"copied {counts.get('cases', 0):,} cases in {time.perf_counter() - started:.1f} s")
        results = {"before": measure(engine, after=False, runs=runs)}
        run_migrations(engine, AFTER)
        with engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "ANALYZE cases; ANALYZE case_phones"
            )
        results["after"] = measure(engine, after=True, runs=runs)
        engine.dispose()
    report = markdown(counts.get("cases", 0), results)
    for name in (*MEASURES, STALE):
        before, after = results["before"][name][0], results["after"][name][0]
        print(f"{name:24} before {before:10.2f} ms   after {after:10.2f} ms")
    if args.output:
        args.output.write_text(report)
    return results


if __name__ == "__main__":
    main()
