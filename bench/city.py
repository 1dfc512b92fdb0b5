"""A realistic city-year in a RevisitDesk SQLite file, written fast with the sqlite3 module.

    .venv/bin/python -m bench.city /tmp/city.sqlite3 --cases 1000000

The schema comes from the app's own migrations; only the rows are written by hand, with the
values the app itself would store (UUIDs as 32 hex digits, times as naive UTC text).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from db.database import open_database

UNITS = (
    ("历下区不动产登记中心", "历下区"),
    ("市中区不动产登记中心", "市中区"),
    ("槐荫区不动产登记中心", "槐荫区"),
    ("天桥区不动产登记中心", "天桥区"),
    ("历城区不动产登记中心", "历城区"),
    ("长清区不动产登记中心", "长清区"),
    ("章丘区不动产登记中心", "章丘区"),
    ("济阳区不动产登记中心", "济阳区"),
    ("莱芜区不动产登记中心", "莱芜区"),
    ("钢城区不动产登记中心", "钢城区"),
    ("平阴县不动产登记中心", "平阴县"),
    ("市不动产登记中心专业大厅", "市本级"),
)
TYPES = ("国有建设用地使用权及房屋所有权转移登记", "抵押权首次登记", "抵押权注销登记", "预告登记")
RATINGS = ("very_satisfied",) * 4 + ("satisfied",) * 8 + ("average",) * 2 + ("dissatisfied",)
OUTCOMES = ("completed",) * 3 + ("no_answer", "busy", "unreachable", "wrong_number", "refused_soft")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"
NOW = "2027-01-05 00:00:00.000000"


def _uid(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def _utc(moment: datetime) -> str:
    return (moment - timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S.000000")


def generate(
    path: Path,
    *,
    cases: int = 1_000_000,
    evaluations: int = 300_000,
    attempts: int = 500_000,
    year: int = 2026,
    seed: int = 2026,
) -> None:
    """Write a new database at `path` with the app's schema and a year of records."""
    path.unlink(missing_ok=True)
    open_database(f"sqlite:///{path}").close()  # the schema, through the migrations
    rng = random.Random(seed)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = OFF")
    with connection:
        connection.executemany(
            "INSERT INTO units (id, uid, name, district, area_code, active, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, '0531', 1, ?, ?)",
            [(i + 1, _uid(rng), n, d, NOW, NOW) for i, (n, d) in enumerate(UNITS)],
        )
        connection.executemany(
            "INSERT INTO staff (id, uid, name, unit_id, is_operator, active, created_at, updated_at)"
            " VALUES (?, ?, ?, NULL, 1, 1, ?, ?)",
            [(i, _uid(rng), f"回访员{i}", NOW, NOW) for i in range(1, 21)],
        )
    start = date(year, 1, 1)
    case_rows, phone_rows = [], []
    for case_id in range(1, cases + 1):
        completed = start + timedelta(days=rng.randrange(365))
        case_rows.append(
            (
                case_id,
                _uid(rng),
                f"JN{completed:%Y%m%d}{case_id:07d}",
                rng.choice(TYPES),
                rng.randrange(len(UNITS)) + 1,
                (completed - timedelta(days=rng.randrange(1, 8))).isoformat(),
                completed.isoformat(),
                rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                int(rng.random() < 0.1),
                f"历下区泉城路{rng.randrange(1, 300)}号",
                NOW,
                NOW,
            )
        )
        mobile = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
        phone_rows.append((case_id, mobile, f"+86{mobile}"))
    with connection:
        connection.executemany(
            "INSERT INTO cases (id, uid, case_no, business_type, unit_id, accepted_on,"
            " completed_on, applicant, is_enterprise, location, has_valid_phone, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            case_rows,
        )
        connection.executemany(
            "INSERT INTO case_phones (case_id, position, original, e164, kind)"
            " VALUES (?, 0, ?, ?, 'mobile')",
            phone_rows,
        )
    completed_on = {row[0]: date.fromisoformat(row[6]) for row in case_rows}
    del case_rows, phone_rows
    evaluated = rng.sample(range(1, cases + 1), evaluations)
    evaluation_rows = []
    for number, case_id in enumerate(evaluated, start=1):
        at = datetime.combine(completed_on[case_id], datetime.min.time()) + timedelta(
            minutes=rng.randrange(60 * 24 * 14)
        )
        channel = rng.choice(("qr", "platform", "platform", "phone"))
        evaluation_rows.append(
            (number, _uid(rng), case_id, channel, _utc(at), rng.choice(RATINGS), NOW, NOW)
        )
    with connection:
        connection.executemany(
            "INSERT INTO evaluations (id, uid, case_id, channel, round, evaluated_at, overall,"
            " efficiency, attitude, materials, integrity_breach, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, 1, ?, ?, 'satisfied', 'satisfied', 'satisfied', 0, ?, ?)",
            evaluation_rows,
        )
    del evaluation_rows
    attempt_rows = []
    for number in range(1, attempts + 1):
        case_id = rng.randrange(1, cases + 1)
        at = datetime.combine(completed_on[case_id], datetime.min.time()) + timedelta(
            days=rng.randrange(8, 20), hours=rng.randrange(9, 17)
        )
        attempt_rows.append(
            (
                number,
                _uid(rng),
                case_id,
                _utc(at),
                rng.choice(OUTCOMES),
                rng.randrange(1, 21),
                rng.randrange(20, 400),
                NOW,
                NOW,
            )
        )
    with connection:
        connection.executemany(
            "INSERT INTO call_attempts (id, uid, case_id, attempted_at, outcome, operator_id,"
            " duration_seconds, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            attempt_rows,
        )
    connection.execute("ANALYZE")
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--evaluations", type=int)
    parser.add_argument("--attempts", type=int)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    began = time.perf_counter()
    generate(
        args.path,
        cases=args.cases,
        evaluations=args.evaluations or args.cases * 3 // 10,
        attempts=args.attempts or args.cases // 2,
        seed=args.seed,
    )
    print(f"{args.path}: {args.cases} cases in {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
