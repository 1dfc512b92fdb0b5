"""The cost of encryption at rest: the app on the city in the clear and on the same city encrypted
with SQLCipher (app.keys.database_key), next case, save Form A and the quarterly report, taking
turns in one run.

    .venv/bin/python -m bench.encryption CITY.sqlite3 [--runs 200]

Both copies are made from the city file; the encrypted one by SQLCipher's export, as
`main.py db encrypt` does. The figure is the ratio encrypted / in the clear of the medians (the
ratio of each against raw SQLite is bench.desk's and bench.quarterly's).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.desk import APP_OPERATOR, NOW, _fill_queue, app_save
from bench.quarterly import app_figures
from db.database import Database, open_database


def _encrypted_copy(city: Path, target: Path, key: bytes) -> None:
    import sqlcipher3.dbapi2 as sqlcipher

    source = sqlcipher.connect(str(city), isolation_level=None)
    try:
        source.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(target),))
        source.execute("SELECT sqlcipher_export('encrypted')")
        source.execute("DETACH DATABASE encrypted")
    finally:
        source.close()


def measure(city: Path, runs: int, *, report_runs: int = 5, warmup: int = 5) -> dict:
    """{"next"|"save"|"report": {"plain_ms", "encrypted_ms", "ratio"}} on copies of `city`."""
    from app.desk.queue import next_case

    with tempfile.TemporaryDirectory(prefix="bench-encryption-") as folder:
        plain_file, encrypted_file = Path(folder) / "plain.sqlite3", Path(folder) / "enc.sqlite3"
        shutil.copyfile(city, plain_file)
        key = os.urandom(32)
        _encrypted_copy(city, encrypted_file, key)
        databases: dict[str, Database] = {
            "plain": open_database(f"sqlite:///{plain_file}"),
            "encrypted": open_database(f"sqlite:///{encrypted_file}", key=key),
        }
        try:
            for database in databases.values():
                _fill_queue(database, 2 * (runs + warmup))
            times: dict[str, dict[str, list[float]]] = {
                step: {name: [] for name in databases} for step in ("next", "save", "report")
            }
            items: dict[str, list] = {name: [] for name in databases}
            for run in range(runs + warmup):
                for name, database in databases.items():  # taking turns
                    began = time.perf_counter()
                    item = next_case(database.sessions, APP_OPERATOR, now=NOW)
                    elapsed = time.perf_counter() - began
                    assert item is not None, "the queue ran dry"
                    items[name].append(item)
                    if run >= warmup:
                        times["next"][name].append(elapsed)
            for run in range(runs + warmup):
                for name, database in databases.items():
                    began = time.perf_counter()
                    app_save(database, items[name][run], APP_OPERATOR)
                    if run >= warmup:
                        times["save"][name].append(time.perf_counter() - began)
            for _ in range(report_runs):
                for name, database in databases.items():
                    began = time.perf_counter()
                    with database.sessions() as session:
                        app_figures(session)
                    times["report"][name].append(time.perf_counter() - began)
        finally:
            for database in databases.values():
                database.close()
    result = {}
    for step, by_name in times.items():
        plain = statistics.median(by_name["plain"]) * 1000
        encrypted = statistics.median(by_name["encrypted"]) * 1000
        result[step] = {"plain_ms": plain, "encrypted_ms": encrypted, "ratio": encrypted / plain}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("city", type=Path, help="a city file (bench.run writes city-N.sqlite3)")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--report-runs", type=int, default=5)
    args = parser.parse_args()
    result = measure(args.city, args.runs, report_runs=args.report_runs)
    for step, values in result.items():
        print(
            f"{step}: in the clear {values['plain_ms']:.2f} ms, encrypted "
            f"{values['encrypted_ms']:.2f} ms, ratio {values['ratio']:.2f}"
        )


if __name__ == "__main__":
    main()
